package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// routine draws the routine as it is done now: each move with its dose
// and its easier variant.
func (p *page) routine() {
	rt, tr := p.r.Routine, p.tr
	p.heading(tr.T("report.heading.routine", args{"Routine": rt.Name}))
	cols := []column{{tr.T("report.col.move", nil), 48, "L"}, {tr.T("report.col.dose", nil), 62, "L"},
		{tr.T("report.col.easier", nil), p.width - 110, "L"}}
	p.widen(cols, 2, nil)
	p.tableHeader(cols)
	for i, m := range rt.Moves {
		dose := tr.dose(m)
		if n := m.LevelCount(); n > 1 {
			key := "report.dose.level"
			if m.EasierVariant() {
				key = "report.dose.levelEasier"
			}
			dose = tr.T(key, args{"Level": m.Level, "Levels": n, "Dose": dose})
		}
		p.tableRow(cols, []string{m.Name, dose, m.Easier}, i%2 == 1)
	}
	p.Ln(5)
}

// dose describes a move's dose: "3 sets of 6-4-2 reps each side, hold 10 s,
// 15 s between sets", in w's language.
func (w words) dose(m routine.Move) string {
	var reps string
	if n := len(m.Reps); n > 1 {
		reps = w.N("report.dose.sets", n, args{"Reps": m.SetReps()})
	} else if n == 1 {
		reps = w.N("report.dose.reps", m.Reps[0], nil)
	}
	switch m.Sides {
	case routine.Each:
		reps = w.T("report.dose.eachSide", args{"Reps": reps})
	case routine.Alternate:
		reps = w.T("report.dose.alternating", args{"Reps": reps})
	}
	parts := []string{reps}
	if m.Tempo == nil {
		parts = append(parts, w.T("report.dose.hold", args{"Time": w.secs(m.Hold)}))
	} else {
		parts = append(parts, w.T("report.dose.perRep", args{"Time": w.secs(m.RepDuration())}))
	}
	if len(m.Reps) > 1 && m.BetweenSets > 0 {
		parts = append(parts, w.T("report.dose.between", args{"Time": w.secs(m.BetweenSets)}))
	}
	return strings.Join(parts, ", ")
}

// secs formats a duration as "10 s" or "1.5 s", with the language's decimal mark.
func (w words) secs(d time.Duration) string {
	return w.T("report.dose.seconds", args{"Seconds": w.lang.Decimal(d.Seconds(), -1)})
}

// dayTable draws the day-by-day table, oldest day first, one line a day:
// the moves done (a count, or "all 12" when every move of the routine
// was), the pain before and after, the levels that changed that day, the
// flags, and the note (cut with "…"; page 1 has it whole).
func (p *page) dayTable() {
	r, tr := p.r, p.tr
	p.room(30)
	p.heading(tr.T("report.heading.dayByDay", nil))
	names := p.names()
	p.tablePt = smallPt + 0.5
	defer func() { p.tablePt = bodyPt }()
	cols := []column{{tr.T("report.col.date", nil), 19, "L"}, {tr.T("report.col.moves", nil), 13, "R"},
		{tr.T("report.col.pain", nil), 15, "C"}, {tr.T("report.col.levelsChanged", nil), 42, "L"},
		{tr.T("report.col.flagged", nil), 44, "L"}, {tr.T("report.col.note", nil), p.width - 133, "L"}}
	notes := make(map[journal.Day]string)
	for _, n := range r.Notes {
		notes[n.Day] = n.Text
	}
	changes := make(map[journal.Day][]string)
	for _, c := range r.Changes() {
		changes[c.Day] = append(changes[c.Day], fmt.Sprintf("%s %d→%d", names(c.Move), c.From, c.To))
	}
	all := make(map[string]bool)
	for _, m := range r.Routine.Moves {
		all[m.ID] = true
	}
	// The dates and "all 12" are not cut: their columns take what they need.
	p.font(false, p.tablePt)
	need := map[int]float64{1: p.strWidth(tr.T("report.day.all", args{"Count": len(all)})) + 2.5}
	for _, d := range r.Days {
		need[0] = max(need[0], p.strWidth(tr.shortDate(d.Date))+2.5)
	}
	p.widen(cols, 5, need)
	p.tableHeader(cols)
	for i, d := range r.Days {
		var flags []string
		for _, f := range r.Flags[d.Date] {
			if f.Kind == journal.FlagNerve {
				flags = append(flags, tr.T("report.day.nerve", args{"Move": names(f.Move)}))
			} else {
				flags = append(flags, names(f.Move))
			}
		}
		cells := []string{tr.shortDate(d.Date), movesText(tr, d, all), painText(d), joinNames(changes[d.Date]),
			joinNames(flags), notes[d.Date]}
		p.font(false, p.tablePt)
		for k, c := range cols {
			cells[k] = p.fit(cells[k], c.w-2)
		}
		p.tableRow(cols, cells, i%2 == 1)
	}
}

// movesText is the day's moves done: "all 12" when every move of the
// routine (all) was, else their number.
func movesText(tr words, d journal.DaySummary, all map[string]bool) string {
	n := 0
	for _, t := range d.Done {
		if all[t.Move] {
			n++
		}
	}
	if len(all) > 1 && n == len(all) {
		return tr.T("report.day.all", args{"Count": len(all)})
	}
	return strconv.Itoa(len(d.Done))
}

// fit is text cut with "…" to fit on one line w millimetres wide in the
// current style.
func (p *page) fit(text string, w float64) string {
	if len(p.split(text, w)) <= 1 {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes)
	for lo < hi { // the longest prefix that fits with the "…"
		mid := (lo + hi + 1) / 2
		if p.strWidth(strings.TrimSpace(string(runes[:mid]))+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(runes[:lo])) + "…"
}

// painText is "5 → 3", "5 → –" or "" for a day without check-ins.
func painText(d journal.DaySummary) string {
	if d.PainBefore == nil && d.PainAfter == nil {
		return ""
	}
	v := func(p *int) string {
		if p == nil {
			return "–"
		}
		return strconv.Itoa(*p)
	}
	return v(d.PainBefore) + " → " + v(d.PainAfter)
}
