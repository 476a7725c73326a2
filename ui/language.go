package ui

import (
	"os"

	"spineroutine/internal/i18n"
)

// uiLang is the window's language, as Fyne's lang picked it from the
// environment (cmd sets LANGUAGE to the language chosen before the window
// starts).
func uiLang() i18n.Lang { return i18n.FromEnv(os.Getenv) }
