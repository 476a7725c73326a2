package journal

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is the child of TestCrashLosesNoAcknowledgedTick: it
// appends ticks until killed, printing each tick's number once Append has
// returned. It does nothing in a normal test run.
func TestHelperProcess(t *testing.T) {
	dir := os.Getenv("JOURNAL_CRASH_DIR")
	if dir == "" {
		t.Skip("helper process for TestCrashLosesNoAcknowledgedTick")
	}
	run := os.Getenv("JOURNAL_CRASH_RUN")
	j, err := Open(dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper: open:", err)
		os.Exit(2)
	}
	if os.Getenv("JOURNAL_CRASH_SPLIT") != "" {
		j.out = splitWriter{j.file}
	}
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	session, err := j.StartSession(at, "default", []string{"a", "b"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper: start:", err)
		os.Exit(2)
	}
	for seq := 0; ; seq++ {
		move := "r" + run + "-" + strconv.Itoa(seq)
		if seq%3 == 2 {
			err = j.MarkDone(monday, move, Timer, session, at)
		} else {
			err = j.MarkDone(monday, move, Hand, "", at)
		}
		if err == nil && seq%4 == 0 {
			err = j.SavePosition(Position{Session: session, Step: seq, Move: move, Set: 1}, at)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper: append:", err)
			os.Exit(2)
		}
		os.Stdout.WriteString(strconv.Itoa(seq) + "\n")
	}
}

// splitWriter writes each line in two writes with a pause between them, so
// that a kill can leave a torn line, as a power cut could.
type splitWriter struct{ f *os.File }

func (w splitWriter) Write(b []byte) (int, error) {
	n, err := w.f.Write(b[:len(b)/2])
	if err != nil {
		return n, err
	}
	time.Sleep(300 * time.Microsecond)
	m, err := w.f.Write(b[n:])
	return n + m, err
}

func (w splitWriter) Sync() error { return w.f.Sync() }

// TestCrashLosesNoAcknowledgedTick kills a writing child process with
// SIGKILL at random moments and checks that every tick the child saw
// stored is there afterwards, and that the journal still opens. On Linux a
// kill never tears a single write(), so every other child splits its lines
// in two writes to leave torn lines behind, as a power cut could; the next
// child must set them aside and carry on.
func TestCrashLosesNoAcknowledgedTick(t *testing.T) {
	kills := 200
	if testing.Short() {
		kills = 30
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[string]bool{}
	for run := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "JOURNAL_CRASH_DIR="+dir, "JOURNAL_CRASH_RUN="+strconv.Itoa(run))
		if run%2 == 1 {
			cmd.Env = append(cmd.Env, "JOURNAL_CRASH_SPLIT=1")
		}
		out, err := cmd.StdoutPipe()
		must(t, err)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		must(t, cmd.Start())
		var (
			wg      sync.WaitGroup
			seqs    []string
			running = make(chan struct{}) // closed once the child stored a tick
		)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if len(seqs) == 0 {
					close(running)
				}
				seqs = append(seqs, sc.Text())
			}
		}()
		if run%50 == 0 {
			// Another process holds the journal: a second instance is
			// refused, a reader is not.
			select {
			case <-running:
			case <-time.After(10 * time.Second):
				t.Fatal("the child stored nothing in 10 s")
			}
			if _, err := Open(dir, Options{}); !errors.Is(err, ErrLocked) {
				t.Errorf("Open while another process writes = %v, want ErrLocked", err)
			}
			if _, err := Load(dir); err != nil {
				t.Errorf("Load while another process writes = %v", err)
			}
		}
		time.Sleep(time.Duration(rng.IntN(40_000)) * time.Microsecond)
		must(t, cmd.Process.Signal(syscall.SIGKILL))
		wg.Wait()
		cmd.Wait()
		if strings.Contains(stderr.String(), "helper:") {
			t.Fatalf("run %d: %s", run, stderr.String())
		}
		// Each number is one write of at most PIPE_BUF bytes to a pipe, so
		// it arrives whole or not at all.
		for _, s := range seqs {
			if _, err := strconv.Atoi(s); err == nil {
				acked["r"+strconv.Itoa(run)+"-"+s] = true
			}
		}
	}

	j := openT(t, dir)
	if j.Path() != filepath.Join(dir, "journal.jsonl") {
		t.Errorf("crashes pushed writing to %s", j.Path())
	}
	done := j.Done(monday)
	lost := 0
	for move := range acked {
		if !done[move] {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged ticks lost", lost, len(acked))
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(tmp) > 0 {
		t.Errorf("temporary files left after the last open: %v", tmp)
	}
	sides := sideFiles(t, dir)
	t.Logf("%d kills: %d ticks acknowledged, %d stored, %d torn lines set aside over the runs, %d warnings on the last open: %q",
		kills, len(acked), len(done), len(sides), len(j.Warnings()), j.Warnings())
	if len(acked) == 0 {
		t.Error("the child never stored anything: the test tests nothing")
	}
}
