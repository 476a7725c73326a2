package ui

import (
	"spineroutine/ui/settings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// settingsChosen saves and applies a change of the user's settings: the
// one place where the Settings tab, the reminder's section and the mute
// key take effect. edit changes the saved settings, whose sound reads as
// it plays (muted while --mute holds). The --mute flag is never saved:
// while it holds, "muted" is saved only when the user chose it (the saved
// choice was not muted and stays so when only the volume changed). It
// returns the error of applying the reminder's settings (the autostart
// entry). The languages are saved only: cmd reads them at the next start.
func (t *settingsTab) chosen(edit func(*settings.Settings)) error {
	old := t.prefs.Settings()
	s := old
	s.Sound = t.sound.settings
	edit(&s)
	// The routine file in use is saved by the routine in use alone
	// (routineInUse), as it is put in use.
	s.RoutinePath = old.RoutinePath
	soundChanged := s.Sound != t.sound.settings
	if soundChanged {
		if t.sound.flagMute {
			if s.Sound.Muted {
				s.Sound.Muted = old.Sound.Muted
			} else {
				t.sound.flagMute = false
			}
		}
	} else {
		s.Sound = old.Sound
	}
	t.prefs.SetSettings(s)

	h := t.hooks
	if soundChanged {
		t.sound.set(s.Sound)
		h.muted(t.sound.settings.Muted)
	}
	if s.Theme != old.Theme {
		h.theme(s.Theme)
	}
	if s.GetReady != old.GetReady || s.Rest != old.Rest {
		if err := h.timings(); err != nil {
			h.notice("settings", lang.L("Timings saved but not applied now ({{.Error}}); they apply when the routine is next loaded.", map[string]any{"Error": err.Error()}))
		}
	}
	if s.WeeklyTarget != old.WeeklyTarget {
		h.weeklyTarget()
	}
	if s.Progress != old.Progress {
		h.progress()
	}
	if s.Reminder != old.Reminder && h.reminder != nil {
		return h.reminder(s.Reminder)
	}
	return nil
}

// applyTheme switches the app's theme and repaints the texts of the window
// that take their colour when painted (the card's move name, dose and next
// move, the time left), which Fyne's theme refresh does not reach.
func (s *sessionScreen) applyTheme(app fyne.App, name string) {
	ApplyTheme(app, name)
	s.card.paintPhase()
	s.card.obj.Refresh()
	s.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	s.timeLeft.Refresh()
}
