package cue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/wav"
	"github.com/jfreymuth/oggvorbis"

	"spineroutine/assets"
	"spineroutine/internal/routine"
)

// The generic prompts: clip name in assets/voice (without .ogg) and text.
const (
	clipLeft    = "left-side"
	clipRight   = "right-side"
	clipSwitch  = "switch-sides"
	clipRest    = "rest"
	clipLastSet = "last-set"
	clipHalfway = "halfway"
	clipDone    = "done"
)

// genericClips lists every generic prompt (scripts/make-voices.sh says them).
var genericClips = []string{clipLeft, clipRight, clipSwitch, clipRest, clipLastSet, clipHalfway, clipDone}

// shippedNames maps the id of every move of the shipped routines to the
// name its embedded "next-<id>" clip says. A user move with the same id
// but another name gets a clip of its own.
var shippedNames = map[string]string{
	"overhead-band-stretch":       "Overhead Band Stretch",
	"psoas-march":                 "Psoas March",
	"w-rows":                      "W-Rows",
	"ql-hang-stretch":             "QL Hang Stretch",
	"high-plank":                  "High Plank",
	"self-decompression":          "Self Decompression",
	"glute-bridge":                "Glute Bridge",
	"mcgill-curl-up":              "McGill Curl-Up",
	"pause-goblet-squat":          "Pause Goblet Squat",
	"side-planks":                 "Side Planks",
	"bird-dogs":                   "Bird Dogs",
	"staggered-hip-hinge-stretch": "Staggered Hip Hinge Stretch",
}

// voicePeak is the peak level clips are normalized to: a little louder
// than the cue notes, speech having less energy per peak than a tone.
const voicePeak = 0.6

// espeak settings for clips made at load time; the same as the script's.
const (
	espeakVoice = "en-us"
	espeakSpeed = "150"
	espeakWait  = 10 * time.Second // per clip
)

// VoiceBank holds the spoken clips, decoded to mono samples at SampleRate:
// the generic words and one "Next: <name>" clip per move id. A nil
// *VoiceBank has no clip (tones only).
type VoiceBank struct {
	clips map[string][]float32 // generic clip name, or "next:" + move id
}

// Has reports whether the bank holds the named clip ("rest", "next:bird-dogs").
func (v *VoiceBank) Has(name string) bool {
	_, ok := v.clip(name)
	return ok
}

// Duration is the length of the named clip (0 if it has none).
func (v *VoiceBank) Duration(name string) time.Duration {
	s, _ := v.clip(name)
	return SampleRate.D(len(s))
}

func (v *VoiceBank) clip(name string) ([]float32, bool) {
	if v == nil {
		return nil, false
	}
	s, ok := v.clips[name]
	return s, ok
}

// nextClip is the bank key of a move's "Next: <name>" prompt.
func nextClip(moveID string) string { return "next:" + moveID }

// clipKey is the bank key of the embedded clip file name (no extension).
func clipKey(file string) string {
	if id, isNext := strings.CutPrefix(file, "next-"); isNext {
		return nextClip(id)
	}
	return file
}

// LoadVoices builds the voice bank for routine r (nil: the shipped moves
// only): the embedded clips of both shipped routines and the generic words,
// plus, for each move of r whose name has no embedded clip, a clip spoken
// by espeak-ng (cached as a WAV in cacheDir under a hash of its text; no
// cache when cacheDir is empty). Without espeak-ng those moves get no
// prompt and one warning says so. Warnings are meant for the user; the
// bank is always usable.
func LoadVoices(r *routine.Routine, cacheDir string) (*VoiceBank, []string) {
	v := &VoiceBank{clips: map[string][]float32{}}
	embedded, err := embeddedClips()
	if err != nil {
		return v, []string{fmt.Sprintf("voice prompts off: %v", err)}
	}
	var warnings []string
	for name, s := range embedded {
		v.clips[name] = s
	}
	if r == nil {
		return v, warnings
	}
	var missing []routine.Move
	for _, m := range r.Moves {
		if shipped, ok := shippedNames[m.ID]; ok && strings.EqualFold(shipped, m.Name) && v.Has(nextClip(m.ID)) {
			continue
		}
		delete(v.clips, nextClip(m.ID))
		missing = append(missing, m)
	}
	if len(missing) == 0 {
		return v, warnings
	}
	espeak, err := exec.LookPath("espeak-ng")
	if err != nil {
		return v, append(warnings, fmt.Sprintf("no spoken name for %d move(s) of %q: espeak-ng is not installed (tones only)",
			len(missing), r.Name))
	}
	var failed []string
	var firstErr error
	for _, m := range missing {
		s, err := spoken(espeak, "Next: "+Speakable(m.Name), cacheDir)
		if err != nil {
			failed = append(failed, m.Name)
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		v.clips[nextClip(m.ID)] = s
	}
	if len(failed) > 0 {
		warnings = append(warnings, fmt.Sprintf("no spoken name for %s: %v", strings.Join(failed, ", "), firstErr))
	}
	return v, warnings
}

// embeddedClips decodes the embedded clips once per process; the bank
// shares the (read-only) samples.
var embeddedClips = sync.OnceValues(func() (map[string][]float32, error) {
	entries, err := fs.ReadDir(assets.Voice, "voice")
	if err != nil {
		return nil, fmt.Errorf("embedded clips: %w", err)
	}
	clips := map[string][]float32{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".ogg")
		if !ok {
			continue
		}
		s, err := decodeEmbedded("voice/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("embedded clip %s: %w", e.Name(), err)
		}
		clips[clipKey(name)] = s
	}
	return clips, nil
})

var (
	acronym = regexp.MustCompile(`\b[A-Z]{2,3}\b`)
	hyphen  = regexp.MustCompile(`(\w)-(\w)`)
)

// Speakable rewrites a move name for the speech synthesizer: short
// all-capital words are spelled ("QL" → "Q L") and hyphens between words
// become spaces ("W-Rows" → "W Rows").
func Speakable(name string) string {
	s := acronym.ReplaceAllStringFunc(name, func(w string) string {
		return strings.Join(strings.Split(w, ""), " ")
	})
	return hyphen.ReplaceAllString(s, "$1 $2")
}

// decodeEmbedded decodes an embedded OGG Vorbis clip.
func decodeEmbedded(name string) ([]float32, error) {
	f, err := assets.Voice.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, format, err := decodeOgg(f)
	if err != nil {
		return nil, err
	}
	return toClip(st, format)
}

// decodeOgg decodes a whole OGG Vorbis stream at its own sample rate and
// channel count (beep's vorbis package reads every stream as stereo, so a
// mono clip played at twice its speed) into a streamer of its frames, the
// channels averaged to mono.
func decodeOgg(r io.Reader) (beep.Streamer, beep.Format, error) {
	data, f, err := oggvorbis.ReadAll(r)
	if err != nil {
		return nil, beep.Format{}, fmt.Errorf("ogg vorbis: %w", err)
	}
	if f.Channels < 1 || f.SampleRate <= 0 {
		return nil, beep.Format{}, fmt.Errorf("ogg vorbis: %d channels at %d Hz", f.Channels, f.SampleRate)
	}
	frames := make([][2]float64, len(data)/f.Channels)
	for i := range frames {
		var sum float64
		for _, x := range data[i*f.Channels : (i+1)*f.Channels] {
			sum += float64(x)
		}
		m := sum / float64(f.Channels)
		frames[i] = [2]float64{m, m}
	}
	return &frameStreamer{frames: frames}, beep.Format{SampleRate: beep.SampleRate(f.SampleRate), NumChannels: 1, Precision: 2}, nil
}

// frameStreamer streams a slice of frames once.
type frameStreamer struct{ frames [][2]float64 }

func (s *frameStreamer) Stream(buf [][2]float64) (int, bool) {
	if len(s.frames) == 0 {
		return 0, false
	}
	n := copy(buf, s.frames)
	s.frames = s.frames[n:]
	return n, true
}

func (s *frameStreamer) Err() error { return nil }

// spoken returns text said by espeak-ng, from the cache when it holds it.
func spoken(espeak, text, cacheDir string) ([]float32, error) {
	sum := sha256.Sum256([]byte(espeakVoice + "\x00" + espeakSpeed + "\x00" + text))
	base := "voice-" + hex.EncodeToString(sum[:8]) + ".wav"
	dir := cacheDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "spineroutine-voice-")
		if err != nil {
			return nil, fmt.Errorf("espeak-ng: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	path := filepath.Join(dir, base)
	if s, err := decodeWAVFile(path); err == nil {
		return s, nil
	}
	tmp := path + ".tmp"
	ctx, cancel := context.WithTimeout(context.Background(), espeakWait)
	defer cancel()
	cmd := exec.CommandContext(ctx, espeak, "-v", espeakVoice, "-s", espeakSpeed, "-w", tmp, text)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("espeak-ng %q: %w: %s", text, err, strings.TrimSpace(string(out)))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	s, err := decodeWAVFile(path)
	if err != nil {
		return nil, fmt.Errorf("espeak-ng output %s: %w", path, err)
	}
	return s, nil
}

func decodeWAVFile(path string) ([]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, format, err := wav.Decode(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	defer st.Close()
	return toClip(st, format)
}

// toClip reads a decoded stream to mono samples at SampleRate, trims the
// silence around the speech and normalizes its peak to voicePeak.
func toClip(st beep.Streamer, format beep.Format) ([]float32, error) {
	var src beep.Streamer = st
	if format.SampleRate != SampleRate {
		src = beep.Resample(4, format.SampleRate, SampleRate, st)
	}
	var out []float32
	buf := make([][2]float64, 4096)
	for {
		n, ok := src.Stream(buf)
		for _, s := range buf[:n] {
			out = append(out, float32((s[0]+s[1])/2))
		}
		if !ok {
			break
		}
	}
	if err := st.Err(); err != nil {
		return nil, err
	}
	// Trim, keeping 5 ms around the speech, and fade the edges.
	const quiet = 0.003
	a, b := 0, len(out)
	for a < b && math.Abs(float64(out[a])) < quiet {
		a++
	}
	for b > a && math.Abs(float64(out[b-1])) < quiet {
		b--
	}
	if a == b {
		return nil, errors.New("clip is silent")
	}
	pad := SampleRate.N(5 * time.Millisecond)
	out = out[max(0, a-pad):min(len(out), b+pad)]
	var pk float64
	for _, x := range out {
		pk = max(pk, math.Abs(float64(x)))
	}
	g := voicePeak / pk
	fade := min(len(out)/2, SampleRate.N(3*time.Millisecond))
	for i := range out {
		e := 1.0
		if i < fade {
			e = float64(i) / float64(fade)
		} else if j := len(out) - 1 - i; j < fade {
			e = float64(j) / float64(fade)
		}
		out[i] = float32(float64(out[i]) * g * e)
	}
	return out, nil
}
