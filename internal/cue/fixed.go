package cue

import "github.com/faiface/beep"

// The fixed phrases said outside the timeline, when the person does
// something (Phrase): their clips are embedded like the others
// (assets/voice/<name>.ogg, said by scripts/make-voices.sh).
const (
	// PhraseHurts answers the "this hurts" key: "Noted: this hurts."
	PhraseHurts = "this-hurts"
	// PhraseStop is the safety stop: "Stop here. Contact your surgeon or
	// physiotherapist before going on."
	PhraseStop = "stop-here"
	// PhraseStopAgain answers the first Stop of a remote (media controls):
	// "Press stop again to end."
	PhraseStopAgain = "press-stop-again"
)

// Phrase returns the fixed phrase name (PhraseHurts, PhraseStop, ...) at the
// volume of settings, and false when the bank has no such clip (a nil
// bank, clips that could not be decoded) or the voice is off.
func (v *VoiceBank) Phrase(name string, settings Settings) (beep.Streamer, bool) {
	if !settings.Voice {
		return nil, false
	}
	s, ok := v.clip(name)
	if !ok {
		return nil, false
	}
	return WithVolume(&monoStreamer{s: s, gain: 1}, settings), true
}
