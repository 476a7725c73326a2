package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/routine"
)

// writeYears writes years of a daily session of the default routine,
// ending on last, in the documented format, and opens the journal once
// so that its checkpoint is saved (as after the app's first start).
func writeYears(tb testing.TB, dir string, years int, last journal.Day) {
	tb.Helper()
	moves := routine.Default().IDs()
	var buf bytes.Buffer
	add := func(ts time.Time, day journal.Day, kind string, fields map[string]any) {
		e := map[string]any{"v": 1, "ts": ts.Format(time.RFC3339), "day": day.String(), "kind": kind}
		for k, v := range fields {
			e[k] = v
		}
		b, err := json.Marshal(e)
		if err != nil {
			tb.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	n := years * 365
	for i := range n {
		d := last.Add(i - n + 1)
		if i%9 == 4 {
			continue // a day off
		}
		at := d.Start(time.UTC).Add(7 * time.Hour)
		id := fmt.Sprintf("%s-%06x", at.Format("20060102T150405Z"), i%0xffffff)
		add(at, d, "session_start", map[string]any{"session": id, "routine": "default", "moves": moves})
		add(at, d, "pain", map[string]any{"session": id, "when": "before", "pain": i % 11})
		for _, m := range moves[:4+i%9] {
			at = at.Add(3 * time.Minute)
			add(at, d, "done", map[string]any{"move": m, "src": "timer", "session": id})
		}
		add(at, d, "pain", map[string]any{"session": id, "when": "after", "pain": i % 7})
		add(at, d, "session_end", map[string]any{"session": id, "reason": "finished"})
	}
	if err := os.WriteFile(filepath.Join(dir, "journal.jsonl"), buf.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	j, err := journal.Open(dir, journal.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := j.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReport30Years makes the report of the last 28 days of a
// 30-year journal, as the report command does: the journal loaded (from
// its checkpoint), the report built and its PDF written.
func BenchmarkReport30Years(b *testing.B) {
	dir := b.TempDir()
	last := journal.NewDay(2026, 11, 22)
	writeYears(b, dir, 30, last)
	r := routine.Default()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		j, err := journal.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := Build(j, r, last.Add(-(DefaultDays - 1)), last, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		if err := rep.WritePDF(io.Discard, A4); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportPDF is WritePDF alone, for the 28 days of a daily routine.
func BenchmarkReportPDF(b *testing.B) {
	dir := b.TempDir()
	last := journal.NewDay(2026, 11, 22)
	writeYears(b, dir, 1, last)
	j, err := journal.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	rep, err := Build(j, routine.Default(), last.Add(-(DefaultDays - 1)), last, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := rep.WritePDF(io.Discard, A4); err != nil {
			b.Fatal(err)
		}
	}
}
