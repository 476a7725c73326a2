package routine

import (
	"strings"
	"testing"
)

func TestLocator(t *testing.T) {
	src := `name = "x"   # [[move]] in a comment
"rest" = 3
about = """
[[move]]
hold = 1
"""
steps = [
  "[[move]]",
  'hold = 2',
]
table = { a = "[", b = 1 }

[[move]]   # first
id = "a"
tempo = [
  1,
  2,
]
'between_reps' = 1
[move.extra]
hold = 3

[[ move ]]
about = '''it's "fine" ''' # ''' again
hold.x = 1
[other]
hold = 9
[[move]]
reps = 1
`
	l := newLocator(src)
	tops := []struct {
		key  string
		line int
	}{
		{"name", 1}, {"rest", 2}, {"about", 3}, {"steps", 7}, {"table", 11}, {"other", 26}, {"hold", 0}, {"missing", 0},
	}
	for _, tt := range tops {
		if got := l.top(tt.key); got != tt.line {
			t.Errorf("top(%q) = %d, want %d", tt.key, got, tt.line)
		}
	}
	if len(l.tables["move"]) != 3 {
		t.Fatalf("%d move headers, want 3", len(l.tables["move"]))
	}
	keys := []struct {
		move int
		key  string
		line int
	}{
		{0, "", 13}, // header line for an unknown key
		{0, "id", 14},
		{0, "tempo", 15},
		{0, "between_reps", 19},
		{0, "extra", 20},
		{0, "hold", 13}, // hold = 3 belongs to [move.extra], not the move
		{1, "about", 24},
		{1, "hold", 25},
		{2, "reps", 29},
		{2, "hold", 28},
		{3, "hold", 0},
	}
	for _, tt := range keys {
		if got := l.moveKey(tt.move, tt.key); got != tt.line {
			t.Errorf("moveKey(%d, %q) = %d, want %d", tt.move, tt.key, got, tt.line)
		}
	}
	if got := l.move(1); got != 23 {
		t.Errorf("move(1) = %d, want 23", got)
	}
}

func TestLocatorCRLFAndBOM(t *testing.T) {
	src := strings.ReplaceAll("\ufeffname = 1\n[[move]]\r\nhold = 2\n", "\n", "\r\n")
	l := newLocator(src)
	if l.top("name") != 1 || l.move(0) != 2 || l.moveKey(0, "hold") != 3 {
		t.Errorf("name %d move %d hold %d, want 1 2 3", l.top("name"), l.move(0), l.moveKey(0, "hold"))
	}
}

// The locator gives up on move lines when it does not see one header per
// move: errors then carry the move's index and no line.
func TestInlineMovesHaveNoLines(t *testing.T) {
	src := head + `move = [{id = "a", name = "A", focus = "mobility", hold = 0}]` + "\n"
	got := parseErrors(t, src)
	want := `t.toml: move "a": hold must be more than 0`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
