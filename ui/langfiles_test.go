package ui

import (
	"testing"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// The window's translations: every language has every English key, the
// same placeholders and its plural forms (i18n.CheckFamily).
func TestWindowLangFamilyChecks(t *testing.T) {
	for _, p := range i18n.CheckFamily(assets.Lang, "lang/window") {
		t.Error(p)
	}
}
