package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"spineroutine/internal/regfile"
)

// writeFile replaces the file at path with data atomically: the data goes
// to a temporary file of the same folder, fsynced, renamed over path, and
// the folder is fsynced so that the rename survives a crash.
func writeFile(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := regfile.Replace(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("save %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// writeNew writes data to a new file at path like writeFile, but fails
// with an error matching fs.ErrExist when path exists: it is never written
// over.
func writeNew(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	// A hard link, unlike a rename, does not replace an existing file.
	err = os.Link(tmp, path)
	if rerr := os.Remove(tmp); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// writeTemp writes data to a new hidden temporary file beside path,
// fsynced, readable by all like any document, and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("save %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("save %s: %w", path, err)
	}
	return f.Name(), nil
}

// tempName matches the names writeTemp gives, in the routines folder: a
// routine's ".daily.toml.123456.tmp" and the in-use file's
// ".in-use.123456.tmp" (os.CreateTemp puts digits for the *).
var tempName = regexp.MustCompile(`^\.(.+\.toml|` + regexp.QuoteMeta(inUseFile) + `)\.[0-9]+\.tmp$`)

// RemoveTemps removes the temporary files that a save cut short (the app
// killed) left in the folder: only names writeTemp gives. Call it only
// while no save can run, at start with the journal's lock held. It
// returns how many it removed.
func (l *Library) RemoveTemps() (int, error) {
	des, err := os.ReadDir(l.dir)
	if err != nil {
		return 0, fmt.Errorf("routines folder: %w", err)
	}
	n := 0
	var errs []error
	for _, de := range des {
		if de.IsDir() || !tempName.MatchString(de.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(l.dir, de.Name())); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if err := errors.Join(errs...); err != nil {
		return n, fmt.Errorf("routines folder: %w", err)
	}
	return n, nil
}

// syncDir makes the folder's entries durable.
func syncDir(dir string) error {
	if err := regfile.SyncDir(dir); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
