package widgets

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// oneVariant is the default theme in one variant, whatever the desktop's.
type oneVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t oneVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// contrastRatio is the WCAG contrast ratio of two colours.
func contrastRatio(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
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
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The heat map's shades tell apart in both themes: a day with 1–3 moves
// from a day with none (the background; it was 1.4:1 in the dark theme,
// hard to see), and each level from the one below.
func TestHeatShadesTellApart(t *testing.T) {
	a := test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		a.Settings().SetTheme(oneVariant{theme.DefaultTheme(), v})
		prev := theme.Color(theme.ColorNameBackground)
		for level := 1; level <= 3; level++ {
			fill := heatShade(level)
			want := 1.4
			if level == 1 {
				want = 1.8
			}
			if r := contrastRatio(fill, prev); r < want {
				t.Errorf("variant %d: level %d against the level below: %.2f:1, want at least %.1f:1", v, level, r, want)
			}
			prev = fill
		}
	}
}
