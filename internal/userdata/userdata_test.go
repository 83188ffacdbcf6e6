//go:build unix

package userdata

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestWriteFilePrivateAndAtomic(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	path := filepath.Join(home, "stories", "late.yaml")
	if err := WriteFile(path, []byte("one\n"), FileMode); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{home: DirMode | os.ModeDir, filepath.Dir(path): DirMode | os.ModeDir, path: FileMode} {
		if info, err := os.Stat(p); err != nil || info.Mode() != want {
			t.Errorf("%s: mode %v, want %v (%v)", p, info.Mode(), want, err)
		}
	}
	// A failed write keeps the old file and leaves nothing behind.
	TestOnlySetFault(syscall.ENOSPC)
	err := WriteFile(path, []byte("two\n"), FileMode)
	TestOnlySetFault(nil)
	var we *WriteError
	if !errors.As(err, &we) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("a failed write: %v", err)
	}
	if raw, _ := os.ReadFile(path); string(raw) != "one\n" {
		t.Errorf("the old file became %q", raw)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// An existing file with looser modes is made private when replaced.
	os.Chmod(path, 0o644)
	if err := WriteFile(path, []byte("three\n"), FileMode); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode() != FileMode {
		t.Errorf("mode after a replace: %v", info.Mode())
	}
}

// TestCreateNewIsExclusive races writers for one name: exactly one wins,
// and the file holds the winner's data, whole.
func TestCreateNewIsExclusive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sessions", "20261122-101503.yaml")
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = CreateNew(path, []byte(strings.Repeat(string(rune('a'+i)), 1000)))
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, ErrExists):
			t.Errorf("unexpected error: %v", err)
		}
	}
	raw, _ := os.ReadFile(path)
	if won != 1 || len(raw) != 1000 || strings.Count(string(raw), string(raw[:1])) != 1000 {
		t.Fatalf("%d writers won; the file has %d bytes", won, len(raw))
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestLockWaitsThenNamesTheHolder(t *testing.T) {
	home := t.TempDir()
	held, err := LockHome(context.Background(), home)
	if err != nil {
		t.Fatal(err)
	}
	old := LockWait
	LockWait = 200 * time.Millisecond
	defer func() { LockWait = old }()
	start := time.Now()
	_, err = LockHome(context.Background(), home)
	var busy *BusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "process ") || time.Since(start) < 150*time.Millisecond {
		t.Fatalf("a second lock: %v after %v", err, time.Since(start))
	}
	// A waiter gets the lock as soon as the holder lets go.
	go func() { time.Sleep(50 * time.Millisecond); held.Unlock() }()
	l, err := LockHome(context.Background(), home)
	if err != nil {
		t.Fatalf("after the holder let go: %v", err)
	}
	l.Unlock()
}
