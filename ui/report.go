package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"spineroutine/internal/report"
)

// askReport asks, with Fyne's save dialog, where to save the report of the
// last report.DefaultDays days, saves it and tells done (path "" when the
// dialog was cancelled). The dialog has already created the file when it
// returns (and asked before replacing one); the report then replaces it
// atomically, and when it cannot be saved the empty file is removed.
func (h *historyTab) askReport(done func(path string, err error)) {
	d := h.dialogs.saveFile(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			done("", err)
			return
		}
		path := wc.URI().Path()
		if err := wc.Close(); err != nil {
			done("", err)
			return
		}
		var unprintable []report.Unprintable
		err = safely("the report", func() (err error) { unprintable, err = h.saveReport(path); return err })
		if fi, serr := os.Stat(path); err != nil && serr == nil && fi.Size() == 0 {
			os.Remove(path) // the dialog's empty file, not a report
		}
		done(path, err)
		if err == nil && len(unprintable) > 0 && h.view != nil {
			h.view.report.note(unprintable)
		}
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.SetFileName("spine-routine-report-" + h.clock.Now().Format("2006-01-02") + ".pdf")
	if dir, err := storage.ListerForURI(storage.NewFileURI(reportFolder())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// saveReport writes the report of the last report.DefaultDays days, for
// the routine in use, to path, on the paper of the locale.
// It returns the characters no font has, printed as a box.
func (h *historyTab) saveReport(path string) ([]report.Unprintable, error) {
	rep, err := report.Recent(h.rec.reportSource(), h.inuse.r, h.clock.Now())
	if err != nil {
		return nil, err
	}
	if err := writeReport(rep, path, report.PaperFor(os.Getenv)); err != nil {
		return nil, err
	}
	return rep.Unprintable()
}

// writeReport saves a report (whole or not at all); tests replace it.
var writeReport = func(rep *report.Report, path string, paper report.Paper) error { return rep.Save(path, paper) }

// reportFolder is where the save dialog starts: the Documents folder when
// there is one, else the home folder.
func reportFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
