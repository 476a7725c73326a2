package main

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"
)

// TestAppIDIsFyneApps: the ID the binary opens its storage with is the one
// FyneApp.toml gives the packages, and differs from the old one it migrates.
func TestAppIDIsFyneApps(t *testing.T) {
	var f struct{ Details struct{ ID string } }
	if _, err := toml.DecodeFile("../../FyneApp.toml", &f); err != nil {
		t.Fatal(err)
	}
	if appID != f.Details.ID {
		t.Errorf("appID = %q, FyneApp.toml's ID = %q", appID, f.Details.ID)
	}
	if oldAppID == appID {
		t.Errorf("oldAppID = appID = %q", appID)
	}
}

func TestDescribeMetadata(t *testing.T) {
	tests := []struct {
		m    fyne.AppMetadata
		want string
	}{
		{fyne.AppMetadata{Name: "Spine Routine", ID: "io.github.spineroutine.SpineRoutine", Version: "0.1.0", Build: 3},
			"Spine Routine 0.1.0 (build 3, io.github.spineroutine.SpineRoutine)"},
		{fyne.AppMetadata{Version: "0.0.1", Build: 1},
			"Spine Routine, development build (no FyneApp.toml metadata: build it with make)"},
	}
	for _, tc := range tests {
		if got := describeMetadata(tc.m); got != tc.want {
			t.Errorf("describeMetadata(%+v) = %q, want %q", tc.m, got, tc.want)
		}
	}
}
