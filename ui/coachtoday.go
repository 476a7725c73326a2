package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/cue"
	"spineroutine/internal/progress"
)

// todayPlan is the Today panel's owner: what the rule advises today (the
// first start's question, the suggestions, a flare-up, the safety stop),
// the answers it journals as levels, and the stop said once a day. It
// reaches the window through todayWindow only.
type todayPlan struct {
	panel    *todayPanel
	view     *fyne.Container // the panel above Today's checklist
	first    bool            // the first start's question is asked
	advised  progress.Result // the rule's answer the panel shows
	stopSaid day             // the day the stop was last said
	// function is the weekly ratings of the Patient-Specific Functional
	// Scale, offered before the first session of a week.
	function *functionScale
	w        todayWindow
}

// todayWindow is what the Today panel needs of the window.
type todayWindow struct {
	day       func() day // the checklist's day
	inuse     *routineInUse
	rec       *recorder
	prefs     *Prefs
	list      func() *checklist                                     // Today's checklist
	setLevels func(levels map[string]int, src levelSrc, today bool) // journal and apply levels
	say       func(phrase string)
	changed   func() // the day's facts changed (the screen's state follows)
	// checkedIn says whether today's check-in was given or put away.
	checkedIn func() bool
	// startBadDay starts a session of ids, the one start the safety stop
	// allows.
	startBadDay func(ids []string)
}

// newTodayPlan builds Today: checkIn (the pain before) first, the panel,
// then list (Today's checklist).
func newTodayPlan(checkIn, list fyne.CanvasObject, w todayWindow) *todayPlan {
	t := &todayPlan{w: w}
	t.panel = newTodayPanel(todayActions{
		begin:    t.beginAt,
		accept:   t.acceptSuggestion,
		all:      t.acceptAll,
		notYet:   t.notYet,
		easiest:  t.easiestToday,
		badDay:   t.badDay,
		usual:    func() { t.w.list().setChoice(choiceNotDone) },
		bigThree: t.startBigThree,
	})
	t.view = newTodayView(checkIn, t.panel.obj, list)
	return t
}

// notYetKey is the saved answer "Not yet" to the suggestion for move id
// today.
func (t *todayPlan) notYetKey(id string) string { return t.w.day().String() + " " + id }

// advice is the rule's answer for today with the saved params.
func (t *todayPlan) advice() progress.Result {
	return t.w.rec.advice(t.w.day(), progressMoves(t.w.inuse.base), t.w.prefs.Settings().Progress, nil)
}

// update shows what the rule suggests today, and the first start's
// question while the journal is empty.
func (t *todayPlan) update() {
	var st todayState
	base, r := t.w.inuse.base, t.w.inuse.r
	if l := t.w.list(); l != nil {
		l.onStopped = t.relayout // the stop hides most of the list: the panel takes its room
	}
	t.first = base.HasLevels() && t.w.rec.firstStart(t.w.day())
	if t.first {
		st.first = true
		st.firstTimes = t.firstTimes()
		t.show(st)
		t.w.changed()
		return
	}
	// The reasons in the window's language (the session's stop and the
	// remote read them from advised too).
	res := reasonWords(t.advice(), base)
	t.advised = res
	switch {
	case res.Safety:
		st.stop = res.SafetyWhy
		st.big3 = t.bigThree()
		for _, m := range r.Moves {
			st.easiest = st.easiest || (m.Level > 1 && !st.big3.ok)
		}
	case res.Flare:
		st.flare = res.FlareWhy
		st.badDay = t.w.list().big3 != nil
	}
	st.waiting = !res.Safety && base.HasLevels() && !t.w.checkedIn()
	if !res.Safety && base.HasLevels() {
		notYet := t.w.prefs.NotYet()
		for _, a := range res.Moves {
			if a.Suggest == progress.Stay || slices.Contains(notYet, t.notYetKey(a.ID)) {
				continue
			}
			m, ok := r.Find(a.ID)
			if !ok {
				continue
			}
			d := map[string]any{"Name": m.Name, "Dose": doseWords(m.AtLevel(a.To)), "Level": a.To, "Levels": a.Levels}
			q := lang.L("{{.Name}}: ready for {{.Dose}} (level {{.Level}} of {{.Levels}})?", d)
			if a.Suggest == progress.Down {
				q = lang.L("{{.Name}}: easier, {{.Dose}} (level {{.Level}} of {{.Levels}})?", d)
			}
			st.items = append(st.items, suggestionItem{id: a.ID, question: q, why: sentence(a.Why)})
		}
	}
	t.show(st)
	t.w.changed()
}

// show shows st in the panel and lays Today out again around it.
func (t *todayPlan) show(st todayState) {
	t.panel.show(st)
	t.relayout()
}

// relayout lays Today out again (the check-in or the panel changed):
// twice, as a wrapped label knows its height once it has its width.
func (t *todayPlan) relayout() {
	t.view.Refresh()
	t.view.Refresh()
}

// acceptSuggestion journals the suggested level of move id (Yes).
func (t *todayPlan) acceptSuggestion(id string) {
	for _, a := range t.advised.Moves {
		if a.ID == id && a.Suggest != progress.Stay {
			t.w.setLevels(map[string]int{id: a.To}, srcSuggested, false)
			return
		}
	}
}

// acceptAll journals every suggestion shown (Accept all): at most the
// step ups the rule's pace allows, and the step downs.
func (t *todayPlan) acceptAll() {
	levels := map[string]int{}
	notYet := t.w.prefs.NotYet()
	for _, a := range t.advised.Moves {
		if a.Suggest != progress.Stay && !slices.Contains(notYet, t.notYetKey(a.ID)) {
			levels[a.ID] = a.To
		}
	}
	if len(levels) > 0 {
		t.w.setLevels(levels, srcSuggested, false)
	}
}

// notYet hides the suggestion for move id for the rest of today.
func (t *todayPlan) notYet(id string) {
	today := t.w.day().String() + " "
	var keep []string
	for _, k := range t.w.prefs.NotYet() {
		if strings.HasPrefix(k, today) {
			keep = append(keep, k)
		}
	}
	t.w.prefs.SetNotYet(append(keep, t.notYetKey(id)))
	t.update()
}

// beginAt answers the first start: it journals a level for every move.
func (t *todayPlan) beginAt(choice startChoice) {
	levels, _ := t.firstLevels(choice)
	t.w.setLevels(levels, srcStart, false)
	if l := t.w.list(); choice == startGentle && l.big3 != nil {
		l.setChoice(choiceBig3)
	}
}

// easiestToday puts every move at its first level for the rest of today
// (the safety stop).
func (t *todayPlan) easiestToday() {
	t.w.setLevels(levelOne(t.w.inuse.base.IDs()), srcSafety, true)
}

// levelOne is the moves ids at their first level.
func levelOne(ids []string) map[string]int {
	levels := make(map[string]int, len(ids))
	for _, id := range ids {
		levels[id] = 1
	}
	return levels
}

// badDay chooses the bad-day routine (the Big 3) at its first levels for
// today.
func (t *todayPlan) badDay() {
	l := t.w.list()
	t.w.setLevels(levelOne(l.big3), srcSuggested, true)
	l.setChoice(choiceBig3)
}

// firstLevels returns the levels of each move of the routine in use for a
// first start's choice, and the moves it runs: the Big 3 at level 1 for a
// gentle start (every move at level 1 without them), the routine's start
// levels, or every move at its top level.
func (t *todayPlan) firstLevels(choice startChoice) (map[string]int, []string) {
	base := t.w.inuse.base
	levels := map[string]int{}
	for _, m := range base.Moves {
		switch choice {
		case startGentle:
			levels[m.ID] = 1
		case startUsual:
			levels[m.ID] = max(m.StartLevel, 1)
		case startTop:
			levels[m.ID] = max(m.TopLevel, 1)
		}
	}
	ids := base.IDs()
	if big3 := t.w.list().big3; choice == startGentle && big3 != nil {
		ids = big3
	}
	return levels, ids
}

// firstTimes are the times of the first start's choices, by choice.
func (t *todayPlan) firstTimes() [3]time.Duration {
	var out [3]time.Duration
	for _, ch := range []startChoice{startGentle, startUsual, startTop} {
		levels, ids := t.firstLevels(ch)
		out[ch] = t.w.inuse.base.WithLevels(levels).Duration(ids...)
	}
	return out
}

// bigThreeOffer is the one session the safety stop offers: the Big 3 at
// level 1, with its time.
type bigThreeOffer struct {
	ok    bool // the routine has the Big 3
	ids   []string
	total time.Duration
}

// bigThree returns the Big 3 of the routine in use at level 1 and its
// time (not ok when the routine lacks them).
func (t *todayPlan) bigThree() bigThreeOffer {
	l := t.w.list()
	if l == nil || l.big3 == nil {
		return bigThreeOffer{}
	}
	r := t.w.inuse.r
	levels := make(map[string]int, len(r.Moves))
	for _, m := range r.Moves {
		levels[m.ID] = m.Level
	}
	for _, id := range l.big3 {
		levels[id] = 1
	}
	return bigThreeOffer{ok: true, ids: l.big3, total: r.WithLevels(levels).Duration(l.big3...)}
}

// startBigThree is the safety stop's one session: the Big 3 at level 1,
// journalled for the rest of today (safety), then started.
func (t *todayPlan) startBigThree() {
	offer := t.bigThree()
	if !offer.ok {
		return
	}
	t.w.setLevels(levelOne(offer.ids), srcSafety, true)
	t.w.startBadDay(offer.ids)
}

// sayStopIfDue says the stop once a day when the pain check-in before
// makes the day a safety stop (the panel shows it).
func (t *todayPlan) sayStopIfDue() {
	if d := t.w.day(); t.advised.Safety && t.stopSaid != d {
		t.stopSaid = d
		t.w.say(cue.PhraseStop)
	}
}

// sentence returns s with a capital and a full stop, unless it ends with
// a question mark or a full stop already.
func sentence(s string) string {
	s = capital(s)
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// restore gives back, after a check-in corrected below the stop, the
// levels a safety stop had set for today: journalled as new entries for
// the rest of the day, nothing rewritten.
func (t *todayPlan) restore() {
	res := t.advice()
	if len(res.Restore) == 0 {
		return
	}
	levels := make(map[string]int, len(res.Restore))
	for _, r := range res.Restore {
		levels[r.ID] = r.Level
	}
	t.w.setLevels(levels, srcRestored, true)
}
