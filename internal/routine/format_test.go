package routine

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

// meaning is r without what does not change how it runs or reads (the
// lines of its moves and of their figure keys, and where it came from).
func meaning(r *Routine) Routine {
	c := *r
	c.Source = ""
	c.Moves = append([]Move(nil), r.Moves...)
	for i := range c.Moves {
		c.Moves[i] = moveMeaning(c.Moves[i])
	}
	c.Off = append([]OffMove(nil), r.Off...)
	for i := range c.Off {
		c.Off[i].Move = moveMeaning(c.Off[i].Move)
	}
	if len(c.Off) == 0 {
		c.Off = nil
	}
	return c
}

// moveMeaning is m without the lines of its header, figure key and levels.
func moveMeaning(m Move) Move {
	m.Line, m.FigureLine = 0, 0
	if m.Levels != nil {
		m.Levels = append([]Level(nil), m.Levels...)
		for i := range m.Levels {
			m.Levels[i].Line = 0
		}
	}
	return m
}

// roundTrip formats r, parses the text and checks the meaning is kept.
func roundTrip(t *testing.T, r *Routine) *Routine {
	t.Helper()
	text := Format(r)
	back, err := Parse("written.toml", text, nil)
	if err != nil {
		t.Fatalf("the written file does not parse:\n%v\n--- file\n%s", err, text)
	}
	if got, want := meaning(back), meaning(r); !reflect.DeepEqual(got, want) {
		t.Fatalf("meaning changed:\n got %+v\nwant %+v\n--- file\n%s", got, want, text)
	}
	if again := Format(back); string(again) != string(text) {
		t.Fatalf("writing the read file again gives other text:\n%s\n--- first\n%s", again, text)
	}
	return back
}

func TestFormatBuiltins(t *testing.T) {
	for _, r := range []*Routine{Default(), Big3()} {
		t.Run(r.Source, func(t *testing.T) {
			back := roundTrip(t, r)
			if back.Duration() != r.Duration() {
				t.Errorf("lasts %v, was %v", back.Duration(), r.Duration())
			}
		})
	}
}

// The shipped routine leaves the moves' rest and between_sets to the
// routine, except where a move sets its own: the written file does too.
func TestFormatKeepsDefaultsImplicit(t *testing.T) {
	text := string(Format(Big3()))
	if n := strings.Count(text, "\nrest = "); n != 1 {
		t.Errorf("rest written %d times, want once (the routine's):\n%s", n, text)
	}
	// Side planks and bird dogs set between_sets = 20; the routine says 15.
	if n := strings.Count(text, "\nbetween_sets = 20"); n != 2 {
		t.Errorf("between_sets = 20 written %d times, want 2:\n%s", n, text)
	}
	if !strings.HasPrefix(text, "# A Spine Routine routine file") {
		t.Errorf("no header comment:\n%s", text)
	}
}

func TestFormatOffMoves(t *testing.T) {
	r := Default()
	// Switch off the first, the sixth and the last move.
	all := r.Moves
	r.Moves = nil
	for i, m := range all {
		if i == 0 || i == 5 || i == len(all)-1 {
			r.Off = append(r.Off, OffMove{Move: m, At: i})
		} else {
			r.Moves = append(r.Moves, m)
		}
	}
	back := roundTrip(t, r)
	if len(back.Moves) != len(all)-3 || back.Off[1].Move.ID != all[5].ID || back.Off[2].At != len(all)-1 {
		t.Errorf("moves %v, off %+v", back.IDs(), back.Off)
	}
	if d, want := back.Duration(), r.Duration(); d != want || d >= Default().Duration() {
		t.Errorf("lasts %v, want %v (shorter than the whole routine)", d, want)
	}
}

func TestFormatRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2026))
	for i := range 300 {
		r := randomRoutine(rng)
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("routine %d", i)
				}
			}()
			roundTrip(t, r)
		})
	}
}

// randomRoutine makes a valid routine with awkward texts (quotes,
// backslashes, new lines, control characters but in names, emoji), durations to the
// millisecond, pyramids, tempos, sides and moves switched off.
func randomRoutine(rng *rand.Rand) *Routine {
	texts := []string{"Bird Dogs", `say "hi"`, `back\slash`, "two\nlines", "tab\there", "bell\x07", "del\x7f",
		"émoji 🙂", "  spaced  ", "#not a comment", "'single'", "[[move]]", "a = b", "\u2028sep"}
	text := func() string {
		s := texts[rng.IntN(len(texts))]
		if rng.IntN(3) == 0 {
			s += " " + texts[rng.IntN(len(texts))]
		}
		return s
	}
	dur := func(maxMS int) time.Duration {
		if rng.IntN(3) == 0 {
			return time.Duration(rng.IntN(maxMS/1000+1)) * time.Second
		}
		return time.Duration(rng.IntN(maxMS+1)) * time.Millisecond
	}
	pos := func(maxMS int) time.Duration { return dur(maxMS-1) + time.Millisecond }
	// Names hold no control characters (Parse refuses them).
	name := func() string {
		return strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' '
			}
			return r
		}, text())
	}
	r := &Routine{Name: name(), GetReady: dur(60000), Rest: dur(60000), Switch: dur(10000), BetweenSets: dur(30000)}
	n := 1 + rng.IntN(8)
	for i := range n {
		m := Move{
			ID:    strings.Repeat("m", 1+rng.IntN(3)) + "-" + string(rune('a'+i)),
			Name:  name(),
			Focus: Focuses[rng.IntN(len(Focuses))],
			Sides: []Sides{NoSides, Each, Alternate}[rng.IntN(3)],
		}
		if rng.IntN(2) == 0 {
			m.About, m.Easier = text(), text()
		}
		for range rng.IntN(4) {
			m.Steps = append(m.Steps, text())
		}
		for range 1 + rng.IntN(4) {
			m.Reps = append(m.Reps, 1+rng.IntN(12))
		}
		if rng.IntN(2) == 0 {
			m.Hold = pos(30000)
		} else {
			for range 1 + rng.IntN(4) {
				m.Tempo = append(m.Tempo, pos(4000))
			}
		}
		m.BetweenReps = dur(5000)
		m.StartLevel, m.TopLevel, m.Level = 1, 1, 1
		if rng.IntN(3) == 0 {
			m = randomLevels(rng, m, pos, dur)
		}
		m.BetweenSets, m.Rest = r.BetweenSets, r.Rest
		if rng.IntN(2) == 0 {
			m.BetweenSets = dur(40000)
		}
		if rng.IntN(2) == 0 {
			m.Rest = dur(90000)
		}
		if i > 0 && rng.IntN(4) == 0 {
			r.Off = append(r.Off, OffMove{Move: m, At: i})
		} else {
			r.Moves = append(r.Moves, m)
		}
	}
	return r
}

// randomLevels gives m a ladder of 1 to MaxLevels levels, its start and
// top somewhere on it, and sets m at its start.
func randomLevels(rng *rand.Rand, m Move, pos, dur func(int) time.Duration) Move {
	if m.Easier == "" {
		m.Easier = "easier"
	}
	n := 1 + rng.IntN(MaxLevels)
	for range n {
		l := Level{BetweenReps: dur(3000), Easier: rng.IntN(4) == 0}
		for range 1 + rng.IntN(3) {
			l.Reps = append(l.Reps, 1+rng.IntN(8))
		}
		if rng.IntN(2) == 0 {
			l.Hold = pos(12000)
		} else {
			for range 1 + rng.IntN(3) {
				l.Tempo = append(l.Tempo, pos(3000))
			}
		}
		m.Levels = append(m.Levels, l)
	}
	m.TopLevel = 1 + rng.IntN(n)
	m.StartLevel = 1 + rng.IntN(m.TopLevel)
	return m.AtLevel(m.StartLevel)
}

func TestTOMLNumber(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{{10, "10"}, {2.5, "2.5"}, {-3, "-3"}, {0.001, "0.001"}, {1e300, "1e+300"}, {1 << 60, "1.152921504606847e+18"}} {
		if got := tomlNumber(tt.in); got != tt.want {
			t.Errorf("tomlNumber(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
