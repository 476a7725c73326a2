package routine

import (
	"reflect"
	"strings"
	"testing"
)

// nested returns an assignment of an inline table nested depth deep,
// about size bytes (the shape that cost the TOML decoder 17 s at 20 KB).
func nested(depth int) string {
	return "x = " + strings.Repeat("{a = ", depth) + "1" + strings.Repeat("}", depth) + "\n"
}

func TestDeepNestingIsRefusedBeforeDecoding(t *testing.T) {
	deep := "t.toml:3: " + tooDeep()
	for _, tc := range []struct {
		name, src string
		want      []string // nil: the nesting is fine (other errors may follow)
	}{
		{"20 KB of inline tables", head + "\n" + nested(4000), []string{deep}},
		{"arrays", head + "\nx = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + "\n", []string{deep}},
		{"after a multi-line string", head + "about = \"\"\"\n[[[[[[[[[[[[\n\"\"\"\n" + nested(MaxDepth+1), []string{"t.toml:5: " + tooDeep()}},
		{"brackets in strings", head + "a = \"" + strings.Repeat("[", 50) + "\"\nb = '" + strings.Repeat("{", 50) + "'\n", nil},
		{"brackets in a comment", head + "# " + strings.Repeat("[", 50) + "\n", nil},
		{"escaped quote", head + `a = "\"[[[[[[[[[[[[[["` + "\n", nil},
		{"as deep as allowed", head + nested(MaxDepth), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.toml", []byte(tc.src), nil)
			if tc.want == nil {
				if err != nil && strings.Contains(err.Error(), "nested too deep") {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if got := parseErrors(t, tc.src); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// BenchmarkDeepNesting: the 20 KB file of nested inline tables is refused
// in well under a millisecond (the decoder took 17 s and 1.2 GB).
func BenchmarkDeepNesting(b *testing.B) {
	data := []byte(head + nested(4000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("t.toml", data, nil); err == nil {
			b.Fatal("accepted")
		}
	}
}

func TestLimitsOfWhatTheWindowShows(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	mv := func(extra string) string {
		return "[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"stability\"\nhold = 1\n" + extra
	}
	sets := "[" + strings.TrimSuffix(strings.Repeat("1, ", MaxSets+1), ", ") + "]"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"routine name", "name = \"" + long(61) + "\"\n" + mv(""), []string{"t.toml:1: name is too long (61 characters; the limit is 60)"}},
		{"move name", head + "[[move]]\nid = \"m\"\nname = \"" + long(61) + "\"\nfocus = \"stability\"\nhold = 1\n",
			[]string{`t.toml:4: move "m": name is too long (61 characters; the limit is 60)`}},
		{"about", head + mv("about = \""+long(501)+"\"\n"), []string{`t.toml:7: move "m": about is too long (501 characters; the limit is 500)`}},
		{"easier", head + mv("easier = \""+long(501)+"\"\n"), []string{`t.toml:7: move "m": easier is too long (501 characters; the limit is 500)`}},
		{"a step", head + mv("steps = [\"a\", \""+long(501)+"\"]\n"), []string{`t.toml:7: move "m": steps: entry 2 is too long (501 characters; the limit is 500)`}},
		{"steps", head + mv("steps = ["+strings.TrimSuffix(strings.Repeat("\"s\", ", MaxSteps+1), ", ")+"]\n"),
			[]string{`t.toml:7: move "m": steps has 13 entries; the limit is 12`}},
		{"sets", head + mv("reps = "+sets+"\n"), []string{`t.toml:7: move "m": reps has 21 sets; the limit is 20`}},
		{"id", head + "[[move]]\nid = \"" + long(41) + "\"\nname = \"M\"\nfocus = \"stability\"\nhold = 1\n",
			[]string{`t.toml:3: move 1: id "` + long(40) + `…" is too long (41 characters; the limit is 40)`}},
		{"total reps", head + strings.Replace(mv("tempo = [0.001]\nreps = [1000, 1000]\n"), "hold = 1\n", "", 1) +
			strings.Replace(strings.Replace(mv("tempo = [0.001]\nreps = [1000, 1000]\n"), "hold = 1\n", "", 1), `"m"`, `"n"`, 1),
			[]string{"t.toml: the routine has 4000 reps in all; the limit is 3000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseErrors(t, tc.src); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	// At the limits, the routine is accepted.
	ok := "name = \"" + long(60) + "\"\n[[move]]\nid = \"" + long(40) + "\"\nname = \"" + long(60) + "\"\nfocus = \"stability\"\nhold = 1\n" +
		"about = \"" + long(500) + "\"\nreps = [" + strings.TrimSuffix(strings.Repeat("1, ", MaxSets), ", ") + "]\n"
	if _, err := Parse("t.toml", []byte(ok), nil); err != nil {
		t.Errorf("at the limits: %v", err)
	}
}

// TestNamesWithControlCharactersAreRefused: a routine's or a move's name
// with a NUL, an ESC (a terminal colour code), a line break, DEL or a C1
// character, written as a TOML escape (a raw NUL is refused as binary), is
// refused with its line, by check, import and the editor alike (one
// reader); other characters pass.
func TestNamesWithControlCharactersAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name, escaped string
		want          string // "" for a name that passes
	}{
		{"NUL", `A\u0000B`, "U+0000 at character 2"},
		{"ESC", `\u001b[31mRed`, "U+001B at character 1"},
		{"tab", `A\tB`, "U+0009 at character 2"},
		{"line break", `A\nB`, "U+000A at character 2"},
		{"DEL", `AB\u007f`, "U+007F at character 3"},
		{"C1", `A\u0085`, "U+0085 at character 2"},
		{"CSI", `\u009b2J`, "U+009B at character 1"},
		{"accents, emoji, quotes", `Élan 🙂 \"Q\"`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := "name holds a control character (" + tc.want + "); a name is one line of plain text"
			top := "name = \"" + tc.escaped + "\"\n" + move
			mv := head + strings.Replace(move, `name = "M"`, `name = "`+tc.escaped+`"`, 1)
			if tc.want == "" {
				for _, src := range []string{top, mv} {
					if _, err := Parse("t.toml", []byte(src), nil); err != nil {
						t.Errorf("refused: %v", err)
					}
				}
				return
			}
			if got, want := parseErrors(t, top), []string{"t.toml:1: " + msg}; !reflect.DeepEqual(got, want) {
				t.Errorf("routine name: got %q, want %q", got, want)
			}
			if got, want := parseErrors(t, mv), []string{`t.toml:4: move "m": ` + msg}; !reflect.DeepEqual(got, want) {
				t.Errorf("move name: got %q, want %q", got, want)
			}
			// The editor's draft goes through the same reader.
			r, err := Parse("t.toml", []byte(head+move), nil)
			if err != nil {
				t.Fatal(err)
			}
			d := NewDraft(r)
			d.Moves[0].Name = "A\x1bB"
			if _, err := d.Check(nil); err == nil || !strings.Contains(err.Error(), "name holds a control character (U+001B") {
				t.Errorf("the editor's draft: %v", err)
			}
		})
	}
}
