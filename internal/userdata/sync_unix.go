//go:build unix

package userdata

import "os"

// syncDir makes a rename or a new name in dir last through a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
