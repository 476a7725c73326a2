package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Geometry of a level line.
const (
	levelDayW   = 8  // the width of one day
	levelGap    = 2  // between days
	levelLineH  = 28 // the height of the top level
	levelMarkH  = 4  // the flag mark above a day
	levelMarkUp = levelMarkH + 2
)

// LevelDay is one day of a move's level line.
type LevelDay struct {
	// Level is the level in force that day (1-based; 0: none known).
	Level int
	// Done says the move was done that day: its bar is filled, else
	// outlined.
	Done bool
	// Flagged says the move was flagged that day (hurting, or numbness):
	// a mark above its bar.
	Flagged bool
}

// LevelLine draws a move's level day by day as a step line of bars, the
// top level the full height: filled on the days the move was done,
// outlined on the others, with a mark above the days it was flagged.
type LevelLine struct {
	widget.BaseWidget
	days []LevelDay
	top  int
}

// NewLevelLine returns an empty level line.
func NewLevelLine() *LevelLine {
	l := &LevelLine{}
	l.ExtendBaseWidget(l)
	return l
}

// Set shows days, oldest first, of a move with top levels.
func (l *LevelLine) Set(days []LevelDay, top int) {
	l.days = append(l.days[:0], days...)
	l.top = max(top, 1)
	l.Refresh()
}

// MinSize is the width of its days and the height of the top level.
func (l *LevelLine) MinSize() fyne.Size {
	n := float32(len(l.days))
	return fyne.NewSize(n*levelDayW+max(n-1, 0)*levelGap, levelLineH+levelMarkUp)
}

// CreateRenderer draws the bars.
func (l *LevelLine) CreateRenderer() fyne.WidgetRenderer {
	r := &levelLineRenderer{l: l}
	r.Refresh()
	return r
}

type levelLineRenderer struct {
	l       *LevelLine
	objects []fyne.CanvasObject
}

func (r *levelLineRenderer) Destroy()                     {}
func (r *levelLineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *levelLineRenderer) MinSize() fyne.Size           { return r.l.MinSize() }
func (r *levelLineRenderer) Layout(fyne.Size)             { r.Refresh() }

// Refresh makes the bars anew (at most a few dozen rectangles).
func (r *levelLineRenderer) Refresh() {
	l := r.l
	primary := theme.Color(theme.ColorNamePrimary)
	r.objects = r.objects[:0]
	base := float32(levelMarkUp + levelLineH)
	for i, d := range l.days {
		x := float32(i) * (levelDayW + levelGap)
		if d.Level > 0 {
			h := float32(levelLineH) * float32(min(d.Level, l.top)) / float32(l.top)
			bar := canvas.NewRectangle(primary)
			if !d.Done {
				bar.FillColor = blend(theme.Color(theme.ColorNameBackground), primary, 0.3)
			}
			bar.Move(fyne.NewPos(x, base-h))
			bar.Resize(fyne.NewSize(levelDayW, h))
			r.objects = append(r.objects, bar)
		}
		if d.Flagged {
			mark := canvas.NewRectangle(theme.Color(theme.ColorNameError))
			mark.Move(fyne.NewPos(x, 0))
			mark.Resize(fyne.NewSize(levelDayW, levelMarkH))
			r.objects = append(r.objects, mark)
		}
	}
	canvas.Refresh(l)
}

// Days returns the days shown, oldest first.
func (l *LevelLine) Days() []LevelDay { return append([]LevelDay(nil), l.days...) }
