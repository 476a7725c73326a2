package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/i18n"
	"spineroutine/internal/outfile"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

const renderUsage = "render [--routine FILE] [--moves id,id,...] [--no-voice] [--no-ticks] [--lang en|de|es|fr] [--force] --out FILE.wav"

func init() {
	register(command{
		name:    "render",
		usage:   renderUsage,
		summary: "write a routine's whole sound track (cues and spoken prompts) to a WAV file",
		run:     runRender,
	})
}

// runRender writes the sound track of the plan (every cue sound and spoken
// prompt at its planned instant, silence between; the prompts in the
// voice's language: --lang, else the environment's, see voiceLang) to a 44.1 kHz 16-bit
// stereo WAV file at full volume, then prints its length and path. The
// file is written to a temporary file next to it and renamed at the end,
// so a failed render leaves nothing behind. An existing file is replaced
// only when it is a WAV file of the format render writes, unless --force. Exit status: 0 on success, 1
// when the routine, a move id or the output fails, 2 on a usage error.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", renderUsage, stderr)
	sel := addPlanFlags(fs)
	noVoice := fs.Bool("no-voice", false, "cue sounds only, no spoken prompts")
	noTicks := fs.Bool("no-ticks", false, "no rep and tempo ticks")
	out := fs.String("out", "", "the WAV `FILE` to write (required)")
	force := fs.Bool("force", false, "replace --out even when it is not a WAV file that render wrote")
	langFlag := addLangFlag(fs)
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	lang, err := voiceLang(*langFlag, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine render: %v\n", err)
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "spineroutine render: --out FILE.wav is required")
		fs.Usage()
		return 2
	}
	if err := checkOut(*out, *force); err != nil {
		fmt.Fprintf(stderr, "spineroutine render: %v\n", err)
		return 1
	}
	r, p, ok := sel.plan(stderr, "render")
	if !ok {
		return 1
	}
	settings := cue.Settings{Volume: 100, Voice: !*noVoice, RepTicks: !*noTicks}
	var voices *cue.VoiceBank
	if settings.Voice {
		voices = loadVoices(lang, r, stderr, "render")
	}
	length, err := renderFile(p, voices, settings, *out)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine render: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%s of sound)\n", *out, minSec(length))
	return 0
}

// checkOut refuses an output path whose file render must not replace:
// anything but a regular file and a file that does not start like a WAV
// file of RenderFormat, unless force (outfile.CheckReplace).
func checkOut(path string, force bool) error {
	return outfile.CheckReplace(path, force, "a WAV file", "render", isRenderedWAV)
}

// isRenderedWAV reports whether r starts with the header of a WAV file in
// cue.RenderFormat: RIFF, WAVE, and a PCM fmt chunk of its rate, channels
// and sample size.
func isRenderedWAV(r io.Reader) bool {
	var h [36]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return false
	}
	le := binary.LittleEndian
	f := cue.RenderFormat
	return string(h[0:4]) == "RIFF" && string(h[8:12]) == "WAVE" && string(h[12:16]) == "fmt " &&
		le.Uint16(h[20:]) == 1 && int(le.Uint16(h[22:])) == f.NumChannels &&
		int(le.Uint32(h[24:])) == int(f.SampleRate) && int(le.Uint16(h[34:])) == 8*f.Precision
}

// renderFile renders to path, whole or not at all (outfile.Write). It
// returns the length of the sound written.
func renderFile(p *schedule.Plan, v *cue.VoiceBank, settings cue.Settings, path string) (time.Duration, error) {
	size, err := outfile.Write(path, func(w *os.File) error { return cue.Render(p, v, settings, w) })
	if err != nil {
		return 0, err
	}
	frame := int64(cue.RenderFormat.Width())
	return cue.SampleRate.D(int((size - 44) / frame)), nil
}

// loadVoices returns the voice bank of r in language lang with every name
// synthesized, printing the warnings of subcommand c on stderr.
func loadVoices(lang i18n.Lang, r *routine.Routine, stderr io.Writer, c string) *cue.VoiceBank {
	voices, warnings := cue.LoadVoicesIn(lang, r, voiceCacheDir())
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
