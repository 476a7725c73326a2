package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/appdata"
	"spineroutine/internal/figure"
	"spineroutine/internal/journal"
	"spineroutine/internal/library"
	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
	"spineroutine/ui"
	"spineroutine/ui/settings"
)

// fyneValues is the part of Fyne's preferences that its app reads and
// writes as preferences.json (a JSON object of key to value).
type fyneValues interface {
	ReadValues(func(map[string]any))
	WriteValues(func(map[string]any))
}

// saveAsTheWindow saves s through the window's Prefs (Fyne's preferences)
// and writes them to the settings file of a new configuration folder, as
// Fyne's app writes them; the commands of this test read that folder.
func saveAsTheWindow(t *testing.T, s func(*settings.Settings)) {
	t.Helper()
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("AppData", cfg) // Windows
	prefs := test.NewTempApp(t).Preferences()
	p := ui.NewPrefs(prefs)
	v := p.Settings()
	s(&v)
	p.SetSettings(v)
	path, err := appdata.PrefsPath(appID)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prefs.(fyneValues).ReadValues(func(values map[string]any) {
		if err := json.NewEncoder(f).Encode(&values); err != nil {
			t.Fatal(err)
		}
	})
}

// windowPrefs reads the settings file back as Fyne's app reads it, into
// the window's Prefs.
func windowPrefs(t *testing.T) *ui.Prefs {
	t.Helper()
	path, err := appdata.PrefsPath(appID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	prefs := fyne.CurrentApp().Preferences()
	prefs.(fyneValues).WriteValues(func(values map[string]any) {
		for k := range values {
			delete(values, k)
		}
		if err := json.Unmarshal(data, &values); err != nil {
			t.Fatal(err)
		}
	})
	return ui.NewPrefs(prefs)
}

// TestProgressUsesTheSavedSettings: with "Good sessions for a step up" set
// to 1 and "Moves stepping up on one day" to 5 in Settings, one good
// session earns a step up and five moves take it; the window and
// `progress` read the same numbers from the same file and agree on every
// move, where `progress` used to apply the defaults (3 sessions: stay).
func TestProgressUsesTheSavedSettings(t *testing.T) {
	saveAsTheWindow(t, func(s *settings.Settings) { s.Progress.Sessions, s.Progress.MaxUps = 1, 5 })
	all := routine.Default().IDs()
	data := writeDocumentedJournal(t, []jday{
		{day: "2026-11-22", before: 2, after: 3, timed: all},
		{day: "2026-11-23", before: 2, after: -1},
	})

	win := windowPrefs(t).Settings().Progress
	if win.Sessions != 1 || win.MaxUps != 5 {
		t.Fatalf("the window reads %d sessions and %d moves a day, want 1 and 5", win.Sessions, win.MaxUps)
	}
	j, err := journal.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := journal.ParseDay("2026-11-23")
	want := progress.Evaluate(progress.Read(j, day, progressMoves(routine.Default())), win)

	var got decodedProgress
	runCLI(t, &got, "progress", "--json", "--data", data, "--day", "2026-11-23")
	if len(got.Moves) != len(want.Moves) {
		t.Fatalf("progress: %d moves, the window %d", len(got.Moves), len(want.Moves))
	}
	ups := 0
	for i, m := range got.Moves {
		w := want.Moves[i]
		if m.ID != w.ID || m.Suggest != string(w.Suggest) || m.Why != w.Why {
			t.Errorf("move %d: progress says %s %s (%q), the window %s %s (%q)", i, m.ID, m.Suggest, m.Why, w.ID, w.Suggest, w.Why)
		}
		if m.Suggest == "up" {
			ups++
		}
	}
	if ups != 5 {
		t.Errorf("%d moves step up, want 5 (1 good session asked for, 5 moves a day)", ups)
	}
}

// TestCommandsUseTheRoutineInUse: progress, plan and report work on the
// routine the window opens with (the library's routine in use, else the
// file once opened in Settings), as the window does.
func TestCommandsUseTheRoutineInUse(t *testing.T) {
	big3, err := routine.Load(filepath.Join("..", "..", "assets", "big3.toml"), figure.Shipped())
	if err != nil {
		t.Skipf("the Big 3 routine: %v", err)
	}
	for _, c := range []struct {
		name  string
		setUp func(t *testing.T, data string)
	}{
		{"library", func(t *testing.T, data string) {
			saveAsTheWindow(t, func(*settings.Settings) {})
			lib, err := library.Open(data, figure.Shipped())
			if err != nil {
				t.Fatal(err)
			}
			if err := lib.Use(library.Big3Key); err != nil {
				t.Fatal(err)
			}
		}},
		{"opened in Settings", func(t *testing.T, data string) {
			path := filepath.Join(t.TempDir(), "mine.toml")
			text, err := os.ReadFile(filepath.Join("..", "..", "assets", "big3.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, text, 0o600); err != nil {
				t.Fatal(err)
			}
			saveAsTheWindow(t, func(s *settings.Settings) { s.RoutinePath = path })
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := writeDocumentedJournal(t, []jday{{day: "2026-11-23", before: 2, after: -1}})
			c.setUp(t, data)
			var got decodedProgress
			runCLI(t, &got, "progress", "--json", "--data", data, "--day", "2026-11-23")
			var ids []string
			for _, m := range got.Moves {
				ids = append(ids, m.ID)
			}
			if !slices.Equal(ids, big3.IDs()) {
				t.Errorf("progress: moves %v, want the routine in use's %v", ids, big3.IDs())
			}
			var plan struct {
				Routine string `json:"routine"`
			}
			runCLI(t, &plan, "plan", "--json", "--data", data)
			if plan.Routine != big3.Name {
				t.Errorf("plan: routine %q, want %q", plan.Routine, big3.Name)
			}
		})
	}
}

// TestPlanUsesTheSavedTimings: with the get-ready time set to 3 s and the
// rest to 7 s in Settings, `plan --data` counts them as the window runs
// them, where it used to print the routine's own 10 s and 30 s.
func TestPlanUsesTheSavedTimings(t *testing.T) {
	saveAsTheWindow(t, func(s *settings.Settings) { s.GetReady, s.Rest = 3, 7 })
	data := t.TempDir()
	durations := func(args ...string) map[string]string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"plan", "--moves", "mcgill-curl-up,side-planks"}, args...), &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		got := map[string]string{}
		for _, line := range strings.Split(stdout.String(), "\n") {
			// offset, step, move, ..., duration
			if f := strings.Fields(line); len(f) >= 4 && (f[1] == "get_ready" || f[1] == "rest") {
				got[f[1]] = f[len(f)-1]
			}
		}
		return got
	}
	if got := durations("--data", data); got["get_ready"] != "3s" || got["rest"] != "7s" {
		t.Errorf("with the saved timings: get ready %s, rest %s; want 3s and 7s", got["get_ready"], got["rest"])
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // nothing saved
	if got := durations("--data", data); got["get_ready"] != "10s" || got["rest"] != "30s" {
		t.Errorf("with nothing saved: get ready %s, rest %s; want the routine's 10s and 30s", got["get_ready"], got["rest"])
	}
}
