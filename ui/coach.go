package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
)

// The controller's side of "grow with the back" (issue 20): the routine in
// use is the loaded one at the person's levels of today (from the
// journal), the Today panel shows the rule's suggestions, and every level
// the person chooses is journalled through the recorder. Nothing changes a
// level without the person's say.

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
	return m.RepsText() + " × " + routine.DurationText(m.RepDuration())
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
		parts = append(parts, lang.L("{{.Move}} at level {{.Level}} ({{.Why}})", map[string]any{"Move": m.Name, "Level": m.Level, "Why": sourceWords(src)}))
	}
	var lines []string
	if len(parts) > 0 {
		lines = append(lines, lang.L("Levels set today: {{.Levels}}.", map[string]any{"Levels": strings.Join(parts, "; ")}))
	}
	if len(flagged) > 0 {
		lines = append(lines, lang.L("Flagged: {{.Flags}}.", map[string]any{"Flags": strings.Join(flagged, "; ")}))
	}
	return strings.Join(lines, "\n")
}

// sourceWords says why a level was set.
func sourceWords(src levelSrc) string {
	switch src {
	case srcSuggested:
		return lang.L("suggested, you said yes")
	case srcHand:
		return lang.L("set by hand")
	case srcStart:
		return lang.L("where you chose to begin")
	case srcHurt:
		return lang.L("easier after it hurt, today only")
	case srcSafety:
		return lang.L("easiest, after the stop, today only")
	case srcRestored:
		return lang.L("back after the check-in was corrected, today only")
	}
	return string(src)
}
