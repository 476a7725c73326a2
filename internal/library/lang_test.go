package library

import (
	"path/filepath"
	"reflect"
	"testing"

	"spineroutine/internal/i18n"
	"spineroutine/internal/routine"
)

// In a German library the built-in routines are German, the person's
// files keep the words they were written with.
func TestLibraryInLang(t *testing.T) {
	en := open(t)
	mine := routine.Default()
	mine.Name = "Morning"
	mine.Moves = mine.Moves[:2]
	key, err := en.Save("", mine)
	if err != nil {
		t.Fatal(err)
	}
	de := en.WithLang("de")
	if de.Lang() != "de" || en.Lang() != "" {
		t.Errorf("Lang: %q, %q", de.Lang(), en.Lang())
	}
	es, err := de.List()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ name, first string }{
		DefaultKey: {"Tägliche Rückenroutine", "Band-Überzug über Kopf"},
		Big3Key:    {"McGill Big 3 (für schlechte Tage)", "McGill-Curl-up"},
		key:        {"Morning", "Overhead Band Stretch"},
	}
	for _, e := range es {
		w := want[e.Key]
		if e.Name != w.name || e.Routine.Name != w.name || e.Routine.Moves[0].Name != w.first {
			t.Errorf("%s: listed %q, routine %q, first move %q; want %q, %q", e.Key, e.Name, e.Routine.Name,
				e.Routine.Moves[0].Name, w.name, w.first)
		}
	}
	e, err := de.Get(Big3Key)
	if err != nil || e.Routine.Moves[2].Name != "Bird-Dog" || e.Routine.Source != "big3" {
		t.Errorf("Get(big3) in German: %v, %+v", err, e.Routine)
	}
	// The English library is unchanged by WithLang.
	if e, _ := en.Get(DefaultKey); e.Name != "Daily back routine" {
		t.Errorf("English library: %q", e.Name)
	}
}

// The built-in routine edited in French is saved as a copy named in
// French, and keeps its French words whatever the language later.
func TestSaveTranslatedCopy(t *testing.T) {
	fr := open(t).WithLang("fr")
	r := routine.DefaultIn("fr")
	r.Moves = r.Moves[:4]
	key, err := fr.Save(DefaultKey, r)
	if err != nil {
		t.Fatal(err)
	}
	e, err := fr.WithLang("en").Get(key)
	if err != nil || e.Err != nil {
		t.Fatalf("%v %v", err, e.Err)
	}
	if e.Name != "Routine quotidienne pour le dos (ma copie)" || e.Routine.Moves[1].Name != "Marche du psoas" {
		t.Errorf("copy read in English: %q, %q", e.Name, e.Routine.Moves[1].Name)
	}
	if got := fr.Origin(e.Routine).Source; got != "default" {
		t.Errorf("origin %s", got)
	}
}

// A copy's origin is found from its name in any language, and given in
// the library's language.
func TestOriginInLang(t *testing.T) {
	enCopy := routine.Big3()
	enCopy.Name += CopySuffix
	esCopy := routine.Big3In("es")
	esCopy.Name += routine.CopySuffix("es")
	mine := routine.Big3In("de")
	mine.Name = "Schlechter Tag"
	tests := []struct {
		lang     i18n.Lang
		r        *routine.Routine
		src, got string
	}{
		{"de", enCopy, "big3", "McGill Big 3 (für schlechte Tage)"},
		{"en", esCopy, "big3", "McGill Big 3 (bad-day routine)"},
		{"fr", esCopy, "big3", "Big 3 de McGill (routine des mauvais jours)"},
		{"de", mine, "default", "Tägliche Rückenroutine"},
	}
	for _, tt := range tests {
		o := open(t).WithLang(tt.lang).Origin(tt.r)
		if o.Source != tt.src || o.Name != tt.got {
			t.Errorf("%s: Origin(%q) = %s %q, want %s %q", tt.lang, tt.r.Name, o.Source, o.Name, tt.src, tt.got)
		}
	}
}

// Exported from a Spanish library, a built-in routine is the Spanish one:
// a valid routine file with the English doses.
func TestExportInLang(t *testing.T) {
	l := open(t).WithLang("es")
	out := filepath.Join(t.TempDir(), "big3.toml")
	if err := l.Export(Big3Key, out); err != nil {
		t.Fatal(err)
	}
	back, err := routine.Load(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	en := routine.Big3()
	if back.Name != "Big 3 de McGill (rutina para días malos)" || back.Moves[1].Name != "Planchas laterales" {
		t.Errorf("exported: %q, %q", back.Name, back.Moves[1].Name)
	}
	if !reflect.DeepEqual(back.IDs(), en.IDs()) || back.Duration() != en.Duration() {
		t.Errorf("exported: %v lasting %v, want %v lasting %v", back.IDs(), back.Duration(), en.IDs(), en.Duration())
	}
}
