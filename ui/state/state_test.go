package state

import "testing"

var allScreens = []Screen{FirstStart, CheckIn, Ready, ResumeOffer, StoppedForToday, Running, Paused, Summary}

// TestDayScreen: the idle screen of each combination of the day's facts.
func TestDayScreen(t *testing.T) {
	for _, tc := range []struct {
		d    Day
		want Screen
	}{
		{Day{}, CheckIn},
		{Day{CheckedIn: true}, Ready},
		{Day{First: true}, FirstStart},
		{Day{First: true, CheckedIn: true}, FirstStart},
		{Day{Resumable: true}, ResumeOffer},
		{Day{Resumable: true, First: true, CheckedIn: true}, ResumeOffer},
		{Day{Stop: true}, StoppedForToday},
		{Day{Stop: true, CheckedIn: true}, StoppedForToday},
		{Day{Stop: true, Resumable: true, First: true}, StoppedForToday},
	} {
		if got := tc.d.Screen(); got != tc.want {
			t.Errorf("%+v: %v, want %v", tc.d, got, tc.want)
		}
	}
}

// TestNext: every event on every screen, on a ready day and on a stopped
// one.
func TestNext(t *testing.T) {
	ready, stop := Day{CheckedIn: true}, Day{Stop: true}
	// want[screen] is the screen after each event, in the order of events.
	events := []Event{DayChanged, Started, PausedEv, Continued, Ended, Returned, Dropped}
	for _, tc := range []struct {
		d    Day
		from Screen
		want []Screen
	}{
		{ready, FirstStart, []Screen{Ready, Running, FirstStart, FirstStart, FirstStart, FirstStart, FirstStart}},
		{ready, CheckIn, []Screen{Ready, Running, CheckIn, CheckIn, CheckIn, CheckIn, CheckIn}},
		{ready, Ready, []Screen{Ready, Running, Ready, Ready, Ready, Ready, Ready}},
		{ready, ResumeOffer, []Screen{Ready, Running, ResumeOffer, ResumeOffer, ResumeOffer, ResumeOffer, ResumeOffer}},
		{ready, StoppedForToday, []Screen{Ready, Running, StoppedForToday, StoppedForToday, StoppedForToday, StoppedForToday, StoppedForToday}},
		{ready, Running, []Screen{Running, Running, Paused, Running, Summary, Running, Ready}},
		{ready, Paused, []Screen{Paused, Paused, Paused, Running, Summary, Paused, Ready}},
		{ready, Summary, []Screen{Summary, Summary, Summary, Summary, Summary, Ready, Ready}},
		{stop, FirstStart, []Screen{StoppedForToday, Running, FirstStart, FirstStart, FirstStart, FirstStart, FirstStart}},
		{stop, Ready, []Screen{StoppedForToday, Running, Ready, Ready, Ready, Ready, Ready}},
		{stop, StoppedForToday, []Screen{StoppedForToday, Running, StoppedForToday, StoppedForToday, StoppedForToday, StoppedForToday, StoppedForToday}},
		{stop, Running, []Screen{Running, Running, Paused, Running, Summary, Running, StoppedForToday}},
		{stop, Paused, []Screen{Paused, Paused, Paused, Running, Summary, Paused, StoppedForToday}},
		{stop, Summary, []Screen{Summary, Summary, Summary, Summary, Summary, StoppedForToday, StoppedForToday}},
	} {
		for i, ev := range events {
			if got := Next(tc.from, tc.d, ev); got != tc.want[i] {
				t.Errorf("%v --%v--> %v on %+v, want %v", tc.from, ev, got, tc.d, tc.want[i])
			}
		}
	}
}

// TestAllows: what each screen allows, one column an action in the order
// Start, StartBadDay, Pause, Resume, Skip, Back, NextMove, AddTime, End,
// Hurts, Nerve, Easier, CheckInAnswer, ResumeInterrupted, StartFresh,
// ReturnToList, Mute, Focus, FullScreen, Help.
func TestAllows(t *testing.T) {
	table := map[Screen]string{

		FirstStart:      "xx.........xx...xxxx",
		CheckIn:         "xx.........xx...xxxx",
		Ready:           "xx.........xx...xxxx",
		ResumeOffer:     "xx.........xxxx.xxxx",
		StoppedForToday: ".x.........xx...xxxx",
		Running:         "..x.xxxxxxxx....xxxx",
		Paused:          "...xxxxxxxxx....xxxx",
		Summary:         "...........x...xxxxx",
	}
	for _, s := range allScreens {
		row := table[s]
		if len(row) != int(numActions) {
			t.Fatalf("%v: row of %d, want %d", s, len(row), numActions)
		}
		for a := Start; a < numActions; a++ {
			if got, want := Allows(s, a), row[a] == 'x'; got != want {
				t.Errorf("%v allows %v: %v, want %v", s, a, got, want)
			}
		}
	}
}

// TestStoppedForTodayStartsNoUsualDose: the safety stop refuses Start
// (the usual dose) and keeps the bad-day start.
func TestStoppedForTodayStartsNoUsualDose(t *testing.T) {
	m := NewMachine(Day{Stop: true})
	if m.Screen() != StoppedForToday || m.Allows(Start) || !m.Allows(StartBadDay) {
		t.Errorf("screen %v, allows start %v, bad day %v", m.Screen(), m.Allows(Start), m.Allows(StartBadDay))
	}
}

// TestMachineTellsListeners: each change is told once, in order, and a
// day's facts move an idle screen only.
func TestMachineTellsListeners(t *testing.T) {
	m := NewMachine(Day{})
	var seen []Screen
	m.OnChange(func(s Screen) { seen = append(seen, s) })
	m.SetDay(Day{CheckedIn: true})
	m.Fire(Started)
	m.Fire(PausedEv)
	m.SetDay(Day{CheckedIn: true, Stop: true}) // a nerve flag while paused
	m.Fire(Continued)
	m.Fire(Ended)
	if m.Fire(Ended) {
		t.Error("a second end changed the screen")
	}
	m.Fire(Returned)
	want := []Screen{Ready, Running, Paused, Running, Summary, StoppedForToday}
	if len(seen) != len(want) {
		t.Fatalf("told %v, want %v", seen, want)
	}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("told %v, want %v", seen, want)
			break
		}
	}
}

// TestNames: every screen, event and action has a name.
func TestNames(t *testing.T) {
	for _, s := range allScreens {
		if s.String() == "" || s.String() == Screen(99).String() {
			t.Errorf("screen %d named %q", int(s), s)
		}
	}
	if Screen(99).String() != "Screen(99)" || Event(99).String() != "Event(99)" || Action(99).String() != "Action(99)" {
		t.Error("an unknown value is not named by its number")
	}
}
