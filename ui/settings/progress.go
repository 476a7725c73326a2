package settings

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/progress"
	"spineroutine/ui/widgets"
)

// ruleParam is one number of the progression rule as Settings shows it:
// its label, what it means, the values offered (every value Validate
// can accept) and where it sits in progress.Params (appdata keeps its
// preference key).
type ruleParam struct {
	label, help string
	lo, hi      int // the values offered
	field       func(*progress.Params) *int
}

// ruleParams lists the rule's numbers in the order Settings shows them.
func ruleParams() []ruleParam {
	return []ruleParam{
		{lang.L("Good sessions for a step up"),
			lang.L("How many sessions at a level, each on a different day, must have gone well before a step up is suggested."),
			1, progress.Lookback, func(p *progress.Params) *int { return &p.Sessions }},
		{lang.L("Within days"),
			lang.L("Those sessions must all fall within this many days (today included)."),
			1, progress.Lookback, func(p *progress.Params) *int { return &p.Window }},
		{lang.L("Highest pain after"),
			lang.L("The highest pain (0–10) after a session that still counts as going well."),
			0, 10, func(p *progress.Params) *int { return &p.MaxAfter }},
		{lang.L("Rise during a session"),
			lang.L("How many points the pain after may be above the pain before and still count as going well."),
			0, 10, func(p *progress.Params) *int { return &p.MaxRise }},
		{lang.L("Rise by the next morning"),
			lang.L("How many points the next check-in (the pain before the next session) may be above the pain before and still count as going well."),
			0, 10, func(p *progress.Params) *int { return &p.MaxNextRise }},
		{lang.L("Next check-in within days"),
			lang.L("The next check-in must come within this many days; without one, a session does not count as going well."),
			1, 7, func(p *progress.Params) *int { return &p.NextWithin }},
		{lang.L("Pain after that steps down"),
			lang.L("From this pain after a session (0–10), its moves are suggested one level easier."),
			0, 10, func(p *progress.Params) *int { return &p.DownAfter }},
		{lang.L("Next-morning rise that steps down"),
			lang.L("When the next check-in is this many points above the pain before a session, its moves are suggested one level easier."),
			0, 10, func(p *progress.Params) *int { return &p.DownNextRise }},
		{lang.L("Flare-up pain"),
			lang.L("From this pain before a session (0–10), the day is a flare-up: the bad-day routine at its first levels is suggested."),
			0, 10, func(p *progress.Params) *int { return &p.Flare }},
		{lang.L("No step up after a flare-up for days"),
			lang.L("After a flare-up, no step up is suggested for this many days (today included)."),
			1, progress.Lookback, func(p *progress.Params) *int { return &p.FlareDays }},
		{lang.L("Stop pain"),
			lang.L("From this pain before a session (0–10), the app says to stop and contact your surgeon or physiotherapist, and offers only the easiest levels that day."),
			0, 10, func(p *progress.Params) *int { return &p.Stop }},
		{lang.L("Moves stepping up on one day"),
			lang.L("At most this many moves step up on one day: when more are ready, those with the longest run of good sessions go first and the others wait for another day."),
			1, progress.MaxUpsLimit, func(p *progress.Params) *int { return &p.MaxUps }},
	}
}

// RuleSection is Settings' "Suggestions": each number of the progression
// rule with what it means, saved in Prefs as soon as the numbers make
// sense together (a problem line says why they do not).
type RuleSection struct {
	boxes    []*widgets.KeySelect // by ruleParams
	problem  *widgets.ProblemLine
	onChange func(progress.Params) error // saves and applies the numbers
	shown    progress.Params
	updating bool
	obj      fyne.CanvasObject
}

// NewRuleSection builds the section showing v; onChange saves and applies
// numbers that make sense together.
func NewRuleSection(v progress.Params, onChange func(progress.Params) error) *RuleSection {
	s := &RuleSection{problem: widgets.NewProblemLine(), onChange: onChange}
	intro := widget.NewLabel(lang.L("The app suggests a step up, a step down or the bad-day routine from your pain check-ins " +
		"(the pain-monitoring model: the next morning decides). It only suggests: nothing changes without your Yes. " +
		"Exercise guidance, not medical advice."))
	intro.Wrapping = fyne.TextWrapWord
	rows := []fyne.CanvasObject{intro}
	for _, rp := range ruleParams() {
		var opts []string
		for n := rp.lo; n <= rp.hi; n++ {
			opts = append(opts, strconv.Itoa(n))
		}
		box := widgets.NewKeySelect(opts, func(string) { s.save() })
		s.boxes = append(s.boxes, box)
		help := widget.NewLabel(rp.help)
		help.Wrapping = fyne.TextWrapWord
		help.TextStyle = fyne.TextStyle{Italic: true}
		rows = append(rows, container.NewBorder(nil, nil, widget.NewLabel(rp.label), box), help)
	}
	reset := widgets.NewKeyButton(lang.L("Defaults"), theme.ViewRefreshIcon(), func() {
		s.show(progress.Defaults())
		s.save()
	})
	rows = append(rows, s.problem.Row, container.NewHBox(reset))
	s.show(v)
	s.obj = widgets.NewSection(lang.L("Suggestions"), rows...)
	return s
}

// Content is what shows the section.
func (s *RuleSection) Content() fyne.CanvasObject { return s.obj }

// show sets the boxes to v.
func (s *RuleSection) show(v progress.Params) {
	s.updating = true
	defer func() { s.updating = false }()
	s.shown = v
	for i, rp := range ruleParams() {
		s.boxes[i].SetSelected(strconv.Itoa(*rp.field(&v)))
	}
	s.problem.Clear()
}

// save hands the numbers of the boxes on when they make sense together.
func (s *RuleSection) save() {
	if s.updating {
		return
	}
	v := s.shown
	for i, rp := range ruleParams() {
		if n, err := strconv.Atoi(s.boxes[i].Selected); err == nil {
			*rp.field(&v) = n
		}
	}
	err := v.Validate()
	if err == nil {
		err = s.onChange(v)
	}
	if err != nil {
		s.problem.Set(lang.L("Not saved: {{.Problem}}.", map[string]any{"Problem": err.Error()}))
		return
	}
	s.shown = v
	s.problem.Clear()
}
