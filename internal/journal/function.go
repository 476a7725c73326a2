package journal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The Patient-Specific Functional Scale (Stratford, Gill, Westaway and
// Binkley, Physiotherapy Canada 1995): the person names up to five
// activities they find hard to do because of their back and rates each
// from 0 (unable to do it) to 10 (able to do it as before); a change of 2
// points or more in the average is clinically meaningful.
const (
	// MaxActivity is the longest activity name, in characters.
	MaxActivity = 80
	// MaxScore is the highest rating (0 is unable).
	MaxScore = 10
)

// Rating is one function entry: an activity rated on a day.
type Rating struct {
	Day      Day
	Activity string // the activity's text, its key
	Score    int    // 0 (unable) to MaxScore (as before)
	At       time.Time
}

// CheckActivity returns why text cannot name an activity, or nil.
func CheckActivity(text string) error {
	switch n := utf8.RuneCountInString(text); {
	case strings.TrimSpace(text) == "":
		return errors.New("an activity needs a name")
	case n > MaxActivity:
		return fmt.Errorf("activity of %d characters: at most %d", n, MaxActivity)
	case !utf8.ValidString(text) || strings.ContainsFunc(text, unicode.IsControl):
		return errors.New("an activity is one line of text")
	}
	return nil
}

// checkRating checks a function entry's fields.
func checkRating(e *event) error {
	if e.day.IsZero() {
		return errors.New("function entry without day")
	}
	if err := CheckActivity(e.Activity); err != nil {
		return fmt.Errorf("function entry, field activity: %w", err)
	}
	if e.Score == nil || *e.Score < 0 || *e.Score > MaxScore {
		return errors.New("function entry, field score: want a whole number from 0 to 10")
	}
	return nil
}

// SaveRating journals the rating of activity on day, 0 to MaxScore.
func (j *Journal) SaveRating(day Day, activity string, score int, at time.Time) error {
	activity = strings.TrimSpace(activity)
	if err := CheckActivity(activity); err != nil {
		return err
	}
	if score < 0 || score > MaxScore {
		return fmt.Errorf("a rating of %d: want 0 to %d", score, MaxScore)
	}
	return j.record(entry{Kind: KindFunction, Activity: activity, Score: &score}, day, at)
}

// Ratings returns the function ratings of the days up to to inclusive,
// by day, then in journal order.
func (j *Journal) Ratings(to Day) []Rating {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []Rating
	for _, r := range j.st.ratings {
		if !r.Day.After(to) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Rating) int { return a.Day.Sub(b.Day) })
	return out
}
