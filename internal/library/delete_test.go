package library

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"spineroutine/internal/routine"
)

// Deleting a routine takes it off the list and keeps its file, byte for
// byte, in the deleted folder; a second routine deleted under the same
// name does not overwrite the first; the routine in use falls back to the
// default; built-in routines and names outside the folder are refused.
func TestDelete(t *testing.T) {
	l := open(t)
	key, err := l.Save(Big3Key, routine.Big3())
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Use(key); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(l.Dir(), key))
	to, err := l.Delete(key)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(l.Dir(), DeletedDir, key); to != want {
		t.Errorf("moved to %s, want %s", to, want)
	}
	if kept, _ := os.ReadFile(to); !bytes.Equal(kept, before) {
		t.Error("the deleted file was not kept as it was")
	}
	if got := keys(t, l); !reflect.DeepEqual(got, []string{DefaultKey, Big3Key}) {
		t.Errorf("listed %v after the delete", got)
	}
	if l.InUse() != DefaultKey {
		t.Errorf("in use %q, want the default", l.InUse())
	}

	// The same name again: kept beside the first.
	key2, _ := l.Save(Big3Key, routine.Big3())
	if key2 != key {
		t.Fatalf("saved again as %q, want %q", key2, key)
	}
	to2, err := l.Delete(key2)
	if err != nil || to2 == to {
		t.Fatalf("second delete to %s (%v)", to2, err)
	}
	if kept, _ := os.ReadFile(to); !bytes.Equal(kept, before) {
		t.Error("the second delete wrote over the first")
	}

	for _, k := range []string{DefaultKey, Big3Key} {
		if _, err := l.Delete(k); !errors.Is(err, ErrBuiltIn) {
			t.Errorf("delete %q: %v, want ErrBuiltIn", k, err)
		}
	}
	for _, k := range []string{"../escape.toml", "missing.toml", DeletedDir} {
		if _, err := l.Delete(k); err == nil {
			t.Errorf("delete %q accepted", k)
		}
	}
	noLeftovers(t, l)
}
