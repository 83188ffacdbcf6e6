//go:build !windows

package cmd

// These tests run the real starprep binary on a pseudo-terminal of 80x24,
// the smallest common screen, as a person meets it. A vt10x emulator sits
// on the other side of the pty: it keeps the screen (so a test can ask what
// is on it) and answers survey's cursor-position query; go-expect drives
// the keyboard. Output only flows while an Expect call runs, so every key
// is sent after the text it answers is on the screen.
//
// The answer box redraws its clock every second, and each redraw resets
// go-expect's read deadline, so a missing text would never time out on its
// own: every test is bounded by its own timer, which kills the program.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"github.com/starprep/starprep/coach"
)

// Keys as a terminal sends them.
const (
	keyLeft  = "\x1b[D"
	keyRight = "\x1b[C"
	keyUp    = "\x1b[A"
	keyHome  = "\x1b[H"
	keyEnd   = "\x1b[F"
	keyEnter = "\r"
	keyDone  = "\x04" // Ctrl-D
	keyStop  = "\x03" // Ctrl-C
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// TestMain removes the binary the pseudo-terminal tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// buildBinary compiles starprep once for all the tests of this run.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "starprep-pty-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "starprep")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/starprep/starprep/cmd/starprep").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// ptySession is the binary running on a pty behind an emulated screen.
type ptySession struct {
	t    *testing.T
	c    *expect.Console
	tty  *os.File // the emulator's side, where it writes its replies
	term vt10x.Terminal
	cmd  *exec.Cmd
	// timedOut is set when the test's own timer killed the program.
	mu       sync.Mutex
	timedOut bool
}

// ptyLimit bounds one test.
const ptyLimit = 60 * time.Second

func startOnPTY(t *testing.T, bin, home string, args ...string) *ptySession {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	term := vt10x.New(vt10x.WithWriter(tty), vt10x.WithSize(80, 24))
	c, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(&unknownCSIFilter{w: term}), expect.WithCloser(ptm, tty),
		expect.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatalf("console: %v", err)
	}
	if err := pty.Setsize(c.Tty(), &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatalf("set size: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.Tty(), c.Tty(), c.Tty()
	cmd.Env = []string{"HOME=" + home, "STARPREP_HOME=" + home, "NO_COLOR=1", "TERM=xterm", "PATH=" + os.Getenv("PATH")}
	// The pty is the program's controlling terminal, so that a resize
	// reaches it as SIGWINCH.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	s := &ptySession{t: t, c: c, tty: tty, term: term, cmd: cmd}
	timer := time.AfterFunc(ptyLimit, func() {
		s.mu.Lock()
		s.timedOut = true
		s.mu.Unlock()
		_ = cmd.Process.Kill()
		c.Close()
	})
	t.Cleanup(func() {
		timer.Stop()
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
		c.Close()
	})
	return s
}

func (s *ptySession) failf(format string, args ...any) {
	s.t.Helper()
	s.mu.Lock()
	late := s.timedOut
	s.mu.Unlock()
	if late {
		format = "(stopped after " + ptyLimit.String() + ") " + format
	}
	s.t.Fatalf(format+"\nscreen:\n%s", append(args, s.screen())...)
}

// screen is what the emulator shows, trailing blanks cut.
func (s *ptySession) screen() string {
	var rows []string
	for _, r := range strings.Split(s.term.String(), "\n") {
		rows = append(rows, strings.TrimRight(r, " "))
	}
	return strings.TrimRight(strings.Join(rows, "\n"), "\n")
}

// expect waits for text in the output stream.
func (s *ptySession) expect(text string) {
	s.t.Helper()
	if _, err := s.c.ExpectString(text); err != nil {
		s.failf("waiting for %q: %v", text, err)
	}
}

// onScreen waits until every one of texts is on the screen at once.
func (s *ptySession) onScreen(texts ...string) {
	s.t.Helper()
	if _, err := s.c.Expect(expect.WithTimeout(20*time.Second), func(o *expect.ExpectOpts) error {
		o.Matchers = append(o.Matchers, &screenMatcher{s: s, texts: texts})
		return nil
	}); err != nil {
		s.failf("waiting for %q on the screen: %v", texts, err)
	}
}

// screenMatcher matches when the emulated screen shows every text.
type screenMatcher struct {
	s     *ptySession
	texts []string
	n     int
}

func (m *screenMatcher) Match(v any) bool {
	if _, ok := v.(*bytes.Buffer); !ok {
		return false
	}
	m.n++
	if m.n%16 != 0 { // the screen is read every few bytes, not every one
		return false
	}
	screen := m.s.term.String()
	for _, t := range m.texts {
		if !strings.Contains(screen, t) {
			return false
		}
	}
	return true
}

func (m *screenMatcher) Criteria() any { return m.texts }

// send types keys once the prompt has shown and the terminal is in raw mode.
func (s *ptySession) send(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		time.Sleep(60 * time.Millisecond)
		if _, err := s.c.Send(k); err != nil {
			s.failf("send %q: %v", k, err)
		}
	}
}

// box waits for the answer box named label and types text into it.
func (s *ptySession) box(label, text string) {
	s.t.Helper()
	s.onScreen("? "+label, "Ctrl-D: done")
	s.send(strings.ReplaceAll(text, "\n", keyEnter), keyDone)
}

// resize gives the terminal a new size, as a window manager would.
func (s *ptySession) resize(cols, rows int) {
	s.t.Helper()
	s.term.Resize(cols, rows)
	if err := pty.Setsize(s.c.Tty(), &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		s.failf("resize: %v", err)
	}
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
		s.failf("wait: %v", err)
	}
	return 0
}

// unknownCSIFilter passes output to the emulator without the control
// sequences vt10x does not know and would garble the screen with:
// bubbletea's keyboard-protocol requests (CSI > ... u, CSI ? u, CSI > 4;2 m)
// and queries with intermediate bytes (CSI ? 2026 $ p, cursor shapes).
// go-expect writes one rune at a time, so it keeps the sequence it is in.
type unknownCSIFilter struct {
	w   interface{ Write([]byte) (int, error) }
	seq []byte
}

func (f *unknownCSIFilter) Write(p []byte) (int, error) {
	if len(f.seq) == 0 && bytes.IndexByte(p, 0x1b) < 0 {
		return f.w.Write(p) // text, a whole rune at a time
	}
	for _, b := range p {
		switch {
		case len(f.seq) == 0 && b == 0x1b:
			f.seq = append(f.seq, b)
		case len(f.seq) == 1:
			f.seq = append(f.seq, b)
			if b != '[' { // not a CSI: pass it on
				if _, err := f.w.Write(f.seq); err != nil {
					return 0, err
				}
				f.seq = f.seq[:0]
			}
		case len(f.seq) > 1:
			f.seq = append(f.seq, b)
			if b >= 0x40 && b <= 0x7e { // the final byte
				if !droppedCSI(f.seq) {
					if _, err := f.w.Write(f.seq); err != nil {
						return 0, err
					}
				}
				f.seq = f.seq[:0]
			}
		default:
			if _, err := f.w.Write([]byte{b}); err != nil {
				return 0, err
			}
		}
	}
	return len(p), nil
}

func droppedCSI(seq []byte) bool {
	body := seq[2:]
	if len(body) > 0 && bytes.IndexByte([]byte("<=>"), body[0]) >= 0 {
		return true
	}
	final := body[len(body)-1]
	if final == 'u' {
		return true
	}
	for _, b := range body[:len(body)-1] {
		if b >= 0x20 && b <= 0x2f { // an intermediate byte
			return true
		}
	}
	return false
}

// onlySession loads the one session saved under home.
func onlySession(t *testing.T, home string) string {
	t.Helper()
	files := sessionFiles(t, home)
	if len(files) != 1 {
		t.Fatalf("session files %v", files)
	}
	return files[0]
}

func TestInterviewOnPTYCardAndMenuFitTheScreen(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	bank, _ := filepath.Abs(testBankFile)
	s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "2", "--seed", "1")

	s.expect("Question 1 of 2")
	s.box("Situation", "It was busy.")
	s.box("Task", "")
	s.onScreen("Nothing written for the Task.")
	s.send("l", keyEnter) // leave it out: typing a letter narrows the menu
	s.box("Action", "We fixed it.")
	s.box("Result", "In the end it was fine.")
	// At 80x24 the score, the parts, the top tip and the whole menu are
	// on the screen together.
	s.onScreen("What next?", "> Next question", "Stop here: see the summary")
	for _, want := range []string{"Score: ", "Situation ", "✗  missing", "Top tip:"} {
		if !strings.Contains(s.screen(), want) {
			s.failf("the menu is on the screen, but %q has scrolled away", want)
		}
	}
	s.send("r", keyEnter)
	s.expect("Attempt 2")
	s.box("Situation", "Last spring at a phone company a customer called about a double charge of 240 dollars on his bill.")
	s.box("Task", "I had to find the cause and get the money back before the call ended.")
	s.box("Action", "I listened, checked the billing history in our CRM and found the duplicate.\nI raised a refund while he was on the line and called him back three days later.")
	s.box("Result", "The refund arrived in three days and he rated the call 5 out of 5.")
	s.onScreen("Attempt 2 scored", "Score: ", "What next?", "Stop here: see the summary")
	s.send(keyEnter) // the default: next question

	s.expect("Question 2 of 2")
	s.box("Situation", "On Black Friday the chat queue hit 90 customers.")
	s.box("Task", "Keep every customer informed.")
	s.box("Action", "I sorted chats by urgency and told everyone an honest wait time.")
	s.box("Result", "Nobody waited more than 18 minutes.")
	s.onScreen("What next?", "Finish: see the summary")
	s.send("f", keyEnter)
	s.expect("Your interview")
	s.expect("Saved to")
	if code := s.wait(); code != 0 {
		s.failf("exit %d", code)
	}
	sess, err := coach.Load(onlySession(t, home))
	if err != nil {
		t.Fatal(err)
	}
	if !sess.Finished || len(sess.Answers) != 3 || sess.Next != 2 || sess.Draft != nil {
		t.Fatalf("session = %+v", sess)
	}
	if a := sess.Answers[0].STAR; a.Task != "" || a.Result != "In the end it was fine." {
		t.Errorf("first attempt saved as %+v", a)
	}
	if got := sess.Answers[1].STAR.Action; got != "I listened, checked the billing history in our CRM and found the duplicate.\nI raised a refund while he was on the line and called him back three days later." {
		t.Errorf("a two-line action was saved as %q", got)
	}
}

func TestInterviewOnPTYEditingAndResize(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	bank, _ := filepath.Abs(testBankFile)
	s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "1", "--seed", "1", "--mode", "free")

	s.onScreen("? Your answer", "Ctrl-D: done")
	// A typo fixed with Left, another with Home and Right, then an earlier
	// line reached with Up.
	s.send("At my job I hlped", keyLeft, keyLeft, keyLeft, keyLeft, "e", keyEnd, " a caller.", keyEnter,
		"Secnd line", keyHome, keyRight, keyRight, keyRight, "o", keyEnd, keyUp, keyHome, "Then ")
	s.onScreen("┃ Then At my job I helped a caller.", "┃ Second line")
	// A long line, then a narrower window: the text wraps again.
	long := ", in the busiest week of the year, when the queue was longer than I had ever seen it"
	s.send(keyEnd, keyLeft, long) // at the end of the line, before its full stop
	s.onScreen("ever seen it.")
	rows := boxRows(s.screen())
	s.resize(50, 24)
	s.onScreen("┃ Second line", "…") // redrawn: the reminder is cut to the width
	if narrow := boxRows(s.screen()); narrow <= rows {
		s.failf("the box takes %d rows at 50 columns and %d at 80: the text did not wrap again", narrow, rows)
	}
	for _, line := range strings.Split(s.screen(), "\n") {
		if strings.HasPrefix(line, "┃") && len([]rune(line)) > 50 {
			s.failf("a line of the box is wider than the 50-column window: %q", line)
		}
	}
	s.send(keyDone)
	s.onScreen("What next?")
	s.send("f", keyEnter)
	s.expect("Saved to")
	if code := s.wait(); code != 0 {
		s.failf("exit %d", code)
	}
	sess, err := coach.Load(onlySession(t, home))
	if err != nil {
		t.Fatal(err)
	}
	want := "Then At my job I helped a caller" + long + ".\nSecond line"
	if got := sess.Answers[0].Text; got != want {
		t.Errorf("saved text:\n%q\nwant:\n%q", got, want)
	}
}

// boxRows counts the rows of the answer box that hold text.
func boxRows(screen string) int {
	n := 0
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(line, "┃ ") && strings.TrimSpace(strings.TrimPrefix(line, "┃")) != "" {
			n++
		}
	}
	return n
}

func TestInterviewOnPTYCtrlCKeepsTheDraftAndResumeOffersIt(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	bank, _ := filepath.Abs(testBankFile)
	s := startOnPTY(t, bin, home, "interview", "--bank", bank, "--category", "behavioral", "--count", "2", "--seed", "1", "--time-limit", "1m")
	s.expect("Question 1 of 2")
	s.onScreen("? Situation · 0:0", "of 1:00") // the clock runs against the limit
	s.box("Situation", "A busy Monday on the phones at a broadband provider.")
	s.onScreen("? Task")
	s.send("I took her seventh call")
	s.onScreen("┃ I took her seventh call")
	s.send(keyStop)
	s.expect("kept as a draft")
	s.expect("interview --resume")
	if code := s.wait(); code != 130 {
		s.failf("exit %d, want 130", code)
	}
	path := onlySession(t, home)
	sess, err := coach.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := sess.Draft; sess.Finished || d == nil || d.Part != "task" || d.STAR.Situation != "A busy Monday on the phones at a broadband provider." || d.STAR.Task != "I took her seventh call" {
		t.Fatalf("after Ctrl-C the session is %+v, draft %+v", sess, sess.Draft)
	}
	if entries, _ := os.ReadDir(filepath.Join(home, "sessions")); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	// --resume offers the draft back, in the Task, with the time limit kept.
	s = startOnPTY(t, bin, home, "interview", "--bank", bank, "--resume")
	s.onScreen("You stopped while typing your answer (15 words, in the Task", "Pick up that draft?")
	s.send(keyEnter) // yes, the default
	s.onScreen("? Situation (from your draft)", "? Task · 0:", "of 1:00", "┃ I took her seventh call")
	s.send(" and owned the case.", keyDone)
	s.box("Action", "I read every note.")
	s.box("Result", "It was fixed that week.")
	s.onScreen("What next?")
	s.send("s", keyEnter) // stop here
	s.expect("Your interview")
	if code := s.wait(); code != 0 {
		s.failf("exit %d", code)
	}
	sess, _ = coach.Load(path)
	if len(sess.Answers) != 1 || sess.Answers[0].STAR.Task != "I took her seventh call and owned the case." || sess.Draft != nil || sess.TimeLimit != "1m0s" {
		t.Errorf("resumed session = %+v", sess)
	}
}
