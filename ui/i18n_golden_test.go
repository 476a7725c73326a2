package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/i18n"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// cutAnywhere lists what does not fit its box under o, inside scrolls
// too (clipped leaves their content out): a widget smaller than its
// minimum size, a text wider than its box. What is hidden is left out.
func cutAnywhere(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	const slack = 1
	var out []string
	s := o.Size()
	switch x := o.(type) {
	case *canvas.Text:
		// A text of no size is placed, not boxed (the charts' labels).
		if x.Text != "" && !s.IsZero() {
			if m := fyne.MeasureText(x.Text, x.TextSize, x.TextStyle); m.Width > s.Width+slack {
				out = append(out, fmt.Sprintf("text %q needs %v, has %v", x.Text, m, s))
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, cutAnywhere(c)...)
		}
	case *container.Scroll:
		out = append(out, cutAnywhere(x.Content)...)
	case *widget.Entry:
		// An entry scrolls its text by design; its hint is checked by
		// the entry's minimum size.
	case fyne.Widget:
		// Only widths: what a translation changes (a height short by a
		// few pixels, as the session bar's icons have in every language,
		// cuts nothing of a text).
		if m := x.MinSize(); m.Width > s.Width+slack {
			out = append(out, fmt.Sprintf("%T (%q) needs %v, has %v", x, cutDebug(x), m, s))
			break
		}
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, cutAnywhere(c)...)
		}
	}
	return out
}

// In each language of i18n.Supported (a new one too) Settings, the Routine
// tab's editor and History lay out at 1024×600 with nothing cut and no horizontal scroll bar; in German, the
// longest, golden images keep how they look (the top of Settings, its
// sections from Language on and from the daily reminder on, and the
// editor with a move of a long name open).
func TestI18nLayoutAt1024x600(t *testing.T) {
	for _, l := range i18n.Supported {
		t.Run(string(l), func(t *testing.T) { checkLayout(t, string(l), l == i18n.German) })
	}
}

// checkLayout checks Settings and the editor in language l at 1024×600,
// and compares them with golden images when images is true.
func checkLayout(t *testing.T, l string, images bool) {
	inLanguage(t, l)
	uitest.FreshRenderCache()
	h, _ := newLibraryHarness(t, func(o *Options) {
		o.RoutineKey, o.Routine = library.DefaultKey, routine.DefaultIn(i18n.Lang(l)) // the built-in routine in l
		o.Reminders, o.MediaControls = true, true                                     // their sections in Settings
	})
	h.prefs().SetSafetyNoteSeen(true)
	h.session().notes.clear("safety")
	h.win().Resize(fitWindow(fyne.NewSize(1024, 600), fyne.Size{}))
	h.sync()

	check := func(name string) {
		t.Helper()
		content := h.win().Content()
		problems := append(overflowing(content), clipped(content, fyne.Position{}, h.win().Canvas().Size())...)
		for _, p := range append(problems, cutAnywhere(content)...) {
			t.Errorf("%s: %s", name, p)
		}
	}
	image := func(name string) {
		t.Helper()
		if images {
			test.AssertRendersToImage(t, l+"-"+name+"-1024x600.png", h.win().Canvas())
		}
	}

	showTabIn(h, "Settings")
	check("Settings")
	image("settings")
	// The sections under the fold but the data's paths (a temporary folder).
	set := h.settings().view
	scroll := scrollOf(t, set)
	heading := func(text string) float32 { // where the section of that heading starts in the scroll
		l := one(t, set, "heading "+text, func(l *widget.Label) bool { return l.Text == text && l.TextStyle.Bold })
		d := fyne.CurrentApp().Driver()
		return d.AbsolutePositionForObject(l).Y - d.AbsolutePositionForObject(scroll.Content).Y
	}
	scroll.ScrollToOffset(fyne.NewPos(0, heading(lang.L("Language"))))
	image("settings-language")
	scroll.ScrollToOffset(fyne.NewPos(0, h.settings().reminders.Content().Position().Y))
	image("settings-reminder")

	showTabIn(h, "Routine")
	h.routines().editor.SelectMove(11) // Staggered Hip Hinge Stretch
	check("Routine")
	// Each move's name is in the list whole, or cut with an ellipsis.
	var shown []string
	uitest.Walk(h.routines().editor.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.KeyButton); ok {
			shown = append(shown, b.Text)
		}
	})
	for _, m := range h.inuse().base.Moves {
		if !slices.ContainsFunc(shown, func(s string) bool {
			return s == m.Name || strings.HasSuffix(s, "…") && strings.HasPrefix(m.Name, strings.TrimSuffix(s, "…"))
		}) {
			t.Errorf("the list shows %q neither whole nor cut with an ellipsis", m.Name)
		}
	}
	image("routine")

	showTabIn(h, "History")
	check("History")
}

// showTabIn shows the tab named name in the language shown (in English
// while the tab's name is not translated).
func showTabIn(h *harness, name string) {
	h.t.Helper()
	for _, b := range h.session().main.buttons {
		if b.Text == lang.L(name) {
			test.Tap(b)
			return
		}
	}
	h.showTab(name)
}

// cutDebug names what is cut: the first text under o.
func cutDebug(o fyne.CanvasObject) string {
	txt := ""
	uitest.Walk(o, func(x fyne.CanvasObject) {
		if l, ok := x.(*widget.Label); ok && txt == "" {
			txt = l.Text
		}
	})
	return txt
}
