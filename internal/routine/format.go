package routine

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// FileHeader is the comment Format writes at the top of a routine file.
const FileHeader = `A Spine Routine routine file, written by the app.

Exercise guidance, not medical advice. Stop at once on sharp or radiating
pain, numbness or tingling. After spinal surgery, keep to the limits your
surgeon or physiotherapist gave you.

Durations are in seconds. "reps" lists the reps of each set; for sided
moves they count per side. Check a copy with: spineroutine check FILE`

// Format writes r as a routine file in the documented format, with
// FileHeader as its opening comment: Parse reads it back as a routine of
// the same meaning (every field but Line and Source equal). The moves
// switched off (r.Off) are written at their place with off = true. A
// move's between_sets and rest are written only when they differ from the
// routine's, so that they keep following it. A move with levels is written
// with its levels and its start and top: the level a Move value is at
// (Move.Level) is the person's, not the file's, and is not written.
func Format(r *Routine) []byte {
	var w tomlWriter
	w.comment(FileHeader)
	w.blank()
	w.key("name", tomlString(r.Name))
	w.key("get_ready", tomlSeconds(r.GetReady))
	w.key("rest", tomlSeconds(r.Rest))
	w.key("switch", tomlSeconds(r.Switch))
	w.key("between_sets", tomlSeconds(r.BetweenSets))
	for _, m := range r.allMoves() {
		w.blank()
		w.line("[[move]]")
		w.key("id", tomlString(m.ID))
		w.key("name", tomlString(m.Name))
		w.key("focus", tomlString(string(m.Focus)))
		if m.About != "" {
			w.key("about", tomlString(m.About))
		}
		if len(m.Steps) > 0 {
			steps := make([]string, len(m.Steps))
			for i, s := range m.Steps {
				steps[i] = tomlString(s)
			}
			w.list("steps", steps, true)
		}
		if m.Easier != "" {
			w.key("easier", tomlString(m.Easier))
		}
		if m.Sides != "" && m.Sides != NoSides {
			w.key("sides", tomlString(string(m.Sides)))
		}
		if len(m.Levels) == 0 {
			w.dose(m.Reps, m.Hold, m.Tempo, m.BetweenReps)
		} else {
			w.key("start_level", strconv.Itoa(min(max(m.StartLevel, 1), len(m.Levels))))
			if m.TopLevel >= 1 && m.TopLevel < len(m.Levels) {
				w.key("top_level", strconv.Itoa(m.TopLevel))
			}
		}
		if m.BetweenSets != r.BetweenSets {
			w.key("between_sets", tomlSeconds(m.BetweenSets))
		}
		if m.Rest != r.Rest {
			w.key("rest", tomlSeconds(m.Rest))
		}
		if m.off {
			w.key("off", "true")
		}
		if m.Figure != "" {
			w.key("figure", tomlString(m.Figure))
		}
		for _, l := range m.Levels {
			w.blank()
			w.line("[[move.level]]")
			w.dose(l.Reps, l.Hold, l.Tempo, l.BetweenReps)
			if l.Easier {
				w.key("easier", "true")
			}
		}
	}
	return w.b.Bytes()
}

// dose writes the reps, the hold or tempo and the between_reps of a move
// or of one of its levels.
func (w *tomlWriter) dose(reps []int, hold time.Duration, tempo []time.Duration, betweenReps time.Duration) {
	if len(reps) == 1 {
		w.key("reps", strconv.Itoa(reps[0]))
	} else {
		w.list("reps", joinItems(reps, strconv.Itoa), false)
	}
	if tempo != nil {
		w.list("tempo", joinItems(tempo, tomlSeconds), false)
	} else {
		w.key("hold", tomlSeconds(hold))
	}
	if betweenReps != 0 {
		w.key("between_reps", tomlSeconds(betweenReps))
	}
}

// joinItems writes each of xs with f.
func joinItems[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// fileMove is a move with whether it is switched off, in file order.
type fileMove struct {
	Move
	off bool
}

// allMoves returns every move of the file in file order, those switched
// off included.
func (r *Routine) allMoves() []fileMove {
	out := make([]fileMove, 0, len(r.Moves)+len(r.Off))
	on := r.Moves
	for _, o := range r.Off {
		for len(out) < o.At && len(on) > 0 {
			out = append(out, fileMove{Move: on[0]})
			on = on[1:]
		}
		out = append(out, fileMove{Move: o.Move, off: true})
	}
	for _, m := range on {
		out = append(out, fileMove{Move: m})
	}
	return out
}

// tomlWriter builds the text of a TOML file line by line.
type tomlWriter struct {
	b bytes.Buffer
}

func (w *tomlWriter) line(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *tomlWriter) blank() { w.b.WriteByte('\n') }

// comment writes text as comment lines.
func (w *tomlWriter) comment(text string) {
	for _, l := range strings.Split(text, "\n") {
		w.line(strings.TrimRight("# "+l, " "))
	}
}

// key writes key = value, value being a TOML literal.
func (w *tomlWriter) key(k, value string) {
	w.line(k + " = " + value)
}

// list writes key = [items], one item per line when multiline.
func (w *tomlWriter) list(k string, items []string, multiline bool) {
	if !multiline || len(items) == 0 {
		w.key(k, "["+strings.Join(items, ", ")+"]")
		return
	}
	w.line(k + " = [")
	for _, it := range items {
		w.line("  " + it + ",")
	}
	w.line("]")
}

// tomlString quotes s as a TOML basic string. Text that is not UTF-8 has
// its bad bytes replaced, as TOML files are UTF-8.
func tomlString(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// DurationText writes a duration as "10 s" or "1.5 s", as a routine's
// text of a duration may be typed (the editor's fields read it back).
func DurationText(d time.Duration) string {
	s := d.Seconds()
	if s == float64(int64(s)) {
		return fmt.Sprintf("%d s", int64(s))
	}
	return fmt.Sprintf("%.1f s", s)
}

// tomlSeconds writes a duration as the number of seconds Parse reads back
// exactly: a whole number when it is one, else a decimal to the
// millisecond.
func tomlSeconds(d time.Duration) string {
	ms := d.Round(time.Millisecond).Milliseconds()
	if ms%1000 == 0 {
		return strconv.FormatInt(ms/1000, 10)
	}
	return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
}

// tomlNumber writes a number typed by a person as a TOML literal: an
// integer when it is a whole number that fits, else a float (inf and nan
// included, which validation then refuses with its usual message).
func tomlNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return strconv.FormatInt(int64(f), 10)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
