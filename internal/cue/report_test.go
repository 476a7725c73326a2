package cue

import (
	"testing"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// The shipped routines can be followed by ear in every language: never
// more than 15 s of silence, every hold of 10 s or more counted down,
// every move named when it starts, every side change said.
func TestVoiceReportShippedRoutines(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
			checkVoiceReport(t, lang, r)
		}
	}
}

func checkVoiceReport(t *testing.T, lang i18n.Lang, r *routine.Routine) {
	t.Helper()
	{
		p, err := schedule.NewPlan(r, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := LoadVoicesIn(lang, r, "")
		rep := Analyze(p, v, DefaultSettings())
		t.Logf("%s %s:\n%s", lang, r.Name, rep)
		if rep.LongestSilence > 15*time.Second {
			t.Errorf("%s: %v of silence at %v, want <= 15 s", r.Name, rep.LongestSilence, rep.SilenceAt)
		}
		if rep.Holds == 0 || rep.HoldsCounted != rep.Holds {
			t.Errorf("%s: %d of %d holds counted down", r.Name, rep.HoldsCounted, rep.Holds)
		}
		if rep.MovesNamed != rep.Moves {
			t.Errorf("%s: %d of %d moves named", r.Name, rep.MovesNamed, rep.Moves)
		}
		if rep.SideChanges == 0 || rep.SidesSpoken != rep.SideChanges {
			t.Errorf("%s: %d of %d side changes spoken", r.Name, rep.SidesSpoken, rep.SideChanges)
		}
	}
}

// Minimal says the names only: no side, set or time.
func TestVoiceDetailMinimal(t *testing.T) {
	p, err := schedule.NewPlan(routine.Big3(), nil)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := LoadVoices(p.Routine, "")
	s := DefaultSettings()
	s.Detail = DetailMinimal
	rep := Analyze(p, v, s)
	if rep.MovesNamed != rep.Moves || rep.SidesSpoken != 0 || rep.Prompts != 2*len(p.Moves) {
		t.Errorf("minimal: %d prompts, %d of %d named, %d sides, want names and nexts only", rep.Prompts, rep.MovesNamed, rep.Moves, rep.SidesSpoken)
	}
	s.Detail = DetailFull
	counted := 0
	for _, sp := range Script(p, v, s) {
		if sp.Text == "2" || sp.Text == "3" {
			counted++
		}
	}
	if counted == 0 {
		t.Error("full: no rep counted aloud")
	}
}
