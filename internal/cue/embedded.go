package cue

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// The embedded clips of each language (assets/voice, assets/voice/<lang>)
// and what they say (assets/lang/voice.<lang>.json).

// shippedID returns the id of the shipped move called name (any case) in
// any language of the voice.
func shippedID(name string) (string, bool) {
	name = strings.TrimSpace(name)
	for _, lang := range i18n.Supported {
		texts, err := voiceTexts(lang)
		if err != nil {
			continue // the bank's own language reports it
		}
		for c, n := range texts {
			if id, ok := strings.CutPrefix(c, "move:"); ok && strings.EqualFold(n, name) {
				return id, true
			}
		}
	}
	return "", false
}

// voiceDir is the directory of a language's embedded clips.
func voiceDir(lang i18n.Lang) string {
	if lang == i18n.English {
		return "voice"
	}
	return path.Join("voice", string(lang))
}

// The embedded clips and their texts are read once per process and
// language; the banks share them (read-only).
var (
	clipsOnce = map[i18n.Lang]func() (map[string][]float32, error){}
	textsOnce = map[i18n.Lang]func() (map[string]string, error){}
)

func init() {
	for _, lang := range i18n.Supported {
		clipsOnce[lang] = sync.OnceValues(func() (map[string][]float32, error) { return decodeClips(lang) })
		textsOnce[lang] = sync.OnceValues(func() (map[string]string, error) { return readTexts(lang) })
	}
}

// embeddedClips returns the decoded clips of language lang by bank key.
func embeddedClips(lang i18n.Lang) (map[string][]float32, error) { return clipsOnce[lang]() }

// voiceTexts returns what each embedded clip of language lang says by
// bank key (assets/lang/voice.<lang>.json), but the numbers (said as
// digits).
func voiceTexts(lang i18n.Lang) (map[string]string, error) { return textsOnce[lang]() }

// decodeClips decodes the embedded clips of language lang.
func decodeClips(lang i18n.Lang) (map[string][]float32, error) {
	dir := voiceDir(lang)
	entries, err := fs.ReadDir(assets.Voice, dir)
	if err != nil {
		return nil, fmt.Errorf("embedded clips: %w", err)
	}
	clips := map[string][]float32{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".ogg")
		if !ok || e.IsDir() {
			continue
		}
		s, err := decodeEmbedded(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("embedded clip %s: %w", path.Join(dir, e.Name()), err)
		}
		clips[clipKey(name)] = s
	}
	return clips, nil
}

// voiceFile is the embedded file of a language's phrases and move names.
func voiceFile(lang i18n.Lang) string { return "lang/voice." + string(lang) + ".json" }

// voiceKey prefixes the clip names in the voice files, so that they never
// take the key of a window string (Fyne loads every file of assets/lang).
const voiceKey = "voice."

// readTexts reads what language lang's clips say from its voice file: an
// object of "voice." and a clip name ("voice.hold", "voice.move-bird-dogs")
// to texts.
func readTexts(lang i18n.Lang) (map[string]string, error) {
	b, err := fs.ReadFile(assets.Lang, voiceFile(lang))
	if err != nil {
		return nil, fmt.Errorf("voice phrases: %w", err)
	}
	var raw map[string]string
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("voice phrases: assets/%s: %w", voiceFile(lang), err)
	}
	texts := make(map[string]string, len(raw))
	for key, t := range raw {
		name, ok := strings.CutPrefix(key, voiceKey)
		if !ok {
			return nil, fmt.Errorf("voice phrases: assets/%s: key %q does not start with %q", voiceFile(lang), key, voiceKey)
		}
		texts[clipKey(name)] = t
	}
	return texts, nil
}
