package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Messages is a family of translated messages ("report", "voice"): the
// go-i18n JSON files <family>.<lang>.json of one directory, as Fyne's lang
// package reads the window's. A message is a string or, when it depends on
// a count, an object of CLDR plural forms ({"one": ..., "other": ...});
// placeholders are Go template fields ({{.Name}}, {{.Count}}).
type Messages struct {
	bundle *i18n.Bundle
	langs  []Lang // the languages loaded, sorted
}

// Catalog loads the family's files from fsys: family is a path such as
// "lang/report", the files lang/report.en.json, lang/report.de.json, ...
// English must be among them: it is what a missing message falls back to.
func Catalog(fsys fs.FS, family string) (*Messages, error) {
	files, err := familyFiles(fsys, family)
	if err != nil {
		return nil, err
	}
	if _, ok := files[English]; !ok {
		return nil, fmt.Errorf("%s.%s.json: not found: English is the messages' fallback", family, English)
	}
	m := &Messages{bundle: i18n.NewBundle(language.English)}
	for l, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		if _, err := m.bundle.ParseMessageFileBytes(data, name); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		m.langs = append(m.langs, l)
	}
	sort.Slice(m.langs, func(i, j int) bool { return m.langs[i] < m.langs[j] })
	return m, nil
}

// familyFiles is the files of the family in fsys by language.
func familyFiles(fsys fs.FS, family string) (map[Lang]string, error) {
	dir, base := path.Split(family)
	dir = strings.TrimSuffix(dir, "/")
	if dir == "" {
		dir = "."
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading the %s messages: %w", family, err)
	}
	files := map[Lang]string{}
	for _, e := range entries {
		name := e.Name()
		tag, ok := strings.CutPrefix(name, base+".")
		if !ok || e.IsDir() {
			continue
		}
		tag, ok = strings.CutSuffix(tag, ".json")
		if !ok || strings.Contains(tag, ".") {
			continue
		}
		files[Lang(tag)] = path.Join(dir, name)
	}
	return files, nil
}

// Languages is the languages the catalog has a file for.
func (m *Messages) Languages() []Lang { return append([]Lang(nil), m.langs...) }

// In is the catalog's messages in l, falling back to English for a message
// l's file lacks.
func (m *Messages) In(l Lang) *Texts {
	return &Texts{lang: l, loc: i18n.NewLocalizer(m.bundle, string(l), string(English))}
}

// Texts is a catalog's messages in one language.
type Texts struct {
	lang Lang
	loc  *i18n.Localizer
}

// Lang is the language of the texts: for its dates and numbers.
func (t *Texts) Lang() Lang { return t.lang }

// T is the message id with data filling its placeholders (nil for none):
// T("report.title", nil), T("report.made", map[string]any{"Date": d}).
// A message no file has, or whose template fails, is its id, so that a
// missing key shows (CheckFamily and the callers' tests catch it first).
func (t *Texts) T(id string, data map[string]any) string {
	return orID(id)(t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data}))
}

// N is the message id in the plural form count asks for in the language,
// with count as {{.Count}} and data filling the other placeholders:
// N("report.days", 3, nil) is "3 days", "3 Tage", "3 días", "3 jours".
func (t *Texts) N(id string, count int, data map[string]any) string {
	d := map[string]any{"Count": count}
	for k, v := range data {
		d[k] = v
	}
	return orID(id)(t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: d}))
}

// orID is what go-i18n made of a message, which it makes even when it
// reports the message missing in the language (the English one, then) or
// a plural form missing (the "other" one); the id when it made nothing.
func orID(id string) func(string, error) string {
	return func(s string, _ error) string {
		if s == "" {
			return id
		}
		return s
	}
}
