package ui

import (
	"image/color"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// scaledTheme is the app's theme with text, padding and icons scaled with
// the window height (as slides are): the card's small texts and the control
// buttons stay readable from across the room when the window is large. The
// scale is quantized like the text sizes.
type scaledTheme struct {
	scale atomic.Uint32 // percent
}

func newScaledTheme() *scaledTheme {
	t := &scaledTheme{}
	t.scale.Store(100)
	return t
}

// setSize sets the scale for a session view of width w in a window of
// height h; it reports whether the scale changed.
func (t *scaledTheme) setSize(w, h float32) bool {
	// 100 % at 600 px high and 640 px wide (the narrower wins), in steps of
	// 10 %, between 100 % and 300 %.
	p := uint32(min(h/600, w/640)*10) * 10
	p = min(max(p, 100), 300)
	return t.scale.Swap(p) != p
}

func (t *scaledTheme) factor() float32 { return float32(t.scale.Load()) / 100 }

func (t *scaledTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color returns the base theme's colour.
func (t *scaledTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

// Font returns the base theme's font.
func (t *scaledTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon returns the base theme's icon.
func (t *scaledTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size scales the text, icon and padding sizes.
func (t *scaledTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon, theme.SizeNamePadding,
		theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * t.factor()
	}
	return s
}
