// Package pulsetest runs a private PulseAudio server with a null sink for
// end-to-end tests of audio output, and records what is played to it.
//
// The server runs as the current user (root works: pulseaudio only warns)
// with every path in a private directory:
//
//	HOME=XDG_RUNTIME_DIR=PULSE_RUNTIME_PATH=$DIR
//	pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no \
//	  --disallow-exit --load="module-null-sink sink_name=e2e" \
//	  --load="module-native-protocol-unix socket=$DIR/native auth-anonymous=1"
//
// (-n skips the system default.pa, so no real device, D-Bus or X11 module
// is loaded; auth-anonymous avoids the cookie). Clients find it with
// PULSE_SERVER=unix:$DIR/native. ALSA programs (beep's speaker goes
// through ALSA) reach it through libasound2-plugins' pulse plugin: ALSA
// reads ~/.asoundrc, so $DIR/.asoundrc says
//
//	pcm.!default { type pulse }
//	ctl.!default { type pulse }
//
// Everything a client needs is in the env Start returns: set it in the
// test process (Setenv) before opening ALSA, or pass it to a child process.
// Record the sink with Record (parec on the sink's monitor source).
package pulsetest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Sink is the name of the null sink; its monitor source is Sink+".monitor".
const Sink = "e2e"

// Available reports why the harness cannot run here ("" when it can): it
// needs pulseaudio, pactl and parec.
func Available() string {
	for _, bin := range []string{"pulseaudio", "pactl", "parec"} {
		if _, err := exec.LookPath(bin); err != nil {
			return bin + " is not installed"
		}
	}
	return ""
}

// Start runs a private PulseAudio server for the test and returns the
// environment a client needs (KEY=value), the monitor source to record
// from, and a stop function (also registered with t.Cleanup). It fails the
// test if the server does not come up within 10 s; call Available first to
// skip where PulseAudio is not installed.
func Start(t testing.TB) (env []string, monitor string, stop func()) {
	t.Helper()
	// A short directory: a unix socket path must fit in 108 bytes.
	dir, err := os.MkdirTemp("", "pa")
	if err != nil {
		t.Fatalf("pulsetest: %v", err)
	}
	asoundrc := "pcm.!default { type pulse }\nctl.!default { type pulse }\n"
	if err := os.WriteFile(filepath.Join(dir, ".asoundrc"), []byte(asoundrc), 0o644); err != nil {
		t.Fatalf("pulsetest: %v", err)
	}
	socket := filepath.Join(dir, "native")
	env = []string{
		"HOME=" + dir,
		"XDG_RUNTIME_DIR=" + dir,
		"PULSE_RUNTIME_PATH=" + dir,
		"PULSE_SERVER=unix:" + socket,
	}
	var log bytes.Buffer
	cmd := exec.Command("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
		"--use-pid-file=no", "--disallow-exit", "--log-target=stderr",
		"--load=module-null-sink sink_name="+Sink,
		"--load=module-native-protocol-unix socket="+socket+" auth-anonymous=1")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		t.Fatalf("pulsetest: start pulseaudio: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(3 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		os.RemoveAll(dir)
	}
	t.Cleanup(stop)
	deadline := time.Now().Add(10 * time.Second)
	for {
		info := exec.Command("pactl", "info")
		info.Env = append(os.Environ(), env...)
		if out, err := info.CombinedOutput(); err == nil && strings.Contains(string(out), "Default Sink: "+Sink) {
			break
		}
		select {
		case <-exited:
			t.Fatalf("pulsetest: pulseaudio exited:\n%s", log.String())
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("pulsetest: pulseaudio did not come up in 10 s:\n%s", log.String())
		}
	}
	return env, Sink + ".monitor", stop
}

// Setenv applies env (from Start) to the test process, for in-process
// clients such as ALSA through cgo; t.Setenv restores it after the test.
func Setenv(t testing.TB, env []string) {
	t.Helper()
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// Recording is a running parec capture of a source.
type Recording struct {
	cmd   *exec.Cmd
	errb  bytes.Buffer
	done  chan struct{}
	mu    sync.Mutex
	data  []byte
	start time.Time // estimated clock instant of the first sample
}

// Rate is the sample rate of recordings (mono, 16-bit).
const Rate = 44100

// Record starts recording source (mono, 16-bit, 44.1 kHz) with parec and
// waits warmup (about 1.5 s is needed for parec to be streaming) before
// returning.
func Record(t testing.TB, env []string, source string, warmup time.Duration) *Recording {
	t.Helper()
	r := &Recording{done: make(chan struct{})}
	r.cmd = exec.Command("parec", "-d", source, "--format=s16le", fmt.Sprintf("--rate=%d", Rate),
		"--channels=1", "--latency-msec=10")
	r.cmd.Env = append(os.Environ(), env...)
	r.cmd.Stderr = &r.errb
	out, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("pulsetest: parec: %v", err)
	}
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("pulsetest: parec: %v", err)
	}
	go r.read(out)
	t.Cleanup(func() { r.kill() })
	time.Sleep(warmup)
	select {
	case <-r.done:
		t.Fatalf("pulsetest: parec exited: %s", r.errb.String())
	default:
	}
	return r
}

// read collects parec's output. Each read tells that the samples so far
// were captured before now: the earliest "now - duration so far" over all
// reads estimates when the first sample was captured.
func (r *Recording) read(out io.Reader) {
	defer close(r.done)
	buf := make([]byte, 8192)
	for {
		n, err := out.Read(buf)
		now := time.Now()
		r.mu.Lock()
		r.data = append(r.data, buf[:n]...)
		if samples := len(r.data) / 2; samples > 0 {
			s := now.Add(-time.Duration(samples) * time.Second / Rate)
			if r.start.IsZero() || s.Before(r.start) {
				r.start = s
			}
		}
		r.mu.Unlock()
		if err != nil {
			r.cmd.Wait()
			return
		}
	}
}

func (r *Recording) kill() {
	select {
	case <-r.done:
		return
	default:
	}
	r.cmd.Process.Signal(os.Interrupt)
	select {
	case <-r.done:
	case <-time.After(2 * time.Second):
		r.cmd.Process.Kill()
		<-r.done
	}
}

// Stop ends the recording and returns its samples in -1..1.
func (r *Recording) Stop() []float64 {
	r.kill()
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]float64, len(r.data)/2)
	for i := range out {
		out[i] = float64(int16(binary.LittleEndian.Uint16(r.data[2*i:]))) / 32768
	}
	return out
}

// Start estimates the clock instant the first recorded sample was played
// to the sink: sample k was played at Start() + k/Rate, give or take the
// monitor's few ms of latency (it is an upper bound: a few ms late at
// most). Use it to measure absolute output latency.
func (r *Recording) Start() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.start
}
