package cue

import (
	"strings"
	"time"

	"spineroutine/internal/schedule"
)

// Detail is how much the voice says (Settings.Detail).
type Detail string

// The voice detail levels; "" means DetailNormal.
const (
	// DetailMinimal: the cue sounds and the move names ("Next: Bird
	// Dogs"; "Bird Dogs" when it starts).
	DetailMinimal Detail = "minimal"
	// DetailNormal: the move's name and dose when it starts, "Next: X" in
	// the rest before it, "get ready", the side on every side change, the
	// set, the time left, halfway, rest and done.
	DetailNormal Detail = "normal"
	// DetailFull: Normal, and the reps of holds counted aloud.
	DetailFull Detail = "full"
)

// Details lists the levels, least first.
var Details = []Detail{DetailMinimal, DetailNormal, DetailFull}

// The phrase clips (assets/voice/<name>.ogg for English,
// assets/voice/<lang>/<name>.ogg, said by scripts/make-voices.sh; what
// each says is in assets/lang/voice.<lang>.json), besides the numbers
// (numbers.go) and the move names ("move-<id>").
const (
	clipNext          = "next"
	clipGetReady      = "get-ready"
	clipHold          = "hold"
	clipSeconds       = "seconds"
	clipOneSecond     = "one-second"
	clipReps          = "reps"
	clipEachSide      = "each-side"
	clipLeftSideFirst = "left-side-first"
	clipSet           = "set"
	clipOf            = "of"
	clipLastSet       = "last-set"
	clipLeft          = "left"
	clipRight         = "right"
	clipLeftSide      = "left-side"
	clipRightSide     = "right-side"
	clipSwitch        = "switch-sides"
	clipRest          = "rest"
	clipHalfway       = "halfway"
	clipDone          = "done"
	// pause marks a longer gap between two parts of a prompt.
	pause = ","
	// join marks two clips said as one word, without a gap ("einund"
	// "zwanzig").
	join = "+"
)

// Gaps inside a prompt: between words, and at a pause mark.
const (
	wordGap  = 70 * time.Millisecond
	pauseGap = 220 * time.Millisecond
)

// Prompt priorities: when prompts compete for room, the one with the
// larger number is shortened or dropped first, and a prompt ends before
// the next one at least as important. The side comes first: a side word
// is said as its side begins; the move's introduction gives way to it.
const (
	prioSide  = iota // the side on a side change, "switch sides"
	prioName         // the move's name and dose, "Next: X", done
	prioSet          // "set 2 of 3", "last set"
	prioTime         // time left, halfway, get ready, rest
	prioCount        // reps counted aloud
)

// prompt is one thing said: clips in order, its text and its priority;
// short, when not nil, is said instead when it does not fit; names is the
// id of the move it introduces ("" for none), next whether it is a "Next:
// X" (it ends before the countdown that follows it), side the side it
// says as a side begins (NoSide for none).
type prompt struct {
	clips []string
	text  string
	prio  int
	short *prompt
	names string
	next  bool
	side  schedule.Side
}

// say builds a prompt from parts said one after the other, a pause
// between two; its text joins theirs with a comma.
func say(prio int, parts ...words) prompt {
	var clips, texts []string
	for i, w := range parts {
		if i > 0 {
			clips = append(clips, pause)
		}
		clips = append(clips, w.clips...)
		texts = append(texts, w.text)
	}
	return prompt{clips: clips, text: strings.Join(texts, ", "), prio: prio}
}

// clip returns the words of one phrase clip.
func (a *arranger) clip(name string) words {
	return words{clips: []string{name}, text: a.clipText(name)}
}

// phrase returns the words of phrase id in the voice's language, or false
// when its number cannot be said.
func (a *arranger) phrase(id phraseID, n, m int, move string) (words, bool) {
	return a.voices.expand(id, n, m, move, a.clipText)
}

// clipText is what a clip says: a phrase, or a move's name (the shipped
// name in the voice's language when the move has a shipped clip, its own
// name otherwise).
func (a *arranger) clipText(c string) string {
	if t, ok := a.voices.text(c); ok {
		return t
	}
	if id, ok := strings.CutPrefix(c, "move:"); ok && a.plan != nil {
		for _, m := range a.plan.Moves {
			if m.ID == id {
				return m.Name
			}
		}
	}
	return c
}
