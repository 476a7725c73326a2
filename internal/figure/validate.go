package figure

import (
	"fmt"
	"strings"

	"spineroutine/internal/routine"
)

// Validate checks the figure names of a routine's moves against the
// library: each must name a figure drawn for the move's dosage (a hold, or
// as many phases as the tempo). The error is a routine.Errors naming the
// routine's file, the line of each figure key and the move.
func (l *Library) Validate(r *routine.Routine) error {
	var errs routine.Errors
	for i, m := range r.Moves {
		if m.Figure == "" {
			continue
		}
		add := func(format string, args ...any) {
			e := &routine.Error{File: r.Source, Line: m.FigureLine, Move: m.ID, Index: i + 1, Field: "figure"}
			e.Msg = fmt.Sprintf(format, args...)
			errs = append(errs, e)
		}
		f, ok := l.Figures[m.Figure]
		switch {
		case !ok:
			add("figure %q is not in the pose library (one of %s)", m.Figure, strings.Join(l.Order, ", "))
		case f.Hold != (m.Tempo == nil) || !f.Hold && len(f.Phases) != len(m.Tempo):
			add("figure %q is drawn for %s, but this move has %s", m.Figure,
				describe(f.Hold, len(f.Phases)), describe(m.Tempo == nil, len(m.Tempo)))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
