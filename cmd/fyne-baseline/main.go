// Command fyne-baseline is the yardstick of the performance report: a bare
// Fyne window of a given size that shows one label and, unless --static,
// updates it once a second. Spine Routine's CPU, memory and start-up are
// measured against it in the same run (scripts/bench.sh); with
// SPINEROUTINE_TRACE_STARTUP=1 it prints its first frame's time, and with
// SPINEROUTINE_QUIT_AFTER it quits, as the app does.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/startup"
)

func main() {
	static := flag.Bool("static", false, "never update the label")
	width := flag.Int("width", 1280, "window width")
	height := flag.Int("height", 800, "window height")
	flag.Parse()

	a := app.NewWithID("org.spineroutine.Baseline")
	w := a.NewWindow("Fyne baseline")
	label := widget.NewLabel("0:00")
	w.SetContent(container.NewCenter(label))
	w.Resize(fyne.NewSize(float32(*width), float32(*height)))
	if !*static {
		go func() {
			start := time.Now()
			for range time.Tick(time.Second) {
				s := int(time.Since(start).Seconds())
				fyne.Do(func() { label.SetText(fmt.Sprintf("%d:%02d", s/60, s%60)) })
			}
		}()
	}
	startup.QuitAfter(func() { fyne.Do(a.Quit) })
	if os.Getenv("SPINEROUTINE_TRACE_STARTUP") == "1" {
		a.Lifecycle().SetOnStarted(func() {
			fyne.Do(func() { startup.Report(os.Stderr, "fyne-baseline") })
		})
	}
	w.ShowAndRun()
}
