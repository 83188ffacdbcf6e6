//go:build !windows

package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

// TestCoachSetInterviewOnPTY: a set made by coach set is practised with
// interview --set on the real binary: its questions are asked in order.
func TestCoachSetInterviewOnPTY(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	set := filepath.Join(home, "set.yaml")
	if out, err := exec.Command(bin, "--home", home, "coach", "set", "--count", "2", "--seed", "4", "--format", "yaml", "-o", set).CombinedOutput(); err != nil {
		t.Fatalf("coach set: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(set)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := coach.ParseSet(raw, set, bank)
	if err != nil || len(qs) != 2 {
		t.Fatalf("ParseSet: %v, %d questions", err, len(qs))
	}
	s := startOnPTY(t, bin, home, "interview", "--set", set, "--mode", "free")
	s.expect("Question 1 of 2")
	s.expect(strings.Join(strings.Fields(questions.Fill(qs[0].Text, ""))[:4], " "))
	s.expect("Ctrl-D: done")
	s.send("\x03") // Ctrl-C
	if code := s.wait(); code != 130 {
		t.Fatalf("exit %d, want 130\nscreen:\n%s", code, s.term.String())
	}
}
