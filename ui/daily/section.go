package daily

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/i18n"
	"spineroutine/internal/reminder"
	"spineroutine/ui/widgets"
)

// reminderHelp explains the section; everything in it is off by default.
func reminderHelp() string {
	return lang.L("Off unless you turn it on. When on, Spine Routine shows an icon in the system tray " +
		"and, at the time below on the days you tick, sends a desktop notification if nothing was done that day. " +
		"It can only remind you while it runs: keep it in the tray when you close the window, or start it " +
		"with the desktop (it then starts in the tray, without a window).")
}

// Section is the "Daily reminder" section of the Settings tab.
type Section struct {
	onChange func(reminder.Settings) error
	s        reminder.Settings

	enable    *widget.Check
	at        *widget.Entry
	days      [7]*widget.Check // by time.Weekday
	keep      *widget.Check
	autostart *widget.Check
	problem   *widget.Label
	obj       fyne.CanvasObject
}

// NewSection builds the Settings section of the daily reminder
// (on/off, time, days of the week, keep in the tray on close, start with the
// desktop) showing s. Each change is given to onChange, which saves and
// applies it (schedule, tray, autostart entry); its error is shown in the
// section, as is a problem given to showProblem (the settings applied at
// start).
func NewSection(s reminder.Settings, onChange func(reminder.Settings) error) *Section {
	r := &Section{onChange: onChange, s: s}
	help := widget.NewLabel(reminderHelp())
	help.Wrapping = fyne.TextWrapWord
	r.problem = widget.NewLabel("")
	r.problem.Wrapping = fyne.TextWrapWord
	r.problem.Importance = widget.DangerImportance
	r.problem.Hide()

	r.enable = widget.NewCheck(lang.L("Remind me to do the routine"), func(on bool) {
		r.change(func(s *reminder.Settings) { s.Enabled = on })
	})
	r.at = widget.NewEntry()
	r.at.SetPlaceHolder("18:00")
	// No Validator: Fyne marks every valid text with a check mark ("18:00
	// ✓"); a time that does not read is said under the section instead.
	r.at.OnChanged = func(text string) {
		at, err := reminder.ParseClock(text)
		if err != nil {
			r.ShowProblem(lang.L("The time is hours and minutes, like 18:00 ({{.Problem}}).", map[string]any{"Problem": err.Error()}))
			return
		}
		r.change(func(s *reminder.Settings) { s.At = at })
	}
	// Four days a line: seven side by side were wider than Settings at
	// 1024×600.
	week := container.NewGridWithColumns(4)
	for i := range 7 {
		d := time.Weekday((i + 1) % 7) // Monday first
		r.days[d] = widget.NewCheck(i18n.FromEnv(os.Getenv).ShortWeekday(d), func(on bool) {
			r.change(func(s *reminder.Settings) { s.Days = s.Days.With(d, on) })
		})
		week.Add(r.days[d])
	}
	r.keep = widget.NewCheck(lang.L("Keep running in the tray when the window is closed"), func(on bool) {
		r.change(func(s *reminder.Settings) { s.KeepInTray = on })
	})
	r.autostart = widget.NewCheck(lang.L("Start with the desktop, in the tray"), func(on bool) {
		r.change(func(s *reminder.Settings) { s.Autostart = on })
	})
	r.show()
	r.obj = widgets.NewSection(lang.L("Daily reminder"), help, r.enable,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("At")), nil, r.at),
		week, r.keep, r.autostart, r.problem)
	return r
}

// show sets the widgets from r.s without calling back.
func (r *Section) show() {
	cb := r.onChange
	r.onChange = nil
	defer func() { r.onChange = cb }()
	r.enable.SetChecked(r.s.Enabled)
	if _, err := reminder.ParseClock(r.at.Text); err != nil || r.at.Text == "" {
		r.at.SetText(r.s.At.String())
	}
	for d, c := range r.days {
		c.SetChecked(r.s.Days.Has(time.Weekday(d)))
	}
	r.keep.SetChecked(r.s.KeepInTray)
	r.autostart.SetChecked(r.s.Autostart)
	for _, w := range []fyne.Disableable{r.at, r.keep, r.autostart, r.days[0], r.days[1], r.days[2],
		r.days[3], r.days[4], r.days[5], r.days[6]} {
		if r.s.Enabled {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// change applies edit to the settings and hands them on.
func (r *Section) change(edit func(*reminder.Settings)) {
	if r.onChange == nil { // being set by show
		return
	}
	edit(&r.s)
	r.show()
	msg := ""
	if err := r.onChange(r.s); err != nil {
		msg = err.Error()
	}
	r.ShowProblem(msg)
}

// Content is what shows the section.
func (r *Section) Content() fyne.CanvasObject { return r.obj }

// ShowProblem shows msg under the section ("": none).
func (r *Section) ShowProblem(msg string) {
	r.problem.SetText(msg)
	if msg == "" {
		r.problem.Hide()
	} else {
		r.problem.Show()
	}
}
