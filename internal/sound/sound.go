// Package sound plays a session's cue Track through the speaker. It is the
// only package that imports beep/speaker (cgo, ALSA); everything it plays
// is made and timed by package cue.
//
// beep v1.1.0's speaker is one global output per process: speaker.Init
// opens it (an oto context on ALSA's "default" device) and speaker.Close
// closes it; oto v0.7.1 allows opening a new context after closing the old
// one, so the Player opens the speaker when a session starts and closes it
// when the session is over, and keeps it closed while the sound is muted:
// an idle or muted app uses no audio CPU (the speaker, even playing
// silence, measured 5 to 7 % of a core through PulseAudio). Use one Player
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

// Player owns the speaker. Zero cost while idle or muted: the speaker is
// opened when an unmuted session starts, when the sound is unmuted during
// a session (or for a sound check), and closed after. Its methods are
// safe for concurrent use and never block for long: opening the device
// gives up after InitTimeout.
type Player struct {
	mu       sync.Mutex
	buffer   time.Duration // speaker buffer: BufferDuration
	voices   *cue.VoiceBank
	settings cue.Settings
	session  *schedule.Session // the attached session, muted or not
	track    *cue.Track        // playing session; nil while muted
	open     bool              // the speaker is initialised
	hung     bool              // an Init timed out and has not returned yet
	checks   int               // sound checks playing
	onError  func(error)       // told when unmuting cannot open the speaker
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

// Attach plays the Track of session s for as long as it is attached,
// opening the speaker unless the sound is muted (then the speaker opens
// when it is unmuted). On failure it returns a *NoSoundError; the session
// runs on silently. Attaching another session detaches the previous one
// at once.
func (p *Player) Attach(s *schedule.Session) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopTrack()
	p.session = s
	if p.settings.Muted {
		p.closeSpeaker()
		return nil
	}
	return p.play(time.Time{})
}

// play opens the speaker and plays a new Track of the attached session;
// p.mu is held. A new Track anchors its samples to the session clock at
// its first Stream call, so after an unmute the cues sound at their exact
// instants again. from is zero when the session is attached; after an
// unmute it is StartLead after the unmute: the cues before it are not
// played (late, or early while the output starts up).
func (p *Player) play(from time.Time) error {
	if err := p.openSpeaker(); err != nil {
		return err
	}
	var tl cue.Timeline = p.session
	if !from.IsZero() {
		tl = timelineFrom{p.session, from}
	}
	p.track = cue.NewTrack(tl, p.voices, p.settings, schedule.RealClock(), p.latency())
	speaker.Play(p.track)
	return nil
}

// timelineFrom is a session's timeline without the cues before from.
type timelineFrom struct {
	*schedule.Session
	from time.Time
}

// CuesBetween returns the session's cues in [from, to) from t.from on.
func (t timelineFrom) CuesBetween(from, to time.Time) []schedule.TimedCue {
	if from.Before(t.from) {
		from = t.from
	}
	return t.Session.CuesBetween(from, to)
}

// stopTrack stops the Track playing, if any, and takes it off the speaker;
// p.mu is held. The session stays attached.
func (p *Player) stopTrack() {
	if p.track != nil {
		p.track.Stop()
		p.track = nil
		speaker.Clear()
	}
}

// Detach ends playback of the attached session: sounds not started yet
// are dropped (unless the session finished: then the done chime and its
// prompt play), a sound already sounding plays to its end (at most
// FinishWait, or DoneWait after a finish), and the speaker closes. It
// blocks for that long at most, plus the output buffers' delay.
func (p *Player) Detach() {
	p.mu.Lock()
	tr, s := p.track, p.session
	if tr == nil {
		p.session = nil
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
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
	if p.session == s {
		p.stopTrack()
		p.session = nil
		p.closeSpeaker()
	}
}

// SetSettings changes the settings, for the attached session at once.
// It does not block: muting closes the speaker, and unmuting during a
// session opens it, in the background (a failure to open is reported to
// the OnNoSound function).
func (p *Player) SetSettings(s cue.Settings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settings = s
	if p.track != nil {
		p.track.SetSettings(s)
	}
	if p.session != nil && (p.track != nil) == s.Muted {
		go p.follow()
	}
}

// OnNoSound sets the function told (on its own goroutine) when unmuting
// during a session cannot open the speaker; Attach returns that error
// itself.
func (p *Player) OnNoSound(f func(error)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.onError = f
}

// follow opens or closes the speaker as the mute setting now asks, if a
// session is attached.
func (p *Player) follow() {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.session == nil:
	case p.settings.Muted && p.track != nil:
		p.stopTrack()
		p.closeSpeaker()
	case !p.settings.Muted && p.track == nil:
		if err := p.play(time.Now().Add(StartLead)); err != nil && p.onError != nil {
			go p.onError(err)
		}
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
