package main

import (
	"encoding/json"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"spineroutine/assets"
)

// windowWords returns the window's translations into lang (lang/window.<lang>.json),
// the plain texts by their English keys.
func windowWords(t *testing.T, lang string) map[string]string {
	t.Helper()
	raw, err := assets.Lang.ReadFile("lang/window." + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatalf("lang/window.%s.json: %v", lang, err)
	}
	words := map[string]string{}
	for k, v := range all {
		if s, ok := v.(string); ok {
			words[k] = s
		}
	}
	return words
}

// ocrNorm makes OCR text and a wanted text comparable: lower case, one
// space between words, the typographic apostrophe as the plain one.
func ocrNorm(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// englishTabs matches an English tab name read as a word.
var englishTabs = regexp.MustCompile(`(?i)\b(today|history|settings)\b`)

// readTabRow reads the row of tabs of the screenshot dir/name.png (img):
// the selected tab, the topmost box of the primary colour, read alone
// with its light text on blue negated, then the line right of it to the
// screen's edge (the other tabs), read as it is.
func readTabRow(t *testing.T, langs, dir, name string, img image.Image) string {
	t.Helper()
	var sel image.Rectangle
	for _, b := range primaryBoxes(img) {
		if b.Dy() >= 17 {
			sel = b
			break
		}
	}
	if sel.Empty() {
		t.Fatalf("%s: no selected tab (a box of the primary colour) on screen", name)
	}
	tab := sel.Inset(-6).Intersect(img.Bounds())
	rest := image.Rect(tab.Max.X, tab.Min.Y, img.Bounds().Max.X, tab.Max.Y).Intersect(img.Bounds())
	selected := strings.Trim(ocrLine(t, langs, dir, name, name+"-tab", tab, true), "|[]() ")
	return selected + " " + ocrLine(t, langs, dir, name, name+"-tabs", rest, false)
}

// TestWindowSpeaksTheLanguage starts the real binary on a fresh data
// folder (the built-in routine) under LANG=de_DE.UTF-8, es_ES.UTF-8 and
// fr_FR.UTF-8 (no LANGUAGE, LC_ALL nor LC_MESSAGES) and reads the window
// with tesseract in that language: the tabs, both Start buttons and the
// first start's texts (the checklist's choices, the check-in's question)
// must be read in the words of assets/lang/window.<lang>.json, and no
// English tab name may be read (German's Start is English's word: the
// other texts tell). German, the longest, is read on a netbook's screen
// too.
func TestWindowSpeaksTheLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode")
	}
	needTools(t, "Xvfb", "import", "convert", "tesseract")
	bin := buildBinary(t)
	for _, tc := range []struct {
		locale string   // LANG
		lang   string   // the window's language
		ocr    string   // tesseract's languages
		sizes  []string // screens
	}{
		{"de_DE.UTF-8", "de", "deu", []string{"1366x768", "1024x600"}},
		{"es_ES.UTF-8", "es", "spa", []string{"1366x768"}},
		{"fr_FR.UTF-8", "fr", "fra", []string{"1366x768"}},
	} {
		words := windowWords(t, tc.lang)
		word := func(key string) string {
			w, ok := words[key]
			if !ok {
				t.Fatalf("lang/window.%s.json has no %q", tc.lang, key)
			}
			return w
		}
		var tabs, texts []string
		for _, key := range []string{"Today", "Routine", "History", "Settings"} {
			tabs = append(tabs, word(key))
		}
		for _, key := range []string{"Start", "bar.start", "Gentle start", "My usual dose"} {
			texts = append(texts, word(key))
		}
		// The check-in's question, up to its question mark (the scale
		// after it is digits).
		q := word("Pain right now? 0 = none, 10 = worst (optional)")
		if i := strings.IndexAny(q, "?:"); i > 0 {
			q = q[:i]
		}
		texts = append(texts, strings.TrimSpace(strings.TrimLeft(q, "¿")))

		for _, size := range tc.sizes {
			t.Run(tc.locale+"/"+size, func(t *testing.T) {
				x := startXvfbSize(t, size)
				home, data, keep := t.TempDir(), t.TempDir(), keepDir(t)
				// baseEnv sets only LANG of the locale's variables; the
				// later LANG wins (os/exec keeps the last of a name).
				env := append(baseEnv(t, x.display, home), "LANG="+tc.locale, "SPINEROUTINE_TRACE_STARTUP=1")
				a := startApp(t, bin, env, "--data", data)
				waitStarted(t, a, 120*time.Second)
				time.Sleep(3 * time.Second) // drawn at its final size
				const shot = "window"
				img := x.screenshot(t, keep, shot)
				a.kill(syscall.SIGTERM)

				tabRow := readTabRow(t, tc.ocr, keep, shot, img)
				text := ocrIn(t, tc.ocr, keep, shot)
				buttons := ocrButtonsIn(t, tc.ocr, keep, shot, img)
				t.Logf("the tabs read %q; the blue buttons %q; the window:\n%s", tabRow, buttons, ocrNorm(text))
				for _, w := range tabs {
					if !strings.Contains(ocrNorm(tabRow), ocrNorm(w)) {
						t.Errorf("tab %q not read in the tab row %q", w, tabRow)
					}
				}
				if row := strings.Join(tabs, " "); !t.Failed() && !strings.Contains(ocrNorm(tabRow), ocrNorm(row)) {
					t.Errorf("the tab row reads %q, want %q in that order", tabRow, row)
				}
				all := ocrNorm(text + "\n" + strings.Join(buttons, "\n"))
				for _, w := range texts {
					if !strings.Contains(all, ocrNorm(w)) {
						t.Errorf("%q not read on screen", w)
					}
				}
				if en := englishTabs.FindAllString(tabRow+"\n"+text+"\n"+strings.Join(buttons, "\n"), -1); len(en) > 0 {
					t.Errorf("English tab names read: %q", en)
				}
				if t.Failed() {
					failed := filepath.Join("testdata", "failed")
					if err := os.MkdirAll(failed, 0o755); err != nil {
						t.Fatal(err)
					}
					name := "lang-" + tc.lang + "-" + size + ".png"
					copyFile(t, filepath.Join(keep, shot+".png"), filepath.Join(failed, name))
					t.Logf("the screenshot is in %s", filepath.Join(failed, name))
				}
			})
		}
	}
}
