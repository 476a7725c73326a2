package main

import (
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2/lang"

	"spineroutine/assets"
	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
)

// languageOf is the language of a run: the language setting saved in the
// window (saved), else the system's (i18n.FromEnv through getenv). A
// setting that names no language the app ships is an error naming the
// settings file and the field, with the system's language returned.
func languageOf(saved appdata.Values, getenv func(string) string) (i18n.Lang, error) {
	l, set, err := appdata.Language(saved)
	if err != nil {
		path, perr := appdata.PrefsPath(appID)
		if perr != nil {
			path = appdata.PrefsFile
		}
		return i18n.FromEnv(getenv), fmt.Errorf("settings %s: %w", path, err)
	}
	if set {
		return l, nil
	}
	return i18n.FromEnv(getenv), nil
}

// commandLanguage is the language of command cmd (languageOf with the
// process's environment); a bad setting is a warning on stderr.
func commandLanguage(saved appdata.Values, stderr io.Writer, cmd string) i18n.Lang {
	l, err := languageOf(saved, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine %s: warning: %v\n", cmd, err)
	}
	return l
}

// useLanguage makes Fyne's lang package (and the programs the app runs)
// speak l and loads the window's translations (assets/lang) into it; it
// runs once, before the window is built. Fyne's lang reads the locale as
// gettext does (go-locale): LANGUAGE, unless the locale, the first of
// LC_ALL, LC_MESSAGES and LANG that is set, is C or POSIX. So LANGUAGE is
// set to l and, for a language other than English under such a locale,
// that variable is set to C.UTF-8 (the same C locale in UTF-8), which
// lets LANGUAGE speak.
func useLanguage(l i18n.Lang, getenv func(string) string, setenv func(key, value string) error) error {
	if err := setenv("LANGUAGE", string(l)); err != nil {
		return fmt.Errorf("setting the language %s: %w", l, err)
	}
	if l != i18n.English {
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			v := getenv(name)
			if v == "" {
				continue
			}
			if v == "C" || v == "POSIX" {
				if err := setenv(name, "C.UTF-8"); err != nil {
					return fmt.Errorf("setting the language %s: %w", l, err)
				}
			}
			break
		}
	}
	if err := lang.AddTranslationsFS(assets.Lang, "lang"); err != nil {
		return fmt.Errorf("the window's translations: %w", err)
	}
	return nil
}
