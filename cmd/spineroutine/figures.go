package main

import (
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"

	"spineroutine/internal/figure"
	"spineroutine/internal/routine"
)

const figuresUsage = "figures [--routine FILE] [--size PX] --out DIR"

func init() {
	register(command{
		name:    "figures",
		usage:   figuresUsage,
		summary: "draw the key poses of every move as PNG files, MOVE-ID-N.png",
		run:     runFigures,
	})
}

// runFigures writes one PNG per key pose of each move of the routine (the
// embedded default without --routine) into DIR: <move id>-<n>.png, n from
// 1 in the order a rep shows them, the right side's poses after the left's
// for a sided move. Moves without a figure are listed as such. Exit
// status: 0 on success, 1 when the routine or a file fails, 2 on a usage
// error.
func runFigures(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("figures", figuresUsage, stderr)
	path := fs.String("routine", "", "routine `FILE` (default: the built-in routine)")
	out := fs.String("out", "", "the `DIR`ectory to write the PNG files to (required; made if missing)")
	size := fs.Int("size", 480, "height of each image in `pixels` (at least 400; the width follows the pose)")
	if code, ok := parseFlags(fs, args, false, stderr); !ok {
		return code
	}
	if *out == "" || *size < 400 || *size > 4000 {
		fmt.Fprintln(stderr, "spineroutine figures: --out DIR is required and --size must be 400 to 4000")
		fs.Usage()
		return 2
	}
	r, err := loadRoutine(*path)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "spineroutine figures: %v\n", err)
		return 1
	}
	lib := figure.Default()
	for _, m := range r.Moves {
		f := lib.Figure(m.Figure)
		if f == nil {
			fmt.Fprintf(stdout, "%s: no figure\n", m.ID)
			continue
		}
		sided := m.Sides != routine.NoSides
		for i, k := range f.KeyPoses(sided) {
			file := filepath.Join(*out, fmt.Sprintf("%s-%d.png", m.ID, i+1))
			if err := writePNG(file, figure.Build(k.Pose), f.Frame(), *size); err != nil {
				fmt.Fprintf(stderr, "spineroutine figures: %v\n", err)
				return 1
			}
			side := ""
			switch {
			case sided && k.Right:
				side = ", right side"
			case sided:
				side = ", left side"
			}
			fmt.Fprintf(stdout, "%s (%s%s)\n", file, k.Pose.Name, side)
		}
	}
	return 0
}

// writePNG draws the frame of the geometry into a PNG file height pixels
// tall.
func writePNG(path string, g figure.Geometry, frame figure.Rect, height int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, g.Image(frame, height, figure.Light)); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
