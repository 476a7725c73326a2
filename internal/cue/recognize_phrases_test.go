package cue

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/wav"
)

// TestRecognizerHearsFixedPhrases plays each fixed phrase clip to
// pocketsphinx with a grammar of the phrases and near misses ("press
// start again to end", "press stop to pause"...): each must be heard as
// itself.
func TestRecognizerHearsFixedPhrases(t *testing.T) {
	bin, err := exec.LookPath("pocketsphinx_continuous")
	if err != nil || !isDir(filepath.Join(sphinxModel, "en-us")) {
		t.Skip("pocketsphinx and pocketsphinx-en-us are not installed")
	}
	phrases := []struct{ clip, text string }{
		{PhraseHurts, "noted this hurts"},
		{PhraseStop, "stop here contact your surgeon or physiotherapist before going on"},
		{PhraseStopAgain, "press stop again to end"},
	}
	misses := []string{"press start again to end", "press stop to pause", "press play again to start",
		"noted this works", "stop here and rest before going on"}
	v, _ := LoadVoices(nil, "")
	if w := v.Wait(); len(w) > 0 {
		t.Fatalf("voices: %v", w)
	}
	var frames [][2]float64
	silence := func(d time.Duration) { frames = append(frames, make([][2]float64, SampleRate.N(d))...) }
	for _, p := range phrases {
		s, ok := v.clip(p.clip)
		if !ok {
			t.Fatalf("no clip %s", p.clip)
		}
		silence(200 * time.Millisecond)
		for _, x := range s {
			frames = append(frames, [2]float64{float64(x), float64(x)})
		}
		silence(1500 * time.Millisecond)
	}
	dir := t.TempDir()
	audio := filepath.Join(dir, "phrases.wav")
	f, err := os.Create(audio)
	if err != nil {
		t.Fatal(err)
	}
	const rate = beep.SampleRate(16000)
	st := beep.Resample(4, SampleRate, rate, &frameStreamer{frames: frames})
	if err := wav.Encode(f, st, beep.Format{SampleRate: rate, NumChannels: 1, Precision: 2}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	all := append([]string(nil), misses...)
	for _, p := range phrases {
		all = append(all, p.text)
	}
	gram, dict := filepath.Join(dir, "phrases.gram"), filepath.Join(dir, "phrases.dic")
	if err := writePhraseGrammar(gram, dict, all); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-infile", audio, "-hmm", filepath.Join(sphinxModel, "en-us"),
		"-dict", dict, "-jsgf", gram, "-logfn", os.DevNull).Output()
	if err != nil {
		t.Fatalf("pocketsphinx: %v", err)
	}
	var heard []string
	for sc := bufio.NewScanner(strings.NewReader(string(out))); sc.Scan(); {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			heard = append(heard, l)
		}
	}
	if len(heard) != len(phrases) {
		t.Fatalf("heard %q, want %d phrases", heard, len(phrases))
	}
	for i, p := range phrases {
		if heard[i] != p.text {
			t.Errorf("%s: heard %q, want %q", p.clip, heard[i], p.text)
		}
	}
}

// writePhraseGrammar writes a JSGF grammar of one of phrases and the
// dictionary of its words.
func writePhraseGrammar(gram, dict string, phrases []string) error {
	words := map[string]bool{}
	for _, p := range phrases {
		for _, w := range strings.Fields(p) {
			words[w] = true
		}
	}
	g := fmt.Sprintf("#JSGF V1.0;\ngrammar phrases;\npublic <phrase> = ( %s );\n", strings.Join(phrases, " | "))
	if err := os.WriteFile(gram, []byte(g), 0o600); err != nil {
		return err
	}
	src, err := os.ReadFile(filepath.Join(sphinxModel, "cmudict-en-us.dict"))
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, l := range strings.Split(string(src), "\n") {
		w, _, _ := strings.Cut(l, " ")
		if words[strings.SplitN(w, "(", 2)[0]] {
			b.WriteString(l + "\n")
		}
	}
	for w, phones := range phraseExtraWords {
		fmt.Fprintf(&b, "%s %s\n", w, phones)
	}
	return os.WriteFile(dict, []byte(b.String()), 0o600)
}

// phraseExtraWords are the words of the phrases the model's dictionary
// lacks, in its phone set ("physio" and "therapist" joined).
var phraseExtraWords = map[string]string{"physiotherapist": "F IH Z IY OW TH EH R AH P AH S T"}
