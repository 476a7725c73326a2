package ui

import (
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// soundChecker is a Player that can play one cue kind on demand
// (*sound.Player).
type soundChecker interface {
	SoundCheck(schedule.CueKind) error
}

// voiceSetter is a Player whose spoken prompts can be replaced when the
// routine changes (*sound.Player).
type voiceSetter interface {
	SetVoices(*cue.VoiceBank)
}

// historyAndSettingsTabs builds the History and Settings tabs of w, wired
// to the window: it is what extraTabs returns. It runs while the window is
// being built (the checklist exists, the main area does not yet). It:
//   - applies the saved get-ready and rest overrides to the routine;
//   - keeps the Settings tab and the preferences in step with the mute key;
//   - switches routines (Open…, Use built-in, new timings) through
//     Window.SetRoutine, reloading the spoken prompts off the UI goroutine;
//   - reloads today's checklist after a back-filled tick.
func (w *Window) historyAndSettingsTabs() []*container.TabItem {
	prefs := NewPrefs(w.app.Preferences())
	base := w.r // the routine as loaded, before the timing overrides
	if g, r := prefs.Timings(); g >= 0 || r >= 0 {
		w.r = WithTimings(base, g, r)
		if w.list != nil {
			w.list.update()
		}
	}

	history := NewHistoryView(w.j, w.r, HistoryOptions{
		Now:          w.clock.Now,
		WeeklyTarget: prefs.WeeklyTarget,
		OnChange: func() {
			if w.list != nil {
				w.list.reload()
			}
		},
		keys: w,
	})
	w.history = history

	// use switches to routine r with the saved timings.
	use := func(r *routine.Routine) error {
		g, rest := prefs.Timings()
		if err := w.SetRoutine(WithTimings(r, g, rest)); err != nil {
			return err
		}
		base = r
		history.SetRoutine(w.r)
		if vs, ok := w.opts.Player.(voiceSetter); ok && w.j != nil {
			cache := filepath.Join(w.j.Dir(), "voices")
			go func() {
				// The bank is usable at once; names the routine's own moves
				// need are synthesized in the background (a few seconds).
				bank, warnings := cue.LoadVoices(r, cache)
				vs.SetVoices(bank)
				warnings = append(warnings, bank.Wait()...)
				w.post(func() {
					for _, msg := range warnings {
						w.notice("voices", msg)
					}
				})
			}()
		}
		return nil
	}

	o := SettingsOptions{
		Version:        appVersion(),
		OnSound:        w.SetSoundSettings,
		OnTheme:        w.applyTheme,
		OnWeeklyTarget: func(int) { history.Refresh() },
		OnTimings: func(time.Duration, time.Duration) {
			if err := use(base); err != nil {
				w.notice("settings", "Timings saved but not applied now ("+err.Error()+"); they apply when the routine is next loaded.")
			}
		},
		OnRoutine: func(path string) error {
			r := routine.Default()
			if path != "" {
				var err error
				if r, err = routine.Load(path); err != nil {
					return err
				}
			}
			return use(r)
		},
		Clock: w.clock,
		Post:  w.post,
		keys:  w,
	}
	if w.j != nil {
		o.DataDir, o.JournalPath = w.j.Dir(), w.j.Path()
	}
	if sc, ok := w.opts.Player.(soundChecker); ok {
		o.SoundCheck = sc.SoundCheck
	}
	settings := NewSettingsView(w.win, prefs, o)
	// Show the sound in use (--mute is not saved).
	settings.SetSound(w.settings)
	// Show the routine in use (--routine may differ from the saved choice).
	if src := base.Source; src != "default" && src != "big3" && src != "" {
		settings.showRoutinePath(src)
	} else {
		settings.showRoutinePath("")
	}

	// The mute key changes the sound settings too: save them and show them.
	prev := w.opts.OnSettings
	w.opts.OnSettings = func(s cue.Settings) {
		prefs.SetSound(s)
		settings.SetSound(s)
		if prev != nil {
			prev(s)
		}
	}
	return []*container.TabItem{
		container.NewTabItem("History", history),
		container.NewTabItem("Settings", settings),
	}
}

// appVersion is the version of the main module as built ("" for a
// development build).
func appVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// applyTheme switches the app's theme and repaints the texts of the window
// that take their colour when painted (the card's move name, dose and next
// move, the time left), which Fyne's theme refresh does not reach.
func (w *Window) applyTheme(name string) {
	ApplyTheme(w.app, name)
	if w.card != nil {
		w.card.setPhase(w.card.shownPhase)
		w.card.obj.Refresh()
	}
	if w.timeLeft != nil {
		w.timeLeft.Color = theme.Color(theme.ColorNameForeground)
		w.timeLeft.Refresh()
	}
}
