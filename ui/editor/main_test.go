package editor

import (
	"fmt"
	"os"
	"spineroutine/ui/internal/uitest"
	"testing"
)

// TestMain runs the tests in English, whatever the machine's language,
// with the window's words loaded as the app loads them: the built-in
// routines' words and the golden images are English.
func TestMain(m *testing.M) {
	if err := os.Setenv("LANGUAGE", "en"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if err := uitest.LoadWindowLang("../../assets/lang"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}
