package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"spineroutine/internal/library"
)

// The editor holds a routine to the rules `spineroutine check` applies,
// figures included: a move whose drawing is of a hold cannot be saved as a
// tempo move; the problem is shown on the move and Save stays off.
func TestEditorChecksFigures(t *testing.T) {
	h := newEditorHarness(t, library.Big3Key)
	ed := h.ed
	test.Tap(ed.rows[0].pick) // McGill Curl-Up: a hold, drawn as one
	test.Tap(h.findButton("Remove the levels (keep the start's dose)"))
	ed.form.dose.SetSelected("Tempo")
	test.Type(ed.form.fields["tempo"].entry, "2-2")
	if !ed.save.Disabled() {
		t.Error("Save enabled for a tempo move drawn as a hold")
	}
	if p := ed.form.figureProblem; !strings.Contains(p.Text(), `figure "mcgill-curl-up" is drawn for a hold`) {
		t.Errorf("beside the figure: %q, want the figure's problem", p.Text())
	}
	// A figure drawn for a tempo of two phases fits: Save comes back.
	var fits string
	for _, c := range figureChoices() {
		if strings.HasSuffix(c.label, "a tempo of 2 phases") {
			fits = c.label
		}
	}
	if fits == "" {
		t.Fatal("no figure of two phases in the pose library")
	}
	ed.form.figure.SetSelected(fits)
	if ed.save.Disabled() || ed.form.figureProblem.Row.Visible() {
		t.Errorf("Save still off with the figure %q: %s", fits, ed.status.Text)
	}
	if got := ed.draft.Moves[0].Figure; got == "" || got == "mcgill-curl-up" {
		t.Errorf("the draft's figure is %q after choosing %q", got, fits)
	}
}
