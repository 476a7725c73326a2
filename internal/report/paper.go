package report

import (
	"fmt"
	"strings"
)

// Paper is a sheet size.
type Paper string

// The paper sizes a report is made on.
const (
	A4     Paper = "a4"
	Letter Paper = "letter" // US Letter
)

// ParsePaper reads "a4" or "letter" (any case).
func ParsePaper(s string) (Paper, error) {
	switch p := Paper(strings.ToLower(s)); p {
	case A4, Letter:
		return p, nil
	}
	return "", fmt.Errorf("paper %q: want a4 or letter", s)
}

// letterTerritories are the countries whose locales print on US Letter
// (the territories of glibc's LC_PAPER letter locales).
var letterTerritories = map[string]bool{
	"US": true, "CA": true, "MX": true, "CL": true, "CO": true, "VE": true, "PH": true, "PR": true,
	"CR": true, "GT": true, "SV": true, "NI": true, "PA": true, "DO": true, "BZ": true,
}

// PaperFor returns the paper of the locale the environment sets: the first
// of LC_ALL, LC_PAPER and LANG that is set decides (getenv looks them up);
// a locale of a letter country ("en_US.UTF-8", "es_MX") is Letter,
// anything else, "C" and "POSIX" included, A4.
func PaperFor(getenv func(string) string) Paper {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		loc := getenv(name)
		if loc == "" {
			continue
		}
		loc, _, _ = strings.Cut(loc, ".")
		loc, _, _ = strings.Cut(loc, "@")
		if _, terr, ok := strings.Cut(loc, "_"); ok && letterTerritories[strings.ToUpper(terr)] {
			return Letter
		}
		return A4
	}
	return A4
}
