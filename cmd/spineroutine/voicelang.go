package main

import (
	"fmt"
	"slices"
	"strings"

	"spineroutine/internal/cue"
)

// voiceLang returns the language plan and render speak: flag (--lang)
// when given, else the environment's through getenv (os.Getenv) as
// gettext reads it: the first entry of LANGUAGE's ':' list the voice
// speaks, else the first of LC_ALL, LC_MESSAGES and LANG that is set
// ("de_DE.UTF-8" is German). C, POSIX, an unset locale and a language the
// voice does not speak are English. A --lang the voice does not speak is
// an error.
func voiceLang(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		if l, ok := localeLang(flag); ok {
			return l, nil
		}
		return "", fmt.Errorf("--lang %q: want one of %s", flag, strings.Join(cue.Languages, ", "))
	}
	for _, entry := range strings.Split(getenv("LANGUAGE"), ":") {
		if l, ok := localeLang(entry); ok {
			return l, nil
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			l, _ := localeLang(v)
			return l, nil
		}
	}
	return cue.English, nil
}

// localeLang returns the voice's language of a locale name
// ("de_DE.UTF-8@euro", "de-DE", "DE" are de); English and false when the
// voice does not speak it.
func localeLang(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexAny(s, "_-"); i >= 0 {
		s = s[:i]
	}
	l := strings.ToLower(s)
	if slices.Contains(cue.Languages, l) {
		return l, true
	}
	return cue.English, false
}
