package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// goodFamily is a family of four files CheckFamily accepts.
func goodFamily() fstest.MapFS {
	return fstest.MapFS{
		"lang/demo.en.json": {Data: []byte(`{
  "demo.days": {"one": "{{.Count}} day", "other": "{{.Count}} days"},
  "demo.hello": "Hello {{.Name}}",
  "demo.nested": {"title": "Title"}
}`)},
		"lang/demo.de.json": {Data: []byte(`{
  "demo.days": {"one": "{{.Count}} Tag", "other": "{{.Count}} Tage"},
  "demo.hello": "Hallo {{.Name}}",
  "demo.nested": {"title": "Titel"}
}`)},
		"lang/demo.es.json": {Data: []byte(`{
  "demo.days": {"one": "un día", "many": "{{.Count}} de días", "other": "{{.Count}} días"},
  "demo.hello": "Hola, {{ .Name }}",
  "demo.nested": {"title": "Título"}
}`)},
		"lang/demo.fr.json": {Data: []byte(`{
  "demo.days": {"one": "{{.Count}} jour", "other": "{{.Count}} jours"},
  "demo.hello": "Bonjour {{.Name}}",
  "demo.nested": {"title": "Titre"}
}`)},
		"lang/other.en.json": {Data: []byte(`{"x": "not of the family"}`)},
	}
}

func TestCheckFamilyGood(t *testing.T) {
	if problems := CheckFamily(goodFamily(), "lang/demo"); len(problems) > 0 {
		t.Errorf("CheckFamily of a good family: %q", problems)
	}
}

func TestCheckFamilyProblems(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string // data "" removes the file
		want             []string
	}{
		{"missing file", "lang/demo.fr.json", "", []string{"lang/demo.fr.json: missing: Français has no file"}},
		{"missing key", "lang/demo.de.json", `{"demo.days": {"one": "{{.Count}} Tag", "other": "{{.Count}} Tage"},
"demo.nested": {"title": "Titel"}}`,
			[]string{`lang/demo.de.json: key "demo.hello" missing (lang/demo.en.json line 3)`}},
		{"extra key", "lang/demo.de.json", `{"demo.days": {"one": "{{.Count}} Tag", "other": "{{.Count}} Tage"},
"demo.hello": "Hallo {{.Name}}",
"demo.nested": {"title": "Titel"},
"demo.old": "Alt"}`,
			[]string{`lang/demo.de.json line 4: key "demo.old" is not in lang/demo.en.json`}},
		{"placeholder renamed", "lang/demo.fr.json", `{"demo.days": {"one": "{{.Count}} jour", "other": "{{.Count}} jours"},
"demo.hello": "Bonjour {{.Nom}}",
"demo.nested": {"title": "Titre"}}`,
			[]string{`lang/demo.fr.json line 2: key "demo.hello": placeholders {{.Nom}} differ from English's {{.Name}}`}},
		{"placeholder dropped", "lang/demo.fr.json", `{"demo.days": {"one": "un jour", "other": "des jours"},
"demo.hello": "Bonjour {{.Name}}",
"demo.nested": {"title": "Titre"}}`,
			[]string{`lang/demo.fr.json line 1: key "demo.days": placeholders none differ from English's {{.Count}}`}},
		{"plain for plural", "lang/demo.de.json", `{"demo.days": "{{.Count}} Tage",
"demo.hello": "Hallo {{.Name}}",
"demo.nested": {"title": "Titel"}}`,
			[]string{`lang/demo.de.json line 1: key "demo.days": a plain text in one language and plural forms in the other`}},
		{"form foreign to German", "lang/demo.de.json", `{"demo.days": {"one": "{{.Count}} Tag", "few": "{{.Count}} Tage", "other": "{{.Count}} Tage"},
"demo.hello": "Hallo {{.Name}}",
"demo.nested": {"title": "Titel"}}`,
			[]string{`lang/demo.de.json line 1: key "demo.days": plural form "few" is not one of Deutsch's (one, other)`}},
		{"form missing", "lang/demo.es.json", `{"demo.days": {"other": "{{.Count}} días"},
"demo.hello": "Hola {{.Name}}",
"demo.nested": {"title": "Título"}}`,
			[]string{`lang/demo.es.json line 1: key "demo.days": plural form "one" missing`}},
		{"empty text", "lang/demo.es.json", `{"demo.days": {"one": "un día", "other": "{{.Count}} días"},
"demo.hello": "Hola {{.Name}}",
"demo.nested": {"title": " "}}`,
			[]string{`lang/demo.es.json line 3: key "demo.nested.title": empty`}},
		{"broken template", "lang/demo.es.json", `{"demo.days": {"one": "un día", "other": "{{.Count}} días"},
"demo.hello": "Hola {{.Name}",
"demo.nested": {"title": "Título"}}`,
			[]string{`lang/demo.es.json line 2: key "demo.hello": template: :1: bad character U+007D '}'`,
				`lang/demo.es.json line 2: key "demo.hello": placeholders none differ from English's {{.Name}}`}},
		{"syntax error", "lang/demo.de.json", "{\n\"demo.days\": {\"one\": \"x\", \"other\": \"y\"},\n\"demo.hello\" \"Hallo\"\n}",
			[]string{`lang/demo.de.json line 3: key "demo.hello": expected colon after object key`}},
		{"key twice", "lang/demo.de.json", `{"demo.days": {"one": "{{.Count}} Tag", "other": "{{.Count}} Tage"},
"demo.hello": "Hallo {{.Name}}",
"demo.hello": "Hallo {{.Name}}"}`,
			[]string{`lang/demo.de.json line 3: key "demo.hello" given twice`}},
		{"unshipped language", "lang/demo.pt.json", `{}`,
			[]string{`lang/demo.pt.json: "pt" is not a language of i18n.Supported (en, de, es, fr)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := goodFamily()
			if tc.data == "" {
				delete(fsys, tc.file)
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			}
			got := CheckFamily(fsys, "lang/demo")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("CheckFamily:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
