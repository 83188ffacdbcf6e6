//go:build unix

package infile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/starprep/starprep/internal/yamlfile"
	"golang.org/x/text/encoding/unicode"
)

func utf16(t *testing.T, s string, order unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	t.Parallel()
	text := "id: café\ntext: I listened first.\n"
	for name, raw := range map[string][]byte{
		"utf-8":            []byte(text),
		"utf-8 bom":        append([]byte{0xef, 0xbb, 0xbf}, text...),
		"utf-16le bom":     utf16(t, text, unicode.LittleEndian, unicode.UseBOM),
		"utf-16be bom":     utf16(t, text, unicode.BigEndian, unicode.UseBOM),
		"utf-16le, no bom": utf16(t, text, unicode.LittleEndian, unicode.IgnoreBOM),
		"utf-16be, no bom": utf16(t, text, unicode.BigEndian, unicode.IgnoreBOM),
	} {
		got, err := Decode(raw, "a.yaml")
		if err != nil || string(got) != text {
			t.Errorf("%s: %q, %v; want the text", name, got, err)
		}
		r, err := io.ReadAll(NewReader(bytes.NewReader(raw), "a.yaml"))
		if err != nil || string(r) != text {
			t.Errorf("%s, streamed: %q, %v; want the text", name, r, err)
		}
	}
	for name, raw := range map[string][]byte{
		"utf-32": {0xff, 0xfe, 0, 0, 'a', 0, 0, 0},
		"binary": []byte("text\x00\x01\x02 and more"),
	} {
		_, err := Decode(raw, "a.yaml")
		var ye *yamlfile.Error
		if !errors.As(err, &ye) || !strings.HasPrefix(err.Error(), "a.yaml") {
			t.Errorf("%s: %v, want a problem naming the file", name, err)
		}
		if _, err := io.ReadAll(NewReader(bytes.NewReader(raw), "a.yaml")); !errors.As(err, &ye) {
			t.Errorf("%s, streamed: %v, want a problem naming the file", name, err)
		}
	}
}

func TestReadFileLimitsAndNonRegular(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, 1024, "a question bank"); err == nil || !strings.Contains(err.Error(), "larger than 1 KiB, the limit for a question bank") {
		t.Errorf("big file: %v", err)
	}
	if raw, err := ReadFile(big, 4096, "a question bank"); err != nil || len(raw) != 2048 {
		t.Errorf("under the limit: %d bytes, %v", len(raw), err)
	}
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, "/dev/zero", dir} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(p, 1024, "a question bank"); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), p) {
				t.Errorf("%s: %v, want a refusal naming it", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: reading it hangs", p)
		}
	}
}

func TestSize(t *testing.T) {
	t.Parallel()
	for n, want := range map[int64]string{64 << 10: "64 KiB", 4 << 20: "4 MiB", 3 << 19: "1.5 MiB", 12: "12 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
