package state

// Machine holds the screen shown and the day's facts, moves on events
// (Next) and tells its listeners when the screen changes.
//
// The focus view is a flag beside the screen, not a screen: it shows the
// card alone, as large as the screen, on any screen (ready, running,
// paused, the summary), and changes no key's action but Esc. As screens
// it would double every one of them.
type Machine struct {
	screen    Screen
	day       Day
	focus     bool
	listeners []func(Screen)
}

// NewMachine starts on the idle screen of d.
func NewMachine(d Day) *Machine { return &Machine{screen: d.Screen(), day: d} }

// Screen is the screen shown.
func (m *Machine) Screen() Screen { return m.screen }

// Day is the day's facts.
func (m *Machine) Day() Day { return m.day }

// Allows reports whether the screen shown allows a.
func (m *Machine) Allows(a Action) bool { return Allows(m.screen, a) }

// Fire moves on ev and reports whether the screen changed; the listeners
// are told of a change.
func (m *Machine) Fire(ev Event) bool {
	next := Next(m.screen, m.day, ev)
	if next == m.screen {
		return false
	}
	m.screen = next
	for _, f := range m.listeners {
		f(next)
	}
	return true
}

// SetDay takes the day's facts d (an idle screen follows them).
func (m *Machine) SetDay(d Day) bool {
	m.day = d
	return m.Fire(DayChanged)
}

// OnChange adds f to the listeners told of each new screen.
func (m *Machine) OnChange(f func(Screen)) { m.listeners = append(m.listeners, f) }

// Focus reports whether the focus view is on.
func (m *Machine) Focus() bool { return m.focus }

// SetFocus turns the focus view on or off.
func (m *Machine) SetFocus(on bool) { m.focus = on }
