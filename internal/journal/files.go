package journal

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"spineroutine/internal/regfile"
)

// MaxFileNumber is the highest number a journal file name can carry
// (journal-999999.jsonl): names with more digits are not journal files, so
// a foreign name cannot make the numbering overflow.
const MaxFileNumber = 999_999

// rolloverSize is the size past which new entries go to the next journal
// file. Files of any size are read; rolling over keeps each one quick to
// check and copy. (A variable so that tests can lower it.)
var rolloverSize int64 = 64 << 20

// maxLine is the longest line read as an entry; longer lines are damaged.
const maxLine = 1 << 20

// fileName returns the name of journal file number n (1 is journal.jsonl).
func fileName(n int) string {
	if n == 1 {
		return "journal.jsonl"
	}
	return "journal-" + strconv.Itoa(n) + ".jsonl"
}

// fileNumber parses a journal file name; ok is false for other names.
func fileNumber(name string) (n int, ok bool) {
	if name == "journal.jsonl" {
		return 1, true
	}
	s, ok := strings.CutPrefix(name, "journal-")
	if !ok {
		return 0, false
	}
	s, ok = strings.CutSuffix(s, ".jsonl")
	if !ok || s == "" || s[0] == '0' || len(s) > len(strconv.Itoa(MaxFileNumber)) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 || n > MaxFileNumber || strconv.Itoa(n) != s {
		return 0, false
	}
	return n, true
}

// scanned is the result of reading one journal file, and how far it was
// read: reading can go on from there (see checkpoint.go).
type scanned struct {
	path string
	num  int
	// foreign is why the file is not used ("" when it is a journal).
	foreign string
	// lines is the number of complete (newline-terminated) lines, and
	// offset the bytes they take.
	lines  int
	offset int64
	// bad lists the complete lines that could not be read, acked those a
	// "damaged" entry of the file acknowledges.
	bad, acked []int
	// valid counts the readable entries.
	valid int
	// sum is the SHA-256 of the file's first offset bytes, kept as they
	// are read (see checkpoint.go).
	sum hash.Hash
	// newer lists the lines written by a newer version of the format: not
	// damage, but not readable by this version either.
	newer []int
	// damaged lists the bad lines that no "damaged" entry acknowledges.
	damaged []int
	// tail holds the bytes after the last newline when they are not a
	// readable entry: a write cut short.
	tail []byte
	// tailApplied is set when the bytes after the last newline are a
	// complete entry, already passed to apply.
	tailApplied bool
	// noNL is set when the file does not end with a newline (a torn tail,
	// or a complete entry whose newline was lost).
	noNL bool
}

// listFiles returns the numbers of the journal files in dir, ascending.
// A missing dir has none.
func listFiles(dir string) ([]int, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", dir, err)
	}
	var nums []int
	for _, e := range ents {
		if n, ok := fileNumber(e.Name()); ok {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	return nums, nil
}

// scanFile reads and checks a journal file from the start, passing each
// entry to apply in file order. Problems with the file itself (unreadable,
// a directory, not a journal) are reported in foreign; a foreign file has
// no entries.
func scanFile(path string, num int, apply func(*event)) *scanned {
	sc := &scanned{path: path, num: num, sum: sha256.New()}
	sc.scan(apply)
	return sc
}

// scan reads the file on from sc.offset, line by line (any size), and
// then decides what the file is.
func (sc *scanned) scan(apply func(*event)) {
	sc.tail, sc.tailApplied, sc.noNL, sc.damaged = nil, false, false, nil
	f, fi, err := regfile.Open(sc.path)
	if errors.Is(err, regfile.ErrNotRegular) {
		sc.foreign = "is " + regfile.Kind(fi.Mode()) + ", not a journal file"
		return
	}
	if err != nil {
		sc.foreign = "cannot be read: " + regfile.Cause(err)
		return
	}
	defer f.Close()
	if err := sc.read(f, apply); err != nil {
		sc.foreign = "cannot be read: " + regfile.Cause(err)
		return
	}
	sc.finish()
}

// read decodes the lines from sc.offset on. A line longer than maxLine is
// a damaged line; bytes after the last newline are the tail.
func (sc *scanned) read(f *os.File, apply func(*event)) error {
	if _, err := f.Seek(sc.offset, io.SeekStart); err != nil {
		return err
	}
	sum := sc.sum
	r := bufio.NewReaderSize(f, 64<<10)
	var (
		intern = newInterner()
		e      event // reused: the fold keeps no pointer to it
		long   []byte
		size   int64  // bytes of the line so far
		mark   []byte // the hash's state before a line read in pieces
	)
	for {
		chunk, err := r.ReadSlice('\n')
		size += int64(len(chunk))
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if len(long) <= maxLine {
				long = append(long, chunk...)
			}
			if mark == nil {
				if mark, err = marshalHash(sum); err != nil {
					return err
				}
			}
			sum.Write(chunk)
			continue
		case errors.Is(err, io.EOF):
			// The bytes after the last newline are not in the hash: the
			// offset stays before them.
			if mark != nil {
				if err := unmarshalHash(sum, mark); err != nil {
					return err
				}
			}
			if len(chunk) > 0 || len(long) > 0 {
				sc.noNL = true
				rest := append(long, chunk...)
				if len(rest) > maxLine {
					sc.tail = rest[:maxLine]
				} else if decode(rest, &e, intern) == nil {
					sc.valid++
					sc.tailApplied = true
					if e.Kind != KindDamaged {
						apply(&e)
					}
				} else if len(bytes.TrimSpace(rest)) > 0 {
					sc.tail = bytes.Clone(rest)
				}
			}
			return nil
		case err != nil:
			return err
		}
		sum.Write(chunk)
		mark = nil
		line := chunk[:len(chunk)-1]
		if len(long) > 0 {
			line = append(long, line...)
		}
		sc.lines++
		sc.offset += size
		size, long = 0, long[:0]
		sc.line(line, &e, intern, apply)
	}
}

// line decodes one complete line (without its newline).
func (sc *scanned) line(line []byte, e *event, intern *interner, apply func(*event)) {
	if len(bytes.TrimSpace(line)) == 0 {
		return
	}
	if len(line) > maxLine {
		sc.bad = append(sc.bad, sc.lines)
		return
	}
	if err := decode(line, e, intern); err != nil {
		if errors.Is(err, errNewer) {
			sc.newer = append(sc.newer, sc.lines)
		} else {
			sc.bad = append(sc.bad, sc.lines)
		}
		return
	}
	sc.valid++
	if e.Kind == KindDamaged {
		sc.acked = append(sc.acked, e.Lines...)
		return
	}
	apply(e)
}

// finish works out the unacknowledged damage and whether the file is a
// journal at all. A file with no valid entry passed none to apply, so
// deciding here that it is foreign needs no undo.
func (sc *scanned) finish() {
	acked := make(map[int]bool, len(sc.acked))
	for _, n := range sc.acked {
		acked[n] = true
	}
	for _, n := range sc.bad {
		if !acked[n] {
			sc.damaged = append(sc.damaged, n)
		}
	}
	if sc.valid > 0 {
		return
	}
	switch {
	case len(sc.newer) > 0 && len(sc.bad) == 0:
		sc.foreign = "was written by a newer version of Spine Routine"
	case len(sc.bad) > 0:
		sc.foreign = "is not a Spine Routine journal"
	case len(sc.tail) > 0 && !looksLikeEntry(sc.tail):
		sc.foreign = "is not a Spine Routine journal"
	}
	if sc.foreign != "" {
		sc.damaged, sc.tail, sc.newer = nil, nil, nil
	}
}

// looksLikeEntry reports whether b starts like a journal entry, or is a
// start of one: the first write to a new file was cut short.
func looksLikeEntry(b []byte) bool {
	const head = `{"v":`
	if len(b) < len(head) {
		return strings.HasPrefix(head, string(b))
	}
	return bytes.HasPrefix(b, []byte(head))
}

// lineList formats line numbers for a warning: "3, 7, 12" (at most ten).
func lineList(lines []int) string {
	var b strings.Builder
	for i, n := range lines {
		if i == 10 {
			fmt.Fprintf(&b, " and %d more", len(lines)-10)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// sidePath returns a free name for the set-aside copy of path's torn tail
// (see regfile.FreeName: a few tries, then an error).
func sidePath(path, stamp string) (string, error) {
	return regfile.FreeName(filepath.Dir(path), filepath.Base(path)+".torn-"+stamp, "")
}

// writeSide writes data to a new file at path, synced, directory entry
// included.
func writeSide(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	return err
}

// syncDir makes a new directory entry durable: without it a file created
// just before a power cut can vanish with everything appended to it.
func syncDir(dir string) error { return regfile.SyncDir(dir) }

// marshalHash saves the state of h, a SHA-256, to go back to it.
func marshalHash(h hash.Hash) ([]byte, error) {
	return h.(encoding.BinaryMarshaler).MarshalBinary()
}

// unmarshalHash puts h back in a state marshalHash saved.
func unmarshalHash(h hash.Hash, state []byte) error {
	return h.(encoding.BinaryUnmarshaler).UnmarshalBinary(state)
}
