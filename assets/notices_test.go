package assets

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The rule the notices are checked by (README "Licence"): the app is
// GPL-3.0-or-later, so everything linked into it must be under a licence
// the FSF lists as compatible with GPL version 3 (a permissive licence, a
// weak copyleft whose terms allow GPL-3.0 on the whole, or the GPL
// itself). GPL-2.0-only, the SSPL, the "Commons Clause", CC-BY-NC and the
// like are not, and fail the test.
var gplCompatible = []string{
	"0BSD", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSL-1.0", "CC0-1.0", "ISC",
	"LGPL-2.1", "LGPL-2.1-or-later", "LGPL-3.0", "LGPL-3.0-or-later", "MIT", "MPL-2.0",
	"Unlicense", "Zlib", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-or-later",
}

// fontLicences are the licences a font the program embeds may carry: the
// free font licences that allow a font to be bundled with any software
// (the OFL says so in its permissions; Bitstream Vera and Arev are
// MIT-like), and the permissive code licences above.
var fontLicences = append([]string{"OFL-1.1", "Bitstream-Vera", "Arev"}, gplCompatible...)

// buildTags are the tags the Makefile builds the shipped binary with
// (scripts/fyne.sh); shippedOS the systems it builds it for.
var (
	buildTags = "no_emoji"
	shippedOS = []string{"linux", "windows"}
)

const rule = "================================================================================"

// notice is one entry of NOTICES: its header (between two rule lines) and
// the licence text under it.
type notice struct {
	title  string            // "Go module PATH VERSION", "Fonts A.ttf, B.ttf (...)"
	fields map[string]string // "packages", "licence", "fonts", ...
	text   string
}

// licence splits the entry's "licence: ID, ID (file PATH)" field.
func (n notice) licence() (ids []string, file string) {
	v := n.fields["licence"]
	if i := strings.Index(v, " (file "); i >= 0 && strings.HasSuffix(v, ")") {
		file = v[i+len(" (file ") : len(v)-1]
		v = v[:i]
	}
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, file
}

// parseNotices reads the entries of a NOTICES text.
func parseNotices(s string) []notice {
	lines := strings.Split(s, "\n")
	var out []notice
	for i := 0; i < len(lines); i++ {
		if lines[i] != rule || i+1 >= len(lines) || lines[i+1] == rule || lines[i+1] == "" {
			continue
		}
		n := notice{title: lines[i+1], fields: map[string]string{}}
		j := i + 2
		for ; j < len(lines) && lines[j] != rule; j++ {
			if k, v, ok := strings.Cut(strings.TrimSpace(lines[j]), ": "); ok && strings.HasPrefix(lines[j], "  ") && !strings.HasPrefix(lines[j], "   ") {
				n.fields[k] = v
			}
		}
		end := j + 1
		for end < len(lines) && lines[end] != rule && !strings.HasPrefix(lines[end], "Part ") {
			end++
		}
		n.text = strings.Trim(strings.Join(lines[min(j+1, len(lines)):end], "\n"), "\n")
		out = append(out, n)
		i = end - 1
	}
	return out
}

// goModule is a module version linked into the binary, the packages of it
// that are, and its directory in the module cache.
type goModule struct {
	path, version string
	packages      []string
	dir           string
}

func (m goModule) String() string { return m.path + " " + m.version }

// noticeProblems checks the Go module entries of notices against the
// modules linked into the binary and go.sum (module path → versions whose
// code it pins): every linked module is in go.sum and has an entry at its
// version whose packages cover each linked package of it, under licences
// of gplCompatible; no entry names a module that is not linked. It
// returns one line per problem.
func noticeProblems(notices []notice, linked []goModule, sum map[string][]string) []string {
	var problems []string
	byModule := map[string][]notice{}
	for _, n := range notices {
		f := strings.Fields(strings.TrimPrefix(n.title, "Go module "))
		if !strings.HasPrefix(n.title, "Go module ") || len(f) != 2 {
			continue
		}
		key := f[0] + " " + f[1]
		byModule[key] = append(byModule[key], n)
		ids, file := n.licence()
		if len(ids) == 0 || file == "" {
			problems = append(problems, fmt.Sprintf("%s: no licence in the notices", key))
		}
		for _, id := range ids {
			if !slices.Contains(gplCompatible, id) {
				problems = append(problems, fmt.Sprintf("%s: licence %s is not compatible with GPL-3.0-or-later", key, id))
			}
		}
	}
	isLinked := map[string]bool{}
	for _, m := range linked {
		isLinked[m.String()] = true
		if !slices.Contains(sum[m.path], m.version) {
			problems = append(problems, fmt.Sprintf("%s: linked into the binary but not in go.sum", m))
		}
		entries := byModule[m.String()]
		if len(entries) == 0 {
			problems = append(problems, fmt.Sprintf("%s: linked into the binary but has no licence in the notices (run make notices)", m))
			continue
		}
		for _, p := range m.packages {
			covered := false
			for _, n := range entries {
				prefix := n.fields["packages"]
				covered = covered || p == prefix || strings.HasPrefix(p, prefix+"/")
			}
			if !covered {
				problems = append(problems, fmt.Sprintf("%s: package %s is linked but no licence in the notices covers it", m, p))
			}
		}
	}
	for key := range byModule {
		if !isLinked[key] {
			problems = append(problems, fmt.Sprintf("%s: in the notices but not linked into the binary (run make notices)", key))
		}
	}
	slices.Sort(problems)
	return problems
}

// goCmd runs the go command in the module's root without the network
// (from the module cache alone) and returns its output.
func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = ".."
	cmd.Env = append(append(os.Environ(), "GOPROXY=off"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		hint := ""
		if strings.Contains(stderr.String(), "GOPROXY=off") {
			hint = "\na module is not in the module cache: run go mod download (scripts/setup.sh test does)"
		}
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, stderr.String(), hint)
	}
	return string(out)
}

// linkedModules lists the modules linked into cmd/spineroutine as the
// Makefile builds it for each shipped system, with their packages.
func linkedModules(t *testing.T) []goModule {
	t.Helper()
	byKey := map[string]*goModule{}
	var keys []string
	for _, goos := range shippedOS {
		out := goCmd(t, []string{"GOOS=" + goos, "CGO_ENABLED=1"}, "list", "-deps", "-tags", buildTags,
			"-f", "{{if and .Module (not .Module.Main) (not .Standard)}}{{.ImportPath}} {{.Module.Path}} {{.Module.Version}} {{.Module.Dir}}{{end}}",
			"./cmd/spineroutine")
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			f := strings.Fields(l)
			if len(f) != 4 {
				continue
			}
			key := f[1] + " " + f[2]
			m := byKey[key]
			if m == nil {
				m = &goModule{path: f[1], version: f[2], dir: f[3]}
				byKey[key] = m
				keys = append(keys, key)
			}
			if !slices.Contains(m.packages, f[0]) {
				m.packages = append(m.packages, f[0])
			}
		}
	}
	slices.Sort(keys)
	var mods []goModule
	for _, k := range keys {
		mods = append(mods, *byKey[k])
	}
	return mods
}

// readGoSum maps each module of go.sum to the versions whose code it pins
// (lines for a go.mod file alone do not count: that module's code was
// never fetched, so it cannot be linked).
func readGoSum(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum := map[string][]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 {
			t.Fatalf("go.sum:%d: want 3 fields, got %q", n, sc.Text())
		}
		if strings.HasSuffix(fields[1], "/go.mod") {
			continue
		}
		sum[fields[0]] = append(sum[fields[0]], fields[1])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sum
}

// sameText reports whether a licence text in NOTICES is the file's, but
// for the blank lines around it.
func sameText(t *testing.T, inNotices, path string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("reading the licence the notices copy: %v", err)
		return false
	}
	return inNotices == strings.Trim(string(b), "\n")
}

// TestNoticesCoverLinkedModules: every module of go.sum linked into the
// binary (Linux and Windows builds) has its licence in the embedded
// notices, at the version go.sum pins, under a licence compatible with
// GPL-3.0; each licence text is the module's own file; nothing else is
// listed. Modules of go.sum that are not linked (test-only, other
// platforms, go.mod only) need no entry.
func TestNoticesCoverLinkedModules(t *testing.T) {
	notices := parseNotices(Notices)
	linked := linkedModules(t)
	if len(linked) < 20 {
		t.Fatalf("go list found %d linked modules; the app links about 30", len(linked))
	}
	for _, p := range noticeProblems(notices, linked, readGoSum(t)) {
		t.Error(p)
	}
	dirs := map[string]string{}
	for _, m := range linked {
		dirs[m.String()] = m.dir
	}
	checked := 0
	for _, n := range notices {
		key, ok := strings.CutPrefix(n.title, "Go module ")
		if !ok {
			continue
		}
		_, file := n.licence()
		dir := dirs[key]
		if dir == "" || file == "" {
			continue // reported above
		}
		if !sameText(t, n.text, filepath.Join(dir, filepath.FromSlash(file))) {
			t.Errorf("%s: the licence text in the notices is not %s (run make notices)", key, file)
		}
		checked++
	}
	t.Logf("%d modules linked, %d licence texts compared with the module cache", len(linked), checked)
}

// TestNoticeProblems: the check above finds each kind of problem, and
// nothing in notices that match.
func TestNoticeProblems(t *testing.T) {
	beep := goModule{path: "github.com/faiface/beep", version: "v1.1.0", packages: []string{"github.com/faiface/beep", "github.com/faiface/beep/wav"}}
	sum := map[string][]string{"github.com/faiface/beep": {"v1.1.0"}}
	entry := func(title, packages, licence string) notice {
		return notice{title: title, fields: map[string]string{"packages": packages, "licence": licence}}
	}
	good := entry("Go module github.com/faiface/beep v1.1.0", "github.com/faiface/beep", "MIT (file LICENSE)")
	tests := []struct {
		name    string
		notices []notice
		linked  []goModule
		sum     map[string][]string
		want    []string
	}{
		{"covered", []notice{good}, []goModule{beep}, sum, nil},
		{"dual licence", []notice{entry("Go module github.com/faiface/beep v1.1.0", "github.com/faiface/beep", "BSD-3-Clause, Unlicense (file LICENSE)")}, []goModule{beep}, sum, nil},
		{"missing", nil, []goModule{beep}, sum,
			[]string{"github.com/faiface/beep v1.1.0: linked into the binary but has no licence in the notices (run make notices)"}},
		{"old version", []notice{entry("Go module github.com/faiface/beep v1.0.0", "github.com/faiface/beep", "MIT (file LICENSE)")}, []goModule{beep}, sum,
			[]string{"github.com/faiface/beep v1.0.0: in the notices but not linked into the binary (run make notices)",
				"github.com/faiface/beep v1.1.0: linked into the binary but has no licence in the notices (run make notices)"}},
		{"incompatible", []notice{entry("Go module github.com/faiface/beep v1.1.0", "github.com/faiface/beep", "GPL-2.0 (file LICENSE)")}, []goModule{beep}, sum,
			[]string{"github.com/faiface/beep v1.1.0: licence GPL-2.0 is not compatible with GPL-3.0-or-later"}},
		{"no licence", []notice{entry("Go module github.com/faiface/beep v1.1.0", "github.com/faiface/beep", "")}, []goModule{beep}, sum,
			[]string{"github.com/faiface/beep v1.1.0: no licence in the notices"}},
		{"package not covered", []notice{entry("Go module github.com/faiface/beep v1.1.0", "github.com/faiface/beep/wav", "MIT (file wav/LICENSE)")}, []goModule{beep}, sum,
			[]string{"github.com/faiface/beep v1.1.0: package github.com/faiface/beep is linked but no licence in the notices covers it"}},
		{"not in go.sum", []notice{good}, []goModule{beep}, map[string][]string{},
			[]string{"github.com/faiface/beep v1.1.0: linked into the binary but not in go.sum"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := noticeProblems(tt.notices, tt.linked, tt.sum)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestNoticesFonts: every font Fyne embeds in the shipped binary is named
// in the notices under a font licence, and that licence's text is the one
// Fyne ships beside the font.
func TestNoticesFonts(t *testing.T) {
	out := strings.TrimSpace(goCmd(t, nil, "list", "-tags", buildTags, "-f",
		"{{.Module.Dir}}{{range .EmbedFiles}} {{.}}{{end}}", "fyne.io/fyne/v2/theme"))
	f := strings.Fields(out)
	if len(f) < 2 {
		t.Fatalf("go list fyne.io/fyne/v2/theme: %q", out)
	}
	fyneDir := f[0]
	var fonts []string
	for _, e := range f[1:] {
		if ext := filepath.Ext(e); ext == ".ttf" || ext == ".otf" {
			fonts = append(fonts, filepath.Base(e))
		}
	}
	if len(fonts) == 0 {
		t.Fatal("Fyne's theme embeds no font: the test looks in the wrong place")
	}
	listed := map[string]bool{}
	for _, n := range parseNotices(Notices) {
		names, ok := strings.CutPrefix(n.title, "Fonts ")
		if !ok {
			continue
		}
		names, _, _ = strings.Cut(names, " (")
		ids, file := n.licence()
		for _, name := range strings.Split(names, ", ") {
			listed[name] = true
		}
		if len(ids) == 0 {
			t.Errorf("fonts %s: no licence", names)
		}
		for _, id := range ids {
			if !slices.Contains(fontLicences, id) {
				t.Errorf("fonts %s: licence %s is not one a shipped font may carry", names, id)
			}
		}
		if !sameText(t, n.text, filepath.Join(fyneDir, filepath.FromSlash(file))) {
			t.Errorf("fonts %s: the licence text in the notices is not Fyne's %s", names, file)
		}
		if n.fields["copyright"] == "" {
			t.Errorf("fonts %s: no copyright line", names)
		}
	}
	for _, font := range fonts {
		if !listed[font] {
			t.Errorf("Fyne embeds %s but the notices do not list it (run make notices)", font)
		}
	}
}

// TestNoticesVoice: the notices say where the voice clips came from (as
// many clips as the binary embeds, English and per language) and carry
// the CMU SLT HTS voice's, Festival's and espeak-ng's copyright; where
// Debian's copyright files are installed, the texts are theirs.
func TestNoticesVoice(t *testing.T) {
	var count func(dir string) (clips int, langs []string)
	count = func(dir string) (clips int, langs []string) {
		entries, err := Voice.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				n, _ := count(dir + "/" + e.Name())
				langs = append(langs, fmt.Sprintf("%s %d", e.Name(), n))
			} else if strings.HasSuffix(e.Name(), ".ogg") {
				clips++
			}
		}
		return clips, langs
	}
	clips, langs := count("voice")
	part := Notices[strings.Index(Notices, "Part 3: Voice clips"):]
	for _, want := range []string{fmt.Sprintf("Voice clips assets/voice/*.ogg (%d clips)", clips),
		fmt.Sprintf("Voice clips assets/voice/<lang>/*.ogg (%s clips)", strings.Join(langs, ", "))} {
		if !strings.Contains(part, want) {
			t.Errorf("the voice part does not say %q", want)
		}
	}
	for _, s := range []string{"scripts/make-voices.sh", "Festival", "CMU SLT HTS", "espeak-ng"} {
		if !strings.Contains(part, s) {
			t.Errorf("the voice part does not say where the clips came from: no %q", s)
		}
	}
	for _, c := range []struct{ pkg, mark string }{
		{"festvox-us-slt-hts", "cmu_us_slt_arctic_hts"},
		{"festival", "Centre for Speech Technology Research"},
		{"espeak-ng-data", "either version 3 of the License"},
	} {
		var entry *notice
		for _, n := range parseNotices(part) {
			if strings.HasPrefix(n.title, "Copyright of "+c.pkg+" ") {
				entry = &n
			}
		}
		if entry == nil {
			t.Errorf("no copyright of %s in the notices", c.pkg)
			continue
		}
		if !strings.Contains(entry.text, c.mark) {
			t.Errorf("the copyright of %s does not mention %q", c.pkg, c.mark)
		}
		path := "/usr/share/doc/" + c.pkg + "/copyright"
		if _, err := os.Stat(path); err == nil && !sameText(t, entry.text, path) {
			t.Errorf("the copyright of %s in the notices is not %s", c.pkg, path)
		}
	}
}
