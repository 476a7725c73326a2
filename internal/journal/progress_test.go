package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestProgressEntriesReadBack writes levels, timed moves with their
// level, a flag and a note through the API, opens the journal again and
// reads them back with every query.
func TestProgressEntriesReadBack(t *testing.T) {
	j := openT(t, t.TempDir())
	sunday := monday.Add(-1)
	at := berlinAt(t, "2026-11-22T08:00:00")
	must(t, j.SetLevel(sunday, "curl-up", 3, LevelStart, false, at))
	must(t, j.SetLevel(sunday, "bird-dogs", 2, LevelStart, false, at))
	at = berlinAt(t, "2026-11-23T07:00:00")
	id, err := j.StartSession(at, "default", []string{"curl-up", "bird-dogs"})
	must(t, err)
	must(t, j.SavePain(id, Before, 3, at.Add(time.Second)))
	must(t, j.MarkTimed(id, "curl-up", 3, at.Add(4*time.Minute)))
	must(t, j.FlagMove(id, "bird-dogs", FlagHurts, at.Add(6*time.Minute)))
	must(t, j.SetLevel(monday, "bird-dogs", 1, LevelHurt, true, at.Add(6*time.Minute)))
	must(t, j.MarkTimed(id, "bird-dogs", 1, at.Add(9*time.Minute)))
	must(t, j.SavePain(id, After, 4, at.Add(10*time.Minute)))
	must(t, j.EndSession(id, Finished, at.Add(10*time.Minute)))
	must(t, j.SaveNote(monday, id, "  stiff after the drive ", at.Add(11*time.Minute)))
	must(t, j.SetLevel(monday, "curl-up", 4, LevelSuggested, false, at.Add(12*time.Minute)))

	// The lines are as documented.
	data, err := os.ReadFile(j.Path())
	must(t, err)
	for _, want := range []string{
		`"kind":"level","move":"curl-up","src":"start","level":3}`,
		`"kind":"done","move":"curl-up","src":"timer","session":"` + id + `","level":3}`,
		`"kind":"flag","move":"bird-dogs","session":"` + id + `","flag":"hurts"}`,
		`"kind":"level","move":"bird-dogs","src":"hurt","level":1,"today":true}`,
		`"kind":"note","session":"` + id + `","text":"stiff after the drive"}`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("journal lacks %s:\n%s", want, data)
		}
	}

	j = reopen(t, j)
	lv := func(d Day) map[string]int {
		out := make(map[string]int)
		for m, l := range j.Levels(d) {
			out[m] = l.Level
		}
		return out
	}
	for _, c := range []struct {
		day  Day
		want map[string]int
	}{
		{sunday.Add(-1), map[string]int{}},
		{sunday, map[string]int{"curl-up": 3, "bird-dogs": 2}},
		{monday, map[string]int{"curl-up": 4, "bird-dogs": 1}},           // bird-dogs easier today only
		{monday.Add(1), map[string]int{"curl-up": 4, "bird-dogs": 2}},    // and back the day after
		{monday.Add(3000), map[string]int{"curl-up": 4, "bird-dogs": 2}}, // a level holds on
	} {
		if got := lv(c.day); !reflect.DeepEqual(got, c.want) {
			t.Errorf("levels on %s: %v, want %v", c.day, got, c.want)
		}
	}
	if l := j.Levels(monday)["bird-dogs"]; l.Src != LevelHurt || !l.Today || l.Day != monday {
		t.Errorf("bird-dogs on monday: %+v", l)
	}

	hist := j.LevelHistory(sunday, monday.Add(5))
	var got []string
	for _, sp := range hist["bird-dogs"] {
		got = append(got, sp.From.String()+"="+string(rune('0'+sp.Level.Level))+"/"+string(sp.Level.Src))
	}
	want := []string{"2026-11-22=2/start", "2026-11-23=1/hurt", "2026-11-24=2/start"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bird-dogs history %v, want %v", got, want)
	}
	if h := j.LevelHistory(monday.Add(2), monday.Add(9)); len(h["curl-up"]) != 1 || h["curl-up"][0].From != monday.Add(2) ||
		h["curl-up"][0].Level.Level != 4 {
		t.Errorf("curl-up history later: %+v", h["curl-up"])
	}

	ss := j.Sessions(sunday, monday)
	if len(ss) != 1 {
		t.Fatalf("sessions %+v", ss)
	}
	s := ss[0]
	if s.ID != id || s.Day != monday || s.Routine != "default" || s.Reason != Finished || *s.PainBefore != 3 ||
		*s.PainAfter != 4 || !s.Start.Equal(at) {
		t.Errorf("session %+v", s)
	}
	if want := []TimedMove{{"curl-up", 3}, {"bird-dogs", 1}}; !reflect.DeepEqual(s.Timed, want) {
		t.Errorf("timed %v, want %v", s.Timed, want)
	}
	if f := j.Flags(sunday, monday); len(f) != 1 || f[0].Move != "bird-dogs" || f[0].Kind != FlagHurts ||
		f[0].Session != id || f[0].Day != monday || !reflect.DeepEqual(f, s.Flags) {
		t.Errorf("flags %+v, session flags %+v", f, s.Flags)
	}
	if n := j.Notes(sunday, monday.Add(1)); len(n) != 1 || n[0].Text != "stiff after the drive" || n[0].Day != monday ||
		n[0].Session != id {
		t.Errorf("notes %+v", n)
	}
	if len(j.Sessions(monday.Add(1), monday.Add(30))) != 0 || len(j.Notes(sunday.Add(-9), sunday)) != 0 {
		t.Error("queries outside the period found something")
	}

	// A later note replaces the day's note; an empty one removes it.
	must(t, j.SaveNote(monday, "", "better by the evening", at.Add(time.Hour)))
	if n := j.Notes(monday, monday); len(n) != 1 || n[0].Text != "better by the evening" || n[0].Session != "" {
		t.Errorf("notes after a second one: %+v", n)
	}
	must(t, j.SaveNote(monday, "", "", at.Add(2*time.Hour)))
	if n := reopen(t, j).Notes(monday, monday); len(n) != 0 {
		t.Errorf("notes after removing: %+v", n)
	}
}

// TestProgressRejectsBadInput: the writers refuse what the format does
// not allow, and write nothing.
func TestProgressRejectsBadInput(t *testing.T) {
	j := openT(t, t.TempDir())
	at := berlinAt(t, "2026-11-23T07:00:00")
	id, err := j.StartSession(at, "default", nil)
	must(t, err)
	for name, err := range map[string]error{
		"level 0":       j.SetLevel(monday, "a", 0, LevelHand, false, at),
		"level 100":     j.SetLevel(monday, "a", 100, LevelHand, false, at),
		"no move":       j.SetLevel(monday, "", 1, LevelHand, false, at),
		"source":        j.SetLevel(monday, "a", 1, "guess", false, at),
		"old day":       j.SetLevel(monday.Add(-30), "a", 1, LevelHand, false, at),
		"flag kind":     j.FlagMove(id, "a", "itchy", at),
		"flag session":  j.FlagMove("nope", "a", FlagHurts, at),
		"note length":   j.SaveNote(monday, "", strings.Repeat("é", MaxNote+1), at),
		"note lines":    j.SaveNote(monday, "", "one\ntwo", at),
		"timed session": j.MarkTimed("", "a", 1, at),
		"timed level":   j.MarkTimed(id, "a", 100, at),
		"timed unknown": j.MarkTimed("nope", "a", 1, at),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	must(t, j.SaveNote(monday, "", strings.Repeat("é", MaxNote), at))
	j = reopen(t, j)
	if len(j.Levels(monday)) != 0 || len(j.Flags(monday, monday)) != 0 || len(j.Sessions(monday, monday)[0].Timed) != 0 {
		t.Error("a refused entry was written")
	}
}

// TestProgressFromTheDocumentedFormat reads entries written by hand as
// the package documentation describes them, with bad ones among them.
func TestProgressFromTheDocumentedFormat(t *testing.T) {
	dir := t.TempDir()
	const s = `"session":"s1"`
	writeJournal(t, dir, "journal.jsonl", strings.Join([]string{
		`{"v":1,"ts":"2026-11-20T08:00:00+01:00","day":"2026-11-20","kind":"level","move":"curl-up","level":2,"src":"start"}`,
		`{"v":1,"ts":"2026-11-23T08:00:00+01:00","day":"2026-11-23","kind":"session_start",` + s + `,"routine":"big3","moves":["curl-up"]}`,
		`{"v":1,"ts":"2026-11-23T08:01:00+01:00","day":"2026-11-23","kind":"done","move":"curl-up","src":"timer",` + s + `}`,
		`{"v":1,"ts":"2026-11-23T08:02:00+01:00","day":"2026-11-23","kind":"done","move":"side-planks","src":"timer",` + s + `,"level":5}`,
		`{"v":1,"ts":"2026-11-23T08:03:00+01:00","day":"2026-11-23","kind":"flag",` + s + `,"move":"side-planks","flag":"nerve"}`,
		`{"v":1,"ts":"2026-11-23T08:03:00+01:00","day":"2026-11-23","kind":"flag",` + s + `,"move":"side-planks","flag":"nerve"}`,
		`{"v":1,"ts":"2026-11-23T08:04:00+01:00","day":"2026-11-23","kind":"level","move":"side-planks","level":1,"src":"safety","today":true}`,
		`{"v":1,"ts":"2026-11-23T08:05:00+01:00","day":"2026-11-23","kind":"note","text":"tingling in the left foot \u2014 stopped"}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"level","move":"x","level":0,"src":"hand"}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"level","move":"x","level":2,"src":"guess"}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"flag",` + s + `,"move":"x","flag":"itchy"}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"note","text":"` + strings.Repeat("a", MaxNote+1) + `"}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"done","move":"x","src":"hand","level":0}`,
		`{"v":1,"ts":"2026-11-23T08:06:00+01:00","day":"2026-11-23","kind":"cheer","move":"x"}`,
	}, "\n")+"\n")
	j := loadT(t, dir)
	wantWarnings(t, j, []string{"line 9, 10, 11, 13"}) // a note too long is kept, cut
	ss := j.Sessions(monday, monday)
	if len(ss) != 1 || !reflect.DeepEqual(ss[0].Timed, []TimedMove{{"curl-up", 0}, {"side-planks", 5}}) ||
		len(ss[0].Flags) != 1 || ss[0].Flags[0].Kind != FlagNerve || ss[0].Reason != "" {
		t.Errorf("sessions %+v", ss)
	}
	if l := j.Levels(monday); l["curl-up"].Level != 2 || l["side-planks"].Level != 1 || l["side-planks"].Src != LevelSafety ||
		len(l) != 2 {
		t.Errorf("levels %+v", l)
	}
	if n := j.Notes(monday, monday); len(n) != 1 || n[0].Text != strings.Repeat("a", MaxNote-1)+"…" {
		t.Errorf("notes %+v", n)
	}
}

// TestProgressOfArchivedDays: the days the checkpoint archives keep their
// sessions, levels, flags and notes, as the entries say.
func TestProgressOfArchivedDays(t *testing.T) {
	dir := t.TempDir()
	_, last := writeYears(t, dir, 1, fiveMoves, false)
	first := last.Add(1 - 365)
	must(t, openT(t, dir).Close()) // saves the checkpoint
	if _, err := os.Stat(filepath.Join(dir, checkpointName)); err != nil {
		t.Fatal(err)
	}
	j := loadT(t, dir)
	for _, i := range []int{45, 63, 90, 200, 315} { // day i of writeYears
		d := first.Add(i)
		if !d.Before(j.st.arch.cutoff) {
			t.Fatalf("day %d (%s) is not archived (cut-off %s)", i, d, j.st.arch.cutoff)
		}
		ss := j.Sessions(d, d)
		if len(ss) != 1 || len(ss[0].Timed) != len(fiveMoves) || ss[0].Reason != Finished || *ss[0].PainBefore != i%11 {
			t.Fatalf("day %d: %+v", i, ss)
		}
		for k, tm := range ss[0].Timed {
			if tm.Move != fiveMoves[k] || tm.Level != 1+(i/7+k)%5 {
				t.Errorf("day %d: timed %v", i, ss[0].Timed)
			}
		}
		if flagged := len(ss[0].Flags) == 1 && ss[0].Flags[0].Move == fiveMoves[1]; flagged != (i%9 == 0) {
			t.Errorf("day %d: flags %+v", i, ss[0].Flags)
		}
		if n := j.Notes(d, d); (len(n) == 1) != (i%5 == 0) {
			t.Errorf("day %d: notes %+v", i, n)
		}
		if i%7 == 0 {
			m := fiveMoves[i%len(fiveMoves)]
			if l := j.Levels(d)[m]; l.Level != 1+i/7%5 || l.Day != d || l.Today != (i%21 == 0) {
				t.Errorf("day %d: level of %s %+v", i, m, l)
			}
		}
	}
	must(t, os.Remove(filepath.Join(dir, checkpointName)))
	if a, b := progressView(j, first, last), progressView(loadT(t, dir), first, last); a != b {
		t.Errorf("from the checkpoint:\n%s\nfrom the files:\n%s", a, b)
	}
}
