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

// ownerPackages are the owners of the window that are packages of their
// own under ui: the compiler keeps the rest of ui out of their fields.
var ownerPackages = []string{"editor", "daily", "settings"}

// TestWidgetsTakePlainValues: the leaf widgets and the owner packages know
// nothing of the journal or the saved settings (the recorder and Prefs
// hand them values).
func TestWidgetsTakePlainValues(t *testing.T) {
	for _, dir := range append([]string{"widgets"}, ownerPackages...) {
		files := parsePackage(t, dir)
		for _, pkg := range []string{journalPkg, "spineroutine/internal/appdata"} {
			if got := importers(files, pkg); len(got) != 0 {
				t.Errorf("%s files importing %s: %v", dir, pkg, got)
			}
		}
	}
}

// structs returns the struct types of files by name.
func structs(files map[string]*ast.File) map[string]*ast.StructType {
	out := map[string]*ast.StructType{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok {
					out[ts.Name.Name] = st
				}
			}
			return true
		})
	}
	return out
}

// flatFields counts the fields of struct name, an embedded struct of the
// package by its own fields (flattened).
func flatFields(all map[string]*ast.StructType, name string) int {
	n := 0
	for _, fl := range all[name].Fields.List {
		if len(fl.Names) > 0 {
			n += len(fl.Names)
			continue
		}
		t := fl.Type
		if star, ok := t.(*ast.StarExpr); ok {
			t = star.X
		}
		if id, ok := t.(*ast.Ident); ok && all[id.Name] != nil {
			n += flatFields(all, id.Name)
		} else {
			n++
		}
	}
	return n
}

// methodCounts counts the methods of each type of files, those of an
// embedded struct counted on the type that embeds it too.
func methodCounts(files map[string]*ast.File) map[string]int {
	own := map[string]int{}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil {
				continue
			}
			t := fd.Recv.List[0].Type
			if star, ok := t.(*ast.StarExpr); ok {
				t = star.X
			}
			if id, ok := t.(*ast.Ident); ok {
				own[id.Name]++
			}
		}
	}
	all := structs(files)
	var count func(name string) int
	count = func(name string) int {
		n := own[name]
		if st := all[name]; st != nil {
			for _, fl := range st.Fields.List {
				if id, ok := fl.Type.(*ast.Ident); ok && len(fl.Names) == 0 && all[id.Name] != nil {
					n += count(id.Name)
				}
			}
		}
		return n
	}
	out := map[string]int{}
	for name := range own {
		out[name] = count(name)
	}
	for name := range all {
		out[name] = count(name)
	}
	return out
}

// The limits of the window's types (issue 30): the shell (the type that
// holds the window) has at most shellFields fields counted flattened, and
// no type of ui more than maxMethods methods (an embedded struct's count).
const (
	shellFields = 15
	maxMethods  = 40
)

// TestControllerOwnsTheWindow: the controller is the only type of ui with
// a fyne.Window field; it has at most shellFields fields counted
// flattened, and no type more than maxMethods methods.
func TestControllerOwnsTheWindow(t *testing.T) {
	files := parsePackage(t, ".")
	all := structs(files)
	for name, st := range all {
		for _, fl := range st.Fields.List {
			if sel, ok := fl.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Window" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "fyne" && name != "controller" {
					t.Errorf("%s holds the fyne.Window", name)
				}
			}
		}
	}
	fields := flatFields(all, "controller")
	if fields > shellFields {
		t.Errorf("controller has %d fields counted flattened, want at most %d", fields, shellFields)
	}
	for name, n := range methodCounts(files) {
		if n > maxMethods {
			t.Errorf("%s has %d methods, want at most %d", name, n, maxMethods)
		}
		if name == "controller" {
			t.Logf("controller: %d fields counted flattened, %d methods", fields, n)
		}
	}
	for _, dir := range ownerPackages {
		for name, n := range methodCounts(parsePackage(t, dir)) {
			if n > maxMethods {
				t.Errorf("%s.%s has %d methods, want at most %d", dir, name, n, maxMethods)
			}
		}
	}
}

// TestSettingsInOneFile: the preferences are read and written in prefs.go
// alone (other files go through Prefs), Fyne's or appdata's way (the
// settings that cmd reads too, such as the languages).
func TestSettingsInOneFile(t *testing.T) {
	access := map[string]bool{"SetBool": true, "SetString": true, "SetInt": true, "SetFloat": true,
		"BoolWithFallback": true, "StringWithFallback": true, "IntWithFallback": true, "FloatWithFallback": true}
	for name, f := range parsePackage(t, ".") {
		if name == "prefs.go" {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"spineroutine/internal/appdata"` {
				t.Errorf("%s reads or writes the preferences through appdata", name)
			}
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

// TestRoutineInUseWritesItsPreference: the routine file in use is saved
// by the routine in use alone (inuse.go; prefs.go defines the setter).
func TestRoutineInUseWritesItsPreference(t *testing.T) {
	for name, f := range parsePackage(t, ".") {
		if name == "inuse.go" || name == "prefs.go" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "SetRoutinePath" {
				t.Errorf("%s saves the routine file in use", name)
			}
			return true
		})
	}
}
