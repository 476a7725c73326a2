package figure

import (
	"fmt"
	"strings"
	"sync"

	"spineroutine/internal/routine"
)

// shipped is the shipped pose library, parsed once.
var shipped = sync.OnceValue(Default)

// Shipped is the pose library shipped in the binary, parsed once: the
// routine.Figures that every reader of a routine file passes to
// routine.Parse, routine.Load, Draft.Check and library.Open. It is shared:
// do not change it.
func Shipped() *Library { return shipped() }

// Validate checks the figure names of a routine's moves against the
// library: each move's, switched off or not, must name a figure drawn for
// its dosage (a hold, or as many phases as the tempo). The error is a
// routine.Errors naming the routine's file, the line of each figure key,
// the move and its place in the file (Index).
func (l *Library) Validate(r *routine.Routine) error {
	var errs routine.Errors
	for i, m := range fileOrder(r) {
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

// fileOrder returns every move of r in file order, those switched off
// included (an error's Index is the place in the file, as the editor's
// list shows it).
func fileOrder(r *routine.Routine) []routine.Move {
	out := make([]routine.Move, 0, len(r.Moves)+len(r.Off))
	on := r.Moves
	for _, o := range r.Off {
		for len(out) < o.At && len(on) > 0 {
			out, on = append(out, on[0]), on[1:]
		}
		out = append(out, o.Move)
	}
	return append(out, on...)
}
