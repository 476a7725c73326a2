package ui

import (
	"log"
	"sync"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// The window's words for the files of ui that run without Fyne (the
// session runner and the recorder, tested without a display): the same
// files Fyne's lang reads, assets/lang/window.<lang>.json, through
// internal/i18n's catalog. TestI18nKeys checks the ids given to tr and trN
// as it checks lang.L's.

// windowWords loads the window's messages once.
var windowWords = sync.OnceValue(func() *i18n.Messages {
	m, err := i18n.Catalog(assets.Lang, "lang/window")
	if err != nil {
		log.Printf("spineroutine: the window's words: %v", err) // the tests name the file and line
		return nil
	}
	return m
})

// tr is the window's text of id (the English text, a template of data) in
// the window's language.
func tr(id string, data map[string]any) string {
	m := windowWords()
	if m == nil {
		return id
	}
	return m.In(uiLang()).T(id, data)
}

// trN is tr of a text that depends on a count (its {{.Count}}).
func trN(id string, count int, data map[string]any) string {
	m := windowWords()
	if m == nil {
		return id
	}
	return m.In(uiLang()).N(id, count, data)
}
