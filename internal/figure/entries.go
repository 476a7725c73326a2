package figure

import (
	"fmt"
	"regexp"
	"strings"

	"spineroutine/internal/routine"
)

var namePattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// named reads and checks the name of an entry; ok is false when it is
// missing, malformed or already used.
func (e *entry) named(used func(string) bool) bool {
	name := e.text("name")
	switch {
	case name == "":
		e.errf("name", "name is missing")
	case !namePattern.MatchString(name):
		e.errf("name", "name %q may only use a-z, 0-9 and -", name)
	case used(name):
		e.errf("name", "name %q is already used", name)
	default:
		e.name = name
		return true
	}
	return false
}

var poseKeys = []string{"name", "like", "view", "hip", "pelvis", "waist", "chest", "neck", "near", "far",
	"ground", "mat", "bar", "anchor", "held", "accent", "contacts"}

// pose reads the i-th [[pose]] table.
func (p *libParser) pose(i int, m map[string]any) {
	e := &entry{p: p, kind: "pose", index: i, m: m}
	if !e.named(func(n string) bool { _, ok := p.lib.Poses[n]; return ok }) {
		return
	}
	e.known(poseKeys...)
	var ps Pose
	_, hasFar := m["far"]
	if like := e.text("like"); like != "" {
		base, ok := p.lib.Poses[like]
		if !ok {
			e.errf("like", "like %q names no pose above this one", like)
		}
		ps = base
	} else {
		ps.View = Side
		for _, k := range []string{"hip", "pelvis"} {
			if _, ok := m[k]; !ok {
				e.errf(k, "%s is missing", k)
			}
		}
	}
	ps.Name, ps.Line = e.name, p.lines.Header("pose", i)
	if v := e.text("view"); v != "" {
		if v != string(Side) && v != string(Front) {
			e.errf("view", "view %q is not side or front", v)
		}
		ps.View = View(v)
	}
	if h := e.point("hip"); h != nil {
		ps.Hip = *h
	}
	e.number("pelvis", &ps.Pelvis)
	e.number("waist", &ps.Waist)
	e.number("chest", &ps.Chest)
	e.number("neck", &ps.Neck)
	e.limb("near", &ps.Near)
	if !hasFar && m["like"] == nil {
		ps.Far = ps.Near
	}
	e.limb("far", &ps.Far)
	if v, ok := m["mat"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			e.errf("mat", "mat must be true or false")
		}
		ps.Mat = b
	}
	if b := e.point("bar"); b != nil {
		ps.Bar = b
	}
	if a := e.point("anchor"); a != nil {
		ps.Anchor = a
	}
	if h, ok := m["held"]; ok {
		ps.Held = Held(e.text("held"))
		if h != string(HoldKettlebell) && h != string(HoldBand) {
			e.errf("held", "held must be kettlebell or band")
		}
	}
	if _, ok := m["accent"]; ok {
		ps.Accent = e.texts("accent")
		for _, a := range ps.Accent {
			if _, group := groups[a]; !group && !contains(Parts, a) {
				e.errf("accent", "accent %q is not a body part (%s, or a group: trunk, near.leg, near.arm...)", a, strings.Join(Parts, ", "))
			}
		}
	}
	if _, ok := m["contacts"]; ok {
		ps.Contacts = e.contacts()
	}
	if g := e.text("ground"); g != "" {
		if gap, ok := Gap(ps, Contact{Point: g, Surface: Floor}); ok {
			ps.Hip.Y -= gap
		} else {
			e.errf("ground", "ground %q is not a body point", g)
		}
	}
	p.lib.Poses[ps.Name] = ps
}

// limbKeys are the angles of a near or far table.
var limbKeys = []string{"hip", "knee", "ankle", "shoulder", "elbow", "wrist"}

// limb reads a {hip = ..., knee = ...} table over the angles in *l.
func (e *entry) limb(key string, l *Limb) {
	v, ok := e.m[key]
	if !ok {
		return
	}
	t, ok := v.(map[string]any)
	if !ok {
		e.errf(key, "%s must be a table like {hip = 90, knee = 90}", key)
		return
	}
	dst := map[string]*float64{"hip": &l.Hip, "knee": &l.Knee, "ankle": &l.Ankle,
		"shoulder": &l.Shoulder, "elbow": &l.Elbow, "wrist": &l.Wrist}
	for k, x := range t {
		n, isNum := routine.Number(x)
		switch {
		case !contains(limbKeys, k):
			e.errf(key, "%s: unknown angle %q (one of %s)", key, k, strings.Join(limbKeys, ", "))
		case !isNum:
			e.errf(key, "%s.%s must be a number of degrees", key, k)
		default:
			*dst[k] = n
		}
	}
}

// contacts reads "point surface" texts.
func (e *entry) contacts() []Contact {
	var out []Contact
	names := (skeleton{}).points()
	for _, c := range e.texts("contacts") {
		f := strings.Fields(c)
		if len(f) != 2 {
			e.errf("contacts", "contact %q must be a body point and a surface, like \"near.heel floor\"", c)
			continue
		}
		if _, ok := names[f[0]]; !ok {
			e.errf("contacts", "contact %q: %q is not a body point", c, f[0])
			continue
		}
		if s := Surface(f[1]); s != Floor && s != Bar {
			e.errf("contacts", "contact %q: the surface must be floor or bar", c)
			continue
		}
		out = append(out, Contact{Point: f[0], Surface: Surface(f[1])})
	}
	return out
}

// figure reads the i-th [[figure]] table.
func (p *libParser) figure(i int, m map[string]any) {
	e := &entry{p: p, kind: "figure", index: i, m: m}
	if !e.named(func(n string) bool { _, ok := p.lib.Figures[n]; return ok }) {
		return
	}
	e.known("name", "start", "phases", "hold")
	f := &Figure{Name: e.name}
	ref := func(key, name string) (Pose, bool) {
		ps, ok := p.lib.Poses[name]
		if !ok {
			e.errf(key, "%s: no pose is named %q", key, name)
		}
		return ps, ok
	}
	_, hasPhases := m["phases"]
	_, hasHold := m["hold"]
	switch {
	case hasPhases == hasHold:
		e.errf("phases", "set phases (the pose each tempo phase ends in) or hold (the held pose)")
		return
	case hasHold:
		ps, ok := ref("hold", e.text("hold"))
		if !ok {
			return
		}
		f.Hold, f.Phases, f.Start = true, []Pose{ps}, ps
	default:
		names := e.texts("phases")
		if len(names) == 0 {
			e.errf("phases", "phases is empty")
			return
		}
		for _, n := range names {
			ps, ok := ref("phases", n)
			if !ok {
				return
			}
			f.Phases = append(f.Phases, ps)
		}
		f.Start = f.Phases[len(f.Phases)-1]
	}
	if s := e.text("start"); s != "" {
		ps, ok := ref("start", s)
		if !ok {
			return
		}
		f.Start = ps
	}
	p.lib.Figures[f.Name] = f
	p.lib.Order = append(p.lib.Order, f.Name)
}

// Figure returns the figure of a move, nil when it names none.
func (l *Library) Figure(name string) *Figure {
	return l.Figures[name]
}

// describe is "a hold" or "a tempo of N phases", for messages.
func describe(hold bool, phases int) string {
	if hold {
		return "a hold"
	}
	return fmt.Sprintf("a tempo of %d phases", phases)
}
