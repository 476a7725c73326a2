package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/settings"
)

// speaker is the window's sound, the only user of the Player: the sound
// settings as they play (--mute on top of the saved ones), the voices of
// the routine in use, a session's cues (the runner attaches it), the
// phrases said, and the one notice that there is no sound.
type speaker struct {
	player Player                                            // nil: no sound at all
	voices func(*routine.Routine) (*cue.VoiceBank, []string) // Options.Voices
	post   func(func())                                      // runs f on the UI goroutine
	warn   func(msg string)                                  // shows a voices' warning
	silent func(msg string)                                  // shows the no-sound notice

	settings cue.Settings // the sound as it plays
	flagMute bool         // --mute holds (never saved)
	failed   bool         // the no-sound notice was shown
	// loaded: the player has the voices of the routine in use; waiting,
	// what runs once their clips are decoded (nil: they are).
	loaded  bool
	waiting []func()
}

// newSpeaker gives the player the saved sound settings (muted with
// flagMute) and a way to report that it has no sound.
func newSpeaker(o Options, saved cue.Settings, post func(func()), warn, silent func(string)) *speaker {
	s := &speaker{player: o.Player, voices: o.Voices, post: post, warn: warn, silent: silent, flagMute: o.Mute}
	s.settings = s.effective(saved)
	if p := s.player; p != nil {
		p.SetSettings(s.settings)
		p.OnNoSound(func(err error) { post(func() { s.noSound(err) }) })
	}
	return s
}

// effective is the saved sound x as it plays in this run: muted while the
// --mute flag holds.
func (s *speaker) effective(x cue.Settings) cue.Settings {
	x.Muted = x.Muted || s.flagMute
	return x
}

// set plays the saved sound x from now on (with --mute).
func (s *speaker) set(x cue.Settings) {
	s.settings = s.effective(x)
	if s.player != nil {
		s.player.SetSettings(s.settings)
	}
}

// unheard reports whether a cue is not heard: muted, or no sound.
func (s *speaker) unheard() bool { return s.settings.Muted || s.failed }

// Attach plays the cues of session x (the runner's sound).
func (s *speaker) Attach(x *schedule.Session) error {
	if s.player == nil {
		return nil
	}
	return s.player.Attach(x)
}

// Detach ends the sound of the session attached.
func (s *speaker) Detach() {
	if s.player != nil {
		s.player.Detach()
	}
}

// soundCheck is Settings' sound check (nil without a player).
func (s *speaker) soundCheck() func(schedule.CueKind) error {
	if s.player == nil {
		return nil
	}
	return s.player.SoundCheck
}

// say says a fixed phrase off the UI goroutine (opening the speaker can
// take a while); a speaker that cannot open gets the no-sound notice.
func (s *speaker) say(phrase string) {
	p := s.player
	if p == nil {
		return
	}
	go func() {
		if err := p.Say(phrase); err != nil {
			s.post(func() { s.noSound(err) })
		}
	}()
}

// load gives the player the spoken prompts of r and returns what the
// loading warns of at once, to show. The bank is usable at once; its clips are decoded,
// and the names r's own moves need synthesized, in the background (what
// that warns of is shown when done).
func (s *speaker) load(r *routine.Routine) []string {
	s.loaded = true
	if s.player == nil || s.voices == nil {
		return nil
	}
	bank, warnings := s.voices(r)
	s.player.SetVoices(bank)
	if s.waiting == nil {
		s.waiting = []func(){}
	}
	go func() {
		warnings := bank.Wait()
		s.post(func() {
			s.warnAll(warnings)
			waiting := s.waiting
			s.waiting = nil
			for _, f := range waiting {
				f()
			}
		})
	}()
	return warnings
}

// loadOnce loads the voices of r unless the voices are loaded (a session
// starting before voicesAfterStart loads them first).
func (s *speaker) loadOnce(r *routine.Routine) {
	if !s.loaded {
		s.warnAll(s.load(r))
	}
}

// whenReady runs f once the clips of the voices loading are decoded (at
// once when none are loading).
func (s *speaker) whenReady(f func()) {
	if s.waiting == nil {
		f()
		return
	}
	s.waiting = append(s.waiting, f)
}

// voicesAfterStart is how long after the event loop starts the voices
// load when no session starts at once: the window's first frame is drawn
// within a tick of the loop (16 ms) and takes about 100 ms under software
// OpenGL. Decoding the 58 clips meanwhile, on a 2-core machine, delayed it:
// first frame 230-260 ms with the decoding during the build, 190-200 ms
// after (bare window 120-140 ms, alternated, 6 runs each).
const voicesAfterStart = 300 * time.Millisecond

// warnAll shows what loading the voices warned of.
func (s *speaker) warnAll(warnings []string) {
	for _, msg := range warnings {
		s.warn(msg)
	}
}

// noSound shows the no-sound notice, once per window.
func (s *speaker) noSound(err error) {
	if s.failed {
		return
	}
	s.failed = true
	msg := err.Error()
	if !strings.HasPrefix(msg, "No sound") {
		msg = lang.L("No sound: {{.Error}}. Cues will flash on screen.", map[string]any{"Error": msg})
	}
	s.silent(msg)
}

// ToggleMute mutes or unmutes the sounds; the cues still flash. Unmuting
// ends a --mute of the command line; the choice is saved.
func (t *settingsTab) ToggleMute() {
	s := t.sound.settings
	s.Muted = !s.Muted
	t.chosen(func(x *settings.Settings) { x.Sound = s })
	if t.view != nil {
		t.view.SetSound(t.sound.settings)
	}
}

// showMuted shows the mute button and the card muted or not.
func (s *sessionScreen) showMuted(muted bool) {
	b := s.controls.mute
	if muted {
		b.SetIcon(theme.VolumeMuteIcon())
		b.Importance = widget.WarningImportance
	} else {
		b.SetIcon(theme.VolumeUpIcon())
		b.Importance = widget.MediumImportance
	}
	b.Refresh()
	s.card.setMuted(muted)
}

// setNoBlanking keeps the screen on while a session runs (the user is on
// the mat, not touching the computer) and gives it back after.
func (s *sessionScreen) setNoBlanking(on bool) {
	if s.noBlanking != on {
		s.noBlanking = on
		s.hooks.blanking(on)
	}
}
