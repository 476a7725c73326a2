package cue

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/faiface/beep"
	"github.com/faiface/beep/wav"
	"github.com/jfreymuth/oggvorbis"

	"spineroutine/assets"
	"spineroutine/internal/regfile"
	"spineroutine/internal/schedule"
)

// voiceMaxPeak is the loudest a voice clip may get, whatever its loudness
// match asks: headroom for a tone sounding at the same time.
const voiceMaxPeak = 0.9

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

// maxClipFile bounds the size of a synthesized clip's WAV file: a name
// of maxSpoken characters takes about 6 s, 200 KB at 16 kHz.
const maxClipFile = 16 << 20

// decodeWAVFile decodes a WAV file (a synthesizer's output) to a clip. It
// opens only a regular file (a FIFO or a device in the cache is refused
// without blocking) of at most maxClipFile bytes.
func decodeWAVFile(path string) ([]float32, error) {
	f, fi, err := regfile.Open(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxClipFile {
		f.Close()
		return nil, fmt.Errorf("%s: %d bytes, more than a clip takes (%d)", path, fi.Size(), maxClipFile)
	}
	st, format, err := wav.Decode(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	defer st.Close()
	return toClip(st, format)
}

// toneRMS is the loudness voice clips are matched to: the mean RMS level
// of the main cue sounds (start, release, halfway, switch, rest).
var toneRMS = sync.OnceValue(func() float64 {
	var sum float64
	kinds := []schedule.CueKind{schedule.CueStart, schedule.CueRelease, schedule.CueHalfway, schedule.CueSwitch, schedule.CueRest}
	for _, k := range kinds {
		sum += rms(samples(k, 0))
	}
	return sum / float64(len(kinds))
})

// rms is the root mean square level of s.
func rms(s []float32) float64 {
	if len(s) == 0 {
		return 0
	}
	var e float64
	for _, x := range s {
		e += float64(x) * float64(x)
	}
	return math.Sqrt(e / float64(len(s)))
}

// toClip reads a decoded stream to mono samples at SampleRate, trims the
// silence around the speech and sets its loudness: its RMS level that of
// the cue tones (toneRMS), its peak at most voiceMaxPeak.
func toClip(st beep.Streamer, format beep.Format) ([]float32, error) {
	var src = st
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
	// A copy of the kept part alone: the slice read by append has room to
	// spare, and the trimmed silence (the 58 embedded clips held 7.2 MB of
	// heap, now 6.5 MB, for 6.0 MB of samples).
	out = slices.Clone(out[max(0, a-pad):min(len(out), b+pad)])
	var pk float64
	for _, x := range out {
		pk = max(pk, math.Abs(float64(x)))
	}
	g := min(toneRMS()/rms(out), voiceMaxPeak/pk)
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
