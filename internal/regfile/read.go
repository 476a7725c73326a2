package regfile

import (
	"errors"
	"fmt"
	"io"
)

// ErrTooBig is wrapped by the error of ReadFile for a file larger than
// its limit.
var ErrTooBig = errors.New("larger than such a file can be")

// ReadFile reads the whole regular file at path, opened by Open (so a
// FIFO, a device or a link to one is refused without blocking), but no
// more than limit bytes: a larger file, or one that grows past limit while
// it is read, is refused with an error wrapping ErrTooBig. Errors name
// path.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, fi, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.Size() > limit {
		return nil, tooBig(path, fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig(path, int64(len(data)), limit)
	}
	return data, nil
}

func tooBig(path string, size, limit int64) error {
	return fmt.Errorf("%s is %d bytes or more, the limit is %d: %w", path, size, limit, ErrTooBig)
}
