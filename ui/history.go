package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/routine"
	"spineroutine/ui/widgets"
)

// historyOptions connect the history view to the controller.
type historyOptions struct {
	// now returns the current time.
	now func() time.Time
	// weeklyTarget returns the days a week needs for the weekly streak
	// (Prefs.WeeklyTarget).
	weeklyTarget func() int
	// onTick writes a back-filled tick or untick of day d to the journal.
	onTick func(d day, id string, on bool) error
	// keys passes on the keys a focused button or box does not use.
	// askReport asks where to save the physiotherapist's report, saves it
	// and calls done with its path ("" when cancelled) or why it failed;
	// openFolder opens a folder in the desktop's file manager.
	askReport  func(done func(path string, err error))
	openFolder func(dir string) error
}

// historyView is the History tab: a calendar heat map of the last 12
// weeks, the streaks, a chart of pain and moves over the last 30 days, the
// back-fill of the last 7 days, the levels, flags and notes of the chart's
// days, and the physiotherapist's report. Everything is drawn from the journal
// when the view is built and on Refresh.
type historyView struct {
	widget.BaseWidget
	j journalReader
	r *routine.Routine
	o historyOptions

	today    day
	offset   int  // the back-fill day: today.Add(-offset), 0..BackfillDays-1
	updating bool // the checks are being set from the journal

	heat       *widgets.HeatMap
	heatInfo   *widget.Label
	current    *widget.Label
	best       *widget.Label
	weekly     *widget.Label
	chart      *widgets.PainChart
	dayButtons []*widgets.KeyButton
	fillTitle  *widget.Label
	checks     []*widgets.KeyCheck
	checkBox   *fyne.Container
	fillError  *widgets.ProblemLine
	legend     *widgets.Legends
	report     *reportRow
	levels     *levelsSection

	box     *fyne.Container
	content *container.Scroll
}

// newHistoryView builds the History tab for the moves of r.
func newHistoryView(j journalReader, r *routine.Routine, o historyOptions) *historyView {
	h := &historyView{j: j, r: r, o: o}
	h.heat = widgets.NewHeatMap()
	h.heat.Calendar = uiLang()
	h.heat.OnTapped = func(i int) { h.cellTapped(dayOf(h.heat.First).Add(i)) }
	h.heat.OnHovered = func(i int) { h.showDayInfo(dayOf(h.heat.First).Add(i)) }
	h.heatInfo = widget.NewLabel(lang.L("Tap a day to see it; the last 7 days can be ticked below."))
	h.heatInfo.Wrapping = fyne.TextWrapWord
	h.current = widget.NewLabel("")
	h.best = widget.NewLabel("")
	h.weekly = widget.NewLabel("")
	h.weekly.Wrapping = fyne.TextWrapWord
	h.chart = widgets.NewPainChart()
	h.chart.Calendar = uiLang()
	h.legend = widgets.NewLegends()

	days := container.NewGridWithColumns(4)
	for i := 0; i < backfillDays; i++ {
		b := widgets.NewKeyButton("", nil, func() { h.SelectDay(h.today.Add(-i)) })
		h.dayButtons = append(h.dayButtons, b)
		days.Add(b)
	}
	h.fillTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.checkBox = container.NewVBox()
	h.fillError = widgets.NewProblemLine()
	h.report = newReportRow(o.askReport, o.openFolder, h.relayout)
	h.levels = newLevelsSection()

	h.box = container.NewVBox(
		heading(lang.L("Last 12 weeks")),
		h.heat,
		h.legend.Heat,
		h.heatInfo,
		widget.NewSeparator(),
		heading(lang.L("Streaks")),
		h.current, h.best, h.weekly,
		widget.NewSeparator(),
		heading(lang.L("Pain and moves, last 30 days")),
		h.chart,
		h.legend.Chart,
		widget.NewSeparator(),
		heading(lang.L("Tick a past day")),
		days,
		h.fillTitle,
		h.checkBox,
		h.fillError.Row,
		h.levels.obj,
		widget.NewSeparator(),
		heading(lang.L("For your physiotherapist")),
		h.report.box,
	)
	h.content = widgets.NewVScroll(h.box)
	h.heat.OnHeightChanged = h.relayout
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
func (h *historyView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(h.content)
}

// Refresh re-reads the journal and redraws the view.
func (h *historyView) Refresh() {
	h.reload()
	h.BaseWidget.Refresh()
}

// Show re-reads the journal and shows the view: switching to the History
// tab always shows what the checklist and the sessions recorded since.
func (h *historyView) Show() {
	h.reload()
	h.BaseWidget.Show()
}

// relayout lays the parts out again after one changed height.
func (h *historyView) relayout() {
	h.box.Refresh()
	h.content.Refresh()
}

// SetRoutine shows the moves of r in the back-fill list.
func (h *historyView) SetRoutine(r *routine.Routine) {
	h.r = r
	h.buildChecks()
	h.reload()
}

// SelectDay picks the day to back-fill; it reports false (and changes
// nothing) for a day outside the last backfillDays days.
func (h *historyView) SelectDay(d day) bool {
	h.today = dayOf(h.o.now())
	off := h.today.Sub(d)
	if off < 0 || off >= backfillDays {
		return false
	}
	h.offset = off
	h.fillError.Clear()
	h.relayout()
	h.reload()
	return true
}

// Selected returns the day being back-filled.
func (h *historyView) Selected() day { return h.today.Add(-h.offset) }

// buildChecks makes one box per move of the routine.
func (h *historyView) buildChecks() {
	h.checks = h.checks[:0]
	h.checkBox.RemoveAll()
	for _, m := range h.r.Moves {
		id := m.ID
		c := widgets.NewKeyCheck(m.Name, func(on bool) { h.ticked(id, on) })
		h.checks = append(h.checks, c)
		h.checkBox.Add(c)
	}
}

// reload reads the journal into every part of the view.
func (h *historyView) reload() {
	h.today = dayOf(h.o.now())
	target := h.o.weeklyTarget()

	h.legend.Restyle()

	// Heat map: from the Monday 11 weeks before this week's to today.
	first := h.today.WeekStart().Add(-7 * (widgets.HeatWeeks - 1))
	counts := make([]int, widgets.HeatWeeks*7)
	for i := range counts {
		counts[i] = -1 // a day still to come
	}
	for _, s := range h.j.Days(first, h.today) {
		counts[s.Date.Sub(first)] = len(s.Done)
	}
	h.heat.Set(noon(first), h.today.Sub(first), h.Selected().Sub(first), counts)

	// Streaks.
	st := h.j.Streaks(h.today, target)
	cur := lang.N("Current streak: {{.Count}} days", st.Current, map[string]any{"Count": st.Current})
	if st.Current > 0 && !st.TodayDone {
		cur = lang.N("Current streak: {{.Count}} days (do a move today to keep it going)", st.Current,
			map[string]any{"Count": st.Current})
	}
	h.current.SetText(cur)
	h.best.SetText(lang.N("Best streak: {{.Count}} days", st.Best, map[string]any{"Count": st.Best}))
	h.weekly.SetText(lang.N("Weekly streak: {{.Count}} weeks in a row with ≥ {{.Target}} days (this week so far: {{.Days}})",
		st.Weeks, map[string]any{"Count": st.Weeks, "Target": st.WeeklyTarget,
			"Days": lang.N("{{.Count}} days", st.WeekDays, map[string]any{"Count": st.WeekDays})}))

	// Chart, oldest day first.
	sums := h.j.Days(h.today.Add(-(widgets.ChartDays - 1)), h.today)
	for i, k := 0, len(sums)-1; i < k; i, k = i+1, k-1 {
		sums[i], sums[k] = sums[k], sums[i]
	}
	h.chart.SetDays(chartDays(sums))
	h.reloadLevels(sums)

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
		h.fillTitle.SetText(lang.L("Moves done today, {{.Date}}", map[string]any{"Date": longDay(sel)}))
	default:
		h.fillTitle.SetText(lang.L("Moves done on {{.Date}}", map[string]any{"Date": longDay(sel)}))
	}
	done := h.j.Done(sel)
	h.updating = true
	for i, m := range h.r.Moves {
		h.checks[i].SetChecked(done[m.ID])
	}
	h.updating = false
}

// ticked writes a back-filled tick or untick to the journal.
func (h *historyView) ticked(id string, on bool) {
	if h.updating {
		return
	}
	widgets.Unfocus(h)
	if err := h.o.onTick(h.Selected(), id, on); err != nil {
		h.fillError.Set(lang.L("Could not save the tick: {{.Problem}}", map[string]any{"Problem": err.Error()}))
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
	h.fillError.Clear()
	h.relayout()
	h.reload()
}

// cellTapped shows what a heat-map day holds and, for one of the last
// days, picks it for back-fill.
func (h *historyView) cellTapped(d day) {
	h.showDayInfo(d)
	h.SelectDay(d)
}

// showDayInfo writes "Mon 3 Nov: 5 moves" under the heat map.
func (h *historyView) showDayInfo(d day) {
	n := len(h.j.Day(d).Done)
	data := map[string]any{"Date": shortDay(d), "Count": n}
	text := lang.N("{{.Date}}: {{.Count}} moves", n, data)
	if notes := h.j.Notes(d, d); len(notes) > 0 {
		data["Note"] = notes[0].Text
		text = lang.N("{{.Date}}: {{.Count}} moves. Note: {{.Note}}", n, data)
	}
	if off := h.today.Sub(d); off >= 0 && off < backfillDays {
		text = lang.L("{{.Day}} (can be ticked below)", map[string]any{"Day": text})
	}
	h.heatInfo.SetText(text)
}

// backfillName names the back-fill day offset days before today.
func backfillName(today day, offset int) string {
	switch offset {
	case 0:
		// Its own key: the French "Aujourd'hui" made the four buttons of a
		// line wider than History at 1024×600.
		return lang.X("history.backfill.today", "Today")
	case 1:
		return lang.L("Yesterday")
	}
	t := noon(today.Add(-offset))
	return lang.L("{{.Weekday}} {{.Day}}", map[string]any{"Weekday": uiLang().ShortWeekday(t.Weekday()), "Day": t.Day()})
}

// shortDay is d in a few letters: "Mon 3 Nov".
func shortDay(d day) string { return uiLang().ShortDayDate(noon(d)) }

// longDay is d with its weekday: "Monday 3 November".
func longDay(d day) string { return uiLang().Date(noon(d)) }
