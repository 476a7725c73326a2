package figure

import (
	"math"
	"strings"
	"testing"

	"spineroutine/internal/routine"
)

// TestParseErrors checks that a bad library names the file, the line, the
// entry and the field of each problem.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"syntax", "[[pose]]\nname = \n", "lib.toml:2: TOML syntax:"},
		{"unknown top key", "colour = 1\n", `lib.toml:1: unknown key "colour"`},
		{"missing name", "[[pose]]\nhip = [1, 2]\npelvis = 90\n", "lib.toml:1: pose 1: name is missing"},
		{"missing hip", "[[pose]]\nname = \"a\"\npelvis = 90\ncontacts = [\"head floor\"]\n", `lib.toml:1: pose "a": hip is missing`},
		{"bad angle", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\nnear = {knee = \"x\"}\n", `lib.toml:5: pose "a": near.knee must be a number of degrees`},
		{"unknown angle", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\nfar = {kne = 3}\n", `lib.toml:5: pose "a": far: unknown angle "kne"`},
		{"bad point", "[[pose]]\nname = \"a\"\nhip = [1]\npelvis = 90\n", `lib.toml:3: pose "a": hip must be a point [x, y]`},
		{"bad contact", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\ncontacts = [\"nose floor\"]\n", `lib.toml:5: pose "a": contact "nose floor": "nose" is not a body point`},
		{"bad accent", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\naccent = [\"tail\"]\n", `lib.toml:5: pose "a": accent "tail" is not a body part`},
		{"bad like", "[[pose]]\nname = \"a\"\nlike = \"b\"\n", `lib.toml:3: pose "a": like "b" names no pose above this one`},
		{"duplicate", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\n[[pose]]\nname = \"a\"\n", `lib.toml:6: pose 2: name "a" is already used`},
		{"unknown pose key", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\nknee = 3\n", `lib.toml:5: pose "a": unknown key "knee"`},
		{"figure without poses", "[[figure]]\nname = \"f\"\nphases = [\"x\"]\n", `lib.toml:3: figure "f": phases: no pose is named "x"`},
		{"dotted header", "[[pose]]\nname = \"a\"\n[" + strings.Repeat("a.", 20000) + "a]\n", "lib.toml:3: key or table header with too many dotted parts"},
		{"dotted key", "[[pose]]\n" + strings.Repeat("a.", 20000) + "a = 1\n", "lib.toml:2: key or table header with too many dotted parts"},
		{"figure with both", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\n[[figure]]\nname = \"f\"\nphases = [\"a\"]\nhold = \"a\"\n", `lib.toml:7: figure "f": set phases`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("lib.toml", []byte(tt.text))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if _, ok := err.(routine.Errors); !ok {
				t.Errorf("error is %T, want routine.Errors", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestLike checks that a pose made like another keeps what it does not
// change, and that ground sets the hip's height.
func TestLike(t *testing.T) {
	l, err := Parse("lib.toml", []byte(`
[[pose]]
name = "a"
hip = [50, 80]
pelvis = 90
near = {hip = 10, knee = 20}
ground = "near.heel"
[[pose]]
name = "b"
like = "a"
near = {knee = 30}
`))
	if err != nil {
		t.Fatal(err)
	}
	a, b := l.Poses["a"], l.Poses["b"]
	if a.Far != a.Near {
		t.Errorf("far of a is %+v, want near's %+v", a.Far, a.Near)
	}
	if b.Near.Hip != 10 || b.Near.Knee != 30 || b.Far != a.Far {
		t.Errorf("b is near %+v far %+v, want a's with knee 30", b.Near, b.Far)
	}
	if g, _ := Gap(a, Contact{"near.heel", Floor}); math.Abs(g) > 1e-9 {
		t.Errorf("a's heel is %v off the floor, want 0", g)
	}
}

// TestValidate checks the figure names of a routine: unknown names and
// figures drawn for another dosage are reported at the figure's line, by
// Validate and by routine.Parse, which uses it.
func TestValidate(t *testing.T) {
	text := []byte(`name = "Mine"
[[move]]
id = "a"
name = "A"
focus = "mobility"
hold = 10
figure = "bird-dogs"
[[move]]
id = "b"
name = "B"
focus = "mobility"
hold = 10
figure = "birddogs"
[[move]]
id = "c"
name = "C"
focus = "mobility"
tempo = [1, 2]
figure = "glute-bridge"
[[move]]
id = "d"
name = "D"
focus = "mobility"
hold = 3
`)
	_, parseErr := routine.Parse("mine.toml", text, Shipped())
	r, err := routine.Parse("mine.toml", text, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = Default().Validate(r)
	if parseErr == nil || parseErr.Error() != err.Error() {
		t.Errorf("routine.Parse: %v\nwant the problems Validate finds:\n%v", parseErr, err)
	}
	want := []string{
		`mine.toml:13: move "b": figure "birddogs" is not in the pose library`,
		`mine.toml:19: move "c": figure "glute-bridge" is drawn for a tempo of 3 phases, but this move has a tempo of 2 phases`,
	}
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("errors:\n%v\nwant %d", err, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d is %q, want %q", i+1, lines[i], w)
		}
	}
}
