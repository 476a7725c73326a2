package routine

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"spineroutine/assets"
)

// FuzzParse checks that Parse never panics, and that what it accepts is a
// valid routine and what it refuses comes with located, non-empty errors.
func FuzzParse(f *testing.F) {
	f.Add(assets.RoutineTOML)
	f.Add(assets.Big3TOML)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.toml"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"", "\x00", "\xff", "name = 1", head + move, head + move + "reps = [1000, 1000]\n",
		head + `move = [{id = "a", name = "A", focus = "mobility", tempo = [0.001]}]`,
		head + nested(MaxDepth+1), head + nested(MaxDepth), head + "a = \"[[[[[[[[[[\"\n" + move,
		"name = \"" + strings.Repeat("n", MaxNameLen+1) + "\"\n" + move,
		head + move + "reps = [" + strings.Repeat("1,", MaxSets) + "1]\n",
		head + move + "about = \"" + strings.Repeat("a", MaxTextLen+1) + "\"\n",
		head + laddered, head + strings.Replace(laddered, "start_level = 2", "start_level = 2\ntop_level = 2", 1),
		head + laddered + "\n[[move.level]]\nreps = [1000, 1000]\nhold = 10\n",
		head + "[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"stability\"\nlevel = [{reps = 2, hold = 1}, {reps = 3, tempo = [1, 2]}]\n",
		head + "[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"stability\"\n[[move.level]]\nreps = 2\n[move.level.x]\nhold = 1\n",
		head + "[" + dotted(MaxKeyParts+1) + "]\n" + move, head + dotted(2000) + " = 1\n" + move,
		head + move + dotted(MaxKeyParts) + " = 1\n", head + "x = {" + dotted(MaxKeyParts+1) + " = 1}\n" + move,
		head + `"a.b".'c.d'.e = 1` + "\n" + move, head + keys(MaxKeys) + move} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.toml", data, nil)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || len(es) > MaxErrors {
				t.Fatalf("error %T with %d entries: %v", err, len(es), err)
			}
			for _, e := range es {
				if e.Msg == "" || e.File != "f.toml" || e.Line < 0 {
					t.Fatalf("bad error entry %+v", *e)
				}
			}
			if r != nil {
				t.Fatal("routine returned with an error")
			}
			return
		}
		if r.Name == "" || len(r.Moves) == 0 || len(r.Moves) > MaxMoves || utf8.RuneCountInString(r.Name) > MaxNameLen {
			t.Fatalf("accepted routine %q with %d moves", r.Name, len(r.Moves))
		}
		if n := totalReps(r); n > MaxTotalReps {
			t.Fatalf("accepted %d reps in all", n)
		}
		if _, msg := CheckShape(string(data)); msg != "" {
			t.Fatalf("accepted a file CheckShape refuses (%s)", msg)
		}
		if d := r.Duration(); d < 0 || d > MaxDuration {
			t.Fatalf("accepted routine lasting %v", d)
		}
		lines := strings.Split(string(data), "\n")
		seen := map[string]bool{}
		for _, m := range r.Moves {
			// The locator either gives up (0) or points at a [[move]] header.
			if m.Line != 0 && (m.Line > len(lines) || !strings.HasPrefix(strings.TrimLeft(lines[m.Line-1], " \t\ufeff"), "[[")) {
				t.Fatalf("move %s: line %d is not a [[move]] header", m.ID, m.Line)
			}
			if !idPattern.MatchString(m.ID) || seen[m.ID] {
				t.Fatalf("bad or duplicate id %q", m.ID)
			}
			seen[m.ID] = true
			if len(m.Reps) == 0 || len(m.Reps) > MaxSets || (m.Hold > 0) == (m.Tempo != nil) || m.RepDuration() <= 0 {
				t.Fatalf("bad dose %+v", m)
			}
			if utf8.RuneCountInString(m.Name) > MaxNameLen || len(m.ID) > MaxIDLen || len(m.Steps) > MaxSteps {
				t.Fatalf("name, id or steps over the limits: %+v", m)
			}
			for _, s := range append([]string{m.About, m.Easier}, m.Steps...) {
				if utf8.RuneCountInString(s) > MaxTextLen {
					t.Fatalf("text over the limit: %q", s)
				}
			}
			for _, n := range m.Reps {
				if n < 1 || n > MaxReps {
					t.Fatalf("bad reps %v", m.Reps)
				}
			}
			if len(m.Levels) > MaxLevels || m.StartLevel < 1 || m.StartLevel > m.TopLevel || m.TopLevel > m.LevelCount() || m.Level != m.StartLevel {
				t.Fatalf("move %s: %d levels, start %d, top %d, at %d", m.ID, len(m.Levels), m.StartLevel, m.TopLevel, m.Level)
			}
			for k := 1; k <= m.LevelCount(); k++ {
				l := m.AtLevel(k)
				if len(l.Reps) == 0 || len(l.Reps) > MaxSets || (l.Hold > 0) == (l.Tempo != nil) || l.RepDuration() <= 0 || l.BetweenReps < 0 {
					t.Fatalf("move %s: bad dose at level %d: %+v", m.ID, k, l)
				}
				if l.EasierVariant() && m.Easier == "" {
					t.Fatalf("move %s: level %d is the easier variant, which the move does not describe", m.ID, k)
				}
			}
			if d := r.WithLevels(map[string]int{m.ID: m.TopLevel}).Duration(); d > MaxDuration {
				t.Fatalf("move %s at its top level: the routine lasts %v", m.ID, d)
			}
		}
	})
}
