package editor

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"

	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// editorHarness is the routine editor in a test window, saving to a
// library in a temporary data directory.
type editorHarness struct {
	t   *testing.T
	lib *library.Library
	ed  *Editor
	win fyne.Window
}

func newEditorHarness(t *testing.T, key string) *editorHarness {
	t.Helper()
	test.NewTempApp(t)
	lib, err := library.Open(t.TempDir(), figure.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	h := &editorHarness{t: t, lib: lib}
	e, err := lib.Get(key)
	if err != nil || e.Err != nil {
		t.Fatal(err, e.Err)
	}
	h.ed = New(e.Key, e.BuiltIn, e.Routine, Options{
		Save: func(key string, r *routine.Routine) (string, *routine.Routine, error) {
			k, err := lib.Save(key, r)
			if err != nil {
				return "", nil, err
			}
			s, err := lib.Get(k)
			return k, s.Routine, err
		},
		Builtin: library.Origin,
	})
	h.win = test.NewWindow(h.ed.obj)
	h.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(h.win.Close)
	return h
}

// saved loads the routine the editor saved last.
func (h *editorHarness) saved() *routine.Routine {
	h.t.Helper()
	e, err := h.lib.Get(h.ed.key)
	if err != nil || e.Err != nil {
		h.t.Fatalf("saved routine %q: %v %v", h.ed.key, err, e.Err)
	}
	return e.Routine
}

// The "done when": lower a move's reps, change a hold, reorder two
// moves, switch one off, add a move with cues, save; the file passes check.
func TestEditorMakesARoutine(t *testing.T) {
	h := newEditorHarness(t, library.DefaultKey)
	ed := h.ed
	if !ed.save.Disabled() {
		t.Error("Save enabled with nothing changed")
	}

	test.Tap(ed.rows[10].pick) // Bird Dogs: the dose of their start level
	uitest.Retype(startBox(ed, "reps").entry, "4-4")
	if got := ed.rows[10].time.Text; got != "3:28" {
		t.Errorf("bird dogs' time %q after typing 4-4", got)
	}
	test.Tap(ed.rows[4].pick) // High Plank
	uitest.Retype(startBox(ed, "hold").entry, "15")
	test.Tap(ed.rows[1].down) // Psoas March after W-Rows
	test.Tap(ed.rows[3].on)   // QL Hang Stretch off
	test.Tap(h.findButton("Add a move"))
	if ed.sel != 12 || !ed.form.fields["name"].problem.Row.Visible() {
		t.Fatalf("new move not shown with its problems (sel %d)", ed.sel)
	}
	test.Type(ed.form.fields["name"].entry, "Cat-Camel")
	ed.form.focus.SetSelected("mobility")
	test.Type(ed.form.fields["steps"].entry, "On hands and knees\nRound the back, then let it sag")
	ed.form.dose.SetSelected("Tempo")
	test.Type(ed.form.fields["tempo"].entry, "2-2")
	if ed.save.Disabled() {
		t.Fatalf("Save disabled: %s", ed.status.Text)
	}
	test.Tap(ed.save)

	r := h.saved()
	if r.Name != "Daily back routine (my copy)" || ed.builtIn || !strings.Contains(ed.status.Text, "Saved as your own routine") {
		t.Errorf("saved %q (status %q)", r.Name, ed.status.Text)
	}
	wantIDs := []string{"overhead-band-stretch", "w-rows", "psoas-march", "high-plank", "self-decompression", "glute-bridge",
		"mcgill-curl-up", "pause-goblet-squat", "side-planks", "bird-dogs", "staggered-hip-hinge-stretch", "cat-camel"}
	if !reflect.DeepEqual(r.IDs(), wantIDs) {
		t.Errorf("ids %v", r.IDs())
	}
	bird, _ := r.Find("bird-dogs")
	plank, _ := r.Find("high-plank")
	cat, _ := r.Find("cat-camel")
	if !reflect.DeepEqual(bird.Reps, []int{4, 4}) || plank.Hold != 15*time.Second {
		t.Errorf("bird dogs %v, plank hold %v", bird.Reps, plank.Hold)
	}
	if len(r.Off) != 1 || r.Off[0].Move.ID != "ql-hang-stretch" || r.Off[0].At != 3 {
		t.Errorf("off %+v", r.Off)
	}
	if cat.Focus != routine.Mobility || len(cat.Steps) != 2 || !reflect.DeepEqual(cat.Tempo, []time.Duration{2 * time.Second, 2 * time.Second}) {
		t.Errorf("cat-camel %+v", cat)
	}
	if !ed.save.Disabled() || ed.Dirty() {
		t.Error("still dirty after saving")
	}
	// Saving again writes the same file.
	uitest.Retype(ed.fields["rest"].entry, "25")
	test.Tap(ed.save)
	if r := h.saved(); r.Rest != 25*time.Second || h.ed.key != "daily-back-routine-my-copy.toml" {
		t.Errorf("second save: rest %v key %q", r.Rest, h.ed.key)
	}
}

// startBox is the box of key in the start level of the move shown.
func startBox(ed *Editor, key string) *editField {
	m := ed.draft.Moves[ed.sel]
	return ed.form.levels.boxes[m.Start()-1].fields[key]
}

// findButton returns the button of the editor labelled text.
func (h *editorHarness) findButton(text string) *widgets.KeyButton {
	h.t.Helper()
	var found *widgets.KeyButton
	uitest.Walk(h.ed.obj, func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.KeyButton); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no button %q", text)
	}
	return found
}

// A bad value says what is wrong beside its box and is never saved.
func TestEditorBadValues(t *testing.T) {
	tests := []struct {
		name  string
		move  int // 0-based; -1 for the routine's boxes
		key   string
		text  string
		shown string
	}{
		{"hold as text", 4, "hold", "ten", "hold must be a number of seconds (like 10), not text"},
		{"negative hold", 4, "hold", "-3", "hold must not be negative"},
		{"zero in a pyramid", 10, "reps", "6-0-2", "reps of set 2 must be at least 1"},
		{"empty reps", 10, "reps", "", "reps is empty; give a number or a list like 6-4-2"},
		{"empty tempo", 1, "tempo", "", "tempo is empty; give the seconds of each phase, like 3-3-2"},
		{"tempo phase zero", 0, "tempo", "2-0", "tempo phase 2 must be more than 0"},
		{"empty move name", 2, "name", " ", "name is empty"},
		{"rest between moves", -1, "rest", "half a minute", "rest must be a number of seconds (like 10), not text"},
		{"routine name", -1, "name", "", "name is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newEditorHarness(t, library.DefaultKey)
			ed := h.ed
			if tt.move >= 0 {
				test.Tap(ed.rows[tt.move].pick)
			}
			// The box shown now (Undo draws the levels' boxes anew).
			shown := func() *editField {
				switch {
				case tt.move >= 0 && slices.Contains([]string{"reps", "hold", "tempo"}, tt.key):
					return startBox(ed, tt.key) // the shipped moves have levels
				case tt.move >= 0:
					return ed.form.fields[tt.key]
				}
				return ed.fields[tt.key]
			}
			box := shown()
			uitest.Retype(box.entry, tt.text)
			if got := box.problem.Text(); got != tt.shown {
				t.Errorf("beside the box: %q, want %q", got, tt.shown)
			}
			if !ed.save.Disabled() || !strings.HasPrefix(ed.status.Text, "Not saved: 1 problem") {
				t.Errorf("save enabled %v, status %q", !ed.save.Disabled(), ed.status.Text)
			}
			if tt.move >= 0 && !ed.rows[tt.move].problem.Visible() {
				t.Error("the move's row has no problem mark")
			}
			ed.Save()
			if keys, _ := h.lib.List(); len(keys) != 2 {
				t.Errorf("a routine was saved: %d entries", len(keys))
			}
			// Fixing the value clears the problem.
			ed.Undo()
			if box = shown(); box.problem.Text() != "" || len(ed.problems) != 0 {
				t.Errorf("after Undo: %q, %v", box.problem.Text(), ed.problems)
			}
		})
	}
}

// Undo takes back the last change: typing in one box is one change.
func TestEditorUndo(t *testing.T) {
	h := newEditorHarness(t, library.DefaultKey)
	ed := h.ed
	if !ed.undoBtn.Disabled() {
		t.Error("Undo enabled with nothing to undo")
	}
	test.Tap(ed.rows[10].pick)
	uitest.Retype(startBox(ed, "reps").entry, "3")
	test.Tap(ed.rows[0].del)
	if len(ed.draft.Moves) != 11 {
		t.Fatalf("%d moves after a delete", len(ed.draft.Moves))
	}
	birdReps := func() string { m := ed.draft.Moves[10]; return m.Levels[m.Start()-1].Reps }
	test.Tap(ed.undoBtn)
	if len(ed.draft.Moves) != 12 || birdReps() != "3" {
		t.Errorf("after one Undo: %d moves, bird dogs %q", len(ed.draft.Moves), birdReps())
	}
	test.Tap(ed.undoBtn)
	if birdReps() != "6-4-2" || ed.Dirty() || !ed.undoBtn.Disabled() {
		t.Errorf("after two: bird dogs %q, dirty %v", birdReps(), ed.Dirty())
	}
	if got := startBox(ed, "reps").entry.Text; got != "6-4-2" {
		t.Errorf("the box shows %q", got)
	}
}

// Duplicate adds a copy with its own id; Reset brings back the built-in
// routine into the user's file.
func TestEditorDuplicateAndReset(t *testing.T) {
	h := newEditorHarness(t, library.DefaultKey)
	ed := h.ed
	test.Tap(ed.rows[7].dup)
	test.Tap(ed.rows[0].del)
	test.Tap(ed.save)
	r := h.saved()
	if len(r.Moves) != 12 || r.Moves[7].ID != "mcgill-curl-up-copy" || r.Moves[7].Name != "McGill Curl-Up (copy)" {
		t.Errorf("ids %v", r.IDs())
	}
	if ed.reset.Disabled() {
		t.Fatal("Reset disabled on a changed routine")
	}
	test.Tap(ed.reset) // asks first
	h.tapInQuestion("Cancel")
	if len(ed.draft.Moves) != 12 || ed.draft.Moves[7].ID != "mcgill-curl-up-copy" {
		t.Fatal("Cancel reset the draft")
	}
	test.Tap(ed.reset)
	h.tapInQuestion("Reset")
	test.Tap(ed.save)
	r = h.saved()
	if r.Name != "Daily back routine (my copy)" || !reflect.DeepEqual(r.IDs(), routine.Default().IDs()) {
		t.Errorf("after Reset: %q %v, want the built-in moves under the routine's own name", r.Name, r.IDs())
	}
	if got := ed.heading.Text; got != `Editing "Daily back routine (my copy)".` {
		t.Errorf("heading %q", got)
	}
	if !ed.reset.Disabled() {
		t.Error("Reset enabled on the built-in routine as it is")
	}
}

// The editor as a person sees it: the list of moves, a move's form with a
// problem beside its box.
func TestEditorGolden(t *testing.T) {
	uitest.FreshRenderCache()
	h := newEditorHarness(t, library.Big3Key)
	test.Tap(h.ed.rows[2].pick)
	uitest.Retype(h.ed.form.fields["name"].entry, "")
	test.AssertRendersToImage(t, "editor.png", h.win.Canvas())
}

var update = flag.Bool("update", false, "rewrite the golden text files (images: see test.AssertRendersToImage)")

// editedRoutine is where TestEditorMakesTheE2ERoutine keeps the routine it
// makes: the end-to-end test of cmd/spineroutine runs that very file.
const editedRoutine = "../../cmd/spineroutine/testdata/edited.toml"

// A short routine made only through the editor, from the built-in Big 3:
// the file saved must be testdata/edited.toml of cmd/spineroutine byte for
// byte (go test -update rewrites it), which the end-to-end test runs.
func TestEditorMakesTheE2ERoutine(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	uitest.Retype(ed.fields["name"].entry, "Made in the editor")
	for key, v := range map[string]string{"get_ready": "3", "rest": "4", "switch": "3", "between_sets": "3"} {
		uitest.Retype(ed.fields[key].entry, v)
	}
	test.Tap(ed.rows[0].on) // McGill Curl-Up off
	// Each move keeps only its start level's dose, as its own.
	for i := range 3 {
		test.Tap(ed.rows[i].pick)
		test.Tap(h.findButton("Remove the levels (keep the start's dose)"))
	}
	test.Tap(ed.rows[1].pick)
	uitest.Retype(ed.form.fields["reps"].entry, "1")
	uitest.Retype(ed.form.fields["hold"].entry, "4")
	uitest.Retype(ed.form.fields["between_reps"].entry, "")
	uitest.Retype(ed.form.fields["between_sets"].entry, "")
	test.Tap(ed.rows[2].pick)
	uitest.Retype(ed.form.fields["reps"].entry, "2")
	ed.form.dose.SetSelected("Tempo")
	uitest.Retype(ed.form.fields["tempo"].entry, "1-1")
	if !ed.form.figureProblem.Row.Visible() {
		t.Errorf("no problem shown beside the figure, drawn as a hold, of a tempo move: %v", ed.problems)
	}
	ed.form.figure.SetSelected(noFigure())
	uitest.Retype(ed.form.fields["between_reps"].entry, "1")
	uitest.Retype(ed.form.fields["between_sets"].entry, "")
	test.Tap(h.findButton("Add a move"))
	test.Type(ed.form.fields["name"].entry, "Cat-Camel")
	ed.form.focus.SetSelected("mobility")
	test.Type(ed.form.fields["about"].entry, "Rounding and arching the back on hands and knees, gently.")
	test.Type(ed.form.fields["steps"].entry, "Hands under the shoulders\nRound the back up, then let it sag")
	uitest.Retype(ed.form.fields["reps"].entry, "2")
	ed.form.dose.SetSelected("Tempo")
	test.Type(ed.form.fields["tempo"].entry, "1-1")
	test.Tap(ed.rows[3].up) // before Bird Dogs
	if ed.save.Disabled() {
		t.Fatalf("cannot save: %s %v", ed.status.Text, ed.problems)
	}
	if got := ed.total.Text; got != "0:37 for 3 moves" {
		t.Errorf("total %q", got)
	}
	test.Tap(ed.save)
	data, err := os.ReadFile(filepath.Join(h.lib.Dir(), h.ed.key))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(editedRoutine, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(editedRoutine)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if string(data) != string(want) {
		t.Errorf("the routine saved differs from %s:\n%s", editedRoutine, data)
	}
}

// BenchmarkEditorKeystroke is the work of one key typed in a box of the
// default routine's editor: check the whole draft, the time of every move,
// the problems and the layout.
func BenchmarkEditorKeystroke(b *testing.B) {
	test.NewTempApp(b)
	ed := New(library.DefaultKey, true, routine.Default(), Options{Builtin: library.Origin})
	w := test.NewWindow(ed.obj)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	test.Tap(ed.rows[10].pick)
	reps := startBox(ed, "reps").entry
	b.ResetTimer()
	for i := range b.N {
		reps.SetText([]string{"6-4-2", "6-4-"}[i%2])
	}
}
