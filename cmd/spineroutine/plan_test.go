package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
	}
}

func TestPlanGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		locale string // LANG ("": C.UTF-8)
	}{
		{"plan_default.txt", nil, ""},
		{"plan_default.json", []string{"--json"}, ""},
		{"plan_big3.txt", []string{"--routine", "../../assets/big3.toml"}, ""},
		{"plan_big3.json", []string{"--routine", "../../assets/big3.toml", "--json"}, ""},
		{"plan_e2e.txt", []string{"--routine", "testdata/e2e.toml"}, ""},
		{"plan_e2e.json", []string{"--routine", "testdata/e2e.toml", "--json"}, ""},
		{"plan_default_voice.txt", []string{"--voice-report"}, ""},
		{"plan_big3_minimal_voice.txt", []string{"--routine", "../../assets/big3.toml", "--detail", "minimal", "--voice-report"}, ""},
		// The prompts in the language of the environment.
		{"plan_default.de.json", []string{"--json"}, "de_DE.UTF-8"},
		{"plan_default.es.json", []string{"--json"}, "es_ES.UTF-8"},
		{"plan_default.fr.json", []string{"--json"}, "fr_FR.UTF-8"},
		{"plan_big3_full.de.json", []string{"--routine", "../../assets/big3.toml", "--detail", "full", "--json"}, "de_DE.UTF-8"},
		{"plan_big3_full.es.json", []string{"--routine", "../../assets/big3.toml", "--detail", "full", "--json"}, "es_ES.UTF-8"},
		{"plan_big3_full.fr.json", []string{"--routine", "../../assets/big3.toml", "--detail", "full", "--json"}, "fr_FR.UTF-8"},
		{"plan_e2e.de.json", []string{"--routine", "testdata/e2e.toml", "--json"}, "de_AT.UTF-8"},
		{"plan_e2e.es.json", []string{"--routine", "testdata/e2e.toml", "--json"}, "es_MX.UTF-8"},
		{"plan_e2e.fr.json", []string{"--routine", "testdata/e2e.toml", "--json"}, "fr_CA.UTF-8"},
		{"plan_default_voice.de.txt", []string{"--voice-report"}, "de_DE.UTF-8"},
		{"plan_big3_voice.es.txt", []string{"--routine", "../../assets/big3.toml", "--voice-report", "--lang", "es"}, "de_DE.UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			setLang(t, cmp.Or(tt.locale, "C.UTF-8"))
			var stdout, stderr bytes.Buffer
			if code := runPlan(tt.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			golden(t, tt.golden, stdout.Bytes())
		})
	}
}

// TestPlanJSONShape decodes the JSON and checks that the steps tile the
// total and that numbers carry no float noise.
func TestPlanJSONShape(t *testing.T) {
	setLang(t, "C")
	var stdout, stderr bytes.Buffer
	if code := runPlan([]string{"--json", "--routine", "testdata/e2e.toml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out struct {
		Routine string  `json:"routine"`
		Total   float64 `json:"total_s"`
		Steps   []struct {
			Start float64 `json:"start_s"`
			Dur   float64 `json:"dur_s"`
			Kind  string  `json:"kind"`
			Move  string  `json:"move"`
		} `json:"steps"`
		Cues []struct {
			At   float64 `json:"at_s"`
			Kind string  `json:"kind"`
			N    int     `json:"n"`
		} `json:"cues"`
		Spoken []struct {
			At   float64 `json:"at_s"`
			Len  float64 `json:"len_s"`
			Text string  `json:"text"`
		} `json:"spoken"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Routine != "End-to-end check" || out.Total != 29 || len(out.Steps) == 0 || len(out.Cues) == 0 {
		t.Fatalf("routine %q total %v, %d steps, %d cues", out.Routine, out.Total, len(out.Steps), len(out.Cues))
	}
	at := 0.0
	for i, s := range out.Steps {
		if s.Start != at || s.Dur <= 0 {
			t.Fatalf("step %d starts at %v lasting %v, want start %v", i, s.Start, s.Dur, at)
		}
		at += s.Dur
	}
	if at != out.Total || out.Cues[len(out.Cues)-1].Kind != "done" {
		t.Errorf("steps end at %v, total %v; last cue %q", at, out.Total, out.Cues[len(out.Cues)-1].Kind)
	}
	// The prompts are in order, apart, and the moves are named.
	var texts []string
	for i, s := range out.Spoken {
		if s.Len <= 0 || (i > 0 && s.At < out.Spoken[i-1].At+out.Spoken[i-1].Len) {
			t.Errorf("prompt %d %q at %v lasting %v overlaps the one before", i, s.Text, s.At, s.Len)
		}
		texts = append(texts, s.Text)
	}
	if all := strings.Join(texts, " | "); !strings.Contains(all, "Side Planks") || !strings.Contains(all, "Bird Dogs, 2 reps each side") {
		t.Errorf("spoken %q: want both moves named", all)
	}
	if strings.Contains(stdout.String(), "00000") || strings.Contains(stdout.String(), "99999") {
		t.Errorf("float noise in the JSON")
	}
}

func TestPlanErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("name = \"x\"\n[[move]]\nid = \"a\"\nname = \"A\"\nhold = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stderrHas  []string
		stdoutHas  string
		stdoutNone bool
	}{
		{"unknown moves", []string{"--routine", "testdata/e2e.toml", "--moves", "bird-dogs,nope,zip"}, 1,
			[]string{"nope, zip", "valid ids: side-planks, bird-dogs"}, "", true},
		{"invalid routine", []string{"--routine", bad}, 1, []string{bad + ":5:", "hold"}, "", true},
		{"missing routine", []string{"--routine", filepath.Join(dir, "none.toml")}, 1, []string{"none.toml"}, "", true},
		{"extra argument", []string{"extra"}, 2, []string{"unexpected argument", "Usage: spineroutine plan"}, "", true},
		{"unknown flag", []string{"--nope"}, 2, []string{"flag provided but not defined"}, "", true},
		{"bad detail", []string{"--detail", "loud"}, 2, []string{`--detail "loud"`, "minimal, normal or full"}, "", true},
		{"json and report", []string{"--json", "--voice-report"}, 2, []string{"exclude each other"}, "", true},
		{"bad lang", []string{"--lang", "pt_BR"}, 2, []string{"--lang", `"pt_BR"`, "en, de, es, fr"}, "", true},
		{"help", []string{"--help"}, 0, []string{"--moves"}, "", true},
		{"selection", []string{"--routine", "testdata/e2e.toml", "--moves", " bird-dogs "}, 0, nil,
			"End-to-end check: 1 move(s)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runPlan(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			for _, s := range tt.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr %q, want it to contain %q", stderr.String(), s)
				}
			}
			if tt.stdoutNone && stdout.Len() > 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
			if !strings.Contains(stdout.String(), tt.stdoutHas) {
				t.Errorf("stdout %q, want it to contain %q", stdout.String(), tt.stdoutHas)
			}
		})
	}
}

func TestPlanIsRegistered(t *testing.T) {
	c, ok := commands["plan"]
	if !ok || c.run == nil || c.usage != planUsage {
		t.Fatalf("plan command not registered: %+v", c)
	}
}

// TestPlanSpeaksTheLanguage: under each LANG the prompts of plan --json are
// that language's sentences, in its word order and agreement, and no
// English phrase is left among them.
func TestPlanSpeaksTheLanguage(t *testing.T) {
	english := []string{"Next:", "seconds", "reps", "hold ", "each side", "left side", "right side", "set ", "rest", "Get ready", "Done"}
	for _, c := range []struct {
		locale string
		want   []string
	}{
		{"de_DE.UTF-8", []string{"Als Nächstes: Seitstütz, 6 Wiederholungen pro Seite, 10 Sekunden halten, zuerst die linke Seite",
			"Satz 2 von 3", "30 Sekunden halten", "10 Sekunden", "letzter Satz", "Seite wechseln", "links", "rechte Seite",
			"Halbzeit", "Pause", "Bereit machen.", "Fertig. Gut gemacht!"}},
		{"es_ES.UTF-8", []string{"Siguiente: Planchas laterales, 6 repeticiones por lado, mantén 10 segundos, primero el lado izquierdo",
			"serie 2 de 3", "mantén 30 segundos", "10 segundos", "última serie", "cambia de lado", "izquierda", "lado derecho",
			"mitad", "descanso", "Prepárate.", "Terminado. ¡Bien hecho!"}},
		{"fr_FR.UTF-8", []string{"Suivant : Planches latérales, 6 répétitions de chaque côté, tenez 10 secondes, côté gauche d'abord",
			"série 2 sur 3", "tenez 30 secondes", "10 secondes", "dernière série", "changez de côté", "gauche", "côté droit",
			"mi-temps", "repos", "Préparez-vous.", "Terminé. Bravo !"}},
	} {
		t.Run(c.locale, func(t *testing.T) {
			setLang(t, c.locale)
			var texts []string
			for _, routine := range []string{"../../assets/routine.toml", "../../assets/big3.toml"} {
				var stdout, stderr bytes.Buffer
				if code := runPlan([]string{"--json", "--routine", routine}, &stdout, &stderr); code != 0 {
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				var out struct {
					Spoken []struct{ Text string } `json:"spoken"`
				}
				if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
					t.Fatal(err)
				}
				for _, s := range out.Spoken {
					texts = append(texts, s.Text)
				}
			}
			for _, w := range c.want {
				if !slices.Contains(texts, w) {
					t.Errorf("no prompt %q among %q", w, texts)
				}
			}
			for _, s := range texts {
				for _, e := range english {
					if strings.Contains(s, e) {
						t.Errorf("prompt %q says the English %q", s, e)
					}
				}
			}
		})
	}
}
