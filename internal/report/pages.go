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
	rt := p.r.Routine
	p.heading("The routine as done now: " + rt.Name)
	cols := []column{{"Move", 48, "L"}, {"Dose", 62, "L"}, {"Easier variant", p.width - 110, "L"}}
	p.tableHeader(cols)
	for i, m := range rt.Moves {
		dose := doseText(m)
		if n := m.LevelCount(); n > 1 {
			dose = fmt.Sprintf("level %d of %d: %s", m.Level, n, dose)
			if m.EasierVariant() {
				dose += ", as the easier variant"
			}
		}
		p.tableRow(cols, []string{m.Name, dose, m.Easier}, i%2 == 1)
	}
	p.Ln(5)
}

// doseText describes a move's dose: "3 sets of 6-4-2 reps per side, hold 10 s,
// 15 s between sets".
func doseText(m routine.Move) string {
	unit := "reps"
	if len(m.Reps) == 1 && m.Reps[0] == 1 {
		unit = "rep"
	}
	var b strings.Builder
	if n := len(m.Reps); n > 1 {
		fmt.Fprintf(&b, "%d sets of %s %s", n, m.SetReps(), unit)
	} else {
		fmt.Fprintf(&b, "%s %s", m.RepsText(), unit)
	}
	switch m.Sides {
	case routine.Each:
		b.WriteString(" each side")
	case routine.Alternate:
		b.WriteString(", sides alternating")
	}
	if m.Tempo == nil {
		b.WriteString(", hold " + secs(m.Hold))
	} else {
		b.WriteString(", " + secs(m.RepDuration()) + " a rep")
	}
	if len(m.Reps) > 1 && m.BetweenSets > 0 {
		b.WriteString(", " + secs(m.BetweenSets) + " between sets")
	}
	return b.String()
}

// secs formats a duration as "10 s" or "1.5 s".
func secs(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}

// dayTable draws the day-by-day table, oldest day first, one line a day:
// the moves done (a count, or "all 12" when every move of the routine
// was), the pain before and after, the levels that changed that day, the
// flags, and the note (cut with "…"; page 1 has it whole).
func (p *page) dayTable() {
	r := p.r
	p.room(30)
	p.heading("Day by day")
	names := p.names()
	p.tablePt = smallPt + 0.5
	defer func() { p.tablePt = bodyPt }()
	cols := []column{{"Date", 19, "L"}, {"Moves", 13, "R"}, {"Pain", 15, "C"},
		{"Levels changed", 42, "L"}, {"Flagged as hurting", 44, "L"}, {"Note", p.width - 133, "L"}}
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
	p.tableHeader(cols)
	for i, d := range r.Days {
		var flags []string
		for _, f := range r.Flags[d.Date] {
			if f.Kind == journal.FlagNerve {
				flags = append(flags, names(f.Move)+" (nerve)")
			} else {
				flags = append(flags, names(f.Move))
			}
		}
		cells := []string{shortDate(d.Date), movesText(d, all), painText(d), joinNames(changes[d.Date]),
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
func movesText(d journal.DaySummary, all map[string]bool) string {
	n := 0
	for _, t := range d.Done {
		if all[t.Move] {
			n++
		}
	}
	if len(all) > 1 && n == len(all) {
		return fmt.Sprintf("all %d", len(all))
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
