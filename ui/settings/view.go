package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/widgets"
)

// soundCheckGap is the time between two sounds of the sound check.
const soundCheckGap = 1200 * time.Millisecond

// Options connect the settings view to the controller. Every
// callback may be nil; each runs on the UI goroutine.
type Options struct {
	Title       string // the app's name, under About and where a change applies at its next start
	Version     string // shown under About; "" reads "development build"
	DataDir     string // the data directory (journal, voices, preferences)
	JournalPath string // the file new journal entries go to

	// OnChange hands on a change of the user's (sound, theme, languages,
	// timings, weekly target, routine file) as an edit of the settings; the
	// controller saves and applies it. The view never saves.
	OnChange func(edit func(*Settings))
	// OnRoutine loads and switches to the routine file at path ("" = the
	// built-in routine). Its error is listed in the view, one line per
	// problem (routine.Errors gives "file:line: ..." lines), and the
	// choice is then not changed.
	OnRoutine func(path string) error
	// SoundCheck plays one cue kind now; nil disables the sound check. It
	// is called off the UI goroutine (it may open the audio device).
	SoundCheck func(schedule.CueKind) error

	// PickFile asks for a routine file and hands its path (or an error)
	// to done; nil disables Open….
	PickFile func(done func(path string, err error))
	// Sections are added after the built-in sections, before Data and
	// About (voice details, reminders).
	Sections []fyne.CanvasObject

	// Problems are the saved settings that could not be read
	// (Prefs.SettingsProblems), shown in their sections.
	Problems []string

	// Clock paces the sound check; nil: schedule.RealClock().
	Clock schedule.Clock
	// Post runs f on the UI goroutine; nil means fyne.Do.
	Post func(f func())

	// keys passes on the keys a focused widget does not use.
}

// View is the Settings tab: sound, theme, timings, routine file,
// where the data is, and about. Every change is handed on at once.
type View struct {
	widget.BaseWidget
	s     Settings // the settings shown
	o     Options
	clock schedule.Clock
	post  func(func())

	updating bool // widgets are being set from code: no callbacks

	volume      *widgets.KeySlider
	volumeLabel *widget.Label
	mute        *widgets.KeyCheck
	voice       *widgets.KeyCheck
	ticks       *widgets.KeyCheck
	check       *widgets.KeyButton
	checkStatus *widget.Label
	checking    bool

	themes     []*widgets.KeyButton // System, Light, Dark
	themeShown string               // the label of the theme chosen
	details    []*widgets.KeyButton // Minimal, Normal, Full (detailLabels)
	detail     cue.Detail           // the voice detail shown

	getReady, rest *widgets.EditEntry
	timingError    *widgets.ProblemLine

	target *widgets.KeySelect

	language *languageSection

	routineLabel  *widget.Label
	routineErrors *fyne.Container
	builtin       *widgets.KeyButton

	box    *fyne.Container
	scroll *container.Scroll
}

// routineOwnText is the timing choice that means "the routine's own
// value", in English (routineOwn is the language's).
const routineOwnText = "Routine's own"

// routineOwn is the timing choice that means "the routine's own value".
func routineOwn() string { return lang.L("Routine's own") }

// timingChoices are offered in the get-ready and rest boxes; any whole
// number of seconds may be typed as well.
func timingChoices() []string {
	return []string{routineOwn(), "0", "5", "10", "15", "20", "30", "45", "60", "90"}
}

// NewView builds the Settings tab, showing s.
func NewView(s Settings, o Options) *View {
	v := &View{s: s, o: o, clock: o.Clock, post: o.Post}
	if v.clock == nil {
		v.clock = schedule.RealClock()
	}
	if v.post == nil {
		v.post = fyne.Do
	}
	v.updating = true
	defer func() { v.updating = false }()

	// Sound.
	v.volumeLabel = widget.NewLabel("")
	v.volume = widgets.NewKeySlider(0, 100)
	v.volume.OnChanged = func(float64) { v.soundChanged() }
	v.mute = widgets.NewKeyCheck(lang.L("Mute (cues still flash on screen)"), func(bool) { v.soundChanged() })
	v.voice = widgets.NewKeyCheck(lang.L("Voice prompts"), func(bool) { v.soundChanged() })
	details := container.NewGridWithColumns(len(cue.Details))
	for i, label := range detailLabels() {
		b := widgets.NewKeyButton(label, nil, func() {
			widgets.Unfocus(v)
			v.showDetail(cue.Details[i])
			v.soundChanged()
		})
		v.details = append(v.details, b)
		details.Add(b)
	}
	v.ticks = widgets.NewKeyCheck(lang.L("Rep and tempo ticks"), func(bool) { v.soundChanged() })
	v.SetSound(s.Sound)
	v.checkStatus = widget.NewLabel("")
	v.checkStatus.Wrapping = fyne.TextWrapWord
	v.check = widgets.NewKeyButton(lang.L("Sound check"), theme.MediaPlayIcon(), v.SoundCheck)
	if o.SoundCheck == nil {
		v.check.Disable()
		v.checkStatus.SetText(lang.L("Sound check is not available (no audio player)."))
	}
	sound := widgets.NewSection(lang.L("Sound"),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Volume")), v.volumeLabel, v.volume),
		v.mute, v.voice,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Voice detail")), nil, details),
		v.ticks,
		container.NewBorder(nil, nil, v.check, nil, v.checkStatus))

	// Theme.
	row := container.NewGridWithColumns(3)
	for _, name := range themeNames {
		label := themeLabel(name)
		b := widgets.NewKeyButton(label, nil, func() { v.selectTheme(label) })
		v.themes = append(v.themes, b)
		row.Add(b)
	}
	v.showTheme(themeLabel(s.Theme))
	look := widgets.NewSection(lang.L("Theme"), row)
	v.language = newLanguageSection(o.Title, s, o.Problems, func(window, voice i18n.Lang) {
		v.s.Language, v.s.VoiceLanguage = window, voice
		v.change(func(s *Settings) { s.Language, s.VoiceLanguage = window, voice })
	})

	// Timings.
	v.getReady = newTimingEntry(s.GetReady, func(string) { v.timingsChanged() })
	v.rest = newTimingEntry(s.Rest, func(string) { v.timingsChanged() })
	v.timingError = widgets.NewProblemLine()
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Get ready (s)")), v.getReady,
		widget.NewLabel(lang.L("Rest (s)")), v.rest)
	timings := widgets.NewSection(lang.L("Timings"), form, v.timingError.Row)

	// Weekly goal.
	v.target = widgets.NewKeySelect([]string{"1", "2", "3", "4", "5", "6", "7"}, func(string) { v.targetChanged() })
	v.target.SetSelected(strconv.Itoa(s.WeeklyTarget))
	goal := widgets.NewSection(lang.L("Weekly goal"),
		container.NewHBox(v.target, widget.NewLabel(lang.L("days a week keep the weekly streak"))))

	// Routine.
	v.routineLabel = widget.NewLabel("")
	v.routineLabel.Wrapping = fyne.TextWrapWord
	v.routineErrors = container.NewVBox()
	open := widgets.NewKeyButton(lang.L("Open…"), theme.FolderOpenIcon(), v.openRoutine)
	if o.PickFile == nil {
		open.Disable()
	}
	v.builtin = widgets.NewKeyButton(lang.L("Use built-in"), theme.HomeIcon(), func() { v.LoadRoutine("") })
	v.ShowRoutinePath(s.RoutinePath)
	rout := widgets.NewSection(lang.L("Routine"), v.routineLabel, container.NewHBox(open, v.builtin), v.routineErrors)

	// Data.
	data := widgets.NewSection(lang.L("Data"), pathRow(lang.L("Journal"), o.JournalPath), pathRow(lang.L("Folder"), o.DataDir))

	// About.
	version := o.Version
	if version == "" {
		version = lang.L("development build")
	}
	about := widgets.NewSection(lang.L("About"),
		widget.NewLabel(o.Title+" "+version),
		widget.NewLabel(lang.L("Exercise guidance, not medical advice.")),
		newLicencesRow(o.Title))

	var parts []fyne.CanvasObject
	for _, s := range append(append([]fyne.CanvasObject{sound, look, v.language.obj, timings, goal, rout}, o.Sections...), data, about) {
		if len(parts) > 0 {
			parts = append(parts, widget.NewSeparator())
		}
		parts = append(parts, s)
	}
	v.box = container.NewVBox(parts...)
	v.scroll = widgets.NewFormScroll(v.box, false)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the view's content.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.scroll)
}

// relayout lays the sections out again after one changed height.
func (v *View) relayout() {
	if v.box != nil {
		v.box.Refresh()
		v.scroll.Refresh()
	}
}

// pathRow shows a path with a button that copies it (a selectable label
// would keep the keyboard focus from the session keys).
func pathRow(name, path string) fyne.CanvasObject {
	l := widget.NewLabel(path)
	l.Wrapping = fyne.TextWrapBreak
	copyPath := widgets.NewKeyButton(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
	})
	return container.NewBorder(nil, nil, widget.NewLabel(name), copyPath, l)
}

// ---- sound ----

// SetSound shows s without saving it or calling OnSound (the window's
// mute key changed it, for example).
func (v *View) SetSound(s cue.Settings) {
	was := v.updating
	v.updating = true
	defer func() { v.updating = was }()
	v.s.Sound = s
	v.volume.SetValue(float64(min(max(s.Volume, 0), 100)))
	v.volumeLabel.SetText(fmt.Sprintf("%d %%", min(max(s.Volume, 0), 100)))
	v.mute.SetChecked(s.Muted)
	v.voice.SetChecked(s.Voice)
	v.showDetail(s.Detail)
	v.ticks.SetChecked(s.RepTicks)
}

// detailLabels name the voice detail levels (cue.Details, in that order)
// in the view: Minimal says the move names, Normal also doses, sides, sets
// and time left, Full also counts the reps.
func detailLabels() []string { return []string{lang.L("Minimal"), lang.L("Normal"), lang.L("Full")} }

// showDetail marks the button of voice detail d (an unknown one: Normal).
func (v *View) showDetail(d cue.Detail) {
	v.detail = cue.DetailNormal
	for _, known := range cue.Details {
		if d == known {
			v.detail = d
		}
	}
	for i, b := range v.details {
		imp := widget.MediumImportance
		if cue.Details[i] == v.detail {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// Sound returns the sound settings shown.
func (v *View) Sound() cue.Settings {
	return cue.Settings{Volume: int(v.volume.Value + 0.5), Muted: v.mute.Checked,
		Voice: v.voice.Checked, Detail: v.detail, RepTicks: v.ticks.Checked}
}

func (v *View) soundChanged() {
	if v.volumeLabel != nil {
		v.volumeLabel.SetText(fmt.Sprintf("%d %%", int(v.volume.Value+0.5)))
	}
	if v.updating {
		return
	}
	snd := v.Sound()
	v.s.Sound = snd
	v.change(func(s *Settings) { s.Sound = snd })
}

// change hands a change of the settings shown on.
func (v *View) change(edit func(*Settings)) {
	if v.o.OnChange != nil {
		v.o.OnChange(edit)
	}
}

// cueName returns the name the sound check shows of a cue kind.
func cueName(k schedule.CueKind) string {
	switch k {
	case schedule.CueCountdown:
		return lang.L("Countdown beep")
	case schedule.CueStart:
		return lang.L("Hold starts")
	case schedule.CueRep:
		return lang.L("Rep tick")
	case schedule.CueTempo:
		return lang.L("Tempo tick")
	case schedule.CueRelease:
		return lang.L("Release")
	case schedule.CueHalfway:
		return lang.L("Halfway")
	case schedule.CueSwitch:
		return lang.L("Switch sides")
	case schedule.CueRest:
		return lang.L("Rest")
	case schedule.CueNext:
		return lang.L("Next move")
	case schedule.CueGetReady:
		return lang.L("Get ready")
	case schedule.CueTimeLeft:
		return lang.L("Time left")
	case schedule.CueDone:
		return lang.L("Routine done")
	}
	return string(k)
}

// SoundCheck plays every cue kind once, soundCheckGap apart, showing the
// name of each as it plays; it stops at the first error and shows it.
func (v *View) SoundCheck() {
	if v.checking || v.o.SoundCheck == nil {
		return
	}
	v.checking = true
	v.check.Disable()
	v.soundCheckStep(0, 0)
}

// soundCheckStep plays kind i after d (UI goroutine).
func (v *View) soundCheckStep(i int, d time.Duration) {
	kinds := schedule.CueKinds
	v.clock.AfterFunc(d, func() {
		k := kinds[i]
		v.post(func() {
			v.checkStatus.SetText(lang.L("Playing {{.N}} of {{.Total}}: {{.Sound}}",
				map[string]any{"N": i + 1, "Total": len(kinds), "Sound": cueName(k)}))
		})
		err := v.o.SoundCheck(k)
		v.post(func() {
			switch {
			case err != nil:
				v.checkStatus.SetText(lang.L("Sound check stopped at {{.Sound}}: {{.Error}}",
					map[string]any{"Sound": cueName(k), "Error": err.Error()}))
			case i+1 < len(kinds):
				v.soundCheckStep(i+1, soundCheckGap)
				return
			default:
				v.checkStatus.SetText(lang.N("Sound check done: {{.Count}} sounds played.", len(kinds),
					map[string]any{"Count": len(kinds)}))
			}
			v.checking = false
			v.check.Enable()
		})
	})
}

// ---- theme ----

// themeNames are the themes offered, in the order of their buttons.
var themeNames = []string{ThemeSystem, ThemeLight, ThemeDark}

// themeLabel is the label of a theme's button.
func themeLabel(name string) string {
	switch name {
	case ThemeLight:
		return lang.L("Light")
	case ThemeDark:
		return lang.L("Dark")
	}
	return lang.L("System")
}

// showTheme marks the button of the theme label chosen.
func (v *View) showTheme(label string) {
	v.themeShown = label
	for _, b := range v.themes {
		imp := widget.MediumImportance
		if b.Text == label {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// selectTheme hands on the theme of a button's label.
func (v *View) selectTheme(label string) {
	widgets.Unfocus(v)
	v.showTheme(label)
	name := ThemeSystem
	for _, n := range themeNames {
		if themeLabel(n) == label {
			name = n
		}
	}
	v.s.Theme = name
	v.change(func(s *Settings) { s.Theme = name })
}

// ---- timings ----

// newTimingEntry is a box offering routineOwn and common values, in which
// any whole number of seconds can be typed (Return or Esc ends the edit).
func newTimingEntry(sec int, changed func(string)) *widgets.EditEntry {
	e := widgets.NewEditEntry(timingChoices()) // no Validator: it marked good values "✓"; timingError says a bad one
	e.SetText(timingText(sec))
	e.OnChanged = changed
	return e
}

func timingText(sec int) string {
	if sec < 0 {
		return routineOwn()
	}
	return strconv.Itoa(sec)
}

// parseTiming reads a timing box: routine.OwnTiming for routineOwn (or
// nothing), else a whole number of seconds 0..maxTimingOverride.
func parseTiming(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, routineOwn()) || strings.EqualFold(s, routineOwnText) {
		return routine.OwnTiming, nil
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "s"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > routine.MaxTimingOverride {
		return 0, errors.New(lang.L("want a whole number of seconds from 0 to {{.Max}}, or \"{{.Own}}\"",
			map[string]any{"Max": routine.MaxTimingOverride, "Own": routineOwn()}))
	}
	return n, nil
}

func (v *View) timingsChanged() {
	if v.updating {
		return
	}
	// Each box is handed on as soon as it holds a valid value.
	changed := false
	var msgs []string
	for _, b := range []struct {
		name string
		box  *widgets.EditEntry
		sec  *int
	}{
		{lang.L("Get ready"), v.getReady, &v.s.GetReady},
		{lang.L("Rest"), v.rest, &v.s.Rest},
	} {
		sec, err := parseTiming(b.box.Text)
		switch {
		case err != nil:
			msgs = append(msgs, lang.L("{{.Box}}: {{.Problem}}.", map[string]any{"Box": b.name, "Problem": err.Error()}))
		case sec != *b.sec:
			*b.sec = sec
			changed = true
		}
	}
	if len(msgs) > 0 {
		v.timingError.Set(strings.Join(msgs, "\n"))
	} else {
		v.timingError.Clear()
	}
	v.relayout()
	if changed {
		g, r := v.s.GetReady, v.s.Rest
		v.change(func(s *Settings) { s.GetReady, s.Rest = g, r })
	}
}

// ---- weekly goal ----

func (v *View) targetChanged() {
	if v.updating {
		return
	}
	n, err := strconv.Atoi(v.target.Selected)
	if err != nil {
		return
	}
	v.s.WeeklyTarget = n
	v.change(func(s *Settings) { s.WeeklyTarget = n })
}
