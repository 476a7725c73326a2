package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/figure"
	"spineroutine/internal/library"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
)

// newLibraryHarness opens the window on the Big 3 of a library in the
// harness's data directory, with more options set by more (may be nil).
func newLibraryHarness(t *testing.T, more func(*Options)) (*harness, *library.Library) {
	t.Helper()
	var lib *library.Library
	h := newHarness(t, func(o *Options) {
		var err error
		if lib, err = library.Open(t.TempDir(), figure.Shipped()); err != nil {
			t.Fatal(err)
		}
		o.Library, o.RoutineKey, o.Routine = lib, library.Big3Key, routine.Big3()
		if more != nil {
			more(o)
		}
	})
	return h, lib
}

// showTab taps the tab button named name.
func (h *harness) showTab(name string) {
	h.t.Helper()
	for _, b := range h.session().main.buttons {
		if b.Text == name {
			test.Tap(b)
			return
		}
	}
	h.t.Fatalf("no tab %q", name)
}

// problemTexts returns the texts of the labels in c, in order.
func problemTexts(c *fyne.Container) []string {
	var out []string
	uitest.Walk(c, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// A routine edited in the Routine tab is saved as the user's copy, put in
// use at once (Today, the session), and the days of a deleted move stay in
// History.
func TestRoutineTabSaveAndRun(t *testing.T) {
	h, lib := newLibraryHarness(t, nil)
	if err := h.today().list.onTick("side-planks", true); err != nil {
		t.Fatal(err)
	}
	h.showTab("Routine")
	if h.session().main.session.Visible() || !h.routines().obj.Visible() {
		t.Error("the Routine tab does not take the whole window")
	}
	ed := h.routines().editor
	ed.DeleteMove(1)
	ed.Save()
	h.sync()

	key := lib.InUse()
	if key != "mcgill-big-3-bad-day-routine-my-copy.toml" || h.inuse().key != key {
		t.Fatalf("in use %q (window %q), status %q", key, h.inuse().key, ed.Status())
	}
	if got := h.inuse().r.IDs(); !reflect.DeepEqual(got, []string{"mcgill-curl-up", "bird-dogs"}) || len(h.today().list.rows) != 2 {
		t.Errorf("window routine %v, %d checklist rows", got, len(h.today().list.rows))
	}
	for _, p := range h.routines().pickers {
		if p.sel.Selected != "McGill Big 3 (bad-day routine) (my copy)" {
			t.Errorf("picker shows %q", p.sel.Selected)
		}
	}
	// Side planks' tick of today still counts in History.
	heat := h.history().view.heat
	if n := heat.Counts[heat.Today]; n != 1 {
		t.Errorf("today's count in History: %d, want 1", n)
	}

	h.showTab("Today")
	h.w.StartPause()
	h.sync()
	plan := h.session().run.sess.Plan()
	if got := moveIDs(plan); strings.Join(got, ",") != "mcgill-curl-up,bird-dogs" {
		t.Errorf("session plan %v", got)
	}
	// Saving is refused during a session.
	ed.MoveMove(0, 1)
	ed.Save()
	if !strings.Contains(ed.Status(), "a session is under way") {
		t.Errorf("status %q", ed.Status())
	}
}

// Today's picker switches routines; a routine file with problems is
// listed with them and not used.
func TestRoutinePickerSwitchImportExport(t *testing.T) {
	h, lib := newLibraryHarness(t, nil)
	today, tab := h.routines().pickers[0], h.routines().pickers[1]
	today.sel.SetSelected("Daily back routine (built in)")
	if h.inuse().r.Name != "Daily back routine" || lib.InUse() != library.DefaultKey || h.routines().editor.Moves() != 12 {
		t.Errorf("after switching: %q, in use %q", h.inuse().r.Name, lib.InUse())
	}
	if tab.sel.Selected != "Daily back routine (built in)" {
		t.Errorf("the Routine tab's picker shows %q", tab.sel.Selected)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("name = \"Bad\"\n[[move]]\nid = \"a\"\nname = \"A\"\nfocus = \"core\"\nhold = 0\n"), 0o644)
	tab.importPath(bad)
	want := []string{"Routine file " + bad + " not imported:",
		bad + `:5: move "a": focus "core" is not one of mobility, stability, decompression, activation, strength`,
		bad + `:6: move "a": hold must be more than 0`}
	if got := problemTexts(tab.problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems shown:\n%q\nwant\n%q", got, want)
	}
	if lib.InUse() != library.DefaultKey {
		t.Error("a bad file was put in use")
	}

	good := filepath.Join(dir, "Flare-up day.toml")
	r := routine.Big3()
	r.Name = "Flare-up day"
	os.WriteFile(good, routine.Format(r), 0o644)
	tab.importPath(good)
	if lib.InUse() != "flare-up-day.toml" || h.inuse().r.Name != "Flare-up day" || len(problemTexts(tab.problems)) != 0 {
		t.Errorf("after import: in use %q, window %q", lib.InUse(), h.inuse().r.Name)
	}

	out := filepath.Join(dir, "exported.toml")
	tab.exportPath(out)
	if back, err := routine.Load(out, figure.Shipped()); err != nil || back.Name != "Flare-up day" {
		t.Errorf("exported file: %v", err)
	}
	if got, want := problemTexts(tab.problems), []string{"Exported to " + out + "."}; !reflect.DeepEqual(got, want) {
		t.Errorf("after the export the picker shows %q, want %q", got, want)
	}
}

// The Routine tab as a person sees it in the window.
func TestRoutineTabGolden(t *testing.T) {
	uitest.FreshRenderCache()
	h, _ := newLibraryHarness(t, nil)
	h.app.Preferences().SetBool(safetyPref, true)
	h.session().notes.clear("safety")
	h.showTab("Routine")
	h.routines().editor.SelectMove(1)
	test.AssertRendersToImage(t, "routine-tab.png", h.win().Canvas())
}

// A renamed move keeps its id, so today's tick stays on it.
func TestRenamedMoveKeepsItsTicks(t *testing.T) {
	h, _ := newLibraryHarness(t, nil)
	if err := h.today().list.onTick("bird-dogs", true); err != nil {
		t.Fatal(err)
	}
	ed := h.routines().editor
	ed.SelectMove(2)
	ed.SetField("name", "Bird Dog (slow)")
	ed.Save()
	h.sync()
	row := h.today().list.rows[2]
	if row.move.ID != "bird-dogs" || row.move.Name != "Bird Dog (slow)" || !row.done.Checked {
		t.Errorf("row %q (%s) ticked %v", row.move.Name, row.move.ID, row.done.Checked)
	}
}

// A routine file damaged by hand is listed with its problems, never used
// and never written over.
func TestDamagedRoutineListed(t *testing.T) {
	h, lib := newLibraryHarness(t, nil)
	bad := []byte("name = \"Mine\"\n[[move]]\nid = \"m\"\nname = \"M\"\nfocus = \"mobility\"\nreps = 0\nhold = 5\n")
	path := filepath.Join(lib.Dir(), "mine.toml")
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	p := h.routines().pickers[0]
	p.show(h.inuse().key)
	if !slices.Contains(p.sel.Options, "mine.toml (has problems)") {
		t.Fatalf("options %q", p.sel.Options)
	}
	p.sel.SetSelected("mine.toml (has problems)")
	want := []string{"mine.toml (has problems) was not put in use:", path + `:6: move "m": reps must be at least 1`}
	if got := problemTexts(p.problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q\nwant %q", got, want)
	}
	if h.inuse().key != library.Big3Key || p.sel.Selected != "McGill Big 3 (bad-day routine) (built in)" {
		t.Errorf("in use %q, picker shows %q", h.inuse().key, p.sel.Selected)
	}
	if data, _ := os.ReadFile(path); string(data) != string(bad) {
		t.Error("the damaged file changed")
	}
}

// The Routine tab deletes the user's routine in use after asking: it
// leaves the list, its file is kept in the deleted folder, and the
// built-in daily routine is in use and edited. Built-in routines cannot
// be deleted.
func TestRoutineTabDelete(t *testing.T) {
	h, lib := newLibraryHarness(t, nil)
	h.showTab("Routine")
	tab, ed := h.routines().pickers[1], h.routines().editor
	if !tab.del.Disabled() {
		t.Error("Delete is offered for a built-in routine")
	}
	if !ed.SetField("name", "Mine") {
		t.Fatal("no name box")
	}
	ed.Save()
	key := lib.InUse()
	if tab.del.Disabled() {
		t.Fatalf("Delete is not offered for the saved copy %q", key)
	}
	test.Tap(tab.del)
	tapDialogButton(t, h, "Yes")
	if entries, _ := lib.List(); len(entries) != 2 {
		t.Errorf("library lists %d routines after the delete, want the 2 built in", len(entries))
	}
	if _, err := os.Stat(filepath.Join(lib.Dir(), library.DeletedDir, key)); err != nil {
		t.Errorf("the deleted routine's file was not kept: %v", err)
	}
	if lib.InUse() != library.DefaultKey || h.inuse().r.Name != "Daily back routine" || ed.Key() != library.DefaultKey {
		t.Errorf("in use %q, window %q, editing %q: want the built-in daily routine", lib.InUse(), h.inuse().r.Name, ed.Key())
	}
	if !tab.del.Disabled() {
		t.Error("Delete is still offered, now for a built-in routine")
	}
	if _, ok := h.session().notes.byKey["routine"]; !ok {
		t.Error("no banner says where the deleted routine's file is kept")
	}
	// Once another routine is put in use the banner is old news.
	if err := h.routines().choose(library.Big3Key); err != nil {
		t.Fatal(err)
	}
	if _, ok := h.session().notes.byKey["routine"]; ok {
		t.Error("the banner about the deleted routine stays after another routine is chosen")
	}
}
