package ui

import (
	"math/rand/v2"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
)

// The window words the rule's reasons from their data through lang; in
// English it must say exactly what the rule itself says (its Why, the
// progress command's words), for every kind of reason: 2 × 300 days of a
// journal with good days, painful ones, missed check-ins, flags, flare-ups,
// stops and levels set by hand.
func TestReasonWordsAreTheRulesInEnglish(t *testing.T) {
	r := routine.Big3()
	r.Moves[0].TopLevel = 3 // a physio's cap: reached soon, and set above by hand
	moves := progressMoves(r)
	p := progress.Defaults()
	p.MaxUps = 1
	p.DownAfter = 7 // an after of 6 is too high, not a step down
	kinds := map[progress.ReasonKind]bool{}
	sessions := map[progress.SessionKind]bool{}
	flare, stop := false, false
	for seed := range uint64(2) {
		j, err := journal.Open(t.TempDir(), journal.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { j.Close() })
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		rnd := rand.New(rand.NewPCG(seed, 35))
		first := journal.NewDay(2026, time.September, 1)
		gap := 0
		for i := range 300 {
			d := first.Add(i)
			at := d.Start(time.UTC).Add(8 * time.Hour)
			calm := i/25%2 == 0 // every other 25 days go well
			if !calm && (gap > 0 || rnd.IntN(20) == 0) {
				gap = max(gap-1, rnd.IntN(5)) // no session for a few days
				continue
			}
			id, err := j.StartSession(at, "big3", nil)
			must(err)
			before := []int{1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 7, 8}[rnd.IntN(32)]
			if calm {
				before = 2
			}
			if calm || rnd.IntN(20) > 0 {
				must(j.SavePain(id, journal.Before, before, at.Add(time.Second)))
			}
			res := progress.Evaluate(progress.Read(j, d, moves), p)
			worded := reasonWords(res, r)
			if res.Flare {
				flare = true
				if worded.FlareWhy != res.FlareWhy {
					t.Errorf("%s flare-up:\n window %q\n rule   %q", d, worded.FlareWhy, res.FlareWhy)
				}
			}
			if res.Safety {
				stop = true
				if worded.SafetyWhy != res.SafetyWhy {
					t.Errorf("%s stop:\n window %q\n rule   %q", d, worded.SafetyWhy, res.SafetyWhy)
				}
			}
			for k, a := range res.Moves {
				kinds[a.Reason.Kind] = true
				if a.Reason.Session.Kind != "" {
					sessions[a.Reason.Session.Kind] = true
				}
				if got := worded.Moves[k].Why; got != a.Why {
					t.Errorf("%s %s (%s/%s):\n window %q\n rule   %q", d, a.ID, a.Reason.Kind, a.Reason.Session.Kind, got, a.Why)
				}
				if a.Suggest != progress.Stay && rnd.IntN(4) > 0 {
					must(j.SetLevel(d, a.ID, a.To, journal.LevelSuggested, false, at.Add(2*time.Second)))
				}
			}
			if rnd.IntN(25) == 0 {
				m := r.Moves[rnd.IntN(len(r.Moves))]
				must(j.SetLevel(d, m.ID, min(m.TopLevel+rnd.IntN(2), m.LevelCount()), journal.LevelHand, false, at.Add(3*time.Second)))
			}
			levels := j.Levels(d)
			for k, m := range r.Moves {
				mAt := at.Add(time.Duration(k+1) * time.Minute)
				switch rnd.IntN(100) + 100*b2i(calm) {
				case 0:
					must(j.FlagMove(id, m.ID, journal.FlagHurts, mAt))
					continue
				case 1:
					must(j.FlagMove(id, m.ID, journal.FlagNerve, mAt))
					continue
				}
				lv := m.StartLevel
				if l, ok := levels[m.ID]; ok {
					lv = l.Level
				}
				must(j.MarkTimed(id, m.ID, lv, mAt))
			}
			if calm {
				must(j.SavePain(id, journal.After, 3, at.Add(10*time.Minute)))
			} else if rnd.IntN(20) > 0 {
				after := min(before+[]int{-1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 3, 4}[rnd.IntN(14)], 10)
				must(j.SavePain(id, journal.After, max(after, 0), at.Add(10*time.Minute)))
			}
			must(j.EndSession(id, journal.Finished, at.Add(10*time.Minute)))
		}
	}
	if !flare || !stop {
		t.Errorf("flare-up seen %v, stop seen %v: the days do not cover them", flare, stop)
	}
	for _, k := range []progress.ReasonKind{progress.ReasonAboveTop, progress.ReasonNoSession, progress.ReasonDown,
		progress.ReasonDownAtFirst, progress.ReasonNotGood, progress.ReasonTop, progress.ReasonUp,
		progress.ReasonCounting, progress.ReasonBlocked, progress.ReasonSafety, progress.ReasonWait} {
		if !kinds[k] {
			t.Errorf("no reason %s in the days", k)
		}
	}
	for _, k := range []progress.SessionKind{progress.SessionFlagged, progress.SessionAfter, progress.SessionMissing,
		progress.SessionAfterHigh, progress.SessionRose, progress.SessionWaitNext, progress.SessionNoNext,
		progress.SessionNext} {
		if !sessions[k] {
			t.Errorf("no session reason %s in the days", k)
		}
	}
}

// b2i is 1 for true.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
