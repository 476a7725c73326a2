package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/library"
	"spineroutine/ui/internal/uitest"
)

// closingHarness opens the window on the Big 3 of a library, with an
// OnClose that counts, and edits the routine without saving.
func closingHarness(t *testing.T) (h *harness, lib *library.Library, closes *int) {
	t.Helper()
	closes = new(int)
	h, lib = newLibraryHarness(t, func(o *Options) { o.OnClose = func() { *closes++ } })
	h.showTab("Routine")
	h.routines().editor.DeleteMove(1) // the side planks
	if !h.routines().editor.Dirty() {
		t.Fatal("the edit left the editor clean")
	}
	return h, lib, closes
}

// tapDialogButton taps the button labelled text of the dialog on top.
func tapDialogButton(t *testing.T, h *harness, text string) {
	t.Helper()
	found := false
	uitest.Walk(h.win().Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !found {
			found = true
			test.Tap(b)
		}
	})
	if !found {
		t.Fatalf("no %q button in the dialog", text)
	}
}

// builtInsOnly checks that nothing was saved: the library lists the two
// built-in routines alone.
func builtInsOnly(t *testing.T, lib *library.Library) {
	t.Helper()
	if keys, _ := lib.List(); len(keys) != 2 {
		t.Errorf("library holds %d routines, want the 2 built in", len(keys))
	}
}

// Closing the window with unsaved changes in the Routine tab asks first:
// Cancel keeps the window and the changes, "Close without saving" closes
// without writing anything, Save writes the routine and closes.
func TestCloseAsksAboutUnsavedChanges(t *testing.T) {
	for _, tt := range []struct {
		button string
		closes int
		saved  bool
	}{
		{"Cancel", 0, false},
		{"Close without saving", 1, false},
		{"Save", 1, true},
	} {
		t.Run(tt.button, func(t *testing.T) {
			h, lib, closes := closingHarness(t)
			h.w.requestClose()
			if h.win().Canvas().Overlays().Top() == nil {
				t.Fatal("no question about the unsaved changes")
			}
			tapDialogButton(t, h, tt.button)
			if *closes != tt.closes {
				t.Errorf("closes %d, want %d", *closes, tt.closes)
			}
			if !tt.saved {
				builtInsOnly(t, lib)
				if tt.closes == 0 && !h.routines().editor.Dirty() {
					t.Error("the changes were dropped, the window kept")
				}
				return
			}
			e, err := lib.Get(lib.InUse())
			if err != nil || e.BuiltIn || len(e.Routine.Moves) != 2 { // the side planks deleted
				t.Fatalf("in use %q (%v): the edit was not saved", lib.InUse(), err)
			}
		})
	}
	t.Run("clean", func(t *testing.T) {
		closes := 0
		h := newHarness(t, func(o *Options) { o.OnClose = func() { closes++ } })
		h.w.requestClose()
		if asked := h.win().Canvas().Overlays().Top() != nil; closes != 1 || asked {
			t.Errorf("closes %d, dialog %v: a clean window closes at once", closes, asked)
		}
	})
}
