package ui

// The progression rule's reasons in the window's language: the rule
// (internal/progress) gives each as data (progress.Reason), worded here
// through lang; its own English (Why) stays for the progress command.

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/progress"
	"spineroutine/internal/routine"
)

// reasonWords words the reasons of res in the window's language, the
// levels with the doses of base's moves: the advice's Why, FlareWhy and
// SafetyWhy.
func reasonWords(res progress.Result, base *routine.Routine) progress.Result {
	if res.Flare {
		res.FlareWhy = lang.N("Pain before is {{.Pain}}/10 today, a flare-up: do the bad-day routine (the Big 3) "+
			"at its first levels, gently; no step up for {{.Count}} days.", res.FlareDays,
			map[string]any{"Pain": painOf(res.Before), "Count": res.FlareDays})
	}
	if res.Safety {
		res.SafetyWhy = stopWords(res)
	}
	moves := make([]progress.Advice, len(res.Moves))
	for i, a := range res.Moves {
		m, _ := base.Find(a.ID)
		a.Why = reasonText(a.Reason, m, res.Day)
		moves[i] = a
	}
	res.Moves = moves
	return res
}

// painOf is *p, or 0.
func painOf(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// stopWords is why the person should stop today.
func stopWords(res progress.Result) string {
	if res.SafetyNerve {
		return lang.L("You noted numbness, tingling or weakness today. Stop, and contact your surgeon or " +
			"physiotherapist before going on. If you move today, keep to the easiest levels.")
	}
	return lang.L("Pain before is {{.Pain}}/10 today. Stop, and contact your surgeon or physiotherapist before "+
		"going on. If you move today, keep to the easiest levels.", map[string]any{"Pain": painOf(res.Before)})
}

// levelOf is "level 3 (5-3-1 × 10 s)" of m, or "level 3" when m has no
// such level.
func levelOf(m routine.Move, level int) string {
	if m.ID != "" && level >= 1 && level <= m.LevelCount() {
		return lang.L("level {{.Level}} ({{.Dose}})", map[string]any{"Level": level, "Dose": doseWords(m.AtLevel(level))})
	}
	return lang.L("level {{.Level}}", map[string]any{"Level": level})
}

// whenWords is "today", "yesterday" or "on Mon 16 Nov".
func whenWords(d, today day) string {
	switch today.Sub(d) {
	case 0:
		return lang.L("today")
	case 1:
		return lang.L("yesterday")
	}
	return lang.L("on {{.Date}}", map[string]any{"Date": uiLang().ShortDayDate(noon(d))})
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sessionWords is how a session went, a clause: "the pain after the
// session yesterday was 6/10".
func sessionWords(s progress.SessionReason, today day) string {
	d := map[string]any{"When": whenWords(s.Day, today), "Before": s.Before, "After": s.After, "Most": s.Most,
		"Next": s.Next, "Count": s.Within}
	switch s.Kind {
	case progress.SessionFlagged:
		return lang.L("you flagged it as hurting {{.When}}", d)
	case progress.SessionAfter:
		return lang.L("the pain after the session {{.When}} was {{.After}}/10", d)
	case progress.SessionMissing:
		return lang.L("the session {{.When}} lacks a pain check-in before or after", d)
	case progress.SessionAfterHigh:
		return lang.L("the pain after the session {{.When}} was {{.After}}/10, above {{.Most}}", d)
	case progress.SessionRose:
		return lang.L("the pain rose from {{.Before}}/10 to {{.After}}/10 during the session {{.When}}", d)
	case progress.SessionWaitNext:
		return lang.L("the session {{.When}} counts once the next check-in (the pain before the next session) is in", d)
	case progress.SessionNoNext:
		return lang.N("no check-in followed the session {{.When}} within {{.Count}} days", s.Within, d)
	}
	d["NextWhen"] = whenWords(s.NextDay, today)
	return lang.L("the pain went from {{.Before}}/10 before the session {{.When}} to {{.Next}}/10 {{.NextWhen}}", d)
}

// reasonText is the reason r for move m (its levels' doses), as of today.
func reasonText(r progress.Reason, m routine.Move, today day) string {
	d := map[string]any{"Count": r.Good, "Level": levelOf(m, r.Level), "To": levelOf(m, r.To),
		"Next": levelOf(m, r.Level+1), "Current": r.Level, "Need": r.Need, "Most": r.Most, "Pain": r.Pain}
	switch r.Kind {
	case progress.ReasonAboveTop:
		return lang.L("Level {{.Current}} is above the top level your routine sets: go back to {{.To}}?", d)
	case progress.ReasonNoSession:
		return lang.L("Stay at {{.Level}}: no session at this level yet.", d)
	case progress.ReasonDown:
		d["Why"] = capital(sessionWords(r.Session, today))
		return lang.L("{{.Why}}: go back to {{.To}}?", d)
	case progress.ReasonDownAtFirst:
		d["Why"] = capital(sessionWords(r.Session, today))
		return lang.L("{{.Why}}, and this is already the easiest level: keep it gentle, leave it out, or ask your "+
			"physiotherapist.", d)
	case progress.ReasonNotGood:
		d["Why"] = sessionWords(r.Session, today)
		return lang.L("Stay at {{.Level}}: {{.Why}}.", d)
	case progress.ReasonTop:
		if r.Last {
			return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}, its hardest level: stay.", r.Good, d)
		}
		return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}, the top level your routine "+
			"sets: stay.", r.Good, d)
	case progress.ReasonUp:
		return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}: ready for {{.Next}}?", r.Good, d)
	case progress.ReasonCounting:
		if r.Good == 0 {
			d["Count"] = r.Window
			return lang.N("Stay at {{.Level}}: no session at this level in the last {{.Count}} days.", r.Window, d)
		}
		return lang.N("Stay at {{.Level}}: {{.Count}} of the {{.Need}} sessions a step up needs went well so far.", r.Good, d)
	case progress.ReasonBlocked:
		d["When"], d["Until"] = whenWords(r.FlareDay, today), uiLang().ShortDayDate(noon(r.Until))
		return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}, but the pain before was "+
			"{{.Pain}}/10 {{.When}}, a flare-up: no step up until {{.Until}}.", r.Good, d)
	case progress.ReasonSafety:
		d["Level"] = levelOf(m, 1)
		if r.Level > 1 {
			return lang.L("Safety stop today: only the easiest level, {{.Level}}.", d)
		}
		return lang.L("Safety stop today: {{.Level}} is the easiest level; no step up today.", d)
	}
	if r.Most == 1 {
		return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}: ready for {{.Next}}, but at "+
			"most 1 move steps up on one day, so it waits for another day.", r.Good, d)
	}
	return lang.N("{{.Count}} sessions on {{.Count}} days went well at {{.Level}}: ready for {{.Next}}, but at "+
		"most {{.Most}} moves step up on one day, so it waits for another day.", r.Good, d)
}
