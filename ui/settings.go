package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// soundCheckGap is the time between two sounds of the sound check.
const soundCheckGap = 1200 * time.Millisecond

// SettingsOptions connect the settings view to the rest of the app. Every
// callback may be nil; each runs on the UI goroutine after the new value
// has been saved in Prefs (except OnRoutine, which decides whether the
// file is saved).
type SettingsOptions struct {
	Version     string // shown under About; "" reads "development build"
	DataDir     string // the data directory (journal, voices, preferences)
	JournalPath string // the file new journal entries go to

	// OnSound applies new sound settings (volume, mute, voice, voice
	// detail, rep ticks).
	OnSound func(cue.Settings)
	// OnTheme applies a theme name (ThemeSystem, ThemeLight, ThemeDark);
	// nil means ApplyTheme on the current app.
	OnTheme func(string)
	// OnTimings applies the get-ready and rest overrides; a negative
	// duration means "the routine's own".
	OnTimings func(getReady, rest time.Duration)
	// OnWeeklyTarget applies a new weekly streak target (1..7 days).
	OnWeeklyTarget func(days int)
	// OnRoutine loads and switches to the routine file at path ("" = the
	// built-in routine). Its error is listed in the view, one line per
	// problem (routine.Errors gives "file:line: ..." lines), and the
	// choice is then not saved.
	OnRoutine func(path string) error
	// SoundCheck plays one cue kind now; nil disables the sound check. It
	// is called off the UI goroutine (it may open the audio device).
	SoundCheck func(schedule.CueKind) error

	// Clock paces the sound check; nil: schedule.RealClock().
	Clock schedule.Clock
	// Post runs f on the UI goroutine; nil means fyne.Do.
	Post func(f func())

	// keys receives the keys a focused button or box does not use (the
	// main window passes itself); nil: they are dropped.
	keys keyHandler
}

// SettingsView is the Settings tab: sound, theme, timings, routine file,
// where the data is, and about. Every change is saved at once.
type SettingsView struct {
	widget.BaseWidget
	win   fyne.Window
	p     *Prefs
	o     SettingsOptions
	clock schedule.Clock
	post  func(func())

	updating bool // widgets are being set from code: no callbacks

	volume      *widget.Slider
	volumeLabel *widget.Label
	mute        *keyCheck
	voice       *keyCheck
	detail      *widget.RadioGroup
	ticks       *keyCheck
	check       *keyButton
	checkStatus *widget.Label
	checking    bool

	themes *widget.RadioGroup

	getReady, rest *widget.SelectEntry
	timingError    *problemLine

	target *widget.Select

	routineLabel  *widget.Label
	routineErrors *fyne.Container
	builtin       *keyButton

	box    *fyne.Container
	scroll *container.Scroll
}

// noKeys drops keys (the view is used without the main window).
type noKeys struct{}

func (noKeys) typedKey(*fyne.KeyEvent) {}
func (noKeys) typedRune(rune)          {}

// routineOwn is the timing choice that means "the routine's own value".
const routineOwn = "Routine's own"

// timingChoices are offered in the get-ready and rest boxes; any whole
// number of seconds may be typed as well.
var timingChoices = []string{routineOwn, "0", "5", "10", "15", "20", "30", "45", "60", "90"}

// NewSettingsView builds the Settings tab for win (the parent of its file
// dialog), showing and saving p.
func NewSettingsView(win fyne.Window, p *Prefs, o SettingsOptions) *SettingsView {
	v := &SettingsView{win: win, p: p, o: o, clock: o.Clock, post: o.Post}
	if v.clock == nil {
		v.clock = schedule.RealClock()
	}
	if v.post == nil {
		v.post = fyne.Do
	}
	keys := o.keys
	if keys == nil {
		keys = noKeys{}
	}
	v.updating = true
	defer func() { v.updating = false }()

	// Sound.
	s := p.Sound()
	v.volumeLabel = widget.NewLabel("")
	v.volume = widget.NewSlider(0, 100)
	v.volume.Step = 1
	v.volume.OnChanged = func(float64) { v.soundChanged() }
	v.mute = newKeyCheck("Mute (cues still flash on screen)", keys, func(bool) { v.soundChanged() })
	v.voice = newKeyCheck("Voice prompts", keys, func(bool) { v.soundChanged() })
	v.detail = widget.NewRadioGroup(detailLabels, func(string) { v.soundChanged() })
	v.detail.Horizontal = true
	v.detail.Required = true
	v.ticks = newKeyCheck("Rep and tempo ticks", keys, func(bool) { v.soundChanged() })
	v.SetSound(s)
	v.checkStatus = widget.NewLabel("")
	v.checkStatus.Wrapping = fyne.TextWrapWord
	v.check = newKeyButton("Sound check", theme.MediaPlayIcon(), keys, v.SoundCheck)
	if o.SoundCheck == nil {
		v.check.Disable()
		v.checkStatus.SetText("Sound check is not available (no audio player).")
	}
	sound := section("Sound",
		container.NewBorder(nil, nil, widget.NewLabel("Volume"), v.volumeLabel, v.volume),
		v.mute, v.voice,
		container.NewBorder(nil, nil, widget.NewLabel("Voice detail"), nil, v.detail),
		v.ticks,
		container.NewBorder(nil, nil, v.check, nil, v.checkStatus))

	// Theme.
	v.themes = widget.NewRadioGroup([]string{"System", "Light", "Dark"}, func(string) { v.themeChanged() })
	v.themes.Horizontal = true
	v.themes.Required = true
	v.themes.SetSelected(themeLabel(p.Theme()))
	look := section("Theme", v.themes)

	// Timings.
	v.getReady = newTimingEntry(p.GetReady(), func(string) { v.timingsChanged() })
	v.rest = newTimingEntry(p.Rest(), func(string) { v.timingsChanged() })
	v.timingError = newProblemLine()
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("Get ready (s)"), v.getReady,
		widget.NewLabel("Rest (s)"), v.rest)
	timings := section("Timings", form, v.timingError.row)

	// Weekly goal.
	v.target = widget.NewSelect([]string{"1", "2", "3", "4", "5", "6", "7"}, func(string) { v.targetChanged() })
	v.target.SetSelected(strconv.Itoa(p.WeeklyTarget()))
	goal := section("Weekly goal",
		container.NewHBox(v.target, widget.NewLabel("days a week keep the weekly streak")))

	// Routine.
	v.routineLabel = widget.NewLabel("")
	v.routineLabel.Wrapping = fyne.TextWrapWord
	v.routineErrors = container.NewVBox()
	open := newKeyButton("Open…", theme.FolderOpenIcon(), keys, v.openRoutine)
	v.builtin = newKeyButton("Use built-in", theme.HomeIcon(), keys, func() { v.LoadRoutine("") })
	v.showRoutinePath(p.RoutinePath())
	rout := section("Routine", v.routineLabel, container.NewHBox(open, v.builtin), v.routineErrors)

	// Data.
	journalPath := selectable(o.JournalPath)
	dataDir := selectable(o.DataDir)
	copyPath := newKeyButton("Copy", theme.ContentCopyIcon(), keys, func() {
		fyne.CurrentApp().Clipboard().SetContent(o.JournalPath)
	})
	data := section("Data",
		container.NewBorder(nil, nil, widget.NewLabel("Journal"), copyPath, journalPath),
		container.NewBorder(nil, nil, widget.NewLabel("Folder"), nil, dataDir))

	// About.
	version := o.Version
	if version == "" {
		version = "development build"
	}
	about := section("About",
		widget.NewLabel(Title+" "+version),
		widget.NewLabel("Exercise guidance, not medical advice."))

	v.box = container.NewVBox(
		sound, widget.NewSeparator(), look, widget.NewSeparator(), timings, widget.NewSeparator(),
		goal, widget.NewSeparator(),
		rout, widget.NewSeparator(), data, widget.NewSeparator(), about)
	v.scroll = container.NewVScroll(v.box)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the view's content.
func (v *SettingsView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.scroll)
}

// relayout lays the sections out again after one changed height.
func (v *SettingsView) relayout() {
	if v.box != nil {
		v.box.Refresh()
		v.scroll.Refresh()
	}
}

// section is a titled group of settings.
func section(title string, objs ...fyne.CanvasObject) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(append([]fyne.CanvasObject{h}, objs...)...)
}

// selectable is a label whose text can be selected and copied.
func selectable(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Selectable = true
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// ---- sound ----

// SetSound shows s without saving it or calling OnSound (the window's
// mute key changed it, for example).
func (v *SettingsView) SetSound(s cue.Settings) {
	was := v.updating
	v.updating = true
	defer func() { v.updating = was }()
	v.volume.SetValue(float64(min(max(s.Volume, 0), 100)))
	v.volumeLabel.SetText(fmt.Sprintf("%d %%", min(max(s.Volume, 0), 100)))
	v.mute.SetChecked(s.Muted)
	v.voice.SetChecked(s.Voice)
	v.detail.SetSelected(detailLabel(s.Detail))
	v.ticks.SetChecked(s.RepTicks)
}

// detailLabels name the voice detail levels (cue.Details) in the view:
// Minimal says the move names, Normal also doses, sides, sets and time
// left, Full also counts the reps of holds.
var detailLabels = []string{"Minimal", "Normal", "Full"}

// detailLabel returns the label of a voice detail ("" is Normal).
func detailLabel(d cue.Detail) string {
	for i, l := range cue.Details {
		if l == d {
			return detailLabels[i]
		}
	}
	return detailLabels[1]
}

// Sound returns the sound settings shown.
func (v *SettingsView) Sound() cue.Settings {
	d := cue.DetailNormal
	for i, l := range detailLabels {
		if l == v.detail.Selected {
			d = cue.Details[i]
		}
	}
	return cue.Settings{Volume: int(v.volume.Value + 0.5), Muted: v.mute.Checked,
		Voice: v.voice.Checked, Detail: d, RepTicks: v.ticks.Checked}
}

func (v *SettingsView) soundChanged() {
	if v.volumeLabel != nil {
		v.volumeLabel.SetText(fmt.Sprintf("%d %%", int(v.volume.Value+0.5)))
	}
	if v.updating {
		return
	}
	s := v.Sound()
	v.p.SetSound(s)
	if v.o.OnSound != nil {
		v.o.OnSound(s)
	}
}

// cueNames are the names the sound check shows.
var cueNames = map[schedule.CueKind]string{
	schedule.CueCountdown: "Countdown beep",
	schedule.CueStart:     "Hold starts",
	schedule.CueRep:       "Rep tick",
	schedule.CueTempo:     "Tempo tick",
	schedule.CueRelease:   "Release",
	schedule.CueHalfway:   "Halfway",
	schedule.CueSwitch:    "Switch sides",
	schedule.CueRest:      "Rest",
	schedule.CueNext:      "Next move",
	schedule.CueGetReady:  "Get ready",
	schedule.CueTimeLeft:  "Time left",
	schedule.CueDone:      "Routine done",
}

// cueName returns the name of a cue kind.
func cueName(k schedule.CueKind) string {
	if n, ok := cueNames[k]; ok {
		return n
	}
	return string(k)
}

// SoundCheck plays every cue kind once, soundCheckGap apart, showing the
// name of each as it plays; it stops at the first error and shows it.
func (v *SettingsView) SoundCheck() {
	if v.checking || v.o.SoundCheck == nil {
		return
	}
	v.checking = true
	v.check.Disable()
	v.soundCheckStep(0, 0)
}

// soundCheckStep plays kind i after d (UI goroutine).
func (v *SettingsView) soundCheckStep(i int, d time.Duration) {
	kinds := schedule.CueKinds
	v.clock.AfterFunc(d, func() {
		k := kinds[i]
		v.post(func() {
			v.checkStatus.SetText(fmt.Sprintf("Playing %d of %d: %s", i+1, len(kinds), cueName(k)))
		})
		err := v.o.SoundCheck(k)
		v.post(func() {
			switch {
			case err != nil:
				v.checkStatus.SetText(fmt.Sprintf("Sound check stopped at %s: %v", cueName(k), err))
			case i+1 < len(kinds):
				v.soundCheckStep(i+1, soundCheckGap)
				return
			default:
				v.checkStatus.SetText(fmt.Sprintf("Sound check done: %d sounds played.", len(kinds)))
			}
			v.checking = false
			v.check.Enable()
		})
	})
}

// ---- theme ----

func themeLabel(name string) string {
	switch name {
	case ThemeLight:
		return "Light"
	case ThemeDark:
		return "Dark"
	}
	return "System"
}

func (v *SettingsView) themeChanged() {
	if v.updating {
		return
	}
	name := strings.ToLower(v.themes.Selected)
	v.p.SetTheme(name)
	name = v.p.Theme()
	if v.o.OnTheme != nil {
		v.o.OnTheme(name)
	} else {
		ApplyTheme(fyne.CurrentApp(), name)
	}
}

// ---- timings ----

// newTimingEntry is a box offering routineOwn and common values, in which
// any whole number of seconds can be typed.
func newTimingEntry(sec int, changed func(string)) *widget.SelectEntry {
	e := widget.NewSelectEntry(timingChoices)
	e.Validator = func(s string) error { _, err := parseTiming(s); return err }
	e.SetText(timingText(sec))
	e.OnChanged = changed
	return e
}

func timingText(sec int) string {
	if sec < 0 {
		return routineOwn
	}
	return strconv.Itoa(sec)
}

// parseTiming reads a timing box: RoutineTiming for routineOwn (or
// nothing), else a whole number of seconds 0..MaxTimingOverride.
func parseTiming(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, routineOwn) {
		return RoutineTiming, nil
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "s"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > MaxTimingOverride {
		return 0, fmt.Errorf("want a whole number of seconds from 0 to %d, or %q", MaxTimingOverride, routineOwn)
	}
	return n, nil
}

func (v *SettingsView) timingsChanged() {
	if v.updating {
		return
	}
	// Each box is saved as soon as it holds a valid value.
	changed := false
	var msgs []string
	for _, b := range []struct {
		name string
		box  *widget.SelectEntry
		get  func() int
		set  func(int)
	}{
		{"Get ready", v.getReady, v.p.GetReady, v.p.SetGetReady},
		{"Rest", v.rest, v.p.Rest, v.p.SetRest},
	} {
		sec, err := parseTiming(b.box.Text)
		switch {
		case err != nil:
			msgs = append(msgs, b.name+": "+err.Error()+".")
		case sec != b.get():
			b.set(sec)
			changed = true
		}
	}
	if len(msgs) > 0 {
		v.timingError.show(strings.Join(msgs, "\n"))
	} else {
		v.timingError.hide()
	}
	v.relayout()
	if changed && v.o.OnTimings != nil {
		v.o.OnTimings(v.p.Timings())
	}
}

// TimingError returns the timing problem shown, "" when none.
func (v *SettingsView) TimingError() string {
	return v.timingError.text()
}

// ---- weekly goal ----

func (v *SettingsView) targetChanged() {
	if v.updating {
		return
	}
	n, err := strconv.Atoi(v.target.Selected)
	if err != nil {
		return
	}
	v.p.SetWeeklyTarget(n)
	if v.o.OnWeeklyTarget != nil {
		v.o.OnWeeklyTarget(v.p.WeeklyTarget())
	}
}

// ---- routine ----

func (v *SettingsView) showRoutinePath(path string) {
	if path == "" {
		v.routineLabel.SetText("Built-in routine")
		v.builtin.Disable()
		return
	}
	v.routineLabel.SetText("File: " + path)
	v.builtin.Enable()
}

// openRoutine asks for a .toml file and loads it.
func (v *SettingsView) openRoutine() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			v.ShowRoutineError("", err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		path := rc.URI().Path()
		if err := rc.Close(); err != nil {
			v.ShowRoutineError(path, err)
			return
		}
		v.LoadRoutine(path)
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".toml"}))
	if cur := v.p.RoutinePath(); cur != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(parentDir(cur))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
}

// parentDir returns the directory part of a file path.
func parentDir(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i > 0 {
		return path[:i]
	}
	return "."
}

// LoadRoutine switches to the routine file at path ("" = built-in) through
// OnRoutine; on success the choice is saved and earlier problems cleared,
// else the problems are listed and the previous choice stays.
func (v *SettingsView) LoadRoutine(path string) {
	if v.o.OnRoutine != nil {
		if err := v.o.OnRoutine(path); err != nil {
			v.ShowRoutineError(path, err)
			return
		}
	}
	v.p.SetRoutinePath(path)
	v.showRoutinePath(path)
	v.ShowRoutineError("", nil)
}

// ShowRoutineError lists the problems of the routine file at path (one
// line per problem); a nil err clears the list.
func (v *SettingsView) ShowRoutineError(path string, err error) {
	v.routineErrors.RemoveAll()
	defer v.relayout()
	if err == nil {
		return
	}
	head := "The routine file could not be used:"
	if path != "" {
		head = "Routine file " + path + " not used:"
	}
	v.routineErrors.Add(problemRow(head, theme.WarningIcon(), fyne.TextStyle{Bold: true}))
	for _, line := range ProblemLines(err) {
		v.routineErrors.Add(problemRow(line, theme.ErrorIcon(), fyne.TextStyle{}))
	}
}

// RoutineProblems returns the problem lines shown, heading first.
func (v *SettingsView) RoutineProblems() []string {
	var out []string
	for _, o := range v.routineErrors.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				if l, ok := x.(*widget.Label); ok {
					out = append(out, l.Text)
				}
			}
		}
	}
	return out
}

// ProblemLines splits an error into the lines to list: one per problem of
// a routine.Errors, else one per line of its text.
func ProblemLines(err error) []string {
	var list routine.Errors
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

// problemRow is one line of a problem list: an icon in the error colour
// and the text in the error colour, so that it is told apart by its icon
// and words as well as by its colour.
func problemRow(text string, icon fyne.Resource, style fyne.TextStyle) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(icon)), nil, l)
}

// problemLine is a problem shown in place (hidden when there is none): an
// error icon and the text, both in the error colour.
type problemLine struct {
	label *widget.Label
	row   *fyne.Container
}

func newProblemLine() *problemLine {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	p := &problemLine{label: l,
		row: container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), nil, l)}
	p.row.Hide()
	return p
}

func (p *problemLine) show(text string) {
	p.label.SetText(text)
	p.row.Show()
}

func (p *problemLine) hide() { p.row.Hide() }

// text returns the problem shown, "" when none.
func (p *problemLine) text() string {
	if !p.row.Visible() {
		return ""
	}
	return p.label.Text
}
