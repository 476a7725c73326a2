package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/appdata"
	"spineroutine/internal/i18n"
	"spineroutine/ui/widgets"
)

// languageStore is where the language settings are kept: the app's
// preferences (appdata reads and writes their keys).
type languageStore interface {
	appdata.Values
	appdata.StringSetter
}

// languageSection is Settings' "Language": the window's language (the
// system's or one of i18n.Supported) and the voice's (the window's, or
// English), saved at once and applied at the next start, as it says.
type languageSection struct {
	store  languageStore
	window *widgets.KeySelect
	voice  *widgets.KeySelect
	// problem says a saved value the app does not know (a hand-edited
	// file): the system's or the window's language is used instead.
	problem *problemLine
	obj     fyne.CanvasObject
}

// windowLangChoices are the window's language choices, by i18n.Supported
// after "System".
func windowLangChoices() []string {
	out := []string{lang.L("System")}
	for _, l := range i18n.Supported {
		out = append(out, l.Name()) // each in itself: a reader finds their own
	}
	return out
}

// voiceLangChoices are the voice's language choices: the window's, English.
func voiceLangChoices() []string {
	return []string{lang.L("Same as the window"), i18n.English.Name()}
}

// newLanguageSection builds the section showing the settings of store
// (nil: the app's preferences).
func newLanguageSection(store languageStore, keys keyRoute) *languageSection {
	if store == nil {
		store = fyne.CurrentApp().Preferences()
	}
	s := &languageSection{store: store, problem: newProblemLine()}
	s.window = keys.selectBox(windowLangChoices(), nil)
	s.voice = keys.selectBox(voiceLangChoices(), nil)
	s.show()
	s.window.OnChanged = func(string) { s.save() }
	s.voice.OnChanged = func(string) { s.save() }
	when := widget.NewLabel(lang.L("Applies when {{.App}} starts again.", map[string]any{"App": Title}))
	when.TextStyle = fyne.TextStyle{Italic: true}
	when.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Window")), s.window,
		widget.NewLabel(lang.L("Voice")), s.voice)
	s.obj = section(lang.L("Language"), form, when, s.problem.row)
	return s
}

// show sets the boxes to the saved settings.
func (s *languageSection) show() {
	var msgs []string
	l, set, err := appdata.Language(s.store)
	if err != nil {
		msgs = append(msgs, err.Error())
	}
	choice := 0
	for i, x := range i18n.Supported {
		if set && x == l {
			choice = i + 1
		}
	}
	s.window.SetSelected(windowLangChoices()[choice])
	window := uiLang()
	if set {
		window = l
	}
	v, err := appdata.VoiceLanguage(s.store, window)
	if err != nil {
		msgs = append(msgs, err.Error())
	}
	voice := 0
	if s.store.String(appdata.KeyVoiceLanguage) != "" && v == i18n.English {
		voice = 1
	}
	s.voice.SetSelected(voiceLangChoices()[voice])
	if len(msgs) > 0 {
		s.problem.show(strings.Join(msgs, "\n"))
	} else {
		s.problem.hide()
	}
}

// save keeps the choices of the boxes.
func (s *languageSection) save() {
	l := i18n.Lang("")
	if i := indexOf(windowLangChoices(), s.window.Selected); i > 0 {
		l = i18n.Supported[i-1]
	}
	appdata.SetLanguage(s.store, l)
	v := i18n.Lang("")
	if s.voice.Selected == voiceLangChoices()[1] {
		v = i18n.English
	}
	appdata.SetVoiceLanguage(s.store, v)
	s.problem.hide()
}
