package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/internal/uitest"
)

// tapInQuestion taps the button text of the question shown over the
// editor.
func (h *editorHarness) tapInQuestion(text string) {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no question shown (wanted its %q)", text)
	}
	var found *widget.Button
	uitest.Walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("the question has no %q", text)
	}
	test.Tap(found)
	if h.win.Canvas().Overlays().Top() != nil {
		h.t.Errorf("the question stays after %q", text)
	}
}

// chooseFigure picks the figure of the move shown whose label starts with
// the move name given.
func (h *editorHarness) chooseFigure(name string) string {
	h.t.Helper()
	for _, c := range figureChoices() {
		if strings.HasPrefix(c.label, name+" · ") {
			h.ed.form.figure.SetSelected(c.label)
			return c.name
		}
	}
	h.t.Fatalf("no figure for %q", name)
	return ""
}

// madeRoutine is where TestEditorNewRoutineFromNothing keeps the routine
// it makes: the end-to-end test of cmd/spineroutine runs that very file.
const madeRoutine = "../../cmd/spineroutine/testdata/made.toml"

// A routine made from nothing: New routine, three moves, each with a
// figure chosen from the pose library, saved. After Add a move the form
// is at its top and what is typed goes into the new move's name.
func TestEditorNewRoutineFromNothing(t *testing.T) {
	h := newEditorHarness(t, library.DefaultKey)
	ed := h.ed
	test.Tap(h.findButton("New routine"))
	if len(ed.draft.Moves) != 1 || ed.sel != 0 || ed.draft.Name != "" {
		t.Fatalf("new routine: %d moves, sel %d, name %q", len(ed.draft.Moves), ed.sel, ed.draft.Name)
	}
	if !strings.Contains(ed.heading.Text, "a new routine") {
		t.Errorf("heading %q", ed.heading.Text)
	}
	if got := h.win.Canvas().Focused(); got != ed.fields["name"].entry {
		t.Fatalf("focus on %T, want the routine's name box", got)
	}
	h.win.Canvas().Focused().TypedRune('M')
	test.Type(ed.fields["name"].entry, "y evening routine")
	for key, v := range map[string]string{"get_ready": "3", "rest": "3"} { // short, for the end-to-end run
		test.Type(ed.fields[key].entry, v)
	}

	moves := []struct{ name, figure string }{{"Glute Bridge", ""}, {"Bird Dogs", ""}, {"Side Planks", ""}}
	for i := range moves {
		if i > 0 {
			ed.formScroll.ScrollToBottom()
			test.Tap(h.findButton("Add a move"))
			if ed.formScroll.Offset.Y != 0 {
				t.Errorf("move %d: the form is scrolled to %v, want its top", i+1, ed.formScroll.Offset.Y)
			}
		}
		name := ed.form.fields["name"].entry
		if i > 0 && h.win.Canvas().Focused() != name {
			t.Fatalf("move %d: focus on %T, want the new move's name box", i+1, h.win.Canvas().Focused())
		}
		test.Type(name, "My "+moves[i].name)
		ed.form.focus.SetSelected("stability")
		moves[i].figure = h.chooseFigure(moves[i].name)
		uitest.Retype(ed.form.fields["reps"].entry, "1")
		uitest.Retype(ed.form.fields["hold"].entry, "2")
		if moves[i].name == "Glute Bridge" { // drawn as a tempo of three phases
			ed.form.dose.SetSelected("Tempo")
			test.Type(ed.form.fields["tempo"].entry, "1-1-1")
		}
	}
	if ed.save.Disabled() {
		t.Fatalf("cannot save: %s %v", ed.status.Text, ed.problems)
	}
	test.Tap(ed.save)
	r := h.saved()
	if r.Name != "My evening routine" || len(r.Moves) != 3 || strings.HasPrefix(ed.key, "builtin:") {
		t.Fatalf("saved %q (%s) with %d moves", r.Name, ed.key, len(r.Moves))
	}
	for i, m := range r.Moves {
		if m.Name != "My "+moves[i].name || m.Figure != moves[i].figure {
			t.Errorf("move %d: %q with figure %q, want %q with %q", i+1, m.Name, m.Figure, "My "+moves[i].name, moves[i].figure)
		}
	}
	// The file passes `spineroutine check` (Load holds it to the same
	// rules) and runs; it is cmd/spineroutine's testdata/made.toml byte
	// for byte (go test -update rewrites it), which the end-to-end test
	// runs in the app.
	path := filepath.Join(h.lib.Dir(), ed.key)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(madeRoutine, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(madeRoutine); err != nil || string(want) != string(data) {
		t.Errorf("the routine saved differs from %s (%v):\n%s", madeRoutine, err, data)
	}
	loaded, err := routine.Load(path, figure.Shipped())
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if p, err := schedule.NewPlan(loaded, nil); err != nil || p.Total <= 0 {
		t.Errorf("plan: %v", err)
	}
	// The default routine is untouched; Undo does not go back past the
	// save.
	if e, _ := h.lib.Get(library.DefaultKey); len(e.Routine.Moves) != len(routine.Default().Moves) {
		t.Error("the built-in routine changed")
	}
	if !ed.undoBtn.Disabled() {
		t.Error("Undo enabled right after a save")
	}
}

// Redo makes again what Undo took back; a new change ends what can be
// redone.
func TestEditorRedo(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	if !ed.redoBtn.Disabled() {
		t.Error("Redo enabled with nothing undone")
	}
	test.Tap(ed.rows[2].pick)
	test.Tap(h.findButton("Remove the levels (keep the start's dose)"))
	start := ed.draft.Moves[2].Reps // the start level's
	uitest.Retype(ed.form.fields["reps"].entry, "4-4")
	test.Tap(ed.rows[1].del)
	test.Tap(ed.undoBtn)
	test.Tap(ed.undoBtn)
	if len(ed.draft.Moves) != 3 || start == "4-4" || ed.draft.Moves[2].Reps != start {
		t.Fatalf("after two undos: %d moves, reps %q, want 3 and %q", len(ed.draft.Moves), ed.draft.Moves[2].Reps, start)
	}
	test.Tap(ed.redoBtn)
	if ed.draft.Moves[2].Reps != "4-4" || ed.form.fields["reps"].entry.Text != "4-4" {
		t.Errorf("after redo: reps %q, box %q", ed.draft.Moves[2].Reps, ed.form.fields["reps"].entry.Text)
	}
	test.Tap(ed.redoBtn)
	if len(ed.draft.Moves) != 2 {
		t.Errorf("after the second redo: %d moves, want 2", len(ed.draft.Moves))
	}
	test.Tap(ed.undoBtn)
	uitest.Retype(ed.fields["rest"].entry, "20")
	if !ed.redoBtn.Disabled() {
		t.Error("Redo still enabled after a new change")
	}
}
