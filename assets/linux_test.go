package assets

import (
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// fyneApp is the part of FyneApp.toml the Linux package files must agree with.
type fyneApp struct {
	Details struct {
		Icon, Name, ID, Version string
	}
	LinuxAndBSD struct {
		GenericName, Comment string
		Categories, Keywords []string
	}
}

func loadFyneApp(t *testing.T) fyneApp {
	t.Helper()
	var f fyneApp
	if _, err := toml.DecodeFile("../FyneApp.toml", &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// metainfo is the part of the AppStream file the tests read.
type metainfo struct {
	ID         string   `xml:"id"`
	Name       string   `xml:"name"`
	Launchable string   `xml:"launchable"`
	Categories []string `xml:"categories>category"`
	Images     []string `xml:"screenshots>screenshot>image"`
	Releases   []struct {
		Version string `xml:"version,attr"`
	} `xml:"releases>release"`
}

// TestMetainfoFollowsFyneApp: the AppStream file names the app, its desktop
// entry and its newest release as FyneApp.toml does, and its screenshot is
// the one in this folder.
func TestMetainfoFollowsFyneApp(t *testing.T) {
	app := loadFyneApp(t)
	path := filepath.Join("linux", app.Details.ID+".metainfo.xml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no metainfo for the app ID of FyneApp.toml: %v", err)
	}
	var m metainfo
	if err := xml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	checks := []struct{ what, got, want string }{
		{"id", m.ID, app.Details.ID},
		{"name", m.Name, app.Details.Name},
		{"launchable", m.Launchable, app.Details.ID + ".desktop"},
		{"categories", strings.Join(m.Categories, ";"), strings.Join(app.LinuxAndBSD.Categories, ";")},
	}
	if len(m.Releases) > 0 {
		checks = append(checks, struct{ what, got, want string }{"newest release", m.Releases[0].Version, app.Details.Version})
	} else {
		t.Errorf("%s: no release", path)
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %s = %q, FyneApp.toml says %q", path, c.what, c.got, c.want)
		}
	}
	for _, img := range m.Images {
		const repo = "/main/"
		i := strings.Index(img, repo)
		if i < 0 {
			t.Errorf("%s: screenshot %s is not a file of the main branch", path, img)
			continue
		}
		if _, err := os.Stat(filepath.Join("..", img[i+len(repo):])); err != nil {
			t.Errorf("%s: screenshot %s: %v", path, img, err)
		}
	}
}

// TestHicolorIcons: each PNG the package installs has the size its name
// gives, and the scalable icon is drawn on the same 512 grid as icon.png.
func TestHicolorIcons(t *testing.T) {
	pngs, err := filepath.Glob("linux/icons/*.png")
	if err != nil || len(pngs) == 0 {
		t.Fatalf("no hicolor icons in linux/icons (%v)", err)
	}
	for _, p := range append(pngs, "icon.png") {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want := 512
		if p != "icon.png" {
			want, _ = strconv.Atoi(strings.TrimSuffix(filepath.Base(p), ".png"))
		}
		if cfg.Width != want || cfg.Height != want {
			t.Errorf("%s is %dx%d, want %dx%d", p, cfg.Width, cfg.Height, want, want)
		}
	}
	svg, err := os.ReadFile("icon.svg")
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		ViewBox string `xml:"viewBox,attr"`
		Rects   []struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
	}
	if err := xml.Unmarshal(svg, &root); err != nil {
		t.Fatalf("icon.svg: %v", err)
	}
	if root.ViewBox != "0 0 512 512" || len(root.Rects) != 9 {
		t.Errorf("icon.svg: viewBox %q with %d shapes, want \"0 0 512 512\" with the square, the mat and 7 vertebrae",
			root.ViewBox, len(root.Rects))
	}
}
