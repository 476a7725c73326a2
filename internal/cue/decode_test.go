package cue

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
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

// embeddedDurations returns the source length of every embedded clip of
// language lang by its bank key.
func embeddedDurations(t *testing.T, lang i18n.Lang) map[string]time.Duration {
	t.Helper()
	entries, err := fs.ReadDir(assets.Voice, voiceDir(lang))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]time.Duration{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(assets.Voice, path.Join(voiceDir(lang), e.Name()))
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

// Every embedded clip of every language decodes to the length of its
// file (the clips are trimmed when made, so trimming at load removes next
// to nothing): a mono clip read as stereo lasts half as long, a 22.05 kHz
// one read as 44.1 kHz half as long too.
func TestEmbeddedClipsDecodeAtTheirRate(t *testing.T) {
	for _, lang := range i18n.Supported {
		v, _ := LoadVoicesIn(lang, nil, "")
		src := embeddedDurations(t, lang)
		if len(src) == 0 {
			t.Fatalf("%s: no embedded clip", lang)
		}
		for name, want := range src {
			got := v.Duration(name)
			if r := float64(got) / float64(want); r < 0.99 || r > 1.01 {
				t.Errorf("%s %s: decoded %v, file %v (ratio %.3f), want ±1 %%", lang, name, got, want, r)
			}
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

// In every language, every prompt of the script sounds in the rendered
// track at its planned time with its planned length (found by its
// energy), and a prompt of one clip lasts as long as the clip's file.
func TestRenderedPromptsMatchScript(t *testing.T) {
	for _, lang := range i18n.Supported {
		t.Run(string(lang), func(t *testing.T) { checkRenderedPrompts(t, lang) })
	}
}

func checkRenderedPrompts(t *testing.T, lang i18n.Lang) {
	p := testPlan(t)
	v, _ := LoadVoicesIn(lang, p.Routine, "")
	s := Settings{Volume: 100, Voice: true, RepTicks: true}
	x := render(t, p, v, s)
	ps, _ := arrangePlan(p, v, s)
	src := embeddedDurations(t, lang)
	texts, err := voiceTexts(lang)
	if err != nil {
		t.Fatal(err)
	}
	clipOf := map[string]string{}
	for c, text := range texts {
		clipOf[text] = c
	}
	script := Script(p, v, s)
	if len(script) == 0 {
		t.Fatal("empty script")
	}
	ms := func(d time.Duration) int64 { return int64(SampleRate.N(d * time.Millisecond)) }
	alone, fromFile := 0, 0
	for _, sp := range script {
		at, n := int64(SampleRate.N(sp.At)), int64(SampleRate.N(sp.Len))
		from, to := at-ms(30), at+n+ms(30)
		if slices.ContainsFunc(ps, func(o placement) bool {
			return (o.pos != at || !o.voice) && o.pos < to && o.end() > from
		}) {
			continue // another sound is too close to measure this one alone
		}
		a, b, ok := soundSpan(x, from, to, 0.002, nil)
		if !ok {
			t.Errorf("%q at %v: not heard", sp.Text, sp.At)
			continue
		}
		alone++
		if d := SampleRate.D(int(a - at)); d < -2*time.Millisecond || d > 5*time.Millisecond {
			t.Errorf("%q: starts %v after its planned %v", sp.Text, d, sp.At)
		}
		got := SampleRate.D(int(b - a))
		if r := float64(got) / float64(sp.Len); r < 0.97 || r > 1.01 {
			t.Errorf("%q: sounds %v, planned %v (ratio %.3f)", sp.Text, got, sp.Len, r)
		}
		if want, ok := src[clipOf[sp.Text]]; ok {
			fromFile++
			if r := float64(got) / float64(want); r < 0.97 || r > 1.01 {
				t.Errorf("%q: sounds %v, its file %v (ratio %.3f)", sp.Text, got, want, r)
			}
		}
	}
	t.Logf("%d of %d prompts measured alone, %d against their file", alone, len(script), fromFile)
	if alone < len(script)/2 || fromFile < 3 {
		t.Errorf("%d prompts measured alone, %d against a file: too few", alone, fromFile)
	}
}
