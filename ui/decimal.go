package ui

import "fmt"

// decimal writes f with one decimal in the window's language.
func decimal(f float64) string { return fmt.Sprintf("%.1f", f) }
