package cue

import (
	"cmp"
	"slices"
	"time"

	"spineroutine/internal/schedule"
)

// Voice timing rules, shared by the Track and Render:
//
//   - a cue's tone starts exactly at the cue's instant; several cues at
//     one instant (release, rest and next when a move ends) sound one
//     after the other in CueKinds order, toneGap apart, so each stays
//     recognisable (the gap is shorter than DetectOnsets' usual minGap:
//     the group is one onset, at the instant);
//   - its spoken prompt (if any, and voice is on) starts voiceGap after the
//     end of the tones already placed, and after the previous prompt has
//     ended: prompts never overlap each other and never cover a cue's own
//     tone;
//   - the "Next: <name>" prompt must end nextMargin before the first
//     countdown pip that follows it. When the regular placement would
//     overlap that pip, it starts earlier, over the tail of its chime
//     (nextEarliest after the chime's start); when even that does not fit
//     it is left out, and the chime alone announces the next move.
const (
	toneGap      = 30 * time.Millisecond
	voiceGap     = 40 * time.Millisecond
	nextMargin   = 150 * time.Millisecond
	nextEarliest = 150 * time.Millisecond
)

// placement is one sound on the timeline of a Track or a render.
type placement struct {
	pos   int64 // first sample, from the timeline's origin
	s     []float32
	voice bool
	name  string // "countdown 3", "start"..., or the clip ("rest", "next:bird-dogs")
}

func (p placement) end() int64 { return p.pos + int64(len(p.s)) }

// timedCue is a cue with the sample position of its instant.
type timedCue struct {
	pos int64
	cue schedule.Cue
}

// arranger turns cues into placed sounds, keeping prompts apart.
type arranger struct {
	plan     *schedule.Plan
	voices   *VoiceBank
	settings Settings
	toneEnd  int64 // end of the latest tone placed
	voiceEnd int64 // end of the latest prompt placed
}

// reset forgets earlier placements (after the unplayed ones were dropped);
// nothing may be placed before from.
func (a *arranger) reset(from int64) {
	a.toneEnd, a.voiceEnd = from, from
}

// placeAll places cues (sorted by pos) in groups of one instant; later
// holds the cues known to follow them.
func (a *arranger) placeAll(cues, later []timedCue) []placement {
	var out []placement
	for i := 0; i < len(cues); {
		j := i + 1
		for j < len(cues) && cues[j].pos == cues[i].pos {
			j++
		}
		out = append(out, a.placeGroup(cues[i:j], append(cues[j:len(cues):len(cues)], later...))...)
		i = j
	}
	return out
}

// placeGroup returns the sounds of the cues of one instant (group[0].pos):
// their tones in order, each after the one before when there is room
// before the next instant (otherwise at the instant, mixed), then their
// prompts. later holds the cues that follow (as far as known): the next
// instant bounds the tones, the next countdown pip bounds the next prompt.
func (a *arranger) placeGroup(group, later []timedCue) []placement {
	var out []placement
	at := group[0].pos
	nextInstant := int64(-1)
	for _, l := range later {
		if l.pos > at {
			nextInstant = l.pos
			break
		}
	}
	tgap := int64(SampleRate.N(toneGap))
	cursor := at       // where the next tone of the group may start
	chime := int64(-1) // start of the next chime, if any
	for _, c := range group {
		k := c.cue.Kind
		if !a.settings.RepTicks && (k == schedule.CueRep || k == schedule.CueTempo) {
			continue
		}
		s := samples(k, c.cue.N)
		start := cursor
		if nextInstant >= 0 && start+int64(len(s)) > nextInstant-tgap {
			start = at // no room to wait: sound with the others
		}
		p := placement{pos: start, s: s, name: soundName(k, c.cue.N)}
		out = append(out, p)
		a.toneEnd = max(a.toneEnd, p.end())
		cursor = max(cursor, p.end()+tgap)
		if k == schedule.CueNext {
			chime = start
		}
	}
	if !a.settings.Voice || a.voices == nil {
		return out
	}
	gap := int64(SampleRate.N(voiceGap))
	for _, c := range group {
		for _, name := range a.prompts(c.cue) {
			s, ok := a.voices.clip(name)
			if !ok {
				continue
			}
			start := max(a.toneEnd, a.voiceEnd) + gap
			if c.cue.Kind == schedule.CueNext {
				pip := int64(-1)
				for _, l := range later {
					if l.pos > at && l.cue.Kind == schedule.CueCountdown {
						pip = l.pos
						break
					}
				}
				if pip >= 0 {
					limit := pip - int64(SampleRate.N(nextMargin))
					if start+int64(len(s)) > limit {
						start = max(a.voiceEnd+gap, max(chime, at)+int64(SampleRate.N(nextEarliest)))
						if start+int64(len(s)) > limit {
							continue // no room: the chime alone
						}
					}
				}
			}
			p := placement{pos: start, s: s, voice: true, name: name}
			out = append(out, p)
			a.voiceEnd = p.end()
		}
	}
	return out
}

// prompts names the clips spoken for a cue, in order.
func (a *arranger) prompts(c schedule.Cue) []string {
	switch c.Kind {
	case schedule.CueStart, schedule.CueRep:
		var out []string
		if c.LastSet {
			out = append(out, clipLastSet)
		}
		if a.plan != nil && c.Step >= 0 && c.Step < len(a.plan.Steps) {
			st := a.plan.Steps[c.Step]
			if st.Kind == schedule.Work && st.Rep == 1 {
				switch st.Side {
				case schedule.Left:
					out = append(out, clipLeft)
				case schedule.Right:
					out = append(out, clipRight)
				}
			}
		}
		return out
	case schedule.CueSwitch:
		return []string{clipSwitch}
	case schedule.CueRest:
		return []string{clipRest}
	case schedule.CueHalfway:
		return []string{clipHalfway}
	case schedule.CueDone:
		return []string{clipDone}
	case schedule.CueNext:
		return []string{nextClip(c.Move)}
	}
	return nil
}

// sortPlacements orders placements by start.
func sortPlacements(ps []placement) {
	slices.SortStableFunc(ps, func(a, b placement) int { return cmp.Compare(a.pos, b.pos) })
}

// mix adds the samples of the placements (sorted by start) that fall in
// [from, from+len(buf)) to buf, on both channels.
func mix(buf [][2]float64, from int64, ps []placement) {
	to := from + int64(len(buf))
	for _, p := range ps {
		if p.pos >= to {
			break
		}
		if p.end() <= from {
			continue
		}
		a := max(p.pos, from)
		b := min(p.end(), to)
		src := p.s[a-p.pos : b-p.pos]
		dst := buf[a-from : b-from]
		for i, v := range src {
			dst[i][0] += float64(v)
			dst[i][1] += float64(v)
		}
	}
}
