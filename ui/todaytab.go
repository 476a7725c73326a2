package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// todayTab owns Today: the check-in above the plan of the day and its
// suggestions (todayPlan), and the checklist of the routine in use, which
// it builds anew for each routine put in use.
type todayTab struct {
	list  *checklist      // nil until a routine is put in use
	first []string        // the moves the first checklist preselects (--moves)
	box   *fyne.Container // holds the checklist, replaced with the routine
	plan  *todayPlan      // the panel above the checklist
	rec   *recorder
	inuse *routineInUse
	hooks todayHooks
}

// todayHooks are what Today tells the rest of the window, and asks of it.
type todayHooks struct {
	start   func() // the big button (Start, or Stop for today)
	changed func() // the choice or the ticks changed: the idle card follows
	levels  func() // Levels… opens the levels of the moves
	notice  func(key, text string)
	day     func() day // the checklist's day
	// checkIn is the pain check-in's row, shown above the plan.
	checkIn fyne.CanvasObject
	// plan wires the panel of the day (todayPlan) to the window.
	plan todayWindow
	// function is the weekly functional scale, offered before a session.
	function *functionScale
}

// newTodayTab makes Today; its checklist, of the routine put in use
// (setRoutine), first has moves chosen (nil: the default choice).
func newTodayTab(rec *recorder, inuse *routineInUse, moves []string, h todayHooks) *todayTab {
	return &todayTab{rec: rec, inuse: inuse, first: moves, hooks: h}
}

// newList builds a checklist of the routine in use with moves chosen.
func (t *todayTab) newList(moves []string) *checklist {
	l := newChecklist(t.inuse.r, moves, t.hooks.start)
	l.onTick = func(id string, on bool) error { return t.rec.tick(t.hooks.day(), id, on) }
	l.onError = func(msg string) { t.hooks.notice("tick", msg) }
	l.onChange = t.hooks.changed
	l.onLevels = t.hooks.levels
	return l
}

// build builds Today's content: the routine picker (with a library)
// above the check-in, the plan and the checklist.
func (t *todayTab) build(routines *routineTab) fyne.CanvasObject {
	t.box = container.NewStack()
	w := t.hooks.plan
	w.list = func() *checklist { return t.list }
	t.plan = newTodayPlan(t.hooks.checkIn, t.box, w)
	t.plan.function = t.hooks.function
	view := t.plan.view
	if routines == nil {
		return view
	}
	return container.NewBorder(routines.todayPicker(), nil, nil, nil, view)
}

// setRoutine builds the checklist anew for the routine in use.
func (t *todayTab) setRoutine() {
	t.list = t.newList(t.first)
	t.first = nil
	t.box.Objects = []fyne.CanvasObject{t.list.obj}
	t.box.Refresh()
}

// reload shows the journal's ticks of the checklist's day.
func (t *todayTab) reload() {
	d := t.hooks.day()
	t.list.setDone(t.rec.done(d), dayText(d))
	t.hooks.changed()
}

// painGiven writes a pain check-in (see recorder.pain); the check-in
// before a session sets the plan of the day.
func (t *todayTab) painGiven(when painWhen, v int) {
	t.rec.pain(when, v, t.inuse.r.Source, t.list.selection())
	if when == painBeforeSession {
		t.plan.restore()
		t.plan.update() // the check-in answered; a stop, said
		t.hooks.plan.changed()
		t.plan.sayStopIfDue()
		if a := t.plan.advised; a.Flare && !a.Safety && t.list.big3 != nil {
			t.list.setChoice(choiceBig3) // the bad day first; the usual plan is one tap away
		}
	}
}

// dayText is the checklist's day d, e.g. "Monday 23 November".
func dayText(d day) string {
	y, m, n := d.Date()
	return uiLang().Date(time.Date(y, m, n, 12, 0, 0, 0, time.Local))
}
