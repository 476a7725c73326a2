package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne sends a key to the focused widget, and to the canvas's OnTypedKey
// only when nothing has focus: a button focused with Tab would swallow
// Space. KeyButton and KeyCheck keep the one key that is theirs (Return)
// and hand every other key and character to their window as if nothing
// had focus (passKey, passRune): the window's keys work whatever has the
// focus, and no widget is told who handles them.

// passKey hands ev, a key the focused widget o does not use, to the key
// handler of o's canvas (its OnTypedKey).
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if f := c.OnTypedKey(); f != nil {
			f(ev)
		}
	}
}

// passRune hands r, a character the focused widget o does not use, to the
// character handler of o's canvas (its OnTypedRune).
func passRune(o fyne.CanvasObject, r rune) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		if f := c.OnTypedRune(); f != nil {
			f(r)
		}
	}
}

// KeyButton is a button that keeps the app's keys working when it has
// focus: Return or Enter press it, every other key goes to the window
// (Space is start/pause, not "press this button").
type KeyButton struct {
	widget.Button
}

// NewKeyButton returns a button with a label, an icon (may be nil) and its
// action.
func NewKeyButton(label string, icon fyne.Resource, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Return/Enter and passes other keys on.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	default:
		passKey(b, ev)
	}
}

// TypedRune passes characters on.
func (b *KeyButton) TypedRune(r rune) { passRune(b, r) }

// KeyCheck is a check box that keeps the app's keys working when it has
// focus: Return or Enter toggle it, every other key goes to the window.
// Space no longer toggles a focused box: it is start/pause.
type KeyCheck struct {
	widget.Check
}

// NewKeyCheck returns a check box with a label and its change callback.
func NewKeyCheck(label string, changed func(bool)) *KeyCheck {
	c := &KeyCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey toggles the box on Return/Enter and passes other keys on.
func (c *KeyCheck) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !c.Disabled() {
			c.SetChecked(!c.Checked)
		}
	default:
		passKey(c, ev)
	}
}

// TypedRune passes characters on.
func (c *KeyCheck) TypedRune(r rune) { passRune(c, r) }

// KeySlider is a slider for the mouse whose keys are the app's: every key
// and character typed while it has focus goes to the window (→ skips a
// step rather than moving the slider).
type KeySlider struct {
	widget.Slider
}

// NewKeySlider returns a slider from min to max.
func NewKeySlider(min, max float64) *KeySlider {
	s := &KeySlider{}
	s.Min, s.Max, s.Step = min, max, 1
	s.Orientation = widget.Horizontal
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes the key on.
func (s *KeySlider) TypedKey(ev *fyne.KeyEvent) { passKey(s, ev) }

// TypedRune passes the character on.
func (s *KeySlider) TypedRune(r rune) { passRune(s, r) }

// KeySelect is a drop-down list for the mouse whose keys are the app's:
// every key and character typed while it has focus goes to the window
// (Space starts the session rather than opening the list).
type KeySelect struct {
	widget.Select
}

// NewKeySelect returns a list of options with its change callback.
func NewKeySelect(options []string, changed func(string)) *KeySelect {
	s := &KeySelect{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = lang.L("(Select one)")
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey passes the key on.
func (s *KeySelect) TypedKey(ev *fyne.KeyEvent) { passKey(s, ev) }

// TypedRune passes the character on.
func (s *KeySelect) TypedRune(r rune) { passRune(s, r) }

// EditEntry is an entry with a list of suggested values behind a menu
// button. Its editing ends on Return, Enter or Esc: the focus is dropped,
// so the app's keys work again. While it is edited (it has the focus) it
// takes the keys as any entry does; its menu button passes them on.
type EditEntry struct {
	widget.Entry
	// Options are the values the menu button offers (the keys typed while
	// it has focus go to the window).
	Options []string
}

// NewEditEntry returns an entry offering options.
func NewEditEntry(options []string) *EditEntry {
	e := &EditEntry{Options: options}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	b := NewKeyButton("", theme.MenuDropDownIcon(), e.showOptions)
	b.Importance = widget.LowImportance
	e.ActionItem = b
	return e
}

// showOptions shows the menu of options under the entry.
func (e *EditEntry) showOptions() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(e.Options))
	for i, o := range e.Options {
		items[i] = fyne.NewMenuItem(o, func() { e.SetText(o) })
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).AddXY(0, e.Size().Height)
	m := widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	m.ShowAtPosition(pos)
	m.Resize(fyne.NewSize(e.Size().Width, m.MinSize().Height))
}

// TypedKey ends the editing on Return, Enter or Esc, and types other keys.
func (e *EditEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Unfocus()
		}
	default:
		e.Entry.TypedKey(ev)
	}
}

// Unfocus drops the keyboard focus of the canvas that shows o, so that
// the window's keys reach its handler again (a tap on a button, a choice
// made).
func Unfocus(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Unfocus()
	}
}
