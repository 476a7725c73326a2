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
//
// The built-in routines are given in the library's language (WithLang:
// routine.DefaultIn and Big3In), the person's files in their own words.
// The journal names moves by id, so a change of language changes no
// history.
package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
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

// CopySuffix ends the name of the copy saved when a built-in routine in
// English is edited (routine.CopySuffix gives it in the library's
// language).
const CopySuffix = " (my copy)"

// builtin is a routine shipped in the binary.
type builtin struct {
	key  string
	data []byte                                // the English file
	load func(lang i18n.Lang) *routine.Routine // the routine in a language
}

var builtins = []builtin{
	{DefaultKey, assets.RoutineTOML, routine.DefaultIn},
	{Big3Key, assets.Big3TOML, routine.Big3In},
}

// Origin returns the built-in routine r was made from, in English: see
// Library.Origin.
func Origin(r *routine.Routine) *routine.Routine { return origin(r, i18n.English) }

// Origin returns the built-in routine r was made from, in the library's
// language: the one whose name, in any language of routine.Languages,
// begins r's name (its copies keep it, followed by the copy suffix), else
// the default routine. A copy saved in English has the German built-in as
// its origin in a German window.
func (l *Library) Origin(r *routine.Routine) *routine.Routine { return origin(r, l.lang) }

func origin(r *routine.Routine, lang i18n.Lang) *routine.Routine {
	for _, b := range builtins[1:] {
		for _, in := range routine.Languages() {
			if strings.HasPrefix(r.Name, b.load(in).Name) {
				return b.load(lang)
			}
		}
	}
	return routine.DefaultIn(lang)
}

// Library is the routines folder of one data directory.
type Library struct {
	dir  string
	figs routine.Figures // what checks the routines' figures
	lang i18n.Lang       // the language of the built-in routines ("": English)
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

// WithLang returns the library with its built-in routines in lang (see
// routine.DefaultIn). Only the built-in routines are translated: the
// person's files keep their words.
func (l *Library) WithLang(lang i18n.Lang) *Library {
	c := *l
	c.lang = lang
	return &c
}

// Lang returns the language of the library's built-in routines ("" for
// English when none was chosen).
func (l *Library) Lang() i18n.Lang { return l.lang }

// Dir returns the routines folder.
func (l *Library) Dir() string { return l.dir }

// List returns the built-in routines, then every .toml file of the folder
// by name, damaged ones included (with Err set).
func (l *Library) List() ([]Entry, error) {
	var out []Entry
	for _, b := range builtins {
		out = append(out, builtinEntry(b, l.lang))
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

func builtinEntry(b builtin, lang i18n.Lang) Entry {
	r := b.load(lang)
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
			return builtinEntry(b, l.lang), nil
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
// name ends in the copy suffix of the library's language when r kept the
// built-in's name in that language), for "" (a new
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
		if b.key == key && r.Name == b.load(l.lang).Name {
			c := *r
			c.Name += routine.CopySuffix(l.lang)
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
// stored: a built-in routine as shipped (in another language than English,
// the routine in the library's language, written by routine.Format), a
// file of the folder as it is. A file with problems is not exported.
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
		switch {
		case b.key != key:
		case l.lang != i18n.English && slices.Contains(routine.Languages(), l.lang):
			return routine.Format(b.load(l.lang)), nil
		default:
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
