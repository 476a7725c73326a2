package routine

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// laddered is a move with three levels (its lines 2 to 22 after head).
const laddered = `[[move]]
id = "m"
name = "M"
focus = "stability"
easier = "Less."
start_level = 2

[[move.level]]
reps = [3, 2, 1]
hold = 8
easier = true

[[move.level]]
reps = [5, 3, 1]
hold = 10
between_reps = 2

[[move.level]]
reps = 6
tempo = [2, 1]
`

func TestParseLevels(t *testing.T) {
	r, err := Parse("t.toml", []byte(head+laddered), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := r.Moves[0]
	want := []Level{
		{Reps: []int{3, 2, 1}, Hold: 8 * time.Second, Easier: true, Line: 9},
		{Reps: []int{5, 3, 1}, Hold: 10 * time.Second, BetweenReps: 2 * time.Second, Line: 14},
		{Reps: []int{6}, Tempo: []time.Duration{2 * time.Second, time.Second}, Line: 19},
	}
	if !reflect.DeepEqual(m.Levels, want) {
		t.Errorf("levels %+v\nwant   %+v", m.Levels, want)
	}
	if m.StartLevel != 2 || m.TopLevel != 3 || m.Level != 2 || m.LevelCount() != 3 {
		t.Errorf("start %d top %d level %d count %d", m.StartLevel, m.TopLevel, m.Level, m.LevelCount())
	}
	// The move runs at its start level: 5-3-1 holds of 10 s, 2 s apart,
	// 15 s between sets: 9 x 10 + 6 x 2 + 2 x 15.
	if !reflect.DeepEqual(m.Reps, []int{5, 3, 1}) || m.Hold != 10*time.Second || m.Tempo != nil || m.BetweenReps != 2*time.Second {
		t.Errorf("dose %v %v %v %v, want level 2's", m.Reps, m.Hold, m.Tempo, m.BetweenReps)
	}
	if d := r.Duration(); d != 10*time.Second+132*time.Second {
		t.Errorf("lasts %v, want 2m22s", d)
	}
	if m.EasierVariant() {
		t.Error("level 2 is not the easier variant")
	}
}

func TestAtLevel(t *testing.T) {
	r, err := Parse("t.toml", []byte(head+laddered+strings.Replace(move, `"m"`, `"plain"`, 1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := r.Moves[0]
	tests := []struct {
		n, level int
		reps     []int
		rep      time.Duration // one rep: the hold or the tempo's sum
		gap      time.Duration
		easier   bool
	}{
		{-3, 1, []int{3, 2, 1}, 8 * time.Second, 0, true},
		{1, 1, []int{3, 2, 1}, 8 * time.Second, 0, true},
		{2, 2, []int{5, 3, 1}, 10 * time.Second, 2 * time.Second, false},
		{3, 3, []int{6}, 3 * time.Second, 0, false},
		{99, 3, []int{6}, 3 * time.Second, 0, false},
	}
	for _, tt := range tests {
		at := m.AtLevel(tt.n)
		if at.Level != tt.level || !reflect.DeepEqual(at.Reps, tt.reps) || at.RepDuration() != tt.rep ||
			at.BetweenReps != tt.gap || at.EasierVariant() != tt.easier || (at.Hold != 0) == (at.Tempo != nil) {
			t.Errorf("AtLevel(%d) = level %d reps %v rep %v gap %v easier %v hold %v tempo %v", tt.n, at.Level,
				at.Reps, at.RepDuration(), at.BetweenReps, at.EasierVariant(), at.Hold, at.Tempo)
		}
	}
	// The copy shares nothing the caller may change with the move.
	at := m.AtLevel(1)
	at.Reps[0] = 99
	if m.Levels[0].Reps[0] != 3 {
		t.Error("AtLevel shares its reps with the level")
	}
	plain := r.Moves[1]
	if p := plain.AtLevel(4); p.Level != 1 || p.LevelCount() != 1 || p.Hold != 10*time.Second || p.EasierVariant() {
		t.Errorf("a move without levels at level 4: %+v", p)
	}

	w := r.WithLevels(map[string]int{"m": 3, "nothing": 2})
	if w.Moves[0].Level != 3 || w.Moves[1].Level != 1 || r.Moves[0].Level != 2 {
		t.Errorf("WithLevels: levels %d %d, the routine's own now %d", w.Moves[0].Level, w.Moves[1].Level, r.Moves[0].Level)
	}
	// 6 reps of 3 s instead of 5-3-1 holds of 10 s: the total follows.
	if d := w.Duration(); d != r.GetReady+18*time.Second+r.Moves[0].Rest+10*time.Second {
		t.Errorf("at level 3 the routine lasts %v", d)
	}
	if back := w.WithLevels(nil); back.Moves[0].Level != 2 || back.Duration() != r.Duration() {
		t.Errorf("WithLevels(nil) is at level %d, lasts %v, want the start (%v)", back.Moves[0].Level, back.Duration(), r.Duration())
	}
	// The level a person is at is theirs, not the file's: Format writes
	// the ladder and its start.
	if got, want := string(Format(w)), string(Format(r)); got != want {
		t.Errorf("Format at level 3:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseLevelErrors(t *testing.T) {
	level := "\n[[move.level]]\nreps = 2\nhold = 5\n"
	// plainMove has no dose of its own: its levels give it.
	plainMove := "[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"stability\"\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"a valid ladder", head + laddered, nil},
		{"own hold beside levels", head + strings.Replace(laddered, "start_level = 2\n", "start_level = 2\nhold = 10\nreps = 3\n", 1), []string{
			`t.toml:8: move "m": a move with levels gives its dose in each [[move.level]]; remove hold here`,
			`t.toml:9: move "m": a move with levels gives its dose in each [[move.level]]; remove reps here`,
		}},
		{"own tempo and between_reps beside levels", head + plainMove + "tempo = [1]\nbetween_reps = 2\n" + level, []string{
			`t.toml:6: move "m": a move with levels gives its dose in each [[move.level]]; remove tempo here`,
			`t.toml:7: move "m": a move with levels gives its dose in each [[move.level]]; remove between_reps here`,
		}},
		{"start without levels", head + move + "start_level = 1\n", []string{`t.toml:7: move "m": start_level needs levels: add [[move.level]] tables, or remove it`}},
		{"top without levels", head + move + "top_level = 2\n", []string{`t.toml:7: move "m": top_level needs levels: add [[move.level]] tables, or remove it`}},
		{"start above the levels", head + strings.Replace(laddered, "start_level = 2", "start_level = 4", 1), []string{`t.toml:7: move "m": start_level is 4, but the move has 3 levels`}},
		{"start zero", head + strings.Replace(laddered, "start_level = 2", "start_level = 0", 1), []string{`t.toml:7: move "m": start_level must be at least 1`}},
		{"start text", head + strings.Replace(laddered, "start_level = 2", `start_level = "two"`, 1), []string{`t.toml:7: move "m": start_level must be a whole number, not text`}},
		{"start decimal", head + strings.Replace(laddered, "start_level = 2", "start_level = 1.5", 1), []string{`t.toml:7: move "m": start_level must be a whole number, not 1.5`}},
		{"top above the levels", head + plainMove + "top_level = 2\n" + level, []string{`t.toml:6: move "m": top_level is 2, but the move has 1 level`}},
		{"start above top", head + strings.Replace(laddered, "start_level = 2", "start_level = 3\ntop_level = 2", 1), []string{
			`t.toml:7: move "m": start_level 3 is above top_level 2; a new user cannot start above the top`,
		}},
		{"level not tables", head + plainMove + "level = 3\n", []string{`t.toml:6: move "m": level must be a list of [[move.level]] tables, not a whole number`}},
		{"level list of numbers", head + plainMove + "level = [1, 2]\n", []string{`t.toml:6: move "m": level must be a list of [[move.level]] tables, not a list`}},
		{"level empty", head + plainMove + "level = []\n", []string{`t.toml:6: move "m": level is empty; add [[move.level]] tables, or remove it`}},
		{"too many levels", head + plainMove + strings.Repeat(level, MaxLevels+1), []string{`t.toml:7: move "m": the move has 13 levels; the limit is 12`}},
		{"level without hold or tempo", head + plainMove + "\n[[move.level]]\nreps = 2\n", []string{
			`t.toml:7: move "m": level 1: set hold (seconds each rep is held) or tempo (seconds of each phase)`,
		}},
		{"level with both", head + plainMove + level + "tempo = [1, 1]\n", []string{`t.toml:10: move "m": level 1: tempo and hold are both set; choose one`}},
		{"bad reps in level 2", head + plainMove + level + "\n[[move.level]]\nreps = [3, 0]\nhold = 5\n", []string{
			`t.toml:12: move "m": level 2: reps of set 2 must be at least 1`,
		}},
		{"zero hold in a level", head + plainMove + strings.Replace(level, "hold = 5", "hold = 0", 1), []string{`t.toml:9: move "m": level 1: hold must be more than 0`}},
		{"negative between_reps in a level", head + plainMove + level + "between_reps = -1\n", []string{`t.toml:10: move "m": level 1: between_reps must not be negative`}},
		{"unknown key in a level", head + plainMove + level + "sets = 3\n", []string{`t.toml:10: move "m": level 1: unknown key "sets"`}},
		{"misspelt key in a level", head + plainMove + level + "between-reps = 3\n", []string{`t.toml:10: move "m": level 1: unknown key "between-reps" (did you mean "between_reps"?)`}},
		{"easier level without the variant", head + plainMove + level + "easier = true\n", []string{
			`t.toml:10: move "m": level 1: easier = true, but the move has no easier variant; describe it in the move's easier`,
		}},
		{"easier as text in a level", head + plainMove + level + "easier = \"knees down\"\n", []string{
			`t.toml:10: move "m": level 1: easier in a level is true or false (the level is done as the move's easier variant); the variant's text goes in the move's easier`,
		}},
		{"easier a number in a level", head + plainMove + "easier = \"x\"\n" + level + "easier = 1\n", []string{
			`t.toml:11: move "m": level 1: easier must be true or false, not a whole number`,
		}},
		{"levels inline: lines of the move's key", head + plainMove + "level = [{reps = 0, hold = 1}]\n", []string{
			`t.toml:6: move "m": level 1: reps must be at least 1`,
		}},
		{"a level past four hours", head + plainMove + level + "\n[[move.level]]\nreps = [1000, 1000]\nhold = 10\n", []string{
			"t.toml: the routine lasts more than 4 hours, the limit",
		}},
		{"a level past the reps limit", head + plainMove + level + "\n[[move.level]]\nreps = [1000, 1000, 1000, 1]\nhold = 0.001\n", []string{
			"t.toml: the routine has 3001 reps in all; the limit is 3000",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want == nil {
				if _, err := Parse("t.toml", []byte(tt.src), nil); err != nil {
					t.Fatalf("valid file refused: %v", err)
				}
				return
			}
			got := parseErrors(t, tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
