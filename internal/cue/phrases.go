package cue

import (
	"fmt"
	"strconv"
	"strings"
	"time"
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

// The embedded phrase clips (assets/voice/<name>.ogg, said by
// scripts/make-voices.sh), besides the numbers ("1".."20", "30".."90",
// "100") and the move names ("move-<id>").
const (
	clipNext          = "next"
	clipGetReady      = "get-ready"
	clipHold          = "hold"
	clipSeconds       = "seconds"
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
)

// phraseText is what each phrase clip says, for the script.
var phraseText = map[string]string{
	clipNext: "Next:", clipGetReady: "get ready", clipHold: "hold", clipSeconds: "seconds",
	clipReps: "reps", clipEachSide: "each side", clipLeftSideFirst: "left side first",
	clipSet: "set", clipOf: "of", clipLastSet: "last set", clipLeft: "left", clipRight: "right",
	clipLeftSide: "left side", clipRightSide: "right side", clipSwitch: "switch sides",
	clipRest: "rest", clipHalfway: "halfway", clipDone: "done, well done",
	PhraseHurts: "noted: this hurts", PhraseStop: "stop here, contact your surgeon or physiotherapist before going on",
	PhraseStopAgain: "press stop again to end",
}

// Gaps inside a prompt: between words, and at a pause mark.
const (
	wordGap  = 70 * time.Millisecond
	pauseGap = 220 * time.Millisecond
)

// shippedNames maps the id of every move of the shipped routines to the
// name its embedded "move-<id>" clip says. A user move named so (any id)
// uses that clip; any other name is synthesized.
var shippedNames = map[string]string{
	"overhead-band-stretch":       "Overhead Band Stretch",
	"psoas-march":                 "Psoas March",
	"w-rows":                      "W-Rows",
	"ql-hang-stretch":             "QL Hang Stretch",
	"high-plank":                  "High Plank",
	"self-decompression":          "Self Decompression",
	"glute-bridge":                "Glute Bridge",
	"mcgill-curl-up":              "McGill Curl-Up",
	"pause-goblet-squat":          "Pause Goblet Squat",
	"side-planks":                 "Side Planks",
	"bird-dogs":                   "Bird Dogs",
	"staggered-hip-hinge-stretch": "Staggered Hip Hinge Stretch",
}

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
// id of the move it introduces ("" for none).
type prompt struct {
	clips []string
	text  string
	prio  int
	short *prompt
	names string
}

// say builds a prompt from clips; its text joins what they say (a pause
// mark in clips is a comma in the text).
func (a *arranger) say(prio int, clips ...string) prompt {
	var parts, words []string
	for _, c := range clips {
		if c == pause {
			parts = append(parts, strings.Join(words, " "))
			words = nil
			continue
		}
		w := a.clipText(c)
		if n, err := strconv.Atoi(w); err == nil && n < 10 && len(words) > 0 {
			if tens, err := strconv.Atoi(words[len(words)-1]); err == nil && tens%10 == 0 && tens < 100 {
				words[len(words)-1] = strconv.Itoa(tens + n) // "20" "5": 25
				continue
			}
		}
		words = append(words, w)
	}
	parts = append(parts, strings.Join(words, " "))
	return prompt{clips: clips, text: strings.Join(parts, ", "), prio: prio}
}

// clipText is what a clip says: a phrase, a number, or a move's name.
func (a *arranger) clipText(c string) string {
	if t, ok := phraseText[c]; ok {
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

// number returns the clips that say n (1..100; nil otherwise).
func number(n int) []string {
	switch {
	case n >= 1 && n <= 20, n == 100:
		return []string{fmt.Sprint(n)}
	case n > 20 && n < 100 && n%10 == 0:
		return []string{fmt.Sprint(n)}
	case n > 20 && n < 100:
		return []string{fmt.Sprint(n / 10 * 10), fmt.Sprint(n % 10)}
	}
	return nil
}

// seconds returns the clips that say a whole number of seconds (nil when
// it is not one or is too long to say).
func seconds(d time.Duration) []string {
	n := number(int(d.Round(time.Second) / time.Second))
	if n == nil {
		return nil
	}
	return append(n, clipSeconds)
}
