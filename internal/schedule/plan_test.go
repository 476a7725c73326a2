package schedule

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

const sec = time.Second

// testRoutine builds a routine in code: get ready 10 s, rest 20 s, switch
// 5 s, between sets 15 s unless a move overrides them.
func testRoutine(moves ...routine.Move) *routine.Routine {
	r := &routine.Routine{Name: "test", GetReady: 10 * sec, Rest: 20 * sec,
		Switch: 5 * sec, BetweenSets: 15 * sec, Source: "test"}
	for i, m := range moves {
		if m.ID == "" {
			m.ID = fmt.Sprintf("m%d", i+1)
		}
		if m.Name == "" {
			m.Name = strings.ToUpper(m.ID)
		}
		if m.Sides == "" {
			m.Sides = routine.NoSides
		}
		r.Moves = append(r.Moves, m)
	}
	return r
}

// birdDogs is the worked example of the routine package: 322 s of sets.
func birdDogs() routine.Move {
	return routine.Move{ID: "bird-dogs", Name: "Bird Dogs", Sides: routine.Alternate,
		Reps: []int{6, 4, 2}, Hold: 10 * sec, BetweenReps: 2 * sec, BetweenSets: 20 * sec, Rest: 20 * sec}
}

func mustPlan(t testing.TB, r *routine.Routine, ids ...string) *Plan {
	t.Helper()
	p, err := NewPlan(r, ids)
	if err != nil {
		t.Fatalf("NewPlan: %v", err)
	}
	return p
}

// checkTiling asserts the invariants every plan must keep.
func checkTiling(t testing.TB, p *Plan) {
	t.Helper()
	var at time.Duration
	for i, s := range p.Steps {
		if s.Index != i {
			t.Fatalf("step %d has Index %d", i, s.Index)
		}
		if s.Start != at {
			t.Fatalf("step %d starts at %v, want %v (gap or overlap)", i, s.Start, at)
		}
		if s.Dur <= 0 {
			t.Fatalf("step %d (%s) has duration %v", i, s.Kind, s.Dur)
		}
		at = s.End()
	}
	if at != p.Total {
		t.Fatalf("steps end at %v, Total is %v", at, p.Total)
	}
}

func kinds(p *Plan) string {
	var b strings.Builder
	for _, s := range p.Steps {
		switch s.Kind {
		case GetReady:
			b.WriteString("G")
		case Work:
			switch s.Side {
			case Left:
				b.WriteString("L")
			case Right:
				b.WriteString("R")
			default:
				b.WriteString("W")
			}
		case Gap:
			b.WriteString("g")
		case Switch:
			b.WriteString("S")
		case BetweenSets:
			b.WriteString("B")
		case Rest:
			b.WriteString("|")
		}
	}
	return b.String()
}

func TestNewPlanShapes(t *testing.T) {
	tempo := []time.Duration{3 * sec, 1 * sec, 2 * sec}
	tests := []struct {
		name  string
		move  routine.Move
		shape string // step kinds after get ready
		works time.Duration
	}{
		{"none hold one rep", routine.Move{Reps: []int{1}, Hold: 30 * sec}, "W", 30 * sec},
		{"none hold reps gap", routine.Move{Reps: []int{3}, Hold: 5 * sec, BetweenReps: 2 * sec}, "WgWgW", 5 * sec},
		{"none hold reps no gap", routine.Move{Reps: []int{3}, Hold: 5 * sec}, "WWW", 5 * sec},
		{"none tempo sets", routine.Move{Reps: []int{2, 2}, Tempo: tempo, BetweenReps: sec, BetweenSets: 10 * sec}, "WgWBWgW", 6 * sec},
		{"none sets no between", routine.Move{Reps: []int{1, 1}, Hold: 5 * sec}, "WW", 5 * sec},
		{"alternate hold", routine.Move{Sides: routine.Alternate, Reps: []int{2}, Hold: 4 * sec, BetweenReps: sec}, "LgRgLgR", 4 * sec},
		{"alternate tempo no gap", routine.Move{Sides: routine.Alternate, Reps: []int{1, 2}, Tempo: tempo, BetweenSets: 3 * sec}, "LRBLRLR", 6 * sec},
		{"each hold", routine.Move{Sides: routine.Each, Reps: []int{2}, Hold: 20 * sec, BetweenReps: 3 * sec}, "LgLSRgR", 20 * sec},
		{"each tempo sets", routine.Move{Sides: routine.Each, Reps: []int{1, 1}, Tempo: tempo, BetweenSets: 5 * sec}, "LSRBLSR", 6 * sec},
		{"each one rep no gap", routine.Move{Sides: routine.Each, Reps: []int{3}, Hold: 2 * sec}, "LLLSRRR", 2 * sec},
		{"bird dogs", birdDogs(), "LgRgLgRgLgRgLgRgLgRgLgRBLgRgLgRgLgRgLgRBLgRgLgR", 10 * sec},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := testRoutine(tt.move)
			p := mustPlan(t, r)
			checkTiling(t, p)
			if got := kinds(p); got != "G"+tt.shape {
				t.Errorf("shape %q, want %q", got, "G"+tt.shape)
			}
			m := r.Moves[0]
			if want := r.GetReady + m.Duration(r.Switch); p.Total != want {
				t.Errorf("Total %v, want %v", p.Total, want)
			}
			if p.Total != r.Duration() {
				t.Errorf("Total %v, routine says %v", p.Total, r.Duration())
			}
			for _, s := range p.Steps {
				if s.Kind == Work && s.Dur != tt.works {
					t.Errorf("work step %d lasts %v, want %v", s.Index, s.Dur, tt.works)
				}
				if s.Kind == Work && (s.Phases == nil) != (m.Tempo == nil) {
					t.Errorf("work step %d phases %v, move tempo %v", s.Index, s.Phases, m.Tempo)
				}
			}
		})
	}
}

func TestBirdDogsWorkedExample(t *testing.T) {
	r := testRoutine(birdDogs())
	r.GetReady = 0
	p := mustPlan(t, r)
	if p.Total != 322*sec {
		t.Fatalf("Total %v, want 322s", p.Total)
	}
	// Set 2 starts after 142 s of set 1 and 20 s between sets.
	bs := p.Steps[23]
	if bs.Kind != BetweenSets || bs.Start != 142*sec || bs.Dur != 20*sec || bs.Set != 2 {
		t.Errorf("step 23 = %+v, want between_sets of set 2 at 142s for 20s", bs)
	}
	w := p.Steps[24]
	if w.Kind != Work || w.Set != 2 || w.Rep != 1 || w.Side != Left || w.Reps != 4 || w.Sets != 3 {
		t.Errorf("step 24 = %+v, want set 2 rep 1 left of 4", w)
	}
	last := p.Steps[len(p.Steps)-1]
	if last.Set != 3 || last.Rep != 2 || last.Side != Right || last.End() != 322*sec {
		t.Errorf("last step = %+v", last)
	}
}

func TestNewPlanSelectionAndRests(t *testing.T) {
	a := routine.Move{ID: "a", Reps: []int{1}, Hold: 5 * sec, Rest: 7 * sec}
	b := routine.Move{ID: "b", Reps: []int{1}, Hold: 6 * sec, Rest: 0}
	c := routine.Move{ID: "c", Reps: []int{1}, Hold: 8 * sec, Rest: 9 * sec}
	r := testRoutine(a, b, c)
	tests := []struct {
		ids   []string
		shape string
		total time.Duration
		moves string
	}{
		{nil, "GW|WW", 10*sec + 5*sec + 7*sec + 6*sec + 8*sec, "a,b,c"},
		{[]string{"c", "a"}, "GW|W", 10*sec + 5*sec + 7*sec + 8*sec, "a,c"},
		{[]string{"b"}, "GW", 16 * sec, "b"},
		{[]string{"c"}, "GW", 18 * sec, "c"}, // no rest after the last move
	}
	for _, tt := range tests {
		p := mustPlan(t, r, tt.ids...)
		checkTiling(t, p)
		var ids []string
		for _, m := range p.Moves {
			ids = append(ids, m.ID)
		}
		if got := kinds(p); got != tt.shape || p.Total != tt.total || strings.Join(ids, ",") != tt.moves {
			t.Errorf("ids %v: shape %q total %v moves %v, want %q %v %v", tt.ids, got, p.Total, ids, tt.shape, tt.total, tt.moves)
		}
		if p.Total != r.Duration(tt.ids...) {
			t.Errorf("ids %v: Total %v, routine says %v", tt.ids, p.Total, r.Duration(tt.ids...))
		}
	}
	// Rest and get-ready belong to the move that follows.
	p := mustPlan(t, r)
	if p.Steps[0].Move != "a" || p.Steps[2].Kind != Rest || p.Steps[2].Move != "b" || p.Steps[2].MoveIndex != 1 {
		t.Errorf("ownership of pauses wrong: %+v", p.Steps[:3])
	}
	if p.MoveStart(1) != 2 || p.FirstWork(1) != 3 || p.MoveStart(2) != 4 || p.FirstWork(2) != 4 || p.LastWork(0) != 1 {
		t.Errorf("MoveStart/FirstWork wrong: %d %d %d %d %d", p.MoveStart(1), p.FirstWork(1), p.MoveStart(2), p.FirstWork(2), p.LastWork(0))
	}
	if p.MoveStart(3) != -1 || p.FirstWork(-1) != -1 {
		t.Error("out of range moves should give -1")
	}
}

func TestNewPlanErrors(t *testing.T) {
	r := testRoutine(routine.Move{ID: "a", Reps: []int{1}, Hold: sec}, routine.Move{ID: "b", Reps: []int{1}, Hold: sec})
	_, err := NewPlan(r, []string{"a", "zz", "yy"})
	if err == nil || !strings.Contains(err.Error(), "zz, yy") || !strings.Contains(err.Error(), "valid ids: a, b") {
		t.Errorf("unknown ids: err = %v", err)
	}
	if _, err := NewPlan(testRoutine(), nil); err == nil {
		t.Error("empty routine: want an error")
	}
	if _, err := NewPlan(nil, nil); err == nil {
		t.Error("nil routine: want an error")
	}
	bad := []routine.Move{
		{ID: "x", Reps: nil, Hold: sec},
		{ID: "x", Reps: []int{0}, Hold: sec},
		{ID: "x", Reps: []int{1}},
		{ID: "x", Reps: []int{1}, Tempo: []time.Duration{0, 0}},
		{ID: "x", Reps: []int{1}, Hold: sec, BetweenReps: -sec},
	}
	for _, m := range bad {
		if _, err := NewPlan(testRoutine(m), nil); err == nil {
			t.Errorf("move %+v: want an error", m)
		}
	}
}

func TestStepAt(t *testing.T) {
	p := mustPlan(t, testRoutine(routine.Move{Reps: []int{2}, Hold: 5 * sec, BetweenReps: sec}))
	// G 0-10, W 10-15, g 15-16, W 16-21
	tests := []struct {
		off  time.Duration
		want int
	}{{-sec, 0}, {0, 0}, {10*sec - 1, 0}, {10 * sec, 1}, {15 * sec, 2}, {16 * sec, 3}, {21 * sec, 3}, {time.Hour, 3}}
	for _, tt := range tests {
		if got := p.StepAt(tt.off); got != tt.want {
			t.Errorf("StepAt(%v) = %d, want %d", tt.off, got, tt.want)
		}
	}
}

type cueKey struct {
	At   time.Duration
	Kind CueKind
	N    int
	Move string
	Step int
}

func cueKeys(cues []Cue) []cueKey {
	var out []cueKey
	for _, c := range cues {
		out = append(out, cueKey{c.At, c.Kind, c.N, c.Move, c.Step})
	}
	return out
}

func TestCuesWorked(t *testing.T) {
	// G 0-10 | W 10-40 (hold 30, halfway 25, 10 s left at 30, counted down
	// 37-39) | rest 40-60 (get ready at 54) | each move: L 60-66 tempo 3+3,
	// S 66-68 (short switch: no countdown) R 68-74 | done.
	r := testRoutine(
		routine.Move{ID: "hold", Reps: []int{1}, Hold: 30 * sec, Rest: 20 * sec},
		routine.Move{ID: "tempo", Sides: routine.Each, Reps: []int{1}, Tempo: []time.Duration{3 * sec, 3 * sec}},
	)
	r.Switch = 2 * sec
	p := mustPlan(t, r)
	checkTiling(t, p)
	want := []cueKey{
		{0, CueNext, 0, "hold", 0},
		{7 * sec, CueCountdown, 3, "hold", 0},
		{8 * sec, CueCountdown, 2, "hold", 0},
		{9 * sec, CueCountdown, 1, "hold", 0},
		{10 * sec, CueStart, 0, "hold", 1},
		{20 * sec, CueTimeLeft, 20, "hold", 1},
		{25 * sec, CueHalfway, 0, "hold", 1},
		{30 * sec, CueTimeLeft, 10, "hold", 1},
		{37 * sec, CueCountdown, 3, "hold", 1},
		{38 * sec, CueCountdown, 2, "hold", 1},
		{39 * sec, CueCountdown, 1, "hold", 1},
		{40 * sec, CueRelease, 0, "hold", 1},
		{40 * sec, CueRest, 0, "tempo", 2},
		{40 * sec, CueNext, 0, "tempo", 2},
		{54 * sec, CueGetReady, 0, "tempo", 2},
		{57 * sec, CueCountdown, 3, "tempo", 2},
		{58 * sec, CueCountdown, 2, "tempo", 2},
		{59 * sec, CueCountdown, 1, "tempo", 2},
		{60 * sec, CueStart, 0, "tempo", 3},
		{63 * sec, CueTempo, 2, "tempo", 3},
		{66 * sec, CueSwitch, 0, "tempo", 4},
		{68 * sec, CueRep, 0, "tempo", 5},
		{71 * sec, CueTempo, 2, "tempo", 5},
		{74 * sec, CueDone, 0, "tempo", 5},
	}
	got := cueKeys(p.Cues)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cues:\n got %v\nwant %v", got, want)
	}
	if p.Cues[4].Side != NoSide || p.Cues[18].Side != Left || p.Cues[21].Side != Right {
		t.Errorf("sides: %v %v %v", p.Cues[4].Side, p.Cues[18].Side, p.Cues[21].Side)
	}
}

func TestCuesNoGetReadyBackToBack(t *testing.T) {
	r := testRoutine(routine.Move{ID: "a", Reps: []int{2, 2}, Hold: 2 * sec, BetweenSets: 2 * sec})
	r.GetReady = 0
	p := mustPlan(t, r)
	// W 0-2 W 2-4 B 4-6 W 6-8 W 8-10: releases only where no work follows.
	want := []cueKey{
		{0, CueStart, 0, "a", 0},
		{2 * sec, CueRep, 0, "a", 1},
		{4 * sec, CueRelease, 0, "a", 1},
		{4 * sec, CueRest, 0, "a", 2},
		{6 * sec, CueRep, 0, "a", 3},
		{8 * sec, CueRep, 0, "a", 4},
		{10 * sec, CueRelease, 0, "a", 4},
		{10 * sec, CueDone, 0, "a", 4},
	}
	if got := cueKeys(p.Cues); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cues:\n got %v\nwant %v", got, want)
	}
	// The last set's first rep is flagged even without a countdown.
	if !p.Cues[4].LastSet || p.Cues[0].LastSet || p.Cues[5].LastSet {
		t.Errorf("LastSet flags: %+v", p.Cues)
	}
}

func TestMarshalJSON(t *testing.T) {
	r := testRoutine(routine.Move{ID: "a", Reps: []int{1}, Hold: 7500 * time.Millisecond})
	r.GetReady = 250 * time.Millisecond
	p := mustPlan(t, r)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"routine":"test","total_s":7.75,"steps":[` +
		`{"start_s":0,"dur_s":0.25,"kind":"get_ready","move":"a","set":0,"rep":0,"side":""},` +
		`{"start_s":0.25,"dur_s":7.5,"kind":"work","move":"a","set":1,"rep":1,"side":""}],` +
		`"cues":[{"at_s":0,"kind":"next","move":"a","n":0},{"at_s":0.25,"kind":"start","move":"a","n":0},` +
		`{"at_s":7.75,"kind":"release","move":"a","n":0},{"at_s":7.75,"kind":"done","move":"a","n":0}]}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

func TestSecondsAndClock(t *testing.T) {
	tests := []struct {
		d           time.Duration
		secs, clock string
	}{
		{0, "0", "0:00.000"},
		{7500 * time.Millisecond, "7.5", "0:07.500"},
		{322 * sec, "322", "5:22.000"},
		{250 * time.Millisecond, "0.25", "0:00.250"},
		{1 * time.Millisecond, "0.001", "0:00.001"},
		{1499 * time.Microsecond, "0.001", "0:00.001"},
		{3723 * sec, "3723", "1:02:03.000"},
		{-1500 * time.Millisecond, "-1.5", "-0:01.500"},
	}
	for _, tt := range tests {
		if got := FormatSeconds(tt.d); got != tt.secs {
			t.Errorf("FormatSeconds(%v) = %q, want %q", tt.d, got, tt.secs)
		}
		if got := FormatOffset(tt.d); got != tt.clock {
			t.Errorf("FormatOffset(%v) = %q, want %q", tt.d, got, tt.clock)
		}
	}
}

func TestWriteTable(t *testing.T) {
	r := testRoutine(routine.Move{ID: "a", Sides: routine.Each, Reps: []int{1, 1}, Hold: 2 * sec, BetweenSets: 15 * sec})
	r.Switch = 1500 * time.Millisecond
	var b strings.Builder
	if err := mustPlan(t, r).WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	want := `test: 1 move(s), 8 steps, 20 cues
offset    step          move  set · rep  side   duration
0:00.000  get_ready     a                       10s
0:10.000  work          a     1/2 · 1/1  left   2s
0:12.000  switch        a     1/2 · 1/1  right  1.5s
0:13.500  work          a     1/2 · 1/1  right  2s
0:15.500  between_sets  a     2/2               15s
0:30.500  work          a     2/2 · 1/1  left   2s
0:32.500  switch        a     2/2 · 1/1  right  1.5s
0:34.000  work          a     2/2 · 1/1  right  2s
0:36.000  end
total 0:36.000 (36s)
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestBuiltinRoutinesPlan(t *testing.T) {
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		p := mustPlan(t, r)
		checkTiling(t, p)
		if p.Total != r.Duration() {
			t.Errorf("%s: Total %v, routine says %v", r.Name, p.Total, r.Duration())
		}
		checkCues(t, p)
	}
}

func BenchmarkNewPlanDefault(b *testing.B) {
	r := routine.Default()
	for b.Loop() {
		if _, err := NewPlan(r, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWriteJSONMatchesMarshal(t *testing.T) {
	p := mustPlan(t, testRoutine(birdDogs(), routine.Move{ID: "t", Sides: routine.Each, Reps: []int{1, 2},
		Tempo: []time.Duration{1500 * time.Millisecond, 0, 2 * sec}, BetweenSets: 3 * sec}))
	var b strings.Builder
	if err := p.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "{\n  \"routine\": \"test\",\n  \"total_s\": 386,\n  \"steps\": [\n    {\"start_s\":0,") {
		t.Errorf("layout: %.120q", b.String())
	}
	var fromWrite, fromMarshal any
	m, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b.String()), &fromWrite); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(m, &fromMarshal); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(fromWrite) != fmt.Sprint(fromMarshal) {
		t.Error("WriteJSON and MarshalJSON disagree")
	}
}
