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
//   - a prompt keeps clear of the tones of later cues: it ends
//     promptMargin before one, or waits until it has ended (voiceGap
//     after it), so every cue sound stays clean and audible; if that
//     would delay it by more than maxPromptDelay, it plays at its first
//     place over the tone rather than too late;
//   - the "Next: <name>" prompt must end nextMargin before the first
//     countdown pip that follows it. When the regular placement would
//     overlap that pip, it starts earlier, over the tail of its chime
//     (nextEarliest after the chime's start); when even that does not fit
//     it is left out, and the chime alone announces the next move.
const (
	toneGap        = 30 * time.Millisecond
	voiceGap       = 40 * time.Millisecond
	nextMargin     = 150 * time.Millisecond
	nextEarliest   = 150 * time.Millisecond
	promptMargin   = 100 * time.Millisecond
	maxPromptDelay = 1500 * time.Millisecond
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
	busy := a.laterTones(at, later)
	for _, c := range group {
		for _, name := range a.prompts(c.cue) {
			s, ok := a.voices.clip(name)
			if !ok {
				continue
			}
			n := int64(len(s))
			start := max(a.toneEnd, a.voiceEnd) + gap
			if c.cue.Kind == schedule.CueNext {
				// Before the first countdown pip, in the clear: after the
				// tones, or else over the tail of the chime; or not at all.
				limit := int64(-1)
				for _, l := range later {
					if l.pos > at && l.cue.Kind == schedule.CueCountdown {
						limit = l.pos - int64(SampleRate.N(nextMargin))
						break
					}
				}
				early := max(a.voiceEnd+gap, max(chime, at)+int64(SampleRate.N(nextEarliest)))
				placed := false
				for _, try := range []int64{start, early} {
					if fit := firstClear(busy, try, n); fit == try && (limit < 0 || try+n <= limit) {
						start, placed = try, true
						break
					}
				}
				if !placed {
					continue // no room: the chime alone
				}
			} else if fit := firstClear(busy, start, n); fit-start <= int64(SampleRate.N(maxPromptDelay)) {
				start = fit
			}
			p := placement{pos: start, s: s, voice: true, name: name}
			out = append(out, p)
			a.voiceEnd = p.end()
		}
	}
	return out
}

// span is a stretch of samples [from, to).
type span struct{ from, to int64 }

// laterTones returns where the tones of the cues after instant at will
// sound (each instant's tones taken as played one after the other).
func (a *arranger) laterTones(at int64, later []timedCue) []span {
	var out []span
	tgap := int64(SampleRate.N(toneGap))
	for _, l := range later {
		k := l.cue.Kind
		if l.pos <= at || (!a.settings.RepTicks && (k == schedule.CueRep || k == schedule.CueTempo)) {
			continue
		}
		n := int64(len(samples(k, l.cue.N)))
		if last := len(out) - 1; last >= 0 && out[last].from == l.pos {
			out[last].to += tgap + n
			continue
		}
		out = append(out, span{l.pos, l.pos + n})
	}
	return out
}

// firstClear returns the first start from start on where n samples, plus
// promptMargin, overlap none of the busy spans (sorted).
func firstClear(busy []span, start, n int64) int64 {
	margin := int64(SampleRate.N(promptMargin))
	gap := int64(SampleRate.N(voiceGap))
	for _, b := range busy {
		if b.from >= start+n+margin {
			break
		}
		if b.to+gap <= start {
			continue
		}
		start = b.to + gap
	}
	return start
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
