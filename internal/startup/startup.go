// Package startup holds what scripts/bench.sh needs from the app and its
// baseline alike: how long ago the kernel started the process (the first
// frame's time) and a timed quit (Mesa's frame statistics are written when
// the GL context ends).
package startup

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Since is the time since the kernel started this process (/proc/self/stat's
// start time against /proc/uptime; 10 ms resolution).
func Since() (time.Duration, error) {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, err
	}
	// Fields after the command name, which is in parentheses and may hold spaces.
	rest := string(stat[strings.LastIndexByte(string(stat), ')')+2:])
	fields := strings.Fields(rest)
	if len(fields) < 20 {
		return 0, fmt.Errorf("/proc/self/stat: %d fields", len(fields))
	}
	ticks, err := strconv.ParseFloat(fields[19], 64) // field 22: starttime
	if err != nil {
		return 0, fmt.Errorf("/proc/self/stat start time: %w", err)
	}
	up, err := os.ReadFile("/proc/uptime")
	if err != nil {
		return 0, err
	}
	var uptime float64
	if _, err := fmt.Sscan(string(up), &uptime); err != nil {
		return 0, fmt.Errorf("/proc/uptime: %w", err)
	}
	const clockTicks = 100 // USER_HZ on Linux
	return time.Duration((uptime - ticks/clockTicks) * float64(time.Second)), nil
}

// Report prints "first frame after N ms" (what scripts/bench.sh reads) to
// w, or why the time is not known.
func Report(w io.Writer, program string) {
	d, err := Since()
	if err != nil {
		fmt.Fprintf(w, "%s: startup trace: %v\n", program, err)
		return
	}
	fmt.Fprintf(w, "%s: first frame after %.0f ms\n", program, float64(d)/float64(time.Millisecond))
}

// QuitEnv names the variable that makes QuitAfter quit: a duration such as
// "30s".
const QuitEnv = "SPINEROUTINE_QUIT_AFTER"

// QuitAfter runs quit (which quits the app on its own goroutine) after the
// duration in $SPINEROUTINE_QUIT_AFTER, if it is set.
func QuitAfter(quit func()) {
	v := os.Getenv(QuitEnv)
	if v == "" {
		return
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s=%q: %v\n", QuitEnv, v, err)
		return
	}
	time.AfterFunc(d, quit)
}
