package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne sends a key to the focused widget, and to the canvas's OnTypedKey
// only when nothing has focus: a button focused with Tab would swallow
// Space. KeyButton and KeyCheck keep the one key that is theirs (Return)
// and pass every other key and character on through OnKey and OnRune.

// KeyButton is a button that keeps the app's keys working when it has
// focus: Return or Enter press it, every other key goes to OnKey (Space is
// start/pause, not "press this button").
type KeyButton struct {
	widget.Button
	// OnKey receives the keys the button does not use; may be nil.
	OnKey func(*fyne.KeyEvent)
	// OnRune receives the characters typed while it has focus; may be nil.
	OnRune func(rune)
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
		if b.OnKey != nil {
			b.OnKey(ev)
		}
	}
}

// TypedRune passes characters on.
func (b *KeyButton) TypedRune(r rune) {
	if b.OnRune != nil {
		b.OnRune(r)
	}
}

// KeyCheck is a check box that keeps the app's keys working when it has
// focus: Return or Enter toggle it, every other key goes to OnKey.
type KeyCheck struct {
	widget.Check
	// OnKey receives the keys the box does not use; may be nil.
	OnKey func(*fyne.KeyEvent)
	// OnRune receives the characters typed while it has focus (Space no
	// longer toggles a focused box: it is start/pause); may be nil.
	OnRune func(rune)
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
		if c.OnKey != nil {
			c.OnKey(ev)
		}
	}
}

// TypedRune passes characters on.
func (c *KeyCheck) TypedRune(r rune) {
	if c.OnRune != nil {
		c.OnRune(r)
	}
}
