package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// Sizes of the history view.
const (
	heatWeeks = 12 // columns of the heat map
	chartDays = 30 // days of the pain and moves chart
)

// HistoryOptions connect the history view to the app.
type HistoryOptions struct {
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// WeeklyTarget returns the days a week needs for the weekly streak
	// (Prefs.WeeklyTarget); nil means journal.DefaultWeeklyTarget.
	WeeklyTarget func() int
	// OnChange is called after a back-filled tick or untick was saved, so
	// that today's checklist can reload; may be nil.
	OnChange func()

	// keys receives the keys a focused button or box does not use (the
	// main window passes itself); nil: they are dropped.
	keys keyHandler
}

// HistoryView is the History tab: a calendar heat map of the last 12
// weeks, the streaks, a chart of pain and moves over the last 30 days, and
// the back-fill of the last 7 days. Everything is drawn from the journal
// when the view is built and on Refresh.
type HistoryView struct {
	widget.BaseWidget
	j    *journal.Journal
	r    *routine.Routine
	o    HistoryOptions
	keys keyHandler

	today    journal.Day
	offset   int  // the back-fill day: today.Add(-offset), 0..BackfillDays-1
	updating bool // the checks are being set from the journal

	heat       *heatMap
	heatInfo   *widget.Label
	current    *widget.Label
	best       *widget.Label
	weekly     *widget.Label
	chart      *painChart
	dayButtons []*keyButton
	fillTitle  *widget.Label
	checks     []*keyCheck
	checkBox   *fyne.Container
	fillError  *problemLine
	legend     *legends

	box     *fyne.Container
	content *container.Scroll
}

// NewHistoryView builds the History tab for the moves of r.
func NewHistoryView(j *journal.Journal, r *routine.Routine, o HistoryOptions) *HistoryView {
	h := &HistoryView{j: j, r: r, o: o, keys: o.keys}
	if h.o.Now == nil {
		h.o.Now = time.Now
	}
	if h.keys == nil {
		h.keys = noKeys{}
	}
	h.heat = newHeatMap(h)
	h.heatInfo = widget.NewLabel("Tap a day to see it; the last 7 days can be ticked below.")
	h.heatInfo.Wrapping = fyne.TextWrapWord
	h.current = widget.NewLabel("")
	h.best = widget.NewLabel("")
	h.weekly = widget.NewLabel("")
	h.weekly.Wrapping = fyne.TextWrapWord
	h.chart = newPainChart()
	h.legend = newLegends()

	days := container.NewGridWithColumns(4)
	for i := 0; i < journal.BackfillDays; i++ {
		b := newKeyButton("", nil, h.keys, func() { h.SelectDay(h.today.Add(-i)) })
		h.dayButtons = append(h.dayButtons, b)
		days.Add(b)
	}
	h.fillTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.checkBox = container.NewVBox()
	h.fillError = newProblemLine()

	h.box = container.NewVBox(
		heading("Last 12 weeks"),
		container.NewHBox(h.heat),
		h.legend.heat,
		h.heatInfo,
		widget.NewSeparator(),
		heading("Streaks"),
		h.current, h.best, h.weekly,
		widget.NewSeparator(),
		heading("Pain and moves, last 30 days"),
		h.chart,
		h.legend.chart,
		widget.NewSeparator(),
		heading("Tick a past day"),
		days,
		h.fillTitle,
		h.checkBox,
		h.fillError.row,
	)
	h.content = container.NewVScroll(h.box)
	h.ExtendBaseWidget(h)
	h.buildChecks()
	h.reload()
	return h
}

// heading is a bold label.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// CreateRenderer shows the view's content.
func (h *HistoryView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.content)
}

// Refresh re-reads the journal and redraws the view.
func (h *HistoryView) Refresh() {
	h.reload()
	h.BaseWidget.Refresh()
}

// Show re-reads the journal and shows the view: switching to the History
// tab always shows what the checklist and the sessions recorded since.
func (h *HistoryView) Show() {
	h.reload()
	h.BaseWidget.Show()
}

// relayout lays the parts out again after one changed height.
func (h *HistoryView) relayout() {
	h.box.Refresh()
	h.content.Refresh()
}

// SetRoutine shows the moves of r in the back-fill list.
func (h *HistoryView) SetRoutine(r *routine.Routine) {
	h.r = r
	h.buildChecks()
	h.reload()
}

// SelectDay picks the day to back-fill; it reports false (and changes
// nothing) for a day outside the last journal.BackfillDays days.
func (h *HistoryView) SelectDay(d journal.Day) bool {
	h.today = journal.Today(h.o.Now())
	off := h.today.Sub(d)
	if off < 0 || off >= journal.BackfillDays {
		return false
	}
	h.offset = off
	h.fillError.hide()
	h.relayout()
	h.reload()
	return true
}

// Selected returns the day being back-filled.
func (h *HistoryView) Selected() journal.Day { return h.today.Add(-h.offset) }

func (h *HistoryView) weeklyTarget() int {
	if h.o.WeeklyTarget == nil {
		return journal.DefaultWeeklyTarget
	}
	return h.o.WeeklyTarget()
}

// buildChecks makes one box per move of the routine.
func (h *HistoryView) buildChecks() {
	h.checks = h.checks[:0]
	h.checkBox.RemoveAll()
	for _, m := range h.r.Moves {
		id := m.ID
		c := newKeyCheck(m.Name, h.keys, func(on bool) { h.ticked(id, on) })
		h.checks = append(h.checks, c)
		h.checkBox.Add(c)
	}
}

// reload reads the journal into every part of the view.
func (h *HistoryView) reload() {
	h.today = journal.Today(h.o.Now())
	target := h.weeklyTarget()

	h.legend.restyle()

	// Heat map: from the Monday 11 weeks before this week's to today.
	first := h.today.WeekStart().Add(-7 * (heatWeeks - 1))
	counts := make([]int, heatWeeks*7)
	for i := range counts {
		counts[i] = -1 // a day still to come
	}
	for _, s := range h.j.Days(first, h.today) {
		counts[s.Date.Sub(first)] = len(s.Done)
	}
	h.heat.set(first, h.today, h.Selected(), counts)

	// Streaks.
	st := h.j.Streaks(h.today, target)
	cur := "Current streak: " + plural(st.Current, "day", "days")
	if st.Current > 0 && !st.TodayDone {
		cur += " (do a move today to keep it going)"
	}
	h.current.SetText(cur)
	h.best.SetText("Best streak: " + plural(st.Best, "day", "days"))
	h.weekly.SetText(fmt.Sprintf("Weekly streak: %s in a row with ≥ %d days (this week so far: %s)",
		plural(st.Weeks, "week", "weeks"), st.WeeklyTarget, plural(st.WeekDays, "day", "days")))

	// Chart, oldest day first.
	sums := h.j.Days(h.today.Add(-(chartDays - 1)), h.today)
	for i, k := 0, len(sums)-1; i < k; i, k = i+1, k-1 {
		sums[i], sums[k] = sums[k], sums[i]
	}
	h.chart.set(sums)

	// Back-fill.
	for i, b := range h.dayButtons {
		b.SetText(backfillName(h.today, i))
		imp := widget.MediumImportance
		if i == h.offset {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	sel := h.Selected()
	switch h.offset {
	case 0:
		h.fillTitle.SetText("Moves done today, " + longDay(sel))
	default:
		h.fillTitle.SetText("Moves done on " + longDay(sel))
	}
	done := h.j.Done(sel)
	h.updating = true
	for i, m := range h.r.Moves {
		h.checks[i].SetChecked(done[m.ID])
	}
	h.updating = false
}

// ticked writes a back-filled tick or untick to the journal.
func (h *HistoryView) ticked(id string, on bool) {
	if h.updating {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(h); c != nil {
		c.Unfocus()
	}
	now := h.o.Now()
	day := h.Selected()
	var err error
	if on {
		err = h.j.MarkDone(day, id, journal.Hand, "", now)
	} else {
		err = h.j.MarkUndone(day, id, now)
	}
	if err != nil {
		h.fillError.show("Could not save the tick: " + err.Error())
		h.relayout()
		h.updating = true
		for i, m := range h.r.Moves {
			if m.ID == id {
				h.checks[i].SetChecked(!on)
			}
		}
		h.updating = false
		return
	}
	h.fillError.hide()
	h.relayout()
	h.reload()
	if h.o.OnChange != nil {
		h.o.OnChange()
	}
}

// cellTapped shows what a heat-map day holds and, for one of the last
// days, picks it for back-fill.
func (h *HistoryView) cellTapped(d journal.Day) {
	h.showDayInfo(d)
	h.SelectDay(d)
}

// showDayInfo writes "Mon 3 Nov: 5 moves" under the heat map.
func (h *HistoryView) showDayInfo(d journal.Day) {
	n := len(h.j.Day(d).Done)
	text := shortDay(d) + ": " + plural(n, "move", "moves")
	if off := h.today.Sub(d); off >= 0 && off < journal.BackfillDays {
		text += " (can be ticked below)"
	}
	h.heatInfo.SetText(text)
}

// HeatInfo returns the text under the heat map.
func (h *HistoryView) HeatInfo() string { return h.heatInfo.Text }

// backfillName names the back-fill day offset days before today.
func backfillName(today journal.Day, offset int) string {
	switch offset {
	case 0:
		return "Today"
	case 1:
		return "Yesterday"
	}
	return dayTime(today.Add(-offset)).Format("Mon 2")
}

// dayTime is noon of d, for formatting.
func dayTime(d journal.Day) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)
}

func shortDay(d journal.Day) string { return dayTime(d).Format("Mon 2 Jan") }
func longDay(d journal.Day) string  { return dayTime(d).Format("Monday 2 January") }

// ---- heat map ----

// Geometry of the heat map.
const (
	cellSize   = 16
	cellGap    = 3
	heatLabelW = 32 // weekday names
)

// heatLevel is the shade of a day with n moves done: 0 none, 1 for 1–3,
// 2 for 4–7, 3 for 8 or more.
func heatLevel(n int) int {
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
	frac := [...]float64{0, 0.3, 0.6, 1}[level]
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

// heatMap is the calendar of the last weeks: columns are weeks, rows
// Monday to Sunday. Tapping a day (or pointing at it) shows its count.
type heatMap struct {
	widget.BaseWidget
	h        *HistoryView
	first    journal.Day // Monday of the first column
	today    journal.Day
	selected journal.Day
	counts   []int // moves done per day from first; -1 for days to come
}

func newHeatMap(h *HistoryView) *heatMap {
	m := &heatMap{h: h}
	m.ExtendBaseWidget(m)
	return m
}

func (m *heatMap) set(first, today, selected journal.Day, counts []int) {
	m.first, m.today, m.selected, m.counts = first, today, selected, counts
	m.Refresh()
}

// count returns the moves done on d as shown (-1 outside the map or to come).
func (m *heatMap) count(d journal.Day) int {
	i := d.Sub(m.first)
	if i < 0 || i >= len(m.counts) {
		return -1
	}
	return m.counts[i]
}

// top is the height of the month row above the cells.
func (m *heatMap) top() float32 { return theme.CaptionTextSize() + 4 }

// cellPos is the top-left corner of the cell of column col, row row.
func (m *heatMap) cellPos(col, row int) fyne.Position {
	return fyne.NewPos(heatLabelW+float32(col)*(cellSize+cellGap), m.top()+float32(row)*(cellSize+cellGap))
}

// dayAt returns the day drawn at p.
func (m *heatMap) dayAt(p fyne.Position) (journal.Day, bool) {
	x, y := p.X-heatLabelW, p.Y-m.top()
	if x < 0 || y < 0 {
		return journal.Day{}, false
	}
	col, row := int(x/(cellSize+cellGap)), int(y/(cellSize+cellGap))
	if col >= heatWeeks || row >= 7 {
		return journal.Day{}, false
	}
	d := m.first.Add(col*7 + row)
	if d.After(m.today) || m.first.IsZero() {
		return journal.Day{}, false
	}
	return d, true
}

// Tapped shows the tapped day and picks it for back-fill when it is recent.
func (m *heatMap) Tapped(ev *fyne.PointEvent) {
	if d, ok := m.dayAt(ev.Position); ok {
		m.h.cellTapped(d)
	}
}

// MouseIn is part of desktop.Hoverable.
func (m *heatMap) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved shows the count of the day under the pointer.
func (m *heatMap) MouseMoved(ev *desktop.MouseEvent) {
	if d, ok := m.dayAt(ev.Position); ok {
		m.h.showDayInfo(d)
	}
}

// MouseOut is part of desktop.Hoverable.
func (m *heatMap) MouseOut() {}

// CreateRenderer makes the cells and labels.
func (m *heatMap) CreateRenderer() fyne.WidgetRenderer {
	r := &heatRenderer{m: m}
	for i := 0; i < heatWeeks*7; i++ {
		r.cells = append(r.cells, canvas.NewRectangle(color.Transparent))
	}
	for _, n := range []string{"Mon", "", "Wed", "", "Fri", "", "Sun"} {
		r.rows = append(r.rows, canvas.NewText(n, theme.Color(theme.ColorNameForeground)))
	}
	for i := 0; i < heatWeeks; i++ {
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
	m       *heatMap
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
	p := r.m.cellPos(heatWeeks, 7)
	return fyne.NewSize(p.X, p.Y)
}

func (r *heatRenderer) Layout(fyne.Size) {
	for i, c := range r.cells {
		c.Move(r.m.cellPos(i/7, i%7))
		c.Resize(fyne.NewSize(cellSize, cellSize))
	}
	for i, t := range r.rows {
		p := r.m.cellPos(0, i)
		t.Move(fyne.NewPos(0, p.Y+(cellSize-t.MinSize().Height)/2))
	}
	for i, t := range r.months {
		t.Move(fyne.NewPos(r.m.cellPos(i, 0).X, 0))
	}
	r.outline(r.mark, r.m.today)
	r.outline(r.sel, r.m.selected)
}

// outline places o around the cell of d (hidden when d is not shown).
func (r *heatRenderer) outline(o *canvas.Rectangle, d journal.Day) {
	i := d.Sub(r.m.first)
	if r.m.first.IsZero() || i < 0 || i >= heatWeeks*7 {
		o.Hide()
		return
	}
	p := r.m.cellPos(i/7, i%7)
	o.Move(p.SubtractXY(2, 2))
	o.Resize(fyne.NewSize(cellSize+4, cellSize+4))
	o.Show()
}

func (r *heatRenderer) Refresh() {
	fg := theme.Color(theme.ColorNameForeground)
	size := theme.CaptionTextSize()
	for i, c := range r.cells {
		n := -1
		if i < len(r.m.counts) {
			n = r.m.counts[i]
		}
		if n < 0 {
			c.Hide()
			continue
		}
		c.Show()
		styleCell(c, heatLevel(n))
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
		if !r.m.first.IsZero() {
			// A column is labelled with its month when the month starts in it
			// (or it is the first column).
			_, mo, _ := r.m.first.Add(i*7 + 6).Date()
			if mo != prev {
				t.Text = dayTime(r.m.first.Add(i*7 + 6)).Format("Jan")
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
	if r.m.selected == r.m.today {
		r.sel.StrokeWidth = 0
	}
	r.Layout(r.m.Size())
	r.mark.Refresh()
	r.sel.Refresh()
}

// ---- pain and moves chart ----

// Colours of the chart's series; they also differ by marker shape.
func beforeColour() color.Color { return theme.Color(theme.ColorNameWarning) }
func afterColour() color.Color  { return theme.Color(theme.ColorNamePrimary) }
func barColour() color.Color    { return theme.Color(theme.ColorNameDisabled) }

// Geometry of the chart.
const (
	chartAxisW  = 26
	chartMarker = 8
	chartMinW   = 300
	painH       = 120
	movesH      = 40
)

// painChart draws, for each of the last days, the pain before (filled
// circle) and after (hollow square) a session on a 0–10 scale, and below
// it the moves done as thin bars. Days without data are left empty.
type painChart struct {
	widget.BaseWidget
	days []journal.DaySummary // oldest first

	before []*canvas.Circle    // per day; hidden without a check-in
	after  []*canvas.Rectangle // per day; hidden without a check-in
	bars   []*canvas.Rectangle // per day; hidden with no move done
	axes   []*canvas.Line      // pain axis, pain baseline, moves baseline
	grid   []*canvas.Line      // pain 5 and 10
	labels []*canvas.Text      // "10", "5", "0", moves max, first day, "today"
	maxN   int                 // the moves scale
}

func newPainChart() *painChart {
	c := &painChart{}
	for i := 0; i < chartDays; i++ {
		c.before = append(c.before, &canvas.Circle{})
		c.after = append(c.after, &canvas.Rectangle{StrokeWidth: 2})
		c.bars = append(c.bars, &canvas.Rectangle{})
	}
	for i := 0; i < 3; i++ {
		c.axes = append(c.axes, &canvas.Line{StrokeWidth: 1})
	}
	for i := 0; i < 2; i++ {
		c.grid = append(c.grid, &canvas.Line{StrokeWidth: 1})
	}
	for i := 0; i < 6; i++ {
		c.labels = append(c.labels, &canvas.Text{})
	}
	c.ExtendBaseWidget(c)
	return c
}

// set shows days (oldest first, at most chartDays).
func (c *painChart) set(days []journal.DaySummary) {
	if len(days) > chartDays {
		days = days[len(days)-chartDays:]
	}
	c.days = days
	c.maxN = 1
	for _, d := range days {
		c.maxN = max(c.maxN, len(d.Done))
	}
	c.Refresh()
}

// CreateRenderer returns the chart's renderer.
func (c *painChart) CreateRenderer() fyne.WidgetRenderer {
	var objs []fyne.CanvasObject
	for _, g := range c.grid {
		objs = append(objs, g)
	}
	for _, a := range c.axes {
		objs = append(objs, a)
	}
	for _, b := range c.bars {
		objs = append(objs, b)
	}
	for i := range c.before {
		objs = append(objs, c.before[i], c.after[i])
	}
	for _, l := range c.labels {
		objs = append(objs, l)
	}
	r := &chartRenderer{c: c, objects: objs}
	r.Refresh()
	return r
}

type chartRenderer struct {
	c       *painChart
	objects []fyne.CanvasObject
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
	g.slot = (g.right - g.left) / chartDays
	return g
}

// x is the centre of day i's slot.
func (g chartGeom) x(i int) float32 { return g.left + (float32(i)+0.5)*g.slot }

// y is the height of pain v.
func (g chartGeom) y(v int) float32 { return g.painTop + g.pain*(1-float32(v)/journal.MaxPain) }

func (r *chartRenderer) Layout(s fyne.Size) {
	c, g := r.c, r.geom(s)
	for i := 0; i < chartDays; i++ {
		b, a, bar := c.before[i], c.after[i], c.bars[i]
		b.Hide()
		a.Hide()
		bar.Hide()
		if i >= len(c.days) {
			continue
		}
		d, x := c.days[i], g.x(i)
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
		if n := len(d.Done); n > 0 {
			h := movesH * float32(n) / float32(c.maxN)
			w := max(2, g.slot*0.4)
			bar.Move(fyne.NewPos(x-w/2, g.movesTop+movesH-h))
			bar.Resize(fyne.NewSize(w, h))
			bar.Show()
		}
	}
	line := func(l *canvas.Line, x1, y1, x2, y2 float32) {
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	}
	line(c.axes[0], g.left, g.painTop, g.left, g.y(0))
	line(c.axes[1], g.left, g.y(0), g.right, g.y(0))
	line(c.axes[2], g.left, g.movesTop+movesH, g.right, g.movesTop+movesH)
	line(c.grid[0], g.left, g.y(5), g.right, g.y(5))
	line(c.grid[1], g.left, g.y(10), g.right, g.y(10))

	capH := theme.CaptionTextSize()
	right := func(t *canvas.Text, y float32) {
		w := t.MinSize().Width
		t.Move(fyne.NewPos(g.left-4-w, y-t.MinSize().Height/2))
	}
	right(c.labels[0], g.y(10))
	right(c.labels[1], g.y(5))
	right(c.labels[2], g.y(0))
	right(c.labels[3], g.movesTop+capH/2)
	bottom := g.movesTop + movesH + 2
	c.labels[4].Move(fyne.NewPos(g.left, bottom))
	c.labels[5].Move(fyne.NewPos(g.right-c.labels[5].MinSize().Width, bottom))
}

func (r *chartRenderer) Refresh() {
	c := r.c
	size := theme.CaptionTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	for i := range c.before {
		c.before[i].FillColor = beforeColour()
		c.after[i].FillColor = color.Transparent
		c.after[i].StrokeColor = afterColour()
		c.bars[i].FillColor = barColour()
	}
	for _, a := range c.axes {
		a.StrokeColor = fg
	}
	for _, l := range c.grid {
		l.StrokeColor = theme.Color(theme.ColorNameSeparator)
	}
	texts := []string{"10", "5", "0", fmt.Sprint(c.maxN), "", "today"}
	if len(c.days) > 0 {
		texts[4] = shortDay(c.days[0].Date)
	}
	for i, l := range c.labels {
		l.Text, l.TextSize, l.Color = texts[i], size, fg
	}
	r.Layout(c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

// legends explain the heat map's shades and the chart's series; they are
// restyled with the view when the theme changes.
type legends struct {
	swatches    []*canvas.Rectangle // heat levels 0..3
	circle      *canvas.Circle
	square, bar *canvas.Rectangle
	heat, chart fyne.CanvasObject
}

func newLegends() *legends {
	l := &legends{circle: &canvas.Circle{}, square: &canvas.Rectangle{StrokeWidth: 2}, bar: &canvas.Rectangle{}}
	var items []fyne.CanvasObject
	for _, text := range []string{"0", "1–3", "4–7", "8+ moves"} {
		sw := canvas.NewRectangle(color.Transparent)
		sw.SetMinSize(fyne.NewSize(cellSize, cellSize))
		l.swatches = append(l.swatches, sw)
		items = append(items, container.NewCenter(sw), widget.NewLabel(text))
	}
	l.heat = container.NewHBox(items...)
	sz := fyne.NewSize(chartMarker+2, chartMarker+2)
	l.chart = container.NewHBox(
		swatch(sz, l.circle), widget.NewLabel("pain before"),
		swatch(sz, l.square), widget.NewLabel("pain after (0–10)"),
		swatch(fyne.NewSize(4, chartMarker+2), l.bar), widget.NewLabel("moves done"),
	)
	l.restyle()
	return l
}

// swatch shows o at size s, centred on a legend line.
func swatch(s fyne.Size, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(s, o))
}

// restyle sets the colours of the current theme.
func (l *legends) restyle() {
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
