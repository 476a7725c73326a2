package routine

import "errors"

// Figures knows the figures a routine's moves may name: the pose library
// (figure.Shipped). Its Validate returns the Errors of the moves whose
// figure it does not know or does not draw for their dosage.
//
// Parse, Load, Draft.Check and the library take it from their caller, so
// that every caller (check, start, import, the editor) holds a routine to
// the same rules whatever it links; nil checks no figure (the routines
// shipped in the binary, whose figures internal/figure's tests check).
type Figures interface {
	Validate(r *Routine) error
}

// checkFigures returns the problems of r's figures (none without figs).
func checkFigures(r *Routine, figs Figures) Errors {
	if figs == nil {
		return nil
	}
	err := figs.Validate(r)
	if err == nil {
		return nil
	}
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	return Errors{&Error{File: r.Source, Field: "figure", Msg: err.Error()}}
}
