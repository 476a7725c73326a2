package settings

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/assets"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// licencesWindows are the open windows titled licencesTitle.
func licencesWindows(app fyne.App) []fyne.Window {
	var out []fyne.Window
	for _, w := range app.Driver().AllWindows() {
		if w.Title() == licencesTitle("Spine Routine") {
			out = append(out, w)
		}
	}
	return out
}

// TestAboutLicences: Settings → About → Licences opens one window whose
// scrollable text is the app's licence and the notices, wrapped to 80
// columns: Fyne's licence, its fonts' and the CMU SLT voice's among them. Pressed again it opens no second
// window; Esc and Close close it.
func TestAboutLicences(t *testing.T) {
	h := newSettingsHarness(t)
	var button *widgets.KeyButton
	uitest.Walk(h.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.KeyButton); ok && b.Text == "Licences" {
			button = b
		}
	})
	if button == nil {
		t.Fatal("Settings has no Licences button")
	}
	start := time.Now()
	test.Tap(button)
	opened := time.Since(start)
	wins := licencesWindows(h.app)
	if len(wins) != 1 {
		t.Fatalf("%d licences windows open after a tap, want 1", len(wins))
	}
	win := wins[0]
	var grid *widget.TextGrid
	uitest.Walk(win.Content(), func(o fyne.CanvasObject) {
		if g, ok := o.(*widget.TextGrid); ok {
			grid = g
		}
	})
	if grid == nil {
		t.Fatal("the licences window shows no text")
	}
	text := grid.Text()
	t.Logf("opened in %v: %d lines", opened, len(grid.Rows))
	// The grid's lines are wrapped: compare words.
	words := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"GPL-3.0-or-later",
		"Go module fyne.io/fyne/v2 ", "Copyright (C) 2018 Fyne.io developers",
		"Go module github.com/faiface/beep ",
		"NotoSans-Regular.ttf", "SIL OPEN FONT LICENSE Version 1.1",
		"Copyright of festvox-us-slt-hts", "cmu_us_slt_arctic_hts", "Carnegie Mellon University",
	} {
		if !strings.Contains(words, want) {
			t.Errorf("the licences text lacks %q", want)
		}
	}
	if words != strings.Join(strings.Fields(assets.Notices), " ") {
		t.Error("the licences text is not the notices' (words lost or changed by the wrapping)")
	}
	for i, row := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(row); n > licenceColumns && strings.Contains(row, " ") {
			t.Errorf("line %d is %d characters wide, more than %d: %q", i+1, n, licenceColumns, row)
			break
		}
	}
	view := grid.Size()
	if view.Height < 200 || view.Width < 400 {
		t.Errorf("the text shows in %v: not a page of it", view)
	}
	grid.ScrollToBottom()
	if bottom := grid.PositionForCursorLocation(len(grid.Rows)-1, 0); bottom.Y < 0 || bottom.Y > view.Height {
		t.Errorf("scrolled to the bottom, the last line is at %v in a view of %v", bottom, view)
	}

	test.Tap(button)
	if n := len(licencesWindows(h.app)); n != 1 {
		t.Errorf("%d licences windows open after a second tap, want 1", n)
	}

	// Esc, as the driver routes it: to the focused widget, else the window.
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := win.Canvas().Focused(); f != nil {
		f.TypedKey(esc)
	} else if k := win.Canvas().OnTypedKey(); k != nil {
		k(esc)
	}
	if n := len(licencesWindows(h.app)); n != 0 {
		t.Errorf("%d licences windows open after Esc, want 0", n)
	}

	test.Tap(button)
	wins = licencesWindows(h.app)
	if len(wins) != 1 {
		t.Fatalf("%d licences windows open after Esc and a tap, want 1", len(wins))
	}
	var closeButton *widget.Button
	uitest.Walk(wins[0].Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
			closeButton = b
		}
	})
	if closeButton == nil {
		t.Fatal("the licences window has no Close button")
	}
	test.Tap(closeButton)
	if n := len(licencesWindows(h.app)); n != 0 {
		t.Errorf("%d licences windows open after Close, want 0", n)
	}
}

func TestWrapLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short\n\nnext one", "short\n\nnext one"},
		{"aaa bbb ccc ddd", "aaa bbb\nccc ddd"},
		{"aaa bbbbbbbbbbbb ccc", "aaa\nbbbbbbbbbbbb\nccc"},
		{"Licence: é é é é", "Licence:\né é é é"},
		{"x  yyyyyyyy", "x\nyyyyyyyy"},
	}
	for _, tt := range tests {
		if got := wrapLines(tt.in, 8); got != tt.want {
			t.Errorf("wrapLines(%q, 8) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
