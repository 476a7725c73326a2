package cue

import (
	"time"

	"spineroutine/internal/schedule"
)

// Spoken is one prompt of a sound track: when it starts (offset from the
// start of the plan), how long it lasts and what it says. Tones uses it
// for the cue sounds too, Text then naming the sound.
type Spoken struct {
	At   time.Duration
	Len  time.Duration
	Text string
}

// Script returns every prompt said when plan p runs without pause, in
// order, placed as Render and the Track place them (none when the voice
// is off).
func Script(p *schedule.Plan, v *VoiceBank, settings Settings) []Spoken {
	return placedSounds(p, v, settings, true)
}

// Tones returns every cue sound played when plan p runs without pause, in
// order, where Render and the Track place it: the tones of one instant
// one after the other, a rep or tempo tick under a prompt left out (so
// fewer tones than cues). Text names the sound ("countdown 3", "start").
func Tones(p *schedule.Plan, v *VoiceBank, settings Settings) []Spoken {
	return placedSounds(p, v, settings, false)
}

// placedSounds returns the prompts (voice) or the tones (!voice) the
// arranger places for plan p.
func placedSounds(p *schedule.Plan, v *VoiceBank, settings Settings, voice bool) []Spoken {
	if p == nil {
		return nil
	}
	ps, _ := arrangePlan(p, v, settings)
	var out []Spoken
	for _, pl := range ps {
		if pl.voice == voice {
			out = append(out, Spoken{At: SampleRate.D(int(pl.pos)), Len: SampleRate.D(len(pl.s)), Text: pl.name})
		}
	}
	return out
}
