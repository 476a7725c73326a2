//go:build windows

package regfile

// SyncDir does nothing on Windows: a folder cannot be synced there
// (FlushFileBuffers on a folder's handle answers "Access is denied", which
// made a first start take the data folder for read-only), and NTFS
// journals a folder's entries itself.
func SyncDir(dir string) error { return nil }
