package ui

import (
	"image/color"
	"spineroutine/ui/settings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ApplyTheme sets a's theme: settings.ThemeLight or settings.ThemeDark force that variant of
// the app's theme; anything else follows the desktop. The app has one
// theme, an appTheme, for every window: a second theme scope
// (container.NewThemeOverride) would make Fyne parse every font again for
// it (9 MB of heap, 11 MB of RSS and part of the first frame, measured).
func ApplyTheme(a fyne.App, name string) {
	if t, ok := a.Settings().Theme().(*appTheme); ok {
		t.setVariant(name)
		a.Settings().SetTheme(t) // every window repaints
		return
	}
	a.Settings().SetTheme(themeFor(name))
}

// themeFor returns the app's theme for a theme name, on Fyne's default
// theme.
func themeFor(name string) *appTheme {
	t := newAppTheme(theme.DefaultTheme())
	t.setVariant(name)
	return t
}

// appThemeOf returns a's theme as an appTheme, installing one on a's
// current theme when it has none yet (a test app's theme).
func appThemeOf(a fyne.App) *appTheme {
	if t, ok := a.Settings().Theme().(*appTheme); ok {
		return t
	}
	t := newAppTheme(a.Settings().Theme())
	a.Settings().SetTheme(t)
	return t
}

// followDesktop is appTheme.variant when the desktop's variant is used.
const followDesktop = -1

// appTheme is the app's theme: its base theme, in a forced variant or the
// desktop's, with two changes a session makes:
//
//   - scale: text, padding and icons grow with the window (as slides do),
//     so that the card's small texts and the control buttons stay readable
//     from across the room (setScale);
//   - worn: while a session is under way and shown, the whole window wears
//     the colours of the phase (wear), the background and every control
//     drawn on it. Fyne's GL driver clears the window to the theme's
//     background colour before it draws anything, which costs nothing per
//     pixel; the phase's band was a rectangle shaded every frame (0.5 of
//     the 1.19 million pixels of a session frame at 1280x800).
//
// Its state is read on the painting goroutine (the window's clear colour),
// hence the atomics.
type appTheme struct {
	base    fyne.Theme
	variant atomic.Int32  // a fyne.ThemeVariant, or followDesktop
	scale   atomic.Uint32 // percent
	worn    atomic.Pointer[palette]
}

func newAppTheme(base fyne.Theme) *appTheme {
	t := &appTheme{base: base}
	t.variant.Store(followDesktop)
	t.scale.Store(100)
	return t
}

// setVariant forces the variant of settings.ThemeLight or settings.ThemeDark, or follows the
// desktop.
func (t *appTheme) setVariant(name string) {
	v := int32(followDesktop)
	switch name {
	case settings.ThemeLight:
		v = int32(theme.VariantLight)
	case settings.ThemeDark:
		v = int32(theme.VariantDark)
	}
	t.variant.Store(v)
}

// setScale sets the scale for a session view of width w in a window of
// height h (100 % for 0 × 0: no session); it reports whether the scale
// changed.
func (t *appTheme) setScale(w, h float32) bool {
	// 100 % at 600 px high and 640 px wide (the narrower wins), in steps of
	// 10 %, between 100 % and 300 %.
	p := uint32(min(h/600, w/640)*10) * 10
	p = min(max(p, 100), 300)
	return t.scale.Swap(p) != p
}

func (t *appTheme) factor() float32 { return float32(t.scale.Load()) / 100 }

// wear makes the theme's colours those of a phase's palette (nil: the
// base theme's); it reports whether they changed.
func (t *appTheme) wear(p *palette) bool {
	old := t.worn.Swap(p)
	if old == nil || p == nil {
		return old != p
	}
	return *old != *p
}

// Color returns the colour of the palette worn, else the base theme's in
// the variant in force.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if p := t.worn.Load(); p != nil {
		if c, ok := p.themeColour(n); ok {
			return c
		}
	}
	if f := t.variant.Load(); f != followDesktop {
		v = fyne.ThemeVariant(f)
	}
	return t.base.Color(n, v)
}

// Font returns the base theme's font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the base theme's icon.
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size scales the text, icon and padding sizes.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon, theme.SizeNamePadding,
		theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * t.factor()
	}
	return s
}

// themeColour is the colour of theme colour n in a window that wears the
// palette: the phase's background, its text colour for text, and the
// controls as shades between the two (a button is the background a fifth
// of the way to the text colour, the primary button the text colour with
// the background's colour as its label). Colours that say something of
// their own (error, warning, success) keep the base theme's.
func (p palette) themeColour(n fyne.ThemeColorName) (color.Color, bool) {
	switch n {
	case theme.ColorNameBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground,
		theme.ColorNameForegroundOnPrimary:
		return p.bg, true
	case theme.ColorNameForeground, theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return p.fg, true
	case theme.ColorNameButton:
		return mix(p.bg, p.fg, 0.2), true
	case theme.ColorNameDisabledButton, theme.ColorNameInputBackground:
		return mix(p.bg, p.fg, 0.1), true
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return mix(p.bg, p.fg, 0.5), true
	case theme.ColorNameInputBorder, theme.ColorNameSeparator:
		return mix(p.bg, p.fg, 0.35), true
	case theme.ColorNameHover:
		return withAlpha(p.fg, 0x28), true
	case theme.ColorNamePressed, theme.ColorNameSelection:
		return withAlpha(p.fg, 0x40), true
	case theme.ColorNameFocus, theme.ColorNameScrollBar:
		return withAlpha(p.fg, 0x66), true
	case theme.ColorNameShadow:
		return color.NRGBA{A: 0x33}, true
	}
	return nil, false
}

// mix is the colour k of the way from a to b (opaque).
func mix(a, b color.NRGBA, k float32) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(float32(x) + (float32(y)-float32(x))*k + 0.5) }
	return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
}

// withAlpha is c with alpha a.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
