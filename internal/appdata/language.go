package appdata

import (
	"fmt"

	"spineroutine/internal/i18n"
)

// The language settings, chosen in Settings and applied at the next start.
const (
	// KeyLanguage is the key of the window's language: LanguageSystem (or
	// nothing saved) to follow the system, else a tag of i18n.Supported.
	KeyLanguage = "language"
	// KeyVoiceLanguage is the key of the voice's language: "" to speak the
	// window's, "en" to keep the English voice under a translated window.
	KeyVoiceLanguage = "voice_language"
	// LanguageSystem is the language setting that follows the system's.
	LanguageSystem = "system"
)

// StringSetter is what the language setters need (Fyne's preferences have it).
type StringSetter interface {
	SetString(key string, value string)
}

// Language is the window's language saved in v; set is false when the
// setting follows the system (nothing saved, or LanguageSystem). A value
// that is no language the app ships is an error naming the setting and
// the values it takes (the caller names the file and follows the system).
func Language(v Values) (l i18n.Lang, set bool, err error) {
	s := v.String(KeyLanguage)
	if s == "" || s == LanguageSystem {
		return "", false, nil
	}
	l, err = i18n.Parse(s)
	if err != nil {
		return "", false, fmt.Errorf("field %q is %q, not one of %s, %s: the system's language is used",
			KeyLanguage, s, LanguageSystem, i18n.Tags())
	}
	return l, true, nil
}

// SetLanguage saves the window's language in s: "" follows the system.
func SetLanguage(s StringSetter, l i18n.Lang) {
	if l == "" {
		s.SetString(KeyLanguage, LanguageSystem)
		return
	}
	s.SetString(KeyLanguage, string(l))
}

// VoiceLanguage is the voice's language under a window in window: the
// window's unless v keeps another (the English voice). A value that is
// no language the app ships is an error naming the setting, and the
// window's language is used.
func VoiceLanguage(v Values, window i18n.Lang) (i18n.Lang, error) {
	s := v.String(KeyVoiceLanguage)
	if s == "" {
		return window, nil
	}
	l, err := i18n.Parse(s)
	if err != nil {
		return window, fmt.Errorf("field %q is %q, not \"\" (the window's language) or one of %s: the window's language is used",
			KeyVoiceLanguage, s, i18n.Tags())
	}
	return l, nil
}

// SetVoiceLanguage saves the voice's language in s: "" speaks the
// window's, English keeps the English voice.
func SetVoiceLanguage(s StringSetter, l i18n.Lang) { s.SetString(KeyVoiceLanguage, string(l)) }
