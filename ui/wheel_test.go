package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/internal/uitest"
)

// The mouse wheel scrolls Settings wherever the pointer is, over a text
// box too (Fyne gave the wheel to the box, which had nothing to scroll);
// the editor's move form is checked in its package.
func TestWheelScrollsSettingsOverBoxes(t *testing.T) {
	hs := newHarness(t, func(o *Options) { o.Reminders = true })
	hs.win().Resize(fyne.NewSize(1024, 600))
	hs.session().main.show(len(hs.session().main.buttons) - 1) // Settings
	v := hs.settings().view
	var box *widget.Entry
	uitest.Walk(v, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && box == nil {
			box = e
		}
	})
	if box == nil {
		t.Fatal("no text box in Settings")
	}
	if got := uitest.WheelOver(t, hs.win().Canvas(), scrollOf(t, v), box); got <= 0 {
		t.Errorf("Settings, wheel over a text box: moved %.0f px, want it scrolled down", got)
	}
}
