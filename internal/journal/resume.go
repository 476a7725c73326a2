package journal

// Resume points: where each unfinished session stands, saved at every step
// boundary. They used to be "position" entries of the journal, which made
// it grow by hundreds of lines a day; they now live in a small file,
// resume.json, replaced atomically at each save. Position entries of older
// journals are still read (the fold keeps the last one of each session);
// a position in resume.json is newer than any of them.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"time"

	"spineroutine/internal/regfile"
)

// resumeName is the resume points' file name in the data directory.
const resumeName = "resume.json"

// maxResumeSize bounds what is read of resume.json: it holds a few
// sessions of today and yesterday.
const maxResumeSize = 1 << 20

// resumeFile is the content of resume.json.
type resumeFile struct {
	V         int          `json:"v"`
	Positions []resumeItem `json:"positions"` // oldest saved first
}

type resumeItem struct {
	Session string   `json:"session"`
	Routine string   `json:"routine"`
	Moves   []string `json:"moves"`
	Step    int      `json:"step"`
	Move    string   `json:"move"`
	Set     int      `json:"set"`
	At      string   `json:"at"` // RFC 3339 with nanoseconds
}

// readResume loads resume.json into the fold's live positions. A missing
// file has none; an unreadable one is reported (and, when the journal is
// open for writing, renamed aside so that the next save does not replace
// it).
func (j *Journal) readResume() {
	path := filepath.Join(j.dir, resumeName)
	data, err := regfile.ReadFile(path, maxResumeSize)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	var rf resumeFile
	switch {
	case errors.Is(err, regfile.ErrTooBig):
		err = fmt.Errorf("more bytes than resume points take (the limit is %d)", maxResumeSize)
	case err == nil:
		err = json.Unmarshal(data, &rf)
		if err == nil && rf.V != Version {
			err = fmt.Errorf("version %d", rf.V)
		}
	}
	if err != nil {
		msg := fmt.Sprintf("journal %s cannot be read (%s): an interrupted session cannot be resumed", path, regfile.Cause(err))
		if errors.Is(err, regfile.ErrNotRegular) {
			msg = fmt.Sprintf("journal %v: an interrupted session cannot be resumed", err)
		}
		if !j.readOnly {
			if side, rerr := regfile.SetAside(path, "damaged-"+j.now().Format("20060102T150405")); rerr == nil {
				msg += "; the file was set aside as " + filepath.Base(side)
			}
		}
		j.warnf("%s", msg)
		return
	}
	for _, it := range rf.Positions {
		at, err := time.Parse(time.RFC3339Nano, it.At)
		if err != nil || it.Session == "" {
			continue
		}
		j.st.setLive(Position{Session: it.Session, Routine: it.Routine, Moves: it.Moves, Step: it.Step,
			Move: it.Move, Set: it.Set, At: at})
	}
}

// writeResume replaces resume.json with the live positions of the sessions
// that have not ended and started yesterday or later (as seen at at).
func (j *Journal) writeResume(at time.Time) error {
	rf := resumeFile{V: Version, Positions: []resumeItem{}}
	keep := DayOf(at).Add(-1)
	for _, p := range j.st.live {
		ss := j.st.sessions[p.Session]
		if ss == nil || ss.ended || ss.day.Before(keep) {
			continue
		}
		rf.Positions = append(rf.Positions, resumeItem{Session: p.Session, Routine: p.Routine, Moves: p.Moves,
			Step: p.Step, Move: p.Move, Set: p.Set, At: p.At.Format(time.RFC3339Nano)})
	}
	data, err := json.Marshal(&rf)
	if err != nil {
		return fmt.Errorf("journal %s: %w", resumeName, err)
	}
	path := filepath.Join(j.dir, resumeName)
	if err := replaceFile(path, append(data, '\n')); err != nil {
		return fmt.Errorf("journal %s: %w", path, err)
	}
	return nil
}

// setLive records p as the newest live position: of its session, and of
// all sessions.
func (s *state) setLive(p Position) {
	s.live = slices.DeleteFunc(s.live, func(q *Position) bool { return q.Session == p.Session })
	p.Moves = slices.Clone(p.Moves)
	s.live = append(s.live, &p)
}

// liveOf returns the live position of session id, and its rank (higher
// is saved later), or nil.
func (s *state) liveOf(id string) (*Position, int) {
	for i, p := range s.live {
		if p.Session == id {
			return p, i
		}
	}
	return nil, -1
}
