package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"spineroutine/internal/i18n"
	"spineroutine/ui/internal/uitest"
	"strconv"
	"strings"
	"testing"
)

// langDir holds the window's translations (window.<lang>.json).
const langDir = "../assets/lang"

// windowLangs are the plural forms go-i18n asks of each language of
// i18n.Supported (CLDR: es and fr have "many" for millions); a new
// language adds its own.
var windowLangs = map[string][]string{
	"en": {"one", "other"},
	"de": {"one", "other"},
	"es": {"one", "many", "other"},
	"fr": {"one", "many", "other"},
}

// notWrappedYet are the ui files whose strings do not go through lang yet:
// the literal check skips them. Empty it as they are done.
var notWrappedYet = []string{}

// TestMain runs the package's tests in English, whatever the machine's
// locale (the GUI tests find widgets by their English text), with the
// window's translations loaded as the app loads them. LANGUAGE comes
// first for Fyne's lang and internal/i18n alike (under a C locale both
// are English anyway).
func TestMain(m *testing.M) {
	uitest.Main(m, langDir)
}

// localeOf is a locale of each language, for LANG.
var localeOf = map[string]string{"en": "en_GB.UTF-8", "de": "de_DE.UTF-8", "es": "es_ES.UTF-8", "fr": "fr_FR.UTF-8"}

// inLanguage switches the window's language (Fyne's lang and uiLang) to l
// for the rest of the test, as cmd does at start, whatever the machine's
// locale (a C locale would hide LANGUAGE); the environment and English
// come back at its end. Tests using it must not run in parallel.
func inLanguage(t *testing.T, l string) {
	t.Helper()
	vars := []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
	old := map[string]string{}
	for _, k := range vars {
		if v, ok := os.LookupEnv(k); ok {
			old[k] = v
		}
	}
	set := func(env map[string]string) {
		for _, k := range vars {
			var err error
			if v, ok := env[k]; ok {
				err = os.Setenv(k, v)
			} else {
				err = os.Unsetenv(k)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := uitest.LoadWindowLang(langDir); err != nil {
			t.Fatal(err)
		}
	}
	locale, ok := localeOf[l]
	if !ok {
		locale = l // a new language: its tag is a locale name too
	}
	set(map[string]string{"LANGUAGE": l, "LANG": locale})
	t.Cleanup(func() { set(old) })
}

// langUse is one call of lang.L/N/X/XN with a literal key.
type langUse struct {
	key    string
	plural bool
	at     string
}

// uiFile is a parsed Go file of ui, ui/widgets or an owner package,
// named relative to ui.
type uiFile struct {
	name string
	fset *token.FileSet
	file *ast.File
}

// parseUI parses the non-test Go files of ui, ui/widgets and the owner
// packages.
func parseUI(t *testing.T) []uiFile {
	t.Helper()
	var out []uiFile
	for _, dir := range append([]string{".", "widgets"}, ownerPackages...) {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, uiFile{name: filepath.ToSlash(p), fset: fset, file: f})
		}
	}
	return out
}

// langFunc returns the function of lang a call uses ("L", "N", "X",
// "XN"), or "L"/"N" for ui's own tr and trN (the same files, for the files
// without Fyne: texts.go), "" for another call.
func langFunc(call *ast.CallExpr) string {
	if id, ok := call.Fun.(*ast.Ident); ok {
		switch id.Name {
		case "tr":
			return "L"
		case "trN":
			return "N"
		}
		return ""
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
		return ""
	}
	switch sel.Sel.Name {
	case "L", "N", "X", "XN", "Localize", "LocalizePlural", "LocalizeKey", "LocalizePluralKey":
		return sel.Sel.Name
	}
	return ""
}

// stringLit returns the value of a string literal, or of literals joined
// by +.
func stringLit(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok := stringLit(e.X)
		b, ok2 := stringLit(e.Y)
		return a + b, ok && ok2 && e.Op == token.ADD
	case *ast.ParenExpr:
		return stringLit(e.X)
	}
	return "", false
}

// langUses lists the calls of lang in the ui files; a call whose key is
// not a literal is an error (the files could not be checked against it).
func langUses(t *testing.T, files []uiFile) []langUse {
	var uses []langUse
	for _, f := range files {
		ast.Inspect(f.file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := langFunc(call)
			if fn == "" || len(call.Args) == 0 {
				return true
			}
			at := f.fset.Position(call.Pos()).String()
			key, ok := stringLit(call.Args[0])
			if !ok {
				t.Errorf("%s: lang.%s with a key that is not a string literal", at, fn)
				return true
			}
			uses = append(uses, langUse{key: key, plural: strings.Contains(fn, "N") || strings.Contains(fn, "Plural"), at: at})
			return true
		})
	}
	return uses
}

// readWindowLang reads window.<l>.json as key -> text or plural forms.
func readWindowLang(t *testing.T, l string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(langDir, "window."+l+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("window.%s.json: %v", l, err)
	}
	return m
}

// texts returns a translation's texts: the text, or each plural form.
func texts(v any) (forms map[string]string, plural bool) {
	switch v := v.(type) {
	case string:
		return map[string]string{"": v}, false
	case map[string]any:
		out := map[string]string{}
		for k, s := range v {
			if str, ok := s.(string); ok {
				out[k] = str
			}
		}
		return out, true
	}
	return nil, false
}

// TestI18nKeys checks the window's files against each other (every
// English key in each language and no other, English's placeholders, the
// plural forms: internal/i18n's CheckFamily) and every key the ui uses
// against each language's file: present, and plural where lang.N uses it,
// with each plural form go-i18n may ask of that language.
func TestI18nKeys(t *testing.T) {
	for _, p := range i18n.CheckFamily(os.DirFS(langDir), "window") {
		t.Error(p)
	}
	uses := langUses(t, parseUI(t))
	if len(uses) < 100 {
		t.Fatalf("found %d uses of lang in ui: the parser misses them", len(uses))
	}
	for _, tag := range i18n.Supported {
		l := string(tag)
		forms, ok := windowLangs[l]
		if !ok {
			t.Errorf("the plural forms of %s (%s) are not in windowLangs", l, tag.Name())
			forms = []string{"one", "other"}
		}
		file := readWindowLang(t, l)
		for _, u := range uses {
			v, ok := file[u.key]
			if !ok {
				t.Errorf("window.%s.json lacks %q (%s)", l, u.key, u.at)
				continue
			}
			got, plural := texts(v)
			if plural != u.plural {
				t.Errorf("window.%s.json: %q is plural=%v, used as plural=%v (%s)", l, u.key, plural, u.plural, u.at)
				continue
			}
			for _, f := range forms {
				if plural && got[f] == "" {
					t.Errorf("window.%s.json: %q lacks the plural form %q", l, u.key, f)
				}
			}
		}
	}
}

// visibleCalls are the functions and methods whose string arguments the
// user reads: Fyne's constructors and setters, and the ui's own helpers
// that make labels, buttons, sections and notices.
var visibleCalls = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewRadioGroup": true, "NewSelect": true, "SetText": true, "SetPlaceHolder": true,
	"NewTabItem": true, "NewTabItemWithIcon": true, "NewText": true, "NewCard": true, "NewFormItem": true,
	"ShowConfirm": true, "ShowInformation": true, "NewConfirm": true, "NewInformation": true,
	"NewCustom": true, "NewCustomConfirm": true, "ShowCustom": true, "ShowCustomConfirm": true,
	"NewMenuItem": true, "NewMenu": true, "NewWindow": true, "SetTitle": true, "NewNotification": true,
	"NewRichTextFromMarkdown": true, "NewHyperlink": true, "SetOptions": true, "NewEntry": true,
	// the ui's widgets and helpers
	"NewKeyButton": true, "NewKeyCheck": true, "NewKeySelect": true, "NewEditEntry": true, "Set": true,
	"NewSection": true, "heading": true,
	"formLabel": true, "bold": true, "NewProblemRow": true, "showProblems": true, "showProblem": true,
	"notice": true, "showNotice": true, "confirm": true, "show": true, "pathRow": true,
	"field": true, "newEditField": true,
}

// keyFirst are the visibleCalls whose first argument is a key, not text
// (the notice a text replaces).
var keyFirst = map[string]bool{"notice": true, "showNotice": true, "field": true}

// visibleFields are struct fields that hold text the user reads.
var visibleFields = map[string]bool{
	"Text": true, "Label": true, "Title": true, "PlaceHolder": true, "Album": true, "Artist": true,
}

// formatVerb matches a verb of fmt ("%d", "%5.1f", "%%").
var formatVerb = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z%]`)

// userText says whether a literal reads as words: it has a letter (a
// format of numbers or symbols only, like "%d %%" or "–:––", does not).
func userText(s string) bool {
	s = formatVerb.ReplaceAllString(s, "")
	return strings.IndexFunc(s, func(r rune) bool {
		return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
	}) >= 0
}

// bareLiterals returns the literals of e that read as words and do not
// go through lang (a literal inside a lang call, or the format of a
// Sprintf inside one, is fine).
func bareLiterals(e ast.Node) []*ast.BasicLit {
	var out []*ast.BasicLit
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if langFunc(n) != "" {
				return false
			}
		case *ast.FuncLit:
			return false // a callback: its own calls are checked where they are
		case *ast.IndexExpr:
			out = append(out, bareLiterals(n.X)...) // a map's key is not shown
			return false
		case *ast.BasicLit:
			if s, ok := stringLit(n); ok && n.Kind == token.STRING && userText(s) {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}

// callName is the name of the function or method a call calls.
func callName(call *ast.CallExpr) string {
	switch f := call.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// TestI18nNoBareLiterals fails on a string literal the user would read
// that bypasses lang: passed to a widget's constructor or setter, to the
// ui's label, button, section and notice helpers, or set as a widget's
// text, in every ui file but those in notWrappedYet.
func TestI18nNoBareLiterals(t *testing.T) {
	for _, f := range parseUI(t) {
		if slices.Contains(notWrappedYet, f.name) {
			continue
		}
		report := func(lits []*ast.BasicLit) {
			for _, l := range lits {
				t.Errorf("%s: %s is shown without lang", f.fset.Position(l.Pos()), l.Value)
			}
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if langFunc(n) != "" {
					return false
				}
				if visibleCalls[callName(n)] {
					for i, a := range n.Args {
						if i == 0 && keyFirst[callName(n)] {
							continue
						}
						report(bareLiterals(a))
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && visibleFields[sel.Sel.Name] && i < len(n.Rhs) {
						report(bareLiterals(n.Rhs[i]))
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && visibleFields[id.Name] {
					report(bareLiterals(n.Value))
				}
			}
			return true
		})
	}
}
