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
// and pass every other key and character on through OnKey and OnRune.

// Keys holds where a widget sends the keys and characters it does not use.
type Keys struct {
	// OnKey receives the keys the widget does not use; may be nil.
	OnKey func(*fyne.KeyEvent)
	// OnRune receives the characters typed while it has focus; may be nil.
	OnRune func(rune)
}

// key passes a key on.
func (k *Keys) key(ev *fyne.KeyEvent) {
	if k.OnKey != nil {
		k.OnKey(ev)
	}
}

// rune passes a character on.
func (k *Keys) rune(r rune) {
	if k.OnRune != nil {
		k.OnRune(r)
	}
}

// KeyButton is a button that keeps the app's keys working when it has
// focus: Return or Enter press it, every other key goes to OnKey (Space is
// start/pause, not "press this button").
type KeyButton struct {
	widget.Button
	Keys
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
		b.key(ev)
	}
}

// TypedRune passes characters on.
func (b *KeyButton) TypedRune(r rune) { b.rune(r) }

// KeyCheck is a check box that keeps the app's keys working when it has
// focus: Return or Enter toggle it, every other key goes to OnKey.
// Space no longer toggles a focused box: it is start/pause.
type KeyCheck struct {
	widget.Check
	Keys
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
		c.key(ev)
	}
}

// TypedRune passes characters on.
func (c *KeyCheck) TypedRune(r rune) { c.rune(r) }

// KeySlider is a slider for the mouse whose keys are the app's: every key
// and character typed while it has focus goes to OnKey and OnRune (→ skips
// a step rather than moving the slider).
type KeySlider struct {
	widget.Slider
	Keys
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
func (s *KeySlider) TypedKey(ev *fyne.KeyEvent) { s.key(ev) }

// TypedRune passes the character on.
func (s *KeySlider) TypedRune(r rune) { s.rune(r) }

// KeySelect is a drop-down list for the mouse whose keys are the app's:
// every key and character typed while it has focus goes to OnKey and
// OnRune (Space starts the session rather than opening the list).
type KeySelect struct {
	widget.Select
	Keys
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
func (s *KeySelect) TypedKey(ev *fyne.KeyEvent) { s.key(ev) }

// TypedRune passes the character on.
func (s *KeySelect) TypedRune(r rune) { s.rune(r) }

// EditEntry is an entry with a list of suggested values behind a menu
// button. Its editing ends on Return, Enter or Esc: the focus is dropped,
// so the app's keys work again. While it is edited (it has the focus) it
// takes the keys as any entry does; its menu button passes them on.
type EditEntry struct {
	widget.Entry
	// Options are the values the menu button offers.
	Options []string
	// Keys receives the keys and characters typed while the menu button
	// has focus.
	Keys
}

// NewEditEntry returns an entry offering options.
func NewEditEntry(options []string) *EditEntry {
	e := &EditEntry{Options: options}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	b := NewKeyButton("", theme.MenuDropDownIcon(), e.showOptions)
	b.Importance = widget.LowImportance
	b.OnKey, b.OnRune = e.key, e.rune
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
