//go:build !windows

package cue

import (
	"errors"
	"os/exec"
	"slices"
)

// findSynthesizers returns the synthesizers installed, best first:
// Festival with the CMU SLT HTS voice, then espeak-ng; or an error for the
// user when there is neither.
func findSynthesizers() ([]synthesizer, error) {
	var out []synthesizer
	if p, err := exec.LookPath("text2wave"); err == nil && slices.ContainsFunc(festivalVoiceDirs, isDir) {
		out = append(out, program("festival "+festivalVoice, p, func(file string) []string {
			return []string{"-eval", "(" + festivalVoice + ")", "-o", file}
		}))
	}
	if s, ok := espeak(); ok {
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, errors.New("neither Festival (festvox-us-slt-hts) nor espeak-ng is installed")
	}
	return out, nil
}
