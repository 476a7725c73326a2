package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// "This hurts" and the safety stop during a session (issue 20): the flag
// is spoken back and journalled for the move under way, and the easier
// level is offered for the rest of today in a banner that never blocks
// the timer.

// flagRow builds the row of the session's flags, shown on the card while
// a session runs: hurts and nerve are what its buttons do.
func (s *sessionScreen) flagRow(hurts, nerve func()) *fyne.Container {
	// No icons: the words say it, and an icon is one more draw call in
	// every frame of a session.
	hurtsB := s.keys.button(lang.L("This hurts (H)"), nil, hurts)
	nerveB := s.keys.button(lang.L("Numbness / tingling / weakness"), nil, nerve)
	nerveB.Importance = widget.DangerImportance
	return container.NewHBox(hurtsB, nerveB)
}

// currentMove is the move a flag is about: the move of the step under
// way, or in the rest before a move the one just done (the rest belongs to
// the move that follows it); done says it is the one just done.
func (c *controller) currentMove() (m routine.Move, done, ok bool) {
	if !c.allows(state.Hurts) {
		return routine.Move{}, false, false
	}
	plan := c.run.plan()
	st := c.run.status().Step
	i := st.MoveIndex
	if st.Kind == schedule.Rest && i > 0 {
		i--
		done = true
	}
	return plan.Moves[min(max(i, 0), len(plan.Moves)-1)], done, true
}

// flagList is what was flagged in a session, each once, in order.
type flagList []string

// add adds what was flagged, unless it is there already.
func (l *flagList) add(what string) {
	if !slices.Contains(*l, what) {
		*l = append(*l, what)
	}
}

// Hurts flags the move under way as hurting (key H, "This hurts"): it is
// said back, journalled, and the easier level is offered for the rest of
// today.
func (c *controller) Hurts() {
	m, done, ok := c.currentMove()
	if !ok {
		return
	}
	if c.rec.flag(m.ID, flagHurts) != nil {
		return // the recorder shows why
	}
	c.flagged.add(lang.L("{{.Name}} hurt", map[string]any{"Name": m.Name}))
	c.sound.say(cue.PhraseHurts)
	// N skips the move under way; in the rest after a move, the one to come.
	name := map[string]any{"Name": m.Name}
	text := lang.L("Noted: {{.Name}} hurts. It is at its easiest level: skip it (N), and stop if the pain is sharp or spreads.", name)
	if done {
		text = lang.L("Noted: {{.Name}} hurts. It is at its easiest level: leave it out next time, and stop if the pain is sharp or spreads.", name)
	}
	var offer fyne.CanvasObject
	if m.Level > 1 {
		easier := m.AtLevel(m.Level - 1)
		text = lang.L("Noted: {{.Name}} hurts. Easier for the rest of today: level {{.Level}} of {{.Levels}} ({{.Dose}})?",
			map[string]any{"Name": m.Name, "Level": easier.Level, "Levels": m.LevelCount(), "Dose": doseWords(easier)})
		id, n := m.ID, easier.Level
		b := c.keys.button(lang.L("Easier for today"), nil, func() {
			c.setLevels(map[string]int{id: n}, srcHurt, true)
			at := map[string]any{"Name": m.Name, "Level": n}
			text := lang.L("{{.Name}} at level {{.Level}} for the rest of today.", at)
			if !done && c.State().UnderWay() {
				// The set under way starts again at the easier level.
				restarted, err := c.run.restartSet(id, c.inuse.r)
				switch {
				case err != nil:
					c.notice("plan", lang.L("Cannot change the set under way: {{.Error}}", map[string]any{"Error": err.Error()}))
				case restarted:
					c.refresh()
					text = lang.L("{{.Name}} at level {{.Level}} for the rest of today: this set starts again at it.", at)
				}
			}
			c.notice("hurt", text)
		})
		b.Importance = widget.WarningImportance
		offer = b
	}
	c.session.flagBanner("hurt", text, offer)
}

// Nerve flags numbness, tingling or weakness in the move under way: the
// session pauses, the stop is shown and said, and only the easiest levels
// are offered for the day.
func (c *controller) Nerve() {
	m, _, ok := c.currentMove()
	if !ok {
		return
	}
	if c.rec.flag(m.ID, flagNerve) != nil {
		return
	}
	c.flagged.add(lang.L("numbness, tingling or weakness in {{.Name}}", map[string]any{"Name": m.Name}))
	if c.run.status().State == schedule.Running {
		c.run.togglePause()
		c.refresh()
	}
	c.plan.stopSaid = c.day
	c.sound.say(cue.PhraseStop)
	b := c.keys.button(lang.L("Easiest levels today"), nil, func() {
		c.plan.easiestToday()
		c.notice("stop", lang.L("Every move at its easiest level for the rest of today. "+stopText))
	})
	b.Importance = widget.WarningImportance
	c.session.flagBanner("stop", lang.L(stopText+" Numbness, tingling or weakness can mean a nerve is pressed. "+guidanceText), b)
	c.plan.update()
	c.syncDay() // stopped for today once the session ends
}

// flagBanner shows text above the card under key with the button offer
// (nil: none) and a close button.
func (s *sessionScreen) flagBanner(key, text string, offer fyne.CanvasObject) {
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	closeBtn := s.keys.button("", theme.CancelIcon(), func() { s.clearNotice(key) })
	closeBtn.Importance = widget.LowImportance
	right := container.NewHBox(closeBtn)
	if offer != nil {
		right = container.NewHBox(offer, closeBtn)
	}
	s.setBanner(key, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), right, lbl))
}
