package ui

import (
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/mpris"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
)

// remoteNotice is the key of the banner of the first remote Stop.
const remoteNotice = "remote-stop"

// remote offers the session to the desktop's media controls (Options.
// MediaControls): headphone buttons, media keys, a phone through KDE
// Connect or GSConnect, the panel's player. Each control does what its key
// or button does (the controller's actions), on the UI goroutine; the
// player shows the step on the card.
type remote struct {
	c      *controller
	srv    *mpris.Server // nil while off or without a session bus
	logged bool          // the bus error was logged

	sess   *schedule.Session // the session the track ids count
	n      int               // sessions since the app started
	art    map[string]string // the figures written, by move and side
	artDir string            // "" until known; "-" none
}

// newRemote makes the window's remote and offers it when
// Options.MediaControls and the setting are on.
func newRemote(c *controller) *remote {
	r := &remote{c: c, art: map[string]string{}}
	if c.hooks.mediaControls && c.prefs.MediaControls() {
		r.enable(true)
	}
	return r
}

// enable offers the player on the session bus or takes it away. Without
// a session bus (or on a bus error) the app runs as before: the error is
// logged once, and nothing is shown.
func (r *remote) enable(on bool) {
	switch {
	case on && r.srv == nil:
		id := r.appID()
		srv, err := mpris.Start(r, mpris.Options{Name: "spineroutine", Identity: Title, DesktopEntry: id}, r.snapshot())
		if err != nil {
			if !r.logged {
				r.logged = true
				log.Printf("media controls (MPRIS) not offered: %v", err)
			}
			return
		}
		r.srv = srv
	case !on && r.srv != nil:
		if err := r.srv.Close(); err != nil {
			log.Printf("media controls (MPRIS): %v", err)
		}
		r.srv = nil
	}
}

// close takes the player away as the window closes.
func (r *remote) close() { r.enable(false) }

// update shows the session's state now to the media controls; the
// player sends a change only when the step, the status or what it
// offers changed.
func (r *remote) update() {
	if r.srv != nil {
		r.srv.Update(r.snapshot())
	}
}

// snapshot is what the player shows: the step on the card, the chosen
// moves when idle, the end of the session at its summary.
func (r *remote) snapshot() mpris.Snapshot {
	c := r.c
	name := c.inuse.r.Name
	switch {
	case c.session.run.running() && c.session.last.State != schedule.Idle:
		s := c.session.run.sess
		if s != r.sess {
			r.sess = s
			r.n++
		}
		st := c.session.last
		plan := c.session.run.plan()
		m := plan.Moves[min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)]
		status := mpris.Playing
		if st.State == schedule.Paused {
			status = mpris.Paused
		}
		return mpris.Snapshot{Status: status,
			Track: mpris.Track{ID: fmt.Sprintf("session%d/step%d", r.n, st.Step.Index),
				Title: moveTitle(m, st.Step.Side), Artist: name, Album: stepAlbum(st.Step),
				Length: plan.Total, ArtPath: r.artOf(m, st.Step.Side)},
			Position: func() time.Duration { return s.Status().Offset },
			CanPlay:  true, CanPause: true, CanGoNext: true, CanGoPrevious: true}
	case c.State() == state.Summary:
		title := "Session done"
		if c.session.last.State == schedule.Stopped {
			title = "Session ended"
		}
		return mpris.Snapshot{Track: mpris.Track{ID: fmt.Sprintf("session%d/end", r.n), Title: title,
			Artist: name, Album: fmt.Sprintf("%d of %d moves done", len(c.session.last.Completed), len(c.session.run.plan().Moves))},
			CanPlay: true}
	}
	if c.side.today == nil {
		return mpris.Snapshot{}
	}
	ids := c.side.today.list.selection()
	moves := c.inuse.r.Select(ids...)
	if len(moves) == 0 {
		return mpris.Snapshot{Track: mpris.Track{ID: "ready", Title: "No move chosen", Artist: name}}
	}
	return mpris.Snapshot{Track: mpris.Track{ID: "ready", Title: moves[0].Name, Artist: name,
		Album: fmt.Sprintf("Ready: %d moves", len(moves)), Length: c.inuse.r.Duration(ids...),
		ArtPath: r.artOf(moves[0], schedule.NoSide)}, CanPlay: true}
}

// moveTitle is the move and its side: "Side Planks — left".
func moveTitle(m routine.Move, side schedule.Side) string {
	if side == schedule.NoSide {
		return m.Name
	}
	return m.Name + " — " + string(side)
}

// stepAlbum says where in the move the step is: "Set 2 of 3 · Rep 4 of
// 6", or the pause it is.
func stepAlbum(s schedule.Step) string {
	text := setRepText(s)
	switch s.Kind {
	case schedule.GetReady:
		return "Get ready"
	case schedule.Rest:
		return "Rest"
	case schedule.Switch:
		return "Switch sides · " + text
	case schedule.Gap, schedule.BetweenSets:
		return "Pause · " + text
	}
	return text
}

// appID is the app's ID (FyneApp.toml's, compiled in), the name of its
// desktop entry; the ID the app was made with when the metadata has none.
func (r *remote) appID() string {
	if id := r.c.app.Metadata().ID; id != "" {
		return id
	}
	return r.c.app.UniqueID()
}

// The media controls: each runs its action on the UI goroutine.

// PlayPause is Space: it pauses or resumes the session (a hold resumes
// with its count-in), or starts today's moves as Start does.
func (r *remote) PlayPause() {
	r.c.post(func() {
		if r.c.State().UnderWay() {
			r.c.StartPause()
			return
		}
		r.startToday()
	})
}

// Play resumes a paused session, or starts today's moves.
func (r *remote) Play() {
	r.c.post(func() {
		switch {
		case !r.c.State().UnderWay():
			r.startToday()
		case r.c.session.run.status().State == schedule.Paused:
			r.c.StartPause()
		}
	})
}

// Pause pauses a running session.
func (r *remote) Pause() {
	r.c.post(func() {
		if r.c.State().UnderWay() && r.c.session.run.status().State == schedule.Running {
			r.c.StartPause()
		}
	})
}

// Next skips to the next step (→).
func (r *remote) Next() { r.c.post(r.c.session.Skip) }

// Previous goes back (←).
func (r *remote) Previous() { r.c.post(r.c.session.Back) }

// Stop is End, guarded: the first pauses the session and asks for a
// second Stop (the End button reads "End now?"); a second within
// endConfirmTime ends the session, journalled as End does.
func (r *remote) Stop() {
	r.c.post(func() {
		c := r.c
		if !c.State().UnderWay() {
			return
		}
		if c.session.run.disarmEnd != nil {
			c.session.notes.clear(remoteNotice)
			c.session.EndSession()
			return
		}
		if c.session.run.status().State == schedule.Running {
			c.session.run.togglePause()
			c.session.refresh()
		}
		c.session.EndSession()
		c.session.notes.notice(remoteNotice, "Paused. Press stop again to end the session.")
		c.session.sound.say(cue.PhraseStopAgain)
		c.clock.AfterFunc(endConfirmTime, func() { c.post(func() { c.session.notes.clear(remoteNotice) }) })
	})
}

// Raise shows the window and brings it to the front, as a second launch
// of the app does.
func (r *remote) Raise() {
	r.c.post(func() {
		r.c.win.Show()
		r.c.win.RequestFocus()
	})
}

// Quit ends the app as the tray menu's Quit does; unsaved changes to the
// routine are asked about first.
func (r *remote) Quit() {
	r.c.post(func() {
		c := r.c
		if c.side.routines != nil && c.side.routines.editor != nil && c.side.routines.editor.dirty() {
			c.win.Show()
			c.win.RequestFocus()
			c.requestClose()
			return
		}
		c.win.Close()
		c.app.Quit()
	})
}

// startToday starts today's moves as Start does, unless the day is a
// safety stop: then it starts nothing and says why.
func (r *remote) startToday() {
	c := r.c
	if c.side.today.plan.advised.Safety {
		c.session.notes.notice(remoteNotice, "Not started: "+stopText+" "+c.side.today.plan.advised.SafetyWhy)
		c.session.sound.say(cue.PhraseStop)
		return
	}
	c.startToday()
}

// sections is the Settings tab's section of the media controls (none
// without Options.MediaControls).
func (r *remote) sections() []fyne.CanvasObject {
	if !r.c.hooks.mediaControls {
		return nil
	}
	check := r.c.keys.check("Headphone buttons, media keys and remotes", nil)
	check.SetChecked(r.c.prefs.MediaControls())
	check.OnChanged = func(on bool) {
		r.c.prefs.SetMediaControls(on)
		r.enable(on)
	}
	explain := widget.NewLabel("Play/pause, next, previous and stop from headphones, a keyboard's media keys, " +
		"a phone (KDE Connect, GSConnect) or the desktop's media controls; the second stop within 4 s ends the session.")
	explain.Wrapping = fyne.TextWrapWord
	return []fyne.CanvasObject{section("Remote control", check, explain)}
}
