package figure

import (
	"flag"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spineroutine/internal/routine"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.svg golden files")

// TestShippedPosesPlausible checks every pose of the shipped library by the
// simple rules of Check: joints within their ranges, nothing sunk into the
// floor, and every contact the pose declares touching its surface.
func TestShippedPosesPlausible(t *testing.T) {
	l := Default()
	if len(l.Poses) == 0 {
		t.Fatal("no poses")
	}
	for name, p := range l.Poses {
		for _, msg := range Check(p) {
			t.Errorf("pose %q (poses.toml:%d): %s", name, p.Line, msg)
		}
		if len(p.Contacts) == 0 {
			t.Errorf("pose %q declares no contact: nothing says where it stands", name)
		}
	}
}

// TestShippedRoutinesHaveFigures checks that every move of the shipped
// routines names a figure fit for its dosage, with two distinct poses for a
// moving rep (a hold may have one), and that a sided move looks different
// on the right side.
func TestShippedRoutinesHaveFigures(t *testing.T) {
	l := Default()
	for _, r := range []*routine.Routine{routine.Default(), routine.Big3()} {
		if err := l.Validate(r); err != nil {
			t.Errorf("%s: %v", r.Source, err)
		}
		for _, m := range r.Moves {
			f := l.Figure(m.Figure)
			if f == nil {
				t.Errorf("%s: move %q has no figure", r.Source, m.ID)
				continue
			}
			drawings := map[string]bool{Build(f.Start).SVG(Full, 100, Light): true}
			for _, p := range f.Phases {
				drawings[Build(p).SVG(Full, 100, Light)] = true
			}
			if m.Tempo != nil && len(drawings) < 2 {
				t.Errorf("%s: move %q moves but its figure has %d distinct pose", r.Source, m.ID, len(drawings))
			}
			if m.Sides != routine.NoSides {
				differs := false
				for i, p := range f.Right().Phases {
					differs = differs || Build(p).SVG(Full, 100, Light) != Build(f.Phases[i]).SVG(Full, 100, Light)
				}
				if !differs {
					t.Errorf("%s: move %q is sided but its right side looks like its left", r.Source, m.ID)
				}
			}
		}
	}
}

// at is the box position of a named body point of a shipped pose.
func at(t *testing.T, pose, point string) Point {
	t.Helper()
	p, ok := Default().Poses[pose]
	if !ok {
		t.Fatalf("no pose %q", pose)
	}
	bp, ok := solve(p).points()[point]
	if !ok {
		t.Fatalf("no point %q", point)
	}
	return bp.at
}

// TestPosesShowTheMove checks what the key poses show, as a physiotherapist
// would read them from the seed's descriptions (world y is up).
func TestPosesShowTheMove(t *testing.T) {
	tests := []struct {
		what string
		ok   func(t *testing.T) bool
	}{
		{"pass-through: the hands go from in front of the hips to behind and above the head", func(t *testing.T) bool {
			return at(t, "band-front", "near.hand").X > at(t, "band-front", "hip").X &&
				at(t, "band-behind", "near.hand").X < at(t, "band-behind", "head").X &&
				at(t, "band-behind", "near.hand").Y > at(t, "band-behind", "head").Y
		}},
		{"psoas march: the left knee comes up above the hip toward the chest", func(t *testing.T) bool {
			return at(t, "march-up", "near.knee").Y > at(t, "march-down", "near.knee").Y &&
				at(t, "march-up", "near.knee").X < at(t, "march-down", "near.knee").X
		}},
		{"W-row: the elbow ends behind the shoulder", func(t *testing.T) bool {
			return at(t, "row-w", "near.elbow").X < at(t, "row-w", "neck").X &&
				at(t, "row-reach", "near.hand").X > at(t, "row-reach", "neck").X+30
		}},
		{"QL hang: the hips drift away from the hand on the bar", func(t *testing.T) bool {
			return at(t, "ql-hang", "near.hand").X-at(t, "ql-hang", "hip").X >
				at(t, "ql-stand", "near.hand").X-at(t, "ql-stand", "hip").X+5
		}},
		{"high plank: head, hip and heel in one line", func(t *testing.T) bool {
			return offLine(at(t, "high-plank", "near.heel"), at(t, "high-plank", "neck"), at(t, "high-plank", "hip")) < 3
		}},
		{"decompression: hanging, the feet take less weight (knees bent, heels up)", func(t *testing.T) bool {
			return at(t, "hang", "near.heel").Y > 3 && at(t, "hang", "hip").Y < at(t, "hang-stand", "hip").Y
		}},
		{"bridge: knees, hips and shoulders line up, the hips well off the floor", func(t *testing.T) bool {
			return at(t, "bridge-up", "hip").Y > 12 &&
				offLine(at(t, "bridge-up", "near.knee"), at(t, "bridge-up", "neck"), at(t, "bridge-up", "hip")) < 3
		}},
		{"curl-up: head and shoulders lift a little, the low back stays down", func(t *testing.T) bool {
			lift := at(t, "curl-up", "head").Y - at(t, "curl-down", "head").Y
			return lift > 3 && lift < 15 && at(t, "curl-up", "hip").Y == at(t, "curl-down", "hip").Y
		}},
		{"goblet squat: the hips go down to knee height, the back stays flat", func(t *testing.T) bool {
			p := Default().Poses["squat-bottom"]
			return at(t, "squat-bottom", "hip").Y < at(t, "squat-bottom", "near.knee").Y+3 && p.Waist == 0 && p.Chest == 0
		}},
		{"side plank: the body is one straight line off the floor, on the forearm", func(t *testing.T) bool {
			return at(t, "side-plank-up", "near.hip").Y > 8 &&
				offLine(at(t, "side-plank-up", "near.heel"), at(t, "side-plank-up", "head"), at(t, "side-plank-up", "hip")) < 3
		}},
		{"bird dog: the left arm reaches forward and the right leg back, both level", func(t *testing.T) bool {
			hand, foot, hip := at(t, "bird-dog", "near.hand"), at(t, "bird-dog", "far.heel"), at(t, "bird-dog", "hip")
			return hand.X > at(t, "bird-dog", "head").X && foot.X < hip.X-40 && math.Abs(foot.Y-hip.Y) < 6
		}},
		{"hip hinge: the trunk tips forward with a flat back, the front leg long", func(t *testing.T) bool {
			p := Default().Poses["hinge"]
			return p.Pelvis < 60 && p.Waist == 0 && p.Chest == 0 && p.Near.Knee == 0 &&
				at(t, "hinge", "near.heel").X > at(t, "hinge", "far.heel").X+15
		}},
	}
	for _, tt := range tests {
		if !tt.ok(t) {
			t.Errorf("does not show: %s", tt.what)
		}
	}
}

// offLine is the distance from p to the line through a and b.
func offLine(a, b, p Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	return math.Abs(dy*(p.X-a.X)-dx*(p.Y-a.Y)) / math.Hypot(dx, dy)
}

// TestGoldenSVG compares the SVG of every shipped pose with
// testdata/<pose>.svg (go test -update rewrites them).
func TestGoldenSVG(t *testing.T) {
	for name, p := range Default().Poses {
		got := Build(p).SVG(Full, 480, Light)
		file := filepath.Join("testdata", name+".svg")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (check the PNGs of spineroutine figures, then go test -update)", name, file)
		}
	}
}

// TestImage checks the raster: its size, the background in a corner, the
// body colour at the head and the accent colour where the pose has one.
func TestImage(t *testing.T) {
	p := Default().Poses["bridge-up"]
	img := Build(p).Image(Full, 400, Light)
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 400 {
		t.Fatalf("image is %v, want 400x400", b)
	}
	px := func(q Point) color.NRGBA {
		b := box(q).Scale(400 / Size)
		return color.NRGBAModel.Convert(img.At(int(b.X), int(b.Y))).(color.NRGBA)
	}
	if c := color.NRGBAModel.Convert(img.At(2, 2)); c != Light.Background {
		t.Errorf("corner is %v, want the background", c)
	}
	s := solve(p)
	if c := px(s.head); c != Light.Roles[Body] {
		t.Errorf("head centre is %v, want the body colour", c)
	}
	mid := s.near.hip.Add(s.near.knee).Scale(0.5)
	if c := px(mid); c != Light.Roles[Accent] {
		t.Errorf("near thigh is %v, want the accent colour", c)
	}
}

// TestSVGDrawsEveryShape checks the SVG text: one element per shape, round
// caps, the palette's colours.
func TestSVGDrawsEveryShape(t *testing.T) {
	g := Build(Default().Poses["bird-dog"])
	svg := g.SVG(Full, 480, Light)
	lines, dots := 0, 0
	for _, s := range g.Shapes {
		if s.Dot {
			dots++
		} else {
			lines++
		}
	}
	if n := strings.Count(svg, "<line "); n != lines {
		t.Errorf("%d <line>, want %d", n, lines)
	}
	if n := strings.Count(svg, "<circle "); n != dots {
		t.Errorf("%d <circle>, want %d", n, dots)
	}
	if n := strings.Count(svg, `stroke-linecap="round"`); n != lines {
		t.Errorf("%d round caps, want %d", n, lines)
	}
	for _, r := range []Role{Body, Far, Accent, FarAccent} {
		if !strings.Contains(svg, hex(Light.Roles[r])) {
			t.Errorf("bird dog has no shape in the colour of role %d", r)
		}
	}
}

// BenchmarkDefault is the cost of reading the shipped library (once, when
// the window opens).
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		Default()
	}
}

// BenchmarkPaint is the cost of painting a figure 480 px tall: what each
// frame of a tween costs the window.
func BenchmarkPaint(b *testing.B) {
	g := Build(Default().Poses["bird-dog"])
	img := image.NewRGBA(image.Rect(0, 0, width(Full, 480), 480))
	b.ReportAllocs()
	for b.Loop() {
		g.Paint(img, Full, Light)
	}
}
