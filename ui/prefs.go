package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"spineroutine/internal/appdata"
	"spineroutine/internal/cue"
	"spineroutine/internal/i18n"
	"spineroutine/internal/progress"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/ui/settings"
)

// The keys of the preferences the app keeps (Fyne stores them in
// preferences.json beside the journal). Those the commands read too (the
// routine file, the rule's numbers) are appdata's, read by its code.
const (
	safetyPref       = "safetyNoteSeen"
	prefVolume       = "sound.volume"
	prefMuted        = "sound.muted"
	prefVoice        = "sound.voice"
	prefVoiceDetail  = "sound.voiceDetail"
	prefRepTicks     = "sound.repTicks"
	prefTheme        = "theme"
	prefGetReady     = appdata.KeyGetReady
	prefRest         = appdata.KeyRest
	prefRoutine      = appdata.KeyRoutinePath
	prefWeeklyTarget = "streak.weeklyTarget"
	prefWindowW      = "window.width"
	prefWindowH      = "window.height"
	prefWindowX      = "window.x"
	prefWindowY      = "window.y"
	prefWindowPlaced = "window.placed"
	prefFullScreen   = "window.fullScreen"
	prefMedia        = "remote.mediaControls"
)

// The preference keys of the daily reminder.
const (
	prefRemindOn   = "reminder.enabled"
	prefRemindAt   = "reminder.at" // "18:00"
	prefRemindDays = "reminder.days"
	prefKeepInTray = "reminder.keepInTray"
	prefAutostart  = "reminder.autostart"
)

// Prefs are the user's settings, read and written through Fyne's
// preferences with a default for each: a value that is missing or out of
// range (a hand-edited file) reads as its default or is clamped.
type Prefs struct {
	p fyne.Preferences
}

// Settings returns the saved settings, each checked as its getter does.
func (p *Prefs) Settings() settings.Settings {
	window, voice, _ := p.languages()
	return settings.Settings{Sound: p.Sound(), Theme: p.Theme(), GetReady: p.GetReady(), Rest: p.Rest(),
		WeeklyTarget: p.WeeklyTarget(), RoutinePath: p.RoutinePath(), Reminder: p.Reminder(),
		Progress: p.Progress(), Language: window, VoiceLanguage: voice}
}

// SettingsProblems are the saved settings that Settings could not read
// (a hand-edited file), each naming the field and what is used instead.
// They stay saved until the user chooses another value.
func (p *Prefs) SettingsProblems() []string {
	_, _, problems := p.languages()
	return problems
}

// languages reads the language settings (appdata's keys, which cmd reads
// as the app starts); a value the app does not know reads as "" and is a
// problem.
func (p *Prefs) languages() (window, voice i18n.Lang, problems []string) {
	window, _, err := appdata.Language(p.p)
	if err != nil {
		problems = append(problems, err.Error())
	}
	if voice, err = appdata.VoiceLanguage(p.p, ""); err != nil {
		problems = append(problems, err.Error())
	}
	return window, voice, problems
}

// SetSettings saves the settings that differ from the saved ones.
func (p *Prefs) SetSettings(s settings.Settings) {
	old := p.Settings()
	if s.Language != old.Language || s.VoiceLanguage != old.VoiceLanguage {
		appdata.SetLanguage(p.p, s.Language)
		appdata.SetVoiceLanguage(p.p, s.VoiceLanguage)
	}
	if s.Sound != old.Sound {
		p.SetSound(s.Sound)
	}
	if s.Theme != old.Theme {
		p.SetTheme(s.Theme)
	}
	if s.GetReady != old.GetReady {
		p.SetGetReady(s.GetReady)
	}
	if s.Rest != old.Rest {
		p.SetRest(s.Rest)
	}
	if s.WeeklyTarget != old.WeeklyTarget {
		p.SetWeeklyTarget(s.WeeklyTarget)
	}
	if s.RoutinePath != old.RoutinePath {
		p.SetRoutinePath(s.RoutinePath)
	}
	if s.Reminder != old.Reminder {
		p.SetReminder(s.Reminder)
	}
	if s.Progress != old.Progress {
		p.setProgress(s.Progress)
	}
}

// MediaControls reports whether the session is offered to the desktop's
// media controls (headphone buttons, media keys, remotes); on by default.
func (p *Prefs) MediaControls() bool { return p.p.BoolWithFallback(prefMedia, true) }

// SetMediaControls turns the media controls on or off.
func (p *Prefs) SetMediaControls(on bool) { p.p.SetBool(prefMedia, on) }

// NewPrefs wraps p (usually app.Preferences()).
func NewPrefs(p fyne.Preferences) *Prefs { return &Prefs{p: p} }

// Sound returns the sound settings (cue.DefaultSettings when none are saved).
func (p *Prefs) Sound() cue.Settings {
	d := cue.DefaultSettings()
	return cue.Settings{
		Volume:   min(max(p.p.IntWithFallback(prefVolume, d.Volume), 0), 100),
		Muted:    p.p.BoolWithFallback(prefMuted, d.Muted),
		Voice:    p.p.BoolWithFallback(prefVoice, d.Voice),
		Detail:   voiceDetail(p.p.StringWithFallback(prefVoiceDetail, string(d.Detail)), d.Detail),
		RepTicks: p.p.BoolWithFallback(prefRepTicks, d.RepTicks),
	}
}

// voiceDetail reads a saved voice detail; an unknown one reads as def.
func voiceDetail(s string, def cue.Detail) cue.Detail {
	for _, d := range cue.Details {
		if string(d) == s {
			return d
		}
	}
	return def
}

// SetSound saves the sound settings; the volume is clamped to 0..100.
func (p *Prefs) SetSound(s cue.Settings) {
	p.p.SetInt(prefVolume, min(max(s.Volume, 0), 100))
	p.p.SetBool(prefMuted, s.Muted)
	p.p.SetBool(prefVoice, s.Voice)
	p.p.SetString(prefVoiceDetail, string(voiceDetail(string(s.Detail), cue.DefaultSettings().Detail)))
	p.p.SetBool(prefRepTicks, s.RepTicks)
}

// Theme returns settings.ThemeSystem, settings.ThemeLight or settings.ThemeDark (settings.ThemeSystem when
// unset or unknown).
func (p *Prefs) Theme() string {
	switch t := p.p.String(prefTheme); t {
	case settings.ThemeLight, settings.ThemeDark:
		return t
	}
	return settings.ThemeSystem
}

// SetTheme saves the theme name; unknown names are saved as settings.ThemeSystem.
func (p *Prefs) SetTheme(name string) {
	if name != settings.ThemeLight && name != settings.ThemeDark {
		name = settings.ThemeSystem
	}
	p.p.SetString(prefTheme, name)
}

// GetReady returns the get-ready override in seconds, or routine.OwnTiming.
func (p *Prefs) GetReady() int { return p.timing(prefGetReady) }

// SetGetReady saves the get-ready override in seconds (routine.OwnTiming, or
// 0..maxTimingOverride; anything else is saved as routine.OwnTiming).
func (p *Prefs) SetGetReady(sec int) { p.setTiming(prefGetReady, sec) }

// Rest returns the rest override in seconds, or routine.OwnTiming.
func (p *Prefs) Rest() int { return p.timing(prefRest) }

// SetRest saves the rest override in seconds, like SetGetReady.
func (p *Prefs) SetRest(sec int) { p.setTiming(prefRest, sec) }

// Timings returns the saved get-ready and rest overrides as durations; a
// negative duration means "the routine's own".
func (p *Prefs) Timings() (getReady, rest time.Duration) {
	return appdata.Timings(p.p)
}

func (p *Prefs) timing(key string) int { return appdata.Timing(p.p, key) }

func (p *Prefs) setTiming(key string, sec int) {
	if sec < 0 || sec > routine.MaxTimingOverride {
		sec = routine.OwnTiming
	}
	p.p.SetInt(key, sec)
}

// RoutinePath returns the routine file to open, "" for the built-in one.
func (p *Prefs) RoutinePath() string { return appdata.RoutinePath(p.p) }

// SetRoutinePath saves the routine file ("" for the built-in routine).
func (p *Prefs) SetRoutinePath(path string) { p.p.SetString(prefRoutine, path) }

// WeeklyTarget returns the number of days a week needs for the weekly
// streak: 1..7, defaultWeeklyTarget when unset.
func (p *Prefs) WeeklyTarget() int {
	v := p.p.IntWithFallback(prefWeeklyTarget, defaultWeeklyTarget)
	if v < 1 || v > 7 {
		return defaultWeeklyTarget
	}
	return v
}

// SetWeeklyTarget saves the weekly target, clamped to 1..7.
func (p *Prefs) SetWeeklyTarget(days int) {
	p.p.SetInt(prefWeeklyTarget, min(max(days, 1), 7))
}

// Reminder returns the daily reminder's settings; what was never saved,
// or is out of range, reads as reminder.Default's.
func (pr *Prefs) Reminder() reminder.Settings {
	p := pr.p
	s := reminder.Default()
	s.Enabled = p.BoolWithFallback(prefRemindOn, s.Enabled)
	if at, err := reminder.ParseClock(p.StringWithFallback(prefRemindAt, s.At.String())); err == nil {
		s.At = at
	}
	if days := p.IntWithFallback(prefRemindDays, int(s.Days)); days >= 0 && days <= int(reminder.EveryDay) {
		s.Days = reminder.Weekdays(days)
	}
	s.KeepInTray = p.BoolWithFallback(prefKeepInTray, s.KeepInTray)
	s.Autostart = p.BoolWithFallback(prefAutostart, s.Autostart)
	return s
}

// SetReminder saves the daily reminder's settings.
func (pr *Prefs) SetReminder(s reminder.Settings) {
	p := pr.p
	p.SetBool(prefRemindOn, s.Enabled)
	p.SetString(prefRemindAt, s.At.String())
	p.SetInt(prefRemindDays, int(s.Days&reminder.EveryDay))
	p.SetBool(prefKeepInTray, s.KeepInTray)
	p.SetBool(prefAutostart, s.Autostart)
}

// windowState is how the main window was left: its size (zero when never
// saved), its position on the screen (placed is false when unknown) and
// whether it was full screen.
type windowState struct {
	Size       fyne.Size
	X, Y       int
	Placed     bool
	FullScreen bool
}

// Window returns how the main window was left.
func (p *Prefs) Window() windowState {
	return windowState{
		Size:       fyne.NewSize(float32(p.p.Float(prefWindowW)), float32(p.p.Float(prefWindowH))),
		X:          p.p.Int(prefWindowX),
		Y:          p.p.Int(prefWindowY),
		Placed:     p.p.Bool(prefWindowPlaced),
		FullScreen: p.p.Bool(prefFullScreen),
	}
}

// SetWindow saves how the main window is left.
func (p *Prefs) SetWindow(w windowState) {
	p.p.SetFloat(prefWindowW, float64(w.Size.Width))
	p.p.SetFloat(prefWindowH, float64(w.Size.Height))
	p.p.SetInt(prefWindowX, w.X)
	p.p.SetInt(prefWindowY, w.Y)
	p.p.SetBool(prefWindowPlaced, w.Placed)
	p.p.SetBool(prefFullScreen, w.FullScreen)
}

// SafetyNoteSeen reports whether the first-launch safety note was
// dismissed.
func (p *Prefs) SafetyNoteSeen() bool { return p.p.Bool(safetyPref) }

// SetSafetyNoteSeen records whether the safety note was dismissed.
func (p *Prefs) SetSafetyNoteSeen(seen bool) { p.p.SetBool(safetyPref, seen) }

// prefNotYet keeps the suggestions answered "Not yet": "YYYY-MM-DD id"
// strings, of one day.
const prefNotYet = "progress.notYet"

// Progress returns the progression rule's numbers: the saved ones, or the
// defaults when none are saved or the saved ones make no sense together
// (a hand-edited file); the commands read them the same way.
func (p *Prefs) Progress() progress.Params { return appdata.Progress(p.p) }

// setProgress saves the rule's numbers; numbers that make no sense
// together are not saved (they read as the defaults).
func (p *Prefs) setProgress(v progress.Params) { appdata.SetProgress(p.p, v) }

// NotYet returns the suggestions answered "Not yet" (see prefNotYet).
func (p *Prefs) NotYet() []string { return p.p.StringList(prefNotYet) }

// SetNotYet saves the suggestions answered "Not yet".
func (p *Prefs) SetNotYet(keys []string) { p.p.SetStringList(prefNotYet, keys) }

// The preference keys of the function scale (functionScale).
const (
	prefActivities  = "function.activities"  // the named activities, in order
	prefFunctionAsk = "function.skippedWeek" // the Monday of the week the offer was skipped
)

// Activities are the activities named for the function scale, as kept.
func (p *Prefs) Activities() []string { return p.p.StringList(prefActivities) }

// SetActivities keeps the activities named for the function scale.
func (p *Prefs) SetActivities(names []string) { p.p.SetStringList(prefActivities, names) }

// FunctionSkipped is the Monday ("2026-11-23") of the week the function
// scale's offer was skipped, "" when none.
func (p *Prefs) FunctionSkipped() string { return p.p.String(prefFunctionAsk) }

// SetFunctionSkipped keeps the Monday of the week the offer was skipped.
func (p *Prefs) SetFunctionSkipped(week string) { p.p.SetString(prefFunctionAsk, week) }
