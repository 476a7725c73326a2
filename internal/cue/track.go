package cue

import (
	"slices"
	"sync"
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/effects"

	"spineroutine/internal/schedule"
)

// Timeline is what a Track follows: *schedule.Session implements it.
type Timeline interface {
	Plan() *schedule.Plan
	// CuesBetween returns the cues due in [from, to) with their clock
	// instants, in order, if no control is used meanwhile.
	CuesBetween(from, to time.Time) []schedule.TimedCue
	// Changed signals (capacity 1, non-blocking) that a control changed
	// the timeline.
	Changed() <-chan struct{}
}

// Track tuning.
const (
	// planAhead: cues are placed this far ahead of the sample being
	// streamed, in steps of planStep, so that the next prompt can be moved
	// earlier than its cue when it has to.
	planAhead = 2 * time.Second
	planStep  = time.Second
	// lookAhead: how far past the cues being placed the Track looks for
	// the countdown the next prompt must finish before.
	lookAhead = 8 * time.Second
	// reachBack: when the Track starts, cues due up to this long ago are
	// still played (late): the speaker may take a moment to open.
	reachBack = time.Second
	// burstGap: a Stream call this long after the previous one starts a
	// new burst (the speaker asks for its buffer in 512-sample calls in a
	// row, then blocks until the device takes it).
	burstGap = 2 * time.Millisecond
	// driftWindow bursts give one median (firstWindow for the first one,
	// to lock on quickly after the output's start-up stall: 300 ms through
	// PulseAudio); a median further than driftLimit from the expected
	// delay re-anchors the sample count to the clock. Through PulseAudio
	// the delay measured per burst is a sawtooth of about ±5 ms (period
	// ~2.5 s) around a steady mean: the window spans more than a period
	// (32 bursts: 1.3 s at a 40 ms buffer) and the limit is above the
	// sawtooth, so the Track re-anchors on real drift and stalls only (a
	// 100 ppm crystal drifts 10 ms in 100 s).
	driftWindow = 32
	firstWindow = 5
	driftLimit  = 10 * time.Millisecond
	// stallLimit, stallRun: a dropout (the output starved, under heavy
	// load) shifts the delay at once by tens of ms; stallRun bursts in a
	// row further than stallLimit from the expected delay, on the same
	// side, re-anchor at once (120 ms after it at a 40 ms buffer) instead
	// of waiting for a full window.
	stallLimit = 25 * time.Millisecond
	stallRun   = 3
	// driftWarmup: the first samples (handed over before the output has
	// really started) are not measured.
	driftWarmup = 100 * time.Millisecond
)

// Track is the one streamer the speaker plays during a session. It keeps
// the stream alive with silence for the whole session and places every
// cue sound and spoken prompt at its exact sample position: it knows which
// clock instant each sample will be heard at (the instant of the first
// Stream call plus the output latency, plus the number of samples streamed
// since, re-anchored to the clock when the audio device's pace drifts
// from it by more than driftLimit), asks the timeline for the cues of the
// samples it renders, and mixes each sound in at its offset. When the
// timeline changes (pause, skip, back, +time, stop), sounds placed but not
// yet started are dropped and placed again from the new timeline; sounds
// already sounding play to their end. It is safe for concurrent use.
type Track struct {
	mu              sync.Mutex
	tl              Timeline
	clock           schedule.Clock
	latency         time.Duration
	changed         <-chan struct{}
	arr             arranger
	vol             effects.Volume
	settings        Settings
	settingsChanged bool

	started   bool
	pos       int64     // next sample to stream
	anchorT   time.Time // instant sample anchorN is heard at
	anchorN   int64
	prevNow   time.Time   // clock reading at the previous Stream call
	planned   []placement // sorted by pos; sounding or to come
	plannedTo time.Time   // the cues before this instant are placed
	drift     driftTracker
	reanchors int
	stopped   bool
}

// NewTrack returns the Track of a session (any Timeline: the session, or a
// fake in tests). latency is the time from a sample leaving Stream to it
// being heard once the output runs steadily: the depth of the speaker's,
// driver's and sound server's buffers. The Track anchors its sample count
// so that this holds (on the median of recent buffers).
func NewTrack(s Timeline, v *VoiceBank, settings Settings, clock schedule.Clock, latency time.Duration) *Track {
	t := &Track{tl: s, clock: clock, latency: latency, changed: s.Changed(), drift: driftTracker{base: latency}}
	t.arr = arranger{plan: s.Plan(), voices: v, settings: settings}
	t.vol = effects.Volume{Streamer: beep.StreamerFunc(t.stream), Base: 10}
	t.applySettings(settings)
	return t
}

// SetSettings changes volume, mute, voice, detail and ticks. Volume and
// mute apply to the next samples streamed; the others apply to sounds not
// started yet.
func (t *Track) SetSettings(s Settings) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s.Voice != t.settings.Voice || s.Detail != t.settings.Detail || s.RepTicks != t.settings.RepTicks {
		t.settingsChanged = true
	}
	t.applySettings(s)
}

func (t *Track) applySettings(s Settings) {
	t.settings = s
	t.arr.settings = s
	t.vol.Volume, t.vol.Silent = volumeParams(s.gain())
}

// SetVoices replaces the voice bank; it applies to prompts not started yet.
func (t *Track) SetVoices(v *VoiceBank) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.arr.voices = v
	t.settingsChanged = true
}

// Stream implements beep.Streamer: it always fills samples and never ends.
func (t *Track) Stream(samples [][2]float64) (int, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.vol.Stream(samples)
}

// Err implements beep.Streamer; it is always nil.
func (t *Track) Err() error { return nil }

// Pending is how long the sounds already started or placed keep sounding
// after the samples streamed so far (0 when nothing is sounding or due
// within the planning horizon).
func (t *Track) Pending() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	var end int64
	for _, p := range t.planned {
		end = max(end, p.end())
	}
	return SampleRate.D(int(max(0, end-t.pos)))
}

// Sounding is how long the sounds that have already started keep sounding
// (0 when none is). Sounds placed but not started do not count: they are
// what Detach may leave out.
func (t *Track) Sounding() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	var end int64
	for _, p := range t.planned {
		if p.pos < t.pos {
			end = max(end, p.end())
		}
	}
	return SampleRate.D(int(max(0, end-t.pos)))
}

// Stop drops the sounds placed but not started and places no more: the
// sounds already sounding play to their end, then the Track streams
// silence. Used when playback ends in the middle of a session.
func (t *Track) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	t.planned = slices.DeleteFunc(t.planned, func(p placement) bool { return p.pos >= t.pos })
}

// Latency is the output latency the Track assumes: the time from a sample
// leaving Stream to it being heard once the output runs steadily (given
// to NewTrack). Controls take effect in the sound this much later.
func (t *Track) Latency() time.Duration { return t.latency }

// Reanchors counts the times the Track re-anchored its sample count to the
// clock (drift or dropouts of the audio device).
func (t *Track) Reanchors() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.reanchors
}

// heard returns the instant sample n is heard at.
func (t *Track) heard(n int64) time.Time {
	return t.anchorT.Add(SampleRate.D(int(n - t.anchorN)))
}

// sampleAt returns the sample heard at instant at (never before the next
// sample to stream: a late cue sounds as soon as it can).
func (t *Track) sampleAt(at time.Time) int64 {
	n := t.anchorN + int64(SampleRate.N(at.Sub(t.anchorT)))
	return max(n, t.pos)
}

// stream renders the next samples; t.mu is held.
func (t *Track) stream(buf [][2]float64) (int, bool) {
	now := t.clock.Now()
	if !t.started {
		t.started = true
		t.anchorT, t.anchorN = now.Add(t.latency), 0
		t.plannedTo = now.Add(-reachBack)
		t.arr.reset(0)
		t.prevNow = now
		// A change signalled before the first call (the session started
		// while the speaker opened) is covered by the reach back.
		select {
		case <-t.changed:
		default:
		}
	} else if now.Sub(t.prevNow) >= burstGap && t.pos >= int64(SampleRate.N(driftWarmup)) {
		if shift := t.drift.add(t.heard(t.pos).Sub(now)); shift != 0 {
			t.reanchor(shift)
		}
	}
	select {
	case <-t.changed:
		// The control happened after the previous call: place again the
		// cues from then on, so the new step's first cue is not missed.
		t.replan(t.prevNow.Add(-burstGap))
	default:
		if t.settingsChanged {
			t.replan(t.heard(t.pos))
		}
	}
	t.settingsChanged = false
	t.prevNow = now
	if !t.stopped {
		t.fill(t.heard(t.pos + int64(len(buf))).Add(planAhead))
	} else {
		t.planned = slices.DeleteFunc(t.planned, func(p placement) bool { return p.pos >= t.pos })
	}

	clear(buf)
	mix(buf, t.pos, t.planned)
	t.pos += int64(len(buf))
	t.planned = slices.DeleteFunc(t.planned, func(p placement) bool { return p.end() <= t.pos })
	return len(buf), true
}

// reanchor moves the instant samples are heard at by -shift, and the
// sounds placed but not started with it: an instant is now heard shift
// earlier in the stream... i.e. at a sample shift later.
func (t *Track) reanchor(shift time.Duration) {
	t.anchorT = t.anchorT.Add(-shift)
	t.reanchors++
	d := int64(SampleRate.N(shift))
	for i := range t.planned {
		if p := &t.planned[i]; p.pos >= t.pos {
			p.pos = max(p.pos+d, t.pos)
		}
	}
	sortPlacements(t.planned)
	t.arr.toneEnd += d
	t.arr.voiceEnd += d
	for i, v := range t.arr.voiced {
		if v.from >= t.pos { // placed, not started: moved with the placements
			t.arr.voiced[i] = span{max(v.from+d, t.pos), max(v.from+d, t.pos) + v.to - v.from}
		}
	}
}

// replan drops the sounds not started yet and places the cues again from
// instant from.
func (t *Track) replan(from time.Time) {
	t.planned = slices.DeleteFunc(t.planned, func(p placement) bool { return p.pos >= t.pos })
	t.arr.reset(t.pos)
	for _, p := range t.planned {
		if p.voice {
			t.arr.voiceEnd = max(t.arr.voiceEnd, p.end())
			t.arr.voiced = append(t.arr.voiced, span{p.pos, p.end()})
		} else {
			t.arr.toneEnd = max(t.arr.toneEnd, p.end())
		}
	}
	t.plannedTo = from
}

// fill places the cues due before until (rounded up to planStep).
func (t *Track) fill(until time.Time) {
	if !t.plannedTo.Before(until) {
		return
	}
	to := t.plannedTo.Add(planStep)
	if to.Before(until) {
		to = until
	}
	cs := t.tl.CuesBetween(t.plannedTo, to.Add(lookAhead))
	tcs := make([]timedCue, len(cs))
	for i, c := range cs {
		tcs[i] = timedCue{pos: t.sampleAt(c.At), cue: c.Cue}
	}
	n := 0
	for n < len(cs) && cs[n].At.Before(to) {
		n++
	}
	if n > 0 {
		t.planned = append(t.planned, t.arr.placeAll(tcs[:n], tcs[n:])...)
		sortPlacements(t.planned)
	}
	t.plannedTo = to
}

// driftTracker watches the delay between a burst of Stream calls and the
// instant its first sample is heard by the sample count. In steady state
// it should equal base, the output latency (the depth of the output
// buffers, given to NewTrack); when the median of a window of bursts is
// further than driftLimit from it, the count no longer matches the clock
// (the output stalled while starting, the device runs a little fast or
// slow, or it dropped samples) and the Track re-anchors.
type driftTracker struct {
	win      []time.Duration
	base     time.Duration
	measured bool            // a first window was taken
	run      []time.Duration // consecutive delays beyond stallLimit, one side
}

// add records one delay and returns the correction to apply (0: none).
func (d *driftTracker) add(e time.Duration) time.Duration {
	if off := e - d.base; d.measured && (off > stallLimit || off < -stallLimit) {
		if len(d.run) > 0 && (d.run[0] > d.base) != (e > d.base) {
			d.run = d.run[:0]
		}
		d.run = append(d.run, e)
		if len(d.run) == stallRun {
			slices.Sort(d.run)
			m := d.run[len(d.run)/2]
			d.run, d.win = d.run[:0], d.win[:0]
			return m - d.base
		}
	} else {
		d.run = d.run[:0]
	}
	d.win = append(d.win, e)
	n := driftWindow
	if !d.measured {
		n = firstWindow
	}
	if len(d.win) < n {
		return 0
	}
	slices.Sort(d.win)
	m := d.win[len(d.win)/2]
	d.win = d.win[:0]
	d.measured = true
	if off := m - d.base; off > driftLimit || off < -driftLimit {
		return off
	}
	return 0
}
