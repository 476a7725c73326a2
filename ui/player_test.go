package ui

import (
	"errors"
	"testing"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
)

// TestVoicesLoadedByTheWindow: the window loads the voices of the routine
// in use into the player after its first frame (or at once when a session
// starts) and again when the routine changes, and shows what the loading
// warns of.
func TestVoicesLoadedByTheWindow(t *testing.T) {
	var asked []string
	h := newHarness(t, func(o *Options) {
		o.Voices = func(r *routine.Routine) (*cue.VoiceBank, []string) {
			asked = append(asked, r.Name)
			// The shipped clips only: nothing to synthesize in a test.
			bank, _ := cue.LoadVoices(routine.Default(), "")
			return bank, []string{"voices of " + r.Name}
		}
	})
	h.sync()
	if len(asked) != 0 {
		t.Fatalf("voices asked for %v before the window's first frame", asked)
	}
	h.w.started()
	h.advance(voicesAfterStart)
	if len(asked) != 1 || asked[0] != "Test routine" || len(h.player.voices) != 1 {
		t.Fatalf("at start: voices asked for %v, given to the player %d times", asked, len(h.player.voices))
	}
	if got := uitest.LabelTexts(h.session().notes.box); !contains(got, "voices of Test routine") {
		t.Errorf("the loading's warning is not shown: %q", got)
	}
	if err := h.w.useRoutine(routine.Default()); err != nil {
		t.Fatal(err)
	}
	h.sync()
	if len(asked) != 2 || asked[1] != routine.Default().Name || len(h.player.voices) != 2 {
		t.Errorf("after a change of routine: voices asked for %v, given %d times", asked, len(h.player.voices))
	}
}

// TestMuteFlagAppliedByTheWindow: --mute reaches the player through the
// window (cmd hands the saved settings over unchanged) and is not saved.
func TestMuteFlagAppliedByTheWindow(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Mute = true })
	if !h.player.settings.Muted {
		t.Error("--mute: the player is not muted")
	}
	if h.prefs().Sound().Muted {
		t.Error("--mute was saved")
	}
}

// TestNoSoundReportedByThePlayer: a speaker the player cannot open after
// the session started (through OnNoSound) gives the no-sound notice.
func TestNoSoundReportedByThePlayer(t *testing.T) {
	h := newHarness(t, nil)
	if h.player.noSound == nil {
		t.Fatal("the window gave the player no OnNoSound function")
	}
	h.player.noSound(errors.New("the audio device did not open"))
	h.sync()
	if _, ok := h.session().notes.byKey["audio"]; !ok {
		t.Error("no notice that there is no sound")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A session started before the voices' turn after the first frame loads
// them first, and only once.
func TestVoicesLoadedBeforeAnEarlySession(t *testing.T) {
	asked := 0
	h := newHarness(t, func(o *Options) {
		o.Voices = func(r *routine.Routine) (*cue.VoiceBank, []string) {
			asked++
			bank, _ := cue.LoadVoices(routine.Default(), "")
			return bank, nil
		}
	})
	h.w.started()
	h.w.StartPause()
	if asked != 1 || len(h.player.voices) != 1 {
		t.Fatalf("session started: voices asked for %d times, given %d times; want 1", asked, len(h.player.voices))
	}
	h.advance(voicesAfterStart + time.Second)
	if asked != 1 {
		t.Errorf("voices asked for %d times, want once", asked)
	}
}
