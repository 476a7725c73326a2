package report

import (
	"strings"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// daysSource is a journal of the given moves done per day (from from).
type daysSource struct {
	from  journal.Day
	moves [][]string
}

func (s daysSource) Days(from, to journal.Day) []journal.DaySummary {
	var out []journal.DaySummary
	for d := to; !d.Before(from); d = d.Add(-1) {
		sum := journal.DaySummary{Date: d}
		if i := d.Sub(s.from); i >= 0 && i < len(s.moves) {
			for _, m := range s.moves[i] {
				sum.Done = append(sum.Done, journal.Tick{Move: m, Src: journal.Timer})
			}
		}
		out = append(out, sum)
	}
	return out
}
func (daysSource) Levels(journal.Day) map[string]journal.Level { return nil }
func (daysSource) Ratings(journal.Day) []journal.Rating        { return nil }
func (daysSource) LevelHistory(journal.Day, journal.Day) map[string][]journal.LevelSpan {
	return nil
}
func (daysSource) Flags(journal.Day, journal.Day) []journal.Flag { return nil }
func (daysSource) Notes(journal.Day, journal.Day) []journal.Note { return nil }

func TestBuildGapsAndMoves(t *testing.T) {
	from := journal.NewDay(2026, 11, 1)
	x := []string{"bird-dogs"}
	for _, tc := range []struct {
		name       string
		moves      [][]string
		days       int
		done, gap  int
		gapFrom    int
		birdDogs   int
		extraMoves int
	}{
		{"nothing", nil, 7, 0, 7, 0, 0, 0},
		{"every day", [][]string{x, x, x}, 3, 3, 0, 0, 3, 0},
		{"gap at the end", [][]string{x, nil, x, nil, nil}, 5, 2, 2, 3, 2, 0},
		{"gap at the start", [][]string{nil, nil, nil, x, nil}, 5, 1, 3, 0, 1, 0},
		{"a deleted move", [][]string{{"old-move", "bird-dogs"}}, 1, 1, 0, 0, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := routine.Default()
			rep, err := Build(daysSource{from, tc.moves}, r, from, from.Add(tc.days-1), time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.DaysDone != tc.done || rep.Gap.Length != tc.gap {
				t.Errorf("%d days done, gap %d; want %d, %d", rep.DaysDone, rep.Gap.Length, tc.done, tc.gap)
			}
			if tc.gap > 0 && (rep.Gap.From != from.Add(tc.gapFrom) || rep.Gap.To != from.Add(tc.gapFrom+tc.gap-1)) {
				t.Errorf("gap %s to %s, want from day %d", rep.Gap.From, rep.Gap.To, tc.gapFrom)
			}
			if len(rep.Moves) != len(r.Moves)+tc.extraMoves {
				t.Errorf("%d move rows, want %d", len(rep.Moves), len(r.Moves)+tc.extraMoves)
			}
			for _, m := range rep.Moves {
				if m.ID == "bird-dogs" && m.Days != tc.birdDogs {
					t.Errorf("bird dogs on %d days, want %d", m.Days, tc.birdDogs)
				}
				if m.ID == "old-move" && (m.InRoutine || m.Days != 1) {
					t.Errorf("the deleted move: %+v", m)
				}
			}
		})
	}
}

func TestPeriod(t *testing.T) {
	today := journal.NewDay(2026, 11, 28)
	day := func(s string) journal.Day {
		if s == "" {
			return journal.Day{}
		}
		d, err := journal.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		from, to, wantFrom, wantTo, err string
	}{
		{"", "", "2026-11-01", "2026-11-28", ""},
		{"", "2026-10-31", "2026-10-04", "2026-10-31", ""},
		{"2026-11-20", "", "2026-11-20", "2026-11-28", ""},
		{"2026-11-28", "2026-11-28", "2026-11-28", "2026-11-28", ""},
		{"2026-11-20", "2026-11-10", "", "", "after its end"},
		{"", "2026-11-29", "", "", "after today"},
		{"2025-11-27", "", "", "", "at most 366"},
		{"2025-11-28", "", "2025-11-28", "2026-11-28", ""},
	} {
		from, to, err := Period(day(tc.from), day(tc.to), today)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q..%q: error %v, want %q", tc.from, tc.to, err, tc.err)
			}
			continue
		}
		if err != nil || from != day(tc.wantFrom) || to != day(tc.wantTo) {
			t.Errorf("%q..%q: %s..%s, %v; want %s..%s", tc.from, tc.to, from, to, err, tc.wantFrom, tc.wantTo)
		}
	}
}
