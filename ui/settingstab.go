package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"spineroutine/internal/progress"
	"spineroutine/internal/reminder"
	"spineroutine/ui/daily"
	"spineroutine/ui/settings"
)

// settingsTab owns the Settings tab and the user's settings: one value
// (settings.Settings), loaded from the preferences and saved to them whole
// (Prefs.Settings, Prefs.SetSettings). A new setting is a field of
// Settings, its widget in the tab, and where chosen applies it.
type settingsTab struct {
	prefs   *Prefs
	sound   *speaker // the sound in use (--mute is not saved)
	dialogs dialogs
	o       settings.Options // the tab's options but its sections
	hooks   settingsHooks

	view      *settings.View        // nil until first shown
	rules     *settings.RuleSection // the suggestions' rule
	reminders *daily.Section        // nil without a daily reminder
}

// settingsHooks apply a change of the settings where it takes effect, and
// give what the tab shows of the rest of the window.
type settingsHooks struct {
	muted        func(muted bool)              // the mute button and the card
	theme        func(name string)             // the app's theme
	timings      func() error                  // the routine in use at the new timings
	weeklyTarget func()                        // History's streaks
	progress     func()                        // Today's suggestions
	reminder     func(reminder.Settings) error // nil without a daily reminder
	notice       func(key, text string)
	sections     func() []fyne.CanvasObject // other owners' sections, last
	routinePath  func() string              // the routine file in use
}

// build builds the Settings tab. A new section of settings is one more
// entry of settings.Options.Sections.
func (t *settingsTab) build() fyne.CanvasObject {
	t.rules = settings.NewRuleSection(t.prefs.Settings().Progress, func(p progress.Params) error {
		return t.chosen(func(s *settings.Settings) { s.Progress = p })
	})
	o := t.o
	o.OnChange = func(edit func(*settings.Settings)) {
		if err := t.chosen(edit); err != nil {
			t.hooks.notice("settings", err.Error())
		}
	}
	o.PickFile = t.pickRoutineFile
	o.SoundCheck = t.sound.soundCheck()
	o.Sections = nil
	if t.hooks.reminder != nil {
		t.reminders = daily.NewSection(t.prefs.Reminder(), func(r reminder.Settings) error {
			return t.chosen(func(s *settings.Settings) { s.Reminder = r })
		})
		o.Sections = append(o.Sections, t.reminders.Content())
	}
	o.Sections = append(o.Sections, t.rules.Content())
	o.Sections = append(o.Sections, t.hooks.sections()...)
	o.Problems = t.prefs.SettingsProblems()
	t.view = settings.NewView(t.prefs.Settings(), o)
	// Show the sound in use (--mute is not saved).
	t.view.SetSound(t.sound.settings)
	// Show the routine in use (--routine may differ from the saved choice).
	t.view.ShowRoutinePath(t.hooks.routinePath())
	return t.view
}

// showRoutinePath shows the routine file in use, once the tab is built.
func (t *settingsTab) showRoutinePath(path string) {
	if t.view != nil {
		t.view.ShowRoutinePath(path)
	}
}

// showProblem shows a problem of the daily reminder in its section.
func (t *settingsTab) showProblem(msg string) {
	if t.reminders != nil {
		t.reminders.ShowProblem(msg)
	}
}

// pickRoutineFile asks for a .toml file in a dialog over the window.
func (t *settingsTab) pickRoutineFile(done func(path string, err error)) {
	d := t.dialogs.openFile(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil { // an error, or cancelled
			done("", err)
			return
		}
		path := rc.URI().Path()
		done(path, rc.Close())
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	if cur := t.prefs.RoutinePath(); cur != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(cur))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}
