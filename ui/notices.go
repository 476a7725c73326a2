package ui

import (
	"spineroutine/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notices are the banners above the card, one per key: notices, the
// offer to resume, the flags' offers.
type notices struct {
	box   *fyne.Container              // the banners, stacked
	byKey map[string]fyne.CanvasObject // the banners by key
	area  fyne.CanvasObject            // what to lay out again when they change
}

// newNotices makes an empty stack of banners whose buttons pass keys on.
func newNotices() *notices {
	return &notices{box: container.NewVBox(), byKey: map[string]fyne.CanvasObject{}}
}

// notice shows a banner with text under key (one per key) until dismissed.
func (s *notices) notice(key, text string) {
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	closeBtn := widgets.NewKeyButton("", theme.CancelIcon(), func() { s.clear(key) })
	closeBtn.Importance = widget.LowImportance
	s.set(key, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeBtn, lbl))
}

// show shows text under key, or clears the notice of key when text
// is empty.
func (s *notices) show(key, text string) {
	if text == "" {
		s.clear(key)
		return
	}
	s.notice(key, text)
}

// set shows b above the card under key, replacing the banner of
// that key.
func (s *notices) set(key string, b fyne.CanvasObject) {
	if old, ok := s.byKey[key]; ok {
		s.box.Remove(old)
	}
	s.byKey[key] = b
	s.box.Add(b)
	s.area.Refresh()
}

// clear removes the banner under key.
func (s *notices) clear(key string) {
	if old, ok := s.byKey[key]; ok {
		s.box.Remove(old)
		delete(s.byKey, key)
		s.area.Refresh()
	}
}

// showSafetyNote shows the first-launch note as a banner: it never blocks
// the timer, and "Got it" dismisses it for good.
func (c *controller) showSafetyNote() {
	if c.prefs.SafetyNoteSeen() {
		return
	}
	lbl := widget.NewLabel(lang.L("This app gives exercise guidance, not medical advice. " +
		"Stop at once on sharp or radiating pain, numbness or tingling. " +
		"Follow the limits your surgeon or physiotherapist gave you."))
	lbl.Wrapping = fyne.TextWrapWord
	ok := widgets.NewKeyButton(lang.L("Got it"), nil, func() {
		c.prefs.SetSafetyNoteSeen(true)
		c.session.notes.clear("safety")
	})
	c.session.notes.set("safety", container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), ok, lbl))
}

// flag shows text above the card under key with the button offer
// (nil: none) and a close button.
func (s *notices) flag(key, text string, offer fyne.CanvasObject) {
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	closeBtn := widgets.NewKeyButton("", theme.CancelIcon(), func() { s.clear(key) })
	closeBtn.Importance = widget.LowImportance
	right := container.NewHBox(closeBtn)
	if offer != nil {
		right = container.NewHBox(offer, closeBtn)
	}
	s.set(key, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), right, lbl))
}
