package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"spineroutine/internal/journal"
)

// nameActivities types the activities into History's section and keeps
// them.
func nameActivities(t *testing.T, h *harness, names ...string) *functionHistory {
	t.Helper()
	h.today().plan.function.historySection()
	fh := h.today().plan.function.history
	for i, e := range fh.entries {
		e.SetText("")
		if i < len(names) {
			test.Type(e, names[i])
		}
	}
	test.Tap(fh.keep)
	return fh
}

// TestFunctionNamingActivities names activities in History: they are
// kept (blanks and repeats dropped), a name too long is refused with a
// message, and they can be changed.
func TestFunctionNamingActivities(t *testing.T) {
	h := newHarness(t, nil)
	fh := nameActivities(t, h, "Putting on socks", "", "Sitting 30 minutes", "Putting on socks")
	if got := h.today().plan.function.activities(); !slices.Equal(got, []string{"Putting on socks", "Sitting 30 minutes"}) {
		t.Errorf("activities %q", got)
	}
	if fh.status.Text != "Kept: 2 activities." || !fh.rateNow.Visible() {
		t.Errorf("status %q, rate-now shown %v", fh.status.Text, fh.rateNow.Visible())
	}
	nameActivities(t, h, strings.Repeat("x", maxActivity+1))
	if !strings.Contains(fh.problem.Text(), "at most 80") {
		t.Errorf("a name too long: %q", fh.problem.Text())
	}
	if got := h.today().plan.function.activities(); len(got) != 2 {
		t.Errorf("a refused change changed the activities: %q", got)
	}
	nameActivities(t, h, "Walking to the shop")
	if got := h.today().plan.function.activities(); !slices.Equal(got, []string{"Walking to the shop"}) {
		t.Errorf("activities after a change %q", got)
	}
}

// TestFunctionWeeklyOffer: with activities named, Start first asks for
// the week's ratings, rated from the keyboard (a digit, T for 10); they
// are journalled, the session starts, History lists them, and the next
// Start of the week asks nothing.
func TestFunctionWeeklyOffer(t *testing.T) {
	h := newHarness(t, nil)
	nameActivities(t, h, "Putting on socks", "Sitting 30 minutes")
	h.w.StartPause()
	o := h.today().plan.function.dialog
	if o == nil || h.w.State().UnderWay() {
		t.Fatalf("Start did not ask first: offer %v, session running %v", o != nil, h.w.State().UnderWay())
	}
	cv := h.win().Canvas()
	cv.OnTypedRune()('4')
	cv.OnTypedRune()('t')
	cv.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !h.w.State().UnderWay() || h.today().plan.function.dialog != nil {
		t.Fatalf("after the ratings: session running %v, offer shown %v", h.w.State().UnderWay(), h.today().plan.function.dialog != nil)
	}
	today := journal.Today(h.clock.Now())
	got := h.j.Ratings(today)
	if len(got) != 2 || got[0].Activity != "Putting on socks" || got[0].Score != 4 ||
		got[1].Activity != "Sitting 30 minutes" || got[1].Score != 10 || got[0].Day != today {
		t.Fatalf("journal ratings %+v", got)
	}
	want := "Putting on socks: 4 (" + shortDay(today) + ")\nSitting 30 minutes: 10 (" + shortDay(today) + ")"
	if text := h.today().plan.function.history.ratings.Text; text != want {
		t.Errorf("History shows %q, want %q", text, want)
	}
	h.session().EndSession()
	h.session().EndSession()
	h.w.ReturnToChecklist()
	if h.today().plan.function.due() {
		t.Error("the offer is due again the same week")
	}
}

// TestFunctionOfferSkip: "Not this week" skips in one tap: no rating, the
// session starts, and the offer does not come back that week; the next
// week it does.
func TestFunctionOfferSkip(t *testing.T) {
	h := newHarness(t, nil)
	nameActivities(t, h, "Putting on socks")
	h.w.StartPause()
	o := h.today().plan.function.dialog
	if o == nil {
		t.Fatal("no offer")
	}
	test.Tap(o.skipB)
	if !h.w.State().UnderWay() || len(h.j.Ratings(journal.Today(h.clock.Now()))) != 0 {
		t.Fatalf("after skipping: session running %v, ratings %v", h.w.State().UnderWay(), h.j.Ratings(journal.Today(h.clock.Now())))
	}
	if h.today().plan.function.due() {
		t.Error("due again the week it was skipped")
	}
	h.today().plan.function.asked = journal.Day{} // as after a restart
	if h.today().plan.function.due() {
		t.Error("due again after a restart, the week it was skipped")
	}
	h.clock.Advance(7 * 24 * 60 * 60 * 1e9)
	if !h.today().plan.function.due() {
		t.Error("not due the next week")
	}
}
