package appdata

import (
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/i18n"
)

// stringValues are settings kept in memory.
type stringValues map[string]string

func (m stringValues) SetString(key, v string) { m[key] = v }

func TestLanguageSettings(t *testing.T) {
	root := t.TempDir()
	for _, tc := range []struct {
		name, file  string
		lang        i18n.Lang
		set         bool
		voice       i18n.Lang
		langErr     string
		voiceErr    string
		windowVoice i18n.Lang // the voice's language under a French window
	}{
		{name: "nothing saved", file: `{}`, voice: i18n.French},
		{name: "system", file: `{"language":"system"}`, voice: i18n.French},
		{name: "German", file: `{"language":"de"}`, lang: i18n.German, set: true, voice: i18n.French},
		{name: "Spanish, English voice", file: `{"language":"es","voice_language":"en"}`, lang: i18n.Spanish, set: true, voice: i18n.English},
		{name: "a language not shipped", file: `{"language":"pt","voice_language":"xx"}`, voice: i18n.French,
			langErr:  `field "language" is "pt", not one of system, en, de, es, fr: the system's language is used`,
			voiceErr: `field "voice_language" is "xx", not "" (the window's language) or one of en, de, es, fr: the window's language is used`},
		{name: "not a text", file: `{"language":3}`, voice: i18n.French},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(root, strings.ReplaceAll(tc.name, " ", "-")+".json")
			write(t, root, filepath.Base(path), tc.file)
			s, err := ReadSaved(path)
			if err != nil {
				t.Fatal(err)
			}
			l, set, err := Language(s)
			if l != tc.lang || set != tc.set || errText(err) != tc.langErr {
				t.Errorf("Language = %q, %v, %v; want %q, %v, %q", l, set, err, tc.lang, tc.set, tc.langErr)
			}
			v, err := VoiceLanguage(s, i18n.French)
			if v != tc.voice || errText(err) != tc.voiceErr {
				t.Errorf("VoiceLanguage = %q, %v; want %q, %q", v, err, tc.voice, tc.voiceErr)
			}
		})
	}
}

func TestSetLanguages(t *testing.T) {
	m := stringValues{}
	SetLanguage(m, "")
	SetVoiceLanguage(m, "")
	if m[KeyLanguage] != "system" || m[KeyVoiceLanguage] != "" {
		t.Errorf("following the system saved %v", m)
	}
	SetLanguage(m, i18n.German)
	SetVoiceLanguage(m, i18n.English)
	saved := Saved{}
	for k, v := range m {
		saved[k] = v
	}
	l, set, err := Language(saved)
	v, verr := VoiceLanguage(saved, l)
	if l != i18n.German || !set || err != nil || v != i18n.English || verr != nil {
		t.Errorf("saved %v read back as %q %v %v, voice %q %v", m, l, set, err, v, verr)
	}
}

// errText is err's message, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
