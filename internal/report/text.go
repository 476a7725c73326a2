package report

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"spineroutine/internal/pdftext"
)

// fonts are the report's fonts: the Go fonts, then the system's for the
// characters they lack (loaded once a process).
var fonts = sync.OnceValues(func() (*pdftext.Fonts, error) {
	return pdftext.New(goregular.TTF, gobold.TTF, true)
})

// Unprintable is a character of the report's text that no font has: it is
// printed as the replacement.
type Unprintable struct {
	Char rune
	// Where names the text it is in: "the note of 2026-11-03".
	Where string
	// As is the character printed instead.
	As rune
}

// String is "U+1F600 😀 in the note of 2026-11-03 has no font; printed as □".
func (u Unprintable) String() string {
	return fmt.Sprintf("%U %c in %s has no font; printed as %c", u.Char, u.Char, u.Where, u.As)
}

// Unprintable lists the characters of the report's names and notes that
// no font has, each once per text, in the order they are printed.
func (r *Report) Unprintable() ([]Unprintable, error) {
	f, err := fonts()
	if err != nil {
		return nil, err
	}
	var out []Unprintable
	add := func(where, text string) {
		for _, c := range f.Unprintable(text) {
			out = append(out, Unprintable{Char: c, Where: where, As: f.Replacement()})
		}
	}
	add("the routine's name", r.Routine.Name)
	for _, m := range r.Moves {
		add(fmt.Sprintf("the name of the move %q", m.ID), m.Name)
	}
	for _, m := range r.Routine.Moves {
		add(fmt.Sprintf("the easier variant of the move %q", m.ID), m.Easier)
	}
	for _, n := range r.Notes {
		add("the note of "+n.Day.String(), n.Text)
	}
	for _, f := range r.Function {
		add(fmt.Sprintf("the activity %q", f.Activity), f.Activity)
	}
	return out, nil
}

// style is the current text style.
func (p *page) style() pdftext.Style { return pdftext.Style{Bold: p.bold, Size: p.size} }

// strWidth is the width of text in the current style, in millimetres.
func (p *page) strWidth(text string) float64 { return p.text.Width(text, p.style()) }

// split breaks text into lines at most w millimetres wide in the current
// style.
func (p *page) split(text string, w float64) []pdftext.Line {
	return p.text.Lines(text, p.style(), w)
}

// cell prints text on one line in a box w by h at the cursor, aligned
// "L", "C" or "R" as fpdf's CellFormat does (w 0: to the right margin),
// then moves the cursor: ln 0 to the right of the box, 1 to the start of
// the next line, 2 under the box.
func (p *page) cell(w, h float64, text string, ln int, align string) {
	x, y := p.GetXY()
	if w == 0 {
		w = p.w - margin - x
	}
	if text != "" {
		p.lineAt(p.split(text, 0)[0], x, y, w, h, align)
	}
	switch ln {
	case 0:
		p.SetXY(x+w, y)
	case 1:
		p.SetXY(p.left, y+h)
	default:
		p.SetXY(x, y+h)
	}
}

// lineAt draws a line of text in the box x, y, w, h, aligned as cell does.
func (p *page) lineAt(line pdftext.Line, x, y, w, h float64, align string) {
	pad := p.GetCellMargin()
	dx := pad
	switch align {
	case "R":
		dx = w - pad - line.Width
	case "C":
		dx = (w - line.Width) / 2
	}
	_, unit := p.GetFontSize()
	p.text.Draw(line, x+dx, y+0.5*h+0.3*unit)
}

// multi prints text wrapped in a column w millimetres wide from the
// cursor, a line every h, and leaves the cursor at the left margin under
// it.
func (p *page) multi(w, h float64, text string) {
	x, y := p.GetXY()
	for i, line := range p.split(text, w-2*p.GetCellMargin()) {
		p.lineAt(line, x, y+float64(i)*h, w, h, "L")
		p.SetY(y + float64(i+1)*h)
	}
	p.SetX(p.left)
}
