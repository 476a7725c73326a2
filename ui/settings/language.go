package settings

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/i18n"
	"spineroutine/ui/widgets"
)

// languageSection is Settings' "Language": the window's language (the
// system's or one of i18n.Supported) and the voice's (the window's, or
// English): fields of Settings, handed on at once as any setting, and
// applied at the next start, as the section says.
type languageSection struct {
	window *widgets.KeySelect
	voice  *widgets.KeySelect
	// problem says a saved value the app does not know (a hand-edited
	// file): the system's or the window's language is used instead.
	problem *widgets.ProblemLine
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

// newLanguageSection builds the section showing the languages of s and
// the problems of their saved values; changed gets each choice.
func newLanguageSection(app string, s Settings, problems []string, changed func(window, voice i18n.Lang)) *languageSection {
	l := &languageSection{problem: widgets.NewProblemLine()}
	choice := 0
	for i, x := range i18n.Supported {
		if x == s.Language {
			choice = i + 1
		}
	}
	voice := 0
	if s.VoiceLanguage == i18n.English {
		voice = 1
	}
	l.window = widgets.NewKeySelect(windowLangChoices(), nil)
	l.window.SetSelected(windowLangChoices()[choice])
	l.voice = widgets.NewKeySelect(voiceLangChoices(), nil)
	l.voice.SetSelected(voiceLangChoices()[voice])
	if len(problems) > 0 {
		l.problem.Set(strings.Join(problems, "\n"))
	}
	chose := func(string) {
		l.problem.Clear()
		changed(l.chosen())
	}
	l.window.OnChanged, l.voice.OnChanged = chose, chose
	when := widget.NewLabel(lang.L("Applies when {{.App}} starts again.", map[string]any{"App": app}))
	when.TextStyle = fyne.TextStyle{Italic: true}
	when.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Window")), l.window,
		widget.NewLabel(lang.L("Voice")), l.voice)
	l.obj = widgets.NewSection(lang.L("Language"), form, when, l.problem.Row)
	return l
}

// chosen are the languages the boxes show: "" for the system's window
// language and for the window's voice.
func (l *languageSection) chosen() (window, voice i18n.Lang) {
	if i := slices.Index(windowLangChoices(), l.window.Selected); i > 0 {
		window = i18n.Supported[i-1]
	}
	if l.voice.Selected == voiceLangChoices()[1] {
		voice = i18n.English
	}
	return window, voice
}
