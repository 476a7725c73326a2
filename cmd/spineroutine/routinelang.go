package main

import (
	"os"
	"slices"
	"strings"

	"spineroutine/internal/routine"
)

// routineLang is the language of the built-in routines in the window and
// the commands: the system's (envLang of the process's environment). The
// person's own routines keep their words in every language.
func routineLang() string { return envLang(os.Getenv) }

// envLang is the language the environment asks for, as gettext reads it:
// the first entry of LANGUAGE's list, else LC_ALL, else LC_MESSAGES, else
// LANG; "de_DE.UTF-8" gives "de". C, POSIX, nothing set and a language the
// built-in routines are not written in give English.
func envLang(getenv func(string) string) string {
	var v string
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v = getenv(k); v != "" {
			break
		}
	}
	v, _, _ = strings.Cut(v, ":")
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	v, _, _ = strings.Cut(strings.ReplaceAll(v, "-", "_"), "_")
	if v = strings.ToLower(v); slices.Contains(routine.Languages(), v) {
		return v
	}
	return routine.English
}
