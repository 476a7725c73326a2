// Package library keeps the user's routines: TOML files in the routines
// folder of the data directory, beside the built-in routines (Default and
// Big 3), one of them in use.
//
// Files are written atomically (a temporary file, fsynced, renamed, the
// folder fsynced), so a crash leaves the old file or the new one, never a
// mix. The built-in routines are read-only: saving one writes a copy. A
// file that does not pass validation (edited by hand, damaged) is listed
// with its problems and never written over; import and export check a
// routine before copying it. The routine in use is remembered in the file
// "in-use" of the folder (its key, one line).
package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"spineroutine/assets"
	"spineroutine/internal/regfile"
	"spineroutine/internal/routine"
)

// Dir is the name of the folder of the data directory holding the routines.
const Dir = "routines"

// The keys of the built-in routines.
const (
	DefaultKey = "builtin:default"
	Big3Key    = "builtin:big3"
)

// inUseFile is the file of the folder that names the routine in use.
const inUseFile = "in-use"

// maxInUseSize bounds what is read of inUseFile: one file name.
const maxInUseSize = 4 << 10

// CopySuffix ends the name of the copy saved when a built-in routine is
// edited.
const CopySuffix = " (my copy)"

// builtin is a routine shipped in the binary.
type builtin struct {
	key  string
	data []byte
	load func() *routine.Routine
}

var builtins = []builtin{
	{DefaultKey, assets.RoutineTOML, routine.Default},
	{Big3Key, assets.Big3TOML, routine.Big3},
}

// Origin returns the built-in routine r was made from: the one whose name
// begins r's name (its copies keep it, followed by CopySuffix), else the
// default routine.
func Origin(r *routine.Routine) *routine.Routine {
	for _, b := range builtins[1:] {
		if b := b.load(); strings.HasPrefix(r.Name, b.Name) {
			return b
		}
	}
	return routine.Default()
}

// Library is the routines folder of one data directory.
type Library struct {
	dir  string
	figs routine.Figures // what checks the routines' figures
}

// Entry is one routine of the library.
type Entry struct {
	// Key identifies the routine: DefaultKey, Big3Key, or the file's name
	// in the folder ("daily.toml").
	Key string
	// Name is the routine's name, or the file's name when it cannot be read.
	Name    string
	BuiltIn bool
	Path    string           // the file; "" for a built-in routine
	Routine *routine.Routine // nil when the file has problems
	// Err lists the problems of a file that cannot be used (a
	// routine.Errors whose entries read "file:line: ..."), nil otherwise.
	Err error
}

// Open returns the library of the data directory dataDir, creating its
// routines folder when needed; figs checks the figures of the routines it
// reads (figure.Shipped; nil: none).
func Open(dataDir string, figs routine.Figures) (*Library, error) {
	dir := filepath.Join(dataDir, Dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("routines folder: %w", err)
	}
	return &Library{dir: dir, figs: figs}, nil
}

// Dir returns the routines folder.
func (l *Library) Dir() string { return l.dir }

// List returns the built-in routines, then every .toml file of the folder
// by name, damaged ones included (with Err set).
func (l *Library) List() ([]Entry, error) {
	var out []Entry
	for _, b := range builtins {
		out = append(out, builtinEntry(b))
	}
	des, err := os.ReadDir(l.dir)
	if err != nil {
		return out, fmt.Errorf("routines folder: %w", err)
	}
	var names []string
	for _, de := range des {
		if !de.IsDir() && strings.HasSuffix(de.Name(), ".toml") && !strings.HasPrefix(de.Name(), ".") {
			names = append(names, de.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		out = append(out, l.fileEntry(n))
	}
	return out, nil
}

func builtinEntry(b builtin) Entry {
	r := b.load()
	return Entry{Key: b.key, Name: r.Name, BuiltIn: true, Routine: r}
}

// fileEntry reads the file name of the folder.
func (l *Library) fileEntry(name string) Entry {
	e := Entry{Key: name, Name: name, Path: filepath.Join(l.dir, name)}
	if e.Routine, e.Err = routine.Load(e.Path, l.figs); e.Err == nil {
		e.Name = e.Routine.Name
	}
	return e
}

// Get returns the routine of key; its Err is set when the file has
// problems. It fails when key names no routine.
func (l *Library) Get(key string) (Entry, error) {
	for _, b := range builtins {
		if b.key == key {
			return builtinEntry(b), nil
		}
	}
	if !validFileKey(key) {
		return Entry{}, fmt.Errorf("no routine %q", key)
	}
	if _, err := os.Lstat(filepath.Join(l.dir, key)); err != nil {
		return Entry{}, fmt.Errorf("routine %q: %w", key, err)
	}
	return l.fileEntry(key), nil
}

// validFileKey reports whether key can name a file of the folder.
func validFileKey(key string) bool {
	return strings.HasSuffix(key, ".toml") && filepath.Base(key) == key && !strings.HasPrefix(key, ".")
}

// InUse returns the key of the routine in use: the one last passed to
// Use, or DefaultKey when none was or its file is gone.
func (l *Library) InUse() string {
	data, err := regfile.ReadFile(filepath.Join(l.dir, inUseFile), maxInUseSize)
	if err != nil {
		return DefaultKey
	}
	key := strings.TrimSpace(string(data))
	if _, err := l.Get(key); err != nil {
		return DefaultKey
	}
	return key
}

// Use records key as the routine in use. It fails when key names no
// routine or one with problems.
func (l *Library) Use(key string) error {
	e, err := l.Get(key)
	if err != nil {
		return err
	}
	if e.Err != nil {
		return e.Err
	}
	return writeFile(filepath.Join(l.dir, inUseFile), []byte(key+"\n"))
}

// Save writes r under key and returns the key it was saved under: key
// itself for a file of the folder, a new file for a built-in routine (its
// name ends in CopySuffix when r kept the built-in's name), for "" (a new
// routine) and for a file with problems, which is never written over.
func (l *Library) Save(key string, r *routine.Routine) (string, error) {
	data := routine.Format(r)
	if validFileKey(key) {
		if e, err := l.Get(key); err == nil && e.Err == nil {
			if err := writeFile(e.Path, data); err != nil {
				return "", err
			}
			return key, nil
		}
	}
	for _, b := range builtins {
		if b.key == key && r.Name == b.load().Name {
			c := *r
			c.Name += CopySuffix
			data = routine.Format(&c)
			r = &c
		}
	}
	return l.create(routine.Slug(r.Name), data)
}

// create writes data to a new file named base.toml, or base-2.toml... when
// taken (see regfile.Candidate: a few tries, names cut to fit the file
// system), and returns its key. No existing file is written over.
func (l *Library) create(base string, data []byte) (string, error) {
	for n := 1; n <= regfile.FreeTries; n++ {
		name := regfile.Candidate(base, ".toml", n)
		err := writeNew(filepath.Join(l.dir, name), data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("save in %s: %w: %s and the %d names after it are taken", l.dir, regfile.ErrNoFreeName,
		regfile.Candidate(base, ".toml", 1), regfile.FreeTries-1)
}

// Import copies the routine file at path into the folder, as written (its
// comments kept), and returns its key. A file with problems is not copied:
// the error is the routine.Errors of its "file:line: ..." problems.
func (l *Library) Import(path string) (string, error) {
	if _, err := routine.Load(path, l.figs); err != nil {
		return "", err
	}
	data, err := regfile.ReadFile(path, routine.MaxFileSize)
	if err != nil {
		return "", fmt.Errorf("import: %w", err)
	}
	// The file may have changed since it was checked: check what is copied.
	if _, err := routine.Parse(path, data, l.figs); err != nil {
		return "", err
	}
	base := routine.Slug(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	return l.create(base, data)
}

// Export writes the routine of key to the file path (replacing it), as
// stored: a built-in routine as shipped, a file of the folder as it is. A
// file with problems is not exported.
func (l *Library) Export(key, path string) error {
	data, err := l.text(key)
	if err != nil {
		return err
	}
	return writeFile(path, data)
}

// text returns the checked text of the routine of key.
func (l *Library) text(key string) ([]byte, error) {
	for _, b := range builtins {
		if b.key == key {
			return b.data, nil
		}
	}
	if !validFileKey(key) {
		return nil, fmt.Errorf("no routine %q", key)
	}
	path := filepath.Join(l.dir, key)
	data, err := regfile.ReadFile(path, routine.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("routine %q: %w", key, err)
	}
	if _, err := routine.Parse(path, data, l.figs); err != nil {
		return nil, err
	}
	return data, nil
}
