// Package sound plays a session's cue Track through the speaker. It is the
// only package that imports beep/speaker (cgo, ALSA); everything it plays
// is made and timed by package cue.
//
// beep v1.1.0's speaker is one global output per process: speaker.Init
// opens it (an oto context on ALSA's "default" device) and speaker.Close
// closes it; oto v0.7.1 allows opening a new context after closing the old
// one, so the Player opens the speaker when a session starts and closes it
// when the session is over: an idle app uses no audio CPU. Use one Player
// per process.
package sound

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/speaker"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
)

// Output tuning.
const (
	// BufferDuration is the speaker buffer. Timing does not depend on it:
	// the Track places every sound at its exact sample whatever the
	// buffer. It sets how soon a control (pause, skip...) is heard, since
	// the samples already handed to the output still play, and the CPU
	// cost. Measured through PulseAudio by the end-to-end tests (CPU of
	// the playing process, on a loaded 2-core machine; the skip heard
	// after the control):
	//
	//	buffer  CPU        skip heard after
	//	20 ms   7.6 %      32 ms
	//	40 ms   4.7-7.9 %  49-86 ms
	//	50 ms   6.4 %      99 ms
	//	100 ms  4.8 %      157 ms
	//
	// (the lead measured 9 % at 10 ms, 5.7 % at 50 ms, 3.5 % at 100 ms,
	// 1.5 % at 250 ms). 40 ms keeps every control heard well within our
	// 150 ms aim at a few % of a core while a session runs, and none when
	// idle (the speaker is closed).
	BufferDuration = 40 * time.Millisecond
	// InitTimeout bounds the wait for the audio device to open.
	InitTimeout = 3 * time.Second
	// FinishWait is how long Detach lets a sound that has started play
	// on when a session is stopped; DoneWait after a session that finished
	// (the done chime and "done, well done" are planned just after the
	// end).
	FinishWait = time.Second
	DoneWait   = 4 * time.Second
)

// latency is the output latency the Track assumes: from a sample leaving
// Stream to it being heard, in steady state. It is the sum of beep's
// buffer, oto's (the same size) and ALSA's, plus the sound server's;
// LatencyBuffers buffers in all, as measured through PulseAudio by the
// end-to-end test (TestPlayerThroughPulseAudio reports the absolute
// error). Only the offset of every cue against the screen depends on it;
// the spacing of cues is exact to the sample.
func (p *Player) latency() time.Duration {
	return time.Duration(LatencyBuffers * float64(p.buffer))
}

// StartLead is how long after Start a session should place its first
// instant (schedule.Session.SetStartLead): longer than opening the speaker
// (about 10 ms, seen up to 100 ms while other programs load the machine),
// plus the output's start-up stall after which the Track locks its anchor
// (about 300 ms through PulseAudio), plus the output latency. Then the
// first cue is placed as exactly as the rest; measured end to end, a
// 300 ms lead left the first cue 42 ms early. The window shows the full
// get-ready time meanwhile, so the wait goes unnoticed.
const StartLead = 700 * time.Millisecond

// LatencyBuffers is the output latency in speaker buffers (see latency).
const LatencyBuffers = 1.25

// NoSoundError is returned when the speaker cannot be used. Its text is
// meant to be shown to the user once.
type NoSoundError struct{ Reason error }

func (e *NoSoundError) Error() string {
	return fmt.Sprintf("No sound: %v. Cues will flash on screen.", e.Reason)
}

// Unwrap returns the reason.
func (e *NoSoundError) Unwrap() error { return e.Reason }

// Player owns the speaker. Zero cost while idle: the speaker is opened
// when a session starts (or for a sound check) and closed after. Its
// methods are safe for concurrent use and never block for long: opening
// the device gives up after InitTimeout.
type Player struct {
	mu       sync.Mutex
	buffer   time.Duration // speaker buffer: BufferDuration
	voices   *cue.VoiceBank
	settings cue.Settings
	session  *schedule.Session
	track    *cue.Track
	open     bool // the speaker is initialised
	hung     bool // an Init timed out and has not returned yet
	checks   int  // sound checks playing
}

// NewPlayer returns a Player with the voice bank (nil: tones only) and
// settings. It does not touch the audio device.
func NewPlayer(v *cue.VoiceBank, settings cue.Settings) *Player {
	return &Player{voices: v, settings: settings, buffer: BufferDuration}
}

// openSpeaker initialises the speaker if it is not open; p.mu is held.
func (p *Player) openSpeaker() error {
	if p.open {
		return nil
	}
	if p.hung {
		return &NoSoundError{errors.New("the audio device does not answer")}
	}
	res := make(chan error, 1)
	go func() { res <- speaker.Init(cue.SampleRate, cue.SampleRate.N(p.buffer)) }()
	select {
	case err := <-res:
		if err != nil {
			return &NoSoundError{fmt.Errorf("the audio device did not open (%v)", err)}
		}
		p.open = true
		return nil
	case <-time.After(InitTimeout):
		p.hung = true
		go func() {
			// If the device opens after all, close it: nothing plays.
			err := <-res
			p.mu.Lock()
			defer p.mu.Unlock()
			if err == nil {
				speaker.Close()
			}
			p.hung = false
		}()
		return &NoSoundError{fmt.Errorf("the audio device did not open within %v", InitTimeout)}
	}
}

// closeSpeaker closes the speaker if nothing uses it; p.mu is held. A
// device that does not let go within InitTimeout is left to close in the
// background (the Player reports no sound until it has).
func (p *Player) closeSpeaker() {
	if !p.open || p.track != nil || p.checks > 0 {
		return
	}
	p.open = false
	done := make(chan struct{})
	go func() {
		speaker.Clear()
		speaker.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(InitTimeout):
		p.hung = true
		go func() {
			<-done
			p.mu.Lock()
			defer p.mu.Unlock()
			p.hung = false
		}()
	}
}

// Attach opens the speaker (if needed) and plays the Track of session s
// for as long as it is attached. On failure it returns a *NoSoundError;
// the session runs on silently. Attaching another session detaches the
// previous one at once.
func (p *Player) Attach(s *schedule.Session) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.track != nil {
		p.track.Stop()
		p.track, p.session = nil, nil
		speaker.Clear()
	}
	if err := p.openSpeaker(); err != nil {
		return err
	}
	p.track = cue.NewTrack(s, p.voices, p.settings, schedule.RealClock(), p.latency())
	p.session = s
	speaker.Play(p.track)
	return nil
}

// Detach ends playback of the attached session: sounds not started yet
// are dropped (unless the session finished: then the done chime and its
// prompt play), a sound already sounding plays to its end (at most
// FinishWait, or DoneWait after a finish), and the speaker closes. It
// blocks for that long at most, plus the output buffers' delay.
func (p *Player) Detach() {
	p.mu.Lock()
	tr, s := p.track, p.session
	p.mu.Unlock()
	if tr == nil {
		return
	}
	finished := s.Status().State == schedule.Finished
	limit := FinishWait
	if finished {
		limit = DoneWait
	} else {
		tr.Stop()
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		left := tr.Sounding()
		if finished {
			left = tr.Pending()
		}
		if left == 0 {
			break
		}
		time.Sleep(min(left, 20*time.Millisecond))
	}
	// What was streamed is still in the output buffers: let it out.
	time.Sleep(tr.Latency() + p.buffer)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.track == tr {
		p.track, p.session = nil, nil
		p.closeSpeaker()
	}
}

// SetSettings changes the settings, for the attached session at once.
func (p *Player) SetSettings(s cue.Settings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settings = s
	if p.track != nil {
		p.track.SetSettings(s)
	}
}

// SetVoices changes the voice bank (after loading another routine).
func (p *Player) SetVoices(v *cue.VoiceBank) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.voices = v
	if p.track != nil {
		p.track.SetVoices(v)
	}
}

// SoundCheck plays the sound of one cue kind now, at the current volume
// (a countdown plays its "3" pip), opening the speaker for it if no
// session runs. It returns once the sound has started; a *NoSoundError
// says it could not.
func (p *Player) SoundCheck(k schedule.CueKind) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.openSpeaker(); err != nil {
		return err
	}
	p.checks++
	done := make(chan struct{})
	speaker.Play(beep.Seq(cue.WithVolume(cue.Sound(k, 3), p.settings), beep.Callback(func() { close(done) })))
	go func() {
		<-done
		time.Sleep(4 * p.buffer) // the output buffers
		p.mu.Lock()
		defer p.mu.Unlock()
		p.checks--
		p.closeSpeaker()
	}()
	return nil
}

// Close detaches the session, if any, and closes the speaker.
func (p *Player) Close() {
	p.Detach()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checks = 0
	p.closeSpeaker()
}

// Track returns the Track playing the attached session (nil when none):
// its Latency and Reanchors are useful figures.
func (p *Player) Track() *cue.Track {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.track
}
