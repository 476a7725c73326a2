package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// The Today panel's part of the controller: what it shows and what its
// buttons journal.

// newTodayPanel builds the Today panel wired to the controller.
func (c *controller) newTodayPanel() *todayPanel {
	return newTodayPanel(c.keys, todayActions{
		begin:    c.beginAt,
		accept:   c.acceptSuggestion,
		all:      c.acceptAll,
		notYet:   c.notYet,
		easiest:  c.easiestToday,
		badDay:   c.badDay,
		usual:    func() { c.list.setChoice(choiceNotDone) },
		bigThree: c.startBigThree,
	})
}

// notYetKey is the saved answer "Not yet" to the suggestion for move id
// today.
func (c *controller) notYetKey(id string) string { return c.day.String() + " " + id }

// updateToday shows what the rule suggests today, and the first start's
// question while the journal is empty.
func (c *controller) updateToday() {
	if c.todayPanel == nil {
		return
	}
	var st todayState
	c.first = hasLevels(c.base) && c.rec.firstStart(c.day)
	if c.first {
		st.first = true
		st.firstTimes = c.firstTimes()
		c.showToday(st)
		c.syncDay()
		return
	}
	res := c.advice()
	c.advised = res
	switch {
	case res.Safety:
		st.stop = res.SafetyWhy
		st.big3 = c.bigThree()
		for _, m := range c.r.Moves {
			st.easiest = st.easiest || (m.Level > 1 && !st.big3.ok)
		}
	case res.Flare:
		st.flare = res.FlareWhy
		st.badDay = c.list.big3 != nil
	}
	st.waiting = !res.Safety && hasLevels(c.base) && !c.painBefore.answered()
	if !res.Safety && hasLevels(c.base) {
		notYet := c.prefs.NotYet()
		for _, a := range res.Moves {
			if a.Suggest == progress.Stay || slices.Contains(notYet, c.notYetKey(a.ID)) {
				continue
			}
			m, ok := c.r.Move(a.ID)
			if !ok {
				continue
			}
			to := shortDose(m.AtLevel(a.To))
			q := fmt.Sprintf("%s: ready for %s (level %d of %d)?", m.Name, to, a.To, a.Levels)
			if a.Suggest == progress.Down {
				q = fmt.Sprintf("%s: easier, %s (level %d of %d)?", m.Name, to, a.To, a.Levels)
			}
			st.items = append(st.items, suggestionItem{id: a.ID, question: q, why: sentence(a.Why)})
		}
	}
	c.showToday(st)
	c.syncDay()
}

// showToday shows st in the panel and lays Today out again around it.
func (c *controller) showToday(st todayState) {
	c.todayPanel.show(st)
	c.relayoutToday()
}

// relayoutToday lays Today out again (the check-in or the panel changed):
// twice, as a wrapped label knows its height once it has its width.
func (c *controller) relayoutToday() {
	if c.todayView == nil {
		return
	}
	c.todayView.Refresh()
	c.todayView.Refresh()
}

// acceptSuggestion journals the suggested level of move id (Yes).
func (c *controller) acceptSuggestion(id string) {
	for _, a := range c.advised.Moves {
		if a.ID == id && a.Suggest != progress.Stay {
			c.setLevels(map[string]int{id: a.To}, srcSuggested, false)
			return
		}
	}
}

// acceptAll journals every suggestion shown (Accept all): at most the
// step ups the rule's pace allows, and the step downs.
func (c *controller) acceptAll() {
	levels := map[string]int{}
	notYet := c.prefs.NotYet()
	for _, a := range c.advised.Moves {
		if a.Suggest != progress.Stay && !slices.Contains(notYet, c.notYetKey(a.ID)) {
			levels[a.ID] = a.To
		}
	}
	if len(levels) > 0 {
		c.setLevels(levels, srcSuggested, false)
	}
}

// notYet hides the suggestion for move id for the rest of today.
func (c *controller) notYet(id string) {
	today := c.day.String() + " "
	var keep []string
	for _, k := range c.prefs.NotYet() {
		if strings.HasPrefix(k, today) {
			keep = append(keep, k)
		}
	}
	c.prefs.SetNotYet(append(keep, c.notYetKey(id)))
	c.updateToday()
}

// beginAt answers the first start: it journals a level for every move.
func (c *controller) beginAt(choice startChoice) {
	levels, _ := c.firstLevels(choice)
	c.setLevels(levels, srcStart, false)
	if choice == startGentle && c.list.big3 != nil {
		c.list.setChoice(choiceBig3)
	}
}

// easiestToday puts every move at its first level for the rest of today
// (the safety stop).
func (c *controller) easiestToday() {
	levels := map[string]int{}
	for _, m := range c.base.Moves {
		levels[m.ID] = 1
	}
	c.setLevels(levels, srcSafety, true)
}

// badDay chooses the bad-day routine (the Big 3) at its first levels for
// today.
func (c *controller) badDay() {
	levels := map[string]int{}
	for _, id := range c.list.big3 {
		levels[id] = 1
	}
	c.setLevels(levels, srcSuggested, true)
	c.list.setChoice(choiceBig3)
}

// sentence returns s with a capital and a full stop, unless it ends with
// a question mark or a full stop already.
func sentence(s string) string {
	s = upperFirst(s)
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
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
func (c *controller) bigThree() bigThreeOffer {
	if c.list == nil || c.list.big3 == nil {
		return bigThreeOffer{}
	}
	plan, err := schedule.NewPlan(atFirstLevel(c.r, c.list.big3), c.list.big3)
	if err != nil {
		return bigThreeOffer{}
	}
	return bigThreeOffer{ok: true, ids: c.list.big3, total: plan.Total}
}

// atFirstLevel returns a copy of r with the moves ids at level 1.
func atFirstLevel(r *routine.Routine, ids []string) *routine.Routine {
	out := *r
	out.Moves = slices.Clone(r.Moves)
	for i, m := range out.Moves {
		if slices.Contains(ids, m.ID) {
			out.Moves[i] = m.AtLevel(1)
		}
	}
	return &out
}

// startBigThree is the safety stop's one session: the Big 3 at level 1,
// journalled for the rest of today (safety), then started.
func (c *controller) startBigThree() {
	offer := c.bigThree()
	if !offer.ok || !c.allows(state.StartBadDay) {
		return
	}
	levels := make(map[string]int, len(offer.ids))
	for _, id := range offer.ids {
		levels[id] = 1
	}
	c.setLevels(levels, srcSafety, true)
	c.list.setChoice(choiceBig3)
	c.abandonResume()
	c.startSession(offer.ids, -1, "")
}

// firstLevels returns the levels of each move of the routine in use for a
// first start's choice, and the moves it runs: the Big 3 at level 1 for a
// gentle start (every move at level 1 without them), the routine's start
// levels, or every move at its top level.
func (c *controller) firstLevels(choice startChoice) (map[string]int, []string) {
	levels := map[string]int{}
	for _, m := range c.base.Moves {
		switch choice {
		case startGentle:
			levels[m.ID] = 1
		case startUsual:
			levels[m.ID] = max(m.StartLevel, 1)
		case startTop:
			levels[m.ID] = max(m.TopLevel, 1)
		}
	}
	ids := c.base.IDs()
	if choice == startGentle && c.list.big3 != nil {
		ids = c.list.big3
	}
	return levels, ids
}

// firstTimes are the times of the first start's choices, by choice.
func (c *controller) firstTimes() [3]time.Duration {
	var out [3]time.Duration
	for _, ch := range []startChoice{startGentle, startUsual, startTop} {
		levels, ids := c.firstLevels(ch)
		r := *c.base
		r.Moves = slices.Clone(c.base.Moves)
		for i, m := range r.Moves {
			r.Moves[i] = m.AtLevel(levels[m.ID])
		}
		if plan, err := schedule.NewPlan(&r, ids); err == nil {
			out[ch] = plan.Total
		}
	}
	return out
}
