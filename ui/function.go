package ui

import (
	"slices"
	"spineroutine/internal/schedule"
	"strings"

	"fyne.io/fyne/v2"
)

// The Patient-Specific Functional Scale in the window: the person names
// one to five activities their back makes hard (kept in the preferences,
// edited in History), and is asked at most once a week, before the first
// session of the week, to rate each from 0 (unable) to 10 (as before);
// the ratings go to the journal ("function" entries) and History and the
// report show them.

// maxActivities is how many activities the scale asks about.
const maxActivities = 5

// functionScale is the scale's state in the window.
type functionScale struct {
	prefs   *Prefs
	clock   schedule.Clock
	rec     *recorder
	dialogs dialogs
	// asked is the Monday of the week the offer was shown in this run
	// (answered or not, it is not shown again that week).
	asked day
	// history is History's section, once built.
	history *functionHistory
	// dialog is the weekly offer while it is shown.
	dialog *functionOffer
}

// activities are the named activities.
func (f *functionScale) activities() []string {
	var out []string
	for _, a := range f.prefs.Activities() {
		if a = strings.TrimSpace(a); a != "" && checkActivity(a) == nil && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out[:min(len(out), maxActivities)]
}

// setActivities keeps the named activities, checked, blanks dropped.
func (f *functionScale) setActivities(names []string) error {
	var keep []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || slices.Contains(keep, n) {
			continue
		}
		if err := checkActivity(n); err != nil {
			return err
		}
		keep = append(keep, n)
	}
	if len(keep) > maxActivities {
		keep = keep[:maxActivities]
	}
	f.prefs.SetActivities(keep)
	return nil
}

// week is the Monday of today's week.
func (f *functionScale) week() day { return dayOf(f.clock.Now()).WeekStart() }

// due reports whether the weekly offer is to be shown now: activities are
// named, none was rated this week, and it was neither skipped nor shown
// this week.
func (f *functionScale) due() bool {
	acts := f.activities()
	week := f.week()
	if len(acts) == 0 || f.asked == week || f.prefs.FunctionSkipped() == week.String() {
		return false
	}
	for _, r := range f.rec.ratings(week.Add(6)) {
		if !r.Day.Before(week) && slices.Contains(acts, r.Activity) {
			return false
		}
	}
	return true
}

// offer shows the weekly offer when it is due and returns true; then
// is called once it is answered or skipped.
func (f *functionScale) offer(then func()) bool {
	if !f.due() {
		return false
	}
	f.asked = f.week()
	f.dialog = newFunctionOffer(f, f.activities(), then)
	f.dialog.show()
	return true
}

// skip records that the week's offer was skipped.
func (f *functionScale) skip() {
	f.prefs.SetFunctionSkipped(f.week().String())
}

// save journals the ratings of today, in the activities' order.
func (f *functionScale) save(acts []string, scores []int) error {
	today := dayOf(f.clock.Now())
	for i, a := range acts {
		if scores[i] < 0 {
			continue // not rated
		}
		if err := f.rec.saveRating(today, a, scores[i]); err != nil {
			return err
		}
	}
	if f.history != nil {
		f.history.reload()
	}
	return nil
}

// historySection is History's section of the scale.
func (f *functionScale) historySection() fyne.CanvasObject {
	if f.history == nil {
		f.history = newFunctionHistory(f)
	}
	return f.history.obj
}
