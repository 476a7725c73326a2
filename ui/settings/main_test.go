package settings

import (
	"fmt"
	"os"
	"testing"

	"spineroutine/ui/internal/uitest"
)

// TestMain runs the tests in English, whatever the machine's language,
// with the window's words loaded as the app loads them.
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
