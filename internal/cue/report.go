package cue

import (
	"fmt"
	"time"

	"spineroutine/internal/schedule"
)

// Report gives in figures what a person lying with eyes closed hears of a
// plan run without pause: the longest silence, and how many holds, moves
// and side changes the sound track covers.
type Report struct {
	Prompts        int
	LongestSilence time.Duration // between two sounds (tones or prompts)
	SilenceAt      time.Duration // where it starts
	// Holds of 10 s or more; HoldsCounted of them have the 3-2-1 pips in
	// their last 3 s.
	Holds, HoldsCounted int
	// MovesNamed: moves whose name is said in the pause before them
	// (their get-ready or rest) or while their first work step runs.
	Moves, MovesNamed int
	// SideChanges: work steps on another side than the work step of the
	// move before them; SidesSpoken of them have the new side said
	// between the end of that work step and their own end.
	SideChanges, SidesSpoken int
}

// Analyze arranges plan p as Render does and measures it.
func Analyze(p *schedule.Plan, v *VoiceBank, settings Settings) Report {
	ps, length := arrangePlan(p, v, settings)
	return analyze(p, ps, length)
}

// analyze measures plan p's arrangement ps (sorted by start) on a
// timeline of length samples.
func analyze(p *schedule.Plan, ps []placement, length int64) Report {
	var r Report
	var end int64
	for _, pl := range ps { // sorted by start
		if pl.voice {
			r.Prompts++
		}
		if gap := SampleRate.D(int(pl.pos - end)); pl.pos > end && gap > r.LongestSilence {
			r.LongestSilence, r.SilenceAt = gap, SampleRate.D(int(end))
		}
		end = max(end, pl.end())
	}
	if gap := SampleRate.D(int(length - end)); gap > r.LongestSilence {
		r.LongestSilence, r.SilenceAt = gap, SampleRate.D(int(end))
	}
	// heard reports whether a sound that satisfies ok starts in [from, to).
	heard := func(from, to time.Duration, voice bool, ok func(placement) bool) bool {
		a, b := int64(SampleRate.N(from)), int64(SampleRate.N(to))
		for _, pl := range ps {
			if pl.voice == voice && pl.pos >= a && pl.pos < b && ok(pl) {
				return true
			}
		}
		return false
	}
	r.Moves = len(p.Moves)
	for mi, m := range p.Moves {
		from, st := p.Steps[p.MoveStart(mi)], p.Steps[p.FirstWork(mi)]
		if heard(from.Start, st.End(), true, func(pl placement) bool { return pl.names == m.ID }) {
			r.MovesNamed++
		}
	}
	for i, st := range p.Steps {
		if st.Kind != schedule.Work {
			continue
		}
		if st.Phases == nil && st.Dur >= 10*time.Second {
			r.Holds++
			counted := true
			for n := 3; n >= 1; n-- {
				at := st.End() - time.Duration(n)*time.Second
				pip := soundName(schedule.CueCountdown, n)
				counted = counted && heard(at, at+time.Millisecond, false, func(pl placement) bool { return pl.name == pip })
			}
			if counted {
				r.HoldsCounted++
			}
		}
		if j := prevWork(p, i); j >= 0 && st.Side != p.Steps[j].Side {
			r.SideChanges++
			if heard(p.Steps[j].End(), st.End(), true, func(pl placement) bool { return pl.side == st.Side }) {
				r.SidesSpoken++
			}
		}
	}
	return r
}

// String writes the figures, one per line.
func (r Report) String() string {
	return fmt.Sprintf("prompts: %d\nlongest silence: %s s (at %s)\nholds >= 10 s counted down at their end: %d of %d\n"+
		"moves named before or as they start: %d of %d\nside changes spoken: %d of %d\n",
		r.Prompts, schedule.FormatSeconds(r.LongestSilence), schedule.FormatOffset(r.SilenceAt),
		r.HoldsCounted, r.Holds, r.MovesNamed, r.Moves, r.SidesSpoken, r.SideChanges)
}
