package widgets

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/chart"
)

// Geometry of the heat map: the cells grow with the width the map is
// given, from cellSize up to maxCellSize.
const (
	cellSize    = 16
	maxCellSize = 36
	cellGap     = 3
	heatLabelW  = 32 // weekday names
)

// cellFor is the side of the cells in a map w wide: as large as the width
// allows, whole pixels, within cellSize and maxCellSize.
func cellFor(w float32) float32 {
	c := float32(int((w-heatLabelW)/HeatWeeks - cellGap))
	return min(max(c, cellSize), maxCellSize)
}

// heatShade is the fill of a level (chart.HeatLevel): one hue (the
// theme's primary colour) blended into the background by chart.HeatShade,
// brighter with more moves, so the levels differ in lightness, not in hue
// (colour-blind safe). The report's calendar shades with the same scale.
func heatShade(level int) color.Color {
	if level == 0 {
		return color.Transparent
	}
	return blend(theme.Color(theme.ColorNameBackground), theme.Color(theme.ColorNamePrimary), chart.HeatShade(level))
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
	// First is the date of the Monday of the first column, at noon UTC,
	// for the month labels (zero: nothing drawn). The days are counted
	// from it: day i is in column i/7, row i%7, where the report's
	// calendar places it too (chart.CalendarCell).
	First time.Time
	// Today is the day outlined; later days are not drawn.
	Today int
	// Selected is the day outlined in the primary colour (unless it is
	// Today).
	Selected int
	// Counts are the moves done per day from First; -1 for days to come.
	Counts []int
	// OnTapped is called with the day tapped; may be nil.
	OnTapped func(day int)
	// OnHovered is called with the day under the pointer; may be nil.
	OnHovered func(day int)
	// OnHeightChanged is called when a new width changed the size of the
	// cells, and so the height the map needs (its container lays out
	// again); may be nil.
	OnHeightChanged func()
	// Calendar names the weekdays and months (nil: English).
	Calendar Calendar
}

// NewHeatMap returns an empty heat map.
func NewHeatMap() *HeatMap {
	m := &HeatMap{}
	m.ExtendBaseWidget(m)
	return m
}

// Set shows counts from first (see the fields) and redraws.
func (m *HeatMap) Set(first time.Time, today, selected int, counts []int) {
	m.First, m.Today, m.Selected, m.Counts = first, today, selected, counts
	m.Refresh()
}

// Count returns the moves done on day i as shown (-1 outside the map or to
// come).
func (m *HeatMap) Count(i int) int {
	if i < 0 || i >= len(m.Counts) {
		return -1
	}
	return m.Counts[i]
}

// cell is the side of a cell at the map's width: as large as the width
// allows, up to maxCellSize.
func (m *HeatMap) cell() float32 { return cellFor(m.Size().Width) }

// top is the height of the month row above the cells.
func (m *HeatMap) top() float32 { return theme.CaptionTextSize() + 4 }

// CellPos is the top-left corner of the cell of column col, row row.
func (m *HeatMap) CellPos(col, row int) fyne.Position {
	c := m.cell()
	return fyne.NewPos(heatLabelW+float32(col)*(c+cellGap), m.top()+float32(row)*(c+cellGap))
}

// DayAt returns the day drawn at p.
func (m *HeatMap) DayAt(p fyne.Position) (int, bool) {
	x, y := p.X-heatLabelW, p.Y-m.top()
	if x < 0 || y < 0 {
		return 0, false
	}
	c := m.cell()
	col, row := int(x/(c+cellGap)), int(y/(c+cellGap))
	if col >= HeatWeeks || row >= 7 {
		return 0, false
	}
	d := col*7 + row
	if d > m.Today || m.First.IsZero() {
		return 0, false
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
	r := &heatRenderer{m: m, laid: cellSize}
	for i := 0; i < HeatWeeks*7; i++ {
		r.cells = append(r.cells, canvas.NewRectangle(color.Transparent))
	}
	cal := calendarOr(m.Calendar)
	for i := range 7 {
		n := ""
		if i%2 == 0 { // Monday, Wednesday, Friday, Sunday
			n = cal.ShortWeekday(time.Weekday((i + 1) % 7))
		}
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
	laid    float32 // the side of the cells last laid out
}

func (r *heatRenderer) Destroy()                     {}
func (r *heatRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is as wide as the smallest cells need and as high as the
// cells of the present width need.
func (r *heatRenderer) MinSize() fyne.Size {
	p := r.m.CellPos(HeatWeeks, 7)
	return fyne.NewSize(heatLabelW+HeatWeeks*(cellSize+cellGap), p.Y)
}

// Layout places the cells at the size of the map's width, and tells
// OnHeightChanged when that size changed (the height the map needs).
func (r *heatRenderer) Layout(size fyne.Size) {
	side := cellFor(size.Width)
	for i, c := range r.cells {
		c.Move(r.m.CellPos(i/7, i%7))
		c.Resize(fyne.NewSize(side, side))
	}
	for i, t := range r.rows {
		p := r.m.CellPos(0, i)
		t.Move(fyne.NewPos(0, p.Y+(side-t.MinSize().Height)/2))
	}
	for i, t := range r.months {
		t.Move(fyne.NewPos(r.m.CellPos(i, 0).X, 0))
	}
	r.outline(r.mark, r.m.Today)
	r.outline(r.sel, r.m.Selected)
	if side != r.laid {
		r.laid = side
		if r.m.OnHeightChanged != nil {
			r.m.OnHeightChanged()
		}
	}
}

// outline places o around the cell of day i (hidden when it is not shown).
func (r *heatRenderer) outline(o *canvas.Rectangle, i int) {
	if r.m.First.IsZero() || i < 0 || i >= HeatWeeks*7 {
		o.Hide()
		return
	}
	p := r.m.CellPos(i/7, i%7)
	side := r.m.cell()
	o.Move(p.SubtractXY(2, 2))
	o.Resize(fyne.NewSize(side+4, side+4))
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
		styleCell(c, chart.HeatLevel(n))
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
			sunday := r.m.First.AddDate(0, 0, i*7+6)
			mo := sunday.Month()
			if mo != prev {
				t.Text = calendarOr(r.m.Calendar).ShortMonth(mo)
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
