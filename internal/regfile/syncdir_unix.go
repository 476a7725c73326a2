//go:build !windows

package regfile

import "os"

// SyncDir makes the entries of dir durable (a file created or renamed in
// it survives a crash): it syncs the folder itself.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
