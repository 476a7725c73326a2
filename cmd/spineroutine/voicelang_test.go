package main

import "testing"

// The voice's language as gettext reads the locale: LANGUAGE's first
// language the voice speaks, else the first of LC_ALL, LC_MESSAGES and LANG
// that is set; --lang first of all.
func TestVoiceLang(t *testing.T) {
	for _, c := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "en"},
		{"", map[string]string{"LANG": "de_DE.UTF-8"}, "de"},
		{"", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "POSIX"}, "en"},
		{"", map[string]string{"LANG": "pt_BR.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"},
		{"", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "es_ES@euro"}, "es"},
		{"", map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, "en"},
		{"", map[string]string{"LANGUAGE": "pt:fr_CA:de", "LANG": "de_DE.UTF-8"}, "fr"},
		{"", map[string]string{"LANGUAGE": "pt", "LANG": "es_MX.UTF-8"}, "es"},
		{"de-AT", map[string]string{"LANG": "fr_FR.UTF-8"}, "de"},
		{"FR", nil, "fr"},
	} {
		got, err := voiceLang(c.flag, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("--lang %q %v: %q %v, want %q", c.flag, c.env, got, err, c.want)
		}
	}
	if _, err := voiceLang("pt", func(string) string { return "" }); err == nil {
		t.Error("--lang pt: no error")
	}
}
