package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// This file holds the parts of the end-to-end harness that run the real
// binary on a private X display: building it, Xvfb, screenshots and OCR.

// needTools skips the test, with one clear line, when a program the
// end-to-end tests drive is not installed.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	var missing []string
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		t.Skipf("end-to-end: skipped, not installed: %s (scripts/setup.sh test installs them)", strings.Join(missing, ", "))
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildBinary builds the app once per test run, with the race detector so
// that the end-to-end runs check the real binary for data races too (and
// reuse the packages `go test -race` already compiled).
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "spineroutine-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "spineroutine")
		goTool, err := exec.LookPath("go")
		if err != nil {
			buildErr = fmt.Errorf("the go command is not on PATH: %v", err)
			return
		}
		cmd := exec.Command(goTool, "build", "-race", "-o", builtBin, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// xserver is a private Xvfb display.
type xserver struct {
	display string
	cmd     *exec.Cmd
}

// startXvfb starts Xvfb on a free display number, 1280x800, and stops it
// when the test ends.
func startXvfb(t *testing.T) *xserver {
	t.Helper()
	return startXvfbSize(t, "1280x800")
}

// startXvfbSize starts Xvfb with a screen of size ("1024x600") and stops
// it when the test ends. Xvfb picks a free display number itself and
// writes it on a pipe (-displayfd): tests that looked for a free number
// themselves and started in parallel could pick the same one, and the
// loser then talked to the winner's server until it went away (a CI run
// failed so: "GLFW: Failed to detect any supported platform").
func startXvfbSize(t *testing.T, size string) *xserver {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", size+"x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w} // fd 3
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	err = cmd.Start()
	w.Close()
	if err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n == "" {
			t.Fatal("Xvfb exited without a display")
		}
		return &xserver{display: ":" + n, cmd: cmd}
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb: no display after 10 s")
		return nil
	}
}

// screenshot captures the whole display as an image and keeps a copy as
// PNG in dir (named name.png) for a person to look at when a check fails.
func (x *xserver) screenshot(t *testing.T, dir, name string) image.Image {
	t.Helper()
	path := filepath.Join(dir, name+".png")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "import", "-display", x.display, "-window", "root", path).CombinedOutput()
	if err != nil {
		t.Fatalf("screenshot %s: %v\n%s", name, err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return img
}

// ocr reads the text of a screenshot with tesseract in four passes: as
// taken; negated grey, read as sparse text (--psm 11), for light text on
// the dark or coloured bands (the phase word, a primary button); and grey
// at half and at a quarter size, sparse, for the giant countdown digits,
// which tesseract misses at full size (at half size once the window fills
// a 1280x800 screen). It reads English (ocrIn reads other languages).
func ocr(t *testing.T, dir, name string) string {
	t.Helper()
	return ocrIn(t, "eng", dir, name)
}

// ocrIn is ocr reading the languages langs, tesseract's names joined by
// "+" ("deu", "spa+eng").
func ocrIn(t *testing.T, langs, dir, name string) string {
	t.Helper()
	src := filepath.Join(dir, name+".png")
	passes := []struct {
		convert []string // ImageMagick options; none: the screenshot itself
		psm     string
	}{
		{nil, "3"},
		{[]string{"-colorspace", "Gray", "-negate"}, "11"},
		{[]string{"-colorspace", "Gray", "-resize", "50%"}, "11"},
		{[]string{"-colorspace", "Gray", "-resize", "25%"}, "11"},
	}
	var text strings.Builder
	for i, pass := range passes {
		img := src
		if pass.convert != nil {
			img = filepath.Join(dir, fmt.Sprintf("%s-ocr%d.png", name, i))
			args := append(append([]string{src}, pass.convert...), img)
			if out, err := exec.Command("convert", args...).CombinedOutput(); err != nil {
				t.Fatalf("convert %s: %v\n%s", name, err, out)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		var stdout, stderr bytes.Buffer
		cmd := tesseract(ctx, img, "stdout", "-l", langs, "--psm", pass.psm)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("tesseract %s: %v\n%s", img, err, stderr.String())
		}
		text.WriteString(stdout.String())
		text.WriteString("\n")
	}
	return text.String()
}

// tesseract is the command tesseract args, on one thread: its OpenMP
// threads spin against each other and the app on a busy machine (a
// screenshot's read took 5.3 s with them, 1.9 s on one thread, at a load
// of 6.6 on 2 cores).
func tesseract(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "tesseract", args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	return cmd
}

// app is one run of the real binary.
type appRun struct {
	cmd    *exec.Cmd
	output *bytes.Buffer
	mu     *sync.Mutex
	done   chan struct{}
}

// lockedBuffer is a bytes.Buffer safe for a process's stdout and the test.
type lockedBuffer struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (b lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// startApp starts the binary with args and env; it is killed when the test
// ends if it is still running.
func startApp(t *testing.T, bin string, env []string, args ...string) *appRun {
	t.Helper()
	a := &appRun{output: &bytes.Buffer{}, mu: &sync.Mutex{}, done: make(chan struct{})}
	a.cmd = exec.Command(bin, args...)
	a.cmd.Env = env
	w := lockedBuffer{mu: a.mu, buf: a.output}
	a.cmd.Stdout, a.cmd.Stderr = w, w
	if err := a.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	go func() {
		_ = a.cmd.Wait()
		close(a.done)
	}()
	t.Cleanup(func() {
		a.kill(syscall.SIGKILL)
		if t.Failed() {
			t.Logf("app output:\n%s", a.log())
		}
	})
	return a
}

// kill sends sig and waits (at most 10 s) for the process to end.
func (a *appRun) kill(sig syscall.Signal) {
	select {
	case <-a.done:
		return
	default:
	}
	_ = a.cmd.Process.Signal(sig)
	select {
	case <-a.done:
	case <-time.After(10 * time.Second):
		_ = a.cmd.Process.Kill()
		<-a.done
	}
}

// log returns what the app printed so far.
func (a *appRun) log() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.output.String()
}

// baseEnv is the environment of an app run: a private display, a private
// home and config so no user file is read or written, a UTF-8 locale.
func baseEnv(t *testing.T, display, home string) []string {
	t.Helper()
	for _, d := range []string{".config", ".cache"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"XDG_RUNTIME_DIR=" + home,
		"DISPLAY=" + display,
		"LANG=en_US.UTF-8",
		"FYNE_THEME=light",
	}
}
