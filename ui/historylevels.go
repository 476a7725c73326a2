package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// historyShown is how many flags and notes History lists, newest first.
const historyShown = 10

// levelsSection is History's part on growing with the back: each move's
// level over the last widgets.ChartDays days as a step line (filled on
// the days it was done, a mark on the days it was flagged) with its level
// now and since when; then the flags and the notes of those days.
type levelsSection struct {
	grid  *fyne.Container
	flags *widget.Label
	notes *widget.Label
	obj   *fyne.Container
}

// newLevelsSection builds the section, empty.
func newLevelsSection() *levelsSection {
	s := &levelsSection{grid: container.NewVBox(), flags: widget.NewLabel(""), notes: widget.NewLabel("")}
	s.notes.Wrapping = fyne.TextWrapWord
	s.obj = container.NewVBox(widget.NewSeparator(), heading(lang.N("Levels, last {{.Count}} days", widgets.ChartDays, map[string]any{"Count": widgets.ChartDays})), s.grid,
		heading(lang.L("Flagged")), s.flags, heading(lang.L("Notes of the day")), s.notes)
	return s
}

// levelsInput is what the section shows, read from the journal.
type levelsInput struct {
	r     *routine.Routine
	from  day // the first day shown
	today day
	spans map[string][]levelSpan
	done  map[day]map[string]bool
	flags []moveFlag
	notes []dayNote
}

// show draws in.
func (s *levelsSection) show(in levelsInput) {
	s.grid.RemoveAll()
	flagged := map[string]map[day]bool{}
	for _, f := range in.flags {
		if flagged[f.Move] == nil {
			flagged[f.Move] = map[day]bool{}
		}
		flagged[f.Move][f.Day] = true
	}
	for _, m := range in.r.Moves {
		if m.LevelCount() < 2 {
			continue
		}
		spans := in.spans[m.ID]
		var days []widgets.LevelDay
		for d := in.from; !d.After(in.today); d = d.Add(1) {
			days = append(days, widgets.LevelDay{Level: levelOnDay(spans, d, m.StartLevel),
				Done: in.done[d][m.ID], Flagged: flagged[m.ID][d]})
		}
		line := widgets.NewLevelLine()
		line.Set(days, m.LevelCount())
		name := widget.NewLabel(lang.L("{{.Move}} · {{.Level}}", map[string]any{"Move": m.Name, "Level": levelNow(m, spans, in.today)}))
		name.Wrapping = fyne.TextWrapWord // a long name in French ran past History's width
		s.grid.Add(name)
		s.grid.Add(container.NewHBox(line))
	}
	s.flags.SetText(flagLines(in))
	s.notes.SetText(noteLines(in.notes))
}

// levelOnDay is the level of spans in force on d; start before the first.
func levelOnDay(spans []levelSpan, d day, start int) int {
	level := start
	for _, sp := range spans {
		if sp.From.After(d) {
			break
		}
		level = sp.Level.Level
	}
	return level
}

// levelNow says a move's level today and since when: "level 4 of 6 since
// 16 Nov (suggested)".
func levelNow(m routine.Move, spans []levelSpan, today day) string {
	data := map[string]any{"N": m.Level, "Count": m.LevelCount()}
	// A level for one past day no longer holds: the span before it does
	// (or the start level, when it was the move's only entry).
	for len(spans) > 0 && spans[len(spans)-1].Level.Today && spans[len(spans)-1].Level.Day != today {
		spans = spans[:len(spans)-1]
	}
	if len(spans) == 0 {
		return lang.L("level {{.N}} of {{.Count}} (start)", data)
	}
	last := spans[len(spans)-1]
	data["Why"] = sourceShort(last.Level.Src)
	switch {
	case last.Level.Today:
		return lang.L("level {{.N}} of {{.Count}} today only ({{.Why}})", data)
	case last.Level.Day == today:
		return lang.L("level {{.N}} of {{.Count}} from today ({{.Why}})", data)
	}
	data["Date"] = uiLang().ShortDate(noon(last.Level.Day)) // when it was set
	return lang.L("level {{.N}} of {{.Count}} since {{.Date}} ({{.Why}})", data)
}

// sourceShort says in a word or two why a level was set.
func sourceShort(src levelSrc) string {
	switch src {
	case srcSuggested:
		return lang.L("suggested")
	case srcHand:
		return lang.L("by hand")
	case srcStart:
		return lang.L("first start")
	case srcHurt:
		return lang.L("after it hurt")
	case srcSafety:
		return lang.L("after a stop")
	case srcRestored:
		return lang.L("back after a corrected check-in")
	}
	return string(src)
}

// flagLines lists the flags, newest first: "Mon 23 Nov: McGill Curl-Up
// hurt".
func flagLines(in levelsInput) string {
	if len(in.flags) == 0 {
		return lang.L("None.")
	}
	var lines []string
	for _, f := range slices.Backward(in.flags) {
		name := f.Move
		if m, ok := in.r.Find(f.Move); ok {
			name = m.Name
		}
		data := map[string]any{"Date": shortDay(f.Day), "Move": name}
		line := lang.L("{{.Date}}: {{.Move}} hurt", data)
		if f.Kind == flagNerve {
			line = lang.L("{{.Date}}: numbness, tingling or weakness in {{.Move}}", data)
		}
		lines = append(lines, line)
		if len(lines) == historyShown {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// noteLines lists the notes, newest first.
func noteLines(notes []dayNote) string {
	if len(notes) == 0 {
		return lang.L("None. Write one after a session, on its summary.")
	}
	var lines []string
	for _, n := range slices.Backward(notes) {
		lines = append(lines, lang.L("{{.Date}}: {{.Note}}", map[string]any{"Date": shortDay(n.Day), "Note": n.Text}))
		if len(lines) == historyShown {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// reloadLevels shows the levels, flags and notes of the chart's days
// (sums, oldest first).
func (h *historyView) reloadLevels(sums []daySummary) {
	from := h.today.Add(-(widgets.ChartDays - 1))
	done := map[day]map[string]bool{}
	for _, s := range sums {
		done[s.Date] = map[string]bool{}
		for _, id := range s.Moves() {
			done[s.Date][id] = true
		}
	}
	h.levels.show(levelsInput{r: h.r, from: from, today: h.today, spans: h.j.LevelHistory(from, h.today),
		done: done, flags: h.j.Flags(from, h.today), notes: h.j.Notes(from, h.today)})
}
