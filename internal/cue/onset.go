package cue

import (
	"math"
	"time"
)

// DetectOnsets finds where sounds start in a mono recording (samples in
// -1..1 at rate Hz) with an energy threshold: an onset is a sample louder
// than threshold after at least minGap of samples all quieter than it. To
// be exact to a fraction of a millisecond despite soft attacks, each onset
// is then moved back to where the signal first rose above threshold/16
// (the last 0.5 ms window that stayed under that floor ends there).
//
// Typical values: threshold 0.01 (-40 dBFS) for clean renders, a few times
// the noise floor for recordings; minGap shorter than the silence between
// two cues but longer than the gaps inside one sound (gaps inside a cue
// sound are at most 60 ms, so 80 ms works for cue sounds alone). Voice
// clips produce an onset per word or syllable. The results are offsets
// from the first sample, in order. It is used by the render and playback
// tests and by the end-to-end tests of the app.
func DetectOnsets(samples []float64, rate int, threshold float64, minGap time.Duration) []time.Duration {
	if rate <= 0 || threshold <= 0 {
		return nil
	}
	gap := int(minGap.Seconds() * float64(rate))
	win := max(1, rate/2000)
	floor := threshold / 16
	var out []time.Duration
	lastLoud := -gap - 1 // index of the last sample above threshold
	for i, x := range samples {
		if math.Abs(x) <= threshold {
			continue
		}
		if i-lastLoud > gap {
			j := i
			for j > lastLoud+1 && j > 0 && maxAbs(samples[max(0, j-win):j]) > floor {
				j--
			}
			out = append(out, time.Duration(float64(j)/float64(rate)*float64(time.Second)))
		}
		lastLoud = i
	}
	return out
}

func maxAbs(s []float64) float64 {
	m := 0.0
	for _, x := range s {
		m = max(m, math.Abs(x))
	}
	return m
}
