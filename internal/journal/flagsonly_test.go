package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagOfAMissingSession: a flag entry naming a session the journal
// does not hold keeps its flag for the move, but is not counted as a
// session (it was a phantom "not ended" session in the report and
// History), and a warning says so; a session whose start line was lost
// but that has more than flags still counts.
func TestFlagOfAMissingSession(t *testing.T) {
	dir := t.TempDir()
	lines := `{"v":1,"ts":"2026-11-23T08:00:00+01:00","day":"2026-11-23","kind":"flag","session":"ghost","move":"w-rows","flag":"hurts"}
{"v":1,"ts":"2026-11-23T09:00:00+01:00","day":"2026-11-23","kind":"pain","session":"lost-start","when":"before","pain":3}
{"v":1,"ts":"2026-11-23T09:01:00+01:00","day":"2026-11-23","kind":"flag","session":"lost-start","move":"bird-dogs","flag":"hurts"}
`
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	day, _ := ParseDay("2026-11-23")
	for name, open := range map[string]func() (*Journal, error){
		"Load": func() (*Journal, error) { return Load(dir) },
		"Open": func() (*Journal, error) { return Open(dir, Options{}) },
	} {
		j, err := open()
		if err != nil {
			t.Fatal(err)
		}
		if got := j.Day(day).Sessions; got != 1 {
			t.Errorf("%s: %d sessions on the day, want 1 (the phantom not counted)", name, got)
		}
		if got := j.Flags(day, day); len(got) != 2 {
			t.Errorf("%s: flags %+v, want both", name, got)
		}
		w := strings.Join(j.Warnings(), "\n")
		if !strings.Contains(w, `flags name 1 session that the journal does not hold (2026-11-23 "ghost")`) {
			t.Errorf("%s: warnings %q", name, w)
		}
		j.Close()
	}
}
