package reminder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TrayFlag is the command-line flag with which the autostart entry starts
// the app: in the system tray, without opening its window.
const TrayFlag = "--tray"

// AutostartPath returns where the XDG autostart entry of the app with ID
// appID lives, under the user's configuration folder configDir
// ($XDG_CONFIG_HOME, usually ~/.config).
func AutostartPath(configDir, appID string) string {
	return filepath.Join(configDir, "autostart", appID+".desktop")
}

// AutostartEntry returns the text of the desktop entry that starts the
// program exe, in the tray, when the user logs in.
func AutostartEntry(name, appID, exe string) string {
	return "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=" + name + "\n" +
		"Comment=Starts " + name + " in the system tray for its daily reminder\n" +
		"Exec=" + quoteExec(exe) + " " + TrayFlag + "\n" +
		"Icon=" + appID + "\n" +
		"Terminal=false\n" +
		"X-GNOME-Autostart-enabled=true\n"
}

// quoteExec quotes a program path for an Exec key, as the Desktop Entry
// Specification asks for paths with spaces or special characters.
func quoteExec(path string) string {
	if !strings.ContainsAny(path, " \t\n\"'\\><~|&;$*?#()`%") {
		return path
	}
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\\"`, "`", "\\\\`", `$`, `\\$`, `%`, `%%`)
	return `"` + r.Replace(path) + `"`
}

// InstallAutostart writes entry to path, creating its folder; the file
// is replaced whole (written aside, then renamed), never left half written.
func InstallAutostart(path, entry string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("autostart entry %s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(entry), 0o644); err != nil {
		return fmt.Errorf("autostart entry %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("autostart entry %s: %w", path, err)
	}
	return nil
}

// RemoveAutostart removes the entry at path; it is not an error when there
// is none.
func RemoveAutostart(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart entry %s: %w", path, err)
	}
	return nil
}

// AutostartInstalled reports whether there is an entry at path.
func AutostartInstalled(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
