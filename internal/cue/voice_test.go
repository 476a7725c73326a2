package cue

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/routine"
)

func TestSpeakable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"QL Hang Stretch", "Q L Hang Stretch"},
		{"W-Rows", "W Rows"},
		{"McGill Curl-Up", "McGill Curl Up"},
		{"Bird Dogs", "Bird Dogs"},
		{"TVA brace", "T V A brace"},
	} {
		if got := Speakable(c.in); got != c.want {
			t.Errorf("Speakable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLoadVoicesShipped(t *testing.T) {
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		v, warnings := LoadVoices(r, t.TempDir())
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %q", r.Name, warnings)
		}
		for _, m := range r.Moves {
			d := v.Duration(nextClip(m.ID))
			if d < 500*time.Millisecond || d > 4*time.Second {
				t.Errorf("%s: next clip %v, want 0.5..4 s", m.ID, d)
			}
		}
		for _, c := range genericClips {
			if d := v.Duration(c); d < 200*time.Millisecond || d > 3*time.Second {
				t.Errorf("clip %s: %v, want 0.2..3 s", c, d)
			}
		}
	}
	// The shipped names table matches the shipped routines.
	for _, m := range routine.Default().Moves {
		if shippedNames[m.ID] != m.Name {
			t.Errorf("shippedNames[%q] = %q, routine says %q", m.ID, shippedNames[m.ID], m.Name)
		}
	}
}

func TestLoadVoicesClipsAreClean(t *testing.T) {
	v, _ := LoadVoices(nil, "")
	for name, s := range v.clips {
		x := toFloat64(s)
		if m := maxAbs(x); m > voicePeak+1e-6 || m < voicePeak/2 {
			t.Errorf("%s: peak %.3f, want %.2f", name, m, voicePeak)
		}
		if abs := maxAbs(x[:1]) + maxAbs(x[len(x)-1:]); abs > 1e-3 {
			t.Errorf("%s: edges %.4f, want ~0 (no click)", name, abs)
		}
	}
}

func userRoutine() *routine.Routine {
	r := routine.Default()
	cp := *r
	cp.Moves = append([]routine.Move(nil), r.Moves[:2]...)
	cp.Moves[1].Name = "Cat Camel"
	cp.Name = "mine"
	return &cp
}

func TestLoadVoicesEspeak(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("espeak-ng not installed")
	}
	dir := t.TempDir()
	r := userRoutine()
	v, warnings := LoadVoices(r, dir)
	if len(warnings) > 0 {
		t.Fatalf("warnings: %q", warnings)
	}
	id := r.Moves[1].ID
	if d := v.Duration(nextClip(id)); d < 500*time.Millisecond {
		t.Fatalf("clip for %q: %v", r.Moves[1].Name, d)
	}
	cached, _ := filepath.Glob(filepath.Join(dir, "voice-*.wav"))
	if len(cached) != 1 {
		t.Fatalf("cache holds %d clips, want 1", len(cached))
	}
	// Second load reads the cache: make the cached file recognisable.
	info, _ := os.Stat(cached[0])
	v2, _ := LoadVoices(r, dir)
	info2, _ := os.Stat(cached[0])
	if !info2.ModTime().Equal(info.ModTime()) || v2.Duration(nextClip(id)) != v.Duration(nextClip(id)) {
		t.Errorf("cache not reused")
	}
}

func TestLoadVoicesWithoutEspeak(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	r := userRoutine()
	v, warnings := LoadVoices(r, t.TempDir())
	if len(warnings) != 1 || !strings.Contains(warnings[0], "espeak-ng is not installed") {
		t.Fatalf("warnings %q, want one about espeak-ng", warnings)
	}
	if v.Has(nextClip(r.Moves[1].ID)) {
		t.Error("renamed move kept the shipped clip")
	}
	if !v.Has(nextClip(r.Moves[0].ID)) || !v.Has(clipRest) {
		t.Error("shipped clips missing")
	}
}
