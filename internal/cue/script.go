package cue

import (
	"time"

	"spineroutine/internal/schedule"
)

// Spoken is one prompt of a sound track: when it starts (offset from the
// start of the plan), how long it lasts and what it says.
type Spoken struct {
	At   time.Duration
	Len  time.Duration
	Text string
}

// Script returns every prompt said when plan p runs without pause, in
// order, placed as Render and the Track place them (none when the voice
// is off).
func Script(p *schedule.Plan, v *VoiceBank, settings Settings) []Spoken {
	if p == nil {
		return nil
	}
	ps, _ := arrangePlan(p, v, settings)
	var out []Spoken
	for _, pl := range ps {
		if pl.voice {
			out = append(out, Spoken{At: SampleRate.D(int(pl.pos)), Len: SampleRate.D(len(pl.s)), Text: pl.name})
		}
	}
	return out
}
