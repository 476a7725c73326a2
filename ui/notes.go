package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
)

// safetyPref is the preference that records that the safety note was read.
const safetyPref = "safetyNoteSeen"

// SafetyText is the note shown on the first launch.
const SafetyText = "This app gives exercise guidance, not medical advice. " +
	"Stop at once on sharp or radiating pain, numbness or tingling. " +
	"Follow the limits your surgeon or physiotherapist gave you."

// showSafetyNote shows the first-launch note as a banner: it never blocks
// the timer, and "Got it" dismisses it for good.
func (w *Window) showSafetyNote() {
	prefs := w.app.Preferences()
	if prefs.Bool(safetyPref) {
		return
	}
	lbl := widget.NewLabel(SafetyText)
	lbl.Wrapping = fyne.TextWrapWord
	var box fyne.CanvasObject
	ok := newKeyButton("Got it", theme.ConfirmIcon(), w, func() {
		prefs.SetBool(safetyPref, true)
		w.removeBanner(box)
		delete(w.noticeBox, "safety")
	})
	box = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), ok, lbl)
	w.noticeBox["safety"] = box
	w.addBanner(box)
}

// offerResume shows "Resume at Side Planks, set 2" / "Start fresh" when
// the journal has an unfinished session of today for this routine.
func (w *Window) offerResume() {
	w.clearResume()
	pos, ok := w.j.ResumePoint(w.day)
	if !ok || pos.Routine != w.r.Source || len(w.r.Unknown(pos.Moves...)) > 0 || len(pos.Moves) == 0 {
		return
	}
	m, _ := w.r.Move(pos.Move)
	what := m.Name
	if what == "" {
		what = pos.Move
	}
	if pos.Set > 1 {
		what = fmt.Sprintf("%s, set %d", what, pos.Set)
	}
	lbl := widget.NewLabel("Today's session was interrupted. Resume at " + what + ", or start fresh?")
	lbl.Wrapping = fyne.TextWrapWord
	resume := newKeyButton("Resume at "+what, theme.MediaPlayIcon(), w, func() { w.Resume(pos) })
	resume.Importance = widget.HighImportance
	fresh := newKeyButton("Start fresh", theme.ContentClearIcon(), w, w.abandonResume)
	w.resume = container.NewVBox(lbl, container.NewGridWithColumns(2, resume, fresh))
	w.resumePos = &pos
	w.addBanner(w.resume)
}

// Resume continues the interrupted session pos at its step.
func (w *Window) Resume(pos journal.Position) {
	w.clearResume()
	if w.sess != nil {
		return
	}
	w.startSession(slices.Clone(pos.Moves), pos.Step, pos.Session)
}

// abandonResume ends the interrupted session in the journal ("Start
// fresh", or a new session was started).
func (w *Window) abandonResume() {
	if w.resumePos == nil {
		return
	}
	pos := *w.resumePos
	w.clearResume()
	if err := w.j.EndSession(pos.Session, journal.Abandoned, w.clock.Now()); err != nil {
		w.notice("journal", "The journal could not close the interrupted session: "+err.Error())
	}
}

func (w *Window) clearResume() {
	if w.resume != nil {
		w.removeBanner(w.resume)
	}
	w.resume, w.resumePos = nil, nil
}

// ResumeOffered reports whether the resume offer is shown.
func (w *Window) ResumeOffered() bool { return w.resumePos != nil }

// armMidnight schedules the checklist's rollover at the next midnight. It
// wakes at least hourly: timers follow the monotonic clock, which stands
// still while the computer sleeps, so a timer set for midnight would be
// late by the length of a night's suspend.
func (w *Window) armMidnight() {
	if w.stopMidnight != nil {
		w.stopMidnight()
	}
	now := w.clock.Now()
	d := min(journal.NextMidnight(now).Sub(now), time.Hour)
	w.stopMidnight = w.clock.AfterFunc(d, func() { w.post(w.midnight) })
}

// midnight runs on the UI goroutine at midnight (and hourly): the
// checklist turns to the new day unless a session runs (then it turns when
// the session ends).
func (w *Window) midnight() {
	w.armMidnight()
	if w.sess == nil {
		w.rollover()
	}
}

// rollover moves the checklist to today if the day changed.
func (w *Window) rollover() {
	today := journal.Today(w.clock.Now())
	if today == w.day {
		return
	}
	w.day = today
	w.clearResume()
	w.list.reload()
	w.showIdle()
}
