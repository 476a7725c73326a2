package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain runs the package's tests under an English locale, whatever the
// developer's: the built-in routines and the commands follow the system's
// language, and the golden files are English. Tests of another language
// set theirs (setLang).
func TestMain(m *testing.M) {
	for k, v := range map[string]string{"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"} {
		if err := os.Setenv(k, v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	os.Exit(m.Run())
}
