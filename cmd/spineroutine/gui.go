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

	"spineroutine/internal/cue"
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
	migrateData(*data, stderr)
	a := app.NewWithID(appID)
	sig := catchSignals(a)
	prefs := ui.NewPrefs(a.Preferences())
	ui.ApplyTheme(a, prefs.Theme())
	dir, err := dataDir(*data)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: %v\n", err)
		return 1
	}
	lib, err := library.Open(dir)
	if err != nil {
		fmt.Fprintf(stderr, "spineroutine: %v\n", err)
		return 1
	}

	// A routine file that cannot be used does not stop the app: it opens on
	// the default routine and lists the problems in the window.
	var problems []string
	r, key, bad := startRoutine(lib, *routinePath, prefs.RoutinePath())
	if len(bad) > 0 {
		problems = append(problems, strings.Join(bad, "\n"))
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

	// --mute holds for this run: the window applies it and never saves it.
	settings := prefs.Sound()
	settings.Muted = settings.Muted || *mute
	voices, warnings := cue.LoadVoices(r, filepath.Join(dir, "voices"))
	problems = append(problems, warnings...)
	go func() { // names of the routine's own moves, made in the background
		for _, w := range voices.Wait() {
			fmt.Fprintln(stderr, "spineroutine: "+w)
		}
	}()
	player := sound.NewPlayer(voices, settings)
	defer player.Close()

	rem := newReminders(a, j, r, stderr)
	w := ui.New(a, ui.Options{
		Routine:    r,
		Library:    lib,
		RoutineKey: key,
		Problems:   problems,
		Journal:    j,
		Player:     player,
		Prefs:      prefs,
		Mute:       *mute,
		Moves:      ids,
		Start:      *start,
		StartLead:  sound.StartLead,
		OnStarted:  startupTrace(stderr),
		Post:       sig.post,
		Screen:     screenArea,
		Position:   windowPosition,

		SettingsSections: []fyne.CanvasObject{rem.section()},
		OnWindow:         rem.attach,
		OnClose:          rem.close,
	})
	// A later launch brings this window to the front.
	if ln, err := instance.Listen(dir, func() {
		fyne.Do(func() {
			w.Show()
			w.RequestFocus()
		})
	}); err != nil {
		fmt.Fprintf(stderr, "spineroutine: a second launch cannot reach this window: %v\n", err)
	} else {
		defer ln.Close()
	}
	startup.QuitAfter(a)
	if rem.inTray() && *tray {
		return sig.run(a.Run) // in the tray only (the autostart entry)
	}
	return sig.run(w.ShowAndRun)
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
