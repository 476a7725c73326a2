package settings

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"spineroutine/assets"
	"spineroutine/ui/widgets"
)

// licencesTitle is the title of the window that shows the licences.
func licencesTitle(app string) string {
	return lang.L("{{.App}}: licences", map[string]any{"App": app})
}

// licencesSize is the licences window's size when it opens: 80 columns
// of licence text and most of a small screen's height.
var licencesSize = fyne.NewSize(760, 640)

// newLicencesRow is About's licence line: the app's licence and the
// Licences button.
func newLicencesRow(app string) fyne.CanvasObject {
	return container.NewHBox(newLicencesButton(app), widget.NewLabel(lang.L("Free software: GPL-3.0-or-later")))
}

// newLicencesButton makes About's "Licences" button. It opens a window of
// its own with the app's licence and those of the parts made by others
// (assets.Notices), or brings that window forward when it is open; Esc or
// Close closes it.
func newLicencesButton(app string) *widgets.KeyButton {
	var win fyne.Window
	return widgets.NewKeyButton(lang.L("Licences"), theme.DocumentIcon(), func() {
		if win != nil {
			win.RequestFocus()
			return
		}
		win = fyne.CurrentApp().NewWindow(licencesTitle(app))
		w := win
		w.SetContent(newLicencesView(assets.Notices, w.Close))
		w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
			if e.Name == fyne.KeyEscape {
				w.Close()
			}
		})
		w.SetOnClosed(func() { win = nil })
		w.Resize(licencesSize)
		w.Show()
	})
}

// licenceColumns is the width the licence text is wrapped to: most of
// the licences are written to 80 columns; the few paragraphs on one line
// (the font licences) are wrapped there.
const licenceColumns = 80

// newLicencesView shows text in a monospaced grid that scrolls (it draws
// only the rows in view: the notices are 2,500 lines), over a Close button
// that runs close.
func newLicencesView(text string, close func()) fyne.CanvasObject {
	grid := widget.NewTextGridFromString(wrapLines(text, licenceColumns))
	grid.Scroll = fyne.ScrollBoth
	closeButton := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), close)
	return container.NewBorder(nil, container.NewCenter(closeButton), nil, nil, grid)
}

// wrapLines breaks each line of text longer than width runes at its last
// space before width, as many times as it takes; a word longer than width
// stays whole on its own line.
func wrapLines(text string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		for utf8.RuneCountInString(line) > width {
			cut := strings.LastIndexByte(string([]rune(line)[:width+1]), ' ')
			if cut <= 0 {
				cut = strings.IndexByte(line, ' ')
				if cut < 0 {
					break
				}
			}
			b.WriteString(strings.TrimRight(line[:cut], " "))
			b.WriteByte('\n')
			line = strings.TrimLeft(line[cut:], " ")
		}
		b.WriteString(line)
	}
	return b.String()
}
