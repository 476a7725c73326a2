package cue

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
)

// Every voice.<lang>.json holds the same keys: "voice." and the phrase
// clips the grammars use or the name of every shipped move, each a text that is
// not empty, with English's placeholders (none today), keys sorted as
// jq -S writes them; and a file for no other language.
func TestVoiceFilesAgree(t *testing.T) {
	want := phraseClips()
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		for _, m := range r.Moves {
			if k := "move-" + m.ID; !slices.Contains(want, k) {
				want = append(want, k)
			}
		}
	}
	for i, k := range want {
		want[i] = voiceKey + k
	}
	slices.Sort(want)
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}`)
	read := func(lang i18n.Lang) map[string]string {
		b, err := fs.ReadFile(assets.Lang, voiceFile(lang))
		if err != nil {
			t.Fatal(err)
		}
		var texts map[string]string
		if err := json.Unmarshal(b, &texts); err != nil {
			t.Fatalf("%s: %v", voiceFile(lang), err)
		}
		var sorted bytes.Buffer
		enc := json.NewEncoder(&sorted)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(texts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, sorted.Bytes()) {
			t.Errorf("%s: not as jq -S writes it (keys sorted, two spaces)", voiceFile(lang))
		}
		return texts
	}
	en := read(i18n.English)
	for _, lang := range i18n.Supported {
		texts := read(lang)
		var keys []string
		for k, text := range texts {
			keys = append(keys, k)
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: %q is empty", voiceFile(lang), k)
			}
			if got, want := placeholder.FindAllString(text, -1), placeholder.FindAllString(en[k], -1); !slices.Equal(got, want) {
				t.Errorf("%s: %q has the placeholders %q, English %q", voiceFile(lang), k, got, want)
			}
		}
		slices.Sort(keys)
		if !slices.Equal(keys, want) {
			t.Errorf("%s: keys\n%q\nwant\n%q", voiceFile(lang), keys, want)
		}
	}
	for _, p := range i18n.CheckFamily(assets.Lang, "lang/voice") {
		t.Error(p)
	}
	files, err := fs.Glob(assets.Lang, "lang/voice.*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(i18n.Supported) {
		t.Errorf("voice files %q, want one per language of %q", files, i18n.Supported)
	}
}

// numberText says n in lang with agreement g, by the words of its clips.
func numberText(t *testing.T, lang i18n.Lang, n int, g gender) string {
	t.Helper()
	words := grammars[lang].numberWords()
	var out strings.Builder
	for i, c := range grammars[lang].number(n, g) {
		if c == join {
			continue
		}
		w, ok := words[c]
		if !ok {
			t.Fatalf("%s %d: clip %q has no word", lang, n, c)
		}
		if i > 0 && grammars[lang].number(n, g)[i-1] != join {
			out.WriteString(" ")
		}
		out.WriteString(w)
	}
	return out.String()
}

// The numbers as each language says them (written here by hand, an
// independent truth), with agreement where the language has it; German
// joins its clips into one word ("einund"+"zwanzig"). French
// writes some of its numbers with hyphens the clips say as separate words;
// "quatre-vingts" loses its s before another number but is said the same.
func TestNumbersAsSaid(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		n    int
		g    gender
		want string
	}{
		{i18n.English, 7, plain, "seven"}, {i18n.English, 25, plain, "twenty five"}, {i18n.English, 45, masc, "forty five"},
		{i18n.English, 100, plain, "one hundred"},
		{i18n.German, 1, plain, "eins"}, {i18n.German, 21, fem, "einundzwanzig"}, {i18n.German, 25, plain, "fünfundzwanzig"},
		{i18n.German, 45, plain, "fünfundvierzig"}, {i18n.German, 30, plain, "dreißig"}, {i18n.German, 97, plain, "siebenundneunzig"},
		{i18n.German, 100, plain, "hundert"},
		{i18n.Spanish, 1, plain, "uno"}, {i18n.Spanish, 1, masc, "un"}, {i18n.Spanish, 1, fem, "una"}, {i18n.Spanish, 16, plain, "dieciséis"},
		{i18n.Spanish, 21, masc, "veintiún"}, {i18n.Spanish, 21, fem, "veintiuna"}, {i18n.Spanish, 25, plain, "veinticinco"},
		{i18n.Spanish, 31, masc, "treinta y un"}, {i18n.Spanish, 41, fem, "cuarenta y una"}, {i18n.Spanish, 45, masc, "cuarenta y cinco"},
		{i18n.Spanish, 90, plain, "noventa"}, {i18n.Spanish, 100, plain, "cien"},
		{i18n.French, 1, fem, "une"}, {i18n.French, 17, plain, "dix-sept"}, {i18n.French, 21, fem, "vingt et une"},
		{i18n.French, 21, plain, "vingt et un"}, {i18n.French, 25, plain, "vingt cinq"}, {i18n.French, 45, fem, "quarante cinq"},
		{i18n.French, 70, plain, "soixante dix"}, {i18n.French, 71, plain, "soixante et onze"}, {i18n.French, 77, plain, "soixante dix-sept"},
		{i18n.French, 80, plain, "quatre-vingts"}, {i18n.French, 81, fem, "quatre-vingts une"}, {i18n.French, 90, plain, "quatre-vingts dix"},
		{i18n.French, 99, plain, "quatre-vingts dix-neuf"}, {i18n.French, 100, plain, "cent"},
	} {
		if got := numberText(t, c.lang, c.n, c.g); got != c.want {
			t.Errorf("%s %d (%v): %q, want %q", c.lang, c.n, c.g, got, c.want)
		}
	}
	for _, lang := range i18n.Supported {
		if grammars[lang].number(0, plain) != nil || grammars[lang].number(101, plain) != nil {
			t.Errorf("%s says 0 or 101", lang)
		}
	}
}

// Each language orders the words of each phrase its own way and makes
// them agree: the prompts as the bank composes them.
func TestPhrasesInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		id   phraseID
		n, m int
		want string
	}{
		{i18n.English, phHold, 30, 0, "hold 30 seconds"}, {i18n.English, phHoldOne, 1, 0, "hold one second"},
		{i18n.English, phSet, 2, 3, "set 2 of 3"}, {i18n.English, phRepsEachSide, 6, 0, "6 reps each side"},
		{i18n.German, phHold, 5, 0, "5 Sekunden halten"}, {i18n.German, phHoldOne, 1, 0, "eine Sekunde halten"},
		{i18n.German, phReps, 3, 0, "3 Wiederholungen"}, {i18n.German, phSet, 2, 3, "Satz 2 von 3"},
		{i18n.German, phTimeLeft, 10, 0, "10 Sekunden"}, {i18n.German, phNext, 0, 0, "Als Nächstes: Seitstütz"},
		{i18n.Spanish, phHold, 5, 0, "mantén 5 segundos"}, {i18n.Spanish, phHoldOne, 1, 0, "mantén un segundo"},
		{i18n.Spanish, phRepsEachSide, 6, 0, "6 repeticiones por lado"}, {i18n.Spanish, phSet, 2, 3, "serie 2 de 3"},
		{i18n.Spanish, phTimeLeftOne, 1, 0, "un segundo"},
		{i18n.French, phHold, 5, 0, "tenez 5 secondes"}, {i18n.French, phHoldOne, 1, 0, "tenez une seconde"},
		{i18n.French, phRepsEachSide, 6, 0, "6 répétitions de chaque côté"}, {i18n.French, phSet, 2, 3, "série 2 sur 3"},
		{i18n.French, phNext, 0, 0, "Suivant : Planches latérales"},
	} {
		v, _ := LoadVoicesIn(c.lang, nil, "")
		a := &arranger{voices: v}
		w, ok := a.phrase(c.id, c.n, c.m, "side-planks")
		if !ok || w.text != c.want {
			t.Errorf("%s phrase %d (%d, %d): %q %v, want %q", c.lang, c.id, c.n, c.m, w.text, ok, c.want)
		}
		if s, ok := v.compose(w.clips); !ok || len(s) == 0 {
			t.Errorf("%s %q: clips %q not all in the bank", c.lang, w.text, w.clips)
		}
	}
	// The agreement shows in the clips: "veintiún segundos", "vingt et une secondes".
	for _, c := range []struct {
		lang  i18n.Lang
		id    phraseID
		n     int
		clips []string
	}{
		{i18n.Spanish, phHold, 21, []string{clipHold, "21m", clipSeconds}},
		{i18n.Spanish, phReps, 31, []string{"30", "y", "1f", clipReps}},
		{i18n.French, phHold, 21, []string{clipHold, "20", "et", "1f", clipSeconds}},
		{i18n.German, phHold, 21, []string{"1und", join, "20", clipSeconds, clipHold}},
	} {
		v, _ := LoadVoicesIn(c.lang, nil, "")
		w, _ := (&arranger{voices: v}).phrase(c.id, c.n, 0, "")
		if !slices.Equal(w.clips, c.clips) {
			t.Errorf("%s %d: clips %q, want %q", c.lang, c.n, w.clips, c.clips)
		}
	}
}

// A routine's move named as a shipped move in any language (a routine
// overlay's German name) says the shipped clip in the bank's language; an
// unknown language is English, with a warning.
func TestShippedNamesInAnyLanguage(t *testing.T) {
	r := routine.Default()
	cp := *r
	cp.Moves = append([]routine.Move(nil), r.Moves[:2]...)
	cp.Moves[0].Name, cp.Moves[1].Name = "Band-Überzug über Kopf", "marcha de psoas"
	for _, lang := range []i18n.Lang{i18n.English, i18n.French} {
		v, warnings := LoadVoicesIn(lang, &cp, "")
		if w := append(warnings, v.Wait()...); len(w) > 0 {
			t.Fatalf("%s: %q", lang, w)
		}
		texts, _ := voiceTexts(lang)
		for _, m := range cp.Moves {
			if got, _ := v.text(moveClip(m.ID)); got != texts[moveClip(m.ID)] || v.Duration(moveClip(m.ID)) == 0 {
				t.Errorf("%s %s: says %q (%v), want the shipped %q", lang, m.Name, got, v.Duration(moveClip(m.ID)), texts[moveClip(m.ID)])
			}
		}
	}
	v, warnings := LoadVoicesIn("pt", nil, "")
	if v.Language() != i18n.English || len(warnings) != 1 || !strings.Contains(warnings[0], `"pt"`) {
		t.Errorf("pt: %s, warnings %q", v.Language(), warnings)
	}
}

// singleClips are the phrase clips said alone or after a pause, in every
// language (the phrases' templates name the others).
var singleClips = []string{clipGetReady, clipLeftSideFirst, clipLastSet, clipLeft, clipRight, clipLeftSide,
	clipRightSide, clipSwitch, clipRest, clipHalfway, clipDone, PhraseHurts, PhraseStop, PhraseStopAgain}

// phraseClips returns every phrase clip name a language's templates use,
// besides numbers and moves, with the fixed phrases; sorted.
func phraseClips() []string {
	seen := map[string]bool{}
	for _, g := range grammars {
		for _, tmpl := range g.phrases {
			for _, tok := range tmpl {
				if !strings.HasPrefix(tok, tokN) && tok != tokM && tok != tokMove {
					seen[tok] = true
				}
			}
		}
	}
	for _, c := range singleClips {
		seen[c] = true
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}
