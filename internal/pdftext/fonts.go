package pdftext

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
)

// family is the name the Go fonts are known by in the font map.
const family = "Go"

// Fonts is the set of fonts text is set in: the two embedded Go fonts
// (regular and bold) and, when asked, the system's fonts as fallbacks.
// It is safe for concurrent use; the drawing of one document holds it.
type Fonts struct {
	mu          sync.Mutex
	fm          *fontscan.FontMap
	regular     *font.Face
	bold        *font.Face
	regularTTF  []byte
	boldTTF     []byte
	replacement rune
	seg         shaping.Segmenter
	shaper      shaping.HarfbuzzShaper
	wrapper     shaping.LineWrapper
	system      error // why the system fonts are not used, nil when they are
	covered     map[rune]bool
	boldQuery   bool // the weight queried
}

// New loads the Go fonts from their TrueType files and, when system is
// true, indexes the system's fonts (the first time in a process it scans
// the font folders, cached on disk in the user cache folder; a failed
// scan leaves the Go fonts alone, see SystemErr).
func New(regularTTF, boldTTF []byte, system bool) (*Fonts, error) {
	f := &Fonts{regularTTF: regularTTF, boldTTF: boldTTF, covered: make(map[rune]bool),
		fm: fontscan.NewFontMap(log.New(io.Discard, "", 0))}
	for _, ff := range []struct {
		face   **font.Face
		ttf    []byte
		weight font.Weight
		name   string
	}{{&f.regular, regularTTF, font.WeightNormal, "regular"}, {&f.bold, boldTTF, font.WeightBold, "bold"}} {
		face, err := font.ParseTTF(bytes.NewReader(ff.ttf))
		if err != nil {
			return nil, fmt.Errorf("pdftext: the %s font: %w", ff.name, err)
		}
		*ff.face = face
		f.fm.AddFace(face, fontscan.Location{File: "embedded:" + ff.name},
			font.Description{Family: family, Aspect: font.Aspect{Style: font.StyleNormal, Weight: ff.weight, Stretch: font.StretchNormal}})
	}
	if system {
		f.system = f.fm.UseSystemFonts(cacheDir())
	} else {
		f.system = fmt.Errorf("system fonts not asked for")
	}
	f.replacement = '?'
	if f.has('□') {
		f.replacement = '□'
	}
	return f, nil
}

// SystemErr is why the system's fonts are not used (nil when they are).
func (f *Fonts) SystemErr() error { return f.system }

// Replacement is the character printed for one no font has.
func (f *Fonts) Replacement() rune { return f.replacement }

// query asks the font map for the Go font of a weight first.
func (f *Fonts) query(bold bool) {
	f.boldQuery = bold
	w := font.WeightNormal
	if bold {
		w = font.WeightBold
	}
	f.fm.SetQuery(fontscan.Query{Families: []string{family, "sans-serif"},
		Aspect: font.Aspect{Style: font.StyleNormal, Weight: w, Stretch: font.StretchNormal}})
}

// has reports whether a font draws r as an outline (a bitmap-only font,
// as colour emoji fonts are, does not print in a PDF of paths).
func (f *Fonts) has(r rune) bool {
	if ok, seen := f.covered[r]; seen {
		return ok
	}
	f.query(false)
	ok := outlined(f.ResolveFace(r), r)
	f.covered[r] = ok
	return ok
}

// ResolveFace is the face r is set in (shaping.Fontmap): the Go font of
// the weight queried when it has r, else the system font the font map
// picks for r's own script (the same choice for a rune wherever it is, so
// that has and the drawing agree), else the Go font.
func (f *Fonts) ResolveFace(r rune) *font.Face {
	goFace := f.regular
	if f.boldQuery {
		goFace = f.bold
	}
	if _, ok := goFace.NominalGlyph(r); ok {
		return goFace
	}
	if _, ok := f.regular.NominalGlyph(r); ok {
		return f.regular
	}
	f.fm.SetScript(language.LookupScript(r))
	if face := f.fm.ResolveFace(r); face != nil && outlined(face, r) {
		return face
	}
	return goFace
}

// outlined reports whether face draws r as an outline.
func outlined(face *font.Face, r rune) bool {
	if face == nil {
		return false
	}
	gid, ok := face.NominalGlyph(r)
	if !ok {
		return false
	}
	switch g := face.GlyphData(gid).(type) {
	case font.GlyphOutline:
		return true
	case font.GlyphSVG:
		return len(g.Outline.Segments) > 0
	case font.GlyphBitmap:
		return g.Outline != nil && len(g.Outline.Segments) > 0
	}
	return false
}

// invisible reports whether r draws nothing and needs no font: format
// characters (joiners, bidi marks), variation selectors and the like.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// clean is text as it is set: control characters (line breaks and tabs
// included) become spaces, characters no font has become the
// replacement, and the list of those is returned in order.
func (f *Fonts) clean(text string) ([]rune, []rune) {
	var missing []rune
	out := []rune(text)
	for i, r := range out {
		switch {
		case unicode.IsControl(r):
			out[i] = ' '
		case r == ' ' || invisible(r) || f.has(r):
		default:
			out[i] = f.replacement
			missing = append(missing, r)
		}
	}
	return out, missing
}

// Unprintable lists the characters of text that no font has, in the
// order they come, each once.
func (f *Fonts) Unprintable(text string) []rune {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, missing := f.clean(text)
	seen := make(map[rune]bool)
	var out []rune
	for _, r := range missing {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// cacheDir is where the index of the system fonts is kept: the app's
// folder in the user cache folder ("" lets fontscan choose when there is
// none).
func cacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "spineroutine")
}
