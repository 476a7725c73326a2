package ui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
	"spineroutine/ui/internal/uitest"
	"spineroutine/ui/state"
)

// switchLanguage switches the window's language for the rest of the test, as
// the app's start does (the environment Fyne's lang and uiLang read, then
// the translations loaded again), and back when the test ends.
func switchLanguage(t *testing.T, tag, locale string) {
	t.Helper()
	vars := []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
	old := map[string]*string{}
	for _, k := range vars {
		if v, ok := os.LookupEnv(k); ok {
			old[k] = &v
		}
	}
	set := func(k string, v *string) {
		if v == nil {
			must(t, os.Unsetenv(k))
		} else {
			must(t, os.Setenv(k, *v))
		}
	}
	set("LANGUAGE", &tag)
	set("LC_ALL", nil)
	set("LC_MESSAGES", nil)
	set("LANG", &locale)
	must(t, lang.AddTranslationsFS(assets.Lang, "lang"))
	t.Cleanup(func() {
		for _, k := range vars {
			set(k, old[k])
		}
		must(t, lang.AddTranslationsFS(assets.Lang, "lang"))
	})
}

// startOnly starts a session of the moves ids and runs it to the first
// hold's third second (left side first).
func startOnly(h *harness, ids ...string) {
	l := h.today().list
	l.setChoice(choicePick)
	for _, r := range l.rows {
		l.picked[r.move.ID] = false
		for _, id := range ids {
			l.picked[r.move.ID] = l.picked[r.move.ID] || r.move.ID == id
		}
	}
	l.update()
	h.w.StartPause()
	h.advance(h.inuse().r.GetReady + 2*time.Second)
}

// The German window at 1024×600, the smallest screen it is made for, as
// golden images: the card in a session (the longest move name, a hold on
// each side), the first start's three choices (two on a row, the third
// under them: three side by side were cut), Today with the rule's
// suggestions, and the safety stop.
// Nothing is cut (no label or button smaller than its text, nothing past
// the window's edge), and the card's texts keep a size read from two
// metres.
func TestGermanGolden(t *testing.T) {
	switchLanguage(t, "de", "de_DE.UTF-8")
	size := fyne.NewSize(1024, 600)
	cases := []struct {
		name  string
		setup func(t *testing.T) *harness
		// read is what the card and Today's panel must read, written
		// here by hand in German.
		read []string
	}{
		{"de-card-hinge", func(t *testing.T) *harness {
			h := newHarness(t, func(o *Options) { o.Routine = routine.DefaultIn(i18n.German) })
			h.prefs().SetSafetyNoteSeen(true)
			h.session().notes.clear("safety")
			h.win().Resize(size)
			startOnly(h, "staggered-hip-hinge-stretch")
			return h
		}, []string{"ÜBEN", "Wdh. 1 von 2", "LINKS", "Hüftbeuge-Dehnung in Schrittstellung",
			"Mobilität · Stufe 3 von 5 · 2 Wdh. pro Seite · 30 s halten", "Letzte Übung",
			"Leichter: Einen kürzeren Schritt machen, beide Knie leicht beugen, oder an einem Stuhl festhalten."}},
		{"de-first-start", func(t *testing.T) *harness {
			h := newHarness(t, func(o *Options) { o.Routine = routine.DefaultIn(i18n.German) })
			h.prefs().SetSafetyNoteSeen(true)
			h.session().notes.clear("safety")
			h.win().Resize(size)
			return h
		}, []string{"Wo möchten Sie beginnen? Fangen Sie klein an: Die App schlägt eine Stufe höher vor, wenn Ihr Rücken " +
			"sie sich verdient hat."}},
		{"de-card-sideplanks", func(t *testing.T) *harness {
			h := newHarness(t, func(o *Options) { o.Routine = routine.DefaultIn(i18n.German) })
			h.prefs().SetSafetyNoteSeen(true)
			h.session().notes.clear("safety")
			h.win().Resize(size)
			startOnly(h, "side-planks", "staggered-hip-hinge-stretch")
			return h
		}, []string{"ÜBEN", "Satz 1 von 3 · Wdh. 1 von 6", "LINKS", "Seitstütz",
			"Stabilität · Stufe 4 von 6 · 3 Sätze · 6-4-2 Wdh. pro Seite · 10 s halten",
			"Als Nächstes: Hüftbeuge-Dehnung in Schrittstellung"}},
		{"de-today", func(t *testing.T) *harness {
			h, _ := newLibraryHarness(t, func(o *Options) {
				goodMonth(t)(o)
				o.Routine = routine.DefaultIn(i18n.German)
			})
			h.prefs().SetSafetyNoteSeen(true)
			h.session().notes.clear("safety")
			h.win().Resize(size)
			h.session().painBefore.choose(2)
			h.sync()
			return h
		}, []string{"BEREIT", "12 Übungen", "Schmerz 2 notiert (zum Ändern antippen).", "2 Vorschläge für heute",
			"Band-Überzug über Kopf: bereit für 10 × 4 s (Stufe 4 von 6)?",
			"3 Einheiten an 3 Tagen liefen gut auf Stufe 3 (8 × 4 s): bereit für Stufe 4 (10 × 4 s)?",
			"Psoas-Marsch: bereit für 12 × 4 s (Stufe 4 von 6)?", "12 Übungen · 35:13"}},
		{"de-stop", func(t *testing.T) *harness {
			h, _ := newLibraryHarness(t, func(o *Options) {
				goodMonth(t)(o)
				o.Routine = routine.DefaultIn(i18n.German)
			})
			h.prefs().SetSafetyNoteSeen(true)
			h.session().notes.clear("safety")
			h.win().Resize(size)
			h.session().painBefore.choose(8)
			h.sync()
			if s := h.w.State(); s != state.StoppedForToday {
				t.Fatalf("screen %v, want stopped for today", s)
			}
			return h
		}, []string{"HEUTE AUFHÖREN", "Big 3 auf Stufe 1", "Für heute aufhören",
			"Der Schmerz vorher liegt heute bei 8/10. Hören Sie auf und sprechen Sie mit Ihrem Chirurgen oder Ihrer " +
				"Physiotherapie, bevor Sie weitermachen. Wenn Sie sich heute bewegen, bleiben Sie bei den leichtesten Stufen.",
			"Wenn Ihr Rücken heute etwas sanfte Bewegung erlaubt, ist dies die einzige angebotene Einheit: die Big 3 auf " +
				"ihrer leichtesten Stufe."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			uitest.FreshRenderCache()
			h := c.setup(t)
			h.advance(250 * time.Millisecond)
			for _, p := range append(overflowing(h.win().Content()), clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size())...) {
				t.Errorf("%s", p)
			}
			card := h.session().card
			shown := []string{card.phase.Text, card.setRep.Text, card.side.Text, card.name.Text, card.focus.Text,
				card.next.Text, card.easier.Text}
			shown = append(shown, strings.Split(card.steps.Text, "\n")...)
			shown = append(shown, strings.Split(textsIn(h.today().plan.view), "\n")...)
			shown = append(shown, strings.Split(textsIn(h.today().list.obj), "\n")...)
			// The checklist's rows show their time, level and focus
			// whole (the label truncates rather than overflow: measured).
			for _, r := range h.today().list.rows {
				need := fyne.MeasureText(r.info.Text, theme.TextSize(), r.info.TextStyle).Width + 2*theme.InnerPadding()
				if r.info.Visible() && r.info.Size().Width > 0 && r.info.Size().Width < need {
					t.Errorf("%s: %q gets %.0f of the %.0f it needs", r.move.ID, r.info.Text, r.info.Size().Width, need)
				}
			}
			for _, w := range c.read {
				if !slices.Contains(shown, w) {
					t.Errorf("nothing reads %q in %q", w, shown)
				}
			}
			for _, tx := range []*canvas.Text{card.phase, card.name, card.side} {
				if tx.Visible() && tx.Text != "" && tx.TextSize < minCardText {
					t.Errorf("%q is drawn at %.0f, below %d", tx.Text, tx.TextSize, minCardText)
				}
			}
			test.AssertRendersToImage(t, fmt.Sprintf("%s-1024x600.png", c.name), h.win().Canvas())
		})
	}
}

// minCardText is the least size of the card's phase word, the move's
// name and the side at 1024×600: about 7 mm on a 13" laptop screen,
// read from two metres.
const minCardText = 24

// The card in Spanish and French at 1024×600 with each language's longest
// move name (the hip hinge) on a hold of each side, and their stop: nothing cut, and the
// phase, the name and the side at least minCardText.
func TestCardFitsInSpanishAndFrench(t *testing.T) {
	for _, c := range []struct {
		tag    string
		l      i18n.Lang
		locale string
	}{{"es", i18n.Spanish, "es_ES.UTF-8"}, {"fr", i18n.French, "fr_FR.UTF-8"}} {
		t.Run(c.tag, func(t *testing.T) {
			switchLanguage(t, c.tag, c.locale)
			for _, stop := range []bool{false, true} {
				uitest.FreshRenderCache()
				h, _ := newLibraryHarness(t, func(o *Options) {
					goodMonth(t)(o)
					o.Routine = routine.DefaultIn(c.l)
				})
				h.prefs().SetSafetyNoteSeen(true)
				h.session().notes.clear("safety")
				h.win().Resize(fyne.NewSize(1024, 600))
				if stop {
					h.session().painBefore.choose(8)
					h.sync()
				} else {
					startOnly(h, "staggered-hip-hinge-stretch")
				}
				h.advance(250 * time.Millisecond)
				for _, p := range append(overflowing(h.win().Content()), clipped(h.win().Content(), fyne.Position{}, h.win().Canvas().Size())...) {
					t.Errorf("stop %v: %s", stop, p)
				}
				card := h.session().card
				for _, tx := range []*canvas.Text{card.phase, card.name, card.side} {
					if tx.Visible() && tx.Text != "" && tx.TextSize < minCardText {
						t.Errorf("stop %v: %q is drawn at %.0f, below %d", stop, tx.Text, tx.TextSize, minCardText)
					}
				}
				t.Logf("stop %v: %q %.0f, %q %.0f, %q %.0f", stop, card.phase.Text, card.phase.TextSize,
					card.name.Text, card.name.TextSize, card.side.Text, card.side.TextSize)
			}
		})
	}
}
