package cue

import (
	"fmt"
	"strings"
)

// The numbers 1..100 each language says, as clips named by the number
// ("21"; "21m" and "21f" where it agrees with a noun, "y" and "et" for
// the words between, "1und" for German's "einund"): every number a prompt
// says (reps, seconds, sets, a rep counted) is right, composed as the
// language composes it.

// itoa names a number clip.
func itoa(n int) string { return fmt.Sprint(n) }

// numberEnglish: 1..20 and the tens are clips, 21..99 two ("twenty"
// "five").
func numberEnglish(n int, _ gender) []string {
	switch {
	case n >= 1 && n <= 20, n == 100, n > 20 && n < 100 && n%10 == 0:
		return []string{itoa(n)}
	case n > 20 && n < 100:
		return []string{itoa(n / 10 * 10), itoa(n % 10)}
	}
	return nil
}

var (
	enUnits = strings.Fields("one two three four five six seven eight nine ten eleven twelve thirteen fourteen " +
		"fifteen sixteen seventeen eighteen nineteen twenty")
	enTens = strings.Fields("thirty forty fifty sixty seventy eighty ninety")
)

func wordsEnglish() map[string]string {
	out := map[string]string{"100": "one hundred"}
	for i, w := range enUnits {
		out[itoa(i+1)] = w
	}
	for i, w := range enTens {
		out[itoa(30+10*i)] = w
	}
	return out
}

// numberGerman: 1..20, the tens and 100 are clips; 21..99, one word
// written, are the unit with "und" and the tens said without a gap
// between them ("einund"+"zwanzig"): 9 clips instead of 72 (as single
// clips they took 14 MB more of memory and 3 s more to decode).
func numberGerman(n int, _ gender) []string {
	switch {
	case n >= 1 && n <= 20, n == 100, n > 20 && n < 100 && n%10 == 0:
		return []string{itoa(n)}
	case n > 20 && n < 100:
		return []string{itoa(n%10) + "und", join, itoa(n / 10 * 10)}
	}
	return nil
}

var (
	deUnits = strings.Fields("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn " +
		"fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig")
	deTens = strings.Fields("dreißig vierzig fünfzig sechzig siebzig achtzig neunzig")
)

func wordsGerman() map[string]string {
	out := map[string]string{"100": "hundert", "1und": "einund"}
	for i, w := range deUnits {
		out[itoa(i+1)] = w
	}
	for i, w := range deTens {
		out[itoa(30+10*i)] = w
	}
	for u := 2; u <= 9; u++ {
		out[itoa(u)+"und"] = deUnits[u-1] + "und"
	}
	return out
}

// numberSpanish: 1..29 are one word each ("veintiséis"), 31..99 the
// tens, "y" and the unit ("treinta y cinco"); a number ending in one
// agrees with its noun ("veintiún segundos", "treinta y una
// repeticiones").
func numberSpanish(n int, g gender) []string {
	unit := func(u int) string {
		if (u == 1 || u == 21) && g != plain {
			return itoa(u) + genderSuffix(g)
		}
		return itoa(u)
	}
	switch {
	case n >= 1 && n <= 29:
		return []string{unit(n)}
	case n == 100, n > 29 && n < 100 && n%10 == 0:
		return []string{itoa(n)}
	case n > 29 && n < 100:
		return []string{itoa(n / 10 * 10), "y", unit(n % 10)}
	}
	return nil
}

func genderSuffix(g gender) string {
	if g == fem {
		return "f"
	}
	return "m"
}

var (
	esUnits = strings.Fields("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince " +
		"dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro " +
		"veinticinco veintiséis veintisiete veintiocho veintinueve")
	esTens = strings.Fields("treinta cuarenta cincuenta sesenta setenta ochenta noventa")
)

func wordsSpanish() map[string]string {
	out := map[string]string{"100": "cien", "y": "y", "1m": "un", "1f": "una", "21m": "veintiún", "21f": "veintiuna"}
	for i, w := range esUnits {
		out[itoa(i+1)] = w
	}
	for i, w := range esTens {
		out[itoa(30+10*i)] = w
	}
	return out
}

// numberFrench: 1..20, the tens to 60, 80 and 100 are clips; 21..69 are
// the tens and the unit ("vingt" "et" "un", "trente" "deux"), 70..79
// "soixante" and 10..19, 80..99 "quatre-vingt" and 1..19. "Un" agrees with
// a feminine noun ("vingt et une secondes").
func numberFrench(n int, g gender) []string {
	unit := func(u int) []string {
		if u == 1 && g == fem {
			return []string{"1f"}
		}
		return []string{itoa(u)}
	}
	switch {
	case n >= 1 && n <= 20:
		return unit(n)
	case n == 100, n > 20 && n < 70 && n%10 == 0, n == 80:
		return []string{itoa(n)}
	case n > 20 && n < 70 && n%10 == 1:
		return append([]string{itoa(n / 10 * 10), "et"}, unit(1)...)
	case n > 20 && n < 70:
		return []string{itoa(n / 10 * 10), itoa(n % 10)}
	case n == 71:
		return []string{"60", "et", "11"}
	case n >= 70 && n < 80:
		return []string{"60", itoa(n - 60)}
	case n > 80 && n < 100:
		return append([]string{"80"}, unit(n-80)...)
	}
	return nil
}

var frUnits = strings.Fields("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze " +
	"seize dix-sept dix-huit dix-neuf vingt")

func wordsFrench() map[string]string {
	out := map[string]string{"30": "trente", "40": "quarante", "50": "cinquante", "60": "soixante",
		"80": "quatre-vingts", "100": "cent", "et": "et", "1f": "une"}
	for i, w := range frUnits {
		out[itoa(i+1)] = w
	}
	return out
}
