package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// MaxFileSize is the size above which a journal file is not read (ten
// years of daily use take a few megabytes).
const MaxFileSize = 256 << 20

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
	if !ok || s == "" || s[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 2 || strconv.Itoa(n) != s {
		return 0, false
	}
	return n, true
}

// scanned is the result of reading one journal file.
type scanned struct {
	path string
	num  int
	// foreign is why the file is not used ("" when it is a journal).
	foreign string
	// lines is the number of complete (newline-terminated) lines.
	lines int
	// damaged lists the complete lines that could not be read and that no
	// "damaged" entry of the file acknowledges.
	damaged []int
	// tail holds the bytes after the last newline when they are not a
	// readable entry: a write cut short.
	tail []byte
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

// scanFile reads and checks a journal file, passing each entry to apply in
// file order. Problems with the file itself (unreadable, a directory, not a
// journal) are reported in foreign; a foreign file has no entries.
func scanFile(path string, num int, apply func(*event)) *scanned {
	sc := &scanned{path: path, num: num}
	fi, err := os.Stat(path)
	if err != nil {
		sc.foreign = "cannot be read: " + errText(err)
		return sc
	}
	if !fi.Mode().IsRegular() {
		sc.foreign = "is not a regular file"
		return sc
	}
	if fi.Size() > MaxFileSize {
		sc.foreign = fmt.Sprintf("is too large (%d bytes)", fi.Size())
		return sc
	}
	data, err := os.ReadFile(path)
	if err != nil {
		sc.foreign = "cannot be read: " + errText(err)
		return sc
	}
	sc.parse(data, apply)
	return sc
}

// errText returns the innermost message of a path error ("permission
// denied"), since the path is reported anyway.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parse splits data into lines, decodes them and passes the entries to
// apply. A file with no valid entry passes none, so deciding afterwards that
// it is foreign needs no undo.
func (sc *scanned) parse(data []byte, apply func(*event)) {
	var (
		bad    []int
		acked  = map[int]bool{}
		valid  = 0
		newer  = 0
		intern = newInterner()
		e      event // reused: the fold keeps no pointer to it
	)
	rest := data
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		line := rest[:i]
		rest = rest[i+1:]
		sc.lines++
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := decode(line, &e, intern); err != nil {
			if errors.Is(err, errNewer) {
				newer++
			}
			bad = append(bad, sc.lines)
			continue
		}
		valid++
		if e.Kind == KindDamaged {
			for _, n := range e.Lines {
				acked[n] = true
			}
			continue
		}
		apply(&e)
	}
	if len(rest) > 0 {
		sc.noNL = true
		if err := decode(rest, &e, intern); err == nil {
			valid++
			if e.Kind != KindDamaged {
				apply(&e)
			}
		} else if len(bytes.TrimSpace(rest)) > 0 {
			sc.tail = rest
		}
	}
	for _, n := range bad {
		if !acked[n] {
			sc.damaged = append(sc.damaged, n)
		}
	}
	if valid > 0 {
		return
	}
	switch {
	case newer > 0:
		sc.foreign = "was written by a newer version of Spine Routine"
	case len(bad) > 0:
		sc.foreign = "is not a Spine Routine journal"
	case len(sc.tail) > 0 && !looksLikeEntry(sc.tail):
		sc.foreign = "is not a Spine Routine journal"
	}
	if sc.foreign != "" {
		sc.damaged, sc.tail = nil, nil
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

// sidePath returns a free name for the set-aside copy of path's torn tail.
func sidePath(path, stamp string) string {
	p := path + ".torn-" + stamp
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s.torn-%s-%d", path, stamp, i)
	}
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
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
