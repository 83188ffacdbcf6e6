//go:build !unix

package userdata

// syncDir is a no-op where folders cannot be synced (Windows).
func syncDir(string) error { return nil }
