package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// parsePackage parses the non-test Go files of dir.
func parsePackage(t *testing.T, dir string) map[string]*ast.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = f
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	return files
}

// importers returns the files that import path.
func importers(files map[string]*ast.File, path string) []string {
	var names []string
	for name, f := range files {
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == path {
				names = append(names, name)
			}
		}
	}
	return names
}

const journalPkg = "spineroutine/internal/journal"

// TestRecorderOnlyWritesJournal: the journal is imported by recorder.go
// alone, and the journal itself (Options.Journal) is handed to nothing but
// the recorder, so no other file of ui can write it.
func TestRecorderOnlyWritesJournal(t *testing.T) {
	files := parsePackage(t, ".")
	if got := importers(files, journalPkg); len(got) != 1 || got[0] != "recorder.go" {
		t.Errorf("files importing %s: %v, want [recorder.go]", journalPkg, got)
	}
	// The journal reaches the package through Options.Journal; reading
	// that field anywhere but where the recorder is made would hand the
	// journal to another owner.
	var uses []string
	for name, f := range files {
		if name == "recorder.go" {
			continue // the alias of journal.Journal
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "Journal" {
				uses = append(uses, name)
			}
			return true
		})
	}
	if len(uses) != 1 || uses[0] != "controller.go" {
		t.Errorf("Options.Journal read in %v, want once in controller.go (newRecorder)", uses)
	}
	// The recorder's journal field is used by the recorder's own file only.
	for name, f := range files {
		if name == "recorder.go" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "j" {
				if x, ok := s.X.(*ast.SelectorExpr); ok && x.Sel.Name == "rec" {
					t.Errorf("%s reaches the recorder's journal (rec.j)", name)
				}
			}
			return true
		})
	}
}

// TestSessionRunnerWithoutFyne: the session runner, its bridge and the
// recorder import no Fyne package, so that they run (and are tested)
// without an app.
func TestSessionRunnerWithoutFyne(t *testing.T) {
	files := parsePackage(t, ".")
	for _, name := range []string{"runner.go", "bridge.go", "recorder.go"} {
		f, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(p, "fyne.io/") {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}

// TestWidgetsTakePlainValues: the leaf widgets know nothing of the journal.
func TestWidgetsTakePlainValues(t *testing.T) {
	if got := importers(parsePackage(t, "widgets"), journalPkg); len(got) != 0 {
		t.Errorf("widgets files importing %s: %v", journalPkg, got)
	}
}

// TestControllerOwnsTheWindow: the controller is the only type of ui with
// a fyne.Window field, and it stays small (at most 25 fields, an embedded
// group counting as one).
func TestControllerOwnsTheWindow(t *testing.T) {
	for name, f := range parsePackage(t, ".") {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			fields := 0
			for _, fl := range st.Fields.List {
				fields += max(len(fl.Names), 1)
				if sel, ok := fl.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Window" {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fyne" && ts.Name.Name != "controller" {
						t.Errorf("%s: %s holds the fyne.Window", name, ts.Name.Name)
					}
				}
			}
			if ts.Name.Name == "controller" && fields > 25 {
				t.Errorf("controller has %d fields, want at most 25", fields)
			}
			return true
		})
	}
}

// TestSettingsInOneFile: the preferences are read and written in prefs.go
// alone (other files go through Prefs).
func TestSettingsInOneFile(t *testing.T) {
	access := map[string]bool{"SetBool": true, "SetString": true, "SetInt": true, "SetFloat": true,
		"BoolWithFallback": true, "StringWithFallback": true, "IntWithFallback": true, "FloatWithFallback": true}
	for name, f := range parsePackage(t, ".") {
		if name == "prefs.go" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && access[s.Sel.Name] {
				t.Errorf("%s reads or writes a preference (%s)", name, s.Sel.Name)
			}
			return true
		})
	}
}

// TestInternalImportsNoFyne: internal/ is the pure core; no file of it
// (tests aside) imports a Fyne package.
func TestInternalImportsNoFyne(t *testing.T) {
	err := filepath.WalkDir(filepath.Join("..", "internal"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(path, "fyne.io/") {
				t.Errorf("%s imports %s", p, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
