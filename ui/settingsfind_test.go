package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// The window's tests find the widgets of Settings (a package of its own)
// as a person does: by their words, or as the only one of their kind.

// muteLabel is Settings' mute box.
const muteLabel = "Mute (cues still flash on screen)"

// find returns the objects of type T under root that pick takes, in the
// order they are laid out.
func find[T fyne.CanvasObject](root fyne.CanvasObject, pick func(T) bool) []T {
	var out []T
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok && (pick == nil || pick(x)) {
			out = append(out, x)
		}
	})
	return out
}

// one is the one object of type T under root that pick takes.
func one[T fyne.CanvasObject](t testing.TB, root fyne.CanvasObject, what string, pick func(T) bool) T {
	t.Helper()
	all := find(root, pick)
	if len(all) != 1 {
		t.Fatalf("%d of %s, want one", len(all), what)
	}
	return all[0]
}

// checkLabelled is the check box under root labelled text.
func checkLabelled(t testing.TB, root fyne.CanvasObject, text string) *widgets.KeyCheck {
	t.Helper()
	return one(t, root, "check box "+text, func(c *widgets.KeyCheck) bool { return c.Text == text })
}

// tapButton taps the button under root labelled text.
func tapButton(t testing.TB, root fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(one(t, root, "button "+text, func(b *widgets.KeyButton) bool { return b.Text == text }))
}

// boxAfter is the box beside the label text in a form under root.
func boxAfter(t testing.TB, root fyne.CanvasObject, text string) fyne.CanvasObject {
	t.Helper()
	var box fyne.CanvasObject
	uitest.Walk(root, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		for i, x := range c.Objects[:max(len(c.Objects)-1, 0)] {
			if l, ok := x.(*widget.Label); ok && l.Text == text {
				box = c.Objects[i+1]
			}
		}
	})
	if box == nil {
		t.Fatalf("no box beside %q", text)
	}
	return box
}

// entryAfter is the text box beside the label text.
func entryAfter(t testing.TB, root fyne.CanvasObject, text string) *widgets.EditEntry {
	t.Helper()
	e, ok := boxAfter(t, root, text).(*widgets.EditEntry)
	if !ok {
		t.Fatalf("beside %q: no text box", text)
	}
	return e
}

// problems are the texts in the error colour shown under root.
func problems(root fyne.CanvasObject) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			if x.Importance == widget.DangerImportance && x.Text != "" {
				out = append(out, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return strings.Join(out, "\n")
}

// scrollOf is the scroll under root (the view's one).
func scrollOf(t testing.TB, root fyne.CanvasObject) *container.Scroll {
	t.Helper()
	return find(root, func(*container.Scroll) bool { return true })[0]
}
