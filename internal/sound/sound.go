// Package sound plays a session's cue Track through the speaker: ALSA's
// default device on Linux (alsa.go, the only cgo here), beep's speaker
// elsewhere. Everything it plays is made and timed by package cue.
//
// The Player opens the speaker when a session starts and closes it when
// the session is over, and keeps it closed while the sound is muted: an
// idle or muted app uses no audio CPU (an open speaker, even playing
// silence, measured 5 to 9 % of a core through PulseAudio with beep's
// speaker). Use one Player per process.
package sound

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/faiface/beep"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
)

// Output tuning.
const (
	// InitTimeout bounds the wait for the audio device to open.
	InitTimeout = 3 * time.Second
	// FinishWait is how long Detach lets a sound that has started play
	// on when a session is stopped; DoneWait after a session that finished
	// (the done chime and "done, well done" are planned just after the
	// end).
	FinishWait = time.Second
	DoneWait   = 4 * time.Second
	// drainMargin: what was streamed is heard within the output's latency
	// plus this.
	drainMargin = 50 * time.Millisecond
)

// output is the audio device: the ALSA output on Linux (alsa.go), beep's
// speaker elsewhere (speaker.go). One is open at a time.
type output interface {
	// Play adds a streamer to what plays.
	Play(beep.Streamer)
	// Clear stops everything playing.
	Clear()
	// Close closes the device.
	Close()
	// Clock is the clock a Track playing on this output reads.
	Clock() schedule.Clock
	// Latency is the time from a sample leaving Stream to it being heard
	// in steady state: what the Track assumes.
	Latency() time.Duration
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
	voices   *cue.VoiceBank
	settings cue.Settings
	session  *schedule.Session // the attached session, muted or not
	track    *cue.Track        // playing session; nil while muted
	out      output            // the open speaker; nil when closed
	hung     bool              // an Init timed out and has not returned yet
	checks   int               // sound checks playing
	onError  func(error)       // told when unmuting cannot open the speaker
}

// NewPlayer returns a Player with the voice bank (nil: tones only) and
// settings. It does not touch the audio device.
func NewPlayer(v *cue.VoiceBank, settings cue.Settings) *Player {
	return &Player{voices: v, settings: settings}
}

// openSpeaker initialises the speaker if it is not open; p.mu is held.
func (p *Player) openSpeaker() error {
	if p.out != nil {
		return nil
	}
	if p.hung {
		return &NoSoundError{errors.New("the audio device does not answer")}
	}
	type opened struct {
		out output
		err error
	}
	res := make(chan opened, 1)
	go func() {
		out, err := openOutput()
		res <- opened{out, err}
	}()
	select {
	case r := <-res:
		if r.err != nil {
			return &NoSoundError{fmt.Errorf("the audio device did not open (%v)", r.err)}
		}
		p.out = r.out
		return nil
	case <-time.After(InitTimeout):
		p.hung = true
		go func() {
			// If the device opens after all, close it: nothing plays.
			r := <-res
			p.mu.Lock()
			defer p.mu.Unlock()
			if r.err == nil {
				r.out.Close()
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
	if p.out == nil || p.track != nil || p.checks > 0 {
		return
	}
	out := p.out
	p.out = nil
	done := make(chan struct{})
	go func() {
		out.Clear()
		out.Close()
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
	p.track = cue.NewTrack(tl, p.voices, p.settings, p.out.Clock(), p.out.Latency())
	p.out.Play(p.track)
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
		p.out.Clear()
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
	time.Sleep(tr.Latency() + drainMargin)
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
	return p.playNow(cue.WithVolume(cue.Sound(k, 3), p.settings))
}

// playNow plays s at once, over the session's sound if one plays, opening
// the speaker for it and closing it after when nothing else needs it;
// p.mu is held.
func (p *Player) playNow(s beep.Streamer) error {
	if err := p.openSpeaker(); err != nil {
		return err
	}
	p.checks++
	done := make(chan struct{})
	p.out.Play(beep.Seq(s, beep.Callback(func() { close(done) })))
	drain := p.out.Latency() + drainMargin
	go func() {
		<-done
		time.Sleep(drain)
		p.mu.Lock()
		defer p.mu.Unlock()
		p.checks--
		p.closeSpeaker()
	}()
	return nil
}

// Say says the fixed phrase name (cue.PhraseHurts, cue.PhraseStop) now,
// over the session's sound if one plays, opening the speaker for it if
// none is open. Muted, or with the voice off, it says nothing. It returns
// once the phrase has started; a *NoSoundError says it could not.
func (p *Player) Say(name string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.settings.Muted {
		return nil
	}
	s, ok := p.voices.Phrase(name, p.settings)
	if !ok {
		return nil
	}
	return p.playNow(s)
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
