//go:build !windows

package cue

import (
	"errors"
	"os/exec"
	"slices"
)

// findSynthesizers returns the synthesizers installed that speak g's
// language, best first: Festival with the CMU SLT HTS voice (English
// only: Debian has no Festival voice of German, Spanish or French that
// may be shipped), then espeak-ng with the language's voice; or an error
// for the user when there is none.
func findSynthesizers(g *grammar) ([]synthesizer, error) {
	var out []synthesizer
	if p, err := exec.LookPath("text2wave"); err == nil && g.festival != "" && slices.ContainsFunc(festivalVoiceDirs, isDir) {
		out = append(out, program("festival "+g.festival, p, func(file string) []string {
			return []string{"-eval", "(" + g.festival + ")", "-o", file}
		}))
	}
	if s, ok := espeak(g.espeak); ok {
		out = append(out, s)
	}
	switch {
	case len(out) > 0:
		return out, nil
	case g.festival != "":
		return nil, errors.New("neither Festival (festvox-us-slt-hts) nor espeak-ng is installed")
	}
	return nil, errors.New("espeak-ng is not installed")
}
