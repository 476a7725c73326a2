package regfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// MaxName is the longest file name, in bytes, that common file systems
// take (ext4, btrfs, XFS, NTFS in UTF-16 units).
const MaxName = 255

// FreeTries is how many names a search for a free file name tries before
// it gives up: a folder that holds that many copies of one name is not
// worth searching further.
const FreeTries = 100

// ErrNoFreeName is wrapped by the error of FreeName when every name it
// tries is taken.
var ErrNoFreeName = errors.New("no free file name")

// Candidate returns the n-th name a search for a free name tries: base+ext
// for n = 1, then base-2+ext, base-3+ext... base is cut (at a character
// boundary) so that the name fits in MaxName bytes.
func Candidate(base, ext string, n int) string {
	suffix := ext
	if n > 1 {
		suffix = fmt.Sprintf("-%d%s", n, ext)
	}
	if over := len(base) + len(suffix) - MaxName; over > 0 {
		cut := max(len(base)-over, 0)
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return base + suffix
}

// FreeName returns the path in dir of the first Candidate(base, ext, n),
// n = 1...FreeTries, that names nothing yet. It fails when dir cannot be
// looked at (any error but "does not exist") and, with an error wrapping
// ErrNoFreeName, when every name is taken.
func FreeName(dir, base, ext string) (string, error) {
	for n := 1; n <= FreeTries; n++ {
		p := filepath.Join(dir, Candidate(base, ext, n))
		_, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("%w in %s: %s and the %d names after it are taken", ErrNoFreeName, dir,
		Candidate(base, ext, 1), FreeTries-1)
}

// SetAside renames the file at path (of any kind: a FIFO, a device, a
// damaged file) to a free name beside it, path with "."+tag after it (and
// -2, -3... when taken), so that nothing is written over it and it is
// not read again. It returns the new path.
func SetAside(path, tag string) (string, error) {
	to, err := FreeName(filepath.Dir(path), filepath.Base(path)+"."+tag, "")
	if err != nil {
		return "", err
	}
	if err := os.Rename(path, to); err != nil {
		return "", err
	}
	return to, nil
}
