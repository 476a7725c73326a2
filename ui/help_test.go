package ui

import (
	"image/color"
	"math"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/settings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// luminance is the relative luminance of c (WCAG).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The key-help panel is built once; after a switch of theme its text and
// its background still contrast (it was the light theme's dark text on
// the dark theme's dark panel).
func TestHelpPanelFollowsTheTheme(t *testing.T) {
	a := test.NewTempApp(t)
	for _, c := range []struct{ from, to string }{{settings.ThemeDark, settings.ThemeLight}, {settings.ThemeLight, settings.ThemeDark}} {
		ApplyTheme(a, c.from)
		help := newHelpOverlay(func() {})
		w := test.NewWindow(help)
		w.Resize(fyne.NewSize(800, 600))
		ApplyTheme(a, c.to)
		w.Content().Refresh()
		var panel *canvas.Rectangle
		uitest.Walk(help, func(o fyne.CanvasObject) {
			if r, ok := o.(*canvas.Rectangle); ok && r.StrokeWidth > 0 { // the panel, with its border
				panel = r
			}
		})
		if panel == nil {
			t.Fatal("no panel")
		}
		fg := themeFor(c.to).Color(theme.ColorNameForeground, theme.VariantDark)
		if r := contrast(panel.FillColor, fg); r < 4.5 {
			t.Errorf("%s → %s: text on the panel at a contrast of %.1f:1, want at least 4.5:1", c.from, c.to, r)
		}
		w.Close()
	}
}
