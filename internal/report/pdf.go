package report

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"spineroutine/internal/journal"
	"spineroutine/internal/pdftext"
)

// Creator is the PDF's creator field: how the app knows a PDF it wrote
// (see IsReport).
const Creator = "Spine Routine report"

// Page layout, in millimetres and points.
const (
	margin   = 15.0
	lineH    = 5.0
	bodyPt   = 9.5
	smallPt  = 7.5
	headPt   = 11.0
	titlePt  = 16.0
	fontName = "Go"
)

// The greys the report prints with (0 black, 255 white): no colour, so
// it prints the same in black and white.
const (
	ink       = 0
	softInk   = 90
	ruleGrey  = 160
	tableFill = 238
)

// page is the document being drawn with its page geometry.
type page struct {
	*fpdf.Fpdf
	r      *Report
	tr     words   // the report's words in its language
	w, h   float64 // page size
	left   float64 // left margin
	width  float64 // text width
	bottom float64 // lowest y content may reach
	// tablePt is the size of the table being drawn.
	tablePt float64
	// text sets the text; bold and size are the current style.
	text *pdftext.Writer
	bold bool
	size float64
}

// WritePDF draws the report on paper and writes the PDF to w. A panic
// while drawing (a fault of this package, never of the input) is returned
// as an error.
func (r *Report) WritePDF(w io.Writer, paper Paper) error {
	_, err := r.writePDF(w, paper)
	return err
}

// writePDF is WritePDF, returning the text writer (with its glyph counts).
func (r *Report) writePDF(w io.Writer, paper Paper) (_ *pdftext.Writer, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("report: drawing the PDF failed: %v", v)
		}
	}()
	fonts, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	tr, err := wordsIn(r.Lang)
	if err != nil {
		return nil, err
	}
	size := "A4"
	if paper == Letter {
		size = "Letter"
	}
	f := fpdf.New("P", "mm", size, "")
	f.SetCreator(Creator, false)
	f.SetProducer("Spine Routine", false)
	f.SetTitle(tr.T("report.pdfTitle", args{"From": r.From.String(), "To": r.To.String()}), true)
	f.SetCreationDate(r.Made)
	f.SetModificationDate(r.Made)
	text := fonts.Writer(f, fontName)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, margin)
	f.AliasNbPages("{nb}")
	pw, ph := f.GetPageSize()
	p := &page{Fpdf: f, r: r, tr: tr, w: pw, h: ph, left: margin, width: pw - 2*margin, bottom: ph - margin - 8, tablePt: bodyPt, text: text}
	f.SetFooterFunc(p.footer)

	f.AddPage()
	p.summary()
	// The routine starts page 2, or follows what page 1 spilled onto it.
	if f.PageNo() == 1 {
		f.AddPage()
	} else {
		f.Ln(6)
		p.room(40)
	}
	p.routine()
	p.levelTimeline()
	p.dayTable()
	if err := f.Output(w); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return text, nil
}

// font sets the font: bold or not, at size points.
func (p *page) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(fontName, style, size)
	p.bold, p.size = bold, size
}

// grey sets text, line and fill colours to one grey each.
func (p *page) grey(text, line, fill int) {
	p.SetTextColor(text, text, text)
	p.SetDrawColor(line, line, line)
	p.SetFillColor(fill, fill, fill)
}

// footer prints the page's foot: what it is, when made, the page number.
func (p *page) footer() {
	p.font(false, smallPt)
	p.grey(softInk, ruleGrey, 255)
	y := p.h - margin - 3
	p.Line(p.left, y-1.5, p.left+p.width, y-1.5)
	p.SetXY(p.left, y)
	p.cell(p.width*0.8, 4, p.tr.T("report.footer", args{"Date": p.tr.longDate(journal.DayOf(p.r.Made))}), 0, "L")
	p.cell(p.width*0.2, 4, p.tr.T("report.page", args{"Page": p.PageNo(), "Pages": "{nb}"}), 0, "R")
}

// heading prints a section title and leaves the cursor under it.
func (p *page) heading(text string) {
	p.font(true, headPt)
	p.grey(ink, ink, 255)
	p.SetX(p.left)
	p.cell(p.width, 7, text, 1, "L")
}

// room starts a new page when h millimetres do not fit under the cursor,
// and reports whether it did.
func (p *page) room(h float64) bool {
	if p.GetY()+h <= p.bottom {
		return false
	}
	p.AddPage()
	return true
}

// summary draws page 1.
func (p *page) summary() {
	r, tr := p.r, p.tr
	p.font(true, titlePt)
	p.grey(ink, ink, 255)
	p.cell(p.width, 8, tr.T("report.title", nil), 1, "L")
	p.font(false, bodyPt)
	name := r.Routine.Name
	if name == "" {
		name = tr.T("report.unnamed", nil)
	}
	// Wrapped: a translated date or a long routine name may not fit a line.
	p.multi(p.width, lineH, tr.T("report.period", args{"From": tr.longDate(r.From), "To": tr.longDate(r.To),
		"Days": tr.days(r.DayCount()), "Routine": name}))
	p.Ln(2)

	for _, kv := range r.keyFigures(tr) {
		p.font(true, bodyPt)
		p.cell(62, lineH, kv[0], 0, "L")
		p.font(false, bodyPt)
		p.multi(p.width-62, lineH, kv[1])
	}
	p.Ln(3)
	if r.Empty() {
		p.font(true, headPt+2)
		p.cell(p.width, 10, tr.T("report.empty.title", nil), 1, "L")
		p.font(false, bodyPt)
		p.multi(p.width, lineH, tr.T("report.empty.text", args{"From": tr.longDate(r.From), "To": tr.longDate(r.To)}))
		p.Ln(3)
	} else {
		p.calendarAndChart()
		p.Ln(3)
	}
	p.moveTable()
	p.notes()
	p.functionTable()
}

// keyFigures are page 1's label-value lines in tr's language.
func (r *Report) keyFigures(tr words) [][2]string {
	pct := 0
	if n := r.DayCount(); n > 0 {
		pct = (100*r.DaysDone + n/2) / n
	}
	gap := tr.T("report.figure.gap.none", nil)
	if r.Gap.Length > 0 {
		gap = tr.N("report.figure.gap.value", r.Gap.Length, args{"From": tr.shortDate(r.Gap.From), "To": tr.shortDate(r.Gap.To)})
	}
	counts := args{"Finished": r.Finished, "Stopped": r.Stopped}
	sessions := tr.T("report.figure.sessions.value", counts)
	if other := r.Sessions - r.Finished - r.Stopped; other > 0 {
		counts["Open"] = other
		sessions = tr.T("report.figure.sessions.open", counts)
	}
	return [][2]string{
		{tr.T("report.figure.daysDone", nil), tr.T("report.figure.daysDone.value",
			args{"Done": r.DaysDone, "Days": r.DayCount(), "Percent": pct})},
		{tr.T("report.figure.gap", nil), gap},
		{tr.T("report.figure.sessions", nil), sessions},
		{tr.T("report.figure.painFirst", nil), r.FirstWeek.text(tr)},
		{tr.T("report.figure.painLast", nil), r.LastWeek.text(tr)},
	}
}

// text is "before 5.2, after 3.9 (0–10; 5 and 4 days with a check-in,
// Sun 1 Nov to Sat 7 Nov)" in tr's language.
func (a PainAverage) text(tr words) string {
	when := args{"From": tr.shortDate(a.From), "To": tr.shortDate(a.To)}
	if a.NBefore == 0 && a.NAfter == 0 {
		return tr.T("report.pain.none", when)
	}
	mean := func(v float64, n int) string {
		if n == 0 {
			return "–"
		}
		return tr.decimal(v)
	}
	when["Before"], when["After"], when["NBefore"] = mean(a.Before, a.NBefore), mean(a.After, a.NAfter), a.NBefore
	return tr.N("report.pain.value", a.NAfter, when)
}

// moveTable draws each move's row: its name, the days it was done, its
// level at the start and the end of the period (when the routine has
// levels) and the times it was flagged as hurting.
func (p *page) moveTable() {
	r, tr := p.r, p.tr
	p.heading(tr.T("report.heading.eachMove", nil))
	cols := []column{{tr.T("report.col.move", nil), 0, "L"}, {tr.T("report.col.daysDone", nil), 22, "R"},
		{tr.T("report.col.ofTheDays", nil), 24, "R"}}
	if r.Leveled {
		cols = append(cols, column{tr.T("report.col.levelStartEnd", nil), 36, "C"})
	}
	cols = append(cols, column{tr.T("report.col.flagged", nil), 34, "C"})
	cols[0].w = p.width
	for _, c := range cols[1:] {
		cols[0].w -= c.w
	}
	p.widen(cols, 0, nil)
	p.tableHeader(cols)
	for i, m := range r.Moves {
		name := m.Name
		if !m.InRoutine {
			name = tr.T("report.move.gone", args{"Name": m.Name})
		}
		pct := 0
		if n := r.DayCount(); n > 0 {
			pct = (100*m.Days + n/2) / n
		}
		cells := []string{name, fmt.Sprint(m.Days), tr.percent(pct)}
		if r.Leveled {
			cells = append(cells, m.levelText(tr))
		}
		cells = append(cells, m.flagText(tr))
		p.tableRow(cols, cells, i%2 == 1)
	}
}

// levelText is "3 → 4 of 6", "3 of 6" when it did not change, "" for a
// move without levels or no longer in the routine.
func (m MoveRow) levelText(tr words) string {
	switch {
	case m.Levels <= 1:
		return ""
	case m.StartLevel == m.EndLevel:
		return tr.T("report.level.of", args{"Level": m.EndLevel, "Levels": m.Levels})
	}
	return tr.T("report.level.from", args{"From": m.StartLevel, "To": m.EndLevel, "Levels": m.Levels})
}

// flagText is "2", "2 (1 nerve)" or "0".
func (m MoveRow) flagText(tr words) string {
	if m.Nerve == 0 {
		return fmt.Sprint(m.Hurts)
	}
	return tr.T("report.flags.nerve", args{"All": m.Hurts + m.Nerve, "Nerve": m.Nerve})
}

// notes lists the day notes of the period.
func (p *page) notes() {
	if len(p.r.Notes) == 0 {
		return
	}
	p.Ln(3)
	p.room(14)
	p.heading(p.tr.T("report.heading.notes", nil))
	p.font(false, bodyPt)
	for _, n := range p.r.Notes {
		text := p.tr.dated(n.Day, n.Text)
		p.room(float64(len(p.split(text, p.width-2*p.GetCellMargin()))) * lineH)
		p.SetX(p.left)
		p.multi(p.width, lineH, text)
	}
}

// column is a table column: its title, width and alignment.
type column struct {
	title string
	w     float64
	align string
}

// widen makes each column but flex at least as wide as the longest word
// of its title in bold at the table's size (a title wraps between words,
// never inside one: a translated title may have longer words) and as
// need asks by column, taking the room from column flex.
func (p *page) widen(cols []column, flex int, need map[int]float64) {
	p.font(true, p.tablePt)
	for i := range cols {
		if i == flex {
			continue
		}
		w := need[i]
		for _, word := range strings.Fields(cols[i].title) {
			w = max(w, p.strWidth(word)+2.5)
		}
		if w > cols[i].w {
			cols[flex].w -= w - cols[i].w
			cols[i].w = w
		}
	}
}

// tableHeader prints the column titles in bold over a rule; a title
// wraps within its column.
func (p *page) tableHeader(cols []column) {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	p.font(true, p.tablePt)
	p.grey(ink, ink, 255)
	p.cells(cols, titles, false)
	y := p.GetY()
	p.SetLineWidth(0.3)
	p.Line(p.left, y, p.left+p.width, y)
}

// tableRow prints one row; texts wrap within their column and the row is
// as tall as its longest cell. shaded rows get a light grey band. A row
// that does not fit goes to a new page under the header again.
func (p *page) tableRow(cols []column, cells []string, shaded bool) {
	p.font(false, p.tablePt)
	if p.room(p.rowHeight(cols, cells)) {
		p.tableHeader(cols)
		p.font(false, p.tablePt)
	}
	p.cells(cols, cells, shaded)
}

// rowLine is the height of a table line at the table's size.
func (p *page) rowLine() float64 { return p.tablePt * 0.47 }

// rowHeight is the height of a row of cells in the current font.
func (p *page) rowHeight(cols []column, cells []string) float64 {
	n := 1
	for i, c := range cols {
		n = max(n, len(p.split(cells[i], c.w-2)))
	}
	return float64(n) * p.rowLine()
}

// cells prints a row of cells in the current font from the cursor.
func (p *page) cells(cols []column, cells []string, shaded bool) {
	h := p.rowHeight(cols, cells)
	x, y := p.left, p.GetY()
	p.SetFillColor(tableFill, tableFill, tableFill)
	if shaded {
		p.Rect(x, y, p.width, h, "F")
	}
	for i, c := range cols {
		for k, line := range p.split(cells[i], c.w-2) {
			p.lineAt(line, x, y+float64(k)*p.rowLine(), c.w, p.rowLine(), c.align)
		}
		x += c.w
	}
	p.SetXY(p.left, y+h)
}

// joinNames joins move names for a table cell.
func joinNames(names []string) string { return strings.Join(names, ", ") }
