package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"

	"spineroutine/internal/appdata"
	"spineroutine/internal/cue"
	"spineroutine/internal/figure"
	"spineroutine/internal/instance"
	"spineroutine/internal/journal"
	"spineroutine/internal/library"
	"spineroutine/internal/reminder"
	"spineroutine/internal/routine"
	"spineroutine/internal/sound"
	"spineroutine/internal/startup"
	"spineroutine/ui"
)

func init() {
	register(command{
		name:    guiCommand,
		usage:   "gui [--start] [--moves id,...] [--mute] [--routine FILE] [--data DIR] [--tray]",
		summary: "open the window (what runs when no command is named)",
		run:     runGUI,
	})
}

// runGUI opens the main window.
func runGUI(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(guiCommand, "[gui] [flags]", stderr)
	start := fs.Bool("start", false, "begin the session as soon as the window shows")
	moves := fs.String("moves", "", "comma-separated ids of the moves to run (default: the moves not done today)")
	mute := fs.Bool("mute", false, "start muted (cues still flash on screen)")
	routinePath := fs.String("routine", "", "routine TOML `file` (default: the routine in use, chosen in the window)")
	data := fs.String("data", "", "data `directory` holding the journal (default: the app's storage)")
	tray := fs.Bool(strings.TrimPrefix(reminder.TrayFlag, "--"), false, "start in the system tray, without the window, when the daily reminder is on")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	if !haveDisplay(stderr) {
		return 1
	}

	// The saved settings (Settings tab): theme, sound, and the routine file
	// used when --routine is not given.
	dir, err := dataFolder(*data, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: %v\n", err)
		return 1
	}
	var problems []string
	if msg, fatal := guardPrefs(); msg != "" {
		fmt.Fprintln(stderr, "spineroutine: "+msg)
		if fatal {
			return 1
		}
		problems = append(problems, msg)
	}
	a := app.NewWithID(appID)
	sig := catchSignals(a)
	prefs := ui.NewPrefs(a.Preferences())
	// The language of this run (Settings' choice, else the system's),
	// decided once, before any window is built: a change of the setting
	// applies at the next start.
	lng, err := languageOf(a.Preferences(), os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
		problems = append(problems, err.Error())
	}
	if err := useLanguage(lng, os.Getenv, os.Setenv); err != nil {
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
		problems = append(problems, err.Error())
	}
	// The voice speaks the window's language unless Settings keep the
	// English voice (voice_language), from the next start too.
	voiceLng, err := appdata.VoiceLanguage(a.Preferences(), lng)
	if err != nil {
		err = fmt.Errorf("settings: %w", err)
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
		problems = append(problems, err.Error())
	}
	ui.ApplyTheme(a, prefs.Theme())
	lib, err := library.Open(dir, figure.Shipped())
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: %v\n", err)
		return 1
	}
	lib = lib.WithLang(routineLang(a.Preferences()))

	// A routine file that cannot be used does not stop the app: it opens on
	// the default routine and lists the problems in the window. --start
	// then starts nothing: the session asked for is not the one that would
	// run.
	r, key, bad := startRoutine(lib, *routinePath, prefs.RoutinePath())
	startNow := *start
	if len(bad) > 0 {
		if startNow {
			bad = append(bad, "--start ignored: no session was started, since the routine asked for cannot be used.")
			startNow = false
		}
		problems = append(problems, strings.Join(bad, "\n"))
		for _, line := range bad {
			fmt.Fprintln(stderr, "spineroutine: "+line)
		}
	}
	ids, err := splitMoves(r, *moves)
	if err != nil {
		problems = append(problems, "--moves ignored: "+err.Error())
		ids = nil
	}
	j, err := journal.Open(dir, journal.Options{})
	if err != nil {
		msg := fmt.Sprintf("Spine Routine cannot open its journal: %v", err)
		if errors.Is(err, journal.ErrLocked) {
			// The app runs already (in the tray, or behind other windows):
			// bring its window to the front.
			raiseErr := instance.Raise(dir)
			if raiseErr == nil {
				fmt.Fprintln(stdout, "spineroutine: Spine Routine is already open: its window is brought to the front.")
				return 0
			}
			msg = "Spine Routine is already open (its journal in " + dir +
				" is in use), but does not answer (" + raiseErr.Error() + "). Close it first, or end it."
		}
		fmt.Fprintln(stderr, "spineroutine: "+msg)
		showFatal(a, msg)
		return 1
	}
	defer j.Close()
	problems = append(problems, j.Warnings()...)
	removeTemps(lib, dir, stderr)

	// The window applies --mute (for this run, never saved) and loads the
	// routine's voices into the player.
	player := sound.NewPlayer(nil, prefs.Sound())
	defer player.Close()

	w := ui.New(a, ui.Options{
		Routine:    r,
		Library:    lib,
		RoutineKey: key,
		Problems:   problems,
		Journal:    j,
		Player:     player,
		Voices: func(r *routine.Routine) (*cue.VoiceBank, []string) {
			return cue.LoadVoicesIn(voiceLng, r, filepath.Join(dir, "voices"))
		},
		Prefs:     prefs,
		Mute:      *mute,
		Moves:     ids,
		Start:     startNow,
		StartLead: sound.StartLead,
		OnStarted: startupTrace(stderr),
		Post:      sig.post,
		Screen:    screenArea,
		Position:  windowPosition,
		Reminders: true,
		InTray:    *tray,
		// Headphone buttons, media keys and remotes (MPRIS).
		MediaControls: true,
	})
	// A later launch brings this window to the front.
	if ln, err := instance.Listen(dir, w.Raise); err != nil {
		fmt.Fprintf(stderr, "spineroutine: a second launch cannot reach this window: %v\n", err)
	} else {
		defer ln.Close()
	}
	startup.QuitAfter(func() { fyne.Do(a.Quit) })
	return sig.run(w.Run)
}

// removeTemps removes the temporary files that an earlier run killed in a
// save or a synthesis left in the routines folder and the voice cache.
// It runs with the journal's lock held: no other instance is saving.
func removeTemps(lib *library.Library, dir string, stderr io.Writer) {
	if _, err := lib.RemoveTemps(); err != nil {
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
	}
	if _, err := cue.RemoveTemps(filepath.Join(dir, "voices")); err != nil {
		fmt.Fprintf(stderr, "spineroutine: warning: %v\n", err)
	}
}

// screenArea is the work area of the primary screen (less its panels), in
// screen pixels, from GLFW, which Fyne's desktop driver runs on; it must
// run on the main goroutine (the window's lifecycle calls it there).
func screenArea() (x, y int, area fyne.Size, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, fyne.Size{}, false
	}
	x, y, w, h := m.GetWorkarea()
	return x, y, fyne.NewSize(float32(w), float32(h)), w > 0 && h > 0
}

// windowPosition is where the app's window is on the screen, in screen
// pixels: the window whose GL context is current on the main goroutine
// (the app has one window).
func windowPosition() (x, y int, ok bool) {
	w := glfw.GetCurrentContext()
	if w == nil {
		return 0, 0, false
	}
	x, y = w.GetPos()
	return x, y, true
}

// routineProblems turns a routine loading error into the lines the window
// lists, one "file:line: ..." line per problem.
func routineProblems(path string, err error) []string {
	lines := []string{fmt.Sprintf("Routine file %s not used (the built-in routine is open instead):", path)}
	var list routine.Errors
	if errors.As(err, &list) {
		for _, e := range list {
			lines = append(lines, e.Error())
		}
		return lines
	}
	return append(lines, err.Error())
}

// showFatal shows msg in a small window until it is closed.
func showFatal(a fyne.App, msg string) {
	w := a.NewWindow(ui.Title)
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Quit", a.Quit)), nil, nil, lbl))
	w.Resize(fyne.NewSize(480, 160))
	w.ShowAndRun()
}

// startupTrace returns, when SPINEROUTINE_TRACE_STARTUP=1, a function that
// prints how long after the process started the window's event loop ran
// its first call (scripts/bench.sh reads it); nil otherwise.
func startupTrace(stderr io.Writer) func() {
	if os.Getenv("SPINEROUTINE_TRACE_STARTUP") != "1" {
		return nil
	}
	return func() { startup.Report(stderr, "spineroutine") }
}
