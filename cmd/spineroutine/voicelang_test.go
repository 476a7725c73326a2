package main

import (
	"strings"
	"testing"

	"spineroutine/internal/i18n"
)

// The voice's language: --lang first, else the system's (i18n.FromEnv).
func TestVoiceLang(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want i18n.Lang
	}{
		{"", nil, i18n.English},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, i18n.German},
		{"", map[string]string{"LANG": "pt_BR.UTF-8"}, i18n.English},
		{"", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "es_ES@euro"}, i18n.Spanish},
		{"", map[string]string{"LANGUAGE": "pt:fr_CA:de", "LANG": "de_DE.UTF-8"}, i18n.French},
		{"de-AT", map[string]string{"LANG": "fr_FR.UTF-8"}, i18n.German},
		{"FR", nil, i18n.French},
	} {
		got, err := voiceLang(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("--lang %q %v: %q %v, want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := voiceLang("pt", func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "en, de, es, fr") {
		t.Errorf("--lang pt: %v, want an error naming the languages", err)
	}
}
