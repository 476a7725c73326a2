package figure

import (
	"errors"
	"strings"
	"testing"

	"spineroutine/assets"
	"spineroutine/internal/routine"
)

// FuzzParse checks that the pose library's reader never panics, that what
// it refuses comes with non-empty errors naming the file, and that what it
// accepts passed routine.CheckShape. Seeds include long dotted keys and
// headers (quadratic in the TOML decoder before the shape check).
func FuzzParse(f *testing.F) {
	f.Add(assets.PosesTOML)
	for _, s := range []string{"", "[[pose]]\nname = \"a\"\nhip = [1, 2]\npelvis = 90\n",
		"[" + strings.Repeat("a.", routine.MaxKeyParts) + "a]\n", strings.Repeat("a.", 5000) + "a = 1\n",
		"[[pose]]\nnear.hip = 60\nnear.knee = 100\n", "[[pose]]\nnear = {hip.x.y = 1}\n",
		"[[figure]]\nname = \"f\"\nphases = [\"x\"]\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := Parse("p.toml", data)
		if err != nil {
			var es routine.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T: %v", err, err)
			}
			for _, e := range es {
				if e.Msg == "" || e.File != "p.toml" || e.Line < 0 {
					t.Fatalf("bad error entry %+v", *e)
				}
			}
			return
		}
		if lib == nil {
			t.Fatal("no library and no error")
		}
		if _, msg := routine.CheckShape(string(data)); msg != "" {
			t.Fatalf("accepted a file CheckShape refuses (%s)", msg)
		}
	})
}
