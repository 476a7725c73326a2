package widgets

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/chart"
)

// Colours of the chart's series; they also differ by marker shape.
func beforeColour() color.Color { return theme.Color(theme.ColorNameWarning) }
func afterColour() color.Color  { return theme.Color(theme.ColorNamePrimary) }
func barColour() color.Color    { return theme.Color(theme.ColorNameDisabled) }

// Geometry of the chart.
const (
	ChartDays   = 30 // days shown, the last one today
	chartAxisW  = 26
	chartMarker = 8
	chartMinW   = 300
	painH       = 120
	movesH      = 40
)

// PainChart draws, for each of the last days, the pain before (filled
// circle) and after (hollow square) a session on a 0–10 scale, and below
// it the moves done as thin bars. Days without data are left empty.
type PainChart struct {
	widget.BaseWidget
	// Days are the days shown, oldest first, at most ChartDays; change
	// them with SetDays.
	Days []ChartDay
	// Calendar names the first day (nil: English).
	Calendar Calendar
}

// ChartDay is what the chart shows of one day.
type ChartDay struct {
	Date time.Time // the day, at noon UTC, for its label
	// PainBefore and PainAfter are the check-ins of the day (0–10, placed
	// by chart.PainY); nil when there was none.
	PainBefore, PainAfter *int
	Moves                 int // the moves done
}

// NewPainChart returns an empty chart.
func NewPainChart() *PainChart {
	c := &PainChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetDays shows days (oldest first; only the last ChartDays are kept).
func (c *PainChart) SetDays(days []ChartDay) {
	if len(days) > ChartDays {
		days = days[len(days)-ChartDays:]
	}
	c.Days = days
	c.Refresh()
}

// CreateRenderer returns the chart's renderer.
func (c *PainChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	for i := 0; i < ChartDays; i++ {
		r.before = append(r.before, &canvas.Circle{})
		r.after = append(r.after, &canvas.Rectangle{StrokeWidth: 2})
		r.bars = append(r.bars, &canvas.Rectangle{})
	}
	for i := 0; i < 3; i++ {
		r.axes = append(r.axes, &canvas.Line{StrokeWidth: 1})
	}
	for i := 0; i < 2; i++ {
		r.grid = append(r.grid, &canvas.Line{StrokeWidth: 1})
	}
	for i := 0; i < 6; i++ {
		r.labels = append(r.labels, &canvas.Text{})
	}
	for _, g := range r.grid {
		r.objects = append(r.objects, g)
	}
	for _, a := range r.axes {
		r.objects = append(r.objects, a)
	}
	for _, b := range r.bars {
		r.objects = append(r.objects, b)
	}
	for i := range r.before {
		r.objects = append(r.objects, r.before[i], r.after[i])
	}
	for _, l := range r.labels {
		r.objects = append(r.objects, l)
	}
	r.Refresh()
	return r
}

type chartRenderer struct {
	c       *PainChart
	before  []*canvas.Circle    // per day; hidden without a check-in
	after   []*canvas.Rectangle // per day; hidden without a check-in
	bars    []*canvas.Rectangle // per day; hidden with no move done
	axes    []*canvas.Line      // pain axis, pain baseline, moves baseline
	grid    []*canvas.Line      // pain 5 and 10
	labels  []*canvas.Text      // "10", "5", "0", moves max, first day, "today"
	objects []fyne.CanvasObject
}

// maxMoves is the moves scale: the busiest day shown (at least 1).
func (r *chartRenderer) maxMoves() int {
	n := 1
	for _, d := range r.c.Days {
		n = max(n, d.Moves)
	}
	return n
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(chartMinW, painH+movesH+3*theme.CaptionTextSize()+12)
}

// geometry of the plot for a widget of size s.
type chartGeom struct {
	left, right   float32 // plot x range
	painTop, pain float32 // y of pain 10, height of the pain scale
	movesTop      float32 // y of the top of the moves panel
	slot          float32 // width per day
}

func (r *chartRenderer) geom(s fyne.Size) chartGeom {
	capH := theme.CaptionTextSize()
	g := chartGeom{left: chartAxisW, right: max(s.Width, chartMinW) - chartMarker/2,
		painTop: capH/2 + chartMarker/2, pain: painH}
	g.movesTop = g.painTop + g.pain + chartMarker/2 + capH
	g.slot = (g.right - g.left) / ChartDays
	return g
}

// x is the centre of day i's slot.
func (g chartGeom) x(i int) float32 { return g.left + (float32(i)+0.5)*g.slot }

// y is the height of pain v.
func (g chartGeom) y(v int) float32 { return g.painTop + g.pain*float32(chart.PainY(float64(v))) }

func (r *chartRenderer) Layout(s fyne.Size) {
	c, g := r.c, r.geom(s)
	maxN := r.maxMoves()
	for i := 0; i < ChartDays; i++ {
		b, a, bar := r.before[i], r.after[i], r.bars[i]
		b.Hide()
		a.Hide()
		bar.Hide()
		if i >= len(c.Days) {
			continue
		}
		d, x := c.Days[i], g.x(i)
		if d.PainBefore != nil {
			b.Move(fyne.NewPos(x-chartMarker/2, g.y(*d.PainBefore)-chartMarker/2))
			b.Resize(fyne.NewSize(chartMarker, chartMarker))
			b.Show()
		}
		if d.PainAfter != nil {
			a.Move(fyne.NewPos(x-chartMarker/2, g.y(*d.PainAfter)-chartMarker/2))
			a.Resize(fyne.NewSize(chartMarker, chartMarker))
			a.Show()
		}
		if n := d.Moves; n > 0 {
			h := movesH * float32(n) / float32(maxN)
			w := max(2, g.slot*0.4)
			bar.Move(fyne.NewPos(x-w/2, g.movesTop+movesH-h))
			bar.Resize(fyne.NewSize(w, h))
			bar.Show()
		}
	}
	line := func(l *canvas.Line, x1, y1, x2, y2 float32) {
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	}
	line(r.axes[0], g.left, g.painTop, g.left, g.y(0))
	line(r.axes[1], g.left, g.y(0), g.right, g.y(0))
	line(r.axes[2], g.left, g.movesTop+movesH, g.right, g.movesTop+movesH)
	line(r.grid[0], g.left, g.y(5), g.right, g.y(5))
	line(r.grid[1], g.left, g.y(10), g.right, g.y(10))

	capH := theme.CaptionTextSize()
	right := func(t *canvas.Text, y float32) {
		w := t.MinSize().Width
		t.Move(fyne.NewPos(g.left-4-w, y-t.MinSize().Height/2))
	}
	right(r.labels[0], g.y(10))
	right(r.labels[1], g.y(5))
	right(r.labels[2], g.y(0))
	right(r.labels[3], g.movesTop+capH/2)
	bottom := g.movesTop + movesH + 2
	r.labels[4].Move(fyne.NewPos(g.left, bottom))
	r.labels[5].Move(fyne.NewPos(g.right-r.labels[5].MinSize().Width, bottom))
}

func (r *chartRenderer) Refresh() {
	c := r.c
	size := theme.CaptionTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	for i := range r.before {
		r.before[i].FillColor = beforeColour()
		r.after[i].FillColor = color.Transparent
		r.after[i].StrokeColor = afterColour()
		r.bars[i].FillColor = barColour()
	}
	for _, a := range r.axes {
		a.StrokeColor = fg
	}
	for _, l := range r.grid {
		l.StrokeColor = theme.Color(theme.ColorNameSeparator)
	}
	texts := []string{"10", "5", "0", fmt.Sprint(r.maxMoves()), "", lang.L("today")}
	if len(c.Days) > 0 {
		texts[4] = calendarOr(c.Calendar).ShortDayDate(c.Days[0].Date)
	}
	for i, l := range r.labels {
		l.Text, l.TextSize, l.Color = texts[i], size, fg
	}
	r.Layout(c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}
