// Package userdata is the one place that writes the user's files under
// their starprep home: sessions, company notes, stories, checklist
// progress, and files a command writes with -o.
//
//   - Every write is atomic: the data goes to a temporary file in the same
//     folder, is synced, and is renamed over the old file, and the folder is
//     synced; a crash, Ctrl-C or a full disk leaves the old file or the new
//     one, never half of one. A failed write removes its temporary file.
//   - New files of the home are private: folders 0700, files 0600.
//   - CreateNew creates a file only if no file of that name exists, in one
//     step (a hard link of the finished temporary file), so two processes
//     can never both believe they made the same session.
//   - Lock takes the home's lock (a lock file, with github.com/gofrs/flock):
//     one process writes a home at a time; another waits briefly, then is
//     told which process holds it.
package userdata

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Modes of what is created in the home.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// testOnlyBeforeRename, when set by a test, is called once the temporary
// file is written and before it is synced and renamed: a crash there must
// leave the old file as it was.
var testOnlyBeforeRename func(tmp string)

// WriteError is a write that failed: the file at Path is as it was before
// (or absent, if it never existed).
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("could not save %s: %v", e.Path, plainCause(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

// plainCause is the underlying reason without the paths os puts in front.
func plainCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// MkdirAll creates dir and its parents, 0700.
func MkdirAll(dir string) error { return os.MkdirAll(dir, DirMode) }

// WriteFile replaces path with data atomically, creating its folder; the
// file gets mode perm (FileMode for the home's files). On failure the old
// file is untouched and the error is a *WriteError.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	if err := MkdirAll(filepath.Dir(path)); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return Replace(path, data, perm)
}

// Replace is WriteFile for a file outside the home (-o FILE): its folder
// must exist already.
func Replace(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return &WriteError{Path: path, Err: err}
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}

// ErrExists: CreateNew found a file of that name already there.
var ErrExists = fs.ErrExist

// CreateNew writes data to path only if path does not exist yet, in one
// step: the finished file is linked to its name, which fails when the name
// is taken (errors.Is(err, ErrExists)). Where links are not supported, the
// name is claimed with an exclusive create first.
func CreateNew(path string, data []byte) error {
	if err := MkdirAll(filepath.Dir(path)); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	tmp, err := writeTemp(path, data, FileMode)
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, path)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return err
	case errors.Is(err, fs.ErrPermission) || strings.Contains(err.Error(), "not supported") || strings.Contains(err.Error(), "not permitted"):
		// No hard links here: claim the name, then replace it.
		f, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
		if cerr != nil {
			if errors.Is(cerr, fs.ErrExist) {
				return cerr
			}
			return &WriteError{Path: path, Err: cerr}
		}
		f.Close()
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(path)
			return &WriteError{Path: path, Err: err}
		}
	default:
		return &WriteError{Path: path, Err: err}
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}

// writeTemp writes data to a new hidden temporary file beside path and
// syncs it; it returns the file's name. On failure nothing is left behind.
func writeTemp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name() // not name: a failed return sets that to ""
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if testOnlyFault != nil {
		return "", testOnlyFault
	}
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Chmod(perm); err != nil {
		return "", err
	}
	if testOnlyBeforeRename != nil {
		testOnlyBeforeRename(name)
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return tmp, nil
}

// Remove deletes path; it is not an error when it is already gone.
func Remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// IsTemp reports whether name is one of WriteFile's temporary files (left
// behind by a crash): listings skip them.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-")
}

// TestOnlySetBeforeRename makes every write call f once its temporary
// file is written and before it is synced and renamed (tests simulate a
// crash there); nil removes it.
func TestOnlySetBeforeRename(f func(tmp string)) { testOnlyBeforeRename = f }

// testOnlyFault, when set, makes writes of the home fail as a full disk
// would, for tests where no small file system can be mounted.
var testOnlyFault error

// TestOnlySetFault makes every write fail with err (nil: write again).
func TestOnlySetFault(err error) { testOnlyFault = err }
