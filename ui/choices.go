package ui

import (
	"fyne.io/fyne/v2/theme"
)

// settingsChosen saves and applies a change of the user's settings: the
// one place where the Settings tab, the reminder's section and the mute
// key take effect. edit changes the saved settings, whose sound reads as
// it plays (muted while --mute holds). The --mute flag is never saved:
// while it holds, "muted" is saved only when the user chose it (the saved
// choice was not muted and stays so when only the volume changed). It
// returns the error of applying the reminder's settings (the autostart
// entry).
func (c *controller) settingsChosen(edit func(*Settings)) error {
	old := c.prefs.Settings()
	s := old
	s.Sound = c.session.sound.settings
	edit(&s)
	// The routine file in use is saved by the routine in use alone
	// (routineInUse), as it is put in use.
	s.RoutinePath = old.RoutinePath
	soundChanged := s.Sound != c.session.sound.settings
	if soundChanged {
		if c.session.sound.flagMute {
			if s.Sound.Muted {
				s.Sound.Muted = old.Sound.Muted
			} else {
				c.session.sound.flagMute = false
			}
		}
	} else {
		s.Sound = old.Sound
	}
	c.prefs.SetSettings(s)

	if soundChanged {
		c.session.sound.set(s.Sound)
		c.session.showMuted(c.session.sound.settings.Muted)
	}
	if s.Theme != old.Theme {
		c.applyTheme(s.Theme)
	}
	if s.GetReady != old.GetReady || s.Rest != old.Rest {
		if err := c.useRoutine(c.inuse.base); err != nil {
			c.notice("settings", "Timings saved but not applied now ("+err.Error()+"); they apply when the routine is next loaded.")
		}
	}
	if s.WeeklyTarget != old.WeeklyTarget {
		c.refreshHistory()
	}
	if s.Progress != old.Progress {
		c.side.plan.update()
	}
	if s.Reminder != old.Reminder && c.daily != nil {
		return c.daily.apply(s.Reminder)
	}
	return nil
}

// applyTheme switches the app's theme and repaints the texts of the window
// that take their colour when painted (the card's move name, dose and next
// move, the time left), which Fyne's theme refresh does not reach.
func (c *controller) applyTheme(name string) {
	ApplyTheme(c.app, name)
	c.session.card.paintPhase()
	c.session.card.obj.Refresh()
	c.session.timeLeft.Color = theme.Color(theme.ColorNameForeground)
	c.session.timeLeft.Refresh()
}
