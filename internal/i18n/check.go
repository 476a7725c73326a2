package i18n

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"
)

// pluralForms is the CLDR plural forms a message of each language may have
// (what go-i18n picks among); one and other are required of every plural.
var pluralForms = map[Lang][]string{
	English: {"one", "other"},
	German:  {"one", "other"},
	Spanish: {"one", "many", "other"},
	French:  {"one", "many", "other"},
}

// allForms is every CLDR plural form: an object of only these keys is a plural.
var allForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// entry is one message of a file as written.
type entry struct {
	line  int               // the line of its key
	forms map[string]string // "" for a plain string, else the plural forms
}

// plural reports whether the message has plural forms.
func (e entry) plural() bool {
	_, plain := e.forms[""]
	return !plain
}

// CheckFamily checks the family's files (family as Catalog takes it, such
// as "lang/report") against the English one and returns every problem,
// each naming the file, the line and the key; none when every language of
// Supported has a file that parses, holds every English key and no other,
// each message with English's placeholders ({{.Name}}) and, for a
// message that depends on a count, the plural forms of its language.
// English's file is the reference: it holds every key, also in a family
// keyed by the English text itself (the window's), where its text is the
// key again.
func CheckFamily(fsys fs.FS, family string) []string {
	files, err := familyFiles(fsys, family)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	read := map[Lang]map[string]entry{}
	for _, l := range Supported {
		name, ok := files[l]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s.%s.json: missing: %s has no file", family, l, l.Name()))
			continue
		}
		entries, err := readEntries(fsys, name)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		read[l] = entries
	}
	for l, name := range files {
		if !l.known() {
			problems = append(problems, fmt.Sprintf("%s: %q is not a language of i18n.Supported (%s)", name, l, Tags()))
		}
	}
	en, ok := read[English]
	if !ok {
		return problems
	}
	for _, l := range Supported {
		entries, ok := read[l]
		if !ok {
			continue
		}
		problems = append(problems, compare(files[English], en, files[l], l, entries)...)
	}
	return problems
}

// compare is the problems of language l's entries (from file name) against English's.
func compare(enName string, en map[string]entry, name string, l Lang, entries map[string]entry) []string {
	var problems []string
	for _, key := range sortedKeys(en) {
		e, ok := entries[key]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: key %q missing (%s line %d)", name, key, enName, en[key].line))
			continue
		}
		where := fmt.Sprintf("%s line %d: key %q", name, e.line, key)
		problems = append(problems, checkForms(where, l, en[key], e)...)
		if want, got := placeholders(en[key]), placeholders(e); want != got {
			problems = append(problems, fmt.Sprintf("%s: placeholders %s differ from English's %s", where, orNone(got), orNone(want)))
		}
	}
	for _, key := range sortedKeys(entries) {
		if _, ok := en[key]; !ok {
			problems = append(problems, fmt.Sprintf("%s line %d: key %q is not in %s", name, entries[key].line, key, enName))
		}
	}
	return problems
}

// checkForms is the problems of e's text and plural forms in l, English's being en.
func checkForms(where string, l Lang, en, e entry) []string {
	var problems []string
	if en.plural() != e.plural() {
		return []string{where + ": a plain text in one language and plural forms in the other"}
	}
	if e.plural() {
		allowed := pluralForms[l]
		for _, need := range []string{"one", "other"} {
			if _, ok := e.forms[need]; !ok {
				problems = append(problems, fmt.Sprintf("%s: plural form %q missing", where, need))
			}
		}
		for form := range e.forms {
			if allowed != nil && !slices.Contains(allowed, form) {
				problems = append(problems, fmt.Sprintf("%s: plural form %q is not one of %s's (%s)", where, form, l.Name(), strings.Join(allowed, ", ")))
			}
		}
	}
	for _, form := range sortedKeys(e.forms) {
		text := e.forms[form]
		if strings.TrimSpace(text) == "" {
			problems = append(problems, fmt.Sprintf("%s%s: empty", where, formName(form)))
		} else if _, err := template.New("").Parse(text); err != nil {
			problems = append(problems, fmt.Sprintf("%s%s: %v", where, formName(form), err))
		}
	}
	return problems
}

// formName is ` (plural form "one")`, or nothing for a plain text.
func formName(form string) string {
	if form == "" {
		return ""
	}
	return fmt.Sprintf(" (plural form %q)", form)
}

// action is a template action: {{.Name}}, {{ .Count }}.
var action = regexp.MustCompile(`\{\{-?\s*(.*?)\s*-?\}\}`)

// placeholders is the distinct actions of every form of e, sorted and joined.
func placeholders(e entry) string {
	seen := map[string]bool{}
	for _, text := range e.forms {
		for _, m := range action.FindAllStringSubmatch(text, -1) {
			seen["{{"+m[1]+"}}"] = true
		}
	}
	return strings.Join(sortedKeys(seen), " ")
}

// orNone is s, or "none" when empty.
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// readEntries reads a go-i18n JSON file: an object of keys to a string, to
// an object of plural forms, or to a nested object whose keys join its own
// with a dot (as go-i18n reads it).
func readEntries(fsys fs.FS, name string) (map[string]entry, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	r := entryReader{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), out: map[string]entry{}}
	if err := r.object(""); err != nil {
		return nil, err
	}
	if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, r.errorf("text after the closing brace")
	}
	return r.out, nil
}

// entryReader walks a JSON file's tokens, knowing each key's line.
type entryReader struct {
	name string
	data []byte
	dec  *json.Decoder
	out  map[string]entry
}

// line is the line the decoder has read up to.
func (r *entryReader) line() int {
	return 1 + bytes.Count(r.data[:r.dec.InputOffset()], []byte("\n"))
}

// errorf is a problem at the current line of the file.
func (r *entryReader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s line %d: %s", r.name, r.line(), fmt.Sprintf(format, args...))
}

// token is the next token, a syntax error naming the line.
func (r *entryReader) token() (json.Token, error) {
	t, err := r.dec.Token()
	if err != nil {
		return nil, r.errorf("%v", err)
	}
	return t, nil
}

// object reads an object whose keys are prefixed by prefix, from its '{'.
func (r *entryReader) object(prefix string) error {
	if t, err := r.token(); err != nil {
		return err
	} else if t != json.Delim('{') {
		return r.errorf("want an object, found %v", t)
	}
	for r.dec.More() {
		t, err := r.token()
		if err != nil {
			return err
		}
		key := prefix + t.(string)
		line := r.line()
		if _, dup := r.out[key]; dup {
			return r.errorf("key %q given twice", key)
		}
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.errorf("key %q: %v", key, err)
		}
		if err := r.value(key, line, raw); err != nil {
			return err
		}
	}
	_, err := r.token()
	return err
}

// value records key's value: a string, plural forms or a nested object.
func (r *entryReader) value(key string, line int, raw json.RawMessage) error {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		r.out[key] = entry{line: line, forms: map[string]string{"": text}}
		return nil
	}
	var forms map[string]string
	if json.Unmarshal(raw, &forms) == nil && len(forms) > 0 && allPlural(forms) {
		r.out[key] = entry{line: line, forms: forms}
		return nil
	}
	var nested map[string]json.RawMessage
	if json.Unmarshal(raw, &nested) != nil {
		return fmt.Errorf("%s line %d: key %q: want a text, plural forms or an object", r.name, line, key)
	}
	for _, k := range sortedKeys(nested) {
		if err := r.value(key+"."+k, line, nested[k]); err != nil {
			return err
		}
	}
	return nil
}

// allPlural reports whether every key of forms is a CLDR plural form.
func allPlural(forms map[string]string) bool {
	for k := range forms {
		if !allForms[k] {
			return false
		}
	}
	return true
}

// sortedKeys is m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
