package routine

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"spineroutine/assets"
)

// dotted returns a key of n dotted parts: a.a.a...
func dotted(n int) string {
	return "a" + strings.Repeat(".a", n-1)
}

func TestDottedKeysAreRefusedBeforeDecoding(t *testing.T) {
	many := []string{"t.toml:3: " + tooManyParts()}
	for _, tc := range []struct {
		name, src string
		want      []string // nil: the shape is fine (other errors may follow)
	}{
		{"a table header of 20 000 parts", head + "\n[" + dotted(20000) + "]\n", many},
		{"an array-of-tables header", head + "\n[[" + dotted(MaxKeyParts+1) + "]]\n", many},
		{"a dotted key", head + "\n" + dotted(20000) + " = 1\n", many},
		{"a dotted key with spaces", head + "\n" + strings.Repeat("a . ", MaxKeyParts) + "a = 1\n", many},
		{"quoted parts", head + "\n" + strings.Repeat(`"a".`, MaxKeyParts) + "'a' = 1\n", many},
		{"in an inline table", head + "\nx = {b = 1.5, " + dotted(MaxKeyParts+1) + " = 2}\n", many},
		{"in an inline table in an array", head + "\nx = [\n{b = 1},\n{" + dotted(MaxKeyParts+1) + " = 2}]\n",
			[]string{"t.toml:5: " + tooManyParts()}},
		{"after a multi-line string", head + "about = '''\n\n'''\n" + dotted(MaxKeyParts+1) + " = 1\n",
			[]string{"t.toml:5: " + tooManyParts()}},
		{"more keys than allowed", head + keys(MaxKeys), []string{fmt.Sprintf("t.toml:%d: %s", MaxKeys+1, tooManyKeys())}},
		{"as many keys as allowed", head + keys(MaxKeys-1), nil},
		{"as many as allowed", head + dotted(MaxKeyParts) + " = 1\n[" + dotted(MaxKeyParts) + "]\n", nil},
		{"dots in a quoted part", head + `"` + dotted(100) + `" = 1` + "\n", nil},
		{"dots in values", head + "x = [" + strings.Repeat("1.5, ", 100) + "1.5]\ny = 1979-05-27T07:32:00.999Z\nz = {w = 1.25}\n", nil},
		{"dots in strings and comments", head + "x = \"" + dotted(100) + "\" # " + dotted(100) + "\n", nil},
		{"a multi-line array of floats", head + "x = [\n" + strings.Repeat("1.5,\n", 20) + "]\n" + move, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want == nil {
				if line, msg := CheckShape(tc.src); msg != "" {
					t.Errorf("refused at line %d: %s", line, msg)
				}
				return
			}
			if got := parseErrors(t, tc.src); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestShippedTOMLPassesTheShapeCheck(t *testing.T) {
	for name, data := range map[string][]byte{"routine.toml": assets.RoutineTOML, "big3.toml": assets.Big3TOML, "poses.toml": assets.PosesTOML} {
		if line, msg := CheckShape(string(data)); msg != "" {
			t.Errorf("%s:%d: %s", name, line, msg)
		}
	}
}

// keys returns n lines of one key each.
func keys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return b.String()
}

func TestTheLargestRoutinePassesTheShapeCheck(t *testing.T) {
	var b strings.Builder
	b.WriteString("name = \"N\"\nget_ready = 5\nrest = 5\nswitch = 5\nbetween_sets = 5\n")
	for i := range MaxMoves {
		fmt.Fprintf(&b, "[[move]]\nid = \"m%d\"\nname = \"M\"\nfocus = \"mobility\"\nabout = \"a.b\"\nsteps = [\"s\"]\n"+
			"easier = \"e\"\nsides = \"both\"\nreps = [1]\nhold = 1.5\ntempo = [1, 1]\nbetween_reps = 1\n"+
			"between_sets = 1\nrest = 1\noff = false\nfigure = \"f\"\n", i)
	}
	if line, msg := CheckShape(b.String()); msg != "" {
		t.Errorf("line %d: %s", line, msg)
	}
}

// dottedFile is 1 MiB of a routine file made of one dotted key.
func dottedFile() []byte {
	return []byte(head + dotted((MaxFileSize-len(head))/2-4) + " = 1\n")
}

// BenchmarkDottedKey: a 1 MiB dotted key is refused in about a millisecond
// (the decoder took more than 23 s and 4 GB for 40 KB of it).
func BenchmarkDottedKey(b *testing.B) {
	data := dottedFile()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("t.toml", data, nil); err == nil {
			b.Fatal("accepted")
		}
	}
}
