package main

import (
	"encoding/json"
	"os/exec"
	"testing"

	"spineroutine/internal/routine"
)

// TestProgressBinary runs the real binary's `progress --json` on journals
// written in the documented format and checks the suggestions the rule
// promises: a flare-up, and a safety stop after numbness was flagged.
func TestProgressBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	all := routine.Default().IDs()
	nerve := writeDocumentedJournal(t, []jday{
		{day: "2026-11-22", before: 2, after: 3, timed: all, level: 1},
		{day: "2026-11-23", before: 3, after: 3, timed: all[:2], level: 1,
			flags: map[string]string{all[2]: "nerve"}},
	})
	for _, c := range []struct {
		name, data   string
		flare, stop  bool
		first, third string
	}{
		{"flare-up", flareJournal(t), true, false,
			"The pain went from 2/10 before the session yesterday to 7/10 today, and this is already the easiest step: " +
				"keep it gentle, leave it out, or ask your physiotherapist.",
			"You flagged it as hurting yesterday, and this is already the easiest step: keep it gentle, leave it out, " +
				"or ask your physiotherapist."},
		{"numbness", nerve, false, true,
			"Safety stop today: step 1 (8 reps) is the easiest step; no step up today.",
			"Safety stop today: step 1 (12-12 reps) is the easiest step; no step up today."},
	} {
		out, err := exec.Command(bin, "progress", "--json", "--data", c.data, "--day", "2026-11-23").Output()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got decodedProgress
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		if got.Day != "2026-11-23" || got.Flare != c.flare || got.Safety != c.stop || len(got.Moves) != len(all) ||
			got.Moves[0].ID != all[0] || got.Moves[0].Why != c.first || got.Moves[2].Why != c.third {
			t.Errorf("%s: %s", c.name, out)
		}
	}
}
