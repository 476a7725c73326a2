package routine

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// levelReps lists the reps typed in each level of m.
func levelReps(m DraftMove) []string {
	var out []string
	for _, l := range m.Levels {
		out = append(out, l.Reps)
	}
	return out
}

// A move's dose becomes a ladder, grows, shrinks and is reordered; the
// start and the top stay on their levels, and the checked routine says
// the same.
func TestDraftLevelEdits(t *testing.T) {
	d := NewDraft(plain(Default()))
	const curl = 7 // McGill Curl-Up, 6-4-2 holds of 10 s, without levels yet
	m := &d.Moves[curl]
	m.AddLevels()
	if got := levelReps(*m); !reflect.DeepEqual(got, []string{"6-4-2"}) || m.Start() != 1 || m.Top() != 1 {
		t.Fatalf("after AddLevels: %v start %d top %d", got, m.Start(), m.Top())
	}
	before, _ := d.MoveDuration(curl)
	if n := m.AddLevel(); n != 2 {
		t.Fatalf("AddLevel gave level %d", n)
	}
	m.Levels[1].Reps = "7-5-3"
	m.AddLevel()
	m.Levels[2].Reps = "8-6-4"
	m.Levels[2].UseTempo, m.Levels[2].Tempo = true, "2-2"
	m.StartLevel, m.TopLevel = 2, 2
	r, err := d.Check(nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, d.TOML())
	}
	c, _ := r.Find("mcgill-curl-up")
	if c.LevelCount() != 3 || c.Level != 2 || c.TopLevel != 2 || !reflect.DeepEqual(c.Reps, []int{7, 5, 3}) {
		t.Errorf("checked: %d levels, at %d, top %d, reps %v", c.LevelCount(), c.Level, c.TopLevel, c.Reps)
	}
	if d1, ok := d.LevelDuration(curl, 1); !ok || d1 != before {
		t.Errorf("level 1 lasts %v (%v), want the old dose's %v", d1, ok, before)
	}
	// 15 holds of 10 s, 12 gaps of 2 s, 2 pauses of 15 s.
	if d2, _ := d.MoveDuration(curl); d2 != 204*time.Second {
		t.Errorf("the move lasts %v at its start level 2, want 3m24s", d2)
	}
	if d3, ok := d.LevelDuration(curl, 3); !ok || d3 != 18*4*time.Second+15*2*time.Second+30*time.Second {
		t.Errorf("level 3 lasts %v (%v)", d3, ok)
	}
	if _, ok := d.LevelDuration(curl, 4); ok {
		t.Error("level 4 has a time")
	}

	m.MoveLevel(2, +1) // 6-4-2, 8-6-4, 7-5-3: start and top follow 7-5-3
	if got := levelReps(*m); !reflect.DeepEqual(got, []string{"6-4-2", "8-6-4", "7-5-3"}) || m.StartLevel != 3 || m.TopLevel != 3 {
		t.Errorf("after moving level 2 up: %v start %d top %d", got, m.StartLevel, m.TopLevel)
	}
	m.MoveLevel(1, -1) // nothing below level 1
	m.MoveLevel(3, +1) // nothing above the last
	if got := levelReps(*m); !reflect.DeepEqual(got, []string{"6-4-2", "8-6-4", "7-5-3"}) {
		t.Errorf("moves past the ends changed the ladder: %v", got)
	}
	m.RemoveLevel(1)
	if got := levelReps(*m); !reflect.DeepEqual(got, []string{"8-6-4", "7-5-3"}) || m.StartLevel != 2 || m.TopLevel != 2 {
		t.Errorf("after removing level 1: %v start %d top %d", got, m.StartLevel, m.TopLevel)
	}
	m.RemoveLevel(2) // the start's and the top's own level: they go down
	if got := levelReps(*m); !reflect.DeepEqual(got, []string{"8-6-4"}) || m.StartLevel != 1 || m.TopLevel != 1 {
		t.Errorf("after removing level 2: %v start %d top %d", got, m.StartLevel, m.TopLevel)
	}
	m.RemoveLevel(1) // the last level: the move has its own dose again
	if len(m.Levels) != 0 || m.Reps != "8-6-4" || !m.UseTempo || m.Tempo != "2-2" || m.StartLevel != 0 {
		t.Errorf("after removing the last level: %+v", *m)
	}
	text := string(d.TOML())
	if strings.Contains(text, "[[move.level]]") || strings.Contains(text, "_level") {
		t.Errorf("a move without levels is written with levels:\n%s", text)
	}
	if _, err := d.Check(nil); err != nil {
		t.Error(err)
	}
}

// A level's problems name its field with its level.
func TestDraftLevelProblems(t *testing.T) {
	d := NewDraft(plain(Big3()))
	m := &d.Moves[1]
	m.AddLevels()
	m.AddLevel()
	m.Levels[1].Hold = "0"
	m.Levels[0].Easier = true
	m.TopLevel = 3
	_, err := d.Check(nil)
	var es Errors
	if !asErrors(err, &es) {
		t.Fatalf("no problems: %v", err)
	}
	got := map[Field]string{}
	for _, e := range es {
		f, msg := FieldOf(e)
		got[f] = msg
	}
	want := map[Field]string{
		{Move: 2, Key: "top_level"}:      "top_level is 3, but the move has 2 levels",
		{Move: 2, Level: 2, Key: "hold"}: "hold must be more than 0",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems %v\nwant %v", got, want)
	}
}

func asErrors(err error, es *Errors) bool {
	e, ok := err.(Errors)
	*es = e
	return ok
}
