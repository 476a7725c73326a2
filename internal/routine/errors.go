package routine

import (
	"errors"
	"fmt"
	"strings"
)

// Error is one problem found in a routine file. Its text reads like
// `routine.toml:23: move "bird-dogs": tempo and hold are both set; choose one`,
// or for one of a move's levels `routine.toml:41: move "bird-dogs": level 2: reps must be at least 1`.
type Error struct {
	File string // file name as given to Parse or Load
	Line int    // 1-based line, 0 when it cannot be told
	Move string // id of the move concerned, "" when none or when its id is unusable
	// Kind names what Move identifies in the message: "" for a move, or
	// another data file's entry ("pose" in the pose library).
	Kind  string
	Index int    // 1-based position of the move concerned, 0 for the routine itself
	Level int    // 1-based level of the move concerned ([[move.level]]), 0 for the move itself
	Field string // key concerned ("hold", "reps"...), "" for the file as a whole
	Msg   string // human sentence; it names the field itself
	Err   error  // underlying cause (an I/O error), usually nil
}

// Error formats the problem as "file:line: move ...: message".
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", e.File, e.Line)
	case e.File != "":
		fmt.Fprintf(&b, "%s: ", e.File)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	kind := "move"
	if e.Kind != "" {
		kind = e.Kind
	}
	switch {
	case e.Move != "":
		fmt.Fprintf(&b, "%s %q: ", kind, e.Move)
	case e.Index > 0:
		fmt.Fprintf(&b, "%s %d: ", kind, e.Index)
	}
	if e.Level > 0 {
		fmt.Fprintf(&b, "level %d: ", e.Level)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in a routine file, in line order. Parse and
// Load return it as their error so that a UI can list the problems.
type Errors []*Error

// Error joins the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As see them.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// MaxErrors is how many problems Parse reports at most; a last entry says
// how many more there were.
const MaxErrors = 50

// ErrorLines are the lines to list of err: one per problem of an Errors
// (each message whole), else one per line of its text.
func ErrorLines(err error) []string {
	var list Errors
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}
