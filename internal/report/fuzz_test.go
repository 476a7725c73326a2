package report

import (
	"io"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// notesSource is a journal of one move done on the first day and a note on
// each day of notes.
type notesSource struct {
	daysSource
	notes []string
}

func (s notesSource) Notes(from, to journal.Day) []journal.Note {
	var out []journal.Note
	for i, text := range s.notes {
		if d := s.from.Add(i); !d.Before(from) && !d.After(to) {
			out = append(out, journal.Note{Day: d, Text: text})
		}
	}
	return out
}

// FuzzReport draws reports whose routine name, move name, easier variant
// and notes are any text, outside the Basic Multilingual Plane too: no
// text makes WritePDF fail or panic, or draw a font's missing glyph.
func FuzzReport(f *testing.F) {
	for _, seed := range [][4]string{
		{"Daily back routine", "Bird Dogs", "On the knees", "left hip tight"},
		{"Morning 😀", "Planks 💪", "\U000F0000", "better 😀 today"},
		{"日本語", "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया"},
		{"a\x00b\nc\td", "\xff\xfe", "\u200d\ufe0f\u202e", "ﷺ꧁"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	from := journal.NewDay(2026, 11, 1)
	f.Fuzz(func(t *testing.T, name, move, easier, note string) {
		r := routine.Default()
		r.Name = name
		r.Moves[0].Name, r.Moves[0].Easier = move, easier
		src := notesSource{daysSource{from, [][]string{{r.Moves[0].ID}}}, []string{note, easier + note}}
		rep, err := Build(src, r, from, from.Add(2), time.Date(2026, 11, 3, 12, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		w, err := rep.writePDF(io.Discard, A4)
		if err != nil {
			t.Fatal(err)
		}
		if w.Notdef > 0 {
			t.Errorf("%d of %d glyphs drawn are a font's missing glyph", w.Notdef, w.Glyphs)
		}
		if _, err := rep.Unprintable(); err != nil {
			t.Fatal(err)
		}
	})
}
