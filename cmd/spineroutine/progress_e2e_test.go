package main

import (
	"encoding/json"
	"os/exec"
	"testing"

	"spineroutine/internal/routine"
)

// TestProgressBinary runs the real binary's `progress --json` on journals
// written in the documented format and checks the suggestions the rule
// promises: steady good days step up (two moves on one day, the others
// wait), a flare-up morning steps down, and
// numbness flagged today is a safety stop at the easiest levels.
func TestProgressBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	all := routine.Default().IDs()
	nerve := writeDocumentedJournal(t, []jday{
		{day: "2026-11-22", before: 2, after: 3, timed: all},
		{day: "2026-11-23", before: 3, after: 3, timed: all[:2], flags: map[string]string{all[2]: "nerve"}},
	})
	for _, c := range []struct {
		name, data    string
		flare, safety bool
		suggest, curl string
		first         int // moves after the first ones stay (0: none do)
	}{
		{"steady", upJournal(t), false, false, "up",
			"3 sessions on 3 days went well at level 4 (6-4-2 × 10 s): ready for level 5 (7-5-3 × 10 s), " +
				"but at most 2 moves step up on one day, so it waits for another day.", 2},
		{"flare-up", flareJournal(t), true, false, "down",
			"The pain went from 2/10 before the session yesterday to 7/10 today: go back to level 3 (5-3-1 × 10 s)?", 0},
		{"numbness", nerve, false, true, "down",
			"Safety stop today: only the easiest level, level 1 (3-2-1 × 8 s, easier variant).", 0},
	} {
		out, err := exec.Command(bin, "progress", "--json", "--data", c.data, "--day", "2026-11-23").Output()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got decodedProgress
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		if got.Day != "2026-11-23" || got.Flare != c.flare || got.Safety != c.safety || len(got.Moves) != len(all) {
			t.Fatalf("%s: %s", c.name, out)
		}
		for i, m := range got.Moves {
			suggest := c.suggest
			if c.first > 0 && i >= c.first {
				suggest = "stay"
			}
			if m.ID != all[i] || m.Suggest != suggest || (m.ID == "mcgill-curl-up" && m.Why != c.curl) {
				t.Errorf("%s: move %d: %+v", c.name, i, m)
			}
		}
	}
}
