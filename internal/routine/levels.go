package routine

import "fmt"

// dose reads the dose of move i (0-based in the file): its own reps, hold
// or tempo and between_reps, or its [[move.level]] tables with its start
// and top levels. Either way mv ends at its start level.
func (f *fields) dose(mv *Move, i int) {
	tables, ok := f.levelTables()
	if !ok || len(tables) == 0 {
		for _, key := range []string{"start_level", "top_level"} {
			if _, present := f.m[key]; present && ok {
				f.errf(key, "%s needs levels: add [[move.level]] tables, or remove it", key)
			}
		}
		if ok || f.hasOwnDose() {
			mv.Reps = f.reps()
			f.holdOrTempo(mv)
			mv.BetweenReps = f.duration("between_reps", 0)
		}
		mv.StartLevel, mv.TopLevel, mv.Level = 1, 1, 1
		return
	}
	for _, key := range doseKeys {
		if _, present := f.m[key]; present {
			f.errf(key, "a move with levels gives its dose in each [[move.level]]; remove %s here", key)
		}
	}
	// The lines of the levels are trusted when the locator saw one header
	// per level (it does not see levels written inline).
	trusted := f.p.loc.levels(i) == len(tables) && f.line("level") != 0
	for k, t := range tables {
		lf := &fields{p: f.p, m: t, index: f.index, level: k + 1, id: f.id, line: func(key string) int {
			if !trusted {
				return f.line("level")
			}
			return f.p.loc.levelKey(i, k, key)
		}}
		lv := lf.readLevel(mv)
		if trusted {
			lv.Line = f.p.loc.level(i, k)
		}
		mv.Levels = append(mv.Levels, lv)
	}
	n := len(mv.Levels)
	mv.StartLevel = f.levelNumber("start_level", 1, n)
	mv.TopLevel = f.levelNumber("top_level", n, n)
	if mv.StartLevel > mv.TopLevel {
		f.errf("start_level", "start_level %d is above top_level %d; a new user cannot start above the top", mv.StartLevel, mv.TopLevel)
		mv.StartLevel = mv.TopLevel
	}
	*mv = mv.AtLevel(mv.StartLevel)
}

// hasOwnDose reports whether the move gives any key of a dose itself.
func (f *fields) hasOwnDose() bool {
	for _, key := range doseKeys {
		if _, present := f.m[key]; present {
			return true
		}
	}
	return false
}

// levelTables returns the move's [[move.level]] tables (none when the key
// is absent); ok is false when "level" is not a list of tables.
func (f *fields) levelTables() (tables []map[string]any, ok bool) {
	v, present := f.m["level"]
	if !present {
		return nil, true
	}
	switch t := v.(type) {
	case []map[string]any:
		tables = t
	case []any:
		for _, x := range t {
			m, isTable := x.(map[string]any)
			if !isTable {
				f.errf("level", "level must be a list of [[move.level]] tables, not %s", typeName(v))
				return nil, false
			}
			tables = append(tables, m)
		}
	default:
		f.errf("level", "level must be a list of [[move.level]] tables, not %s", typeName(v))
		return nil, false
	}
	switch {
	case len(tables) == 0:
		f.errf("level", "level is empty; add [[move.level]] tables, or remove it")
		return nil, false
	case len(tables) > MaxLevels:
		f.errf("level", "the move has %d levels; the limit is %d", len(tables), MaxLevels)
		return nil, false
	}
	return tables, true
}

// level reads one [[move.level]] table of the move mv.
func (f *fields) readLevel(mv *Move) Level {
	f.unknown(levelKeys[:])
	var dose Move
	dose.Reps = f.reps()
	f.holdOrTempo(&dose)
	l := Level{Reps: dose.Reps, Hold: dose.Hold, Tempo: dose.Tempo, BetweenReps: f.duration("between_reps", 0)}
	if v, present := f.m["easier"]; present {
		if _, isText := v.(string); isText {
			f.errf("easier", "easier in a level is true or false (the level is done as the move's easier variant); the variant's text goes in the move's easier")
		} else if l.Easier = f.flag("easier"); l.Easier && mv.Easier == "" {
			f.errf("easier", "easier = true, but the move has no easier variant; describe it in the move's easier")
		}
	}
	return l
}

// levelNumber reads start_level or top_level: a whole number from 1 to n,
// def when absent.
func (f *fields) levelNumber(key string, def, n int) int {
	v, present := f.m[key]
	if !present {
		return def
	}
	x, ok := v.(int64)
	switch {
	case !ok:
		if n, isNum := v.(float64); isNum {
			f.errf(key, "%s must be a whole number, not %v", key, n)
		} else {
			f.errf(key, "%s must be a whole number, not %s", key, typeName(v))
		}
	case x < 1:
		f.errf(key, "%s must be at least 1", key)
	case x > int64(n):
		f.errf(key, "%s is %d, but the move has %s", key, x, plural(n, "level"))
	default:
		return int(x)
	}
	return def
}

// plural writes n and a noun, with an s when n is not 1.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
