package daily

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/reminder"
	"spineroutine/ui/internal/uitest"
)

func TestReminderSection(t *testing.T) {
	test.NewTempApp(t)
	saved := reminder.Default()
	var got []reminder.Settings
	var fail error
	// Saved as the window does (settingsTab.chosen).
	r := NewSection(saved, func(s reminder.Settings) error {
		got = append(got, s)
		saved = s
		return fail
	})
	test.NewTempWindow(t, r.obj)

	// Off by default: nothing else can be changed until it is on.
	if r.enable.Checked || r.keep.Checked || r.autostart.Checked {
		t.Fatal("a reminder feature is on by default")
	}
	if !r.at.Disabled() || !r.keep.Disabled() || !r.days[time.Monday].Disabled() {
		t.Error("time, days and tray options are editable while the reminder is off")
	}
	if r.at.Text != "18:00" {
		t.Errorf("time shows %q, want the default 18:00", r.at.Text)
	}
	for d, c := range r.days {
		if !c.Checked {
			t.Errorf("%v not ticked by default", time.Weekday(d))
		}
	}

	test.Tap(r.enable)
	if len(got) != 1 || !got[0].Enabled {
		t.Fatalf("after ticking the reminder on, onChange got %+v", got)
	}
	if r.at.Disabled() || r.keep.Disabled() || r.autostart.Disabled() || r.days[time.Sunday].Disabled() {
		t.Error("options stay disabled with the reminder on")
	}

	r.at.SetText("7:3") // half typed: not applied, said under the section
	if len(got) != 1 {
		t.Errorf("an incomplete time was applied: %+v", got[len(got)-1])
	}
	if !r.problem.Visible() || !strings.Contains(r.problem.Text, "like 18:00") {
		t.Errorf("problem label = %q (visible %v) for a time that does not read", r.problem.Text, r.problem.Visible())
	}
	r.at.SetText("7:30")
	if r.problem.Visible() {
		t.Errorf("problem label %q stays for a good time", r.problem.Text)
	}
	// A good time is not marked with a check mark ("18:00 ✓").
	uitest.Walk(r.at, func(o fyne.CanvasObject) {
		if im, ok := o.(*canvas.Image); ok && im.Visible() && im.Resource != nil {
			t.Errorf("the time box shows the icon %s", im.Resource.Name())
		}
	})
	test.Tap(r.days[time.Sunday])
	test.Tap(r.keep)
	test.Tap(r.autostart)
	last := got[len(got)-1]
	want := reminder.Settings{Enabled: true, At: reminder.Clock{Hour: 7, Minute: 30},
		Days: reminder.EveryDay.With(time.Sunday, false), KeepInTray: true, Autostart: true}
	if last != want {
		t.Errorf("settings after the edits = %+v, want %+v", last, want)
	}

	// A failure to apply (e.g. the autostart folder) is shown in the section.
	fail = errors.New("autostart entry /x: permission denied")
	test.Tap(r.autostart)
	if !r.problem.Visible() || r.problem.Text != fail.Error() {
		t.Errorf("problem label = %q (visible %v), want %q", r.problem.Text, r.problem.Visible(), fail)
	}
	fail = nil
	test.Tap(r.autostart)
	if r.problem.Visible() {
		t.Error("the problem stays shown after a change that worked")
	}

	// A new section shows what was saved.
	again := NewSection(saved, func(reminder.Settings) error { return nil })
	if again.s != want || again.at.Text != "07:30" || again.days[time.Sunday].Checked || !again.keep.Checked {
		t.Errorf("a new section shows %+v (time %q), want the saved %+v", again.s, again.at.Text, want)
	}
}
