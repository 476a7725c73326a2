package ui

import (
	"fmt"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// The media controls' cover of each move: its figure as a PNG in the
// app's cache folder.

// artHeight is the height of the figures given to media controls, in
// pixels (a phone shows them as the track's cover).
const artHeight = 256

// artOf is a PNG of m's figure on side in the app's cache folder, written
// once per run; "" when m has none or it cannot be written (logged once).
func (r *remote) artOf(m routine.Move, side schedule.Side) string {
	key := m.Figure + "-" + string(side)
	if p, ok := r.art[key]; ok {
		return p
	}
	r.art[key] = ""
	f := figure.Default().Figure(m.Figure)
	if f == nil || r.cacheDir() == "" {
		return ""
	}
	poses := f.KeyPoses(side != schedule.NoSide)
	pose := poses[0]
	for _, k := range poses {
		if k.Right == (side == schedule.Right) {
			pose = k
			break
		}
	}
	path := filepath.Join(r.artDir, key+".png")
	if err := writeFigure(path, figure.Build(pose.Pose), f.Frame()); err != nil {
		log.Printf("media controls (MPRIS): the figure of %s: %v", m.Name, err)
		r.artDir = "-"
		return ""
	}
	r.art[key] = path
	return path
}

// cacheDir is the folder of the figures: <user cache>/<app id>/figures.
func (r *remote) cacheDir() string {
	if r.artDir == "" {
		r.artDir = "-"
		base, err := os.UserCacheDir()
		if err == nil {
			dir := filepath.Join(base, r.appID(), "figures")
			if err = os.MkdirAll(dir, 0o755); err == nil {
				r.artDir = dir
			}
		}
		if err != nil {
			log.Printf("media controls (MPRIS): no figures: %v", err)
		}
	}
	if r.artDir == "-" {
		return ""
	}
	return r.artDir
}

// writeFigure draws the geometry in its frame into a PNG file (written
// aside and renamed: a reader never sees half a file).
func writeFigure(path string, g figure.Geometry, frame figure.Rect) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".figure-*.png")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := png.Encode(tmp, g.Image(frame, artHeight, figure.Light)); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
