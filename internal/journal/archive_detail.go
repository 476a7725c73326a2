package journal

// The second part of an archived day's record: what each session did
// (the progression rule, History and the report read it) and the day's
// note. It follows the summary (see encodeSummary) in the same record.

import (
	"encoding/binary"
	"time"
)

// dayDetail is a day's sessions and note.
type dayDetail struct {
	sessions []SessionRecord
	note     *Note
}

// encodeDetail appends det to b: the note (a marker, then its session,
// text and time), then each session (id, start, routine, pain before and
// after, end reason, timed moves with their levels, flags). Move ids,
// routines, sources and kinds go through str; ids and texts, which do not
// repeat, are written in place.
func encodeDetail(b []byte, det dayDetail, str func(string) uint64) []byte {
	bytes := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	at := func(t time.Time) {
		_, off := t.Zone()
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendVarint(b, int64(off))
	}
	if n := det.note; n == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		bytes(n.Session)
		bytes(n.Text)
		at(n.At)
	}
	b = binary.AppendUvarint(b, uint64(len(det.sessions)))
	for _, r := range det.sessions {
		bytes(r.ID)
		at(r.Start)
		b = binary.AppendUvarint(b, str(r.Routine))
		for _, p := range []*int{r.PainBefore, r.PainAfter} {
			if p == nil {
				b = append(b, noPain)
			} else {
				b = append(b, byte(*p))
			}
		}
		b = binary.AppendUvarint(b, str(string(r.Reason)))
		b = binary.AppendUvarint(b, uint64(len(r.Timed)))
		for _, t := range r.Timed {
			b = binary.AppendUvarint(b, str(t.Move))
			b = binary.AppendUvarint(b, uint64(t.Level))
		}
		b = binary.AppendUvarint(b, uint64(len(r.Flags)))
		for _, f := range r.Flags {
			b = binary.AppendUvarint(b, str(f.Move))
			b = binary.AppendUvarint(b, str(string(f.Kind)))
			at(f.At)
		}
	}
	return b
}

// decodeDetail decodes what encodeDetail appended, for day d.
func decodeDetail(d Day, b []byte, strs []string) (dayDetail, bool) {
	var det dayDetail
	r := newRecordReader(b, strs)
	if r.byte1() == 1 {
		det.note = &Note{Day: d, Session: r.text(), Text: r.text(), At: r.at()}
	}
	for range r.count() {
		s := SessionRecord{Day: d, ID: r.text(), Start: r.at(), Routine: r.str(), PainBefore: r.pain(), PainAfter: r.pain()}
		s.Reason = EndReason(r.str())
		for range r.count() {
			move := r.str()
			s.Timed = append(s.Timed, TimedMove{Move: move, Level: int(r.uv())})
		}
		for range r.count() {
			move, kind := r.str(), FlagKind(r.str())
			s.Flags = append(s.Flags, Flag{Day: d, Session: s.ID, Move: move, Kind: kind, At: r.at()})
		}
		if r.bad {
			return det, false
		}
		det.sessions = append(det.sessions, s)
	}
	return det, !r.bad
}
