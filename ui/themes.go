package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ApplyTheme sets a's theme: ThemeLight or ThemeDark force that variant of
// Fyne's default theme; anything else follows the desktop (the default
// theme as is).
func ApplyTheme(a fyne.App, name string) {
	a.Settings().SetTheme(themeFor(name))
}

// themeFor returns the theme of a theme name.
func themeFor(name string) fyne.Theme {
	switch name {
	case ThemeLight:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight}
	case ThemeDark:
		return &variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark}
	}
	return theme.DefaultTheme()
}

// variantTheme is a theme whose colours are always those of one variant,
// whatever the desktop prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the colour of the fixed variant.
func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
