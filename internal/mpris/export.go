package mpris

import (
	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

// export puts the player's object on the bus: the methods of both
// interfaces, their properties (godbus's prop, with Position read on
// demand) and their introspection.
func (s *Server) export() error {
	var err error
	s.props, err = prop.Export(s.conn, objectPath, s.propMap())
	if err != nil {
		return err
	}
	// The properties object, answering Position from the snapshot's func.
	if err := s.conn.Export(properties{s}, objectPath, propsIface); err != nil {
		return err
	}
	call := func(f func()) func() *dbus.Error {
		return func() *dbus.Error {
			f()
			return nil
		}
	}
	c := s.ctl
	if err := s.conn.ExportMethodTable(map[string]any{
		"Raise": call(c.Raise),
		"Quit":  call(c.Quit),
	}, objectPath, rootIface); err != nil {
		return err
	}
	// Seek and SetPosition do nothing: CanSeek is false (the
	// specification's answer); OpenUri opens nothing (no URI schemes).
	if err := s.conn.ExportMethodTable(map[string]any{
		"Next":        call(c.Next),
		"Previous":    call(c.Previous),
		"Pause":       call(c.Pause),
		"PlayPause":   call(c.PlayPause),
		"Stop":        call(c.Stop),
		"Play":        call(c.Play),
		"Seek":        func(int64) *dbus.Error { return nil },
		"SetPosition": func(dbus.ObjectPath, int64) *dbus.Error { return nil },
		"OpenUri": func(string) *dbus.Error {
			return dbus.NewError("org.mpris.MediaPlayer2.Player.Error.NotSupported",
				[]any{"this player opens no URIs"})
		},
	}, objectPath, playerIface); err != nil {
		return err
	}
	return s.conn.Export(introspect.NewIntrospectable(s.introspection()), objectPath,
		"org.freedesktop.DBus.Introspectable")
}

// propMap is the properties of both interfaces, as s.shown sets them.
// They are set without godbus sending PropertiesChanged (EmitFalse):
// Server.set sends one signal for all that changed together.
func (s *Server) propMap() prop.Map {
	fixed := func(v any) *prop.Prop { return &prop.Prop{Value: v, Emit: prop.EmitConst} }
	shown := func(v any) *prop.Prop { return &prop.Prop{Value: v, Emit: prop.EmitFalse} }
	snap := s.shown
	return prop.Map{
		rootIface: {
			"CanQuit":             fixed(true),
			"CanRaise":            fixed(true),
			"HasTrackList":        fixed(false),
			"Identity":            fixed(s.opts.Identity),
			"DesktopEntry":        fixed(s.opts.DesktopEntry),
			"SupportedUriSchemes": fixed([]string{}),
			"SupportedMimeTypes":  fixed([]string{}),
		},
		playerIface: {
			"PlaybackStatus": shown(snap.Status.String()),
			"Metadata":       shown(s.meta),   // read through properties.Get
			"Position":       shown(int64(0)), // read through properties.Get
			"Rate":           fixed(1.0),
			"MinimumRate":    fixed(1.0),
			"MaximumRate":    fixed(1.0),
			"Volume":         fixed(1.0),
			"CanPlay":        shown(snap.CanPlay),
			"CanPause":       shown(snap.CanPause),
			"CanGoNext":      shown(snap.CanGoNext),
			"CanGoPrevious":  shown(snap.CanGoPrevious),
			"CanSeek":        fixed(false),
			"CanControl":     fixed(true),
		},
	}
}

// emitted are the properties whose changes Server.set signals.
var emitted = map[string]bool{"PlaybackStatus": true, "Metadata": true, "CanPlay": true,
	"CanPause": true, "CanGoNext": true, "CanGoPrevious": true}

// introspection describes the object: both interfaces with their
// methods, signal and properties, and the properties interface.
func (s *Server) introspection() *introspect.Node {
	propsOf := func(iface string) []introspect.Property {
		ps := s.props.Introspection(iface)
		for i := range ps {
			for j := range ps[i].Annotations {
				switch {
				case emitted[ps[i].Name]:
					ps[i].Annotations[j].Value = "true"
				case ps[i].Name == "Position":
					ps[i].Annotations[j].Value = "false"
				}
			}
		}
		return ps
	}
	noArgs := func(names ...string) []introspect.Method {
		ms := make([]introspect.Method, len(names))
		for i, n := range names {
			ms[i] = introspect.Method{Name: n}
		}
		return ms
	}
	in := func(name, typ string) introspect.Arg { return introspect.Arg{Name: name, Type: typ, Direction: "in"} }
	player := noArgs("Next", "Previous", "Pause", "PlayPause", "Stop", "Play")
	player = append(player,
		introspect.Method{Name: "Seek", Args: []introspect.Arg{in("Offset", "x")}},
		introspect.Method{Name: "SetPosition", Args: []introspect.Arg{in("TrackId", "o"), in("Position", "x")}},
		introspect.Method{Name: "OpenUri", Args: []introspect.Arg{in("Uri", "s")}})
	return &introspect.Node{Name: string(objectPath), Interfaces: []introspect.Interface{
		introspect.IntrospectData,
		prop.IntrospectData,
		{Name: rootIface, Methods: noArgs("Raise", "Quit"), Properties: propsOf(rootIface)},
		{Name: playerIface, Methods: player, Properties: propsOf(playerIface),
			Signals: []introspect.Signal{{Name: "Seeked", Args: []introspect.Arg{{Name: "Position", Type: "x"}}}}},
	}}
}

// properties is the object's org.freedesktop.DBus.Properties: godbus's
// prop, but for Position, which is read from the snapshot's func when
// asked, and Metadata, a map that prop would change in place (storing a
// map into a map) while a reply of an earlier Get was being sent: the
// Server replaces it whole instead.
type properties struct{ s *Server }

// Get implements org.freedesktop.DBus.Properties.Get.
func (p properties) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	if iface == playerIface {
		switch name {
		case "Position":
			return dbus.MakeVariant(p.s.position()), nil
		case "Metadata":
			return dbus.MakeVariant(p.s.metadataNow()), nil
		}
	}
	return p.s.props.Get(iface, name)
}

// GetAll implements org.freedesktop.DBus.Properties.GetAll.
func (p properties) GetAll(iface string) (map[string]dbus.Variant, *dbus.Error) {
	all, err := p.s.props.GetAll(iface)
	if err == nil && iface == playerIface {
		all["Position"] = dbus.MakeVariant(p.s.position())
		all["Metadata"] = dbus.MakeVariant(p.s.metadataNow())
	}
	return all, err
}

// Set implements org.freedesktop.DBus.Properties.Set: no property is
// writable.
func (p properties) Set(iface, name string, v dbus.Variant) *dbus.Error {
	return p.s.props.Set(iface, name, v)
}
