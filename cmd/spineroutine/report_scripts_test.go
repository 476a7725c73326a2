package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// emojiRoutine is a routine whose name, a move's name and its easier
// variant hold an emoji, and a character of a private-use plane no font
// has.
const emojiRoutine = `name = "Morning 😀 routine"
get_ready = 3
rest = 4
switch = 3
between_sets = 3

[[move]]
id = "side-planks"
name = "Side Planks 💪"
focus = "stability"
about = "Lateral core endurance."
steps = ["Elbow under shoulder", "Hips high"]
easier = "On the knees 🦵 \U000F0000"
sides = "each"
reps = 1
hold = 4
`

// TestReportEmoji makes the report of a routine and notes holding
// characters outside the Basic Multilingual Plane (emoji, and one no font
// has): fpdf panicked on them. The report is written, pdftotext reads the
// texts back (an emoji a font has is printed; one without is named on
// stderr and printed as □).
func TestReportEmoji(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var w journalWriter
	day := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 11, 3, 8, 0, 0, 0, reportZone)
	w.add(t, at, day, "done", map[string]any{"move": "side-planks", "src": "hand"})
	w.add(t, at, day, "note", map[string]any{"text": "better 😀 today \U000F0001"})
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), w.buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	rt := filepath.Join(t.TempDir(), "emoji.toml")
	if err := os.WriteFile(rt, []byte(emojiRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	out := filepath.Join(t.TempDir(), "report.pdf")
	var stdout, stderr bytes.Buffer
	if code := runReport([]string{"--data", dir, "--routine", rt, "--out", out, "--paper", "a4"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		`U+F0000 ` + "\U000F0000" + ` in the easier variant of the move "side-planks" has no font; printed as □`,
		`U+F0001 ` + "\U000F0001" + ` in the note of 2026-11-03 has no font; printed as □`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr does not name %q:\n%s", want, stderr.String())
		}
	}
	text := pdfText(t, out)
	for _, want := range []struct{ text, emoji string }{
		{"Morning 😀 routine", "😀"}, {"Side Planks 💪", "💪"}, {"On the knees 🦵 □", "🦵"}, {"better 😀 today □", "😀"},
	} {
		// An emoji no font on this machine has is printed as □ and named.
		alt := strings.ReplaceAll(want.text, want.emoji, "□")
		if !strings.Contains(text, want.text) && !(strings.Contains(text, alt) && strings.Contains(stderr.String(), want.emoji)) {
			t.Errorf("the report does not read %q:\n%s", want.text, text)
		}
	}
}

// TestReportEmptyPeriod makes the report of a data folder that holds no
// journal: it is written, its page 1 says there were no sessions, and the
// command warns on stderr.
func TestReportEmptyPeriod(t *testing.T) {
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	out := filepath.Join(t.TempDir(), "report.pdf")
	var stdout, stderr bytes.Buffer
	if code := runReport([]string{"--data", filepath.Join(t.TempDir(), "nowhere"), "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "warning: no sessions in this period") {
		t.Errorf("stderr %q does not warn", stderr.String())
	}
	page1, _, _ := strings.Cut(pdfText(t, out), "\f")
	if !strings.Contains(page1, "No sessions in this period") || !strings.Contains(page1, "0 of 28 (0 %)") {
		t.Errorf("page 1 does not say the period is empty:\n%s", page1)
	}
}

// TestReportFunction reads the Patient-Specific Functional Scale's table
// of the sample month back: per activity the rating at the start (the
// first in the period, else the last before it), the latest and the
// change, worked out here from sampleRatings; the average's change and
// whether it reaches 2 points; the scale's name and source.
func TestReportFunction(t *testing.T) {
	dir, _ := writeReportJournal(t)
	setReportNow(t, time.Date(2026, 11, 28, 21, 0, 0, 0, reportZone))
	out := filepath.Join(t.TempDir(), "report.pdf")
	runReportT(t, "--data", dir, "--out", out, "--paper", "a4")
	text := strings.Join(strings.Fields(pdfText(t, out)), " ")
	date := func(i int) string { return reportFrom.AddDate(0, 0, i).Format("Mon 2 Jan") }
	type rated struct{ day, score int }
	start, latest := map[string]rated{}, map[string]rated{}
	var order []string
	for _, r := range sampleRatings {
		s, ok := start[r.activity]
		if !ok {
			order = append(order, r.activity)
		}
		if r.day < 0 || !ok || s.day < 0 {
			start[r.activity] = rated{r.day, r.score}
		}
		latest[r.activity] = rated{r.day, r.score}
	}
	var sumStart, sumLatest float64
	for _, a := range order {
		s, l := start[a], latest[a]
		change := fmt.Sprintf("%+d", l.score-s.score)
		if l.score == s.score {
			change = "0"
		}
		row := fmt.Sprintf("%s %d (%s) %d (%s) %s", a, s.score, date(s.day), l.score, date(l.day), change)
		if !strings.Contains(text, row) {
			t.Errorf("the report does not show %q:\n%s", row, text)
		}
		sumStart += float64(s.score)
		sumLatest += float64(l.score)
	}
	n := float64(len(order))
	avg := fmt.Sprintf("Average of %d activities: %.1f → %.1f, +%.1f (less than the 2 points that are clinically meaningful)",
		len(order), sumStart/n, sumLatest/n, (sumLatest-sumStart)/n)
	for _, want := range []string{avg, "Function: Patient-Specific Functional Scale", "Stratford P, Gill C, Westaway M, Binkley J",
		"Physiotherapy Canada 1995"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q:\n%s", want, text)
		}
	}
}
