package cue

import (
	"fmt"
	"slices"
	"spineroutine/internal/i18n"
	"strings"
)

// Recording is what scripts/make-voices.sh records for a language: where
// its clips go, the synthesizer voice that says them and every clip.
type Recording struct {
	Dir      string // under assets/: "voice" (English) or "voice/<lang>"
	Festival string // the Festival voice ("" for none: espeak-ng says them)
	Espeak   string // espeak-ng's voice of the language
	Clips    []Clip // sorted by name
}

// Clip is an embedded clip: its file name (without .ogg) and the text the
// synthesizer says (a move's name made Speakable).
type Clip struct{ Name, Text string }

// RecordingOf returns the recording of language lang: its phrases and move
// names (assets/lang/voice.<lang>.json) and its numbers (its grammar).
func RecordingOf(lang i18n.Lang) (Recording, error) {
	g, err := grammarOf(lang)
	if err != nil {
		return Recording{}, err
	}
	texts, err := voiceTexts(g.lang)
	if err != nil {
		return Recording{}, err
	}
	r := Recording{Dir: voiceDir(g.lang), Festival: g.festival, Espeak: g.espeak}
	for key, t := range texts {
		name := key
		if id, ok := strings.CutPrefix(key, "move:"); ok {
			name, t = "move-"+id, Speakable(t)
		}
		r.Clips = append(r.Clips, Clip{name, t})
	}
	for name, t := range g.numberWords() {
		if _, dup := texts[name]; dup {
			return Recording{}, fmt.Errorf("%s: the number clip %q is a phrase of assets/%s too", lang, name, voiceFile(g.lang))
		}
		r.Clips = append(r.Clips, Clip{name, t})
	}
	slices.SortFunc(r.Clips, func(a, b Clip) int { return strings.Compare(a.Name, b.Name) })
	return r, nil
}
