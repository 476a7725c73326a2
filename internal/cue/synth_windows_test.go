//go:build windows

package cue

import (
	"context"
	"errors"
	"path/filepath"
	"spineroutine/internal/i18n"
	"testing"
)

// TestSAPISpeaksAName: on Windows, SAPI's default voice says a move's
// name into the cache, and the second time the clip comes from the cache.
// Without a voice (Wine, a stripped Windows) the error says so and the
// test is skipped with it.
func TestSAPISpeaksAName(t *testing.T) {
	name, err := sapiVoice(sapiLanguages[i18n.English], true)
	if errors.Is(err, errNoVoice) {
		t.Skipf("SAPI: %v", err)
	}
	if err != nil {
		t.Skipf("SAPI cannot speak here: %v", err)
	}
	t.Logf("SAPI voice: %s", name)
	s := synthesizer{tag: "sapi " + name, say: func(ctx context.Context, text, out string) error {
		return sapiSay(ctx, sapiLanguages[i18n.English], true, text, out)
	}}
	dir := t.TempDir()
	clip, err := spoken(s, "Shoulder Rolls", dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(clip) < 8000 {
		t.Errorf("a clip of %d samples", len(clip))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "voice-*.wav"))
	if len(files) != 1 {
		t.Fatalf("cache: %v", files)
	}
	again, err := spoken(synthesizer{tag: s.tag}, "Shoulder Rolls", dir) // no say: from the cache
	if err != nil || len(again) != len(clip) {
		t.Errorf("from the cache: %d samples, %v", len(again), err)
	}
}
