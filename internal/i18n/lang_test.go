package i18n

import (
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, English},
		{"LANG German", map[string]string{"LANG": "de_DE.UTF-8"}, German},
		{"LANG Spanish", map[string]string{"LANG": "es_ES.UTF-8"}, Spanish},
		{"LANG French, euro", map[string]string{"LANG": "fr_FR@euro"}, French},
		{"LANG C", map[string]string{"LANG": "C"}, English},
		{"LANG POSIX", map[string]string{"LANG": "POSIX"}, English},
		{"LANG C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, English},
		{"unshipped Portuguese", map[string]string{"LANG": "pt_BR.UTF-8"}, English},
		{"LANGUAGE list", map[string]string{"LANGUAGE": "fr:de", "LANG": "es_ES.UTF-8"}, French},
		{"LANGUAGE skips unshipped", map[string]string{"LANGUAGE": "pt_BR:de", "LANG": "es_ES.UTF-8"}, German},
		{"LANGUAGE none shipped", map[string]string{"LANGUAGE": "pt_BR:it", "LANG": "es_ES.UTF-8"}, Spanish},
		{"LC_ALL over LANG", map[string]string{"LC_ALL": "de_AT.UTF-8", "LANG": "fr_FR.UTF-8"}, German},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "es_MX", "LANG": "fr_FR.UTF-8"}, Spanish},
		{"LC_ALL C wins over LANG", map[string]string{"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, English},
		{"LANGUAGE alone", map[string]string{"LANGUAGE": "fr:de"}, French},
		{"LANGUAGE ignored under C", map[string]string{"LANGUAGE": "fr", "LANG": "C"}, English},
		{"LANGUAGE used under C.UTF-8", map[string]string{"LANGUAGE": "fr", "LANG": "C.UTF-8"}, French},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
				t.Errorf("FromEnv(%v) = %q, want %q", tc.env, got, tc.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
	}{
		{"en", English}, {"de", German}, {"ES", Spanish}, {"fr", French},
		{"de_DE.UTF-8", German}, {"fr-CA", French}, {" es ", Spanish},
	} {
		got, err := Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "C", "pt", "deutsch", "system"} {
		_, err := Parse(bad)
		if err == nil || !strings.Contains(err.Error(), "en, de, es, fr") {
			t.Errorf("Parse(%q) error = %v, want one naming en, de, es, fr", bad, err)
		}
	}
}

func TestName(t *testing.T) {
	want := map[Lang]string{English: "English", German: "Deutsch", Spanish: "Español", French: "Français", "pt": "pt"}
	for l, name := range want {
		if got := l.Name(); got != name {
			t.Errorf("%q.Name() = %q, want %q", l, got, name)
		}
	}
	if len(Supported) != 4 || Supported[0] != English {
		t.Errorf("Supported = %v, want English first of four", Supported)
	}
}
