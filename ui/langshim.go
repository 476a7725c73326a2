package ui

import (
	"fmt"
	"time"
)

// uiLang stands in for i18n's until internal/i18n is merged.
func uiLang() shimLang { return shimLang{} }

type shimLang struct{}

func (shimLang) ShortDayDate(t time.Time) string    { return t.Format("Mon 2 Jan") }
func (shimLang) Decimal(f float64, prec int) string { return fmt.Sprintf("%.*f", prec, f) }
