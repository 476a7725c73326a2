package journal

// The checkpoint: the fold of the journal files up to some offsets, saved
// so that a start does not decode every entry of ten years again. It is a
// cache: when it is missing, unreadable, of another version or does not
// match the files, the files are read in full and a new checkpoint
// replaces it. It matches when the SHA-256 of each file's whole content up
// to its checkpointed offset is the one saved: an edit anywhere in what
// it covers, even one that keeps the length, is seen. A start hashes that
// part (hashing is some fifty times quicker than decoding), then reads on
// from the offset, hashing as it decodes; the hash of what is read and
// appended is kept as it goes (scanned.sum), so saving a checkpoint reads
// nothing again. Only Open writes it (never Load), replaced atomically,
// once enough has been read or written past the last one.

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"spineroutine/internal/regfile"
)

const (
	// checkpointName is the checkpoint's file name in the data directory.
	checkpointName = "journal.checkpoint"
	// checkpointVersion changes whenever the saved form changes (3: the
	// SHA-256 of the whole content instead of its first and last 4 KiB, the
	// fold's level, flag and note state, and each day's finished and stopped
	// sessions; 4: the function ratings).
	checkpointVersion = 4
	// checkpointEvery is how many bytes read or written past the
	// checkpoint make Open and Close save a new one (about a month of
	// daily sessions).
	checkpointEvery = 64 << 10
	// maxCheckpointSize bounds what is read of the checkpoint: thirty
	// years of daily sessions take about 2 MB.
	maxCheckpointSize = 64 << 20
)

// cpFile is how far one journal file was read, and the SHA-256 of its
// first Offset bytes.
type cpFile struct {
	Num        int
	Offset     int64
	Lines      int
	Sum        [sha256.Size]byte
	Bad, Acked []int
	Newer      []int
	Valid      int
}

type cpTime struct {
	Sec int64 // Unix seconds
	Off int32 // zone offset in seconds
}

type cpTick struct {
	Move, Src int32 // indexes into Strs
	At        cpTime
	Seq       int
	Done      bool
}

type cpDay struct {
	N        int32
	Ticks    []cpTick
	Sessions []int32 // indexes into Sessions
	Note     *cpNote
}

type cpNote struct {
	Session, Text int32
	At            cpTime
}

type cpTimed struct {
	Move  int32
	Level int32
}

type cpFlag struct {
	Move, Kind int32
	At         cpTime
}

type cpLevel struct {
	Move, Src int32
	Day       int32
	Level     int32
	Today     bool
	At        cpTime
	Seq       int
}

type cpRating struct {
	Activity int32
	Day      int32
	Score    int32
	At       cpTime
}

type cpPos struct {
	Routine, Move int32
	Moves         []int32
	Step, Set     int
	At            cpTime
}

type cpSession struct {
	ID, Routine, Reason int32
	Moves               []int32
	Day                 int32
	Start, Last         cpTime
	Ended               bool
	Pain                [2]int8 // -1: none
	Pos                 *cpPos
	PosSeq              int
	Timed               []cpTimed
	Flags               []cpFlag
}

// checkpoint is the saved form: the files read, the recent days and
// their sessions as the fold has them, and the archive.
type checkpoint struct {
	Version  int
	Files    []cpFile
	Seq      int
	Strs     []string
	Days     []cpDay
	Sessions []cpSession
	Levels   []cpLevel
	Ratings  []cpRating
	Archive  cpArchive
}

// cpArchive is an archive (see archive.go) as saved.
type cpArchive struct {
	Cutoff int32
	Days   []int32
	Offs   []uint32
	Blob   []byte
	Strs   []string
	Done   []int32
}

// loadCheckpoint restores the fold saved in the checkpoint when it matches
// the journal files nums (ascending), and returns the files it covers,
// ready to be read on from where it stopped. It returns nil, with the
// state untouched, when there is no usable checkpoint.
func (j *Journal) loadCheckpoint(nums []int) []*scanned {
	data, err := j.readCheckpoint()
	if err != nil {
		return nil
	}
	var cp checkpoint
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&cp) != nil || cp.Version != checkpointVersion ||
		len(cp.Files) == 0 || len(cp.Files) > len(nums) {
		return nil
	}
	files := make([]*scanned, len(cp.Files))
	for i, cf := range cp.Files {
		if cf.Num != nums[i] {
			return nil
		}
		sum := matches(filepath.Join(j.dir, fileName(cf.Num)), cf)
		if sum == nil {
			return nil
		}
		files[i] = &scanned{path: filepath.Join(j.dir, fileName(cf.Num)), num: cf.Num, sum: sum,
			lines: cf.Lines, offset: cf.Offset, bad: cf.Bad, acked: cf.Acked, newer: cf.Newer, valid: cf.Valid}
	}
	st, err := cp.state()
	if err != nil {
		return nil
	}
	j.st = st
	return files
}

// readCheckpoint reads the checkpoint file. One that is not a regular
// file (a FIFO, a device, a link to one) is reported and, when the journal
// is open for writing, set aside so that a new checkpoint can be saved.
func (j *Journal) readCheckpoint() ([]byte, error) {
	path := filepath.Join(j.dir, checkpointName)
	data, err := regfile.ReadFile(path, maxCheckpointSize)
	switch {
	case errors.Is(err, regfile.ErrNotRegular):
		msg := fmt.Sprintf("journal %v; it was not read", err)
		if !j.readOnly {
			if to, serr := regfile.SetAside(path, "not-a-file"); serr == nil {
				msg = fmt.Sprintf("journal %v; it was set aside as %s", err, filepath.Base(to))
			}
		}
		j.warnf("%s (the checkpoint only makes a start quicker)", msg)
	case errors.Is(err, regfile.ErrTooBig):
		j.warnf("journal %v; it was not read, and is replaced (the checkpoint only makes a start quicker)", err)
	}
	return data, err
}

// matches hashes the first cf.Offset bytes of the file at path and
// returns the hash, ready to go on from there, when they are what the
// checkpoint read (their SHA-256 is cf.Sum); nil when they are not, or
// the file cannot be read.
func matches(path string, cf cpFile) hash.Hash {
	f, fi, err := regfile.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	if fi.Size() < cf.Offset {
		return nil
	}
	sum := sha256.New()
	if n, err := io.CopyBuffer(sum, io.LimitReader(f, cf.Offset), make([]byte, 256<<10)); err != nil || n != cf.Offset {
		return nil
	}
	if [sha256.Size]byte(sum.Sum(nil)) != cf.Sum {
		return nil
	}
	return sum
}

// saveCheckpoint saves the fold of files, which must be every journal
// file read, each read to its end. It saves nothing when a file is foreign
// or ends with an entry without its newline (the checkpoint could not say
// where reading goes on).
func (j *Journal) saveCheckpoint(files []*scanned) error {
	cp := checkpoint{Version: checkpointVersion}
	for _, sc := range files {
		if sc.foreign != "" || sc.tailApplied {
			return nil
		}
		cp.Files = append(cp.Files, cpFile{Num: sc.num, Offset: sc.offset, Lines: sc.lines, Sum: [sha256.Size]byte(sc.sum.Sum(nil)),
			Bad: sc.bad, Acked: sc.acked, Newer: sc.newer, Valid: sc.valid})
	}
	if len(cp.Files) == 0 {
		return nil
	}
	cp.fill(&j.st, DayOf(j.now()).Add(-archiveAge))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&cp); err != nil {
		return fmt.Errorf("journal checkpoint: %w", err)
	}
	return replaceFile(filepath.Join(j.dir, checkpointName), buf.Bytes())
}

// replaceFile replaces the file at path by data atomically: a temporary
// file, synced, renamed over path, and the directory synced. After a
// crash path holds either the old or the new content.
func replaceFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = io.Copy(f, bytes.NewReader(data))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = regfile.Replace(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// removeTemps removes the temporary files of replaceFile that a crash
// left in dir; only the holder of the lock calls it.
func removeTemps(dir string) {
	for _, name := range []string{checkpointName, resumeName} {
		stale, _ := filepath.Glob(filepath.Join(dir, "."+name+".tmp-*"))
		for _, p := range stale {
			os.Remove(p)
		}
	}
}

// strTable numbers the strings of a checkpoint.
type strTable struct {
	idx  map[string]int32
	strs []string
}

func (t *strTable) id(s string) int32 {
	if i, ok := t.idx[s]; ok {
		return i
	}
	i := int32(len(t.strs))
	t.idx[s] = i
	t.strs = append(t.strs, s)
	return i
}

func (t *strTable) ids(ss []string) []int32 {
	if ss == nil {
		return nil
	}
	out := make([]int32, len(ss))
	for i, s := range ss {
		out[i] = t.id(s)
	}
	return out
}

// toCP keeps whole seconds, as the journal's lines do.
func toCP(t time.Time) cpTime {
	_, off := t.Zone()
	return cpTime{Sec: t.Unix(), Off: int32(off)}
}

// fill copies the fold into cp, archiving the days before cutoff.
func (cp *checkpoint) fill(s *state, cutoff Day) {
	a := s.arch.with(s, cutoff)
	cp.Archive = cpArchive{Cutoff: a.cutoff.n, Days: a.days, Offs: a.offs, Blob: a.blob, Strs: a.strs, Done: a.done}
	tab := strTable{idx: make(map[string]int32)}
	cp.Seq = s.seq
	index := make(map[*session]int32, len(s.sessions))
	for _, ss := range s.sessions {
		if ss.day.Before(a.cutoff) {
			continue
		}
		index[ss] = int32(len(cp.Sessions))
		c := cpSession{ID: tab.id(ss.id), Routine: tab.id(ss.routine), Reason: tab.id(string(ss.reason)),
			Moves: tab.ids(ss.moves), Day: ss.day.n, Start: toCP(ss.start), Last: toCP(ss.last),
			Ended: ss.ended, Pain: [2]int8{-1, -1}, PosSeq: ss.posSeq}
		for k, p := range ss.pain {
			if p != nil {
				c.Pain[k] = int8(*p)
			}
		}
		if p := ss.pos; p != nil {
			c.Pos = &cpPos{Routine: tab.id(p.Routine), Move: tab.id(p.Move), Moves: tab.ids(p.Moves),
				Step: p.Step, Set: p.Set, At: toCP(p.At)}
		}
		for _, t := range ss.timed {
			c.Timed = append(c.Timed, cpTimed{Move: tab.id(t.Move), Level: int32(t.Level)})
		}
		for _, f := range ss.flags {
			c.Flags = append(c.Flags, cpFlag{Move: tab.id(f.Move), Kind: tab.id(string(f.Kind)), At: toCP(f.At)})
		}
		cp.Sessions = append(cp.Sessions, c)
	}
	for _, recs := range s.levels {
		for _, r := range recs {
			cp.Levels = append(cp.Levels, cpLevel{Move: tab.id(r.Move), Src: tab.id(string(r.Src)), Day: r.Day.n,
				Level: int32(r.Level.Level), Today: r.Today, At: toCP(r.At), Seq: r.seq})
		}
	}
	for _, r := range s.ratings {
		cp.Ratings = append(cp.Ratings, cpRating{Activity: tab.id(r.Activity), Day: r.Day.n, Score: int32(r.Score),
			At: toCP(r.At)})
	}
	for d, ds := range s.days {
		if d.Before(a.cutoff) {
			continue
		}
		cd := cpDay{N: d.n}
		for move, t := range ds.ticks {
			cd.Ticks = append(cd.Ticks, cpTick{Move: tab.id(move), Src: tab.id(string(t.src)), At: toCP(t.at), Seq: t.seq, Done: t.done})
		}
		for _, ss := range ds.sessions {
			cd.Sessions = append(cd.Sessions, index[ss])
		}
		if n := ds.note; n != nil {
			cd.Note = &cpNote{Session: tab.id(n.Session), Text: tab.id(n.Text), At: toCP(n.At)}
		}
		cp.Days = append(cp.Days, cd)
	}
	cp.Strs = tab.strs
}

// state rebuilds the fold saved in cp.
func (cp *checkpoint) state() (state, error) {
	s := newState()
	s.seq = cp.Seq
	ca := cp.Archive
	s.arch = archive{cutoff: Day{n: ca.Cutoff}, days: ca.Days, offs: ca.Offs, blob: ca.Blob, strs: ca.Strs, done: ca.Done}
	if len(ca.Offs) != len(ca.Days) || !slices.IsSorted(ca.Days) || !slices.IsSorted(ca.Offs) ||
		(len(ca.Offs) > 0 && int(ca.Offs[len(ca.Offs)-1]) > len(ca.Blob)) {
		return state{}, fmt.Errorf("journal checkpoint: bad archive")
	}
	in := newInterner()
	bad := false
	str := func(i int32) string {
		if i < 0 || int(i) >= len(cp.Strs) {
			bad = true
			return ""
		}
		return cp.Strs[i]
	}
	strs := func(ids []int32) []string {
		if ids == nil {
			return nil
		}
		out := make([]string, len(ids))
		for k, i := range ids {
			out[k] = str(i)
		}
		return out
	}
	at := func(c cpTime) time.Time { return time.Unix(c.Sec, 0).In(in.zone(int(c.Off))) }
	sessions := make([]*session, len(cp.Sessions))
	for i, c := range cp.Sessions {
		ss := &session{id: str(c.ID), day: Day{n: c.Day}, start: at(c.Start), last: at(c.Last), ended: c.Ended,
			reason: EndReason(str(c.Reason)), routine: str(c.Routine), moves: strs(c.Moves), posSeq: c.PosSeq}
		for k, v := range c.Pain {
			if v >= 0 {
				p := int(v)
				ss.pain[k] = &p
			}
		}
		if p := c.Pos; p != nil {
			ss.pos = &Position{Session: ss.id, Routine: str(p.Routine), Moves: strs(p.Moves), Step: p.Step,
				Move: str(p.Move), Set: p.Set, At: at(p.At)}
		}
		for _, t := range c.Timed {
			ss.timed = append(ss.timed, TimedMove{Move: str(t.Move), Level: int(t.Level)})
		}
		for _, f := range c.Flags {
			ss.flags = append(ss.flags, Flag{Day: ss.day, Session: ss.id, Move: str(f.Move), Kind: FlagKind(str(f.Kind)),
				At: at(f.At)})
		}
		sessions[i] = ss
		s.sessions[ss.id] = ss
	}
	for _, c := range cp.Levels {
		move := str(c.Move)
		s.levels[move] = append(s.levels[move], levelRec{Level: Level{Day: Day{n: c.Day}, Move: move,
			Level: int(c.Level), Src: LevelSource(str(c.Src)), Today: c.Today, At: at(c.At)}, seq: c.Seq})
	}
	for _, c := range cp.Ratings {
		s.ratings = append(s.ratings, Rating{Day: Day{n: c.Day}, Activity: str(c.Activity), Score: int(c.Score), At: at(c.At)})
	}
	for move, recs := range s.levels {
		slices.SortFunc(recs, func(a, b levelRec) int { return a.seq - b.seq })
		s.levels[move] = recs
	}
	for _, cd := range cp.Days {
		ds := &dayState{ticks: make(map[string]*tick, len(cd.Ticks))}
		for _, t := range cd.Ticks {
			ds.ticks[str(t.Move)] = &tick{done: t.Done, src: Source(str(t.Src)), at: at(t.At), seq: t.Seq}
			if t.Done {
				ds.nDone++
			}
		}
		for _, i := range cd.Sessions {
			if i < 0 || int(i) >= len(sessions) {
				return state{}, fmt.Errorf("journal checkpoint: bad session index")
			}
			ds.sessions = append(ds.sessions, sessions[i])
		}
		if n := cd.Note; n != nil {
			ds.note = &Note{Day: Day{n: cd.N}, Session: str(n.Session), Text: str(n.Text), At: at(n.At)}
		}
		s.days[Day{n: cd.N}] = ds
	}
	if bad {
		return state{}, fmt.Errorf("journal checkpoint: bad string index")
	}
	return s, nil
}
