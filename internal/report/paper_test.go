package report

import "testing"

func TestPaperFor(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Paper
	}{
		{map[string]string{}, A4},
		{map[string]string{"LANG": "en_US.UTF-8"}, Letter},
		{map[string]string{"LANG": "en_GB.UTF-8"}, A4},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, A4},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_PAPER": "es_MX"}, Letter},
		{map[string]string{"LC_ALL": "C", "LC_PAPER": "en_US.UTF-8"}, A4},
		{map[string]string{"LC_ALL": "fr_CA.UTF-8@euro"}, Letter},
		{map[string]string{"LANG": "POSIX"}, A4},
	} {
		if got := PaperFor(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.env, got, tc.want)
		}
	}
}

func TestParsePaper(t *testing.T) {
	for in, want := range map[string]Paper{"a4": A4, "A4": A4, "letter": Letter, "Letter": Letter} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParsePaper("legal"); err == nil {
		t.Error("legal accepted")
	}
}
