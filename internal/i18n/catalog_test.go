package i18n

import (
	"testing"
	"testing/fstest"
)

func TestCatalog(t *testing.T) {
	fsys := goodFamily()
	delete(fsys, "lang/demo.fr.json")
	fsys["lang/demo.fr.json"] = &fstest.MapFile{Data: []byte(`{"demo.days": {"one": "{{.Count}} jour", "other": "{{.Count}} jours"}}`)}
	m, err := Catalog(fsys, "lang/demo")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Languages(); len(got) != 4 {
		t.Errorf("Languages() = %v, want the four of the family", got)
	}
	for _, tc := range []struct {
		lang  Lang
		count int
		want  string
	}{
		{English, 1, "1 day"}, {English, 0, "0 days"}, {English, 2, "2 days"},
		{German, 1, "1 Tag"}, {German, 5, "5 Tage"},
		{Spanish, 1, "un día"}, {Spanish, 2, "2 días"}, {Spanish, 1000000, "1000000 de días"},
		{French, 0, "0 jour"}, {French, 1, "1 jour"}, {French, 2, "2 jours"},
		{French, 1000000, "1000000 jours"}, // no "many" form: go-i18n falls back to "other"
	} {
		if got := m.In(tc.lang).N("demo.days", tc.count, nil); got != tc.want {
			t.Errorf("%s N(demo.days, %d) = %q, want %q", tc.lang, tc.count, got, tc.want)
		}
	}
	name := map[string]any{"Name": "Ana"}
	for _, tc := range []struct {
		lang     Lang
		id, want string
	}{
		{German, "demo.hello", "Hallo Ana"},
		{Spanish, "demo.hello", "Hola, Ana"},
		{French, "demo.hello", "Hello Ana"}, // French lacks it: English
		{German, "demo.nested.title", "Titel"},
		{German, "demo.nowhere", "demo.nowhere"},
	} {
		if got := m.In(tc.lang).T(tc.id, name); got != tc.want {
			t.Errorf("%s T(%s) = %q, want %q", tc.lang, tc.id, got, tc.want)
		}
	}
	if m.In(German).Lang() != German {
		t.Errorf("In(German).Lang() = %q", m.In(German).Lang())
	}
}

func TestCatalogErrors(t *testing.T) {
	fsys := goodFamily()
	delete(fsys, "lang/demo.en.json")
	if _, err := Catalog(fsys, "lang/demo"); err == nil {
		t.Error("a catalog without English loaded")
	}
	fsys = goodFamily()
	fsys["lang/demo.de.json"] = &fstest.MapFile{Data: []byte(`{"a": `)}
	if _, err := Catalog(fsys, "lang/demo"); err == nil {
		t.Error("a catalog with a broken file loaded")
	}
	if _, err := Catalog(fsys, "nowhere/demo"); err == nil {
		t.Error("a catalog of no directory loaded")
	}
}
