package main

import (
	"os"

	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
)

// routineLang is the language of the built-in routines in the window and
// the commands: the language saved in Settings (saved; nil: none), else
// the system's (i18n.FromEnv). A saved value that is no language follows
// the system (the window's Settings report it). The person's own
// routines keep their words in every language.
func routineLang(saved appdata.Values) i18n.Lang {
	if saved != nil {
		if l, set, err := appdata.Language(saved); err == nil && set {
			return l
		}
	}
	return i18n.FromEnv(os.Getenv)
}
