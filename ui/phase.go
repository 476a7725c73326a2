package ui

import (
	"image/color"

	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/schedule"
)

// Phase is what the card shows the user to do right now; each has its own
// word and colours.
type Phase int

// The phases of the card.
const (
	PhaseIdle     Phase = iota // no session: the checklist and the chosen total
	PhaseGetReady              // countdown before a move, or the pre-roll after a resume
	PhaseWork                  // a rep is under way
	PhaseRest                  // rest between moves, gaps between reps and between sets
	PhaseSwitch                // change sides
	PhasePaused                // the session is paused
	PhaseDone                  // the routine is over: the summary
)

// palette is the background and the text colour of a phase's band.
//
// The band is painted by the app, not by the theme, so a phase looks the same
// in the light and the dark theme. The colours differ in hue AND in
// lightness, so they can be told apart in grey scale and with any common
// colour-vision deficiency, and the phase is always written as a word too:
//
//	get ready  amber   #F2B705  light (L* ~77), dark text
//	work       blue    #0B4F9C  dark  (L* ~34), white text
//	rest       teal    #7FD6C2  light (L* ~80), dark text, cooler than amber
//	switch     purple  #7B2D8E  dark  (L* ~31), white text, a distinct hue from blue
//	paused     grey    #5A5F66  mid   (L* ~40), white text, no hue at all
//	idle/done  slate   #2E3A46  dark,             white text
//
// Red and green are never the only difference between two phases.
type palette struct {
	bg, fg color.NRGBA
}

var (
	darkText  = color.NRGBA{R: 0x12, G: 0x12, B: 0x12, A: 0xff}
	lightText = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

var palettes = map[Phase]palette{
	PhaseIdle:     {bg: color.NRGBA{R: 0x2e, G: 0x3a, B: 0x46, A: 0xff}, fg: lightText},
	PhaseGetReady: {bg: color.NRGBA{R: 0xf2, G: 0xb7, B: 0x05, A: 0xff}, fg: darkText},
	PhaseWork:     {bg: color.NRGBA{R: 0x0b, G: 0x4f, B: 0x9c, A: 0xff}, fg: lightText},
	PhaseRest:     {bg: color.NRGBA{R: 0x7f, G: 0xd6, B: 0xc2, A: 0xff}, fg: darkText},
	PhaseSwitch:   {bg: color.NRGBA{R: 0x7b, G: 0x2d, B: 0x8e, A: 0xff}, fg: lightText},
	PhasePaused:   {bg: color.NRGBA{R: 0x5a, G: 0x5f, B: 0x66, A: 0xff}, fg: lightText},
	PhaseDone:     {bg: color.NRGBA{R: 0x2e, G: 0x3a, B: 0x46, A: 0xff}, fg: lightText},
}

// Word is the phase written in capitals on the card, in the window's
// language.
func (p Phase) Word() string {
	switch p {
	case PhaseGetReady:
		return lang.L("GET READY")
	case PhaseWork:
		return lang.L("WORK")
	case PhaseRest:
		return lang.L("REST")
	case PhaseSwitch:
		return lang.L("SWITCH SIDES")
	case PhasePaused:
		return lang.L("PAUSED")
	case PhaseDone:
		return lang.L("DONE")
	default:
		return lang.L("READY")
	}
}

// phaseOf maps a session status to the phase the card shows.
func phaseOf(st schedule.Status) Phase {
	switch st.State {
	case schedule.Idle, schedule.Stopped:
		return PhaseIdle
	case schedule.Paused:
		return PhasePaused
	case schedule.Finished:
		return PhaseDone
	}
	if st.Preroll {
		return PhaseGetReady
	}
	switch st.Step.Kind {
	case schedule.GetReady:
		return PhaseGetReady
	case schedule.Work:
		return PhaseWork
	case schedule.Switch:
		return PhaseSwitch
	default:
		return PhaseRest
	}
}

// flashColour is the colour of the flash frame that doubles a cue's sound
// (opaque: nothing is read through it).
func flashColour(k schedule.CueKind) color.NRGBA {
	var c color.NRGBA
	switch k {
	case schedule.CueStart, schedule.CueTempo:
		c = palettes[PhaseWork].bg
	case schedule.CueRest, schedule.CueRelease, schedule.CueNext:
		c = palettes[PhaseRest].bg
	case schedule.CueSwitch:
		c = palettes[PhaseSwitch].bg
	case schedule.CueCountdown:
		c = palettes[PhaseGetReady].bg
	default: // rep, halfway, done
		c = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	return c
}
