package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
)

// The built-in routines are in the language saved in Settings, else the
// system's.
func TestRoutineLang(t *testing.T) {
	tests := []struct {
		saved appdata.Values
		loc   string
		want  i18n.Lang
	}{
		{nil, "de_DE.UTF-8", "de"},
		{nil, "C.UTF-8", "en"},
		{nil, "pt_BR.UTF-8", "en"},
		{appdata.Saved{}, "fr_FR.UTF-8", "fr"},
		{appdata.Saved{"language": "system"}, "es_ES.UTF-8", "es"},
		{appdata.Saved{"language": "es"}, "de_DE.UTF-8", "es"},
		{appdata.Saved{"language": "en"}, "fr_FR.UTF-8", "en"},
		{appdata.Saved{"language": "klingon"}, "fr_FR.UTF-8", "fr"},
	}
	for _, tt := range tests {
		setLang(t, tt.loc)
		if got := routineLang(tt.saved); got != tt.want {
			t.Errorf("saved %v under %s: %q, want %q", tt.saved, tt.loc, got, tt.want)
		}
	}
}

// setLang makes the process's environment ask for the locale loc only.
func setLang(t *testing.T, loc string) {
	t.Helper()
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(k, "")
	}
	t.Setenv("LANG", loc)
}

// `plan --json` under a German LANG plans the German routine: its name,
// and the spoken prompts name each move as the shared table does (the
// German clips say them); under Spanish and French the routine is theirs
// too.
func TestPlanJSONInLang(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	setLang(t, "de_DE.UTF-8")
	var got struct {
		Routine string `json:"routine"`
		Total   int    `json:"total_s"`
		Spoken  []struct {
			Text string `json:"text"`
		} `json:"spoken"`
	}
	runCLI(t, &got, "plan", "--json")
	if got.Routine != "Tägliche Rückenroutine" || got.Total != int(routine.Default().Duration().Seconds()) {
		t.Errorf("routine %q lasting %d s", got.Routine, got.Total)
	}
	var said strings.Builder
	for _, s := range got.Spoken {
		said.WriteString(s.Text + "\n")
	}
	for _, name := range []string{"Band-Überzug über Kopf", "Psoas-Marsch", "W-Rudern", "QL-Dehnung im Hang", "Hohe Planke",
		"Selbst-Dekompression", "Gesäßbrücke", "McGill-Curl-up", "Goblet-Kniebeuge mit Pause", "Seitstütz", "Bird-Dog",
		"Hüftbeuge-Dehnung in Schrittstellung"} {
		if !strings.Contains(said.String(), name) {
			t.Errorf("no prompt names %q:\n%s", name, said.String())
		}
	}
	if strings.Contains(said.String(), "Bird Dogs") {
		t.Errorf("an English move name is spoken:\n%s", said.String())
	}

	for loc, want := range map[string]string{"es_ES.UTF-8": "Rutina diaria para la espalda", "fr_FR.UTF-8": "Routine quotidienne pour le dos",
		"C.UTF-8": "Daily back routine"} {
		setLang(t, loc)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"plan"}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", loc, code, stderr.String())
		}
		if first, _, _ := strings.Cut(stdout.String(), ":"); first != want {
			t.Errorf("%s: plan of %q, want %q", loc, first, want)
		}
	}
}

// The journal names moves by id: days done under English show, after a
// change to German, under the German names (progress names each move from
// the routine in use), with the same levels and suggestions.
func TestJournalAcrossLanguages(t *testing.T) {
	data := upJournal(t) // written by an English session
	out := map[string]string{}
	for _, loc := range []string{"C.UTF-8", "de_DE.UTF-8"} {
		setLang(t, loc)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"progress", "--data", data, "--day", "2026-11-23"}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", loc, code, stderr.String())
		}
		out[loc] = stdout.String()
	}
	en, de := routine.Default(), routine.DefaultIn("de")
	for i, m := range en.Moves {
		if !strings.Contains(out["C.UTF-8"], m.Name) || !strings.Contains(out["de_DE.UTF-8"], de.Moves[i].Name) {
			t.Errorf("%s: not named %q in English or %q in German", m.ID, m.Name, de.Moves[i].Name)
		}
	}
	// Replacing the names gives the same text: same moves, levels, suggestions.
	translated := out["C.UTF-8"]
	for i := len(en.Moves) - 1; i >= 0; i-- { // "Side Planks" before any shorter name it holds
		translated = strings.ReplaceAll(translated, en.Moves[i].Name, de.Moves[i].Name)
	}
	if norm(translated) != norm(out["de_DE.UTF-8"]) {
		t.Errorf("German progress differs beyond the names:\n%s\nwant\n%s", out["de_DE.UTF-8"], translated)
	}
}

// norm drops the spaces that align columns, which the names' lengths move.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// The built-in routines in each language, written out as a routine file,
// pass the check command (every check a routine file gets, the figures
// against the shipped pose library).
func TestCheckTranslatedBuiltins(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, lang := range routine.Languages() {
		for _, r := range []*routine.Routine{routine.DefaultIn(lang), routine.Big3In(lang)} {
			f := filepath.Join(dir, string(lang)+"-"+r.Source+".toml")
			if err := os.WriteFile(f, routine.Format(r), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := runCheck(files, &stdout, &stderr); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if n := strings.Count(stdout.String(), "\n"); n < len(files) {
		t.Errorf("check printed %d lines for %d files:\n%s", n, len(files), stdout.String())
	}
}
