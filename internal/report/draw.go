package report

import (
	"fmt"
	"time"

	"spineroutine/internal/chart"
	"spineroutine/internal/journal"
)

// Geometry of page 1's pictures, in millimetres.
const (
	calLabelW = 8    // weekday names
	calMaxCel = 5.5  // the largest calendar cell
	calMinCel = 2.8  // the smallest (a year of weeks fits the width)
	calGap    = 0.6  // between cells
	chartPain = 42.0 // height of the pain scale
	chartBars = 10.0 // height of the moves bars
	chartAxis = 7.0  // the pain axis's labels
	bandW     = 9.0  // the band labels right of the plot
	marker    = 1.8  // size of a pain marker
)

// noon is noon of d in UTC, for formatting a day.
func noon(d journal.Day) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)
}

// cellGrey is the grey of a calendar level: white for none, black for
// the most, in chart.HeatShade's steps.
func cellGrey(level int) int { return int(255 - 235*chart.HeatShade(level) + 0.5) }

// calendarAndChart draws the calendar of the period and the pain chart:
// side by side when the calendar is narrow, else one above the other.
func (p *page) calendarAndChart() {
	r, tr := p.r, p.tr
	days, pain := tr.T("report.calendar.title", nil), tr.T("report.pain.title", nil)
	cols, _ := chart.CalendarCell(r.From, r.To)
	cols++
	cell := min(calMaxCel, max(calMinCel, (p.width-calLabelW)/float64(cols)-calGap))
	calW := calLabelW + float64(cols)*(cell+calGap)
	calH := 4 + 7*(cell+calGap) + 9
	chartH := chartPain + chartBars + 18
	top := p.GetY()
	if calW <= p.width*0.35 {
		p.titleAt(p.left, top, days)
		p.calendar(p.left, top+6, cell, cols)
		x := p.left + calW + 8
		p.titleAt(x, top, pain)
		p.painChart(x, top+6, p.left+p.width-x, chartH)
		p.SetY(top + 6 + max(calH, chartH))
		return
	}
	p.titleAt(p.left, top, days)
	p.calendar(p.left, top+6, cell, cols)
	y := top + 6 + calH + 2
	p.titleAt(p.left, y, pain)
	p.painChart(p.left, y+6, p.width, chartH)
	p.SetY(y + 6 + chartH)
}

// titleAt prints a picture's title at x, y.
func (p *page) titleAt(x, y float64, text string) {
	p.font(true, headPt)
	p.grey(ink, ink, 255)
	p.SetXY(x, y)
	p.cell(0, 6, text, 0, "L")
}

// calendar draws the period as weeks (columns) of Monday-to-Sunday days
// (rows) from x, y, each day shaded by the moves done (chart.HeatLevel)
// and its count written in it, so that it reads in black and white.
func (p *page) calendar(x, y, cell float64, cols int) {
	r, lang := p.r, p.tr.lang
	step := cell + calGap
	top := y + 4
	p.font(false, smallPt)
	p.grey(ink, ruleGrey, 255)
	for i, day := range []time.Weekday{time.Monday, time.Wednesday, time.Friday, time.Sunday} {
		p.SetXY(x, top+float64(2*i)*step)
		p.cell(calLabelW, cell, lang.ShortWeekday(day), 0, "L")
	}
	prev := time.Month(0)
	for col := range cols {
		// A column is labelled with its month when the month starts in it
		// (or it is the first column), as in the History tab.
		d := r.From.WeekStart().Add(col*7 + 6)
		if _, mo, _ := d.Date(); mo != prev {
			p.SetXY(x+calLabelW+float64(col)*step, y)
			p.cell(3*step, 3.5, lang.ShortMonth(mo), 0, "L")
			prev = mo
		}
	}
	digits := cell >= 3.5
	for _, d := range r.Days {
		col, row := chart.CalendarCell(r.From, d.Date)
		cx, cy := x+calLabelW+float64(col)*step, top+float64(row)*step
		level := chart.HeatLevel(len(d.Done))
		g := cellGrey(level)
		p.SetFillColor(g, g, g)
		p.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
		p.SetLineWidth(0.2)
		p.Rect(cx, cy, cell, cell, "FD")
		if digits { // the day of the month: the shade says the moves
			text := ink
			if g < 128 {
				text = 255
			}
			p.SetTextColor(text, text, text)
			p.font(false, smallPt-1.5)
			p.SetXY(cx, cy)
			_, _, dom := d.Date.Date()
			p.cell(cell, cell, fmt.Sprint(dom), 0, "C")
		}
	}
	// Legend: one swatch per level.
	ly := top + 7*step + 1.5
	lx := x
	p.font(false, smallPt)
	for level, label := range chart.HeatLabels {
		if level == 0 {
			label = p.tr.T("report.calendar.none", nil)
		}
		g := cellGrey(level)
		p.SetFillColor(g, g, g)
		p.SetDrawColor(ruleGrey, ruleGrey, ruleGrey)
		p.Rect(lx, ly, 2.6, 2.6, "FD")
		p.SetTextColor(ink, ink, ink)
		p.SetXY(lx+3, ly-0.7)
		w := p.strWidth(label) + 2.5
		p.cell(w, 4, label, 0, "L")
		lx += 3 + w
	}
	p.SetXY(x, ly+3)
	p.cell(0, 4, p.tr.T("report.calendar.legend", nil), 0, "L")
}

// painChart draws, in the box x, y, w, h, the pain before (filled
// circle) and after (hollow square) each day's session on the 0–10 scale
// over the bands 0–2, 3–5 and 6–10 (lighter to darker grey, labelled),
// and under it the moves done each day as bars; the same scale and
// markers as the History tab's chart (chart.PainY).
func (p *page) painChart(x, y, w, h float64) {
	r, tr := p.r, p.tr
	left, right := x+chartAxis, x+w-bandW
	slot := (right - left) / float64(r.DayCount())
	py := func(v float64) float64 { return y + chartPain*chart.PainY(v) }
	cx := func(d journal.Day) float64 { return left + (float64(d.Sub(r.From))+0.5)*slot }

	bandGreys := [3]int{250, 232, 212}
	p.font(false, smallPt)
	for b := range chart.PainBands {
		top, bottom := chart.BandEdges(b)
		g := bandGreys[b]
		p.SetFillColor(g, g, g)
		p.Rect(left, y+chartPain*top, right-left, chartPain*(bottom-top), "F")
		p.SetTextColor(softInk, softInk, softInk)
		p.SetXY(right+0.5, y+chartPain*(top+bottom)/2-2)
		p.cell(bandW-0.5, 4, chart.PainBands[b].Label, 0, "L")
	}
	// Axis and its labels.
	p.SetDrawColor(ink, ink, ink)
	p.SetLineWidth(0.25)
	p.Line(left, y, left, py(0))
	p.Line(left, py(0), right, py(0))
	p.SetTextColor(ink, ink, ink)
	for _, v := range []float64{0, 5, 10} {
		p.SetXY(x, py(v)-2)
		p.cell(chartAxis-1, 4, fmt.Sprint(v), 0, "R")
	}
	// A tick under each Monday, dated when a week is wide enough.
	p.font(false, smallPt-1)
	var mondays []journal.Day
	for d := r.From; !d.After(r.To); d = d.Add(1) {
		if d.Weekday() == time.Monday {
			p.Line(cx(d)-slot/2, py(0), cx(d)-slot/2, py(0)+1)
			mondays = append(mondays, d)
		}
	}
	label := 0.0
	for _, d := range mondays {
		label = max(label, p.strWidth(tr.dayMonth(d))+1)
	}
	if slot*7 >= label {
		for _, d := range mondays {
			p.SetXY(cx(d)-slot/2-label/2, py(0)+0.6)
			p.cell(label, 3, tr.dayMonth(d), 0, "C")
		}
	}
	// Markers.
	p.SetLineWidth(0.3)
	for _, d := range r.Days {
		if d.PainBefore != nil {
			p.SetFillColor(ink, ink, ink)
			p.Circle(cx(d.Date), py(float64(*d.PainBefore)), marker/2, "F")
		}
		if d.PainAfter != nil {
			p.SetFillColor(255, 255, 255)
			v := py(float64(*d.PainAfter))
			p.Rect(cx(d.Date)-marker/2, v-marker/2, marker, marker, "FD")
		}
	}
	// Moves bars.
	most := 1
	for _, d := range r.Days {
		most = max(most, len(d.Done))
	}
	barsTop := py(0) + 4
	p.SetFillColor(150, 150, 150)
	for _, d := range r.Days {
		if n := len(d.Done); n > 0 {
			bh := chartBars * float64(n) / float64(most)
			bw := max(0.4, slot*0.5)
			p.Rect(cx(d.Date)-bw/2, barsTop+chartBars-bh, bw, bh, "F")
		}
	}
	p.Line(left, barsTop+chartBars, right, barsTop+chartBars)
	p.SetXY(x, barsTop-1)
	p.cell(chartAxis-1, 4, fmt.Sprint(most), 0, "R")
	p.SetXY(x, barsTop+chartBars-3)
	p.cell(chartAxis-1, 4, "0", 0, "R")
	ly := barsTop + chartBars + 0.5
	p.SetXY(left, ly)
	p.cell(30, 4, tr.shortDate(r.From), 0, "L")
	p.SetXY(right-30, ly)
	p.cell(30, 4, tr.shortDate(r.To), 0, "R")

	// Legend.
	ly += 5
	lx := left
	p.SetFillColor(ink, ink, ink)
	p.Circle(lx+marker/2, ly+2, marker/2, "F")
	lx = p.legendText(lx+marker+1, ly, tr.T("report.pain.before", nil))
	p.SetFillColor(255, 255, 255)
	p.Rect(lx, ly+2-marker/2, marker, marker, "FD")
	lx = p.legendText(lx+marker+1, ly, tr.T("report.after", nil))
	p.SetFillColor(150, 150, 150)
	p.Rect(lx, ly+0.5, 1, 3, "F")
	lx = p.legendText(lx+2, ly, tr.T("report.movesDone", nil))
	p.legendText(lx, ly, tr.T("report.chart.shaded", nil))
}

// legendText writes a legend's words at x, y and returns where the next
// item starts.
func (p *page) legendText(x, y float64, text string) float64 {
	p.font(false, smallPt)
	p.SetTextColor(ink, ink, ink)
	w := p.strWidth(text) + 4
	p.SetXY(x, y)
	p.cell(w, 4, text, 0, "L")
	return x + w
}
