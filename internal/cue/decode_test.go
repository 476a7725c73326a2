package cue

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"spineroutine/assets"
)

// oggDuration reads the length of an OGG Vorbis file from its bytes alone,
// independently of any decoder: the sample rate of the identification
// header and the granule position (samples per channel) of the last page.
func oggDuration(b []byte) (time.Duration, error) {
	if len(b) < 28 || string(b[:4]) != "OggS" {
		return 0, fmt.Errorf("not an Ogg stream")
	}
	// First page: 27-byte header, segment table, then the identification
	// packet "\x01vorbis", version (4), channels (1), rate (4).
	pkt := b[27+int(b[26]):]
	if len(pkt) < 16 || string(pkt[:7]) != "\x01vorbis" {
		return 0, fmt.Errorf("no vorbis identification header")
	}
	rate := binary.LittleEndian.Uint32(pkt[12:])
	last := bytes.LastIndex(b, []byte("OggS"))
	if rate == 0 || last < 0 || last+14 > len(b) {
		return 0, fmt.Errorf("bad header (rate %d)", rate)
	}
	granule := binary.LittleEndian.Uint64(b[last+6:])
	return time.Duration(float64(granule) / float64(rate) * float64(time.Second)), nil
}

// embeddedDurations returns the source length of every embedded clip by
// its bank key.
func embeddedDurations(t *testing.T) map[string]time.Duration {
	t.Helper()
	entries, err := fs.ReadDir(assets.Voice, "voice")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]time.Duration{}
	for _, e := range entries {
		b, err := fs.ReadFile(assets.Voice, "voice/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		d, err := oggDuration(b)
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		out[clipKey(strings.TrimSuffix(e.Name(), ".ogg"))] = d
	}
	return out
}

// Every embedded clip decodes to the length of its file (the clips are
// trimmed when made, so trimming at load removes next to nothing): a
// mono clip read as stereo lasts half as long.
func TestEmbeddedClipsDecodeAtTheirRate(t *testing.T) {
	v, _ := LoadVoices(nil, "")
	src := embeddedDurations(t)
	if len(src) == 0 {
		t.Fatal("no embedded clip")
	}
	for name, want := range src {
		got := v.Duration(name)
		if r := float64(got) / float64(want); r < 0.99 || r > 1.01 {
			t.Errorf("%s: decoded %v, file %v (ratio %.3f), want ±1 %%", name, got, want, r)
		}
	}
}

// soundSpan returns where the rendered track x is louder than threshold
// within [from, to), ignoring the samples in skip: the first and last
// loud samples (ok false when none is).
func soundSpan(x []float64, from, to int64, threshold float64, skip []placement) (a, b int64, ok bool) {
	a, b = -1, -1
	for i := max(0, from); i < min(to, int64(len(x))); i++ {
		if absF(x[i]) <= threshold || covered(i, skip) {
			continue
		}
		if a < 0 {
			a = i
		}
		b = i + 1
	}
	return a, b, a >= 0
}

func covered(i int64, ps []placement) bool {
	for _, p := range ps {
		if i >= p.pos && i < p.end() {
			return true
		}
	}
	return false
}

// Every rendered prompt that sounds alone lasts as long as its source file.
func TestRenderedPromptLengthMatchesFile(t *testing.T) {
	p := testPlan(t)
	v, _ := LoadVoices(p.Routine, "")
	s := Settings{Volume: 100, Voice: true, RepTicks: true}
	x := render(t, p, v, s)
	ps, _ := arrangePlan(p, v, s)
	src := embeddedDurations(t)
	checked := 0
	clipOf := map[string]string{}
	for c, text := range phraseText {
		clipOf[text] = c
	}
	for i, pl := range ps {
		want, ok := src[clipOf[pl.name]]
		if !pl.voice || !ok {
			continue
		}
		from := pl.pos - int64(SampleRate.N(30*time.Millisecond))
		to := pl.pos + int64(SampleRate.N(want+50*time.Millisecond))
		others := slices.Delete(slices.Clone(ps), i, i+1)
		if slices.ContainsFunc(others, func(o placement) bool { return o.pos < to && o.end() > from }) {
			continue // not alone
		}
		a, b, ok := soundSpan(x, from, to, 0.002, nil)
		if !ok {
			t.Errorf("%s: not heard", pl.name)
			continue
		}
		got := SampleRate.D(int(b - a))
		if r := float64(got) / float64(want); r < 0.98 || r > 1.01 {
			t.Errorf("%s: sounds %v in the render, file %v (ratio %.3f)", pl.name, got, want, r)
		}
		checked++
	}
	t.Logf("%d prompts checked", checked)
	if checked < 3 {
		t.Errorf("%d prompts checked, want 3 or more", checked)
	}
}
