package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// safetyText is the note shown on the first launch.
const safetyText = "This app gives exercise guidance, not medical advice. " +
	"Stop at once on sharp or radiating pain, numbness or tingling. " +
	"Follow the limits your surgeon or physiotherapist gave you."

// notice shows a banner with text under key (one per key) until dismissed.
func (s *sessionScreen) notice(key, text string) {
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	closeBtn := s.keys.button("", theme.CancelIcon(), func() { s.clearNotice(key) })
	closeBtn.Importance = widget.LowImportance
	s.setBanner(key, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeBtn, lbl))
}

// showNotice shows text under key, or clears the notice of key when text
// is empty.
func (s *sessionScreen) showNotice(key, text string) {
	if text == "" {
		s.clearNotice(key)
		return
	}
	s.notice(key, text)
}

// setBanner shows b above the card under key, replacing the banner of
// that key.
func (s *sessionScreen) setBanner(key string, b fyne.CanvasObject) {
	if old, ok := s.noticeBox[key]; ok {
		s.banners.Remove(old)
	}
	s.noticeBox[key] = b
	s.banners.Add(b)
	s.cardArea.Refresh()
}

// clearNotice removes the banner under key.
func (s *sessionScreen) clearNotice(key string) {
	if old, ok := s.noticeBox[key]; ok {
		s.banners.Remove(old)
		delete(s.noticeBox, key)
		s.cardArea.Refresh()
	}
}

// showSafetyNote shows the first-launch note as a banner: it never blocks
// the timer, and "Got it" dismisses it for good.
func (c *controller) showSafetyNote() {
	if c.prefs.SafetyNoteSeen() {
		return
	}
	lbl := widget.NewLabel(safetyText)
	lbl.Wrapping = fyne.TextWrapWord
	ok := c.keys.button("Got it", nil, func() {
		c.prefs.SetSafetyNoteSeen(true)
		c.session.clearNotice("safety")
	})
	c.session.setBanner("safety", container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), ok, lbl))
}
