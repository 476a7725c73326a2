package main

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// versionText is the line --version prints, from the app's metadata: "Spine
// Routine 0.1.0 (build 1, io.github.spineroutine.SpineRoutine)". The make
// targets compile FyneApp.toml's metadata in (fyne build); a plain go build
// has none, and says so.
func versionText() string {
	return describeMetadata(app.NewWithID(appID).Metadata())
}

// describeMetadata formats m for versionText.
func describeMetadata(m fyne.AppMetadata) string {
	if m.Name == "" {
		return "Spine Routine, development build (no FyneApp.toml metadata: build it with make)"
	}
	return fmt.Sprintf("%s %s (build %d, %s)", m.Name, m.Version, m.Build, m.ID)
}
