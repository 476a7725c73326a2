package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"spineroutine/internal/cue"
	"spineroutine/internal/schedule"
)

const planUsage = "plan [--routine FILE] [--moves id,id,...] [--data DIR] [--detail minimal|normal|full] [--lang en|de|es|fr] [--json | --voice-report]"

func init() {
	register(command{
		name:    "plan",
		usage:   planUsage,
		summary: "print the timeline of a routine (steps; --json: steps, cues, placed tones and spoken prompts; --voice-report: what is heard, in figures)",
		run:     runPlan,
	})
}

// runPlan prints the plan of the routine (the embedded default without
// --routine) for the chosen moves (all without --moves), each at the level
// the journal has for it today (its start level without one): a table, one line
// per step, then the total; with --json the steps, the cues, every tone as
// placed (start, length, sound: a tick under a prompt is left out) and
// every spoken prompt (text, start, length, at the --detail level, in the
// voice's language: --lang, else the environment's, see voiceLang); with
// --voice-report the figures of what a person hears (cue.Report). Exit
// status: 0 on success, 1 when the routine cannot be read or a move id is
// unknown, 2 on a usage error.
func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", planUsage, stderr)
	sel := addPlanFlags(fs)
	sel.data = fs.String("data", "", "data `DIR` whose journal holds your level of each move (default: the app's storage directory)")
	fs.Lookup("routine").Usage = "routine `FILE` (default: the routine in use, chosen in the window)"
	asJSON := fs.Bool("json", false, "print the steps, cues, placed tones and spoken prompts as JSON")
	report := fs.Bool("voice-report", false, "print the longest silence and how many holds, moves and side changes are voiced")
	detail := fs.String("detail", string(cue.DetailNormal), "voice `detail`: minimal, normal or full")
	langFlag := addLangFlag(fs)
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	lang, err := voiceLang(*langFlag, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine plan: %v\n", err)
		return 2
	}
	settings := cue.DefaultSettings()
	if d, ok := parseDetail(*detail); ok {
		settings.Detail = d
	} else {
		fmt.Fprintf(stderr, "spineroutine plan: --detail %q: want minimal, normal or full\n", *detail)
		return 2
	}
	if *asJSON && *report {
		fmt.Fprintln(stderr, "spineroutine plan: --json and --voice-report exclude each other")
		return 2
	}
	r, p, ok := sel.plan(stderr, "plan")
	if !ok {
		return 1
	}
	switch {
	case *asJSON || *report:
		voices := loadVoices(lang, r, stderr, "plan")
		if *report {
			_, err = io.WriteString(stdout, cue.Analyze(p, voices, settings).String())
			break
		}
		err = p.WriteJSON(stdout,
			schedule.JSONList{Name: "tones", Items: jsonSounds(cue.Tones(p, voices, settings))},
			schedule.JSONList{Name: "spoken", Items: jsonSounds(cue.Script(p, voices, settings))})
	default:
		err = p.WriteTable(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine plan: %v\n", err)
		return 1
	}
	return 0
}

// jsonSpoken is a placed tone or a spoken prompt in plan --json.
type jsonSpoken struct {
	At   seconds `json:"at_s"`
	Len  seconds `json:"len_s"`
	Text string  `json:"text"`
}

// jsonSounds returns placed sounds as items of plan --json.
func jsonSounds(ss []cue.Spoken) []any {
	var out []any
	for _, s := range ss {
		out = append(out, jsonSpoken{seconds(s.At), seconds(s.Len), s.Text})
	}
	return out
}

// seconds marshals a duration as seconds to the millisecond.
type seconds time.Duration

// MarshalJSON implements json.Marshaler.
func (s seconds) MarshalJSON() ([]byte, error) {
	return json.RawMessage(schedule.FormatSeconds(time.Duration(s))), nil
}

// parseDetail reads a --detail value.
func parseDetail(v string) (cue.Detail, bool) {
	for _, d := range cue.Details {
		if string(d) == v {
			return d, true
		}
	}
	return "", false
}
