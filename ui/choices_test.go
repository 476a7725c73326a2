package ui

import (
	"spineroutine/ui/settings"
	"spineroutine/ui/widgets"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestSettingsChosenTakeEffect: a change in the Settings tab is saved and
// applied by the controller (the view saves nothing), and a change hands
// on only what changed: a setting saved elsewhere meanwhile stays.
func TestSettingsChosenTakeEffect(t *testing.T) {
	h := newHarness(t, nil)
	v := h.settings().view

	entryAfter(t, v, "Get ready (s)").SetText("12")
	if got := h.prefs().GetReady(); got != 12 {
		t.Errorf("get ready saved %d, want 12", got)
	}
	if got := h.inuse().r.GetReady; got != 12*time.Second {
		t.Errorf("the routine in use gets ready in %v, want 12 s", got)
	}

	tapButton(t, v, "Dark")
	th, ok := h.app.Settings().Theme().(*appTheme)
	bg := theme.ColorNameBackground
	if h.prefs().Theme() != settings.ThemeDark || !ok || th.Color(bg, theme.VariantLight) != th.base.Color(bg, theme.VariantDark) {
		t.Errorf("dark theme: saved %q, or not applied", h.prefs().Theme())
	}

	// The Routine tab saves the routine file itself (its "Use built-in");
	// a later change of volume must not write the view's older value back.
	h.prefs().SetRoutinePath("/elsewhere/mine.toml")
	one(t, v, "volume", func(*widgets.KeySlider) bool { return true }).SetValue(30)
	if got := h.prefs().RoutinePath(); got != "/elsewhere/mine.toml" {
		t.Errorf("routine path %q after a volume change, want the one saved meanwhile", got)
	}
	if got := h.prefs().Sound().Volume; got != 30 || h.player.settings.Volume != 30 {
		t.Errorf("volume saved %d, player has %d; want 30", got, h.player.settings.Volume)
	}

	goal := one(t, v, "weekly goal row", func(c *fyne.Container) bool {
		if len(c.Objects) != 2 {
			return false
		}
		_, sel := c.Objects[0].(*widgets.KeySelect)
		return sel && len(find(c.Objects[1], func(l *widget.Label) bool { return l.Text == "days a week keep the weekly streak" })) == 1
	})
	goal.Objects[0].(*widgets.KeySelect).SetSelected("2")
	if got := h.prefs().WeeklyTarget(); got != 2 {
		t.Errorf("weekly target saved %d, want 2", got)
	}
	test.Tap(checkLabelled(t, v, muteLabel))
	if !h.session().sound.settings.Muted || !h.prefs().Sound().Muted || !h.player.settings.Muted {
		t.Errorf("mute in Settings: shown %v, saved %v, player %v", h.session().sound.settings.Muted, h.prefs().Sound().Muted, h.player.settings.Muted)
	}
}
