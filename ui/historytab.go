package ui

import (
	"net/url"

	"fyne.io/fyne/v2"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// historyTab owns the History tab: its view, built the first time it is
// shown, the ticks of past days it writes and the report it saves.
type historyTab struct {
	view    *historyView // nil until first shown
	rec     *recorder
	inuse   *routineInUse
	clock   schedule.Clock
	dialogs dialogs
	hooks   historyHooks
}

// historyHooks are what the History tab needs from the rest of the window.
type historyHooks struct {
	weeklyTarget func() int                 // Prefs.WeeklyTarget
	openURL      func(u *url.URL) error     // the desktop's opener
	ticked       func()                     // a tick of a past day was written
	sections     func() []fyne.CanvasObject // sections of other owners, under the days
	today        func() day                 // the checklist's day
}

// build builds the History tab's view.
func (h *historyTab) build() fyne.CanvasObject {
	h.view = newHistoryView(h.rec.reader(), h.inuse.r, historyOptions{
		now:          h.clock.Now,
		weeklyTarget: h.hooks.weeklyTarget,
		onTick:       h.backfill,
		askReport:    h.askReport,
		openFolder:   h.openFolder,
	})
	for _, o := range h.hooks.sections() {
		h.view.box.Add(o)
	}
	return h.view
}

// refresh redraws History when it is built (the moves just done, a tick of
// a past day).
func (h *historyTab) refresh() {
	if h != nil && h.view != nil {
		h.view.Refresh()
	}
}

// setRoutine lists the moves of r.
func (h *historyTab) setRoutine(r *routine.Routine) {
	if h != nil && h.view != nil {
		h.view.SetRoutine(r)
	}
}

// backfill records a tick or untick of a past day, and tells the checklist
// (the day may be today).
func (h *historyTab) backfill(d day, id string, on bool) error {
	if err := h.rec.backfill(d, id, on); err != nil {
		return err
	}
	h.hooks.ticked()
	return nil
}

// saveNote records the day's one-line note from the session summary (see
// recorder.saveNote) and shows it.
func (h *historyTab) saveNote(text string) error {
	if err := h.rec.saveNote(h.hooks.today(), text); err != nil {
		return err
	}
	h.refresh()
	return nil
}

// openFolder opens dir in the desktop's file manager.
func (h *historyTab) openFolder(dir string) error {
	return h.hooks.openURL(&url.URL{Scheme: "file", Path: dir})
}
