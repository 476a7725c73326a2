// Package settings is the Settings tab's view: the user's settings as one
// value (Settings), and the sections that show it (sound, theme, language,
// timings, weekly goal, routine file, the suggestions' rule, data, about)
// and hand each change back as an edit of that value. It neither saves
// nor applies: the window does, in one place.
package settings

import (
	"spineroutine/internal/cue"
	"spineroutine/internal/i18n"
	"spineroutine/internal/progress"
	"spineroutine/internal/reminder"
)

// The theme names of Settings.Theme (ui.ApplyTheme takes them).
const (
	ThemeSystem = "system" // follow the desktop's light or dark setting
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// Settings are the user's choices of the Settings tab, as one value:
// loaded and saved by the window's preferences (ui.Prefs.Settings and
// SetSettings), shown by the View, which hands a changed value back, and
// applied in one place (the window's settingsTab.chosen). A new setting is
// a field here, its widget in the View, and where chosen applies it.
type Settings struct {
	Sound        cue.Settings
	Theme        string // ThemeSystem, ThemeLight or ThemeDark
	GetReady     int    // seconds, or routine.OwnTiming
	Rest         int    // seconds, or routine.OwnTiming
	WeeklyTarget int    // days a week for the weekly streak, 1..7
	RoutinePath  string // the routine file opened in Settings; "" the built-in
	Reminder     reminder.Settings
	Progress     progress.Params // the numbers of the progression rule
	// Language is the window's language ("" follows the system) and
	// VoiceLanguage the voice's ("" speaks the window's; English keeps the
	// English voice under a translated window). cmd reads them as the app
	// starts: a change applies at the next start.
	Language, VoiceLanguage i18n.Lang
}
