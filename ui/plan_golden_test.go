package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
)

// goodMonth seeds three good days of the daily routine before t0: every
// move earned its step up, so the plan offers the pace's two.
func goodMonth(t *testing.T) func(*Options) {
	return func(o *Options) {
		o.RoutineKey, o.Routine = library.DefaultKey, routine.Default()
		for d := 3; d >= 1; d-- {
			at := t0.AddDate(0, 0, -d)
			id, err := o.Journal.StartSession(at, "default", routine.Default().IDs())
			must(t, err)
			must(t, o.Journal.SavePain(id, journal.Before, 2, at.Add(time.Second)))
			for i, m := range routine.Default().Moves {
				must(t, o.Journal.MarkTimed(id, m.ID, m.StartLevel, at.Add(time.Duration(i+1)*time.Minute)))
			}
			must(t, o.Journal.EndSession(id, journal.Finished, at.Add(time.Hour)))
			must(t, o.Journal.SavePain(id, journal.After, 2, at.Add(time.Hour+time.Minute)))
		}
	}
}

// The plan of the day with its suggestions, and Settings, as golden
// images at 1024×600 and 1366×768 (issue 31): nothing cut, no horizontal
// scroll bar, and Start on screen.
func TestPlanAndSettingsGolden(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768}} {
		uitest.FreshRenderCache()
		h, _ := newLibraryHarness(t, goodMonth(t))
		h.prefs().SetSafetyNoteSeen(true)
		h.session().notes.clear("safety")
		h.win().Resize(fitWindow(size, fyne.Size{}))
		h.session().painBefore.choose(2)
		h.sync()
		for _, tab := range []string{"Today", "Settings"} {
			h.showTab(tab)
			for _, p := range append(overflowing(h.win().Content()), clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size())...) {
				t.Errorf("%v, %s: %s", size, tab, p)
			}
			name := map[string]string{"Today": "plan", "Settings": "settings"}[tab]
			test.AssertRendersToImage(t, fmt.Sprintf("%s-%dx%d.png", name, int(size.Width), int(size.Height)), h.win().Canvas())
		}
		if !h.today().list.start.Visible() || h.today().list.start.Position().Y+h.today().list.start.Size().Height > h.win().Canvas().Size().Height {
			t.Errorf("%v: Start is not on screen", size)
		}
	}
}
