package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestSettingsChosenTakeEffect: a change in the Settings tab is saved and
// applied by the controller (the view saves nothing), and a change hands
// on only what changed: a setting saved elsewhere meanwhile stays.
func TestSettingsChosenTakeEffect(t *testing.T) {
	h := newHarness(t, nil)
	v := h.settings().view

	v.getReady.SetText("12")
	if got := h.prefs().GetReady(); got != 12 {
		t.Errorf("get ready saved %d, want 12", got)
	}
	if got := h.inuse().r.GetReady; got != 12*time.Second {
		t.Errorf("the routine in use gets ready in %v, want 12 s", got)
	}

	v.selectTheme("Dark")
	th, ok := h.app.Settings().Theme().(*appTheme)
	bg := theme.ColorNameBackground
	if h.prefs().Theme() != ThemeDark || !ok || th.Color(bg, theme.VariantLight) != th.base.Color(bg, theme.VariantDark) {
		t.Errorf("dark theme: saved %q, or not applied", h.prefs().Theme())
	}

	// The Routine tab saves the routine file itself (its "Use built-in");
	// a later change of volume must not write the view's older value back.
	h.prefs().SetRoutinePath("/elsewhere/mine.toml")
	v.volume.SetValue(30)
	if got := h.prefs().RoutinePath(); got != "/elsewhere/mine.toml" {
		t.Errorf("routine path %q after a volume change, want the one saved meanwhile", got)
	}
	if got := h.prefs().Sound().Volume; got != 30 || h.player.settings.Volume != 30 {
		t.Errorf("volume saved %d, player has %d; want 30", got, h.player.settings.Volume)
	}

	v.target.SetSelected("2")
	if got := h.prefs().WeeklyTarget(); got != 2 {
		t.Errorf("weekly target saved %d, want 2", got)
	}
	test.Tap(v.mute)
	if !h.session().sound.settings.Muted || !h.prefs().Sound().Muted || !h.player.settings.Muted {
		t.Errorf("mute in Settings: shown %v, saved %v, player %v", h.session().sound.settings.Muted, h.prefs().Sound().Muted, h.player.settings.Muted)
	}
}
