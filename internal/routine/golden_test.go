package routine

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// TestGolden parses every testdata/*.toml and compares the errors, or a
// summary of the routine, with testdata/*.golden.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.toml")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".toml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got string
			if r, err := Parse(filepath.Base(file), data, nil); err != nil {
				got = err.Error() + "\n"
			} else {
				got = summary(r)
			}
			golden := strings.TrimSuffix(file, ".toml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s--- want\n%s", file, golden, got, want)
			}
		})
	}
}

// summary prints a routine with every resolved value, for golden files.
func summary(r *Routine) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): get ready %v, rest %v, switch %v, between sets %v; %d moves, %v\n",
		r.Name, r.Source, r.GetReady, r.Rest, r.Switch, r.BetweenSets, len(r.Moves), r.Duration())
	for _, m := range r.Moves {
		dose := fmt.Sprintf("hold %v", m.Hold)
		if m.Tempo != nil {
			dose = fmt.Sprintf("tempo %v", m.Tempo)
		}
		fmt.Fprintf(&b, "line %d %s %q %s sides=%s reps=%v %s between reps %v, sets %v, rest %v: %v\n",
			m.Line, m.ID, m.Name, m.Focus, m.Sides, m.Reps, dose, m.BetweenReps, m.BetweenSets, m.Rest, m.Duration(r.Switch))
		if len(m.Levels) > 0 {
			fmt.Fprintf(&b, "  levels: start %d, top %d, at %d\n", m.StartLevel, m.TopLevel, m.Level)
		}
		for k, l := range m.Levels {
			at := m.AtLevel(k + 1)
			fmt.Fprintf(&b, "  level %d (line %d): reps=%v hold %v tempo %v between reps %v easier %v: %v\n",
				k+1, l.Line, l.Reps, l.Hold, l.Tempo, l.BetweenReps, at.EasierVariant(), at.Duration(r.Switch))
		}
	}
	return b.String()
}
