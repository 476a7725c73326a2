// Package cue makes the sounds of a session: one synthesized sound per cue
// kind; spoken prompts, decided from the plan's cues at a Detail level and
// composed from voice clips (the embedded Festival recordings, decoded at
// their own rate and channel count, and the names of a user's moves
// synthesized in the background); the Track that places them at exact
// sample positions following a live session clock; Render, which writes a
// whole plan's sound track to a WAV file; and Script and Analyze, which
// list and measure what is said. It is pure Go: it imports beep but never
// beep/speaker, so everything here is tested without an audio device (see
// package sound for playback).
package cue

import (
	"math"

	"github.com/faiface/beep"
	"github.com/faiface/beep/effects"
)

// SampleRate is the rate of every sound the package makes, of the Track
// and of rendered WAV files.
const SampleRate = beep.SampleRate(44100)

// Settings are the user's sound preferences.
type Settings struct {
	Volume   int    // 0..100 %
	Muted    bool   // silence everything (the stream stays open)
	Voice    bool   // spoken prompts on
	Detail   Detail // what the voice says ("" is DetailNormal)
	RepTicks bool   // rep and tempo ticks on
}

// DefaultSettings returns the settings of a first run: 80 %, not muted,
// voice on at normal detail, rep ticks on.
func DefaultSettings() Settings {
	return Settings{Volume: 80, Muted: false, Voice: true, Detail: DetailNormal, RepTicks: true}
}

// gain converts the volume setting to a linear gain: 100 % is unity, 0 %
// and Muted are silence, and between them the loudness follows a 40 dB
// range (0.5 % steps are about 0.4 dB), which feels even to the ear.
func (s Settings) gain() float64 {
	v := s.Volume
	if s.Muted || v <= 0 {
		return 0
	}
	if v > 100 {
		v = 100
	}
	return math.Pow(10, -40*(1-float64(v)/100)/20)
}

// volumeParams returns the effects.Volume parameters (base 10, exponent in
// bels/2 i.e. dB/20 of amplitude) that apply gain g; silent when g is 0.
func volumeParams(g float64) (volume float64, silent bool) {
	if g <= 0 {
		return 0, true
	}
	return math.Log10(g), false
}

// WithVolume wraps s with the settings' volume and mute (effects.Volume),
// as the Track applies them; the sound check plays through it.
func WithVolume(s beep.Streamer, settings Settings) beep.Streamer {
	vol, silent := volumeParams(settings.gain())
	return &effects.Volume{Streamer: s, Base: 10, Volume: vol, Silent: silent}
}
