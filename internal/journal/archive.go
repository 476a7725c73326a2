package journal

// The archive: the days before a cut-off (archiveAge days before the last
// checkpoint), kept as what the queries return (one encoded DaySummary a
// day) instead of the fold's maps and sessions. Ten or thirty years of
// history then cost a few megabytes and no decoding at start-up; a day is
// decoded when it is asked for. An entry for an archived day (a clock set
// years back, a hand-edited journal) thaws the day back into the fold.

import (
	"encoding/binary"
	"slices"
	"time"
)

// archiveAge is how many days before today the checkpoint archives: older
// days can no longer be ticked by hand nor hold a session that goes on.
const archiveAge = 35

// archive holds the archived days.
type archive struct {
	cutoff Day      // days before it may be archived; zero: none
	days   []int32  // archived days (Day.n), ascending
	offs   []uint32 // where each day's record starts in blob
	blob   []byte
	strs   []string // move ids and sources the records refer to
	done   []int32  // archived days with a move done, ascending
}

// find returns the index of day d in a.days.
func (a *archive) find(d Day) (int, bool) {
	return slices.BinarySearch(a.days, d.n)
}

// record returns the encoded summary of the archived day i.
func (a *archive) record(i int) []byte {
	end := uint32(len(a.blob))
	if i+1 < len(a.offs) {
		end = a.offs[i+1]
	}
	return a.blob[a.offs[i]:end]
}

// summary returns the summary of d when it is archived.
func (a *archive) summary(d Day) (DaySummary, bool) {
	i, ok := a.find(d)
	if !ok {
		return DaySummary{}, false
	}
	sum, _, ok := decodeSummary(d, a.record(i), a.strs)
	return sum, ok
}

// detail returns the sessions and the note of d when it is archived.
func (a *archive) detail(d Day) (dayDetail, bool) {
	i, ok := a.find(d)
	if !ok {
		return dayDetail{}, false
	}
	_, rest, ok := decodeSummary(d, a.record(i), a.strs)
	if !ok {
		return dayDetail{}, false
	}
	return decodeDetail(d, rest, a.strs)
}

// isDone reports whether a move was done on the archived day d.
func (a *archive) isDone(d Day) bool {
	_, ok := slices.BinarySearch(a.done, d.n)
	return ok
}

// remove takes day d out of the archive (it is thawed).
func (a *archive) remove(d Day) {
	i, ok := a.find(d)
	if !ok {
		return
	}
	n := len(a.record(i))
	a.blob = slices.Delete(a.blob, int(a.offs[i]), int(a.offs[i])+n)
	a.days = slices.Delete(a.days, i, i+1)
	a.offs = slices.Delete(a.offs, i, i+1)
	for k := i; k < len(a.offs); k++ {
		a.offs[k] -= uint32(n)
	}
	if k, ok := slices.BinarySearch(a.done, d.n); ok {
		a.done = slices.Delete(a.done, k, k+1)
	}
}

// archived is one day's record while an archive is built.
type archived struct {
	day  int32
	rec  []byte
	done bool
}

// with returns a new archive holding a's days and the fold's days before
// cutoff, and the strings table extended as needed.
func (a *archive) with(s *state, cutoff Day) archive {
	out := archive{cutoff: cutoff, strs: slices.Clone(a.strs)}
	if cutoff.Before(a.cutoff) {
		out.cutoff = a.cutoff
	}
	idx := make(map[string]uint64, len(out.strs))
	for i, s := range out.strs {
		idx[s] = uint64(i)
	}
	str := func(v string) uint64 {
		i, ok := idx[v]
		if !ok {
			i = uint64(len(out.strs))
			idx[v] = i
			out.strs = append(out.strs, v)
		}
		return i
	}
	var all []archived
	for i, d := range a.days {
		_, done := slices.BinarySearch(a.done, d)
		all = append(all, archived{d, a.record(i), done})
	}
	for d, ds := range s.days {
		if !d.Before(out.cutoff) || (ds.nDone == 0 && len(ds.sessions) == 0) {
			continue
		}
		rec := encodeSummary(s.summary(d), str)
		sessions, note := s.detail(d)
		rec = encodeDetail(rec, dayDetail{sessions, note}, str)
		all = append(all, archived{d.n, rec, ds.nDone > 0})
	}
	slices.SortFunc(all, func(x, y archived) int { return int(x.day) - int(y.day) })
	for _, r := range all {
		out.days = append(out.days, r.day)
		out.offs = append(out.offs, uint32(len(out.blob)))
		out.blob = append(out.blob, r.rec...)
		if r.done {
			out.done = append(out.done, r.day)
		}
	}
	return out
}

// noPain marks a missing check-in in a record.
const noPain = 0xff

// encodeSummary encodes a day's summary: the ticks (move, source, time
// and zone offset), the pain before and after, the sessions, the active
// time, and the sessions finished and stopped.
func encodeSummary(sum DaySummary, str func(string) uint64) []byte {
	b := binary.AppendUvarint(nil, uint64(len(sum.Done)))
	for _, t := range sum.Done {
		_, off := t.At.Zone()
		b = binary.AppendUvarint(b, str(t.Move))
		b = binary.AppendUvarint(b, str(string(t.Src)))
		b = binary.AppendVarint(b, t.At.Unix())
		b = binary.AppendVarint(b, int64(off))
	}
	for _, p := range []*int{sum.PainBefore, sum.PainAfter} {
		if p == nil {
			b = append(b, noPain)
		} else {
			b = append(b, byte(*p))
		}
	}
	b = binary.AppendUvarint(b, uint64(sum.Sessions))
	b = binary.AppendVarint(b, int64(sum.Active))
	b = binary.AppendUvarint(b, uint64(sum.Finished))
	return binary.AppendUvarint(b, uint64(sum.Stopped))
}

// decodeSummary decodes a record of encodeSummary, and returns the bytes
// after it.
func decodeSummary(d Day, b []byte, strs []string) (DaySummary, []byte, bool) {
	sum := DaySummary{Date: d}
	r := newRecordReader(b, strs)
	for range r.count() {
		move, src := r.str(), Source(r.str())
		sum.Done = append(sum.Done, Tick{Move: move, Src: src, At: r.at()})
	}
	sum.PainBefore, sum.PainAfter = r.pain(), r.pain()
	sum.Sessions = int(r.uv())
	sum.Active = time.Duration(r.sv())
	sum.Finished = int(r.uv())
	sum.Stopped = int(r.uv())
	return sum, r.b, !r.bad
}

// thaw moves the archived day d back into the fold, as a day with its
// ticks done in their order, its sessions as they were archived (the
// first holds the day's active time; without their detail, stand-ins
// that end as the summary counts: finished first, then stopped) and its
// note, so that later entries fold over it.
func (s *state) thaw(d Day) {
	sum, ok := s.arch.summary(d)
	det, detOK := s.arch.detail(d)
	s.arch.remove(d)
	s.thawed = true
	if !ok {
		return
	}
	ds := &dayState{ticks: make(map[string]*tick, len(sum.Done))}
	s.days[d] = ds
	for i, t := range sum.Done {
		ds.ticks[t.Move] = &tick{done: true, src: t.Src, at: t.At, seq: i - len(sum.Done)}
		ds.nDone++
	}
	if !detOK || len(det.sessions) != sum.Sessions {
		det = dayDetail{sessions: make([]SessionRecord, sum.Sessions)}
		if sum.Sessions > 0 {
			det.sessions[0].PainBefore, det.sessions[0].PainAfter = sum.PainBefore, sum.PainAfter
		}
		for i := range det.sessions {
			switch {
			case i < sum.Finished:
				det.sessions[i].Reason = Finished
			case i < sum.Finished+sum.Stopped:
				det.sessions[i].Reason = Stopped
			default:
				det.sessions[i].Reason = Abandoned
			}
		}
	}
	for i, r := range det.sessions {
		ss := &session{id: r.ID, day: d, start: r.Start, last: r.Start, ended: r.Reason != "", reason: r.Reason,
			routine: r.Routine, pain: [2]*int{r.PainBefore, r.PainAfter}, timed: r.Timed, flags: r.Flags}
		if i == 0 {
			ss.last = ss.start.Add(sum.Active)
		}
		ds.sessions = append(ds.sessions, ss)
		if ss.id != "" && s.sessions[ss.id] == nil {
			s.sessions[ss.id] = ss
		}
	}
	ds.note = det.note
}
