package routine

import (
	"fmt"
	"strings"
	"testing"
)

// ladderedRoutine writes a valid routine of moves moves, each with every key a
// move with levels may have and levels levels with every key of a level
// (hold, not tempo), and returns it with its number of key parts counted
// from its lines: a key line is one, [[move]] one, [[move.level]] two.
func ladderedRoutine(moves, levels int) (string, int) {
	var b strings.Builder
	b.WriteString("name = \"Laddered\"\nget_ready = 5\nrest = 5\nswitch = 2\nbetween_sets = 3\n")
	for i := range moves {
		fmt.Fprintf(&b, "[[move]]\nid = \"m%d\"\nname = \"Move %d\"\nfocus = \"mobility\"\nabout = \"A move.\"\n"+
			"steps = [\"Lie down\"]\neasier = \"Less\"\nsides = \"none\"\nbetween_sets = 1\nrest = 1\noff = false\n"+
			"figure = \"mcgill-curl-up\"\nstart_level = 1\ntop_level = %d\n", i, i, levels)
		for k := range levels {
			fmt.Fprintf(&b, "[[move.level]]\nreps = [1]\nhold = 1\nbetween_reps = 1\neasier = %v\n", k == 0)
		}
	}
	n := 0
	for _, line := range strings.Split(b.String(), "\n") {
		switch {
		case line == "[[move]]":
			n++
		case line == "[[move.level]]":
			n += 2
		case strings.Contains(line, " = "):
			n++
		}
	}
	return b.String(), n
}

// TestLadderedRoutinesFitTheKeyLimit: the key limit is the most a valid
// routine can need. 200 moves of six levels each (as the shipped routines
// have; the old limit of 5000 refused 122 of them) and the largest routine
// the format allows, 200 moves of 12 levels with every key, parse; one key
// more is refused, and the message's figure is the count of that file.
func TestLadderedRoutinesFitTheKeyLimit(t *testing.T) {
	for _, levels := range []int{6, MaxLevels} {
		src, n := ladderedRoutine(MaxMoves, levels)
		r, err := Parse("t.toml", []byte(src), nil)
		if err != nil {
			t.Fatalf("%d moves of %d levels (%d keys, %d bytes): %v", MaxMoves, levels, n, len(src), err)
		}
		if len(r.Moves) != MaxMoves || r.Moves[0].LevelCount() != levels {
			t.Errorf("%d moves of %d levels read as %d of %d", MaxMoves, levels, len(r.Moves), r.Moves[0].LevelCount())
		}
		if levels == MaxLevels && n != MaxKeys {
			t.Errorf("the largest routine has %d keys, the limit is %d", n, MaxKeys)
		}
	}
	src, n := ladderedRoutine(MaxMoves, MaxLevels)
	line := strings.Count(src, "\n") + 1
	want := []string{fmt.Sprintf("t.toml:%d: %s", line, tooManyKeys())}
	if got := parseErrors(t, src+"extra = 1\n"); len(got) != 1 || got[0] != want[0] {
		t.Errorf("one key more: %q, want %q", got, want)
	}
	if msg := tooManyKeys(); !strings.Contains(msg, fmt.Sprintf("more than %d,", n)) ||
		!strings.Contains(msg, fmt.Sprintf("%d moves, each with every key and %d levels", MaxMoves, MaxLevels)) {
		t.Errorf("message %q: want the figure %d of the largest routine", msg, n)
	}
}
