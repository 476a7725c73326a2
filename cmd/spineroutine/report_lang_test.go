package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// reportInLocale runs the real binary's report command on the sample
// month with the environment env (over a locale of nothing set and no
// saved settings: a fresh config folder), and returns the PDF's text as
// pdftotext reads it (no-break spaces as spaces) and the stderr.
func reportInLocale(t *testing.T, dir string, config string, env []string, args ...string) (string, string) {
	t.Helper()
	needTools(t, "pdftotext")
	bin := buildBinary(t)
	out := filepath.Join(t.TempDir(), "report.pdf")
	cmd := exec.Command(bin, append([]string{"report", "--data", dir, "--from", "2026-11-01", "--to", "2026-11-28",
		"--paper", "a4", "--out", out}, args...)...)
	cmd.Env = append(os.Environ(), "LANGUAGE=", "LC_ALL=", "LC_MESSAGES=", "LANG=", "XDG_CONFIG_HOME="+config)
	cmd.Env = append(cmd.Env, env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("report %v under %v: %v\n%s", args, env, err, stderr.String())
	}
	return strings.ReplaceAll(pdfText(t, out), "\u00a0", " "), stderr.String()
}

// englishWords are the report's headings and labels in English: none is
// left in a translated report.
var englishWords = []string{"Home exercise report", "Days with a move done", "Longest gap", "Timed sessions",
	"Pain, first week", "Days done", "Pain before and after each session", "Each move", "Flagged as hurting",
	"The routine as done now", "Level changes", "Day by day", "Easier variant", "exercise guidance",
	"Sunday 1 November", " of {nb}", "page 1 of"}

// TestReportLanguages reads back with pdftotext the report of the sample
// month written by the real binary under LANG=de_DE.UTF-8, es_ES and
// fr_FR, with --lang and with the language setting: its headings, dates
// and decimals are the language's and no English heading is left, while
// the person's notes print as written.
func TestReportLanguages(t *testing.T) {
	dir, _ := writeReportJournal(t)
	fresh := t.TempDir()
	withSetting := func(value string) string {
		config := t.TempDir()
		prefs := filepath.Join(config, "fyne", appID, "preferences.json")
		if err := os.MkdirAll(filepath.Dir(prefs), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(prefs, []byte(`{"language":"`+value+`"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		return config
	}
	german := []string{"Bericht zum Heimübungsprogramm",
		"Sonntag, 1. November 2026 bis Samstag, 28. November 2026 (28 Tage)",
		"Tage mit mindestens einer Übung", "Längste Pause", "Schmerz, erste Woche", "Die einzelnen Übungen",
		"Das Übungsprogramm in seiner aktuellen Form", "Stufenänderungen", "Tag für Tag", "Notizen",
		"Patientenspezifische Funktionsskala", "Seite 1 von 3", "So., 1. Nov.", "Mo., 2. Nov."}
	for _, tc := range []struct {
		name   string
		config string
		env    []string
		args   []string
		want   []string
		// decimal matches a pain average with the language's decimal mark.
		decimal string
		warn    string
	}{
		{name: "LANG German", config: fresh, env: []string{"LANG=de_DE.UTF-8"}, want: german, decimal: `vorher \d,\d, nachher \d,\d`},
		{name: "LC_ALL German over LANG", config: fresh, env: []string{"LANG=en_GB.UTF-8", "LC_ALL=de_DE.UTF-8"}, want: german,
			decimal: `vorher \d,\d`},
		{name: "LANG Spanish", config: fresh, env: []string{"LANG=es_ES.UTF-8"}, decimal: `antes \d,\d, después \d,\d`,
			want: []string{"Informe de ejercicios en casa",
				"Del domingo, 1 de noviembre de 2026 al sábado, 28 de noviembre de 2026 (28 días)",
				"Pausa más larga", "Cada ejercicio", "Día a día", "Cambios de nivel", "Notas",
				"Escala Funcional Específica del Paciente", "página 1 de 3", "dom, 1 nov"}},
		{name: "--lang French under German", config: fresh, env: []string{"LANG=de_DE.UTF-8"}, args: []string{"--lang", "fr"},
			decimal: `avant \d,\d, après \d,\d`,
			want: []string{"Rapport d’exercices à domicile", "Du dimanche 1 novembre 2026 au samedi 28 novembre 2026 (28 jours)",
				"Plus longue interruption", "Chaque exercice", "Jour par jour", "Changements de niveau",
				"Échelle fonctionnelle spécifique au patient", "page 1 sur 3", "dim. 1 nov."}},
		{name: "setting Spanish under German", config: withSetting("es"), env: []string{"LANG=de_DE.UTF-8"},
			want: []string{"Informe de ejercicios en casa", "Día a día"}, decimal: `antes \d,\d`},
		{name: "a bad setting: the system's", config: withSetting("klingon"), env: []string{"LANG=de_DE.UTF-8"},
			want: german, decimal: `vorher \d,\d`,
			warn: `preferences.json: field "language" is "klingon", not one of system, en, de, es, fr: the system's language is used`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, stderr := reportInLocale(t, dir, tc.config, tc.env, tc.args...)
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("%q is not in the report", w)
				}
			}
			for _, w := range englishWords {
				if strings.Contains(text, w) {
					t.Errorf("English %q is left in the report", w)
				}
			}
			for _, note := range sampleNotes {
				if !strings.Contains(text, note) {
					t.Errorf("the note %q is not printed as written", note)
				}
			}
			if !regexp.MustCompile(tc.decimal).MatchString(flat) {
				t.Errorf("no pain average like %s", tc.decimal)
			}
			if key := regexp.MustCompile(`report\.[a-z]+`).FindString(text); key != "" {
				t.Errorf("a message key is printed: %s", key)
			}
			if !strings.Contains(stderr, tc.warn) || (tc.warn == "" && stderr != "") {
				t.Errorf("stderr %q, want %q", stderr, tc.warn)
			}
			if t.Failed() {
				t.Logf("the report's text:\n%s", text)
			}
		})
	}
	// --lang en under German: English again.
	text, _ := reportInLocale(t, dir, fresh, []string{"LANG=de_DE.UTF-8"}, "--lang", "en")
	if !strings.Contains(text, "Home exercise report") || !strings.Contains(text, "Day by day") {
		t.Errorf("--lang en under German is not English:\n%s", text)
	}
}
