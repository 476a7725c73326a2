package report

import (
	"bytes"
	"io"
	"os"

	"spineroutine/internal/outfile"
)

// maxReportSize bounds how much of an existing file IsReport reads: a
// report of MaxDays is far smaller.
const maxReportSize = 16 << 20

// IsReport reports whether rd holds a PDF this package wrote: it starts
// like a PDF and its creator is Creator.
func IsReport(rd io.Reader) bool {
	data, err := io.ReadAll(io.LimitReader(rd, maxReportSize))
	if err != nil {
		return false
	}
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.Contains(data, []byte("/Creator ("+Creator+")"))
}

// CheckOut refuses an output path a report must not replace: a
// directory, anything but a regular file (a device, a FIFO, a link), and
// a file that is not a report (IsReport) unless force (outfile.CheckReplace).
func CheckOut(path string, force bool) error {
	return outfile.CheckReplace(path, force, "a report", "Spine Routine", IsReport)
}

// Save writes the report on paper to path, whole or not at all
// (outfile.Write).
func (r *Report) Save(path string, paper Paper) error {
	var buf bytes.Buffer
	if err := r.WritePDF(&buf, paper); err != nil {
		return err
	}
	_, err := outfile.Write(path, func(w *os.File) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	return err
}
