package ui

import (
	"fmt"
	"slices"
	"strings"

	"spineroutine/internal/progress"
)

// The Today panel's part of the controller: what it shows and what its
// buttons journal.

// newTodayPanel builds the Today panel wired to the controller.
func (c *controller) newTodayPanel() *todayPanel {
	return newTodayPanel(c.keys, todayActions{
		begin:   c.beginAt,
		accept:  c.acceptSuggestion,
		notYet:  c.notYet,
		easiest: c.easiestToday,
		badDay:  c.badDay,
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
	c.first = hasLevels(c.inuse.base) && c.rec.firstStart(c.day)
	if c.first {
		st.first = true
		c.showToday(st)
		c.syncDay()
		return
	}
	res := c.advice()
	c.advised = res
	switch {
	case res.Safety:
		st.stop = res.SafetyWhy
		for _, m := range c.inuse.r.Moves {
			st.easiest = st.easiest || m.Level > 1
		}
	case res.Flare:
		st.flare = res.FlareWhy
		st.badDay = c.list.big3 != nil
	}
	if !res.Safety && hasLevels(c.inuse.base) {
		notYet := c.prefs.NotYet()
		for _, a := range res.Moves {
			if a.Suggest == progress.Stay || slices.Contains(notYet, c.notYetKey(a.ID)) {
				continue
			}
			m, ok := c.inuse.r.Move(a.ID)
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

// showToday shows st in the panel and lays Today out again around it:
// twice, as a wrapped label knows its height once it has its width.
func (c *controller) showToday(st todayState) {
	c.todayPanel.show(st)
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
	levels := map[string]int{}
	for _, m := range c.inuse.base.Moves {
		switch choice {
		case startGentle:
			levels[m.ID] = 1
		case startUsual:
			levels[m.ID] = max(m.StartLevel, 1)
		case startFull:
			levels[m.ID] = max(m.TopLevel, 1)
		}
	}
	c.setLevels(levels, srcStart, false)
	if choice == startGentle && c.list.big3 != nil {
		c.list.setChoice(choiceBig3)
	}
}

// easiestToday puts every move at its first level for the rest of today
// (the safety stop).
func (c *controller) easiestToday() {
	levels := map[string]int{}
	for _, m := range c.inuse.base.Moves {
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
