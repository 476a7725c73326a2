package report

import (
	"strings"
	"testing"
	"time"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// TestReportTranslations checks assets/lang/report.*.json: every language
// has every English key, with its placeholders and its plural forms.
func TestReportTranslations(t *testing.T) {
	for _, p := range i18n.CheckFamily(assets.Lang, "lang/report") {
		t.Error(p)
	}
}

// TestWords checks the report's composed texts in each language against
// the texts written out by hand: doses, level changes, pain averages and
// gaps, with the language's plurals, dates and decimal mark.
func TestWords(t *testing.T) {
	s := time.Second
	pyramid := routine.Move{Reps: []int{6, 4, 2}, Sides: routine.Each, Hold: 10 * s, BetweenSets: 15 * s}
	one := routine.Move{Reps: []int{1}, Hold: 1500 * time.Millisecond}
	tempo := routine.Move{Reps: []int{12, 12}, Sides: routine.Alternate, Tempo: []time.Duration{2 * s, 1 * s, 2 * s}, BetweenSets: 20 * s}
	nov := func(d int) journal.Day { return journal.DayOf(time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC)) }
	avg := PainAverage{From: nov(1), To: nov(7), Before: 5.25, After: 3.9, NBefore: 5, NAfter: 1}
	change := LevelChange{From: 4, To: 3, Src: journal.LevelHurt, Today: true}
	for _, tc := range []struct {
		lang                      i18n.Lang
		pyramid, one, tempo       string
		pain, change, days, dated string
	}{
		{i18n.English,
			"3 sets of 6-4-2 reps each side, hold 10 s, 15 s between sets", "1 rep, hold 1.5 s",
			"2 sets of 12 reps, sides alternating, 5 s a rep, 20 s between sets",
			"before 5.2, after 3.9 (0–10; 5 and 1 day with a check-in, Sun 1 Nov to Sat 7 Nov)",
			"4 → 3 for the day, easier after “this hurts”", "1 day|2 days", "Mon 30 Nov: text"},
		{i18n.German,
			"3 Sätze mit 6-4-2 Wiederholungen pro Seite, 10 s halten, 15 s Pause zwischen den Sätzen",
			"1 Wiederholung, 1,5 s halten",
			"2 Sätze mit 12 Wiederholungen, Seiten abwechselnd, 5 s pro Wiederholung, 20 s Pause zwischen den Sätzen",
			"vorher 5,2, nachher 3,9 (0–10; Angaben an 5 bzw. 1 Tag, So., 1. Nov. bis Sa., 7. Nov.)",
			"4 → 3 für diesen Tag, leichter nach „Das tut weh“", "1 Tag|2 Tage", "Mo., 30. Nov.: text"},
		{i18n.Spanish,
			"3 series de 6-4-2 repeticiones por lado, mantener 10 s, 15 s entre series",
			"1 repetición, mantener 1,5 s",
			"2 series de 12 repeticiones, alternando los lados, 5 s por repetición, 20 s entre series",
			"antes 5,2, después 3,9 (0–10; valoraciones en 5 y 1 día, del dom, 1 nov al sáb, 7 nov)",
			"4 → 3 solo ese día, más fácil tras «Esto duele»", "1 día|2 días", "lun, 30 nov: text"},
		{i18n.French,
			"3 séries de 6-4-2 répétitions de chaque côté, tenir 10 s, 15 s entre les séries",
			"1 répétition, tenir 1,5 s",
			"2 séries de 12 répétitions, en alternant les côtés, 5 s par répétition, 20 s entre les séries",
			"avant 5,2, après 3,9 (0–10 ; évaluations sur 5 et 1 jour, du dim. 1 nov. au sam. 7 nov.)",
			"4 → 3 pour la journée, plus facile après « Ça fait mal »", "1 jour|2 jours", "lun. 30 nov. : text"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			w, err := wordsIn(tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct{ what, got, want string }{
				{"pyramid", w.dose(pyramid), tc.pyramid},
				{"one rep", w.dose(one), tc.one},
				{"tempo", w.dose(tempo), tc.tempo},
				{"pain", avg.text(w), tc.pain},
				{"change", change.text(w), tc.change},
				{"days", w.days(1) + "|" + w.days(2), tc.days},
				{"dated", w.dated(nov(30), "text"), tc.dated},
			} {
				if got := strings.ReplaceAll(c.got, "\u00a0", " "); got != c.want {
					t.Errorf("%s = %q, want %q", c.what, got, c.want)
				}
			}
		})
	}
	if w, err := wordsIn(""); err != nil || w.lang != i18n.English {
		t.Errorf(`wordsIn("") = %q, %v; want English`, w.lang, err)
	}
}
