package journal

import (
	"encoding/binary"
	"time"
)

// recordReader reads the fields of an archived day's record (see
// encodeSummary and encodeDetail) in order. Once the record runs short or
// names a string that is not in strs, bad is set and every read gives a
// zero value: a decoder reads on and checks bad at the end.
type recordReader struct {
	b    []byte
	strs []string
	in   *interner
	bad  bool
}

func newRecordReader(b []byte, strs []string) *recordReader {
	return &recordReader{b: b, strs: strs, in: newInterner()}
}

// uv reads an unsigned varint.
func (r *recordReader) uv() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

// sv reads a signed varint.
func (r *recordReader) sv() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of items that follow, each at least a byte long:
// a count larger than what is left marks the record bad and reads as 0.
func (r *recordReader) count() uint64 {
	n := r.uv()
	if n > uint64(len(r.b)) {
		r.bad = true
		return 0
	}
	return n
}

// str reads a string by its index in strs.
func (r *recordReader) str() string {
	i := r.uv()
	if i >= uint64(len(r.strs)) {
		r.bad = true
		return ""
	}
	return r.strs[i]
}

// text reads a string written in place: its length, then its bytes.
func (r *recordReader) text() string {
	n := r.uv()
	if n > uint64(len(r.b)) {
		r.bad = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// byte1 reads one byte.
func (r *recordReader) byte1() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// pain reads a check-in written as one byte (noPain for none).
func (r *recordReader) pain() *int {
	c := r.byte1()
	if r.bad || c == noPain {
		return nil
	}
	v := int(c)
	return &v
}

// at reads a time: Unix seconds, then the zone's offset in seconds.
func (r *recordReader) at() time.Time {
	sec, off := r.sv(), r.sv()
	return time.Unix(sec, 0).In(r.in.zone(int(off)))
}
