package editor

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/widgets"
)

// levelTexts lists the reps typed in each level box of the move shown.
func levelTexts(ed *Editor) []string {
	var out []string
	for _, b := range ed.form.levels.boxes {
		out = append(out, b.fields["reps"].entry.Text)
	}
	return out
}

// The levels of a shipped move: each level's time as the routine says it
// lasts at that level, edited, reordered, added, removed, the start and
// the top set, undone, saved; the saved file has the ladder.
func TestEditorLevels(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	test.Tap(ed.rows[2].pick) // Bird Dogs: 3-2-1 up to 8-6-4, start 4
	bird := routine.Big3().Moves[2]
	lf := ed.form.levels
	if len(lf.boxes) != 6 || ed.form.ownDose.Visible() || lf.add.Visible() || lf.start.Selected != "Level 4" || lf.top.Selected != "Level 6" {
		t.Fatalf("%d level boxes, own dose shown %v, Add levels shown %v, start %q, top %q",
			len(lf.boxes), ed.form.ownDose.Visible(), lf.add.Visible(), lf.start.Selected, lf.top.Selected)
	}
	for k, b := range lf.boxes {
		want := "This level: " + widgets.FormatClock(bird.AtLevel(k+1).Duration(5*time.Second))
		if b.time.Text != want {
			t.Errorf("level %d: %q, want %q", k+1, b.time.Text, want)
		}
	}
	if got := lf.boxes[3].title.Text; got != "Level 4 of 6 · start" {
		t.Errorf("the start level's title %q", got)
	}
	if !lf.boxes[0].easier.Checked || lf.boxes[1].easier.Checked {
		t.Error("level 1 is not shown as the easier variant, or level 2 is")
	}
	if got := ed.form.time.Text; got != "This move: 5:22 at level 4 of 6" {
		t.Errorf("move time %q", got)
	}

	// A level's dose as typed: its time follows, the move's does not.
	uitest.Retype(lf.boxes[4].fields["reps"].entry, "7-5-4")
	if got := lf.boxes[4].time.Text; got != "This level: 6:58" { // 394 s + 2 x (10 + 2): a rep more each side
		t.Errorf("level 5 after 7-5-4: %q", got)
	}
	if got := ed.rows[2].time.Text; got != "5:22" {
		t.Errorf("the move's time changed with a level above its start: %q", got)
	}
	// Starting at level 5: the move and the routine's total follow.
	lf.start.SetSelected("Level 5")
	if got := ed.rows[2].time.Text; got != "6:58" || ed.total.Text != "16:27 for 3 moves at their start levels" {
		t.Errorf("at level 5: the move %q, total %q", got, ed.total.Text)
	}
	// A top below the start is refused beside the top.
	lf.top.SetSelected("Level 3")
	if got := lf.startProblem.Text(); got != "start_level 5 is above top_level 3; a new user cannot start above the top" {
		t.Errorf("start above the top: %q", got)
	}
	if !ed.save.Disabled() {
		t.Error("Save enabled with the start above the top")
	}
	test.Tap(ed.undoBtn)
	if lf = ed.form.levels; lf.top.Selected != "Level 6" || lf.startProblem.Text() != "" {
		t.Errorf("after Undo: top %q, problem %q", lf.top.Selected, lf.startProblem.Text())
	}

	// A bad value in a level is shown beside its box, with the level.
	uitest.Retype(lf.boxes[1].fields["hold"].entry, "0")
	if got := lf.boxes[1].fields["hold"].problem.Text(); got != "hold must be more than 0" {
		t.Errorf("beside level 2's hold: %q", got)
	}
	if lf.boxes[2].fields["hold"].problem.Text() != "" || ed.form.fields["hold"].problem.Text() != "" || !ed.rows[2].problem.Visible() {
		t.Error("the problem is shown beside another box, or not marked on the move")
	}
	test.Tap(ed.undoBtn)

	// Reorder, add, remove: the start stays on its dose.
	lf = ed.form.levels
	test.Tap(lf.boxes[4].up) // 7-5-4 below 6-4-2; the start (level 5) follows it
	lf = ed.form.levels
	if got := levelTexts(ed); !reflect.DeepEqual(got, []string{"3-2-1", "4-3-2", "5-3-1", "7-5-4", "6-4-2", "8-6-4"}) || lf.start.Selected != "Level 4" {
		t.Errorf("after moving level 5 down: %v, start %q", got, lf.start.Selected)
	}
	test.Tap(lf.boxes[3].down)
	test.Tap(h.findButton("Add a level"))
	if got := levelTexts(ed); len(got) != 7 || got[6] != "8-6-4" {
		t.Errorf("after Add a level: %v", got)
	}
	lf = ed.form.levels
	test.Tap(lf.boxes[0].del)
	lf = ed.form.levels
	if got := levelTexts(ed); !reflect.DeepEqual(got, []string{"4-3-2", "5-3-1", "6-4-2", "7-5-4", "8-6-4", "8-6-4"}) || lf.start.Selected != "Level 4" {
		t.Errorf("after removing level 1: %v, start %q", got, lf.start.Selected)
	}
	test.Tap(ed.undoBtn)
	if got := levelTexts(ed); len(got) != 7 || got[0] != "3-2-1" {
		t.Errorf("Undo did not bring level 1 back: %v", got)
	}
	lf = ed.form.levels
	uitest.Retype(lf.boxes[6].fields["reps"].entry, "9-7-5")
	lf.top.SetSelected("Level 6")
	test.Tap(ed.save)

	saved, _ := h.saved().Find("bird-dogs")
	var reps [][]int
	for _, l := range saved.Levels {
		reps = append(reps, l.Reps)
	}
	want := [][]int{{3, 2, 1}, {4, 3, 2}, {5, 3, 1}, {6, 4, 2}, {7, 5, 4}, {8, 6, 4}, {9, 7, 5}}
	if !reflect.DeepEqual(reps, want) || saved.StartLevel != 5 || saved.TopLevel != 6 || !reflect.DeepEqual(saved.Reps, []int{7, 5, 4}) {
		t.Errorf("saved: levels %v, start %d, top %d, dose %v", reps, saved.StartLevel, saved.TopLevel, saved.Reps)
	}
	if !saved.Levels[0].Easier || saved.Levels[1].Easier {
		t.Error("the easier variant moved")
	}
}

// A move without levels works as before; "Add levels" makes its dose level
// 1, and removing the levels gives the start's dose back to the move.
func TestEditorAddLevels(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	test.Tap(h.findButton("Add a move"))
	test.Type(ed.form.fields["name"].entry, "Cat-Camel")
	ed.form.focus.SetSelected("mobility")
	ed.form.dose.SetSelected("Tempo")
	test.Type(ed.form.fields["tempo"].entry, "2-2")
	lf := ed.form.levels
	if !lf.add.Visible() || lf.ladder.Visible() || !ed.form.ownDose.Visible() || ed.form.time.Text != "This move: 0:32" {
		t.Fatalf("a move without levels: Add levels %v, ladder %v, own dose %v, %q", lf.add.Visible(), lf.ladder.Visible(),
			ed.form.ownDose.Visible(), ed.form.time.Text)
	}
	undos := len(ed.undo)
	test.Tap(lf.add)
	lf = ed.form.levels
	if len(lf.boxes) != 1 || ed.form.ownDose.Visible() || lf.boxes[0].fields["reps"].entry.Text != "8" ||
		lf.boxes[0].fields["tempo"].entry.Text != "2-2" || lf.boxes[0].dose.Selected != "Tempo" || len(ed.undo) != undos+1 {
		t.Fatalf("after Add levels: %d boxes, %v", len(lf.boxes), levelTexts(ed))
	}
	if got := lf.boxes[0].time.Text; got != "This level: 0:32" || ed.form.time.Text != "This move: 0:32 at level 1 of 1" {
		t.Errorf("level 1 %q, move %q", got, ed.form.time.Text)
	}
	test.Tap(h.findButton("Add a level"))
	lf = ed.form.levels
	uitest.Retype(lf.boxes[1].fields["reps"].entry, "12")
	lf.start.SetSelected("Level 2")
	if got := ed.rows[3].time.Text; got != "0:48" {
		t.Errorf("the move at level 2 (12 x 4 s): %q", got)
	}
	test.Tap(h.findButton("Remove the levels (keep the start's dose)"))
	if lf = ed.form.levels; !lf.add.Visible() || ed.form.fields["reps"].entry.Text != "12" || ed.rows[3].time.Text != "0:48" {
		t.Errorf("after removing the levels: reps %q, time %q", ed.form.fields["reps"].entry.Text, ed.rows[3].time.Text)
	}
	test.Tap(lf.add)
	for range routine.MaxLevels - 1 {
		test.Tap(h.findButton("Add a level"))
	}
	if lf = ed.form.levels; len(lf.boxes) != routine.MaxLevels || !lf.addLevel.Disabled() || ed.save.Disabled() {
		t.Errorf("%d levels; Add a level enabled %v, Save enabled %v", len(lf.boxes), !lf.addLevel.Disabled(), !ed.save.Disabled())
	}
	test.Tap(ed.undoBtn)
	if lf = ed.form.levels; len(lf.boxes) != routine.MaxLevels-1 || lf.addLevel.Disabled() {
		t.Errorf("after Undo: %d levels; Add a level enabled %v", len(lf.boxes), !lf.addLevel.Disabled())
	}
	test.Tap(h.findButton("Remove the levels (keep the start's dose)"))
	test.Tap(ed.save)
	cat, _ := h.saved().Find("cat-camel")
	if len(cat.Levels) != 0 || !reflect.DeepEqual(cat.Reps, []int{12}) {
		t.Errorf("saved cat-camel: %d levels, reps %v", len(cat.Levels), cat.Reps)
	}
}

// Duplicating a move copies its levels; editing the copy leaves the
// original's alone.
func TestEditorDuplicateLevels(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	test.Tap(ed.rows[0].dup)
	uitest.Retype(ed.form.levels.boxes[0].fields["reps"].entry, "2-1")
	if got := ed.draft.Moves[0].Levels[0].Reps; got != "3-2-1" {
		t.Errorf("the original's level 1 became %q", got)
	}
}

// The editor with a move's levels, one with a problem beside its box.
func TestEditorLevelsGolden(t *testing.T) {
	uitest.FreshRenderCache()
	h := newEditorHarness(t, library.Big3Key)
	h.win.Resize(fyne.NewSize(1280, 1600))
	test.Tap(h.ed.rows[0].pick) // McGill Curl-Up
	uitest.Retype(h.ed.form.levels.boxes[1].fields["hold"].entry, "0")
	test.AssertRendersToImage(t, "editor-levels.png", h.win.Canvas())
}
