package report

import (
	"fmt"
	"math"

	"spineroutine/internal/journal"
)

// PSFSSource is the source of the Patient-Specific Functional Scale, as
// the report prints it in every language (the scale's name is a message
// of assets/lang/report.*.json, "report.psfs").
const (
	PSFSSource = "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual " +
		"patients: a report of a patient specific measure. Physiotherapy Canada 1995;47:258–263."
	// PSFSMeaningful is the change of the average that is clinically
	// meaningful, in points.
	PSFSMeaningful = 2.0
)

// FunctionRow is one activity's ratings over the period.
type FunctionRow struct {
	Activity string
	// Start is the first rating in the period, else the last before it;
	// Latest the last up to the period's end.
	Start, Latest journal.Rating
}

// Change is the latest rating less the one at the start.
func (f FunctionRow) Change() int { return f.Latest.Score - f.Start.Score }

// functionRows works the rows out of the ratings up to the period's end
// (by day), in the order the activities were first rated: the start is
// the first rating in the period, else the last before it.
func functionRows(ratings []journal.Rating, from journal.Day) []FunctionRow {
	index := make(map[string]int)
	var rows []FunctionRow
	inside := make(map[string]bool)
	for _, r := range ratings {
		i, ok := index[r.Activity]
		if !ok {
			i = len(rows)
			index[r.Activity] = i
			rows = append(rows, FunctionRow{Activity: r.Activity})
		}
		row := &rows[i]
		switch {
		case r.Day.Before(from):
			row.Start = r // the last before the period so far
		case !inside[r.Activity]:
			inside[r.Activity] = true
			row.Start = r
		}
		row.Latest = r
	}
	return rows
}

// FunctionAverage is the mean of the start and latest ratings of the
// activities, and their change.
func (r *Report) FunctionAverage() (start, latest, change float64) {
	if len(r.Function) == 0 {
		return 0, 0, 0
	}
	for _, f := range r.Function {
		start += float64(f.Start.Score)
		latest += float64(f.Latest.Score)
	}
	n := float64(len(r.Function))
	start, latest = start/n, latest/n
	return start, latest, latest - start
}

// functionTable draws the ratings of each activity: at the start, the
// latest, the change; the average's change and whether it is clinically
// meaningful; the scale's name and source.
func (p *page) functionTable() {
	r, tr := p.r, p.tr
	if len(r.Function) == 0 {
		return
	}
	p.Ln(3)
	p.room(40)
	scale := tr.T("report.psfs", nil)
	p.heading(tr.T("report.function.heading", args{"Scale": scale}))
	cols := []column{{tr.T("report.col.activity", nil), 0, "L"}, {tr.T("report.col.atStart", nil), 34, "C"},
		{tr.T("report.col.latest", nil), 34, "C"}, {tr.T("report.col.change", nil), 18, "C"}}
	cols[0].w = p.width - 86
	p.widen(cols, 0, nil)
	p.tableHeader(cols)
	for i, f := range r.Function {
		p.tableRow(cols, []string{f.Activity, tr.rating(f.Start), tr.rating(f.Latest), tr.signed(float64(f.Change()))},
			i%2 == 1)
	}
	start, latest, change := r.FunctionAverage()
	verdict := tr.T("report.function.small", nil)
	if math.Abs(change) >= PSFSMeaningful-1e-9 {
		verdict = tr.T("report.function.meaningful", nil)
	}
	p.font(true, bodyPt)
	p.SetX(p.left)
	p.multi(p.width, lineH, tr.N("report.function.average", len(r.Function), args{"Start": tr.decimal(start),
		"Latest": tr.decimal(latest), "Change": tr.signed(change), "Verdict": verdict}))
	p.font(false, smallPt)
	p.grey(softInk, ruleGrey, 255)
	p.multi(p.width, lineH*0.8, tr.T("report.function.about", args{"Scale": scale})+" "+PSFSSource)
	p.grey(ink, ink, 255)
}

// rating is "4 (Fri 20 Nov)".
func (w words) rating(r journal.Rating) string {
	return fmt.Sprintf("%d (%s)", r.Score, w.shortDate(r.Day))
}

// signed is "+1.5", "−2" or "0", with the language's decimal mark.
func (w words) signed(v float64) string {
	s := w.lang.Decimal(math.Abs(v), 1)
	if v == math.Trunc(v) {
		s = fmt.Sprintf("%.0f", math.Abs(v))
	}
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "−" + s
	}
	return "0"
}
