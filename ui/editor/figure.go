package editor

import (
	"os"
	"sync"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
)

// noFigure is the figure choice of a move without a drawing.
func noFigure() string { return lang.L("None") }

// figureChoice is one drawing of the pose library a move can show.
type figureChoice struct {
	name  string // as written in the file: figure = "bird-dogs"
	label string // as shown: "Bird Dogs · a hold"
}

// figureChoices lists the figures of the shipped pose library in its
// order, each labelled with the name of the built-in move drawn so and
// what it is drawn for (a hold, or a tempo of so many phases), so that a
// person can pick one that fits the move's dose.
func figureChoices() []figureChoice {
	base := figureBase()
	out := make([]figureChoice, len(base))
	for i, c := range base {
		what := lang.L("a hold")
		if !c.hold {
			what = lang.N("a tempo of {{.Count}} phases", c.phases, map[string]any{"Count": c.phases})
		}
		out[i] = figureChoice{name: c.name, label: lang.L("{{.Move}} · {{.Drawn}}", map[string]any{"Move": c.title, "Drawn": what})}
	}
	return out
}

// figureKind is a figure of the pose library: its name, the built-in move
// drawn so, and what it is drawn for.
type figureKind struct {
	name, title string
	hold        bool
	phases      int
}

// figureBase lists the figures of the shipped pose library in its order.
var figureBase = sync.OnceValue(func() []figureKind {
	lib := figure.Default()
	names := map[string]string{}
	l := i18n.FromEnv(os.Getenv) // the window's language
	for _, r := range []*routine.Routine{routine.DefaultIn(l), routine.Big3In(l)} {
		for _, m := range r.Moves {
			if m.Figure != "" {
				names[m.Figure] = m.Name
			}
		}
	}
	out := make([]figureKind, 0, len(lib.Order))
	for _, n := range lib.Order {
		f := lib.Figures[n]
		title := names[n]
		if title == "" {
			title = n
		}
		out = append(out, figureKind{name: n, title: title, hold: f.Hold, phases: len(f.Phases)})
	}
	return out
})

// newFigureSelect is the move form's choice of drawing: None or a figure
// of the pose library; onChange gets the figure's name ("" for none).
func newFigureSelect(onChange func(name string)) *widget.Select {
	labels := []string{noFigure()}
	for _, c := range figureChoices() {
		labels = append(labels, c.label)
	}
	return widget.NewSelect(labels, func(label string) {
		name := ""
		for _, c := range figureChoices() {
			if c.label == label {
				name = c.name
			}
		}
		onChange(name)
	})
}

// figureLabel is the label of the figure choice named name (None for ""),
// and false for a name the pose library does not have.
func figureLabel(name string) (string, bool) {
	if name == "" {
		return noFigure(), true
	}
	for _, c := range figureChoices() {
		if c.name == name {
			return c.label, true
		}
	}
	return "", false
}
