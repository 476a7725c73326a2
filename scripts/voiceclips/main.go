// Command voiceclips prints what scripts/make-voices.sh records for a
// language of the voice (en, de, es, fr), as lines for the shell:
//
//	dir voice/de
//	festival VOICE      (only when Festival says the clips)
//	espeak de
//	clip NAME|TEXT      (one per clip)
//
// The phrases and move names come from assets/lang/voice.<lang>.json, the
// numbers from the language's grammar in internal/cue.
package main

import (
	"bufio"
	"fmt"
	"os"

	"spineroutine/internal/cue"
	"spineroutine/internal/i18n"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: voiceclips LANG")
		os.Exit(2)
	}
	lang, err := i18n.Parse(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "voiceclips:", err)
		os.Exit(2)
	}
	r, err := cue.RecordingOf(lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "voiceclips:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "dir %s\n", r.Dir)
	if r.Festival != "" {
		fmt.Fprintf(w, "festival %s\n", r.Festival)
	}
	fmt.Fprintf(w, "espeak %s\n", r.Espeak)
	for _, c := range r.Clips {
		fmt.Fprintf(w, "clip %s|%s\n", c.Name, c.Text)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "voiceclips:", err)
		os.Exit(1)
	}
}
