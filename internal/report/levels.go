package report

import (
	"fmt"
	"strings"

	"spineroutine/internal/journal"
)

// sourceText says why a level was set, as a clinician reads it.
func sourceText(src journal.LevelSource) string {
	switch src {
	case journal.LevelSuggested:
		return "suggested by the app, accepted"
	case journal.LevelHand:
		return "set by hand"
	case journal.LevelStart:
		return "chosen at the first start"
	case journal.LevelHurt:
		return "easier after “this hurts”"
	case journal.LevelSafety:
		return "easiest after a safety stop"
	}
	return string(src)
}

// LevelChange is a change of a move's level on a day of the period.
type LevelChange struct {
	Day       journal.Day
	Move      string
	From, To  int // levels; From 0: the routine's start level
	Src       journal.LevelSource
	Today     bool // for that day only
	BackAgain bool // the level before a one-day level, holding again
}

// Changes lists the level changes of the period, by day then by the
// routine's order of moves: each span of LevelSpans that starts inside the
// period (one starting on From is a change when its entry was set for
// From).
func (r *Report) Changes() []LevelChange {
	var out []LevelChange
	for _, row := range r.Moves {
		spans := r.LevelSpans[row.ID]
		prev := row.StartLevel
		for i, s := range spans {
			if i == 0 {
				prev = r.startOf(row)
			}
			if s.From == r.From && s.Level.Day != r.From {
				prev = s.Level.Level
				continue
			}
			c := LevelChange{Day: s.From, Move: row.ID, From: prev, To: s.Level.Level, Src: s.Level.Src,
				Today: s.Level.Today && s.Level.Day == s.From, BackAgain: s.Level.Day.Before(s.From)}
			if c.From != c.To {
				out = append(out, c)
			}
			// A level for one day with nothing after it: the level
			// before it holds again the next day.
			if next := s.From.Add(1); c.Today && c.From != c.To && !next.After(r.To) &&
				(i+1 == len(spans) || spans[i+1].From != next) {
				out = append(out, LevelChange{Day: next, Move: row.ID, From: c.To, To: c.From, BackAgain: true})
				prev = c.From
				continue
			}
			prev = s.Level.Level
		}
	}
	sortChanges(out)
	return out
}

// startOf is the level a move had before the period's first span: the
// routine's start level of the move.
func (r *Report) startOf(row MoveRow) int {
	for _, m := range r.Routine.Moves {
		if m.ID == row.ID {
			return m.StartLevel
		}
	}
	return row.StartLevel
}

// sortChanges orders changes by day, keeping the moves' order within one.
func sortChanges(c []LevelChange) {
	for i := 1; i < len(c); i++ {
		for k := i; k > 0 && c[k].Day.Before(c[k-1].Day); k-- {
			c[k], c[k-1] = c[k-1], c[k]
		}
	}
}

// text is "3 → 4, suggested by the app, accepted", "4 → 3 for the day,
// easier after “this hurts”" or "back to 4".
func (c LevelChange) text() string {
	switch {
	case c.BackAgain:
		return fmt.Sprintf("back to %d", c.To)
	case c.Today:
		return fmt.Sprintf("%d → %d for the day, %s", c.From, c.To, sourceText(c.Src))
	}
	return fmt.Sprintf("%d → %d, %s", c.From, c.To, sourceText(c.Src))
}

// levelTimeline draws, for each move whose level changed in the period,
// its level on the first day and each change with its day and why.
func (p *page) levelTimeline() {
	changes := p.r.Changes()
	if len(changes) == 0 {
		return
	}
	p.room(20)
	p.heading("Level changes")
	cols := []column{{"Move", 48, "L"}, {"Level on " + shortDate(p.r.From), 24, "C"}, {"Then", p.width - 72, "L"}}
	p.tableHeader(cols)
	names := p.names()
	i := 0
	for _, row := range p.r.Moves {
		var steps []string
		first := -1
		for _, c := range changes {
			if c.Move != row.ID {
				continue
			}
			if first < 0 {
				first = c.From
			}
			steps = append(steps, shortDate(c.Day)+": "+c.text())
		}
		if first < 0 {
			continue
		}
		p.tableRow(cols, []string{names(row.ID), fmt.Sprintf("%d of %d", first, row.Levels), strings.Join(steps, "; ")}, i%2 == 1)
		i++
	}
	p.Ln(4)
}

// names is the name of a move id in the routine or the report's rows.
func (p *page) names() func(id string) string {
	m := make(map[string]string)
	for _, row := range p.r.Moves {
		m[row.ID] = row.Name
	}
	return func(id string) string {
		if n := m[id]; n != "" {
			return n
		}
		return id
	}
}
