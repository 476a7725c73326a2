package main

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"spineroutine/assets"
	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
)

// TestLanguageOf checks the language of a run: the setting, else the system's.
func TestLanguageOf(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	german := env(map[string]string{"LANG": "de_DE.UTF-8"})
	for _, tc := range []struct {
		name  string
		saved appdata.Saved
		env   func(string) string
		want  i18n.Lang
		err   string
	}{
		{"no setting", appdata.Saved{}, german, i18n.German, ""},
		{"system", appdata.Saved{"language": "system"}, german, i18n.German, ""},
		{"French set", appdata.Saved{"language": "fr"}, german, i18n.French, ""},
		{"English set", appdata.Saved{"language": "en"}, german, i18n.English, ""},
		{"C locale", appdata.Saved{}, env(map[string]string{"LANG": "C", "LANGUAGE": "de"}), i18n.English, ""},
		{"bad setting", appdata.Saved{"language": "xx"}, german, i18n.German,
			`preferences.json: field "language" is "xx", not one of system, en, de, es, fr: the system's language is used`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := languageOf(tc.saved, tc.env)
			if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("languageOf = %q, %v; want %q, %q", got, err, tc.want, tc.err)
			}
		})
	}
}

// TestUseLanguage checks Fyne's own strings (its dialogs' "Cancel") come
// in the language of the run, under a locale it would otherwise read as
// English (C) or as another language, and that the environment the app's
// programs inherit says it too.
func TestUseLanguage(t *testing.T) {
	for _, tc := range []struct {
		name         string
		env          map[string]string
		lang         i18n.Lang
		cancel       string
		wantLCAll    string
		wantLanguage string
	}{
		{"German over a French locale", map[string]string{"LANG": "fr_FR.UTF-8"}, i18n.German, "Abbrechen", "", "de"},
		{"Spanish under LC_ALL=C", map[string]string{"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, i18n.Spanish, "Cancelar", "C.UTF-8", "es"},
		{"English under a German locale", map[string]string{"LANG": "de_DE.UTF-8"}, i18n.English, "Cancel", "", "en"},
		{"French with nothing set", nil, i18n.French, "Annuler", "", "fr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Registered first, this runs after the environment is back:
			// Fyne's lang reads it again, for the tests that follow.
			t.Cleanup(func() {
				if err := lang.AddTranslationsFS(assets.Lang, "lang"); err != nil {
					t.Error(err)
				}
			})
			for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
				t.Setenv(k, tc.env[k])
			}
			if err := useLanguage(tc.lang, os.Getenv, os.Setenv); err != nil {
				t.Fatal(err)
			}
			if got := lang.L("Cancel"); got != tc.cancel {
				t.Errorf(`lang.L("Cancel") = %q, want %q`, got, tc.cancel)
			}
			if os.Getenv("LC_ALL") != tc.wantLCAll || os.Getenv("LANGUAGE") != tc.wantLanguage {
				t.Errorf("LC_ALL=%q LANGUAGE=%q, want %q %q", os.Getenv("LC_ALL"), os.Getenv("LANGUAGE"), tc.wantLCAll, tc.wantLanguage)
			}
			if got := i18n.FromEnv(os.Getenv); got != tc.lang {
				t.Errorf("after it the environment reads as %q", got)
			}
		})
	}
}
