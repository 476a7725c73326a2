package cue

import (
	"fmt"
	"spineroutine/internal/i18n"
	"strings"
)

// phraseID names a phrase whose words depend on a number or a move.
type phraseID int

// The phrases composed of clips; each language orders their words.
const (
	phNext         phraseID = iota // "Next:" and the move's name
	phReps                         // "12 reps"
	phRepsEachSide                 // "6 reps each side"
	phHold                         // "hold 30 seconds"
	phHoldOne                      // "hold one second"
	phTimeLeft                     // "10 seconds" (left)
	phTimeLeftOne                  // "one second" (left)
	phSet                          // "set 2 of 3"
	phCount                        // "4" (a rep counted)
)

// Template tokens: a clip name, or one of these.
const (
	tokMove  = "@"  // the move's name
	tokN     = "#"  // the number, as counted ("one", "uno", "un")
	tokNMasc = "#m" // the number before a masculine noun ("un segundo")
	tokNFem  = "#f" // the number before a feminine noun ("una", "une")
	tokM     = "%"  // the second number ("of 3"), as counted
)

// gender is the grammatical gender a number agrees with.
type gender int

const (
	plain gender = iota // counting: no noun, or a language without agreement
	masc
	fem
)

// grammar is how one language composes its prompts: a template of clips
// per phrase (word order and agreement), and its numbers.
type grammar struct {
	lang i18n.Lang
	// espeak is espeak-ng's voice for the language (make-voices.sh and
	// the names of a user's moves); festival, when not empty, the
	// Festival voice preferred to it.
	espeak, festival string
	phrases          map[phraseID][]string
	// number returns the clips that say n (1..100) agreeing with g, nil
	// for a number it cannot say; numberWords gives what each number
	// clip says (for make-voices.sh).
	number      func(n int, g gender) []string
	numberWords func() map[string]string
}

// grammars holds the rules of each language of i18n.Supported. A language's phrase clips and
// move names are in assets/lang/voice.<tag>.json (translators edit them);
// the order of the words and the numbers are here.
var grammars = map[i18n.Lang]*grammar{
	i18n.English: {
		espeak: "en-us", festival: festivalVoice,
		phrases: map[phraseID][]string{
			phNext: {clipNext, tokMove}, phReps: {tokN, clipReps}, phRepsEachSide: {tokN, clipReps, clipEachSide},
			phHold: {clipHold, tokN, clipSeconds}, phHoldOne: {clipHold, clipOneSecond},
			phTimeLeft: {tokN, clipSeconds}, phTimeLeftOne: {clipOneSecond},
			phSet: {clipSet, tokN, clipOf, tokM}, phCount: {tokN},
		},
		number: numberEnglish, numberWords: wordsEnglish,
	},
	// "6 Wiederholungen pro Seite", "30 Sekunden halten", "Satz 2 von 3";
	// no number agrees with a noun ("einundzwanzig Sekunden").
	i18n.German: {
		espeak: "de",
		phrases: map[phraseID][]string{
			phNext: {clipNext, tokMove}, phReps: {tokN, clipReps}, phRepsEachSide: {tokN, clipReps, clipEachSide},
			phHold: {tokN, clipSeconds, clipHold}, phHoldOne: {clipOneSecond, clipHold},
			phTimeLeft: {tokN, clipSeconds}, phTimeLeftOne: {clipOneSecond},
			phSet: {clipSet, tokN, clipOf, tokM}, phCount: {tokN},
		},
		number: numberGerman, numberWords: wordsGerman,
	},
	// "6 repeticiones por lado" (feminine: "veintiuna repeticiones"),
	// "mantén 30 segundos" (masculine: "veintiún segundos"), "serie 2 de 3".
	i18n.Spanish: {
		espeak: "es",
		phrases: map[phraseID][]string{
			phNext: {clipNext, tokMove}, phReps: {tokNFem, clipReps}, phRepsEachSide: {tokNFem, clipReps, clipEachSide},
			phHold: {clipHold, tokNMasc, clipSeconds}, phHoldOne: {clipHold, clipOneSecond},
			phTimeLeft: {tokNMasc, clipSeconds}, phTimeLeftOne: {clipOneSecond},
			phSet: {clipSet, tokN, clipOf, tokM}, phCount: {tokN},
		},
		number: numberSpanish, numberWords: wordsSpanish,
	},
	// "6 répétitions de chaque côté", "tenez 30 secondes" (both feminine:
	// "vingt et une secondes"), "série 2 sur 3".
	i18n.French: {
		espeak: "fr-fr",
		phrases: map[phraseID][]string{
			phNext: {clipNext, tokMove}, phReps: {tokNFem, clipReps}, phRepsEachSide: {tokNFem, clipReps, clipEachSide},
			phHold: {clipHold, tokNFem, clipSeconds}, phHoldOne: {clipHold, clipOneSecond},
			phTimeLeft: {tokNFem, clipSeconds}, phTimeLeftOne: {clipOneSecond},
			phSet: {clipSet, tokN, clipOf, tokM}, phCount: {tokN},
		},
		number: numberFrench, numberWords: wordsFrench,
	},
}

func init() {
	for tag, g := range grammars {
		g.lang = tag
	}
}

// grammarOf returns the rules of language lang ("" is English), or an
// error naming the languages there are.
func grammarOf(lang i18n.Lang) (*grammar, error) {
	if lang == "" {
		lang = i18n.English
	}
	g, ok := grammars[lang]
	if !ok {
		return nil, fmt.Errorf("the voice speaks no %q (it speaks %s)", lang, i18n.Tags())
	}
	return g, nil
}

// words is part of a prompt: the clips said, in order, and their text.
type words struct {
	clips []string
	text  string
}

// expand returns the words of phrase id in the bank's language with the
// numbers n and m and the move move, or false when a number cannot be
// said (0, over 100) or the language lacks the phrase.
func (v *VoiceBank) expand(id phraseID, n, m int, move string, clipText func(string) string) (words, bool) {
	tmpl := v.grammar().phrases[id]
	if tmpl == nil {
		return words{}, false
	}
	var w words
	var text []string
	for _, tok := range tmpl {
		var cs []string
		var t string
		switch tok {
		case tokMove:
			cs, t = []string{moveClip(move)}, clipText(moveClip(move))
		case tokN, tokNMasc, tokNFem, tokM:
			x, g := n, plain
			switch tok {
			case tokNMasc:
				g = masc
			case tokNFem:
				g = fem
			case tokM:
				x = m
			}
			cs, t = v.grammar().number(x, g), fmt.Sprint(x)
			if cs == nil {
				return words{}, false
			}
		default:
			cs, t = []string{tok}, clipText(tok)
		}
		w.clips = append(w.clips, cs...)
		text = append(text, t)
	}
	w.text = strings.Join(text, " ")
	return w, true
}
