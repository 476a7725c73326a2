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
		fmt.Fprintf(&b, "%d sets of %s %s", n, m.RepsText(), unit)
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

// dayTable draws the day-by-day table, oldest day first.
func (p *page) dayTable() {
	r := p.r
	p.room(30)
	p.heading("Day by day")
	names := make(map[string]string)
	for _, m := range r.Routine.Moves {
		names[m.ID] = m.Name
	}
	p.tablePt = smallPt + 0.5
	defer func() { p.tablePt = bodyPt }()
	cols := []column{{"Date", 22, "L"}, {"Moves", 13, "R"}, {"Pain before → after", 18, "C"},
		{"Moves done (* ticked by hand)", p.width - 115, "L"}, {"Flagged as hurting", 30, "L"}, {"Note", 32, "L"}}
	notes := make(map[journal.Day]string)
	for _, n := range r.Notes {
		notes[n.Day] = n.Text
	}
	p.tableHeader(cols)
	for i, d := range r.Days {
		done := make([]string, len(d.Done))
		for k, t := range d.Done {
			name := names[t.Move]
			if name == "" {
				name = t.Move
			}
			if t.Src == journal.Hand {
				name += " *"
			}
			done[k] = name
		}
		var flags []string
		for _, f := range r.Flags[d.Date] {
			name := names[f.Move]
			if name == "" {
				name = f.Move
			}
			flags = append(flags, name+" ("+string(f.Kind)+")")
		}
		p.tableRow(cols, []string{shortDate(d.Date), strconv.Itoa(len(d.Done)), painText(d), joinNames(done),
			joinNames(flags), notes[d.Date]}, i%2 == 1)
	}
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
