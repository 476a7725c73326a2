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
//   - the prompts of an instant (prompts.go decides what is said) follow
//     its tones, voiceGap after the end of the tones already placed and
//     after the previous prompt has ended, in order: prompts never overlap
//     each other nor a cue's tone;
//   - a prompt keeps clear of the tones of later cues: it ends
//     promptMargin before one, or waits until it has ended (voiceGap
//     after it), but never more than maxPromptDelay; rep and tempo ticks
//     do not hold a prompt back: a tick that would sound during a prompt
//     is left out (the voice is the beat then);
//   - a prompt ends before the instant of the next cue that says something
//     at least as important (prompt priorities), and a "Next: X" before
//     the first countdown pip that follows it, nextMargin ahead;
//   - a prompt that cannot be placed so is shortened (a move's name
//     without its dose) or left out: when prompts of one instant compete,
//     the least important goes first (rep counts, then time left, set,
//     name and next; the side last), so a side word is said as its side
//     begins and a move's introduction, in the pause before it, gives way.
const (
	toneGap        = 30 * time.Millisecond
	voiceGap       = 40 * time.Millisecond
	nextMargin     = 150 * time.Millisecond
	promptMargin   = 100 * time.Millisecond
	maxPromptDelay = 1500 * time.Millisecond
)

// placement is one sound on the timeline of a Track or a render.
type placement struct {
	pos   int64 // first sample, from the timeline's origin
	s     []float32
	voice bool
	name  string // "countdown 3", "start"..., or what a prompt says
	// names and side are the move a prompt introduces and the side it
	// says (see prompt), in any language.
	names string
	side  schedule.Side
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
	toneEnd  int64  // end of the latest tone placed
	voiceEnd int64  // end of the latest prompt placed
	voiced   []span // the prompts placed that may still sound
	// named maps the id of each move introduced by a prompt placed (in
	// the pause before it, or as it starts) to where that prompt starts.
	named map[string]int64
}

// reset forgets earlier placements (after the unplayed ones were dropped);
// nothing may be placed before from.
func (a *arranger) reset(from int64) {
	a.toneEnd, a.voiceEnd, a.voiced = from, from, nil
	for id, at := range a.named {
		if at >= from {
			delete(a.named, id)
		}
	}
}

// underPrompt reports whether [from, to) overlaps a prompt placed, and
// forgets the prompts ended before from.
func (a *arranger) underPrompt(from, to int64) bool {
	a.voiced = slices.DeleteFunc(a.voiced, func(v span) bool { return v.to <= from })
	return slices.ContainsFunc(a.voiced, func(v span) bool { return v.from < to && v.to > from })
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
	cursor := at // where the next tone of the group may start
	for _, c := range group {
		k := c.cue.Kind
		s := samples(k, c.cue.N)
		if isTick(k) && (!a.settings.RepTicks || a.underPrompt(at, at+int64(len(s)))) {
			continue // ticks off, or under a prompt
		}
		start := cursor
		if nextInstant >= 0 && start+int64(len(s)) > nextInstant-tgap {
			start = at // no room to wait: sound with the others
		}
		p := placement{pos: start, s: s, name: soundName(k, c.cue.N)}
		out = append(out, p)
		a.toneEnd = max(a.toneEnd, p.end())
		cursor = max(cursor, p.end()+tgap)
	}
	if !a.settings.Voice || a.voices == nil {
		return out
	}
	type candidate struct {
		pr prompt
		s  []float32
	}
	var cands []candidate
	for _, c := range group {
		for _, pr := range a.prompts(c.cue, group) {
			if s, ok := a.voices.compose(pr.clips); ok {
				cands = append(cands, candidate{pr, s})
			}
		}
	}
	busy := a.laterTones(at, later)
	gap := int64(SampleRate.N(voiceGap))
	for len(cands) > 0 {
		var placed []placement
		end, failed := a.voiceEnd, -1
		for i, c := range cands {
			n := int64(len(c.s))
			start := max(a.toneEnd, end) + gap
			fit := firstClear(busy, start, n)
			if limit := a.horizon(at, c.pr, later); fit-start > int64(SampleRate.N(maxPromptDelay)) || (limit >= 0 && fit+n > limit) {
				failed = i
				break
			}
			placed = append(placed, placement{pos: fit, s: c.s, voice: true, name: c.pr.text, names: c.pr.names, side: c.pr.side})
			end = fit + n
		}
		if failed < 0 {
			out = append(out, placed...)
			for i, p := range placed {
				a.voiced = append(a.voiced, span{p.pos, p.end()})
				if id := cands[i].pr.names; id != "" {
					if a.named == nil {
						a.named = make(map[string]int64)
					}
					a.named[id] = p.pos
				}
			}
			a.voiceEnd = end
			break
		}
		// Shorten, or else leave out, the least important prompt up to the
		// one that failed.
		worst := failed
		for i := range failed {
			if cands[i].pr.prio > cands[worst].pr.prio {
				worst = i
			}
		}
		if short := cands[worst].pr.short; short != nil {
			if s, ok := a.voices.compose(short.clips); ok {
				cands[worst] = candidate{*short, s}
				continue
			}
		}
		cands = slices.Delete(cands, worst, worst+1)
	}
	return out
}

// isTick reports whether cue kind k is a rep or tempo tick.
func isTick(k schedule.CueKind) bool { return k == schedule.CueRep || k == schedule.CueTempo }

// horizon returns the sample a prompt said at instant at must end by (-1:
// none): the instant of the next cue that says something at least as
// important, and for "Next: X" the first countdown pip or the start of
// the work, nextMargin ahead.
func (a *arranger) horizon(at int64, pr prompt, later []timedCue) int64 {
	for _, l := range later {
		if l.pos <= at {
			continue
		}
		if k := l.cue.Kind; pr.next && (k == schedule.CueCountdown || k == schedule.CueStart || k == schedule.CueRep) {
			return l.pos - int64(SampleRate.N(nextMargin))
		}
		for _, q := range a.prompts(l.cue, nil) {
			if q.prio <= pr.prio {
				return l.pos
			}
		}
	}
	return -1
}

// span is a stretch of samples [from, to).
type span struct{ from, to int64 }

// laterTones returns where the tones of the cues after instant at will
// sound (each instant's tones taken as played one after the other), but
// for the ticks, which give way to prompts.
func (a *arranger) laterTones(at int64, later []timedCue) []span {
	var out []span
	tgap := int64(SampleRate.N(toneGap))
	for _, l := range later {
		k := l.cue.Kind
		if l.pos <= at || isTick(k) {
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
