//go:build linux

package cmd

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"golang.org/x/sys/unix"
)

// cooked reports whether the terminal behind fd echoes and edits lines, as
// a shell needs it (a program that died in raw mode leaves both off).
func cooked(t *testing.T, s *ptySession) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(s.c.Tty().Fd()), unix.TCGETS)
	if err != nil {
		t.Fatalf("termios: %v", err)
	}
	return tio.Lflag&unix.ECHO != 0 && tio.Lflag&unix.ICANON != 0
}

// TestSignalsRestoreTheTerminalAndSaveTheDraft sends SIGTERM and SIGHUP
// while an answer is being typed into the box, and SIGTERM at a menu: the
// program stops at once with 128 + the signal, the terminal is back in
// cooked mode, and what was typed is saved as the session's draft.
func TestSignalsRestoreTheTerminalAndSaveTheDraft(t *testing.T) {
	bin := buildBinary(t)
	bank, _ := filepath.Abs(testBankFile)
	for _, c := range []struct {
		name  string
		sig   syscall.Signal
		code  int
		menu  bool
		words string
	}{
		{"SIGTERM in the answer box", syscall.SIGTERM, 143, false, "SIGTERM"},
		{"SIGHUP in the answer box", syscall.SIGHUP, 129, false, "SIGHUP"},
		{"SIGTERM at a menu", syscall.SIGTERM, 143, true, "SIGTERM"},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "2", "--seed", "1", "--mode", "free")
			s.expect("Question 1 of 2")
			if c.menu {
				s.box("Your answer", "Last May a caller shouted about a late parcel. I listened, traced it and called her back the next day.")
				s.onScreen("What next?")
			} else {
				s.onScreen("? Your answer", "Ctrl-D: done")
				s.send("I took her seventh call")
				s.onScreen("┃ I took her seventh call")
			}
			time.Sleep(200 * time.Millisecond)
			sent := time.Now()
			if err := s.cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				_, _ = s.c.ExpectEOF()
			}()
			_ = s.cmd.Wait()
			if d := time.Since(sent); d > 3*time.Second {
				t.Errorf("took %v to stop", d)
			}
			restored := cooked(t, s) // before the terminal is closed
			s.c.Tty().Close()
			<-done
			if code := s.cmd.ProcessState.ExitCode(); code != c.code {
				s.failf("exit %d, want %d", code, c.code)
			}
			if !restored {
				t.Error("the terminal was left in raw mode (no echo or no line editing)")
			}
			if !strings.Contains(s.screen(), c.words) {
				s.failf("the screen does not say it was stopped by %s", c.words)
			}
			sess, err := coach.Load(onlySession(t, home))
			if err != nil {
				t.Fatal(err)
			}
			if c.menu {
				if len(sess.Answers) != 1 || !strings.Contains(sess.Answers[0].Text, "traced it") {
					t.Errorf("the answer given before the signal is not saved: %+v", sess.Answers)
				}
			} else if sess.Draft == nil || sess.Draft.Text != "I took her seventh call" {
				t.Errorf("the answer being typed is not kept as a draft: %+v", sess.Draft)
			}
		})
	}
}
