//go:build !windows

package cmd

// These tests run the real starprep binary on a pseudo-terminal. survey asks
// the terminal where the cursor is before some prompts (a yes/no question),
// so a vt10x emulator sits on the other side of the pty to answer; go-expect
// drives the keyboard. Output is only read, and so the emulator only answers,
// while an Expect call runs: each answer is sent after its prompt text shows
// (and a short pause, so the prompt has put the terminal in raw mode) and
// before the next Expect, so keys never share a read with the emulator's
// reply (survey drops keys that do).

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"github.com/starprep/starprep/coach"
)

// buildBinary compiles starprep into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "starprep")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/starprep/starprep/cmd/starprep").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// ptySession is the binary running on a pty behind an 80x30 emulator.
type ptySession struct {
	t    *testing.T
	c    *expect.Console
	term vt10x.Terminal
	cmd  *exec.Cmd
}

func startOnPTY(t *testing.T, bin string, home string, args ...string) *ptySession {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	term := vt10x.New(vt10x.WithWriter(tty), vt10x.WithSize(80, 30))
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(term), expect.WithCloser(ptm, tty),
		expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatalf("console: %v", err)
	}
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 80, Rows: 30}); err != nil {
		t.Fatalf("set size: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	cmd.Env = []string{"HOME=" + home, "STARPREP_HOME=" + home, "NO_COLOR=1", "TERM=xterm", "PATH=" + os.Getenv("PATH")}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	s := &ptySession{t: t, c: c, term: term, cmd: cmd}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		c.Close()
	})
	return s
}

// expect waits for text on the screen stream.
func (s *ptySession) expect(text string) {
	s.t.Helper()
	if _, err := s.c.ExpectString(text); err != nil {
		s.t.Fatalf("waiting for %q: %v\nscreen:\n%s", text, err, s.term.String())
	}
}

// send types keys once the prompt has shown and the terminal is in raw mode.
func (s *ptySession) send(keys string) {
	s.t.Helper()
	time.Sleep(150 * time.Millisecond)
	if _, err := s.c.Send(keys); err != nil {
		s.t.Fatalf("send %q: %v", keys, err)
	}
}

// part answers the next STAR prompt named label.
func (s *ptySession) part(label, text string) {
	s.t.Helper()
	s.expect(label)
	s.expect("[Enter 2 empty lines to finish]")
	if text == "" {
		s.send("\r\r")
		return
	}
	s.send(strings.ReplaceAll(text, "\n", "\r") + "\r\r\r")
}

// wait closes the terminal once the program ends and returns its exit code.
func (s *ptySession) wait() int {
	s.t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = s.c.ExpectEOF()
	}()
	err := s.cmd.Wait()
	s.c.Tty().Close()
	<-done
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		s.t.Fatalf("wait: %v", err)
	}
	return 0
}

func TestInterviewOnPTYTwoQuestions(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	bank, _ := filepath.Abs(testBankFile)
	s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "2", "--seed", "1")

	s.expect("Question 1 of 2")
	s.part("Situation", "It was busy.")
	s.part("Task", "")
	s.part("Action", "We fixed it.")
	s.part("Result", "")
	s.expect("Score:")
	s.expect("What next?")
	s.send("retry\r") // typing filters the menu
	s.expect("Attempt 2")
	s.part("Situation", "Last spring at a phone company a customer called about a double charge of 240 dollars on his bill.")
	s.part("Task", "I had to find the cause and get the money back before the call ended.")
	s.part("Action", "I listened, checked the billing history in our CRM and found the duplicate.\nI raised a refund while he was on the line and called him back three days later.")
	s.part("Result", "The refund arrived in three days and he rated the call 5 out of 5.")
	s.expect("Attempt 2 scored")
	s.expect("What next?")
	s.send("\r") // the default: next question

	s.expect("Question 2 of 2")
	s.part("Situation", "On Black Friday the chat queue hit 90 customers.")
	s.part("Task", "Keep every customer informed.")
	s.part("Action", "I sorted chats by urgency and told everyone an honest wait time.")
	s.part("Result", "Nobody waited more than 18 minutes.")
	s.expect("What next?")
	s.send("\r") // finish
	s.expect("Your interview")
	s.expect("Saved to")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\nscreen:\n%s", code, s.term.String())
	}

	files := sessionFiles(t, home)
	if len(files) != 1 {
		t.Fatalf("session files %v", files)
	}
	sess, err := coach.Load(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if !sess.Finished || len(sess.Answers) != 3 || sess.Next != 2 {
		t.Fatalf("session = %+v", sess)
	}
	if got := sess.Answers[1].STAR.Action; got != "I listened, checked the billing history in our CRM and found the duplicate.\nI raised a refund while he was on the line and called him back three days later." {
		t.Errorf("a two-line action was saved as %q", got)
	}
	if sess.Answers[2].QuestionID != sess.QuestionIDs[1] || sess.Answers[2].STAR.Result != "Nobody waited more than 18 minutes." {
		t.Errorf("second answer = %+v", sess.Answers[2])
	}
}

func TestInterviewOnPTYCtrlCKeepsFirstAnswer(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	bank, _ := filepath.Abs(testBankFile)
	s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "2", "--seed", "1")

	s.expect("Question 1 of 2")
	s.part("Situation", "A busy Monday on the phones.")
	s.part("Task", "Keep waits short.")
	s.part("Action", "I triaged the calls by urgency.")
	s.part("Result", "Waits stayed under ten minutes.")
	s.expect("What next?")
	s.send("\r")
	s.expect("Question 2 of 2")
	s.expect("Situation")
	s.expect("[Enter 2 empty lines to finish]")
	s.send("\x03") // Ctrl-C
	s.expect("Stopped.")
	s.expect("interview --resume")
	if code := s.wait(); code != 130 {
		t.Fatalf("exit %d, want 130\nscreen:\n%s", code, s.term.String())
	}

	files := sessionFiles(t, home)
	if len(files) != 1 {
		t.Fatalf("session files %v", files)
	}
	sess, err := coach.Load(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if sess.Finished || len(sess.Answers) != 1 || sess.Next != 1 {
		t.Fatalf("after Ctrl-C the session is %+v", sess)
	}
	if a := sess.Answers[0]; a.STAR == nil || a.STAR.Result != "Waits stayed under ten minutes." || a.QuestionID != sess.QuestionIDs[0] {
		t.Errorf("first answer on disk = %+v", a)
	}
	if entries, _ := os.ReadDir(filepath.Join(home, "sessions")); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
