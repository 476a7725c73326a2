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
	read := func(lang string) map[string]string {
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
	en := read(English)
	for _, lang := range Languages {
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
	files, err := fs.Glob(assets.Lang, "lang/voice.*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(Languages) {
		t.Errorf("voice files %q, want one per language of %q", files, Languages)
	}
}

// numberText says n in lang with agreement g, by the words of its clips.
func numberText(t *testing.T, lang string, n int, g gender) string {
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
		lang string
		n    int
		g    gender
		want string
	}{
		{English, 7, plain, "seven"}, {English, 25, plain, "twenty five"}, {English, 45, masc, "forty five"},
		{English, 100, plain, "one hundred"},
		{German, 1, plain, "eins"}, {German, 21, fem, "einundzwanzig"}, {German, 25, plain, "fünfundzwanzig"},
		{German, 45, plain, "fünfundvierzig"}, {German, 30, plain, "dreißig"}, {German, 97, plain, "siebenundneunzig"},
		{German, 100, plain, "hundert"},
		{Spanish, 1, plain, "uno"}, {Spanish, 1, masc, "un"}, {Spanish, 1, fem, "una"}, {Spanish, 16, plain, "dieciséis"},
		{Spanish, 21, masc, "veintiún"}, {Spanish, 21, fem, "veintiuna"}, {Spanish, 25, plain, "veinticinco"},
		{Spanish, 31, masc, "treinta y un"}, {Spanish, 41, fem, "cuarenta y una"}, {Spanish, 45, masc, "cuarenta y cinco"},
		{Spanish, 90, plain, "noventa"}, {Spanish, 100, plain, "cien"},
		{French, 1, fem, "une"}, {French, 17, plain, "dix-sept"}, {French, 21, fem, "vingt et une"},
		{French, 21, plain, "vingt et un"}, {French, 25, plain, "vingt cinq"}, {French, 45, fem, "quarante cinq"},
		{French, 70, plain, "soixante dix"}, {French, 71, plain, "soixante et onze"}, {French, 77, plain, "soixante dix-sept"},
		{French, 80, plain, "quatre-vingts"}, {French, 81, fem, "quatre-vingts une"}, {French, 90, plain, "quatre-vingts dix"},
		{French, 99, plain, "quatre-vingts dix-neuf"}, {French, 100, plain, "cent"},
	} {
		if got := numberText(t, c.lang, c.n, c.g); got != c.want {
			t.Errorf("%s %d (%v): %q, want %q", c.lang, c.n, c.g, got, c.want)
		}
	}
	for _, lang := range Languages {
		if grammars[lang].number(0, plain) != nil || grammars[lang].number(101, plain) != nil {
			t.Errorf("%s says 0 or 101", lang)
		}
	}
}

// Each language orders the words of each phrase its own way and makes
// them agree: the prompts as the bank composes them.
func TestPhrasesInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang string
		id   phraseID
		n, m int
		want string
	}{
		{English, phHold, 30, 0, "hold 30 seconds"}, {English, phHoldOne, 1, 0, "hold one second"},
		{English, phSet, 2, 3, "set 2 of 3"}, {English, phRepsEachSide, 6, 0, "6 reps each side"},
		{German, phHold, 5, 0, "5 Sekunden halten"}, {German, phHoldOne, 1, 0, "eine Sekunde halten"},
		{German, phReps, 3, 0, "3 Wiederholungen"}, {German, phSet, 2, 3, "Satz 2 von 3"},
		{German, phTimeLeft, 10, 0, "10 Sekunden"}, {German, phNext, 0, 0, "Als Nächstes: Seitstütz"},
		{Spanish, phHold, 5, 0, "mantén 5 segundos"}, {Spanish, phHoldOne, 1, 0, "mantén un segundo"},
		{Spanish, phRepsEachSide, 6, 0, "6 repeticiones por lado"}, {Spanish, phSet, 2, 3, "serie 2 de 3"},
		{Spanish, phTimeLeftOne, 1, 0, "un segundo"},
		{French, phHold, 5, 0, "tenez 5 secondes"}, {French, phHoldOne, 1, 0, "tenez une seconde"},
		{French, phRepsEachSide, 6, 0, "6 répétitions de chaque côté"}, {French, phSet, 2, 3, "série 2 sur 3"},
		{French, phNext, 0, 0, "Suivant : Planches latérales"},
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
		lang  string
		id    phraseID
		n     int
		clips []string
	}{
		{Spanish, phHold, 21, []string{clipHold, "21m", clipSeconds}},
		{Spanish, phReps, 31, []string{"30", "y", "1f", clipReps}},
		{French, phHold, 21, []string{clipHold, "20", "et", "1f", clipSeconds}},
		{German, phHold, 21, []string{"1und", join, "20", clipSeconds, clipHold}},
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
	for _, lang := range []string{English, French} {
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
	if v.Language() != English || len(warnings) != 1 || !strings.Contains(warnings[0], `"pt"`) {
		t.Errorf("pt: %s, warnings %q", v.Language(), warnings)
	}
}
