package cue

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
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

func TestSpeechTextIsCapped(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Bird  Dogs\n", "Bird Dogs"},
		{strings.Repeat("stretch ", 10), "stretch stretch stretch stretch stretch stretch stretch"},
		{strings.Repeat("x", 80), strings.Repeat("x", 60)},
	} {
		got := speechText(c.in)
		if got != c.want || len(got) > maxSpoken {
			t.Errorf("speechText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLoadVoicesShipped(t *testing.T) {
	for _, lang := range i18n.Supported {
		for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
			v, warnings := LoadVoicesIn(lang, r, t.TempDir())
			if len(warnings) > 0 || len(v.Wait()) > 0 {
				t.Errorf("%s %s: warnings %q", lang, r.Name, warnings)
			}
			for _, m := range r.Moves {
				if d := v.Duration(moveClip(m.ID)); d < 300*time.Millisecond || d > 3500*time.Millisecond {
					t.Errorf("%s: %s: name clip %v, want 0.3..3.5 s", lang, m.ID, d)
				}
			}
		}
		// Every phrase the prompts use is embedded; so is every number, in
		// every agreement.
		v, _ := LoadVoicesIn(lang, nil, "")
		for _, c := range phraseClips() {
			if v.Duration(c) < 100*time.Millisecond {
				t.Errorf("%s: phrase clip %q missing or empty", lang, c)
			}
		}
		for n := 1; n <= 100; n++ {
			for _, g := range []gender{plain, masc, fem} {
				cs := v.grammar().number(n, g)
				if cs == nil {
					t.Errorf("%s: no clips say %d", lang, n)
				}
				for _, c := range cs {
					if c != join && v.Duration(c) < 100*time.Millisecond {
						t.Errorf("%s: number clip %q (for %d) missing", lang, c, n)
					}
				}
			}
		}
	}
	// The English names of the shipped moves are the shipped routines'.
	texts, err := voiceTexts(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		for _, m := range r.Moves {
			if texts[moveClip(m.ID)] != m.Name {
				t.Errorf("voice.en.json names %q %q, the routine %q", m.ID, texts[moveClip(m.ID)], m.Name)
			}
		}
	}
}

// The voice is as loud as the cue tones: each clip's RMS level within
// ±3 dB of the main cue sounds', without clipping.
func TestVoiceLoudnessMatchesTones(t *testing.T) {
	tone := toneRMS()
	for name, s := range allClips(t) {
		db := 20 * math.Log10(rms(s)/tone)
		if math.Abs(db) > 3 {
			t.Errorf("%s: %+.1f dB from the tones, want within ±3 dB", name, db)
		}
		x := toFloat64(s)
		if m := maxAbs(x); m > voiceMaxPeak+1e-6 {
			t.Errorf("%s: peak %.3f, want <= %.2f", name, m, voiceMaxPeak)
		}
		if edges := maxAbs(x[:1]) + maxAbs(x[len(x)-1:]); edges > 1e-3 {
			t.Errorf("%s: edges %.4f, want ~0 (no click)", name, edges)
		}
	}
}

// Every clip starts with its speech: no leading silence (the first 10 ms
// hold sound), so a prompt is heard when it is placed.
func TestClipsStartAtOnce(t *testing.T) {
	n := SampleRate.N(10 * time.Millisecond)
	for name, s := range allClips(t) {
		if m := maxAbs(toFloat64(s[:n])); m < 0.003 {
			t.Errorf("%s: first 10 ms peak %.4f: leading silence", name, m)
		}
	}
}

// allClips returns the embedded clips of every language, by language and
// bank key ("de move:bird-dogs").
func allClips(t *testing.T) map[string][]float32 {
	t.Helper()
	out := map[string][]float32{}
	for _, lang := range i18n.Supported {
		clips, err := embeddedClips(lang)
		if err != nil {
			t.Fatal(err)
		}
		for name, s := range clips {
			out[string(lang)+" "+name] = s
		}
	}
	return out
}

func userRoutine() *routine.Routine {
	r := routine.Default()
	cp := *r
	cp.Moves = append([]routine.Move(nil), r.Moves[:2]...)
	cp.Moves[1].Name = "Cat Camel"
	cp.Name = "mine"
	return &cp
}

func TestLoadVoicesSynthesizesInTheBackground(t *testing.T) {
	if _, err := findSynthesizers(grammars[i18n.English]); err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(t.TempDir(), "voices")
	r := userRoutine()
	v, warnings := LoadVoices(r, dir)
	if len(warnings) > 0 {
		t.Fatalf("warnings: %q", warnings)
	}
	if v.Duration(clipRest) == 0 || v.Duration(moveClip(r.Moves[0].ID)) == 0 {
		t.Fatal("embedded clips not there at once")
	}
	if w := v.Wait(); len(w) > 0 {
		t.Fatalf("background warnings: %q", w)
	}
	id := r.Moves[1].ID
	if d := v.Duration(moveClip(id)); d < 300*time.Millisecond {
		t.Fatalf("clip for %q: %v", r.Moves[1].Name, d)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("cache dir %v %v, want 0700", st.Mode(), err)
	}
	cached, _ := filepath.Glob(filepath.Join(dir, "voice-*.wav"))
	if len(cached) != 1 {
		t.Fatalf("cache holds %d clips, want 1", len(cached))
	}
	if st, _ := os.Stat(cached[0]); st.Mode().Perm() != 0o600 {
		t.Errorf("cached clip %v, want 0600", st.Mode())
	}
	// A second load reads the cache.
	v2, _ := LoadVoices(r, dir)
	v2.Wait()
	if v2.Duration(moveClip(id)) != v.Duration(moveClip(id)) {
		t.Errorf("cache not reused")
	}
	// The name is said once it is there: "Next: Cat Camel" (and its dose)
	// in the script.
	p, err := schedule.NewPlan(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range Script(p, v2, DefaultSettings()) {
		found = found || strings.HasPrefix(s.Text, "Next: Cat Camel")
	}
	if !found {
		t.Error(`no "Next: Cat Camel" in the script`)
	}
}

func TestTrimCacheEvictsOldest(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	for i, name := range []string{"voice-a.wav", "voice-b.wav", "voice-c.wav"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, 1000), 0o600); err != nil {
			t.Fatal(err)
		}
		at := now.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := trimCache(dir, 2000); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "voice-*.wav"))
	if len(left) != 2 || filepath.Base(left[0]) != "voice-b.wav" {
		t.Errorf("left %v, want b and c", left)
	}
}

func TestLoadVoicesWithoutSynthesizer(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	r := userRoutine()
	v, warnings := LoadVoices(r, t.TempDir())
	if len(warnings) != 1 || !strings.Contains(warnings[0], "nor espeak-ng is installed") {
		t.Fatalf("warnings %q, want one about the synthesizers", warnings)
	}
	if v.Duration(moveClip(r.Moves[1].ID)) != 0 {
		t.Error("renamed move kept the shipped clip")
	}
	if v.Duration(moveClip(r.Moves[0].ID)) == 0 || v.Duration(clipRest) == 0 {
		t.Error("shipped clips missing")
	}
}

// When Festival fails, the name is said by espeak-ng.
func TestLoadVoicesFallsBackToEspeak(t *testing.T) {
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil || !slices.ContainsFunc(festivalVoiceDirs, isDir) {
		t.Skip("needs espeak-ng and the Festival voice directory")
	}
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "text2wave"), []byte("#!/bin/sh\necho broken >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(espeak, filepath.Join(bin, "espeak-ng")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	r := userRoutine()
	v, warnings := LoadVoices(r, t.TempDir())
	if w := append(warnings, v.Wait()...); len(w) > 0 {
		t.Fatalf("warnings %q", w)
	}
	if d := v.Duration(moveClip(r.Moves[1].ID)); d < 300*time.Millisecond {
		t.Errorf("espeak-ng clip %v", d)
	}
}

// The names of a user's moves are said in the bank's language: espeak-ng
// with the language's voice (Festival's only voice here is English), into
// the cache, and the prompts name the move in that language's sentence.
func TestUserNamesInTheLanguagesVoice(t *testing.T) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		t.Skip("espeak-ng is not installed")
	}
	for lang, tag := range map[i18n.Lang]string{i18n.German: "espeak-ng de 150", i18n.Spanish: "espeak-ng es 150", i18n.French: "espeak-ng fr-fr 150"} {
		synths, err := findSynthesizers(grammars[lang])
		if err != nil || len(synths) != 1 || synths[0].tag != tag {
			t.Errorf("%s: synthesizers %v %v, want only %q", lang, synths, err, tag)
		}
	}
	r := userRoutine()
	r.Moves[1].Name = "Katzenbuckel"
	v, warnings := LoadVoicesIn(i18n.German, r, t.TempDir())
	if w := append(warnings, v.Wait()...); len(w) > 0 {
		t.Fatalf("warnings %q", w)
	}
	if d := v.Duration(moveClip(r.Moves[1].ID)); d < 300*time.Millisecond {
		t.Fatalf("no clip for Katzenbuckel (%v)", d)
	}
	p, err := schedule.NewPlan(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range Script(p, v, DefaultSettings()) {
		found = found || strings.HasPrefix(s.Text, "Als Nächstes: Katzenbuckel")
	}
	if !found {
		t.Error(`no "Als Nächstes: Katzenbuckel" in the script`)
	}
}
