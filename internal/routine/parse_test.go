package routine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// head is a valid routine header; move is a valid move to build on.
const head = "name = \"Test\"\n"

const move = `[[move]]
id = "m"
name = "M"
focus = "stability"
hold = 10
`

// parseErrors parses src and returns the error lines, failing the test if
// the error is not an Errors.
func parseErrors(t *testing.T, src string) []string {
	t.Helper()
	r, err := Parse("t.toml", []byte(src), nil)
	if err == nil {
		t.Fatalf("Parse succeeded (%d moves); want errors\n%s", len(r.Moves), src)
	}
	if r != nil {
		t.Errorf("Parse returned a routine along with an error")
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("error is %T, want Errors: %v", err, err)
	}
	if len(es) == 0 {
		t.Fatalf("empty Errors")
	}
	return strings.Split(err.Error(), "\n")
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"empty file", "", []string{"t.toml: empty file"}},
		{"blank file", " \n\t\n", []string{"t.toml: empty file"}},
		{"only a byte order mark", "\ufeff\n", []string{"t.toml: empty file"}},
		{"NUL byte", "name = \"x\"\n\nab\x00c", []string{"t.toml:3: not a text file (it contains a NUL byte)"}},
		{"not UTF-8", "name = \"x\"\nabout = \"caf\xe9\"\n", []string{"t.toml:2: not UTF-8 text (byte 0xE9); save the file as UTF-8"}},
		{"UTF-16", "\xff\xfen\x00a\x00", []string{"t.toml:1: not UTF-8 text (byte 0xFF); save the file as UTF-8"}},
		{"syntax error", head + "rest = \n", []string{"t.toml:2: not valid TOML: a value is missing after ="}},
		{"duplicate key", head + "name = \"again\"\n" + move, []string{`t.toml:2: not valid TOML: name is given twice`}},
		{"unclosed list", head + "[[move]]\nreps = [6, 4\n", []string{"t.toml:3: not valid TOML: a list is not closed, or its items lack commas: write it like [6, 4, 2]"}},
		{"bare text", head + "[[move]]\nname = Bird Dogs\n", []string{`t.toml:3: not valid TOML: the value "Bird" is not a number, a list or a text in quotes (put text in "quotes")`}},
		{"no moves", head, []string{"t.toml: no moves: add at least one [[move]] table"}},
		{"empty move list", head + "move = []\n", []string{"t.toml:2: no moves: add at least one [[move]] table"}},
		{"move not tables", head + "move = 3\n", []string{"t.toml:2: move must be a list of [[move]] tables, not a whole number"}},
		{"move single table", head + "[move]\nid = \"m\"\n", []string{"t.toml:2: move must be a list of [[move]] tables, not a table"}},
		{"missing name", move, []string{"t.toml: name is missing"}},
		{"empty name", "name = \" \"\n" + move, []string{"t.toml:1: name is empty"}},
		{"name not text", "name = 3\n" + move, []string{"t.toml:1: name must be text, not a whole number"}},
		{"unknown top key", head + "colour = 1\n" + move, []string{`t.toml:2: unknown key "colour"`}},
		{"unknown top table", head + move + "[extra]\nx = 1\n", []string{`t.toml:7: unknown key "extra"`}},
		{"misspelt key", "Name = \"x\"\nget-ready = 3\n" + move, []string{
			`t.toml: name is missing`,
			`t.toml:1: unknown key "Name" (did you mean "name"?)`,
			`t.toml:2: unknown key "get-ready" (did you mean "get_ready"?)`,
		}},
		{"negative rest", head + "rest = -1\n" + move, []string{"t.toml:2: rest must not be negative"}},
		{"duration as text", head + "switch = \"5s\"\n" + move, []string{"t.toml:2: switch must be a number of seconds (like 10), not text"}},
		{"nan", head + "between_sets = nan\n" + move, []string{"t.toml:2: between_sets must be a number of seconds"}},
		{"inf", head + "get_ready = inf\n" + move, []string{"t.toml:2: get_ready must be a number of seconds"}},
		{"duration too long", head + "get_ready = 14401\n" + move, []string{"t.toml:2: get_ready is too long (the limit is 4 hours)"}},
		{"off not true/false", head + move + "off = \"yes\"\n", []string{`t.toml:7: move "m": off must be true or false, not text`}},
		{"every move off", head + move + "off = true\n", []string{"t.toml: every move is switched off; switch at least one on"}},
		{"missing id", head + "[[move]]\nname = \"M\"\nfocus = \"stability\"\nhold = 1\n", []string{"t.toml:2: move 1: id is missing"}},
		{"bad id", head + strings.Replace(move, `"m"`, `"Bird Dogs"`, 1), []string{`t.toml:3: move 1: id "Bird Dogs" may only use a-z, 0-9 and -`}},
		{"id not text", head + strings.Replace(move, `"m"`, `7`, 1), []string{`t.toml:3: move 1: id must be text, not a whole number`}},
		{"duplicate id", head + move + move, []string{`t.toml:8: move 2: id "m" is already used by move 1`}},
		{"missing move name", head + "[[move]]\nid = \"m\"\nfocus = \"stability\"\nhold = 1\n", []string{`t.toml:2: move "m": name is missing`}},
		{"missing focus", head + strings.Replace(move, "focus = \"stability\"\n", "", 1), []string{
			`t.toml:2: move "m": focus is missing (one of mobility, stability, decompression, activation, strength)`,
		}},
		{"bad focus", head + strings.Replace(move, `"stability"`, `"core"`, 1), []string{
			`t.toml:5: move "m": focus "core" is not one of mobility, stability, decompression, activation, strength`,
		}},
		{"bad sides", head + move + "sides = \"both\"\n", []string{`t.toml:7: move "m": sides "both" is not one of none, each, alternate`}},
		{"unknown move key", head + move + "weight = 5\n", []string{`t.toml:7: move "m": unknown key "weight"`}},
		{"unknown move subtable", head + move + "[move.extra]\nx = 1\n", []string{`t.toml:7: move "m": unknown key "extra"`}},
		{"misspelt move key", head + move + "rep = 5\n", []string{`t.toml:7: move "m": unknown key "rep" (did you mean "reps"?)`}},
		{"hold and tempo", head + move + "tempo = [3, 3]\n", []string{`t.toml:7: move "m": tempo and hold are both set; choose one`}},
		{"hold after tempo", head + "[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"stability\"\ntempo = [1]\nhold = 1\n", []string{
			`t.toml:7: move "m": tempo and hold are both set; choose one`,
		}},
		{"neither hold nor tempo", head + strings.Replace(move, "hold = 10\n", "", 1), []string{
			`t.toml:2: move "m": set hold (seconds each rep is held) or tempo (seconds of each phase)`,
		}},
		{"zero hold", head + strings.Replace(move, "hold = 10", "hold = 0", 1), []string{`t.toml:6: move "m": hold must be more than 0`}},
		{"tiny hold", head + strings.Replace(move, "hold = 10", "hold = 0.0004", 1), []string{`t.toml:6: move "m": hold must be at least 0.001 s`}},
		{"negative hold", head + strings.Replace(move, "hold = 10", "hold = -2.5", 1), []string{`t.toml:6: move "m": hold must not be negative`}},
		{"hold as list", head + strings.Replace(move, "hold = 10", "hold = [10]", 1), []string{`t.toml:6: move "m": hold must be a number of seconds (like 10), not a list`}},
		{"zero tempo phase", head + strings.Replace(move, "hold = 10", "tempo = [3, 0, 2]", 1), []string{`t.toml:6: move "m": tempo phase 2 must be more than 0`}},
		{"tempo number", head + strings.Replace(move, "hold = 10", "tempo = 3", 1), []string{`t.toml:6: move "m": tempo must be a list of seconds, like [3, 3, 2]; for one phase use hold`}},
		{"empty tempo", head + strings.Replace(move, "hold = 10", "tempo = []", 1), []string{`t.toml:6: move "m": tempo is empty; give the seconds of each phase, like [3, 3, 2]`}},
		{"tempo of text", head + strings.Replace(move, "hold = 10", `tempo = ["slow"]`, 1), []string{`t.toml:6: move "m": tempo phase 1 must be a number of seconds (like 10), not text`}},
		{"zero reps", head + move + "reps = 0\n", []string{`t.toml:7: move "m": reps must be at least 1`}},
		{"negative reps in a set", head + move + "reps = [6, -4]\n", []string{`t.toml:7: move "m": reps of set 2 must be at least 1`}},
		{"too many reps", head + move + "reps = [1001]\n", []string{`t.toml:7: move "m": reps is 1001; the limit is 1000`}},
		{"fractional reps", head + move + "reps = 2.5\n", []string{`t.toml:7: move "m": reps must be a whole number`}},
		{"reps text", head + move + "reps = \"six\"\n", []string{`t.toml:7: move "m": reps must be a number or a list like [6, 4, 2], not text`}},
		{"reps list of text", head + move + "reps = [\"six\", 4]\n", []string{`t.toml:7: move "m": reps of set 1 must be a whole number, not text`}},
		{"empty reps", head + move + "reps = []\n", []string{`t.toml:7: move "m": reps is empty; give a number or a list like [6, 4, 2]`}},
		{"steps not a list", head + move + "steps = \"stand up\"\n", []string{`t.toml:7: move "m": steps must be a list of texts, like ["first", "second"]`}},
		{"empty step", head + move + "steps = [\"a\", \"\"]\n", []string{`t.toml:7: move "m": steps: entry 2 is empty`}},
		{"negative between_reps", head + move + "between_reps = -1\n", []string{`t.toml:7: move "m": between_reps must not be negative`}},
		{"about not text", head + move + "about = 1\n", []string{`t.toml:7: move "m": about must be text, not a whole number`}},
		{"date value", head + move + "rest = 2024-01-01\n", []string{`t.toml:7: move "m": rest must be a number of seconds (like 10), not a date or time`}},
		{"over four hours", head + move + "reps = [1000, 1000]\n", []string{"t.toml: the routine lasts more than 4 hours, the limit"}},
		{"many errors at once", "get_ready = -1\n[[move]]\nid = \"A\"\nfocus = \"core\"\nhold = 0\ntempo = [1]\n[[move]]\nname = \"N\"\n", []string{
			"t.toml: name is missing",
			"t.toml:1: get_ready must not be negative",
			`t.toml:2: move 1: name is missing`,
			`t.toml:3: move 1: id "A" may only use a-z, 0-9 and -`,
			`t.toml:4: move 1: focus "core" is not one of mobility, stability, decompression, activation, strength`,
			`t.toml:6: move 1: tempo and hold are both set; choose one`,
			`t.toml:7: move 2: id is missing`,
			`t.toml:7: move 2: focus is missing (one of mobility, stability, decompression, activation, strength)`,
			`t.toml:7: move 2: set hold (seconds each rep is held) or tempo (seconds of each phase)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseErrors(t, tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestParseErrorFields(t *testing.T) {
	src := head + move + "tempo = [1]\n"
	_, err := Parse("t.toml", []byte(src), nil)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("got %v, want one error", err)
	}
	want := Error{File: "t.toml", Line: 7, Move: "m", Index: 1, Field: "tempo", Msg: "tempo and hold are both set; choose one"}
	if *es[0] != want {
		t.Errorf("got %+v\nwant %+v", *es[0], want)
	}
}

func TestParseErrorsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i < 80; i++ {
		b.WriteString("[[move]]\nid = \"X\"\nname = \"N\"\nfocus = \"stability\"\nhold = 1\n")
	}
	got := parseErrors(t, b.String())
	if len(got) != MaxErrors {
		t.Fatalf("%d errors, want %d", len(got), MaxErrors)
	}
	if last := got[len(got)-1]; last != "t.toml: ... and 31 more problems" {
		t.Errorf("last line %q", last)
	}
}

func TestParseTooBig(t *testing.T) {
	data := []byte(head + move + "# " + strings.Repeat("x", MaxFileSize) + "\n")
	got := parseErrors(t, string(data))
	want := []string{"t.toml: file is too big (1048652 bytes; the limit is 1048576 bytes, 1 MiB)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseTooManyMoves(t *testing.T) {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; i <= MaxMoves; i++ {
		b.WriteString(strings.Replace(move, `"m"`, `"m`+strings.Repeat("a", i)+`"`, 1))
	}
	got := parseErrors(t, b.String())
	want := []string{"t.toml: too many moves (201; the limit is 200)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestParseValues(t *testing.T) {
	src := `# a comment
name = "Test routine"
get_ready = 0
rest = 12.5
switch = 3
between_sets = 0

[[move]]
id = "bird-dogs"
name = "Bird Dogs"
focus = "stability"
about = "Why."
steps = ["One", "Two"]
easier = "Less."
sides = "alternate"
reps = [6, 4, 2]
hold = 10
between_reps = 2
between_sets = 20

[[move]]
id = "bridge-2"
name = "Bridge"
focus = "activation"
reps = 12
tempo = [2, 3.0004, 1.5]
rest = 0
`
	r, err := Parse("t.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := &Routine{
		Name: "Test routine", GetReady: 0, Rest: sec(12.5), Switch: 3 * time.Second, BetweenSets: 0,
		Source: "t.toml",
		Moves: []Move{{
			ID: "bird-dogs", Name: "Bird Dogs", Focus: Stability, About: "Why.", Steps: []string{"One", "Two"},
			Easier: "Less.", Sides: Alternate, Reps: []int{6, 4, 2}, Hold: 10 * time.Second,
			BetweenReps: 2 * time.Second, BetweenSets: 20 * time.Second, Rest: sec(12.5), Line: 8,
			StartLevel: 1, TopLevel: 1, Level: 1,
		}, {
			ID: "bridge-2", Name: "Bridge", Focus: Activation, Steps: nil, Sides: NoSides, Reps: []int{12},
			Tempo:       []time.Duration{2 * time.Second, 3 * time.Second, 1500 * time.Millisecond},
			BetweenSets: 0, Rest: 0, Line: 21, StartLevel: 1, TopLevel: 1, Level: 1,
		}},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}
	// The worked example of the brief: 2*(6+4+2) holds of 10 s, gaps of 2 s
	// between consecutive reps of a set, 2 pauses of 20 s between sets.
	if d := r.Moves[0].Duration(r.Switch); d != 322*time.Second {
		t.Errorf("bird dogs last %v, want 5m22s", d)
	}
}

func TestParseDefaults(t *testing.T) {
	r, err := Parse("t.toml", []byte(head+move), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.GetReady != DefaultGetReady || r.Rest != DefaultRest || r.Switch != DefaultSwitch || r.BetweenSets != DefaultBetweenSets {
		t.Errorf("routine timings %v %v %v %v, want the defaults", r.GetReady, r.Rest, r.Switch, r.BetweenSets)
	}
	m := r.Moves[0]
	if m.Sides != NoSides || !reflect.DeepEqual(m.Reps, []int{1}) || m.BetweenReps != 0 ||
		m.BetweenSets != DefaultBetweenSets || m.Rest != DefaultRest || m.Tempo != nil || m.Hold != 10*time.Second {
		t.Errorf("move defaults wrong: %+v", m)
	}
}

func TestParseAcceptedForms(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"byte order mark", "\ufeff" + head + move},
		{"CRLF line ends", strings.ReplaceAll(head+move, "\n", "\r\n")},
		{"inline move tables", head + `move = [{id = "a", name = "A", focus = "mobility", hold = 1}]` + "\n"},
		{"all zero pauses", "name = \"z\"\nget_ready = 0\nrest = 0\nswitch = 0\nbetween_sets = 0\n" + move + "between_reps = 0\nsides = \"each\"\nreps = [2, 2]\n"},
		{"exactly four hours", head + strings.Replace(move, "hold = 10", "hold = 14390", 1)},
		{"a thousand reps", head + strings.Replace(move, "hold = 10", "hold = 1", 1) + "reps = 1000\n"},
		{"decimal tempo", head + strings.Replace(move, "hold = 10", "tempo = [0.5, 0.25]", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("t.toml", []byte(tt.src), nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(r.Moves) != 1 || r.Duration() > MaxDuration {
				t.Errorf("got %d moves lasting %v", len(r.Moves), r.Duration())
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte(head+move), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(good, nil)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if r.Source != good || r.Name != "Test" {
		t.Errorf("Source %q Name %q", r.Source, r.Name)
	}

	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte(head+move+"reps = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad, nil); err == nil || err.Error() != bad+`:7: move "m": reps must be at least 1` {
		t.Errorf("Load(bad, nil) = %v", err)
	}

	_, err = Load(filepath.Join(dir, "missing.toml"), nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing, nil) = %v, want fs.ErrNotExist", err)
	}
	if want := filepath.Join(dir, "missing.toml") + ": cannot open: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("Load(missing, nil) = %v, want %q", err, want)
	}

	if _, err := Load(dir, nil); err == nil || err.Error() != dir+": is a directory, not a routine file" {
		t.Errorf("Load(dir, nil) = %v", err)
	}

	// A sparse file over the limit: Load must refuse it from its size.
	huge := filepath.Join(dir, "huge.toml")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Load(huge, nil); err == nil || err.Error() != huge+": file is too big (3221225472 bytes; the limit is 1048576 bytes, 1 MiB)" {
		t.Errorf("Load(huge, nil) = %v", err)
	}
}

// A move switched off is read like the others, kept in Off at its place
// and left out of the moves that run.
func TestParseOff(t *testing.T) {
	src := head + move + "\n" + strings.Replace(move, `"m"`, `"n"`, 1) + "off = true\n\n" + strings.Replace(move, `"m"`, `"o"`, 1) +
		"off = false\n"
	r, err := Parse("t.toml", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.IDs(), []string{"m", "o"}) || len(r.Off) != 1 || r.Off[0].Move.ID != "n" || r.Off[0].At != 1 {
		t.Errorf("moves %v, off %+v", r.IDs(), r.Off)
	}
	if d := r.Duration(); d != DefaultGetReady+10*time.Second+DefaultRest+10*time.Second {
		t.Errorf("lasts %v", d)
	}
	// An id stays taken by a move switched off.
	src = head + move + "off = true\n" + strings.Replace(move, `"M"`, `"N"`, 1)
	if got := parseErrors(t, src)[0]; got != `t.toml:9: move 2: id "m" is already used by move 1` {
		t.Errorf("got %q", got)
	}
}
