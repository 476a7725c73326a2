package routine

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// A draft made from a routine checks back to the same routine.
func TestDraftRoundTrip(t *testing.T) {
	routines := []*Routine{Default(), Big3()}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		// A draft holds one form cue per line: a cue with a line break
		// would become two.
		r := randomRoutine(rng)
		for _, m := range r.allMoves() {
			for i := range m.Steps {
				m.Steps[i] = strings.ReplaceAll(m.Steps[i], "\n", " ")
			}
		}
		routines = append(routines, r)
	}
	for i, r := range routines {
		back, err := NewDraft(r).Check(nil)
		if err != nil {
			t.Fatalf("routine %d: %v\n%s", i, err, NewDraft(r).TOML())
		}
		if got, want := meaning(back), meaning(r); !reflect.DeepEqual(got, want) {
			t.Fatalf("routine %d: meaning changed:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// plain returns r with every move's levels dropped: each move has its
// start dose as its own.
func plain(r *Routine) *Routine {
	for i := range r.Moves {
		r.Moves[i].Levels = nil
		r.Moves[i].StartLevel, r.Moves[i].TopLevel, r.Moves[i].Level = 1, 1, 1
	}
	return r
}

// editDefault returns the draft of the default routine without levels,
// changed by edit.
func editDefault(edit func(d *Draft)) Draft {
	d := NewDraft(plain(Default()))
	edit(&d)
	return d
}

// Each bad value is reported beside its box with the words of
// `spineroutine check`.
func TestDraftProblems(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *Draft)
		field Field
		msg   string
	}{
		{"hold not a number", func(d *Draft) { d.Moves[4].Hold = "abc" }, Field{5, 0, "hold"}, "hold must be a number of seconds (like 10), not text"},
		{"negative hold", func(d *Draft) { d.Moves[4].Hold = "-1" }, Field{5, 0, "hold"}, "hold must not be negative"},
		{"zero hold", func(d *Draft) { d.Moves[4].Hold = "0" }, Field{5, 0, "hold"}, "hold must be more than 0"},
		{"no hold", func(d *Draft) { d.Moves[4].Hold = " " }, Field{5, 0, "hold"}, "set hold (seconds each rep is held) or tempo (seconds of each phase)"},
		{"empty tempo", func(d *Draft) { d.Moves[0].Tempo = "" }, Field{1, 0, "tempo"}, "tempo is empty; give the seconds of each phase, like [3, 3, 2]"},
		{"zero tempo phase", func(d *Draft) { d.Moves[0].Tempo = "2-0" }, Field{1, 0, "tempo"}, "tempo phase 2 must be more than 0"},
		{"pyramid with a zero", func(d *Draft) { d.Moves[10].Reps = "6-0-2" }, Field{11, 0, "reps"}, "reps of set 2 must be at least 1"},
		{"pyramid with a word", func(d *Draft) { d.Moves[10].Reps = "6, x" }, Field{11, 0, "reps"}, "reps of set 2 must be a whole number, not text"},
		{"decimal reps", func(d *Draft) { d.Moves[10].Reps = "2.5" }, Field{11, 0, "reps"}, "reps must be a whole number"},
		{"no reps", func(d *Draft) { d.Moves[10].Reps = "" }, Field{11, 0, "reps"}, "reps is empty; give a number or a list like [6, 4, 2]"},
		{"too many reps", func(d *Draft) { d.Moves[10].Reps = "1001" }, Field{11, 0, "reps"}, "reps is 1001; the limit is 1000"},
		{"empty move name", func(d *Draft) { d.Moves[2].Name = "  " }, Field{3, 0, "name"}, "name is empty"},
		{"no focus", func(d *Draft) { d.Moves[2].Focus = "" }, Field{3, 0, "focus"}, "focus is missing (one of mobility, stability, decompression, activation, strength)"},
		{"move rest text", func(d *Draft) { d.Moves[2].Rest = "1 min" }, Field{3, 0, "rest"}, "rest must be a number of seconds (like 10), not text"},
		{"routine name", func(d *Draft) { d.Name = "" }, Field{0, 0, "name"}, "name is empty"},
		{"switch negative", func(d *Draft) { d.Switch = "-5" }, Field{0, 0, "switch"}, "switch must not be negative"},
		{"get ready too long", func(d *Draft) { d.GetReady = "20000" }, Field{0, 0, "get_ready"}, "get_ready is too long (the limit is 4 hours)"},
		{"all off", func(d *Draft) {
			for i := range d.Moves {
				d.Moves[i].Off = true
			}
		}, Field{0, 0, "off"}, "every move is switched off; switch at least one on"},
		{"routine too long", func(d *Draft) { d.Moves[0].UseTempo, d.Moves[0].Reps, d.Moves[0].Hold = false, "2", "9000" }, Field{0, 0, ""}, "the routine lasts more than 4 hours, the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := editDefault(tt.edit).Check(nil)
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("want one problem, got %v", err)
			}
			f, msg := FieldOf(es[0])
			if f != tt.field || msg != tt.msg {
				t.Errorf("got %+v %q\nwant %+v %q", f, msg, tt.field, tt.msg)
			}
		})
	}
}

// Values are read as a person types them.
func TestDraftTypedValues(t *testing.T) {
	r, err := editDefault(func(d *Draft) {
		d.Moves[10].Reps = "[4 3, 2]"
		d.Moves[4].Hold = "12.5 s"
		d.Moves[0].Tempo = "1.5-2.25"
		d.Moves[4].BetweenReps = " 7 "
		d.Rest = "25"
		d.Moves[1].Steps = "\nfirst\r\n  \nsecond\n"
	}).Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	bird, plank, band, march := r.Moves[10], r.Moves[4], r.Moves[0], r.Moves[1]
	if !reflect.DeepEqual(bird.Reps, []int{4, 3, 2}) || plank.Hold != 12500*time.Millisecond || plank.BetweenReps != 7*time.Second {
		t.Errorf("reps %v hold %v between reps %v", bird.Reps, plank.Hold, plank.BetweenReps)
	}
	if !reflect.DeepEqual(band.Tempo, []time.Duration{1500 * time.Millisecond, 2250 * time.Millisecond}) {
		t.Errorf("tempo %v", band.Tempo)
	}
	if !reflect.DeepEqual(march.Steps, []string{"first", "second"}) {
		t.Errorf("steps %q", march.Steps)
	}
	// The moves that followed the routine's rest follow its new value.
	if r.Rest != 25*time.Second || march.Rest != 25*time.Second {
		t.Errorf("rest %v, march's %v", r.Rest, march.Rest)
	}
}

// A renamed move keeps its id; a new one gets a fresh id from its name.
func TestDraftIDs(t *testing.T) {
	d := NewDraft(Default())
	d.Moves[10].Name = "Bird Dog (slow)"
	d.Moves = append(d.Moves,
		DraftMove{Name: "Cat–Camel", Focus: "mobility", Reps: "8", Hold: "3"},
		DraftMove{Name: "Bird Dogs", Focus: "stability", Reps: "6", Hold: "10"},
		DraftMove{Name: "Bird Dogs", Focus: "stability", Reps: "6", Hold: "10"},
		DraftMove{Name: "McGill's !!", Focus: "stability", Reps: "6", Hold: "10"},
	)
	r, err := d.Check(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := append(Default().IDs(), "cat-camel", "bird-dogs-2", "bird-dogs-3", "mcgills")
	if !reflect.DeepEqual(r.IDs(), want) {
		t.Errorf("ids %v\nwant %v", r.IDs(), want)
	}
	d.FillIDs()
	d.Moves[12].Name = "Renamed"
	if r, err := d.Check(nil); err != nil || r.Moves[12].ID != "cat-camel" || r.Moves[12].Name != "Renamed" {
		t.Errorf("after FillIDs and a rename: %v %+v", err, r.Moves[12])
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Bird Dogs": "bird-dogs", "  W-Rows ": "w-rows", "!!!": "move", "Übung 2": "bung-2",
		"a very long name that goes on and on and on": "a-very-long-name-that-goes-on-and-on-and",
	} {
		if got := Slug(in); got != want || !idPattern.MatchString(got) {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// A move's time follows its dose as typed, whatever the other moves hold.
func TestDraftMoveDuration(t *testing.T) {
	d := NewDraft(plain(Big3()))
	d.Moves[0].Hold = "oops"
	if _, ok := d.MoveDuration(0); ok {
		t.Error("a time for an invalid hold")
	}
	// Bird dogs: 6-4-2 alternating, 10 s holds, 2 s apart, 20 s between sets.
	if got, ok := d.MoveDuration(2); !ok || got != Big3().Moves[2].Duration(Big3().Switch) {
		t.Errorf("bird dogs %v %v", got, ok)
	}
	d.Moves[2].Reps = "4"
	if got, _ := d.MoveDuration(2); got != 8*10*time.Second+7*2*time.Second {
		t.Errorf("bird dogs at 4 reps: %v", got)
	}
	// Side planks switch sides with the routine's switch time.
	d.Switch = "10"
	if got, _ := d.MoveDuration(1); got != Big3().Moves[1].Duration(5*time.Second)+3*5*time.Second {
		t.Errorf("side planks with a 10 s switch: %v", got)
	}
	// A move with levels lasts as long as its start level.
	d = NewDraft(Big3())
	bird := Big3().Moves[2]
	if got, ok := d.MoveDuration(2); !ok || got != bird.Duration(5*time.Second) {
		t.Errorf("bird dogs at their start level: %v %v", got, ok)
	}
	d.Moves[2].Levels[bird.StartLevel-1].Reps = "4"
	d.Moves[2].Levels[0].Hold = "oops"
	if got, _ := d.MoveDuration(2); got != 8*10*time.Second+7*2*time.Second {
		t.Errorf("bird dogs at 4 reps at their start level: %v", got)
	}
	if _, ok := d.LevelDuration(2, 1); ok {
		t.Error("a time for a level with an invalid hold")
	}
}
