package cue

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
)

// VoiceBank holds the spoken clips of one language, decoded to mono
// samples at SampleRate: the embedded phrase clips (numbers, "next",
// "hold", ...) and one name clip per move, from which prompts are composed
// with the language's grammar. It is safe for concurrent use: names
// synthesized in the background are added as they are made, and prompts
// placed from then on say them. A nil *VoiceBank has no clip (tones only).
type VoiceBank struct {
	lang     i18n.Lang
	gram     *grammar
	mu       sync.RWMutex
	clips    map[string][]float32 // phrase clip name, or "move:" + move id
	texts    map[string]string    // what the embedded clips say, by the same names
	ready    chan struct{}        // closed when the embedded clips are in
	done     chan struct{}        // closed when background synthesis ends
	warnings []string             // of the background synthesis
}

// Language returns the language the bank speaks.
func (v *VoiceBank) Language() i18n.Lang {
	if v == nil {
		return i18n.English
	}
	return v.lang
}

// grammar returns the rules of the bank's language (English for nil).
func (v *VoiceBank) grammar() *grammar {
	if v == nil {
		return grammars[i18n.English]
	}
	return v.gram
}

// text returns what the embedded clip name says, false when the bank has
// no such clip (a synthesized name: the move's own name is its text).
func (v *VoiceBank) text(name string) (string, bool) {
	if v == nil {
		return "", false
	}
	<-v.ready
	v.mu.RLock()
	defer v.mu.RUnlock()
	t, ok := v.texts[name]
	return t, ok
}

// Duration is the length of the named clip ("rest", "move:bird-dogs"; 0
// if the bank has none).
func (v *VoiceBank) Duration(name string) time.Duration {
	s, _ := v.clip(name)
	return SampleRate.D(len(s))
}

// Wait blocks until the clips LoadVoices decodes and synthesizes in the
// background are all in (or failed) and returns what went wrong, for the
// user.
func (v *VoiceBank) Wait() []string {
	if v == nil {
		return nil
	}
	<-v.done
	v.mu.RLock()
	defer v.mu.RUnlock()
	return append([]string(nil), v.warnings...)
}

func (v *VoiceBank) clip(name string) ([]float32, bool) {
	if v == nil {
		return nil, false
	}
	<-v.ready
	v.mu.RLock()
	defer v.mu.RUnlock()
	s, ok := v.clips[name]
	return s, ok
}

func (v *VoiceBank) add(name string, s []float32) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.clips[name] = s
}

func (v *VoiceBank) warn(msg string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.warnings = append(v.warnings, msg)
}

// compose returns the samples of a prompt: its clips in order, wordGap
// apart (pauseGap at a pause mark, none at a join mark), made anew at each call: kept, the
// prompts of a whole default routine came to 13 MB (39 prompts of 1.9 s on
// average), which the heap would have grown by over a session, while
// making one is a copy of 80 000 samples. It fails when a clip is missing.
func (v *VoiceBank) compose(clips []string) ([]float32, bool) {
	if v == nil {
		return nil, false
	}
	type part struct {
		gap int // silent samples before the clip
		s   []float32
	}
	parts := make([]part, 0, len(clips))
	n := 0
	gap := SampleRate.N(wordGap)
	for _, c := range clips {
		switch c {
		case pause:
			gap = SampleRate.N(pauseGap)
			continue
		case join:
			gap = 0
			continue
		}
		cs, ok := v.clip(c)
		if !ok {
			return nil, false
		}
		p := part{s: cs}
		if n > 0 {
			p.gap = gap
		}
		parts = append(parts, p)
		n += p.gap + len(cs)
		gap = SampleRate.N(wordGap)
	}
	// One allocation of the prompt's length: appended clip by clip, the
	// copies as it grew cost more than the clips' own.
	out := make([]float32, n)
	i := 0
	for _, p := range parts {
		i += p.gap
		i += copy(out[i:], p.s)
	}
	return out, n > 0
}

// moveClip is the bank key of a move's name clip.
func moveClip(moveID string) string { return "move:" + moveID }

// clipKey is the bank key of the embedded clip file name (no extension).
func clipKey(file string) string {
	if id, isMove := strings.CutPrefix(file, "move-"); isMove {
		return moveClip(id)
	}
	return file
}

// LoadVoices returns at once the English voice bank for routine r (see
// LoadVoicesIn).
func LoadVoices(r *routine.Routine, cacheDir string) (*VoiceBank, []string) {
	return LoadVoicesIn(i18n.English, r, cacheDir)
}

// LoadVoicesIn returns at once the voice bank for routine r (nil: the
// shipped moves only) in language lang (a tag of i18n.Supported; "" is
// English; another one gives English and a warning). A move of r named
// as a shipped move in any language (its name in the routine's overlay)
// says the shipped move's clip in lang. The embedded clips are decoded in the background,
// off the window's start-up path (0.2 s on a quiet machine, 0.9-1.2 s and
// 51 MB of allocations under load, measured before they were moved there);
// a lookup waits for them. The name of each move of r that has no
// embedded clip (by its name) is then synthesized in lang's voice: in
// English with Festival (CMU SLT HTS voice) when it is installed and
// manages, else (and in the other languages) espeak-ng, and cached in
// cacheDir (none when empty); Wait waits for all of it. Without a
// synthesizer those moves are not named and one warning says so at once.
// Warnings are meant for the user; the bank is always usable.
func LoadVoicesIn(lang i18n.Lang, r *routine.Routine, cacheDir string) (*VoiceBank, []string) {
	var warnings []string
	gram, err := grammarOf(lang)
	if err != nil {
		warnings = append(warnings, err.Error()+": English instead")
		lang, gram = i18n.English, grammars[i18n.English]
	}
	if lang == "" {
		lang = i18n.English
	}
	v := &VoiceBank{lang: lang, gram: gram, clips: map[string][]float32{}, texts: map[string]string{},
		ready: make(chan struct{}), done: make(chan struct{})}
	shipped := map[string]string{} // move id -> id of the shipped move of its name
	var unnamed []routine.Move     // moves without a shipped name clip
	if r != nil {
		for _, m := range r.Moves {
			if id, ok := shippedID(m.Name); ok {
				shipped[m.ID] = id
			} else {
				unnamed = append(unnamed, m)
			}
		}
	}
	missing := unnamed // the names to synthesize
	var synths []synthesizer
	if len(missing) > 0 {
		var err error
		if synths, err = findSynthesizers(gram); err != nil {
			warnings = append(warnings, fmt.Sprintf("no spoken name for %d move(s) of %q: %v (tones only)", len(missing), r.Name, err))
			missing = nil
		}
	}
	go func() {
		defer close(v.done)
		if err := v.addEmbedded(shipped, unnamed); err != nil {
			v.warn(fmt.Sprintf("voice prompts off: %v", err))
			return
		}
		var failed []string
		var firstErr error
		for _, m := range missing {
			s, err := speak(synths, speechText(m.Name), cacheDir)
			if err != nil {
				failed = append(failed, m.Name)
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			v.add(moveClip(m.ID), s)
		}
		if len(failed) > 0 {
			v.warn(fmt.Sprintf("no spoken name for %s: %v", strings.Join(failed, ", "), firstErr))
		}
	}()
	return v, warnings
}

// addEmbedded puts the embedded clips in the bank, each move of shipped
// (move id -> shipped move id) named by its shipped move's clip and none
// of unnamed named by a clip of the same id, and opens the bank to
// lookups, even when the clips could not be decoded.
func (v *VoiceBank) addEmbedded(shipped map[string]string, unnamed []routine.Move) error {
	defer close(v.ready)
	embedded, err := embeddedClips(v.lang)
	if err != nil {
		return err
	}
	texts, err := voiceTexts(v.lang)
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	for name, s := range embedded {
		v.clips[name] = s
	}
	for name, t := range texts {
		v.texts[name] = t
	}
	for id, from := range shipped {
		v.clips[moveClip(id)] = embedded[moveClip(from)]
		v.texts[moveClip(id)] = texts[moveClip(from)]
	}
	for _, m := range unnamed {
		delete(v.clips, moveClip(m.ID))
		delete(v.texts, moveClip(m.ID))
	}
	return nil
}
