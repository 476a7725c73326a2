package report

import (
	"strings"

	"spineroutine/internal/journal"
)

// sourceKeys are the messages that say why a level was set, as a
// clinician reads it.
var sourceKeys = map[journal.LevelSource]string{
	journal.LevelSuggested: "report.level.source.suggested",
	journal.LevelHand:      "report.level.source.hand",
	journal.LevelStart:     "report.level.source.start",
	journal.LevelHurt:      "report.level.source.hurt",
	journal.LevelSafety:    "report.level.source.safety",
}

// source says why a level was set: the journal's word for a source the
// report does not know.
func (w words) source(src journal.LevelSource) string {
	if key, ok := sourceKeys[src]; ok {
		return w.T(key, nil)
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
// easier after “this hurts”" or "back to 4", in tr's language.
func (c LevelChange) text(tr words) string {
	a := args{"From": c.From, "To": c.To}
	switch {
	case c.BackAgain:
		return tr.T("report.level.back", a)
	case c.Today:
		a["Why"] = tr.source(c.Src)
		return tr.T("report.level.changeToday", a)
	}
	a["Why"] = tr.source(c.Src)
	return tr.T("report.level.change", a)
}

// levelTimeline draws, for each move whose level changed in the period,
// its level on the first day and each change with its day and why.
func (p *page) levelTimeline() {
	changes := p.r.Changes()
	if len(changes) == 0 {
		return
	}
	tr := p.tr
	p.room(20)
	p.heading(tr.T("report.heading.levels", nil))
	cols := []column{{tr.T("report.col.move", nil), 48, "L"},
		{tr.T("report.col.levelOn", args{"Date": tr.shortDate(p.r.From)}), 24, "C"}, {tr.T("report.col.then", nil), p.width - 72, "L"}}
	p.widen(cols, 2, nil)
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
			steps = append(steps, tr.dated(c.Day, c.text(tr)))
		}
		if first < 0 {
			continue
		}
		p.tableRow(cols, []string{names(row.ID), tr.T("report.level.of", args{"Level": first, "Levels": row.Levels}),
			strings.Join(steps, "; ")}, i%2 == 1)
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
