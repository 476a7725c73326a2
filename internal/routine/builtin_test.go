package routine

import (
	"reflect"
	"testing"
	"time"

	"spineroutine/assets"
)

func TestBuiltinRoutines(t *testing.T) {
	tests := []struct {
		r      *Routine
		name   string
		source string
		ids    []string
		total  time.Duration
	}{
		{Default(), "Daily back routine", "default", []string{
			"overhead-band-stretch", "psoas-march", "w-rows", "ql-hang-stretch", "high-plank", "self-decompression",
			"glute-bridge", "mcgill-curl-up", "pause-goblet-squat", "side-planks", "bird-dogs", "staggered-hip-hinge-stretch",
		}, 35*time.Minute + 13*time.Second},
		{Big3(), "McGill Big 3 (bad-day routine)", "big3", []string{"mcgill-curl-up", "side-planks", "bird-dogs"},
			14*time.Minute + 51*time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			r := tt.r
			if r.Name != tt.name || r.Source != tt.source {
				t.Errorf("name %q source %q", r.Name, r.Source)
			}
			if !reflect.DeepEqual(r.IDs(), tt.ids) {
				t.Errorf("ids %v\nwant %v", r.IDs(), tt.ids)
			}
			if d := r.Duration(); d != tt.total {
				t.Errorf("lasts %v, want %v", d, tt.total)
			}
			for _, m := range r.Moves {
				if m.About == "" || m.Easier == "" || len(m.Steps) < 3 || len(m.Steps) > 5 {
					t.Errorf("%s: about %q easier %q, %d steps (want 3 to 5)", m.ID, m.About, m.Easier, len(m.Steps))
				}
				if m.Line == 0 {
					t.Errorf("%s: no line", m.ID)
				}
			}
		})
	}
}

// The default routine must last between 30 and 40 minutes.
func TestDefaultLength(t *testing.T) {
	if d := Default().Duration(); d < 30*time.Minute || d > 40*time.Minute {
		t.Errorf("default routine lasts %v, want 30 to 40 minutes", d)
	}
}

// Big 3 moves are the same, word for word and dose for dose, as in the
// default routine.
func TestBig3MatchesDefault(t *testing.T) {
	def := Default()
	for _, m := range Big3().Moves {
		d, ok := def.Find(m.ID)
		if !ok {
			t.Errorf("%s is not in the default routine", m.ID)
			continue
		}
		m, d = moveMeaning(m), moveMeaning(d)
		if !reflect.DeepEqual(m, d) {
			t.Errorf("%s differs:\nbig3    %+v\ndefault %+v", m.ID, m, d)
		}
	}
}

// Dosages of the shipped moves, as the seed's sensible defaults give them.
func TestDefaultDoses(t *testing.T) {
	r := Default()
	tests := []struct {
		id   string
		want time.Duration // Move.Duration with the routine's switch time
	}{
		{"overhead-band-stretch", 32 * time.Second},        // 8 x (2+2)
		{"psoas-march", 80 * time.Second},                  // 2 x 10 x (1+2+1)
		{"w-rows", 111 * time.Second},                      // 2 x 12 x 4 + 15
		{"ql-hang-stretch", 110 * time.Second},             // 4 x 20 + 3 x 10
		{"high-plank", 90 * time.Second},                   // 3 x 20 + 2 x 15
		{"self-decompression", 100 * time.Second},          // 3 x 20 + 2 x 20
		{"glute-bridge", 183 * time.Second},                // 2 x 12 x 7 + 15
		{"mcgill-curl-up", 168 * time.Second},              // 12 x 10 + 9 x 2 + 2 x 15
		{"pause-goblet-squat", 111 * time.Second},          // 2 x 6 x 8 + 15
		{"side-planks", 331 * time.Second},                 // 2 x (120 + 18) + 3 x 5 + 2 x 20
		{"bird-dogs", 322 * time.Second},                   // 24 x 10 + 21 x 2 + 2 x 20
		{"staggered-hip-hinge-stretch", 135 * time.Second}, // 2 x (60 + 5) + 5
	}
	for _, tt := range tests {
		m, ok := r.Find(tt.id)
		if !ok {
			t.Errorf("no move %s", tt.id)
			continue
		}
		if d := m.Duration(r.Switch); d != tt.want {
			t.Errorf("%s lasts %v, want %v", tt.id, d, tt.want)
		}
	}
}

// The shipped ladders: 5 to 7 levels a move, the easiest first, level 1
// done as the easier variant and no longer than the start, each level no
// shorter than the one below, the start in the middle (room below and
// above), the Big 3 in short holds.
func TestShippedLadders(t *testing.T) {
	big3 := map[string]bool{"mcgill-curl-up": true, "side-planks": true, "bird-dogs": true}
	for _, r := range []*Routine{Default(), Big3()} {
		for _, m := range r.Moves {
			n := len(m.Levels)
			if n < 5 || n > 7 {
				t.Errorf("%s/%s: %d levels, want 5 to 7", r.Source, m.ID, n)
				continue
			}
			if m.StartLevel < 2 || m.StartLevel > n-2 || m.TopLevel != n || m.Level != m.StartLevel {
				t.Errorf("%s/%s: start %d, top %d of %d levels, at %d: want the start with two levels above and one below",
					r.Source, m.ID, m.StartLevel, m.TopLevel, n, m.Level)
			}
			if !m.Levels[0].Easier || m.Easier == "" {
				t.Errorf("%s/%s: level 1 is not the easier variant", r.Source, m.ID)
			}
			start := m.AtLevel(m.StartLevel).Duration(r.Switch)
			if first := m.AtLevel(1).Duration(r.Switch); first > start {
				t.Errorf("%s/%s: level 1 lasts %v, longer than the start's %v", r.Source, m.ID, first, start)
			}
			for k := 1; k < n; k++ {
				lo, hi := m.AtLevel(k), m.AtLevel(k+1)
				if lo.Duration(r.Switch) > hi.Duration(r.Switch) {
					t.Errorf("%s/%s: level %d lasts %v, longer than level %d (%v)", r.Source, m.ID, k, lo.Duration(r.Switch), k+1, hi.Duration(r.Switch))
				}
				if lo.Levels[k-1].Line == 0 || lo.Levels[k-1].Line >= hi.Levels[k].Line {
					t.Errorf("%s/%s: level lines %d, %d", r.Source, m.ID, lo.Levels[k-1].Line, hi.Levels[k].Line)
				}
			}
			if !big3[m.ID] {
				continue
			}
			for k, l := range m.Levels {
				if l.Hold < 8*time.Second || l.Hold > 10*time.Second || len(l.Reps) != 3 || l.Reps[0] <= l.Reps[1] || l.Reps[1] <= l.Reps[2] {
					t.Errorf("%s/%s level %d: %v of %v, want a reverse pyramid of 8-10 s holds", r.Source, m.ID, k+1, l.Reps, l.Hold)
				}
			}
		}
	}
}

// Default returns a fresh copy: changing one does not change the next.
func TestDefaultIsACopy(t *testing.T) {
	a := Default()
	a.Moves[0].Steps[0] = "changed"
	a.Moves = a.Moves[:1]
	b := Default()
	if len(b.Moves) != 12 || b.Moves[0].Steps[0] == "changed" {
		t.Error("Default shares state between calls")
	}
}

// BenchmarkParseDefault measures parsing and validating the shipped routine.
func BenchmarkParseDefault(b *testing.B) {
	b.SetBytes(int64(len(assets.RoutineTOML)))
	for b.Loop() {
		if _, err := Parse("default", assets.RoutineTOML, nil); err != nil {
			b.Fatal(err)
		}
	}
}
