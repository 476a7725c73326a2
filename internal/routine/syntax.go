package routine

import (
	"regexp"
	"strings"
)

// syntaxWords says a TOML syntax error of the decoder in plain words, for
// a person who edits a routine by hand (the file and line come with it).
var syntaxWords = []struct {
	raw   *regexp.Regexp
	plain string // $1: the first group of raw
}{
	{regexp.MustCompile(`^expected end of table array name delimiter`), "a [[move]] header is not closed: end it with ]]"},
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name`), "a [table] header is not closed: end it with ]"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator`), "a list is not closed, or its items lack commas: write it like [6, 4, 2]"},
	{regexp.MustCompile(`^expected a comma or an inline table terminator`), "a { } table is not closed, or its items lack commas"},
	{regexp.MustCompile(`^expected value but found '\\n'`), "a value is missing after ="},
	{regexp.MustCompile(`^expected value but found (.*) instead`), "the value $1 is not a number, a list or a text in quotes (put text in \"quotes\")"},
	{regexp.MustCompile(`^expected '\.' or '=', but got`), "a key must be followed by = and its value"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline`), "write one key = value per line"},
	{regexp.MustCompile(`^unexpected '='`), "a key is missing before ="},
	{regexp.MustCompile(`^unexpected EOF`), "the file ends in the middle of a list, a text or a key without its value"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined`), "$1 is given twice"},
	{regexp.MustCompile(`^unexpected end of table name|^unexpected table separator`), "a table header is empty: write [[move]]"},
}

// plainSyntax returns the decoder's message msg in plain words, prefixed
// "not valid TOML: " (the decoder's own words for one it does not know).
func plainSyntax(msg string) string {
	for _, w := range syntaxWords {
		if m := w.raw.FindStringSubmatchIndex(msg); m != nil {
			return "not valid TOML: " + string(w.raw.ExpandString(nil, w.plain, msg, m))
		}
	}
	return "not valid TOML: " + strings.TrimSuffix(msg, ".")
}
