package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/widgets"
)

// startChoice is where a first start begins.
type startChoice int

// The choices of a first start.
const (
	startGentle startChoice = iota // level 1 of each move, the Big 3 only
	startUsual                     // the routine's start levels
	startTop                       // every move at its top level
)

// maxSuggestions is how many suggestions the panel shows at once, so that
// the checklist keeps its room.
const maxSuggestions = 3

// stopText is the safety stop, in English (the files not translated yet
// add to it; the translated ones write their whole sentence as a key).
const stopText = "Stop here. Contact your surgeon or physiotherapist before going on."

// todayState is what the Today panel shows before Start; the zero value
// shows nothing.
type todayState struct {
	// first asks where to begin (no level and no session in the journal).
	first bool
	// firstTimes are the times of the first start's choices.
	firstTimes [3]time.Duration
	// stop is why the person should stop today ("" when not); easiest
	// offers the easiest levels for the day.
	stop    string
	easiest bool
	// big3 is the one session the stop offers (when the routine has it).
	big3 bigThreeOffer
	// flare is why today is a flare-up ("" when not); badDay offers the
	// bad-day routine at its first levels.
	flare  string
	badDay bool
	// items are the suggestions not answered yet; waiting says they
	// follow today's check-in, not given yet.
	items   []suggestionItem
	waiting bool
}

// suggestionItem is one suggestion: "McGill Curl-Up: ready for 6-4-2 × 10 s?"
// and its reason.
type suggestionItem struct {
	id, question, why string
}

// todayActions are what the panel's buttons do.
type todayActions struct {
	begin    func(startChoice)
	accept   func(id string)
	all      func()
	notYet   func(id string)
	easiest  func()
	badDay   func()
	usual    func()
	bigThree func()
}

// todayPanel is the short panel above Today's checklist: the first
// start's question, the safety stop, the flare-up and the suggestions of
// the progression rule, each with Yes and Not yet. It is hidden when it
// has nothing to say.
type todayPanel struct {
	act todayActions
	box *fyne.Container
	obj fyne.CanvasObject
}

// newTodayPanel builds the panel (hidden until show has something).
func newTodayPanel(act todayActions) *todayPanel {
	p := &todayPanel{act: act, box: container.NewVBox()}
	p.obj = container.NewVBox(p.box, widget.NewSeparator())
	p.obj.Hide()
	return p
}

// wrapped is a label that wraps its text.
func wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// show shows st.
func (p *todayPanel) show(st todayState) {
	var rows []fyne.CanvasObject
	bold := fyne.TextStyle{Bold: true}
	if st.first {
		rows = append(rows, wrapped(lang.L("Where do you want to begin? Start small: the app suggests a step up when your back has earned it."), bold),
			container.New(&choiceRow{},
				widgets.NewKeyButton(lang.L("Gentle start"), nil, func() { p.act.begin(startGentle) }),
				widgets.NewKeyButton(lang.L("My usual dose"), nil, func() { p.act.begin(startUsual) }),
				widgets.NewKeyButton(lang.L("Top levels"), nil, func() { p.act.begin(startTop) })),
			wrapped(lang.L("Gentle start: the Big 3 at their easiest level ({{.Gentle}}). My usual dose: every move at "+
				"the routine's start level ({{.Usual}}). Top levels: every move at its hardest level ({{.Top}}). Start without "+
				"choosing runs your usual dose.", map[string]any{"Gentle": widgets.FormatClock(st.firstTimes[startGentle]),
				"Usual": widgets.FormatClock(st.firstTimes[startUsual]), "Top": widgets.FormatClock(st.firstTimes[startTop])}), fyne.TextStyle{}))
	}
	if st.stop != "" {
		// The reason says the stop (stopText is what the voice says).
		title := wrapped(st.stop, bold)
		title.Importance = widget.DangerImportance
		rows = append(rows, title)
		if st.big3.ok {
			b := widgets.NewKeyButton(lang.L("Big 3 at level 1 ({{.Time}})", map[string]any{"Time": widgets.FormatClock(st.big3.total)}), nil, p.act.bigThree)
			rows = append(rows, wrapped(lang.L("If your back allows some gentle movement today, this is the one session "+
				"offered: the Big 3 at their easiest level."), fyne.TextStyle{}), container.NewHBox(b))
		}
		if st.easiest {
			b := widgets.NewKeyButton(lang.L("Easiest levels today"), nil, p.act.easiest)
			b.Importance = widget.WarningImportance
			rows = append(rows, container.NewHBox(b))
		}
	}
	if st.flare != "" {
		rows = append(rows, wrapped(st.flare, bold))
		if st.badDay {
			rows = append(rows, wrapped(lang.L("Start runs the Big 3 today."), fyne.TextStyle{}),
				container.NewHBox(widgets.NewKeyButton(lang.L("Bad-day routine, first levels"), nil, p.act.badDay),
					widgets.NewKeyButton(lang.L("Usual plan instead"), nil, p.act.usual)))
		}
	}
	if st.waiting {
		rows = append(rows, wrapped(lang.L("Your suggestions for today follow this check-in."), fyne.TextStyle{Italic: true}))
	}
	if len(st.items) > 1 {
		all := widgets.NewKeyButton(lang.L("Accept all"), nil, p.act.all)
		all.Importance = widget.HighImportance
		rows = append(rows, container.NewBorder(nil, nil, nil, all,
			wrapped(lang.N("{{.Count}} suggestions for today", len(st.items), counted(len(st.items))), bold)))
	} else if len(st.items) > 0 {
		rows = append(rows, wrapped(lang.L("Suggestions for today"), bold))
	}
	for i, it := range st.items {
		if i == maxSuggestions {
			more := len(st.items) - i
			rows = append(rows, wrapped(lang.N("{{.Count}} more once you have answered these.", more, counted(more)), fyne.TextStyle{}))
			break
		}
		id := it.id
		yes := widgets.NewKeyButton(lang.L("Yes"), nil, func() { p.act.accept(id) })
		yes.Importance = widget.HighImportance
		no := widgets.NewKeyButton(lang.L("Not yet"), nil, func() { p.act.notYet(id) })
		q := wrapped(it.question, fyne.TextStyle{})
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(yes, no), q),
			wrapped(it.why, fyne.TextStyle{Italic: true}))
	}
	if len(st.items) > 0 && st.stop == "" {
		rows = append(rows, wrapped(lang.L("Exercise guidance, not medical advice. You decide: nothing changes without your Yes."), fyne.TextStyle{}))
	}
	p.box.Objects = rows
	p.box.Refresh()
	setVisible(p.obj, len(rows) > 0)
}
