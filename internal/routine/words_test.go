package routine

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// moveNames is the table of the move names every part of the app uses in
// each language (the voice clips say them): the shared design of the
// translation, copied here as the independent truth.
var moveNames = map[string]map[i18n.Lang]string{
	"overhead-band-stretch": {"de": "Band-Überzug über Kopf", "es": "Estiramiento con banda sobre la cabeza", "fr": "Étirement à l'élastique au-dessus de la tête"},
	"psoas-march":           {"de": "Psoas-Marsch", "es": "Marcha de psoas", "fr": "Marche du psoas"},
	"w-rows":                {"de": "W-Rudern", "es": "Remo en W", "fr": "Tirage en W"},
	"ql-hang-stretch":       {"de": "QL-Dehnung im Hang", "es": "Estiramiento colgado del cuadrado lumbar", "fr": "Étirement suspendu du carré des lombes"},
	"high-plank":            {"de": "Hohe Planke", "es": "Plancha alta", "fr": "Planche haute"},
	"self-decompression":    {"de": "Selbst-Dekompression", "es": "Autodescompresión", "fr": "Autodécompression"},
	"glute-bridge":          {"de": "Gesäßbrücke", "es": "Puente de glúteos", "fr": "Pont fessier"},
	"mcgill-curl-up":        {"de": "McGill-Curl-up", "es": "Curl-up de McGill", "fr": "Curl-up de McGill"},
	"pause-goblet-squat":    {"de": "Goblet-Kniebeuge mit Pause", "es": "Sentadilla goblet con pausa", "fr": "Squat goblet avec pause"},
	"side-planks":           {"de": "Seitstütz", "es": "Planchas laterales", "fr": "Planches latérales"},
	"bird-dogs":             {"de": "Bird-Dog", "es": "Bird dog", "fr": "Bird dog"},
	"staggered-hip-hinge-stretch": {"de": "Hüftbeuge-Dehnung in Schrittstellung", "es": "Estiramiento de bisagra de cadera en paso",
		"fr": "Étirement en charnière de hanche, pieds décalés"},
}

// builtins are the English built-in routines.
func builtins() []*Routine { return []*Routine{Default(), Big3()} }

// checkWords lists what is wrong with the overlay w (file) for the English
// routines: a move id none of them has, and whatever apply refuses (a
// move without words, a text missing, another number of steps).
func checkWords(file string, w *words, routines ...*Routine) []string {
	var out []string
	known := map[string]bool{}
	for _, r := range routines {
		for _, id := range r.IDs() {
			known[id] = true
		}
	}
	for id := range w.Moves {
		if !known[id] {
			out = append(out, fmt.Sprintf("%s: unknown move id %q", file, id))
		}
	}
	for _, r := range routines {
		if _, err := w.apply(file, r); err != nil {
			out = append(out, err.Error())
		}
	}
	return out
}

func TestLanguages(t *testing.T) {
	if got, want := Languages(), []i18n.Lang{"en", "de", "es", "fr"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
	// Every language of the app has the built-in routines in its words.
	if got := Languages(); !reflect.DeepEqual(got, i18n.Supported) {
		t.Errorf("Languages() = %v, the app speaks %v", got, i18n.Supported)
	}
}

// Every overlay shipped fits both built-in routines exactly.
func TestShippedWordsFit(t *testing.T) {
	for _, lang := range Languages()[1:] {
		t.Run(string(lang), func(t *testing.T) {
			w, ok, err := loadWords(lang)
			if err != nil || !ok {
				t.Fatalf("loadWords: ok %v, %v", ok, err)
			}
			for _, p := range checkWords(wordsFile(lang), w, builtins()...) {
				t.Error(p)
			}
			for _, f := range Focuses {
				if w.Focus[string(f)] == "" {
					t.Errorf("no word for the focus %q", f)
				}
			}
			for k := range w.Focus {
				if !isFocus(k) {
					t.Errorf("[focus] names %q, not a focus", k)
				}
			}
			for k := range w.Names {
				if k != "default" && k != "big3" {
					t.Errorf("[names] names %q, not a built-in routine", k)
				}
			}
			if s := CopySuffix(lang); s == englishCopySuffix || !strings.HasPrefix(s, " (") {
				t.Errorf("copy_suffix %q: want a translated \" (...)\"", s)
			}
		})
	}
}

func isFocus(s string) bool {
	for _, f := range Focuses {
		if string(f) == s {
			return true
		}
	}
	return false
}

// The translated routines are the English ones in other words: same ids,
// order, doses and levels, so the same length at every level; the move
// names are those of the shared table; every text is translated (none is
// the English one) and a step is no more than about 1.3 times as long as
// in English (a card is read from two metres); and the routine passes
// every check a routine file gets, written out and read back.
func TestTranslatedBuiltins(t *testing.T) {
	for _, lang := range Languages()[1:] {
		for i, tr := range []*Routine{DefaultIn(lang), Big3In(lang)} {
			en := builtins()[i]
			t.Run(string(lang)+"/"+en.Source, func(t *testing.T) {
				if tr.Source != en.Source {
					t.Errorf("source %q, want %q", tr.Source, en.Source)
				}
				if tr.Name == en.Name || tr.Name == "" {
					t.Errorf("name %q not translated", tr.Name)
				}
				if !reflect.DeepEqual(tr.IDs(), en.IDs()) {
					t.Fatalf("ids %v, want %v", tr.IDs(), en.IDs())
				}
				for j, m := range tr.Moves {
					e := en.Moves[j]
					if got, want := m.Name, moveNames[m.ID][lang]; got != want {
						t.Errorf("%s: name %q, want %q", m.ID, got, want)
					}
					texts := []struct{ what, tr, en string }{{"about", m.About, e.About}, {"easier", m.Easier, e.Easier}}
					for k := range e.Steps {
						texts = append(texts, struct{ what, tr, en string }{fmt.Sprintf("step %d", k+1), m.Steps[k], e.Steps[k]})
					}
					for _, x := range texts {
						if x.tr == x.en {
							t.Errorf("%s: %s left in English: %q", m.ID, x.what, x.tr)
						}
					}
					for k, s := range m.Steps {
						if n, limit := utf8.RuneCountInString(s), stepLimit(e.Steps[k]); n > limit {
							t.Errorf("%s: step %d has %d characters, more than %d (English %d): %q",
								m.ID, k+1, n, limit, utf8.RuneCountInString(e.Steps[k]), s)
						}
					}
					// Everything but the words is English's.
					m.Name, m.About, m.Steps, m.Easier = e.Name, e.About, e.Steps, e.Easier
					if !reflect.DeepEqual(moveMeaning(m), moveMeaning(e)) {
						t.Errorf("%s: the dose or levels differ from English:\n%+v\n%+v", m.ID, m, e)
					}
				}
				for n := 1; n <= MaxLevels; n++ {
					at := map[string]int{}
					for _, id := range en.IDs() {
						at[id] = n
					}
					if a, b := tr.WithLevels(at).Duration(), en.WithLevels(at).Duration(); a != b {
						t.Errorf("at level %d: lasts %v, English %v", n, a, b)
					}
				}
				roundTrip(t, tr)
			})
		}
	}
}

// stepLimit is the most characters a translated step may have: about 1.3
// times the English one, a few characters more for a short step (one word
// more or less is a big share of it).
func stepLimit(en string) int { return utf8.RuneCountInString(en)*13/10 + 3 }

// English, a language without an overlay and a malformed tag give the
// English routine.
func TestBuiltinInEnglish(t *testing.T) {
	for _, lang := range []i18n.Lang{"", "en", "it", "../routine", "de*"} {
		if !reflect.DeepEqual(DefaultIn(lang), Default()) || !reflect.DeepEqual(Big3In(lang), Big3()) {
			t.Errorf("%q: not the English routines", lang)
		}
		if got := FocusName(Mobility, lang); got != "mobility" {
			t.Errorf("FocusName(mobility, %q) = %q", lang, got)
		}
		if got := CopySuffix(lang); got != " (my copy)" {
			t.Errorf("CopySuffix(%q) = %q", lang, got)
		}
	}
}

func TestFocusName(t *testing.T) {
	tests := []struct {
		f    Focus
		lang i18n.Lang
		want string
	}{
		{Stability, "de", "Stabilität"},
		{Strength, "es", "fuerza"},
		{Decompression, "fr", "décompression"},
		{Activation, "en", "activation"},
	}
	for _, tt := range tests {
		if got := FocusName(tt.f, tt.lang); got != tt.want {
			t.Errorf("FocusName(%s, %s) = %q, want %q", tt.f, tt.lang, got, tt.want)
		}
	}
}

// Switched-off moves get their words too.
func TestWordsOfMovesOff(t *testing.T) {
	w, _, err := loadWords("de")
	if err != nil {
		t.Fatal(err)
	}
	r := Default()
	r.Off = []OffMove{{Move: r.Moves[0], At: 0}}
	r.Moves = r.Moves[1:]
	tr, err := w.apply("routines.de.toml", r)
	if err != nil {
		t.Fatal(err)
	}
	if got := tr.Off[0].Move.Name; got != "Band-Überzug über Kopf" {
		t.Errorf("move off: name %q", got)
	}
	if r.Off[0].Move.Name != "Overhead Band Stretch" {
		t.Errorf("apply changed the English routine: %q", r.Off[0].Move.Name)
	}
}

// A broken overlay is refused with its file, line, move and field.
func TestBadWords(t *testing.T) {
	good, err := fs.ReadFile(assets.RoutineWords, "routines.de.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(good)
	tests := []struct {
		name, text string
		want       []string // in the problems, in order
	}{
		{"unknown id", src + "\n[move.cat-camel]\nname = \"Katze-Kuh\"\n", []string{`unknown move id "cat-camel"`}},
		{"missing move", strings.Replace(src, "[move.w-rows]", "[move.w-rowz]", 1),
			[]string{`unknown move id "w-rowz"`, `routines.de.toml: move "w-rows": no words for the move "w-rows"`}},
		{"step missing", strings.Replace(src, "  \"Schulterblätter zusammenziehen\",\n", "", 1),
			[]string{`move "w-rows": steps has 3 entries; English has 4`}},
		{"text missing", strings.Replace(src, `easier = "Leichteres Band nehmen, oder die W-Form ohne Band machen, mit dem Rücken an der Wand."`, "", 1),
			[]string{`move "w-rows": easier is missing (English: "Use a lighter band`}},
		{"no routine name", strings.Replace(src, "big3 = ", "big4 = ", 1), []string{`no name for the routine "big3"`}},
		{"unknown key", strings.Replace(src, "[move.w-rows]\nname", "[move.w-rows]\nnme", 1),
			[]string{`routines.de.toml:44: move "w-rows": unknown key "move.w-rows.nme"`}},
		{"not TOML", src + "\n[move.psoas-march\n", []string{"routines.de.toml:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var problems []string
			if w, err := parseWords("routines.de.toml", []byte(tt.text)); err != nil {
				problems = []string{err.Error()}
			} else {
				problems = checkWords("routines.de.toml", w, builtins()...)
			}
			all := strings.Join(problems, "\n")
			if len(problems) == 0 {
				t.Fatal("no problem found")
			}
			rest := all
			for _, want := range tt.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("problems lack %q:\n%s", want, all)
				}
				rest = rest[i+len(want):]
			}
		})
	}
}

// The German routine costs its English parse and the overlay's.
func BenchmarkDefaultIn(b *testing.B) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.German} {
		b.Run(string(lang), func(b *testing.B) {
			for b.Loop() {
				DefaultIn(lang)
			}
		})
	}
}
