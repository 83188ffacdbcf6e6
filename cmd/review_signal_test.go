//go:build !windows

package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReviewInterrupt runs the real binary on a long review and presses
// Ctrl-C (SIGINT) once output has started: it stops at once with exit 130,
// and every line written is a whole JSON result.
func TestReviewInterrupt(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.jsonl")
	gen, err := exec.Command(bin, "gen-answers", "--count", "20000", "--seed", "5").Output()
	if err != nil {
		t.Fatalf("gen-answers: %v", err)
	}
	if err := os.WriteFile(answers, gen, 0o644); err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(dir, "out.jsonl")
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd := exec.Command(bin, "review", answers, "--format", "jsonl")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.Env = []string{"HOME=" + dir, "STARPREP_HOME=" + dir, "PATH=" + os.Getenv("PATH")}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if info, err := os.Stat(outPath); err == nil && info.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("no output within 30s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	stopped := time.Since(sent)
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d (%v), want 130; stderr %q", code, err, stderr.String())
	}
	if stopped > 5*time.Second {
		t.Errorf("took %v to stop after SIGINT", stopped)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr %q does not say it was interrupted", stderr.String())
	}
	written, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) == 0 || written[len(written)-1] != '\n' {
		t.Fatalf("output does not end with a whole line (%d bytes)", len(written))
	}
	lines := strings.Split(strings.TrimSuffix(string(written), "\n"), "\n")
	if len(lines) >= 20000 {
		t.Fatalf("all %d answers were written: the interrupt was not seen", len(lines))
	}
	for i, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil || v["schema"] != "starprep.score/v1" {
			t.Fatalf("line %d is not a whole result: %v %.80q", i+1, err, l)
		}
	}
}
