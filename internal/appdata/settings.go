package appdata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"spineroutine/internal/progress"
	"spineroutine/internal/regfile"
)

// The window keeps its settings through Fyne's preferences, a JSON object
// of key to value in PrefsFile under the folder of the app's ID; the
// commands read the same file here, through the same key names and the same
// checks, so that both see the same settings.

// PrefsFile is the name of the settings file in the app's folder.
const PrefsFile = "preferences.json"

// MaxPrefsSize bounds the settings file: it holds a few settings and the
// window's place.
const MaxPrefsSize = 1 << 20

// KeyRoutinePath is the key of the routine file once opened in Settings
// (before the library): "" for the built-in routine.
const KeyRoutinePath = "routine.path"

// ProgressKeys are the keys of the progression rule's numbers, each with
// its field of progress.Params, in the order Settings shows them.
var ProgressKeys = []struct {
	Key   string
	Field func(*progress.Params) *int
}{
	{"progress.sessions", func(p *progress.Params) *int { return &p.Sessions }},
	{"progress.window", func(p *progress.Params) *int { return &p.Window }},
	{"progress.maxAfter", func(p *progress.Params) *int { return &p.MaxAfter }},
	{"progress.maxRise", func(p *progress.Params) *int { return &p.MaxRise }},
	{"progress.maxNextRise", func(p *progress.Params) *int { return &p.MaxNextRise }},
	{"progress.nextWithin", func(p *progress.Params) *int { return &p.NextWithin }},
	{"progress.downAfter", func(p *progress.Params) *int { return &p.DownAfter }},
	{"progress.downNextRise", func(p *progress.Params) *int { return &p.DownNextRise }},
	{"progress.flare", func(p *progress.Params) *int { return &p.Flare }},
	{"progress.flareDays", func(p *progress.Params) *int { return &p.FlareDays }},
	{"progress.stop", func(p *progress.Params) *int { return &p.Stop }},
	{"progress.maxUps", func(p *progress.Params) *int { return &p.MaxUps }},
}

// Values is what the readers of the settings need of them: Fyne's
// preferences (the window) and Saved (the commands) both have it.
type Values interface {
	IntWithFallback(key string, fallback int) int
	String(key string) string
}

// IntSetter is what SetProgress needs to save numbers (Fyne's
// preferences have it).
type IntSetter interface {
	SetInt(key string, value int)
}

// Progress returns the progression rule's numbers of v: the saved ones,
// or the defaults when none are saved or the saved ones make no sense
// together (a hand-edited file).
func Progress(v Values) progress.Params {
	p := progress.Defaults()
	for _, k := range ProgressKeys {
		f := k.Field(&p)
		*f = v.IntWithFallback(k.Key, *f)
	}
	if p.Validate() != nil {
		return progress.Defaults()
	}
	return p
}

// SetProgress saves the rule's numbers in s; numbers that make no sense
// together are not saved (they would read as the defaults).
func SetProgress(s IntSetter, p progress.Params) {
	if p.Validate() != nil {
		return
	}
	for _, k := range ProgressKeys {
		s.SetInt(k.Key, *k.Field(&p))
	}
}

// RoutinePath returns the routine file of v once opened in Settings, ""
// for the built-in routine.
func RoutinePath(v Values) string { return v.String(KeyRoutinePath) }

// PrefsPath returns where Fyne keeps the settings of the app appID:
// <user config dir>/fyne/<appID>/preferences.json (whatever --data says:
// the data folder holds the journal and the library, not the settings).
func PrefsPath(appID string) (string, error) {
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("settings: no configuration folder: %w", err)
	}
	return filepath.Join(cfg, "fyne", appID, PrefsFile), nil
}

// Saved are settings read from a settings file, as Fyne reads them.
type Saved map[string]any

// ReadSaved reads the settings file at path; a missing file is no saved
// setting (a first start). A file that is not a regular one, too large or
// not a JSON object is an error naming it (the caller goes on with the
// defaults).
func ReadSaved(path string) (Saved, error) {
	data, err := regfile.ReadFile(path, MaxPrefsSize)
	if errors.Is(err, fs.ErrNotExist) {
		return Saved{}, nil
	}
	if err != nil {
		return Saved{}, fmt.Errorf("settings: %w", err)
	}
	s := Saved{}
	if err := json.Unmarshal(data, &s); err != nil {
		return Saved{}, fmt.Errorf("settings %s: not the settings the app writes: %w", path, err)
	}
	return s, nil
}

// IntWithFallback returns the whole number saved under key, fallback when
// there is none (or it is not a number), as Fyne's preferences read it.
func (s Saved) IntWithFallback(key string, fallback int) int {
	switch v := s[key].(type) {
	case float64:
		return int(v)
	case int:
		return v
	}
	return fallback
}

// String returns the text saved under key, "" when there is none.
func (s Saved) String(key string) string {
	v, _ := s[key].(string)
	return v
}
