package figure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/routine"
)

// Every way of reading a routine holds its figures to the pose library:
// a file (Load), a text (Parse) and the editor's draft (Draft.Check) give
// the same error, with the file, the line of the figure key and the field.
func TestRoutineReadersCheckFigures(t *testing.T) {
	for _, c := range []struct {
		name, figure, want string
	}{
		{"unknown", "flying-pig", `figure "flying-pig" is not in the pose library`},
		{"hold figure on a tempo move", "side-planks", `figure "side-planks" is drawn for a hold`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := routine.Default()
			i := 1 // psoas march: a tempo move
			if c.name == "unknown" {
				i = 0
			}
			r.Moves[i].Figure = c.figure
			text := routine.Format(r)
			path := filepath.Join(t.TempDir(), "r.toml")
			if err := os.WriteFile(path, text, 0o600); err != nil {
				t.Fatal(err)
			}
			_, errLoad := routine.Load(path, Shipped())
			_, errParse := routine.Parse("r.toml", text, Shipped())
			_, errDraft := routine.NewDraft(r).Check(Shipped())
			for name, err := range map[string]error{"Load": errLoad, "Parse": errParse, "Draft.Check": errDraft} {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("%s: %v, want %q", name, err, c.want)
				}
			}
			if errLoad != nil && !strings.HasPrefix(errLoad.Error(), path+":") {
				t.Errorf("Load: %v, want it to start with the file and line", errLoad)
			}
			var es routine.Errors
			if errDraft != nil {
				es, _ = errDraft.(routine.Errors)
			}
			if len(es) != 1 {
				t.Fatalf("Draft.Check: %v, want one problem", errDraft)
			}
			if f, _ := routine.FieldOf(es[0]); f.Key != "figure" || f.Move != i+1 {
				t.Errorf("Draft.Check: field %+v, want the figure of move %d", f, i+1)
			}
		})
	}
}
