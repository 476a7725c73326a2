package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
	"spineroutine/ui/settings"
)

// TestHistoryAndSettingsTabs checks the wiring of the two tabs to a real
// window (built on the test driver with a fake clock).
func TestHistoryAndSettingsTabs(t *testing.T) {
	h := newHarness(t, nil)
	tabs := h.session().main.views
	if len(tabs) != 3 || tabs[0].Text != "Today" || tabs[1].Text != "History" || tabs[2].Text != "Settings" {
		t.Fatalf("tabs %v", tabs)
	}
	hist, set := h.history().view, h.settings().view
	if tabs[1].Content.(*fyne.Container).Objects[0] != fyne.CanvasObject(hist) ||
		tabs[2].Content.(*fyne.Container).Objects[0] != fyne.CanvasObject(set) {
		t.Fatal("the History and Settings tabs do not show the views")
	}
	prefs := NewPrefs(h.app.Preferences())
	if len(find(set, func(l *widget.Label) bool { return l.Text == "File: test.toml" })) != 1 {
		t.Error("Settings does not show the routine in use")
	}

	mute := checkLabelled(t, set, muteLabel)
	if mute.Checked {
		t.Error("Settings shows muted; the window is not")
	}
	// Mute in Settings reaches the player and the window's mute button.
	test.Tap(mute)
	if !h.session().sound.settings.Muted || !h.player.settings.Muted || !prefs.Sound().Muted {
		t.Errorf("Settings mute: window %v, player %v, saved %v", h.session().sound.settings.Muted, h.player.settings.Muted, prefs.Sound().Muted)
	}
	// The mute key reaches Settings and the preferences.
	h.settings().ToggleMute()
	if mute.Checked || prefs.Sound().Muted {
		t.Errorf("mute key: Settings shows %v, saved %v", mute.Checked, prefs.Sound().Muted)
	}

	// A back-filled tick of today shows on the Today checklist.
	test.Tap(hist.checks[1])
	if !h.j.Done(journal.Today(t0))[h.inuse().r.Moves[1].ID] {
		t.Fatal("the tick was not saved")
	}
	if !h.today().list.rows[1].done.Checked {
		t.Error("the Today checklist was not reloaded")
	}

	// A theme chosen in Settings repaints the card's texts.
	tapButton(t, set, "Light")
	if got, want := h.session().card.name.Color, theme.Color(theme.ColorNameForeground); got != want {
		t.Errorf("card name colour %v after the theme change, want %v", got, want)
	}
	if prefs.Theme() != settings.ThemeLight {
		t.Errorf("theme saved %q", prefs.Theme())
	}

	// New timings rebuild the window's routine.
	entryAfter(t, set, "Get ready (s)").SetText("3")
	if h.inuse().r.GetReady != 3*time.Second {
		t.Errorf("get ready %v after the override", h.inuse().r.GetReady)
	}

	// Another routine file: the window and the back-fill list follow.
	path := filepath.Join(t.TempDir(), "mine.toml")
	if err := os.WriteFile(path, []byte(oneMoveRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	set.LoadRoutine(path)
	if p := problems(set); p != "" {
		t.Fatalf("problems: %q", p)
	}
	if h.inuse().r.Source != path || len(hist.checks) != 1 || h.inuse().r.GetReady != 3*time.Second {
		t.Errorf("after Open: window routine %q (get ready %v), %d back-fill boxes", h.inuse().r.Source, h.inuse().r.GetReady, len(hist.checks))
	}
	set.LoadRoutine("")
	if h.inuse().r.Source != "default" || prefs.RoutinePath() != "" {
		t.Errorf("after Use built-in: %q, saved %q", h.inuse().r.Source, prefs.RoutinePath())
	}
}

// versionApp is an app whose metadata carry a version (as FyneApp.toml
// gives a packaged build).
type versionApp struct{ fyne.App }

func (versionApp) Metadata() fyne.AppMetadata { return fyne.AppMetadata{Version: "1.4.2"} }

// TestAboutShowsTheVersion: Settings' About shows the app's version.
func TestAboutShowsTheVersion(t *testing.T) {
	h := newHarness(t, nil)
	c := newController(versionApp{h.app}, h.opts)
	defer c.win.Close()
	c.session.main.show(3)
	if markup := test.RenderToMarkup(c.win.Canvas()); !strings.Contains(markup, Title+" 1.4.2") {
		t.Errorf("About does not show %q", Title+" 1.4.2")
	}
}

// oneMoveRoutine is a routine file of one move.
const oneMoveRoutine = `name = "Mine"

[[move]]
id = "a"
name = "A"
focus = "stability"
reps = 2
hold = 5
`
