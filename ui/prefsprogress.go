package ui

import (
	"spineroutine/internal/progress"
)

// ruleParam is one number of the progression rule as Settings shows it:
// its preference key, its label, what it means, and where it sits in
// progress.Params.
type ruleParam struct {
	key, label, help string
	lo, hi           int // the values offered
	field            func(*progress.Params) *int
}

// ruleParams lists the rule's numbers in the order Settings shows them.
var ruleParams = []ruleParam{
	{"progress.sessions", "Good sessions for a step up",
		"How many sessions at a level, each on a different day, must have gone well before a step up is suggested.",
		1, 10, func(p *progress.Params) *int { return &p.Sessions }},
	{"progress.window", "Within days",
		"Those sessions must all fall within this many days (today included).",
		1, progress.Lookback, func(p *progress.Params) *int { return &p.Window }},
	{"progress.maxAfter", "Highest pain after",
		"The highest pain (0–10) after a session that still counts as going well.",
		0, 10, func(p *progress.Params) *int { return &p.MaxAfter }},
	{"progress.maxRise", "Rise during a session",
		"How many points the pain after may be above the pain before and still count as going well.",
		0, 10, func(p *progress.Params) *int { return &p.MaxRise }},
	{"progress.maxNextRise", "Rise by the next morning",
		"How many points the next check-in (the pain before the next session) may be above the pain before and still count as going well.",
		0, 10, func(p *progress.Params) *int { return &p.MaxNextRise }},
	{"progress.nextWithin", "Next check-in within days",
		"The next check-in must come within this many days; without one, a session does not count as going well.",
		1, 7, func(p *progress.Params) *int { return &p.NextWithin }},
	{"progress.downAfter", "Pain after that steps down",
		"From this pain after a session (0–10), its moves are suggested one level easier.",
		0, 10, func(p *progress.Params) *int { return &p.DownAfter }},
	{"progress.downNextRise", "Next-morning rise that steps down",
		"When the next check-in is this many points above the pain before a session, its moves are suggested one level easier.",
		0, 10, func(p *progress.Params) *int { return &p.DownNextRise }},
	{"progress.flare", "Flare-up pain",
		"From this pain before a session (0–10), the day is a flare-up: the bad-day routine at its first levels is suggested.",
		0, 10, func(p *progress.Params) *int { return &p.Flare }},
	{"progress.flareDays", "No step up after a flare-up for days",
		"After a flare-up, no step up is suggested for this many days (today included).",
		1, progress.Lookback, func(p *progress.Params) *int { return &p.FlareDays }},
	{"progress.stop", "Stop pain",
		"From this pain before a session (0–10), the app says to stop and contact your surgeon or physiotherapist, and offers only the easiest levels that day.",
		0, 10, func(p *progress.Params) *int { return &p.Stop }},
}

// Progress returns the progression rule's numbers: the saved ones, or the
// defaults when none are saved or the saved ones make no sense together
// (a hand-edited file).
func (p *Prefs) Progress() progress.Params {
	v := progress.Defaults()
	for _, rp := range ruleParams {
		f := rp.field(&v)
		*f = p.p.IntWithFallback(rp.key, *f)
	}
	if v.Validate() != nil {
		return progress.Defaults()
	}
	return v
}

// SetProgress saves the rule's numbers; it refuses numbers that make no
// sense (progress.Params.Validate says which).
func (p *Prefs) SetProgress(v progress.Params) error {
	if err := v.Validate(); err != nil {
		return err
	}
	for _, rp := range ruleParams {
		p.p.SetInt(rp.key, *rp.field(&v))
	}
	return nil
}
