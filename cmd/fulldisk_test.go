//go:build linux

package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// mountSmall mounts a tmpfs of 64 KiB on dir (root only, where the
// machine allows it) and returns false when it cannot.
func mountSmall(t *testing.T, dir string, readOnly bool) bool {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	opts := "size=64k,mode=0700"
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Logf("no tmpfs here (%v: %s)", err, out)
		return false
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	if readOnly {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount read-only: %v: %s", err, out)
		}
	}
	return true
}

// fill writes to dir until it is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			return
		}
	}
}

// fullHome (a setup of the table) puts a full 64 KiB tmpfs in place of the
// home. Where none can be mounted, the case cannot be made with the real
// binary; TestHardeningFullDisk covers it with an injected write failure.
func fullHome(t *testing.T, dir string) {
	home := filepath.Join(dir, "home")
	if !mountSmall(t, home, false) {
		t.Skip("no tmpfs can be mounted on this machine; the full disk is covered by TestHardeningFullDisk's injected failure")
	}
	os.MkdirAll(filepath.Join(home, "stories"), 0o700)
	fill(t, home)
}
