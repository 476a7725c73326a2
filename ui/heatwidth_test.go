package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/ui/widgets"
)

// TestHeatMapUsesTheWidth: the History heat map's cells grow with the room
// the view gives it, up to a maximum (it drew 260 px wide, a fifth of a
// 1366-px window, whatever the width).
func TestHeatMapUsesTheWidth(t *testing.T) {
	cells := map[float32]float32{} // window width: cell pitch
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1366, Height: 768}, {Width: 1920, Height: 1080}} {
		h := newHarness(t, nil)
		h.win().Resize(size)
		test.Tap(h.session().main.buttons[2]) // History
		m := h.history().view.heat
		if !m.Visible() || m.Size().Width == 0 {
			t.Fatalf("%v: heat map not shown", size)
		}
		avail := h.history().view.box.Size().Width // the width of the History view
		drawn := m.CellPos(widgets.HeatWeeks, 0).X
		pitch := m.CellPos(1, 0).X - m.CellPos(0, 0).X // a cell and the gap after it
		cells[size.Width] = pitch
		t.Logf("%v: %.0f px of %.0f drawn, a cell every %.0f px", size, drawn, avail, pitch)
		if drawn > avail {
			t.Errorf("%v: the map draws %.0f px in %.0f", size, drawn, avail)
		}
		if drawn < 0.9*avail && pitch < 36+3 {
			t.Errorf("%v: the map draws %.0f px of the %.0f it has, a cell every %.0f px", size, drawn, avail, pitch)
		}
		if pitch > 36+3 {
			t.Errorf("%v: a cell every %.0f px, larger than the 36-px maximum", size, pitch)
		}
		// The map is as high as its cells: the last row is inside it.
		if bottom := m.CellPos(0, 7).Y; bottom > m.Size().Height+0.5 {
			t.Errorf("%v: cells reach %.0f, the map is %.0f high", size, bottom, m.Size().Height)
		}
		// A tap on a cell still finds its day.
		if d, ok := m.DayAt(m.CellPos(3, 2).AddXY(pitch-5, pitch-5)); ok && d != 3*7+2 {
			t.Errorf("%v: day at cell (3,2) = %d", size, d)
		}
		h.close()
	}
	if cells[1366] <= 16+3 {
		t.Errorf("a cell every %.0f px at 1366 px, as small as ever", cells[1366])
	}
	if cells[1366] < cells[1024] {
		t.Errorf("a cell every %.0f px at 1366 px, less than at 1024 (%.0f)", cells[1366], cells[1024])
	}
}
