package cue

import (
	"errors"
	"fmt"
	"io"

	"github.com/faiface/beep"
	"github.com/faiface/beep/effects"
	"github.com/faiface/beep/wav"

	"spineroutine/internal/schedule"
)

// RenderFormat is the format of rendered WAV files: 44.1 kHz, 16-bit,
// stereo.
var RenderFormat = beep.Format{SampleRate: SampleRate, NumChannels: 2, Precision: 2}

// Arrange places every cue of the plan and its prompt on one timeline, as
// a session run without pause would play them. It returns the placed
// sounds and the length of the timeline in samples (the plan's length, or
// longer when the last sound rings past it).
func arrangePlan(p *schedule.Plan, v *VoiceBank, settings Settings) ([]placement, int64) {
	a := arranger{plan: p, voices: v, settings: settings}
	a.reset(0)
	cues := make([]timedCue, len(p.Cues))
	for i, c := range p.Cues {
		cues[i] = timedCue{pos: int64(SampleRate.N(c.At)), cue: c}
	}
	out := a.placeAll(cues, nil)
	length := int64(SampleRate.N(p.Total))
	for _, pl := range out {
		length = max(length, pl.end())
	}
	sortPlacements(out)
	return out, length
}

// Render writes the whole plan's sound track to w as a WAV file (44.1 kHz
// 16-bit stereo): every cue sound and spoken prompt at its planned instant
// from the start of the plan, silence between, at the settings' volume.
func Render(p *schedule.Plan, v *VoiceBank, settings Settings, w io.WriteSeeker) error {
	if p == nil {
		return errors.New("render: no plan")
	}
	if err := wav.Encode(w, renderStream(p, v, settings), RenderFormat); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}

// renderStream streams the plan's sound track at the settings' volume.
func renderStream(p *schedule.Plan, v *VoiceBank, settings Settings) beep.Streamer {
	ps, length := arrangePlan(p, v, settings)
	vol, silent := volumeParams(settings.gain())
	return &effects.Volume{Streamer: &timeline{ps: ps, length: length}, Base: 10, Volume: vol, Silent: silent}
}

// timeline streams placed sounds over silence, length samples in all.
type timeline struct {
	ps     []placement // sorted by pos
	pos    int64
	length int64
}

// Stream implements beep.Streamer.
func (t *timeline) Stream(buf [][2]float64) (int, bool) {
	if t.pos >= t.length {
		return 0, false
	}
	buf = buf[:min(int64(len(buf)), t.length-t.pos)]
	clear(buf)
	for len(t.ps) > 0 && t.ps[0].end() <= t.pos {
		t.ps = t.ps[1:]
	}
	mix(buf, t.pos, t.ps)
	t.pos += int64(len(buf))
	return len(buf), true
}

// Err implements beep.Streamer.
func (t *timeline) Err() error { return nil }
