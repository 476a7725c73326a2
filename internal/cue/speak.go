package cue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"spineroutine/internal/regfile"
)

// A synthesizer for the names of a user's moves: say writes text, spoken,
// to the WAV file out (there already, empty and private) within ctx; tag
// names it and its voice in the cache key.
type synthesizer struct {
	tag string
	say func(ctx context.Context, text, out string) error
}

// program is a synthesizer that runs the program at path with args(out),
// the text on its stdin.
func program(tag, path string, args func(out string) []string) synthesizer {
	return synthesizer{tag: tag, say: func(ctx context.Context, text, out string) error {
		cmd := exec.CommandContext(ctx, path, args(out)...)
		cmd.Stdin = strings.NewReader(text + "\n")
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%s %q: %w: %s", filepath.Base(path), text, err, strings.TrimSpace(string(msg)))
		}
		return nil
	}}
}

// Synthesizer settings, those of scripts/make-voices.sh where they apply
// (each language's espeak-ng voice is its grammar's).
const (
	festivalVoice = "voice_cmu_us_slt_arctic_hts"
	espeakSpeed   = "150"
	synthWait     = 20 * time.Second // per clip
	// maxSpoken caps the text spoken for a name: a longer name is cut at
	// the last word boundary before it.
	maxSpoken = 60
	// cacheCap bounds the voice cache; the oldest clips go first.
	cacheCap = 20 << 20
)

// festivalVoiceDirs are where Debian installs the CMU SLT HTS voice.
var festivalVoiceDirs = []string{"/usr/share/festival/voices/us/cmu_us_slt_arctic_hts"}

// espeak returns espeak-ng speaking with voice (en-us, de...) when it is
// installed.
func espeak(voice string) (synthesizer, bool) {
	p, err := exec.LookPath("espeak-ng")
	if err != nil {
		return synthesizer{}, false
	}
	return program("espeak-ng "+voice+" "+espeakSpeed, p, func(file string) []string {
		return []string{"-v", voice, "-s", espeakSpeed, "-w", file, "--stdin"}
	}), true
}

// speak returns text said by the first synthesizer that manages (see
// spoken), or the first error.
func speak(synths []synthesizer, text, cacheDir string) ([]float32, error) {
	var first error
	for _, say := range synths {
		s, err := spoken(say, text, cacheDir)
		if err == nil {
			return s, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

var (
	acronym = regexp.MustCompile(`\b[A-Z]{2,3}\b`)
	hyphen  = regexp.MustCompile(`(\w)-(\w)`)
)

// Speakable rewrites a move name for the speech synthesizer: short
// all-capital words are spelled ("QL" → "Q L") and hyphens between words
// become spaces ("W-Rows" → "W Rows").
func Speakable(name string) string {
	s := acronym.ReplaceAllStringFunc(name, func(w string) string {
		return strings.Join(strings.Split(w, ""), " ")
	})
	return hyphen.ReplaceAllString(s, "$1 $2")
}

// speechText is what is said for a move name: Speakable, on one line, cut
// to at most maxSpoken characters at a word boundary.
func speechText(name string) string {
	s := strings.Join(strings.Fields(Speakable(name)), " ")
	if len(s) <= maxSpoken {
		return s
	}
	cut := s[:maxSpoken+1]
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		return strings.TrimRight(cut[:i], ",;:-")
	}
	return s[:maxSpoken]
}

// spoken returns text said by the synthesizer, from the cache when it
// holds it. The cache directory is private (0700), each clip 0600, and it
// is kept under cacheCap bytes.
func spoken(say synthesizer, text, cacheDir string) ([]float32, error) {
	sum := sha256.Sum256([]byte(say.tag + "\x00" + text))
	base := "voice-" + hex.EncodeToString(sum[:8]) + ".wav"
	dir := cacheDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "spineroutine-voice-")
		if err != nil {
			return nil, fmt.Errorf("speech synthesis: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("voice cache: %w", err)
	} else if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	path := filepath.Join(dir, base)
	if s, err := decodeWAVFile(path); err == nil {
		now := time.Now()
		return s, os.Chtimes(path, now, now) // recently used: evicted last
	}
	// The synthesizer writes into a file made private (0600) before it
	// runs: a clip is never readable by others, even while it is written.
	tmp := path + ".tmp"
	if err := createPrivate(tmp); err != nil {
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), synthWait)
	defer cancel()
	if err := say.say(ctx, text, tmp); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	if err := regfile.Replace(tmp, path); err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("voice cache: %w", err)
	}
	s, err := decodeWAVFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s output %s: %w", say.tag, path, err)
	}
	if cacheDir != "" {
		if err := trimCache(cacheDir, cacheCap); err != nil {
			return s, fmt.Errorf("voice cache: %w", err)
		}
	}
	return s, nil
}

// createPrivate creates an empty file at path, mode 0600, in place of
// whatever a run cut short left there.
func createPrivate(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// tempClip matches the names of the files spoken writes clips into.
var tempClip = regexp.MustCompile(`^voice-[0-9a-f]{16}\.wav\.tmp$`)

// RemoveTemps removes from the voice cache dir the clips that a
// synthesis cut short (the app killed) left half-written: only names the
// cache gives. Call it only while no synthesis runs (at start, with the
// journal's lock held). It returns how many it removed; a missing dir
// has none.
func RemoveTemps(dir string) (int, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("voice cache: %w", err)
	}
	n := 0
	var errs []error
	for _, de := range des {
		if de.IsDir() || !tempClip.MatchString(de.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, de.Name())); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if err := errors.Join(errs...); err != nil {
		return n, fmt.Errorf("voice cache: %w", err)
	}
	return n, nil
}

// trimCache removes the least recently used clips of dir until the clips
// left take at most limit bytes.
func trimCache(dir string, limit int64) error {
	paths, err := filepath.Glob(filepath.Join(dir, "voice-*.wav"))
	if err != nil {
		return err
	}
	type clip struct {
		path string
		size int64
		used time.Time
	}
	var clips []clip
	var total int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		clips = append(clips, clip{p, st.Size(), st.ModTime()})
		total += st.Size()
	}
	slices.SortFunc(clips, func(a, b clip) int { return a.used.Compare(b.used) })
	for _, c := range clips {
		if total <= limit {
			break
		}
		if err := os.Remove(c.path); err != nil {
			return err
		}
		total -= c.size
	}
	return nil
}
