package ui

// The words the card, Today and the dialogs share, through Fyne's lang
// (the key is the English text; assets/lang/window.<lang>.json).

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"spineroutine/internal/routine"
)

// counted is the data of a plural text of n: {{.Count}} is n
// (lang.N("{{.Count}} moves", n, counted(n)) is "1 move" or "3 moves").
func counted(n int) map[string]any { return map[string]any{"Count": n} }

// levelWords is "level 3 of 6", or "" for a move without levels.
func levelWords(m routine.Move) string {
	if m.LevelCount() < 2 {
		return ""
	}
	return lang.L("level {{.Level}} of {{.Levels}}", map[string]any{"Level": m.Level, "Levels": m.LevelCount()})
}

// levelHeading is "Level 3 of 6" (at the start of a line), or "" for a move
// without levels.
func levelHeading(m routine.Move) string {
	if m.LevelCount() < 2 {
		return ""
	}
	return lang.L("Level {{.Level}} of {{.Levels}}", map[string]any{"Level": m.Level, "Levels": m.LevelCount()})
}

// focusWord is the focus of a move in the window's language.
func focusWord(f routine.Focus) string {
	switch f {
	case routine.Mobility:
		return lang.L("mobility")
	case routine.Stability:
		return lang.L("stability")
	case routine.Decompression:
		return lang.L("decompression")
	case routine.Activation:
		return lang.L("activation")
	case routine.Strength:
		return lang.L("strength")
	}
	return string(f)
}

// secondsWords is a duration in seconds as the window shows it: "10 s",
// "1.5 s" ("1,5 s" in German).
func secondsWords(d time.Duration) string {
	s := d.Seconds()
	n := fmt.Sprintf("%d", int64(s))
	if s != float64(int64(s)) {
		n = uiLang().Decimal(s, 1)
	}
	return lang.L("{{.Seconds}} s", map[string]any{"Seconds": n})
}

// doseWords is a level's dose in short: "6-4-2 × 10 s".
func doseWords(m routine.Move) string {
	return m.RepsText() + " × " + secondsWords(m.RepDuration())
}
