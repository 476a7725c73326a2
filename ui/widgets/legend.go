package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Legends explain the heat map's shades and the chart's series; they are
// restyled with the view when the theme changes.
type Legends struct {
	swatches    []*canvas.Rectangle // heat levels 0..3
	circle      *canvas.Circle
	square, bar *canvas.Rectangle
	// Heat explains the heat map's shades, Chart the chart's series.
	Heat, Chart fyne.CanvasObject
}

// NewLegends returns both legends in the colours of the current theme.
func NewLegends() *Legends {
	l := &Legends{circle: &canvas.Circle{}, square: &canvas.Rectangle{StrokeWidth: 2}, bar: &canvas.Rectangle{}}
	var items []fyne.CanvasObject
	for _, text := range []string{"0", "1–3", "4–7", lang.L("8+ moves")} {
		sw := canvas.NewRectangle(color.Transparent)
		sw.SetMinSize(fyne.NewSize(cellSize, cellSize))
		l.swatches = append(l.swatches, sw)
		items = append(items, container.NewCenter(sw), widget.NewLabel(text))
	}
	l.Heat = container.NewHBox(items...)
	sz := fyne.NewSize(chartMarker+2, chartMarker+2)
	// The series wrap to a second line where a language's words are too
	// long for one (German's at 1024×600).
	l.Chart = container.New(layout.NewRowWrapLayoutWithCustomPadding(theme.Padding(), 0),
		container.NewHBox(swatch(sz, l.circle), widget.NewLabel(lang.L("pain before"))),
		container.NewHBox(swatch(sz, l.square), widget.NewLabel(lang.L("pain after (0–10)"))),
		container.NewHBox(swatch(fyne.NewSize(4, chartMarker+2), l.bar), widget.NewLabel(lang.L("moves done"))),
	)
	l.Restyle()
	return l
}

// swatch shows o at size s, centred on a legend line.
func swatch(s fyne.Size, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(s, o))
}

// Restyle sets the colours of the current theme.
func (l *Legends) Restyle() {
	for level, sw := range l.swatches {
		styleCell(sw, level)
		sw.Refresh()
	}
	l.circle.FillColor = beforeColour()
	l.square.FillColor, l.square.StrokeColor = color.Transparent, afterColour()
	l.bar.FillColor = barColour()
	l.circle.Refresh()
	l.square.Refresh()
	l.bar.Refresh()
}
