package widgets

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
)

// Geometry of the heat map.
const (
	cellSize   = 16
	cellGap    = 3
	heatLabelW = 32 // weekday names
)

// HeatLevel is the shade of a day with n moves done: 0 none, 1 for 1–3,
// 2 for 4–7, 3 for 8 or more.
func HeatLevel(n int) int {
	switch {
	case n <= 0:
		return 0
	case n <= 3:
		return 1
	case n <= 7:
		return 2
	}
	return 3
}

// heatShade is the fill of a level: one hue (the theme's primary colour)
// blended into the background, brighter with more moves, so the levels
// differ in lightness, not in hue (colour-blind safe).
func heatShade(level int) color.Color {
	if level == 0 {
		return color.Transparent
	}
	frac := [...]float64{0, 0.5, 0.75, 1}[level]
	return blend(theme.Color(theme.ColorNameBackground), theme.Color(theme.ColorNamePrimary), frac)
}

// blend mixes a and b: frac 0 is a, 1 is b.
func blend(a, b color.Color, frac float64) color.NRGBA {
	ca := color.NRGBAModel.Convert(a).(color.NRGBA)
	cb := color.NRGBAModel.Convert(b).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-frac) + float64(y)*frac + 0.5) }
	return color.NRGBA{R: mix(ca.R, cb.R), G: mix(ca.G, cb.G), B: mix(ca.B, cb.B), A: 255}
}

// styleCell draws a cell of level: filled when moves were done, an
// outline when none.
func styleCell(r *canvas.Rectangle, level int) {
	r.FillColor = heatShade(level)
	r.StrokeColor = theme.Color(theme.ColorNameDisabled)
	r.StrokeWidth = 0
	if level == 0 {
		r.StrokeWidth = 1
	}
}

// HeatWeeks is the number of weeks (columns) of the heat map.
const HeatWeeks = 12

// HeatMap is the calendar of the last HeatWeeks weeks: columns are weeks,
// rows Monday to Sunday, each day shaded by the moves done.
type HeatMap struct {
	widget.BaseWidget
	// First is the Monday of the first column (zero: nothing drawn).
	First journal.Day
	// Today is outlined; later days are not drawn.
	Today journal.Day
	// Selected is outlined in the primary colour (unless it is Today).
	Selected journal.Day
	// Counts are the moves done per day from First; -1 for days to come.
	Counts []int
	// OnTapped is called with the day tapped; may be nil.
	OnTapped func(journal.Day)
	// OnHovered is called with the day under the pointer; may be nil.
	OnHovered func(journal.Day)
}

// NewHeatMap returns an empty heat map.
func NewHeatMap() *HeatMap {
	m := &HeatMap{}
	m.ExtendBaseWidget(m)
	return m
}

// Set shows counts from first (see the fields) and redraws.
func (m *HeatMap) Set(first, today, selected journal.Day, counts []int) {
	m.First, m.Today, m.Selected, m.Counts = first, today, selected, counts
	m.Refresh()
}

// Count returns the moves done on d as shown (-1 outside the map or to come).
func (m *HeatMap) Count(d journal.Day) int {
	i := d.Sub(m.First)
	if i < 0 || i >= len(m.Counts) {
		return -1
	}
	return m.Counts[i]
}

// top is the height of the month row above the cells.
func (m *HeatMap) top() float32 { return theme.CaptionTextSize() + 4 }

// CellPos is the top-left corner of the cell of column col, row row.
func (m *HeatMap) CellPos(col, row int) fyne.Position {
	return fyne.NewPos(heatLabelW+float32(col)*(cellSize+cellGap), m.top()+float32(row)*(cellSize+cellGap))
}

// DayAt returns the day drawn at p.
func (m *HeatMap) DayAt(p fyne.Position) (journal.Day, bool) {
	x, y := p.X-heatLabelW, p.Y-m.top()
	if x < 0 || y < 0 {
		return journal.Day{}, false
	}
	col, row := int(x/(cellSize+cellGap)), int(y/(cellSize+cellGap))
	if col >= HeatWeeks || row >= 7 {
		return journal.Day{}, false
	}
	d := m.First.Add(col*7 + row)
	if d.After(m.Today) || m.First.IsZero() {
		return journal.Day{}, false
	}
	return d, true
}

// Tapped reports the day tapped to OnTapped.
func (m *HeatMap) Tapped(ev *fyne.PointEvent) {
	if d, ok := m.DayAt(ev.Position); ok && m.OnTapped != nil {
		m.OnTapped(d)
	}
}

// MouseIn is part of desktop.Hoverable.
func (m *HeatMap) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved reports the day under the pointer to OnHovered.
func (m *HeatMap) MouseMoved(ev *desktop.MouseEvent) {
	if d, ok := m.DayAt(ev.Position); ok && m.OnHovered != nil {
		m.OnHovered(d)
	}
}

// MouseOut is part of desktop.Hoverable.
func (m *HeatMap) MouseOut() {}

// CreateRenderer makes the cells and labels.
func (m *HeatMap) CreateRenderer() fyne.WidgetRenderer {
	r := &heatRenderer{m: m}
	for i := 0; i < HeatWeeks*7; i++ {
		r.cells = append(r.cells, canvas.NewRectangle(color.Transparent))
	}
	for _, n := range []string{"Mon", "", "Wed", "", "Fri", "", "Sun"} {
		r.rows = append(r.rows, canvas.NewText(n, theme.Color(theme.ColorNameForeground)))
	}
	for i := 0; i < HeatWeeks; i++ {
		r.months = append(r.months, canvas.NewText("", theme.Color(theme.ColorNameForeground)))
	}
	r.mark = canvas.NewRectangle(color.Transparent)
	r.sel = canvas.NewRectangle(color.Transparent)
	r.objects = append(r.objects, r.mark, r.sel)
	for _, c := range r.cells {
		r.objects = append(r.objects, c)
	}
	for _, t := range append(r.rows, r.months...) {
		r.objects = append(r.objects, t)
	}
	r.Refresh()
	return r
}

type heatRenderer struct {
	m       *HeatMap
	cells   []*canvas.Rectangle // column-major: day first+i
	rows    []*canvas.Text
	months  []*canvas.Text
	mark    *canvas.Rectangle // today's outline
	sel     *canvas.Rectangle // the back-fill day's outline
	objects []fyne.CanvasObject
}

func (r *heatRenderer) Destroy()                     {}
func (r *heatRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *heatRenderer) MinSize() fyne.Size {
	p := r.m.CellPos(HeatWeeks, 7)
	return fyne.NewSize(p.X, p.Y)
}

func (r *heatRenderer) Layout(fyne.Size) {
	for i, c := range r.cells {
		c.Move(r.m.CellPos(i/7, i%7))
		c.Resize(fyne.NewSize(cellSize, cellSize))
	}
	for i, t := range r.rows {
		p := r.m.CellPos(0, i)
		t.Move(fyne.NewPos(0, p.Y+(cellSize-t.MinSize().Height)/2))
	}
	for i, t := range r.months {
		t.Move(fyne.NewPos(r.m.CellPos(i, 0).X, 0))
	}
	r.outline(r.mark, r.m.Today)
	r.outline(r.sel, r.m.Selected)
}

// outline places o around the cell of d (hidden when d is not shown).
func (r *heatRenderer) outline(o *canvas.Rectangle, d journal.Day) {
	i := d.Sub(r.m.First)
	if r.m.First.IsZero() || i < 0 || i >= HeatWeeks*7 {
		o.Hide()
		return
	}
	p := r.m.CellPos(i/7, i%7)
	o.Move(p.SubtractXY(2, 2))
	o.Resize(fyne.NewSize(cellSize+4, cellSize+4))
	o.Show()
}

func (r *heatRenderer) Refresh() {
	fg := theme.Color(theme.ColorNameForeground)
	size := theme.CaptionTextSize()
	for i, c := range r.cells {
		n := -1
		if i < len(r.m.Counts) {
			n = r.m.Counts[i]
		}
		if n < 0 {
			c.Hide()
			continue
		}
		c.Show()
		styleCell(c, HeatLevel(n))
		c.Refresh()
	}
	for _, t := range r.rows {
		t.Color, t.TextSize = fg, size
		t.Refresh()
	}
	prev := time.Month(0)
	for i, t := range r.months {
		t.Color, t.TextSize = fg, size
		t.Text = ""
		if !r.m.First.IsZero() {
			// A column is labelled with its month when the month starts in it
			// (or it is the first column).
			_, mo, _ := r.m.First.Add(i*7 + 6).Date()
			if mo != prev {
				t.Text = Noon(r.m.First.Add(i*7 + 6)).Format("Jan")
			}
			prev = mo
		}
		t.Refresh()
	}
	r.mark.FillColor = color.Transparent
	r.mark.StrokeColor = fg
	r.mark.StrokeWidth = 2
	r.sel.FillColor = color.Transparent
	r.sel.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.sel.StrokeWidth = 3
	if r.m.Selected == r.m.Today {
		r.sel.StrokeWidth = 0
	}
	r.Layout(r.m.Size())
	r.mark.Refresh()
	r.sel.Refresh()
}

// Noon is noon of d in UTC, for formatting a day.
func Noon(d journal.Day) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)
}
