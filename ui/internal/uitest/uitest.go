// Package uitest holds what the window's tests and its owners' tests
// share: walking a content tree, typing into a box as a person does, and
// a render cache started afresh for golden images. Only tests import it.
package uitest

import (
	"fmt"
	"os"
	"path/filepath"
	"spineroutine/internal/i18n"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls f for o and every object inside it.
func Walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			Walk(x, f)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		for _, x := range r.Objects() {
			Walk(x, f)
		}
	}
}

// Retype replaces the text of a box as a person would: select all, type.
func Retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// FreshRenderCache paints an empty canvas, which makes Fyne's renderer
// cache take the time now. Its entries expire a minute after the time it
// last took (at a paint), and a paint destroys the expired renderers: in a
// test process older than a minute (a slow -race run), the first paint
// would destroy the renderers just made and draw widgets without their
// insides. Golden tests call it before building what they draw.
func FreshRenderCache() {
	test.NewCanvas().Capture()
}

// WheelOver scrolls s to show o, turns the mouse wheel down over o in c and
// returns how far s moved.
func WheelOver(t testing.TB, c fyne.Canvas, s *container.Scroll, o fyne.CanvasObject) float32 {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	s.ScrollToTop()
	if y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y; y+o.Size().Height > s.Size().Height {
		s.Offset.Y = y - 20 // o near the top of the scroll
		s.Refresh()
	}
	before := s.Offset.Y
	p := d.AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	if cs := c.Size(); p.Y >= cs.Height || p.X >= cs.Width {
		t.Fatalf("%T at %v, outside the window %v", o, p, cs)
	}
	test.Scroll(c, p, 0, -40)
	return s.Offset.Y - before
}

// LoadWindowLang loads every window.<lang>.json of dir into Fyne's lang,
// as the app does as it starts (which then picks the language of
// LANGUAGE again).
func LoadWindowLang(dir string) error {
	for _, l := range i18n.Supported {
		data, err := os.ReadFile(filepath.Join(dir, "window."+string(l)+".json"))
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(string(l))); err != nil {
			return fmt.Errorf("window.%s.json: %w", l, err)
		}
	}
	return nil
}

// GoldenMarkup compares the markup of c with testdata/name, or rewrites
// it when update is set (the tests' -update-views).
func GoldenMarkup(t testing.TB, name string, c fyne.Canvas, update bool) {
	t.Helper()
	got := test.RenderToMarkup(c)
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update-views to create it)", err)
	}
	if string(want) != got {
		failed := filepath.Join(os.TempDir(), "spineroutine-failed-"+name)
		_ = os.WriteFile(failed, []byte(got), 0o644)
		t.Errorf("%s differs from the rendered markup (written to %s); run with -update-views if the change is intended", path, failed)
	}
}

// LabelTexts are the texts of the labels in the rows of box (a problem
// list, the banners).
func LabelTexts(box *fyne.Container) []string {
	var out []string
	for _, o := range box.Objects {
		if b, ok := o.(*fyne.Container); ok {
			for _, x := range b.Objects {
				if l, ok := x.(*widget.Label); ok {
					out = append(out, l.Text)
				}
			}
		}
	}
	return out
}

// Main runs the tests of m in English, whatever the machine's language,
// with the window's words of langDir loaded as the app loads them (the
// body of a TestMain).
func Main(m *testing.M, langDir string) {
	if err := os.Setenv("LANGUAGE", "en"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := LoadWindowLang(langDir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}
