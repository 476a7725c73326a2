package editor

import (
	"testing"

	"spineroutine/ui/internal/uitest"
)

// TestMain runs the tests in English, whatever the machine's language,
// with the window's words loaded as the app loads them: the built-in
// routines' words and the golden images are English.
func TestMain(m *testing.M) {
	uitest.Main(m, "../../assets/lang")
}
