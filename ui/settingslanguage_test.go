package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/settings"
	"spineroutine/ui/widgets"
)

// Settings' Language section saves the choices through the one path of
// the settings (Prefs.SetSettings) where cmd reads them at the next start
// (appdata's language settings), and a view built anew shows them.
func TestSettingsLanguage(t *testing.T) {
	h := newHarness(t, nil)
	store := h.app.Preferences()
	// The section's two boxes, beside "Window" and "Voice".
	boxes := func(v fyne.CanvasObject) (window, voice *widgets.KeySelect) {
		return boxAfter(t, v, "Window").(*widgets.KeySelect), boxAfter(t, v, "Voice").(*widgets.KeySelect)
	}
	win, voice := boxes(h.settings().view)
	if win.Selected != "System" || voice.Selected != "Same as the window" {
		t.Fatalf("nothing saved shows %q / %q, want System / Same as the window", win.Selected, voice.Selected)
	}
	rebuilt := func() fyne.CanvasObject {
		return settings.NewView(h.prefs().Settings(), settings.Options{Title: Title, Problems: h.prefs().SettingsProblems()})
	}
	cases := []struct {
		window, voice string
		wantWindow    i18n.Lang // "" follows the system
		wantSet       bool
		wantVoice     i18n.Lang // under a German system
	}{
		{"Deutsch", "Same as the window", i18n.German, true, i18n.German},
		{"Français", "English", i18n.French, true, i18n.English},
		{"Español", "Same as the window", i18n.Spanish, true, i18n.Spanish},
		{"System", "English", "", false, i18n.English},
		{"English", "Same as the window", i18n.English, true, i18n.English},
	}
	for _, c := range cases {
		win.SetSelected(c.window)
		voice.SetSelected(c.voice)
		l, set, err := appdata.Language(store)
		if err != nil || l != c.wantWindow || set != c.wantSet {
			t.Errorf("%s: saved window language %q (set %v, %v), want %q (set %v)", c.window, l, set, err, c.wantWindow, c.wantSet)
		}
		window := i18n.German // the system's
		if set {
			window = l
		}
		if v, err := appdata.VoiceLanguage(store, window); err != nil || v != c.wantVoice {
			t.Errorf("%s, voice %s: saved voice %q (%v), want %q", c.window, c.voice, v, err, c.wantVoice)
		}
		if w, v := boxes(rebuilt()); w.Selected != c.window || v.Selected != c.voice {
			t.Errorf("saved %s / %s shows %q / %q when built again", c.window, c.voice, w.Selected, v.Selected)
		}
	}

	// A hand-edited value the app does not know is said, and the system's
	// language shown; a choice then saves over it.
	store.SetString(appdata.KeyLanguage, "tlh")
	bad := rebuilt()
	if w, _ := boxes(bad); w.Selected != "System" || !strings.Contains(problems(bad), `"tlh"`) {
		t.Errorf("unknown language shows %q, problem %q", w.Selected, problems(bad))
	}
	h.settings().build() // the tab shown anew
	_, voice = boxes(h.settings().view)
	voice.SetSelected("English")
	if got := store.String(appdata.KeyLanguage); got != appdata.LanguageSystem {
		t.Errorf("a choice over an unknown language saved %q, want %q", got, appdata.LanguageSystem)
	}
	said := false
	uitest.Walk(h.settings().view, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Applies when Spine Routine starts again." {
			said = true
		}
	})
	if !said {
		t.Error("the section does not say when a change applies")
	}
}
