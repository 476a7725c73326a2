package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
)

// effectiveSound is the saved sound s as it plays in this run: muted while
// the --mute flag holds.
func (st *soundState) effectiveSound(s cue.Settings) cue.Settings {
	s.Muted = s.Muted || st.flagMute
	return s
}

// initSound gives the player the sound settings (with --mute) and a way
// to report that it has no sound.
func (c *controller) initSound() {
	p := c.opts.Player
	if p == nil {
		return
	}
	p.SetSettings(c.sound)
	p.OnNoSound(func(err error) { c.post(func() { c.soundFailed(err) }) })
}

// loadVoices gives the player the spoken prompts of r and returns what
// the loading warns of at once, to show. The bank is usable at once; its
// clips are decoded, and the names r's own moves need synthesized, in the
// background (what that warns of is shown when done).
func (c *controller) loadVoices(r *routine.Routine) []string {
	p, load := c.opts.Player, c.opts.Voices
	if p == nil || load == nil {
		return nil
	}
	bank, warnings := load(r)
	p.SetVoices(bank)
	if c.voicesWaiting == nil {
		c.voicesWaiting = []func(){}
	}
	go func() {
		warnings := bank.Wait()
		c.post(func() {
			c.voiceWarnings(warnings)
			waiting := c.voicesWaiting
			c.voicesWaiting = nil
			for _, f := range waiting {
				f()
			}
		})
	}()
	return warnings
}

// whenVoicesReady runs f once the clips of the voices loading are decoded
// (at once when none are loading).
func (c *controller) whenVoicesReady(f func()) {
	if c.voicesWaiting == nil {
		f()
		return
	}
	c.voicesWaiting = append(c.voicesWaiting, f)
}

// voicesAfterStart is how long after the event loop starts the voices
// load when no session starts at once: the window's first frame is drawn
// within a tick of the loop (16 ms) and takes about 100 ms under software
// OpenGL. Decoding the 58 clips meanwhile, on a 2-core machine, delayed it:
// first frame 230-260 ms with the decoding during the build, 190-200 ms
// after (bare window 120-140 ms, alternated, 6 runs each).
const voicesAfterStart = 300 * time.Millisecond

// loadVoicesNow loads the voices of the routine in use, once (a session
// starting before voicesAfterStart loads them first).
func (c *controller) loadVoicesNow() {
	if c.voicesLoaded {
		return
	}
	c.voicesLoaded = true
	c.voiceWarnings(c.loadVoices(c.base))
}

// voiceWarnings shows what loading the voices warned of.
func (c *controller) voiceWarnings(warnings []string) {
	for _, msg := range warnings {
		c.notice("voices", msg)
	}
}

// ToggleMute mutes or unmutes the sounds; the cues still flash. Unmuting
// ends a --mute of the command line; the choice is saved.
func (c *controller) ToggleMute() {
	s := c.sound
	s.Muted = !s.Muted
	c.settingsChosen(func(x *Settings) { x.Sound = s })
	if c.settings != nil {
		c.settings.setSound(c.sound)
	}
}

func (c *controller) updateMuteButton() {
	b := c.controls.mute
	if c.sound.Muted {
		b.SetIcon(theme.VolumeMuteIcon())
		b.Importance = widget.WarningImportance
	} else {
		b.SetIcon(theme.VolumeUpIcon())
		b.Importance = widget.MediumImportance
	}
	b.Refresh()
	c.card.setMuted(c.sound.Muted)
}

// soundFailed shows the no-audio notice, once per window.
func (c *controller) soundFailed(err error) {
	if c.audioShown {
		return
	}
	c.audioShown = true
	msg := err.Error()
	if !strings.HasPrefix(msg, "No sound") {
		msg = fmt.Sprintf("No sound: %s. Cues will flash on screen.", msg)
	}
	c.notice("audio", msg)
}

// setNoBlanking keeps the screen on while a session runs (the user is on
// the mat, not touching the computer) and gives it back after.
func (c *controller) setNoBlanking(on bool) {
	if c.noBlanking != on {
		c.noBlanking = on
		c.app.Driver().SetDisableScreenBlanking(on)
	}
}
