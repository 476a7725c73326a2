package ui

import (
	"fmt"
	"strings"

	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
)

// The controller's side of "grow with the back" (issue 20): the routine in
// use is the loaded one at the person's levels of today (from the
// journal), the Today panel shows the rule's suggestions, and every level
// the person chooses is journalled through the recorder. Nothing changes a
// level without the person's say.

// hasLevels reports whether any move of r has more than one level.
func hasLevels(r *routine.Routine) bool {
	for _, m := range r.Moves {
		if m.LevelCount() > 1 {
			return true
		}
	}
	return false
}

// levelsChanged puts the moves at their levels of today again (a level
// was set): the checklist's times and total, the idle card, History and
// the Today panel follow. A running session keeps its plan.
func (c *controller) levelsChanged() {
	c.inuse.relevel()
	c.side.today.list.setRoutine(c.inuse.r)
	c.side.history.setRoutine(c.inuse.r)
	c.side.today.plan.update()
	c.showIdle()
}

// setLevels journals the levels of moves (by id) for today, from today on
// or for today only, in the routine's order, and applies them. Every one
// is tried: the recorder shows why the journal refused one, and a full
// disk's kept entries are written in order once there is room.
func (c *controller) setLevels(levels map[string]int, src levelSrc, todayOnly bool) {
	for _, m := range c.inuse.base.Moves {
		n, ok := levels[m.ID]
		if !ok {
			continue
		}
		c.rec.setLevel(c.days.day, m.ID, n, src, todayOnly)
	}
	c.levelsChanged()
}

// progressMoves returns what the rule needs to know of r's moves.
func progressMoves(r *routine.Routine) []progress.Move {
	out := make([]progress.Move, len(r.Moves))
	for i, m := range r.Moves {
		pm := progress.Move{ID: m.ID, Levels: m.LevelCount(), Start: max(m.StartLevel, 1), Top: m.TopLevel}
		for n := 1; n <= m.LevelCount(); n++ {
			pm.Doses = append(pm.Doses, shortDose(m.AtLevel(n)))
		}
		out[i] = pm
	}
	return out
}

// shortDose names a move's dose in a few characters: "5-3-1 × 10 s" for
// holds, "8 × 6 s" for a moving rep.
func shortDose(m routine.Move) string {
	return m.RepsText() + " × " + seconds(m.RepDuration())
}

// levelText is "level 3 of 6", or "" for a move without levels.
func levelText(m routine.Move) string {
	if m.LevelCount() < 2 {
		return ""
	}
	return fmt.Sprintf("level %d of %d", m.Level, m.LevelCount())
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// changesText says what changed today, for a session's summary: the
// levels set today (set) of the moves of r and what was flagged in the
// session ("" for nothing).
func changesText(set map[string]levelSrc, r *routine.Routine, flagged flagList) string {
	var parts []string
	for _, m := range r.Moves {
		src, ok := set[m.ID]
		if !ok || m.LevelCount() < 2 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s at level %d (%s)", m.Name, m.Level, sourceWords(src)))
	}
	var lines []string
	if len(parts) > 0 {
		lines = append(lines, "Levels set today: "+strings.Join(parts, "; ")+".")
	}
	if len(flagged) > 0 {
		lines = append(lines, "Flagged: "+strings.Join(flagged, "; ")+".")
	}
	return strings.Join(lines, "\n")
}

// sourceWords says why a level was set.
func sourceWords(src levelSrc) string {
	switch src {
	case srcSuggested:
		return "suggested, you said yes"
	case srcHand:
		return "set by hand"
	case srcStart:
		return "where you chose to begin"
	case srcHurt:
		return "easier after it hurt, today only"
	case srcSafety:
		return "easiest, after the stop, today only"
	case srcRestored:
		return "back after the check-in was corrected, today only"
	}
	return string(src)
}
