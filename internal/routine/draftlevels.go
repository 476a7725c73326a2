package routine

import "strconv"

// The editing of a draft move's levels: turning its dose into a ladder,
// adding, removing and reordering levels, each keeping the start and the
// top on the same levels.

// draftLevel is the text of a level's dose.
func draftLevel(l Level) DraftLevel {
	d := DraftLevel{Reps: joinList(l.Reps, strconv.Itoa), Easier: l.Easier}
	if l.Tempo != nil {
		d.UseTempo, d.Tempo = true, joinList(l.Tempo, tomlSeconds)
	} else {
		d.Hold = tomlSeconds(l.Hold)
	}
	if l.BetweenReps != 0 {
		d.BetweenReps = tomlSeconds(l.BetweenReps)
	}
	return d
}

// dose is the move's own dose as a level.
func (m *DraftMove) dose() DraftLevel {
	return DraftLevel{Reps: m.Reps, UseTempo: m.UseTempo, Hold: m.Hold, Tempo: m.Tempo, BetweenReps: m.BetweenReps}
}

// setDose makes l the move's own dose.
func (m *DraftMove) setDose(l DraftLevel) {
	m.Reps, m.UseTempo, m.Hold, m.Tempo, m.BetweenReps = l.Reps, l.UseTempo, l.Hold, l.Tempo, l.BetweenReps
}

// AddLevels turns the move's own dose into its level 1, where it starts;
// a move that has levels already is left as it is.
func (m *DraftMove) AddLevels() {
	if len(m.Levels) > 0 {
		return
	}
	m.Levels = []DraftLevel{m.dose()}
	m.StartLevel, m.TopLevel = 1, 0
}

// DropLevels gives the move its start level's dose as its own and
// removes its levels.
func (m *DraftMove) DropLevels() {
	if len(m.Levels) == 0 {
		return
	}
	m.setDose(m.DoseAt(m.Start()))
	m.Levels, m.StartLevel, m.TopLevel = nil, 0, 0
}

// AddLevel adds a level after the last, a copy of it to change, and
// returns its 1-based number. A move without levels gets two: its own
// dose and the copy.
func (m *DraftMove) AddLevel() int {
	m.AddLevels()
	m.Levels = append(m.Levels, m.Levels[len(m.Levels)-1])
	return len(m.Levels)
}

// RemoveLevel removes level n (1-based). The start and the top stay on
// their levels; when theirs is removed they move to the level below (or,
// for level 1, the one that takes its place). Removing the last level gives the move
// its dose back as its own.
func (m *DraftMove) RemoveLevel(n int) {
	if n < 1 || n > len(m.Levels) {
		return
	}
	if len(m.Levels) == 1 {
		m.setDose(m.Levels[0])
		m.Levels, m.StartLevel, m.TopLevel = nil, 0, 0
		return
	}
	m.Levels = append(m.Levels[:n-1:n-1], m.Levels[n:]...)
	follow := func(at int) int {
		if at >= n && at > 1 {
			return at - 1
		}
		return at
	}
	m.StartLevel, m.TopLevel = follow(m.StartLevel), follow(m.TopLevel)
}

// MoveLevel swaps level n (1-based) with the one by (-1: the level below,
// +1: the level above); the start and the top follow their levels.
func (m *DraftMove) MoveLevel(n, by int) {
	to := n + by
	if n < 1 || n > len(m.Levels) || to < 1 || to > len(m.Levels) {
		return
	}
	m.Levels = append([]DraftLevel(nil), m.Levels...)
	m.Levels[n-1], m.Levels[to-1] = m.Levels[to-1], m.Levels[n-1]
	swap := func(at int) int {
		switch at {
		case n:
			return to
		case to:
			return n
		}
		return at
	}
	// A top of 0 is no cap, and stays so.
	m.StartLevel, m.TopLevel = swap(m.StartLevel), swap(m.TopLevel)
}

// DoseAt is the dose of level n (1-based, clamped to the levels there
// are); without levels, the move's own dose.
func (m DraftMove) DoseAt(n int) DraftLevel {
	if len(m.Levels) == 0 {
		return m.dose()
	}
	return m.Levels[min(max(n, 1), len(m.Levels))-1]
}

// Start is the move's start level (1-based), as the file will read it.
func (m DraftMove) Start() int { return max(m.StartLevel, 1) }

// Top is the move's top level (1-based), as the file will read it.
func (m DraftMove) Top() int {
	if m.TopLevel == 0 {
		return max(len(m.Levels), 1)
	}
	return m.TopLevel
}
