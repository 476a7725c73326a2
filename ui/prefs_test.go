package ui

import (
	"flag"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spineroutine/internal/cue"
	"spineroutine/internal/journal"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/settings"
)

var updateViews = flag.Bool("update-views", false, "rewrite the settings and history golden files under testdata/")

// goldenMarkup compares the markup of c with testdata/name, or rewrites
// it with -update-views.
func goldenMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	uitest.GoldenMarkup(t, name, c, *updateViews)
}

func TestPrefsDefaults(t *testing.T) {
	a := test.NewTempApp(t)
	p := NewPrefs(a.Preferences())
	if got, want := p.Sound(), cue.DefaultSettings(); got != want {
		t.Errorf("Sound() = %+v, want %+v", got, want)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Theme", p.Theme(), settings.ThemeSystem},
		{"GetReady", p.GetReady(), routine.OwnTiming},
		{"Rest", p.Rest(), routine.OwnTiming},
		{"RoutinePath", p.RoutinePath(), ""},
		{"WeeklyTarget", p.WeeklyTarget(), journal.DefaultWeeklyTarget},
		{"SafetyNoteSeen", p.SafetyNoteSeen(), false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s() = %v, want %v", c.name, c.got, c.want)
		}
	}
	g, r := p.Timings()
	if g >= 0 || r >= 0 {
		t.Errorf("Timings() = %v, %v; want negative (the routine's own)", g, r)
	}
}

func TestPrefsRoundTrip(t *testing.T) {
	a := test.NewTempApp(t)
	p := NewPrefs(a.Preferences())
	s := cue.Settings{Volume: 35, Muted: true, Voice: false, Detail: cue.DetailMinimal, RepTicks: false}
	p.SetSound(s)
	p.SetTheme(settings.ThemeDark)
	p.SetGetReady(12)
	p.SetRest(0)
	p.SetRoutinePath("/home/me/back.toml")
	p.SetWeeklyTarget(3)
	p.SetSafetyNoteSeen(true)

	// A second wrapper over the same preferences reads what was saved.
	q := NewPrefs(a.Preferences())
	if got := q.Sound(); got != s {
		t.Errorf("Sound() = %+v, want %+v", got, s)
	}
	if got := q.Theme(); got != settings.ThemeDark {
		t.Errorf("Theme() = %q", got)
	}
	if g, r := q.Timings(); g != 12*time.Second || r != 0 {
		t.Errorf("Timings() = %v, %v; want 12s, 0s", g, r)
	}
	if got := q.RoutinePath(); got != "/home/me/back.toml" {
		t.Errorf("RoutinePath() = %q", got)
	}
	if got := q.WeeklyTarget(); got != 3 {
		t.Errorf("WeeklyTarget() = %d", got)
	}
	// The window's safety note reads the same key.
	if !q.SafetyNoteSeen() || !a.Preferences().Bool(safetyPref) {
		t.Errorf("safety note not recorded under %q", safetyPref)
	}
}

func TestPrefsOutOfRange(t *testing.T) {
	a := test.NewTempApp(t)
	raw := a.Preferences()
	p := NewPrefs(raw)
	tests := []struct {
		name string
		set  func()
		get  func() any
		want any
	}{
		{"volume above 100 set", func() { p.SetSound(cue.Settings{Volume: 150}) }, func() any { return p.Sound().Volume }, 100},
		{"volume below 0 stored", func() { raw.SetInt(prefVolume, -5) }, func() any { return p.Sound().Volume }, 0},
		{"unknown theme set", func() { p.SetTheme("purple") }, func() any { return p.Theme() }, settings.ThemeSystem},
		{"unknown theme stored", func() { raw.SetString(prefTheme, "neon") }, func() any { return p.Theme() }, settings.ThemeSystem},
		{"negative get ready", func() { p.SetGetReady(-7) }, func() any { return p.GetReady() }, routine.OwnTiming},
		{"huge rest stored", func() { raw.SetInt(prefRest, 99999) }, func() any { return p.Rest() }, routine.OwnTiming},
		{"max rest", func() { p.SetRest(routine.MaxTimingOverride) }, func() any { return p.Rest() }, routine.MaxTimingOverride},
		{"target 0 set", func() { p.SetWeeklyTarget(0) }, func() any { return p.WeeklyTarget() }, 1},
		{"target 9 set", func() { p.SetWeeklyTarget(9) }, func() any { return p.WeeklyTarget() }, 7},
		{"target 12 stored", func() { raw.SetInt(prefWeeklyTarget, 12) }, func() any { return p.WeeklyTarget() }, journal.DefaultWeeklyTarget},
	}
	for _, tc := range tests {
		tc.set()
		if got := tc.get(); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestApplyTheme(t *testing.T) {
	a := test.NewTempApp(t)
	def := theme.DefaultTheme()
	bg := theme.ColorNameBackground
	tests := []struct {
		name string
		// the colour the app's theme gives for each variant asked
		light, dark fyne.ThemeVariant
	}{
		{settings.ThemeLight, theme.VariantLight, theme.VariantLight},
		{settings.ThemeDark, theme.VariantDark, theme.VariantDark},
		{settings.ThemeSystem, theme.VariantLight, theme.VariantDark},
	}
	for _, tc := range tests {
		ApplyTheme(a, tc.name)
		th := a.Settings().Theme()
		if got, want := th.Color(bg, theme.VariantLight), def.Color(bg, tc.light); got != want {
			t.Errorf("%s: background asked light = %v, want %v", tc.name, got, want)
		}
		if got, want := th.Color(bg, theme.VariantDark), def.Color(bg, tc.dark); got != want {
			t.Errorf("%s: background asked dark = %v, want %v", tc.name, got, want)
		}
	}
	if theme.DefaultTheme().Color(bg, theme.VariantLight) == theme.DefaultTheme().Color(bg, theme.VariantDark) {
		t.Fatal("the test cannot tell the variants apart")
	}
}

// Hand-edited reminder settings out of range read as the defaults.
func TestReminderSettingsOutOfRange(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	p.SetString(prefRemindAt, "25:00")
	p.SetInt(prefRemindDays, 500)
	if got := NewPrefs(p).Reminder(); got != reminder.Default() {
		t.Errorf("hand-edited bad values read as %+v, want the defaults %+v", got, reminder.Default())
	}
}
