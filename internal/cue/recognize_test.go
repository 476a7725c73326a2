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

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// pocketsphinx's US English model, as Debian's pocketsphinx-en-us installs it.
const sphinxModel = "/usr/share/pocketsphinx/model/en-us"

// sphinxExtraWords are the words of the move names the model's dictionary
// lacks, in its phone set.
var sphinxExtraWords = map[string]string{"psoas": "S OW AH S", "glute": "G L UW T"}

// TestRecognizerHearsEachMove renders the "Next: X" prompt before each
// move of the default routine (the mixed track around it, as heard) and
// runs pocketsphinx over those excerpts with a grammar of the twelve move
// names: each must be recognized as its own name (at least 11 of 12). The
// Festival clips give 12 of 12; the same excerpts played at double speed
// (the clips as beep's vorbis decoder read them) give 1 of 12.
func TestRecognizerHearsEachMove(t *testing.T) {
	bin, err := exec.LookPath("pocketsphinx_continuous")
	if err != nil || !isDir(filepath.Join(sphinxModel, "en-us")) {
		t.Skip("pocketsphinx and pocketsphinx-en-us are not installed")
	}
	r := routine.Default()
	p, err := schedule.NewPlan(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := LoadVoices(r, "")
	settings := DefaultSettings()
	ps, _ := arrangePlan(p, v, settings)
	var excerpts []Spoken
	for _, s := range Script(p, v, settings) {
		if strings.HasPrefix(s.Text, "Next: ") {
			excerpts = append(excerpts, s)
		}
	}
	if len(excerpts) != len(r.Moves) {
		t.Fatalf("%d next prompts, want %d", len(excerpts), len(r.Moves))
	}
	dir := t.TempDir()
	audio := filepath.Join(dir, "excerpts.wav")
	if err := writeExcerpts(audio, ps, excerpts); err != nil {
		t.Fatal(err)
	}
	gram, dict := filepath.Join(dir, "moves.gram"), filepath.Join(dir, "moves.dic")
	if err := writeGrammar(gram, dict, r.Moves); err != nil {
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
	hits := 0
	for i, m := range r.Moves {
		want := strings.ToLower(Speakable(m.Name))
		got := ""
		if i < len(heard) {
			got = heard[i]
		}
		if strings.Contains(got, want) {
			hits++
		} else {
			t.Logf("%q: heard %q", excerpts[i].Text, got)
		}
	}
	t.Logf("move names recognized: %d of %d (%d utterances heard)", hits, len(r.Moves), len(heard))
	if hits < len(r.Moves)-1 {
		t.Errorf("%d of %d move names recognized, want at least %d", hits, len(r.Moves), len(r.Moves)-1)
	}
}

// writeExcerpts writes the track's sound from 200 ms before to 200 ms
// after each excerpt, 1.5 s of silence apart, as 16 kHz mono WAV.
func writeExcerpts(path string, ps []placement, excerpts []Spoken) error {
	var frames [][2]float64
	pad := int64(SampleRate.N(200 * time.Millisecond))
	for _, e := range excerpts {
		from := int64(SampleRate.N(e.At)) - pad
		buf := make([][2]float64, SampleRate.N(e.Len)+2*int(pad))
		mix(buf, from, ps)
		frames = append(frames, buf...)
		frames = append(frames, make([][2]float64, SampleRate.N(1500*time.Millisecond))...)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	const rate = beep.SampleRate(16000)
	st := beep.Resample(4, SampleRate, rate, &frameStreamer{frames: frames})
	if err := wav.Encode(f, st, beep.Format{SampleRate: rate, NumChannels: 1, Precision: 2}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeGrammar writes a JSGF grammar, "[next] <one move name>", and the
// dictionary of its words.
func writeGrammar(gram, dict string, moves []routine.Move) error {
	var names []string
	words := map[string]bool{"next": true}
	for _, m := range moves {
		n := strings.ToLower(Speakable(m.Name))
		names = append(names, n)
		for _, w := range strings.Fields(n) {
			words[w] = true
		}
	}
	g := fmt.Sprintf("#JSGF V1.0;\ngrammar moves;\npublic <prompt> = [next] ( %s );\n", strings.Join(names, " | "))
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
	for w, phones := range sphinxExtraWords {
		fmt.Fprintf(&b, "%s %s\n", w, phones)
	}
	return os.WriteFile(dict, []byte(b.String()), 0o600)
}
