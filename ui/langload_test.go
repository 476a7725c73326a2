package ui

import (
	"fyne.io/fyne/v2/lang"

	"spineroutine/assets"
)

// The tests read the window's translations as the app does (they run in
// English unless a test switches, see switchLanguage).
func init() {
	if err := lang.AddTranslationsFS(assets.Lang, "lang"); err != nil {
		panic(err)
	}
}
