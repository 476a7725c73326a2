package schedule

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// FormatSeconds formats d as decimal seconds rounded to the millisecond, without
// trailing zeros: "7.5", "322", "0.25".
func FormatSeconds(d time.Duration) string {
	ms := d.Round(time.Millisecond).Milliseconds()
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	s := sign + strconv.FormatInt(ms/1000, 10)
	if frac := ms % 1000; frac != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%03d", frac), "0")
	}
	return s
}

// FormatOffset formats an offset as m:ss.mmm (h:mm:ss.mmm from one hour on).
func FormatOffset(d time.Duration) string {
	ms := d.Round(time.Millisecond).Milliseconds()
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	h, m, s, frac := ms/3600000, ms/60000%60, ms/1000%60, ms%1000
	if h > 0 {
		return fmt.Sprintf("%s%d:%02d:%02d.%03d", sign, h, m, s, frac)
	}
	return fmt.Sprintf("%s%d:%02d.%03d", sign, m, s, frac)
}

// seconds is a duration that marshals to JSON as a number of seconds with
// millisecond precision and no float noise.
type seconds time.Duration

func (s seconds) MarshalJSON() ([]byte, error) {
	return []byte(FormatSeconds(time.Duration(s))), nil
}

type jsonStep struct {
	Start seconds  `json:"start_s"`
	Dur   seconds  `json:"dur_s"`
	Kind  StepKind `json:"kind"`
	Move  string   `json:"move"`
	Set   int      `json:"set"`
	Rep   int      `json:"rep"`
	Side  Side     `json:"side"`
}

type jsonCue struct {
	At      seconds `json:"at_s"`
	Kind    CueKind `json:"kind"`
	Move    string  `json:"move"`
	N       int     `json:"n"`
	Side    Side    `json:"side,omitempty"`
	LastSet bool    `json:"last_set,omitempty"`
}

type jsonPlan struct {
	Routine string     `json:"routine"`
	Total   seconds    `json:"total_s"`
	Steps   []jsonStep `json:"steps"`
	Cues    []jsonCue  `json:"cues"`
}

// JSONList is a named list WriteJSON writes after the cues (the spoken
// prompts of a sound track, say), one item per line.
type JSONList struct {
	Name  string
	Items []any
}

// WriteJSON writes the plan as MarshalJSON does, but laid out for people
// and diffs: one step or cue per line; then the lists of more, if any.
func (p *Plan) WriteJSON(w io.Writer, more ...JSONList) error {
	doc := p.jsonDoc()
	var b bytes.Buffer
	name, err := json.Marshal(doc.Routine)
	if err != nil {
		return fmt.Errorf("plan json: %w", err)
	}
	fmt.Fprintf(&b, "{\n  \"routine\": %s,\n  \"total_s\": %s,\n  \"steps\": [", name, FormatSeconds(time.Duration(doc.Total)))
	for i, s := range doc.Steps {
		if err := writeItem(&b, i, s); err != nil {
			return err
		}
	}
	b.WriteString("\n  ],\n  \"cues\": [")
	for i, c := range doc.Cues {
		if err := writeItem(&b, i, c); err != nil {
			return err
		}
	}
	for _, l := range more {
		name, err := json.Marshal(l.Name)
		if err != nil {
			return fmt.Errorf("plan json: %w", err)
		}
		fmt.Fprintf(&b, "\n  ],\n  %s: [", name)
		for i, item := range l.Items {
			if err := writeItem(&b, i, item); err != nil {
				return err
			}
		}
	}
	b.WriteString("\n  ]\n}\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("plan json: %w", err)
	}
	return nil
}

func writeItem(b *bytes.Buffer, i int, v any) error {
	item, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("plan json: %w", err)
	}
	if i > 0 {
		b.WriteByte(',')
	}
	b.WriteString("\n    ")
	b.Write(item)
	return nil
}

// MarshalJSON writes the plan as
// {"routine", "total_s", "steps": [{"start_s", "dur_s", "kind", "move",
// "set", "rep", "side"}], "cues": [{"at_s", "kind", "move", "n", "side"?,
// "last_set"?}]}, seconds as decimals to the millisecond.
func (p *Plan) MarshalJSON() ([]byte, error) {
	return json.Marshal(p.jsonDoc())
}

func (p *Plan) jsonDoc() jsonPlan {
	out := jsonPlan{Total: seconds(p.Total), Steps: []jsonStep{}, Cues: []jsonCue{}}
	if p.Routine != nil {
		out.Routine = p.Routine.Name
	}
	for _, s := range p.Steps {
		out.Steps = append(out.Steps, jsonStep{seconds(s.Start), seconds(s.Dur), s.Kind, s.Move, s.Set, s.Rep, s.Side})
	}
	for _, c := range p.Cues {
		out.Cues = append(out.Cues, jsonCue{seconds(c.At), c.Kind, c.Move, c.N, c.Side, c.LastSet})
	}
	return out
}

// WriteTable writes the plan as a readable table, one line per step
// (offset, kind, move, set/rep, side, duration), then the total.
func (p *Plan) WriteTable(w io.Writer) error {
	name := ""
	if p.Routine != nil {
		name = p.Routine.Name
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s: %d move(s), %d steps, %d cues\n", name, len(p.Moves), len(p.Steps), len(p.Cues))
	fmt.Fprintln(tw, "offset\tstep\tmove\tset · rep\tside\tduration")
	for _, s := range p.Steps {
		sr := ""
		switch {
		case s.Set > 0 && s.Rep > 0:
			sr = fmt.Sprintf("%d/%d · %d/%d", s.Set, s.Sets, s.Rep, s.Reps)
		case s.Set > 0:
			sr = fmt.Sprintf("%d/%d", s.Set, s.Sets)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%ss\n", FormatOffset(s.Start), s.Kind, s.Move, sr, s.Side, FormatSeconds(s.Dur))
	}
	fmt.Fprintf(tw, "%s\tend\n", FormatOffset(p.Total))
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("plan table: %w", err)
	}
	_, err := fmt.Fprintf(w, "total %s (%ss)\n", FormatOffset(p.Total), FormatSeconds(p.Total))
	if err != nil {
		return fmt.Errorf("plan table: %w", err)
	}
	return nil
}
