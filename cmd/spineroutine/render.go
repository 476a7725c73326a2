package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

const renderUsage = "render [--routine FILE] [--moves id,id,...] [--no-voice] [--no-ticks] --out FILE.wav"

func init() {
	register(command{
		name:    "render",
		usage:   renderUsage,
		summary: "write a routine's whole sound track (cues and spoken prompts) to a WAV file",
		run:     runRender,
	})
}

// runRender writes the sound track of the plan (every cue sound and spoken
// prompt at its planned instant, silence between) to a 44.1 kHz 16-bit
// stereo WAV file at full volume, then prints its length and path. The
// file is written to a temporary file next to it and renamed at the end,
// so a failed render leaves nothing behind. Exit status: 0 on success, 1
// when the routine, a move id or the output fails, 2 on a usage error.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", renderUsage, stderr)
	sel := addPlanFlags(fs)
	noVoice := fs.Bool("no-voice", false, "cue sounds only, no spoken prompts")
	noTicks := fs.Bool("no-ticks", false, "no rep and tempo ticks")
	out := fs.String("out", "", "the WAV `FILE` to write (required)")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "spineroutine render: --out FILE.wav is required")
		fs.Usage()
		return 2
	}
	r, p, ok := sel.plan(stderr, "render")
	if !ok {
		return 1
	}
	settings := cue.Settings{Volume: 100, Voice: !*noVoice, RepTicks: !*noTicks}
	var voices *cue.VoiceBank
	if settings.Voice {
		voices = loadVoices(r, stderr, "render")
	}
	length, err := renderFile(p, voices, settings, *out)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine render: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%s of sound)\n", *out, minSec(length))
	return 0
}

// renderFile renders to a temporary file in path's directory and renames
// it to path; on any error it removes the temporary file. It returns the
// length of the sound written.
func renderFile(p *schedule.Plan, v *cue.VoiceBank, settings cue.Settings, path string) (time.Duration, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return 0, fmt.Errorf("%s is a directory", path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) (time.Duration, error) {
		f.Close()
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if err := cue.Render(p, v, settings, f); err != nil {
		return fail(err)
	}
	info, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	frame := int64(cue.RenderFormat.Width())
	return cue.SampleRate.D(int((info.Size() - 44) / frame)), nil
}

// loadVoices returns the voice bank of r with every name synthesized,
// printing the warnings of subcommand c on stderr.
func loadVoices(r *routine.Routine, stderr io.Writer, c string) *cue.VoiceBank {
	voices, warnings := cue.LoadVoices(r, voiceCacheDir())
	for _, w := range append(warnings, voices.Wait()...) {
		fmt.Fprintf(stderr, "spineroutine %s: warning: %s\n", c, w)
	}
	return voices
}

// voiceCacheDir is where the names synthesized for a user routine's moves
// are kept ("" when the system has no cache directory: no cache).
func voiceCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, appID, "voice")
}
