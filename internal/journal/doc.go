// Package journal keeps the record of the routine: which moves were done on
// which day, timed sessions with their pain check-ins, the person's dose
// level of each move, the moves flagged as hurting, the day's note, and
// where an interrupted session stood. It is an append-only file that is never
// rewritten, so a tick, once shown, is never lost.
//
// # Where
//
// The data directory is DefaultDir(appID), <user config dir>/fyne/<appID>
// (Fyne's storage root; ~/.config/fyne/io.github.spineroutine.SpineRoutine on
// Linux), or the --data directory. It is created with mode 0700, files with
// mode 0600. It holds:
//
//	journal.jsonl               the journal
//	journal-2.jsonl, -3, ...    continuations, started when the previous file could not be
//	                            used or grew past 64 MiB (numbers up to 999999)
//	journal.jsonl.torn-<time>   copy of a last line cut short by a crash (for the curious)
//	journal.checkpoint          the fold saved up to some offsets (a cache, see below)
//	resume.json                 where unfinished sessions stand (replaced atomically)
//	journal.lock                locked (flock) by the running app
//
// # File format (version 1)
//
// Every file is JSON Lines: UTF-8, one JSON object per line, each line
// ending in "\n". Entries are only ever appended; each is written with a
// single write and synced to disk before the app shows its effect. Fields:
//
//	v        1, the format version (always present)
//	ts       when it was recorded: RFC 3339 local time with its zone offset,
//	         e.g. "2026-11-23T07:12:03+01:00" (always present)
//	day      the civil date the entry counts for, "2026-11-23"; stored, never
//	         recomputed from ts (a zone change does not move past entries)
//	kind     what happened (always present), one of:
//	  done           move done; src "timer" (completed in a session) or "hand"
//	                 (ticked on the checklist); session when in a session;
//	                 level (1-based) the dose level the timer ran it at, when
//	                 known (older entries have none: the routine's start level)
//	  undone         move unticked by hand
//	  session_start  session begins: routine (its source: "default", "big3" or a
//	                 file path) and moves (the selected move ids, in order)
//	  session_end    session ends: reason "finished", "stopped" or "abandoned"
//	                 (interrupted, and the user chose to start fresh)
//	  pain           check-in: when "before" or "after", pain 0 (none) to 10
//	  position       a step boundary of a session: step (index in the session's
//	                 plan), move (its id), set (1-based; 0 outside a set), and
//	                 routine / moves only when they differ from session_start.
//	                 Older versions wrote one at every step; they are still
//	                 read, but positions now go to resume.json (see Resume)
//	  damaged        the lines of this file listed in lines (1-based numbers)
//	                 were found unreadable and have been reported; side names
//	                 the set-aside copy of a cut-short line
//	  level          the person's dose level of move from day on: level (1 is
//	                 the easiest, at most 99) and src, why it was set:
//	                 "suggested" (a suggestion accepted), "hand" (set by
//	                 hand), "start" (the first start's choice), "hurt" (the
//	                 easier level offered after a flag), "safety" (the
//	                 easiest level after a safety stop), "restored" (the
//	                 level before a safety stop, back after the check-in
//	                 that caused it was corrected); today true when it
//	                 holds for that day only
//	  flag           move flagged during session: flag "hurts" ("this
//	                 hurts") or "nerve" (numbness, tingling or weakness)
//	  note           the day's one-line note: text (at most 200 characters,
//	                 the note box's limit too; a longer one written by hand
//	                 is kept and read cut to 200 with "…"; no control
//	                 characters; absent or empty removes the note); session
//	                 when written after one
//	  function       a rating of the Patient-Specific Functional Scale
//	                 (Stratford et al. 1995): activity, the activity's text
//	                 as the person named it (1 to 80 characters, one line;
//	                 it is the activity's key), and score, a whole number
//	                 from 0 (unable to do it) to 10 (as before the back
//	                 trouble). A bad one is a damaged line like any other
//	move     a move id
//	src      "timer" or "hand"; for level, as above
//	session  a session id (opaque text, unique)
//	reason, when, pain, routine, moves, step, set, lines, side, level,
//	today, flag, text, activity, score: as above
//
// Every entry but damaged has day; session entries, pain, position and
// flag have session; level has move, level and src; function has activity and score. Optional fields are left out when empty. A reader must skip
// entries of kinds it does not know and ignore fields it does not know;
// a later version that changes the meaning of an entry will write a higher
// v, and lines with a v this package does not know are skipped.
//
// Example:
//
//	{"v":1,"ts":"2026-11-23T23:50:02+01:00","day":"2026-11-23","kind":"session_start","session":"20261123T225002Z-3fa9c1","routine":"default","moves":["cat-camel","bird-dogs"]}
//	{"v":1,"ts":"2026-11-23T23:50:03+01:00","day":"2026-11-23","kind":"pain","session":"20261123T225002Z-3fa9c1","when":"before","pain":6}
//	{"v":1,"ts":"2026-11-24T00:03:40+01:00","day":"2026-11-23","kind":"done","move":"cat-camel","src":"timer","session":"20261123T225002Z-3fa9c1"}
//	{"v":1,"ts":"2026-11-24T00:03:41+01:00","day":"2026-11-23","kind":"position","session":"20261123T225002Z-3fa9c1","move":"bird-dogs","step":7,"set":1}
//	{"v":1,"ts":"2026-11-24T09:15:00+01:00","day":"2026-11-22","kind":"done","move":"bird-dogs","src":"hand"}
//	{"v":1,"ts":"2026-11-24T09:20:00+01:00","day":"2026-11-24","kind":"level","move":"mcgill-curl-up","src":"suggested","level":4}
//	{"v":1,"ts":"2026-11-24T09:31:12+01:00","day":"2026-11-24","kind":"done","move":"mcgill-curl-up","src":"timer","session":"20261124T082500Z-9b1e04","level":4}
//	{"v":1,"ts":"2026-11-24T09:33:40+01:00","day":"2026-11-24","kind":"flag","move":"side-planks","session":"20261124T082500Z-9b1e04","flag":"hurts"}
//	{"v":1,"ts":"2026-11-24T09:33:41+01:00","day":"2026-11-24","kind":"level","move":"side-planks","src":"hurt","level":2,"today":true}
//	{"v":1,"ts":"2026-11-24T09:50:00+01:00","day":"2026-11-24","kind":"note","session":"20261124T082500Z-9b1e04","text":"stiff after the drive"}
//	{"v":1,"ts":"2026-11-24T09:51:00+01:00","day":"2026-11-24","kind":"function","activity":"Putting on socks","score":4}
//
// # Reading
//
// Files are read in number order (journal.jsonl, then journal-2.jsonl, ...),
// lines in file order; that order, not ts, decides which entry is the last.
// Only the names journal.jsonl and journal-<n>.jsonl (n ≥ 2) are read.
//
//   - Done on a day: the moves whose last done/undone entry for that day is
//     done. A move completed in a session counts for the day its session
//     started (a session begun at 23:50 counts for that day even when it
//     ends after midnight); a tick by hand counts for the day the checklist
//     showed. Only the last BackfillDays days (today included) can be
//     changed, and the next day (a change of time zone can show it).
//   - Pain of a day: the before (and, separately, the after) check-in of
//     the day's last session that has one.
//   - Level of a move on a day: the last level entry (by day, then file
//     order) set for that day or, unless it holds for its day only, for a
//     day before; none: the routine's start level. A session's timed moves
//     are its done entries with src "timer" (a move done twice counts once,
//     at its last level); its flags are its flag entries (a repeated one
//     counts once). The note of a day is its last note entry.
//   - Function: every function entry counts, in day order; an activity's
//     rating at a time is its last entry up to then.
//   - Streaks: a day counts when at least one move was done. The current
//     streak ends today, or yesterday while nothing is done yet today. The
//     weekly streak counts consecutive Monday-to-Sunday weeks with at least
//     the target number of such days (default 5); the current week counts
//     once it has reached the target and never breaks the streak while it
//     is in progress. Streaks as of a day count no day after it.
//   - Resume: a session of today with a position and no session_end can be
//     resumed at its last position, or ended as abandoned. The position
//     saved last in resume.json wins over the position entries of older
//     versions.
//
// Files of any size are read, line by line; a line over 1 MiB is a
// damaged line. Only journal.jsonl and journal-<n>.jsonl with 2 ≤ n ≤
// 999999 are journal files: a foreign name cannot push the numbering past
// what is read back.
//
// # Resume points (resume.json)
//
// A JSON object {"v":1,"positions":[...]}, each position with session,
// routine, moves, step, move, set and at (RFC 3339), the one saved last at
// the end. It holds the sessions of yesterday and today that have not
// ended, and is replaced at each save (temporary file, fsync, rename,
// directory fsync). An unreadable one (damaged, too big, a FIFO or a
// device) is renamed to resume.json.damaged-<time> (-2, -3... when taken)
// and reported.
//
// # Checkpoint (journal.checkpoint)
//
// A cache, in Go's gob encoding: how far each journal file was read (size,
// lines, damage, and the SHA-256 of its whole content up to there) and the
// fold up to there. The days more than 35 days before it was saved are
// kept as one encoded record each (the summary, each session's check-ins,
// timed moves and flags, and the note), decoded only when asked for; level
// entries are kept whole. A start hashes what the checkpoint covers and
// decodes only the entries after it, not ten years of entries. Open saves
// it when 64 KiB or more were read or written past the last one; Load never
// writes it. When it does not match the files (any byte changed, even in
// the middle) it is ignored (and replaced): deleting it is always safe. One
// that is not a regular file (a FIFO, a device) is reported and Open
// renames it to journal.checkpoint.not-a-file.
//
// # Damage
//
// A crash can only cut short the last line. On open, a last line without
// its newline that is not a complete entry is copied to
// journal.jsonl.torn-<time>, reported once, and closed by the newline that
// starts the next write, so it becomes one skipped line. Unreadable lines
// in the middle are skipped and reported once; they stay in the file. The
// "damaged" entry records what has been reported. (Damage in an older
// file, one no longer written to, is reported on every start.) A file
// that cannot be read, or is not a journal (binary, other text, a newer
// format, a FIFO or a device: never opened for reading), is reported on every start and never touched; new entries then
// go to a fresh file numbered after the last one. Nothing is ever
// truncated or rewritten in place.
//
// # Full disk
//
// An entry that cannot be written (no space left, an I/O error, a failed
// fsync) is kept in memory, in order, and the append's error wraps
// ErrNotSaved. Everything kept is written before any new entry, at the
// next append or when the app calls Retry (on a timer); Pending says how
// many entries (and ticks) wait and why. The queries show an entry only
// once it is written, so the app never shows more than is saved. After a
// failed fsync the line is written again: the fold takes a repeated
// entry as one. What still waits when the journal is closed is lost, and
// Close says so.
//
// # Instances
//
// Open takes an exclusive flock on journal.lock; a second instance gets
// ErrLocked. Load reads without the lock and never writes.
package journal
