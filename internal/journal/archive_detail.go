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
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	sv := func() int64 {
		v, n := binary.Varint(b)
		if n <= 0 {
			bad = true
			return 0
		}
		b = b[n:]
		return v
	}
	str := func() string {
		i := uv()
		if i >= uint64(len(strs)) {
			bad = true
			return ""
		}
		return strs[i]
	}
	text := func() string {
		n := uv()
		if n > uint64(len(b)) {
			bad = true
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	in := newInterner()
	at := func() time.Time {
		sec, off := sv(), sv()
		return time.Unix(sec, 0).In(in.zone(int(off)))
	}
	byte1 := func() byte {
		if len(b) == 0 {
			bad = true
			return 0
		}
		c := b[0]
		b = b[1:]
		return c
	}
	if byte1() == 1 {
		n := &Note{Day: d}
		n.Session = text()
		n.Text = text()
		n.At = at()
		det.note = n
	}
	count := uv()
	if count > uint64(len(b)) {
		return det, false
	}
	for range count {
		r := SessionRecord{Day: d}
		r.ID = text()
		r.Start = at()
		r.Routine = str()
		for _, p := range []**int{&r.PainBefore, &r.PainAfter} {
			if c := byte1(); c != noPain {
				v := int(c)
				*p = &v
			}
		}
		r.Reason = EndReason(str())
		nt := uv()
		if nt > uint64(len(b)) {
			return det, false
		}
		for range nt {
			move := str()
			r.Timed = append(r.Timed, TimedMove{Move: move, Level: int(uv())})
		}
		nf := uv()
		if nf > uint64(len(b)) {
			return det, false
		}
		for range nf {
			move, kind := str(), FlagKind(str())
			r.Flags = append(r.Flags, Flag{Day: d, Session: r.ID, Move: move, Kind: kind, At: at()})
		}
		det.sessions = append(det.sessions, r)
		if bad {
			return det, false
		}
	}
	return det, !bad
}
