package startup

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// initTime is read when the package is initialised, after the process
// started.
var initTime = time.Now()

func TestSinceCoversTheProcess(t *testing.T) {
	time.Sleep(50 * time.Millisecond)
	d, err := Since()
	if err != nil {
		t.Fatal(err)
	}
	lower := time.Since(initTime) - 10*time.Millisecond // /proc's 10 ms ticks
	if d < lower || d > time.Minute {
		t.Errorf("Since() = %v, want at least %v (since package init) and less than a minute", d, lower)
	}
}

func TestReportIsWhatBenchReads(t *testing.T) {
	var b bytes.Buffer
	Report(&b, "prog")
	// scripts/bench.sh: sed 's/.*first frame after \([0-9.]*\) ms.*/\1/p'
	m := regexp.MustCompile(`^prog: first frame after ([0-9.]+) ms\n$`).FindStringSubmatch(b.String())
	if m == nil {
		t.Fatalf("Report wrote %q", b.String())
	}
	if ms, _ := strconv.ParseFloat(m[1], 64); ms <= 0 {
		t.Errorf("first frame after %v ms", ms)
	}
}
