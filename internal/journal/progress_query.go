package journal

// The queries of progression: levels in force, their history, what each
// session did, flags and notes, over a period (only its days are read).

import "slices"

// levelOn returns the entry of recs in force on day d: the last one (by
// day, then journal order) set for d or, when it holds on, for a day
// before.
func levelOn(recs []levelRec, d Day) (Level, bool) {
	return lastLevel(recs, func(r *levelRec) bool { return !r.Day.After(d) && (!r.Today || r.Day == d) })
}

// lastLevel returns the last entry of recs (by day, then journal order)
// that keep accepts.
func lastLevel(recs []levelRec, keep func(*levelRec) bool) (Level, bool) {
	var best *levelRec
	for i := range recs {
		r := &recs[i]
		if !keep(r) {
			continue
		}
		if best == nil || r.Day.After(best.Day) || (r.Day == best.Day && r.seq > best.seq) {
			best = r
		}
	}
	if best == nil {
		return Level{}, false
	}
	return best.Level, true
}

// levelsOn returns the level in force of each move with one on day d.
func (s *state) levelsOn(d Day) map[string]Level {
	out := make(map[string]Level, len(s.levels))
	for move, recs := range s.levels {
		if l, ok := levelOn(recs, d); ok {
			out[move] = l
		}
	}
	return out
}

// levelHistory returns, for each move with a level in [from, to], the
// spans of its levels.
func (s *state) levelHistory(from, to Day) map[string][]LevelSpan {
	out := make(map[string][]LevelSpan)
	for move, recs := range s.levels {
		// The level can change only on from, on a day an entry is set
		// for, and the day after a level for one day.
		days := []Day{from}
		for _, r := range recs {
			if r.Day.After(from) && !r.Day.After(to) {
				days = append(days, r.Day)
			}
			if r.Today && !r.Day.Before(from) && r.Day.Before(to) {
				days = append(days, r.Day.Add(1))
			}
		}
		slices.SortFunc(days, Day.Compare)
		days = slices.Compact(days)
		var spans []LevelSpan
		for _, d := range days {
			l, ok := levelOn(recs, d)
			if !ok || (len(spans) > 0 && spans[len(spans)-1].Level == l) {
				continue
			}
			spans = append(spans, LevelSpan{From: d, Level: l})
		}
		if len(spans) > 0 {
			out[move] = spans
		}
	}
	return out
}

// record returns what session ss did.
func (ss *session) record() SessionRecord {
	r := SessionRecord{ID: ss.id, Day: ss.day, Start: ss.start, Routine: ss.routine,
		Timed: slices.Clone(ss.timed), Flags: slices.Clone(ss.flags)}
	if ss.ended {
		r.Reason = ss.reason
	}
	for k, p := range []**int{&r.PainBefore, &r.PainAfter} {
		if v := ss.pain[k]; v != nil {
			c := *v
			*p = &c
		}
	}
	return r
}

// detail returns the sessions and the note of day d, from the fold or
// the archive.
func (s *state) detail(d Day) ([]SessionRecord, *Note) {
	ds := s.days[d]
	if ds == nil {
		det, _ := s.arch.detail(d)
		return det.sessions, det.note
	}
	out := make([]SessionRecord, 0, len(ds.sessions))
	for _, ss := range ds.sessions {
		out = append(out, ss.record())
	}
	var note *Note
	if ds.note != nil {
		n := *ds.note
		note = &n
	}
	return out, note
}

// Levels returns the level in force on day of each move that has one:
// the last level set for that day or, unless it held for its day only,
// for a day before. Moves without a level entry are not in the map (their
// level is the routine's start level).
func (j *Journal) Levels(day Day) map[string]Level {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.levelsOn(day)
}

// LevelsBefore returns the level in force at the start of day of each
// move that has one: the last level set for a day before it that did not
// hold for its day only.
func (j *Journal) LevelsBefore(day Day) map[string]Level {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make(map[string]Level)
	for move, recs := range j.st.levels {
		if l, ok := lastLevel(recs, func(r *levelRec) bool { return r.Day.Before(day) && !r.Today }); ok {
			out[move] = l
		}
	}
	return out
}

// LevelEntries returns, by move, the level entries set for day, in
// journal order.
func (j *Journal) LevelEntries(day Day) map[string][]Level {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make(map[string][]Level)
	for move, recs := range j.st.levels {
		for _, r := range recs {
			if r.Day == day {
				out[move] = append(out[move], r.Level)
			}
		}
	}
	return out
}

// LevelHistory returns, by move, the spans of the levels in force from
// from to to inclusive, oldest first: the level in force on from (when
// any), then each change, a level for one day followed by the level that
// holds again the day after.
func (j *Journal) LevelHistory(from, to Day) map[string][]LevelSpan {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	return j.st.levelHistory(from, to)
}

// Sessions returns the timed sessions of the days from from to to
// inclusive, oldest first (by day, then in the order they started).
func (j *Journal) Sessions(from, to Day) []SessionRecord {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	var out []SessionRecord
	for d := from; !d.After(to); d = d.Add(1) {
		ss, _ := j.st.detail(d)
		out = append(out, ss...)
	}
	return out
}

// Flags returns the flags of the sessions of the days from from to to
// inclusive, oldest first.
func (j *Journal) Flags(from, to Day) []Flag {
	var out []Flag
	for _, ss := range j.Sessions(from, to) {
		out = append(out, ss.Flags...)
	}
	return out
}

// Notes returns the notes of the days from from to to inclusive, one a
// day (the last written), oldest first.
func (j *Journal) Notes(from, to Day) []Note {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	var out []Note
	for d := from; !d.After(to); d = d.Add(1) {
		if _, n := j.st.detail(d); n != nil {
			out = append(out, *n)
		}
	}
	return out
}
