package main

import (
	"flag"
	"fmt"

	"spineroutine/internal/i18n"
)

// voiceLang returns the language plan and render speak: flag (--lang)
// when given, else the system's through getenv (os.Getenv; i18n.FromEnv),
// the language the built-in routine's words are read in (loadRoutine). A
// --lang the app does not speak is an error.
func voiceLang(flag string, getenv func(string) string) (i18n.Lang, error) {
	if flag == "" {
		return i18n.FromEnv(getenv), nil
	}
	l, err := i18n.Parse(flag)
	if err != nil {
		return "", fmt.Errorf("--lang: %w", err)
	}
	return l, nil
}

// addLangFlag adds --lang, the voice's language, to the flags of plan and
// render.
func addLangFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "the voice's `language`: "+i18n.Tags()+
		" (default: the system's, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG; English when it is none of them)")
}
