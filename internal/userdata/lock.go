package userdata

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/starprep/starprep/internal/infile"
)

// LockWait is how long a process waits for a lock another one holds
// before it gives up and says who holds it.
var LockWait = 5 * time.Second

// BusyError: another process holds the lock and did not let go in time.
type BusyError struct {
	// What is locked ("your data folder HOME", "session ID").
	What string
	// Holder says who holds it, as the holder wrote it: "process 4242
	// (starprep interview), since 10:15:03".
	Holder string
}

func (e *BusyError) Error() string {
	who := "another starprep"
	if e.Holder != "" {
		who += " (" + e.Holder + ")"
	}
	return fmt.Sprintf("%s is writing to %s; try again when it has finished", who, e.What)
}

// Lock is a held lock; Unlock lets it go.
type Lock struct {
	fl *flock.Flock
}

// Unlock releases the lock (a nil Lock is fine).
func (l *Lock) Unlock() {
	if l != nil && l.fl != nil {
		_ = l.fl.Unlock()
	}
}

// LockFile takes the lock file at path (creating it and its folder),
// waiting up to LockWait; what names the thing locked in a *BusyError.
// The holder's process id and command are written into the file, so a
// waiter can say who it is waiting for. The file stays on disk: its being
// there means nothing, only the lock on it does (and the system drops that
// when the holder exits, however it exits).
func LockFile(ctx context.Context, path, what string) (*Lock, error) {
	if err := MkdirAll(filepath.Dir(path)); err != nil {
		return nil, &LockError{Path: path, Err: err}
	}
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(FileMode))
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, LockWait)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, 50*time.Millisecond)
	switch {
	case ok:
	case parent.Err() != nil:
		return nil, parent.Err()
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		raw, _ := infile.ReadFile(path, 1024, "a lock file") // whoever wrote it: bounded, regular files only
		return nil, &BusyError{What: what, Holder: strings.TrimSpace(string(raw))}
	default:
		return nil, &LockError{Path: path, Err: err}
	}
	holder := fmt.Sprintf("process %d (%s), since %s", os.Getpid(), command(), time.Now().Format("15:04:05"))
	if f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, FileMode); err == nil {
		_, _ = f.WriteString(holder + "\n")
		f.Close()
	}
	return &Lock{fl: fl}, nil
}

// LockError: the lock could not be taken at all (a read-only folder, a
// file system without locks).
type LockError struct {
	Path string
	Err  error
}

func (e *LockError) Error() string { return fmt.Sprintf("lock %s: %v", e.Path, e.Err) }
func (e *LockError) Unwrap() error { return e.Err }

// LockHome takes the lock of the home folder (home/.lock).
func LockHome(ctx context.Context, home string) (*Lock, error) {
	return LockFile(ctx, filepath.Join(home, ".lock"), "your data folder "+home)
}

// WithHome runs fn holding the home's lock: for a write, or a check and
// a write that must not be split.
// When the lock cannot be taken at all (a read-only folder, a file
// system without locks) fn runs anyway: its write then says what is wrong,
// or succeeds where only locking is not supported.
func WithHome(home string, fn func() error) error {
	l, err := LockHome(context.Background(), home)
	var le *LockError
	if err != nil && !errors.As(err, &le) {
		return err
	}
	defer l.Unlock()
	return fn()
}

// command is how this process was started, shortly: "starprep interview".
func command() string {
	args := os.Args
	if len(args) == 0 {
		return "starprep"
	}
	parts := []string{"starprep"}
	for _, a := range args[1:] {
		if strings.HasPrefix(a, "-") || len(parts) == 3 {
			break
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}
