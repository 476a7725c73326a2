package state

import "fmt"

// Action is what a key or a button asks for.
type Action int

// The actions.
const (
	// Start starts the usual dose of the moves chosen.
	Start Action = iota
	// StartBadDay starts the bad-day routine (the Big 3) at level 1: the
	// one start the safety stop allows.
	StartBadDay
	// Pause pauses the session.
	Pause
	// Resume runs the paused session again.
	Resume
	// Skip goes to the next step.
	Skip
	// Back restarts the move (or goes to the previous one).
	Back
	// NextMove goes to the next move.
	NextMove
	// AddTime lengthens the step.
	AddTime
	// End ends the session early (on a second press).
	End
	// Hurts flags the move under way as hurting.
	Hurts
	// Nerve flags numbness, tingling or weakness in the move under way.
	Nerve
	// Easier shows or hides the easier variant on the card.
	Easier
	// CheckInAnswer gives the pain before (or puts the question away).
	CheckInAnswer
	// ResumeInterrupted resumes today's interrupted session.
	ResumeInterrupted
	// StartFresh closes the offer to resume.
	StartFresh
	// ReturnToList leaves the summary for the checklist.
	ReturnToList
	// Mute mutes or unmutes the sounds.
	Mute
	// Focus enters or leaves the focus view.
	Focus
	// FullScreen enters or leaves full screen.
	FullScreen
	// Help shows or hides the list of keys.
	Help
	numActions
)

var actionNames = [numActions]string{"start", "start bad day", "pause", "resume", "skip", "back", "next move",
	"add time", "end", "hurts", "nerve", "easier", "check-in answer", "resume interrupted", "start fresh",
	"return to list", "mute", "focus", "full screen", "help"}

// String names the action.
func (a Action) String() string {
	if a < 0 || a >= numActions {
		return fmt.Sprintf("Action(%d)", int(a))
	}
	return actionNames[a]
}

// anywhere are the actions of the window itself, allowed on every screen.
var anywhere = []Action{Easier, Mute, Focus, FullScreen, Help}

// allowed is what each screen allows besides anywhere.
var allowed = map[Screen][]Action{
	FirstStart:      {Start, StartBadDay, CheckInAnswer},
	CheckIn:         {Start, StartBadDay, CheckInAnswer},
	Ready:           {Start, StartBadDay, CheckInAnswer},
	ResumeOffer:     {Start, StartBadDay, CheckInAnswer, ResumeInterrupted, StartFresh},
	StoppedForToday: {StartBadDay, CheckInAnswer},
	Running:         {Pause, Skip, Back, NextMove, AddTime, End, Hurts, Nerve},
	Paused:          {Resume, Skip, Back, NextMove, AddTime, End, Hurts, Nerve},
	Summary:         {ReturnToList},
}

// Allows reports whether screen s allows action a.
func Allows(s Screen, a Action) bool {
	for _, x := range anywhere {
		if x == a {
			return true
		}
	}
	for _, x := range allowed[s] {
		if x == a {
			return true
		}
	}
	return false
}
