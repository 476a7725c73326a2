// Package i18n holds the languages Spine Routine speaks: which one the
// system asks for, the words of dates and numbers in each, and catalogs of
// translated messages (go-i18n JSON files, one per language) with a check
// that every language's file of a family has the keys and placeholders of
// the English one. It imports no GUI toolkit.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a language the app speaks, as its ISO 639-1 tag ("en", "de", ...).
type Lang string

// The languages the app ships.
const (
	English Lang = "en"
	German  Lang = "de"
	Spanish Lang = "es"
	French  Lang = "fr"
)

// Supported is every language the app ships, English first.
var Supported = []Lang{English, German, Spanish, French}

// names is each language's name in itself.
var names = map[Lang]string{
	English: "English",
	German:  "Deutsch",
	Spanish: "Español",
	French:  "Français",
}

// Name is the language's name in itself: English, Deutsch, Español, Français.
// An unknown language is named by its tag.
func (l Lang) Name() string {
	if n, ok := names[l]; ok {
		return n
	}
	return string(l)
}

// String is the tag.
func (l Lang) String() string { return string(l) }

// known reports whether the app ships l.
func (l Lang) known() bool {
	_, ok := names[l]
	return ok
}

// Tags is the tags of Supported, for messages ("en, de, es, fr").
func Tags() string {
	tags := make([]string, len(Supported))
	for i, l := range Supported {
		tags[i] = string(l)
	}
	return strings.Join(tags, ", ")
}

// Parse reads a language tag as --lang and the language setting spell it:
// "de", "DE", "de_DE", "de-DE" or "de_DE.UTF-8" are German. A language the
// app does not ship is an error naming the ones it does.
func Parse(s string) (Lang, error) {
	l, ok := fromLocale(s)
	if !ok {
		return "", fmt.Errorf("language %q is not one of %s", s, Tags())
	}
	return l, nil
}

// fromLocale is the language of a locale name ("de_DE.UTF-8@euro" -> de),
// false when it names no language the app ships (C, POSIX, "", pt_BR).
func fromLocale(s string) (Lang, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexAny(s, "_-"); i >= 0 {
		s = s[:i]
	}
	l := Lang(strings.ToLower(s))
	return l, l.known()
}

// FromEnv is the language the system asks for, read through getenv
// (os.Getenv) as gettext and Fyne's lang (go-locale) read it: the locale
// is the first of LC_ALL, LC_MESSAGES and LANG that is set; unless it is
// C or POSIX, the first entry of LANGUAGE's ':' list the app ships comes
// before it. C, POSIX, no locale and a language the app does not ship
// are English.
func FromEnv(getenv func(string) string) Lang {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" {
		return English
	}
	for _, entry := range strings.Split(getenv("LANGUAGE"), ":") {
		if l, ok := fromLocale(entry); ok {
			return l
		}
	}
	if l, ok := fromLocale(locale); ok {
		return l
	}
	return English
}
