package ui

import (
	"os"

	"spineroutine/internal/i18n"
)

// uiLang is the window's language, the one Fyne's lang picks from the
// environment too (cmd sets LANGUAGE to the language chosen before the
// window starts): its dates, weekdays and months.
func uiLang() i18n.Lang { return i18n.FromEnv(os.Getenv) }
