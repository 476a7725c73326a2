package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// "This hurts" and the safety stop during a session (issue 20): the flag
// is spoken back and journalled for the move under way, and the easier
// level is offered for the rest of today in a banner that never blocks
// the timer.

// flagRow builds the row of the session's flags, shown on the card while
// a session runs: hurts and nerve are what its buttons do.
func flagRow(hurts, nerve func()) *fyne.Container {
	// No icons: the words say it, and an icon is one more draw call in
	// every frame of a session.
	hurtsB := widgets.NewKeyButton(lang.L("This hurts (H)"), nil, hurts)
	nerveB := widgets.NewKeyButton(lang.L("Numbness / tingling / weakness"), nil, nerve)
	nerveB.Importance = widget.DangerImportance
	return container.NewHBox(hurtsB, nerveB)
}

// currentMove is the move a flag is about: the move of the step under
// way, or in the rest before a move the one just done (the rest belongs to
// the move that follows it); done says it is the one just done.
func (s *sessionScreen) currentMove() (m routine.Move, done, ok bool) {
	if !s.screen.Allows(state.Hurts) {
		return routine.Move{}, false, false
	}
	plan := s.run.plan()
	st := s.run.status().Step
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
func (s *sessionScreen) Hurts() {
	m, done, ok := s.currentMove()
	if !ok {
		return
	}
	if s.hooks.flag(m.ID, flagHurts) != nil {
		return // the recorder shows why
	}
	s.flagged.add(lang.L("{{.Name}} hurt", map[string]any{"Name": m.Name}))
	s.sound.say(cue.PhraseHurts)
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
		b := widgets.NewKeyButton(lang.L("Easier for today"), nil, func() {
			s.hooks.setLevels(map[string]int{id: n}, srcHurt, true)
			at := map[string]any{"Name": m.Name, "Level": n}
			text := lang.L("{{.Name}} at level {{.Level}} for the rest of today.", at)
			if !done && s.screen.Screen().UnderWay() {
				// The set under way starts again at the easier level.
				restarted, err := s.run.restartSet(id, s.hooks.routine())
				switch {
				case err != nil:
					s.notes.notice("plan", lang.L("Cannot change the set under way: {{.Error}}", map[string]any{"Error": err.Error()}))
				case restarted:
					s.refresh()
					text = lang.L("{{.Name}} at level {{.Level}} for the rest of today: this set starts again at it.", at)
				}
			}
			s.notes.notice("hurt", text)
		})
		b.Importance = widget.WarningImportance
		offer = b
	}
	s.notes.flag("hurt", text, offer)
}

// Nerve flags numbness, tingling or weakness in the move under way: the
// session pauses, the stop is shown and said, and only the easiest levels
// are offered for the day.
func (s *sessionScreen) Nerve() {
	m, _, ok := s.currentMove()
	if !ok {
		return
	}
	if s.hooks.flag(m.ID, flagNerve) != nil {
		return
	}
	s.flagged.add(lang.L("numbness, tingling or weakness in {{.Name}}", map[string]any{"Name": m.Name}))
	if s.run.status().State == schedule.Running {
		s.togglePause()
	}
	s.sound.say(cue.PhraseStop)
	b := widgets.NewKeyButton(lang.L("Easiest levels today"), nil, func() {
		s.hooks.easiest()
		s.notes.notice("stop", lang.L("Every move at its easiest level for the rest of today. Stop here. Contact your surgeon or "+
			"physiotherapist before going on."))
	})
	b.Importance = widget.WarningImportance
	s.notes.flag("stop", lang.L("Stop here. Contact your surgeon or physiotherapist before going on. "+
		"Numbness, tingling or weakness can mean a nerve is pressed. Exercise guidance, not medical advice."), b)
	s.hooks.stopped() // stopped for today once the session ends
}
