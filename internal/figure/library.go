package figure

import (
	"errors"
	"fmt"
	"sort"

	"github.com/BurntSushi/toml"

	"spineroutine/assets"
	"spineroutine/internal/routine"
)

// Library is a set of named poses and the figures of moves built from them.
//
// # File format
//
// The library is TOML (assets/poses.toml is the one shipped):
//
//	[[pose]]
//	name = "bridge-up"        # required, unique, [a-z0-9-]+
//	like = "bridge-down"      # optional: start from an earlier pose, then change
//	view = "side"             # side (default) | front
//	hip = [40, 12]            # hip joint, body units (standing: 100 tall, floor y = 0)
//	pelvis = 160              # world angle of the pelvis, hip toward waist (90 upright)
//	waist = 0                 # flexion of the lumbar segment on the pelvis
//	chest = 0                 # flexion of the thoracic segment on the lumbar one
//	neck = 0                  # flexion of the neck
//	near = {hip = 60, knee = 100, ankle = 0, shoulder = 10, elbow = 0, wrist = 0}
//	far = {hip = 60}          # missing angles: the like pose's, else near's
//	ground = "near.heel"      # move the hip up or down until this point rests on the floor
//	mat = true                # a mat on the floor
//	bar = [60, 118]           # a bar (end-on in a side view)
//	anchor = [110, 60]        # a post with a band tied there, to the hands
//	held = "kettlebell"       # kettlebell | band
//	accent = ["pelvis", "near.thigh"]     # working parts (see Parts; trunk, near.leg...)
//	contacts = ["near.heel floor", "near.hand bar"]   # point and surface (floor | bar)
//
//	[[figure]]
//	name = "glute-bridge"     # the name a routine's move gives as figure
//	start = "bridge-down"     # before the first phase and between reps
//	phases = ["bridge-up", "bridge-up", "bridge-down"]  # pose at the end of each tempo phase
//	hold = "side-plank"       # instead of phases: the held pose of a hold
//
// A figure shows its move's left side (the near limbs are the left ones).
// For the right side a side view swaps the near and far limbs, a front
// view is mirrored.
type Library struct {
	Poses   map[string]Pose
	Figures map[string]*Figure
	// Order lists the figure names in file order.
	Order []string
}

// Default returns the pose library shipped in the binary.
func Default() *Library {
	l, err := Parse("poses.toml", assets.PosesTOML)
	if err != nil {
		// The package tests parse the shipped file: this cannot happen in a
		// released binary.
		panic(fmt.Sprintf("figure: embedded pose library is invalid:\n%v", err))
	}
	return l
}

// Parse reads a pose library from TOML text; name is the file name used in
// messages. Text that routine.CheckShape refuses is not decoded. On failure the error is a routine.Errors listing every problem
// with its line.
func Parse(name string, data []byte) (*Library, error) {
	if line, msg := routine.CheckShape(string(data)); msg != "" {
		return nil, routine.Errors{{File: name, Line: line, Msg: msg}}
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, routine.Errors{{File: name, Line: pe.Position.Line, Msg: "TOML syntax: " + pe.Message}}
		}
		return nil, routine.Errors{{File: name, Msg: fmt.Sprintf("TOML: %v", err), Err: err}}
	}
	p := &libParser{file: name, lines: routine.FindLines(string(data)),
		lib: &Library{Poses: map[string]Pose{}, Figures: map[string]*Figure{}}}
	for key := range doc {
		if key != "pose" && key != "figure" {
			p.add(p.lines.Top(key), "", 0, "", key, "unknown key %q", key)
		}
	}
	for i, t := range p.tables(doc, "pose") {
		p.pose(i, t)
	}
	for i, t := range p.tables(doc, "figure") {
		p.figure(i, t)
	}
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	return p.lib, nil
}

// libParser collects the problems of one library file.
type libParser struct {
	file  string
	lines routine.Lines
	lib   *Library
	errs  routine.Errors
}

// add records a problem; index is the 1-based position of the entry (0
// for the file as a whole), entry its name once known.
func (p *libParser) add(line int, kind string, index int, entry, field, format string, args ...any) {
	p.errs = append(p.errs, &routine.Error{File: p.file, Line: line, Kind: kind, Index: index, Move: entry,
		Field: field, Msg: fmt.Sprintf(format, args...)})
}

// tables returns the [[name]] tables of the document.
func (p *libParser) tables(doc map[string]any, name string) []map[string]any {
	switch t := doc[name].(type) {
	case nil:
		return nil
	case []map[string]any:
		return t
	default:
		p.add(p.lines.Top(name), "", 0, "", name, "%s must be a list of [[%s]] tables", name, name)
		return nil
	}
}

// entry reads the fields of one [[pose]] or [[figure]] table.
type entry struct {
	p     *libParser
	kind  string // "pose" or "figure"
	index int
	name  string
	m     map[string]any
}

func (e *entry) line(key string) int { return e.p.lines.Key(e.kind, e.index, key) }

func (e *entry) errf(key, format string, args ...any) {
	e.p.add(e.line(key), e.kind, e.index+1, e.name, key, format, args...)
}

func (e *entry) known(keys ...string) {
	for k := range e.m {
		if !contains(keys, k) {
			e.errf(k, "unknown key %q", k)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text reads a text value, "" when absent or wrong.
func (e *entry) text(key string) string {
	v, ok := e.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		e.errf(key, "%s must be text", key)
	}
	return s
}

// number reads a number into *dst when the key is present.
func (e *entry) number(key string, dst *float64) {
	if v, ok := e.m[key]; ok {
		if n, ok := routine.Number(v); ok {
			*dst = n
		} else {
			e.errf(key, "%s must be a number of degrees", key)
		}
	}
}

// point reads an [x, y] pair; nil when absent or wrong.
func (e *entry) point(key string) *Point {
	v, ok := e.m[key]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if ok && len(list) == 2 {
		x, okx := routine.Number(list[0])
		y, oky := routine.Number(list[1])
		if okx && oky {
			return &Point{x, y}
		}
	}
	e.errf(key, "%s must be a point [x, y]", key)
	return nil
}

// texts reads a list of texts.
func (e *entry) texts(key string) []string {
	v, ok := e.m[key]
	if !ok {
		return nil
	}
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			break
		}
		out = append(out, s)
	}
	if len(out) != len(list) || list == nil {
		e.errf(key, "%s must be a list of texts", key)
		return nil
	}
	return out
}
