//go:build linux

package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// seedSession writes a finished session with one answer into home and
// returns its path and bytes.
func seedSession(t *testing.T, home string) (string, []byte) {
	t.Helper()
	path := filepath.Join(home, "sessions", "20261122-101503.yaml")
	s := &star.Session{ID: "20261122-101503", StartedAt: time.Date(2026, 11, 22, 10, 15, 3, 0, time.UTC), Mode: "free",
		QuestionIDs: []string{"shouting-customer"}, Next: 1,
		Answers: []star.Answer{{QuestionID: "shouting-customer", Text: "I listened and rebooked the parcel."}}}
	if err := coach.Save(path, s); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, raw
}

// TestHardeningCrashBetweenWriteAndRename kills a process (SIGKILL) after
// it wrote the new text of a session and before the rename: the session
// file is the old one, byte for byte, and the next listing and save go on
// as if nothing happened.
func TestHardeningCrashBetweenWriteAndRename(t *testing.T) {
	home := t.TempDir()
	path, old := seedSession(t, home)
	c := helper(t, "crash-save", home, "STARPREP_HELPER_PATH="+path)
	err := c.Run()
	var ee interface{ Sys() any }
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("the helper was not killed mid-write: %v", err)
		}
	} else {
		t.Fatalf("the helper was not killed mid-write: %v", err)
	}
	now, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(now, old) {
		t.Fatalf("the session changed after a crash before the rename (%v):\n%s", err, now)
	}
	saved, problems := coach.SessionsDir(home).List()
	if len(problems) > 0 || len(saved) != 1 {
		t.Fatalf("after the crash the store lists %d sessions, problems %v", len(saved), problems)
	}
	// The crash's temporary file is hidden and ignored; a new save works.
	saved[0].Answers = append(saved[0].Answers, star.Answer{QuestionID: "x", Text: "I called back."})
	if err := coach.Save(path, saved[0].Session); err != nil {
		t.Fatal(err)
	}
	if s, err := coach.Load(path); err != nil || len(s.Answers) != 2 {
		t.Fatalf("save after the crash: %v, %+v", err, s)
	}
}

// TestHardeningReadOnlyHome saves into a home that became read-only: the
// write fails with a message naming the file, the old file is intact, and
// nothing is left behind. A read-only tmpfs where one can be mounted (root
// is not stopped by file modes), else an injected EROFS.
func TestHardeningReadOnlyHome(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	how := "read-only tmpfs"
	var path string
	var old []byte
	if mountSmall(t, home, false) {
		path, old = seedSession(t, home)
		if out, err := execCommand("mount", "-o", "remount,ro", home); err != nil {
			t.Fatalf("remount read-only: %v: %s", err, out)
		}
	} else {
		how = "injected EROFS"
		path, old = seedSession(t, home)
		userdata.TestOnlySetFault(syscall.EROFS)
		defer userdata.TestOnlySetFault(nil)
	}
	t.Logf("read-only home: %s", how)
	s, err := coach.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Answers = append(s.Answers, star.Answer{QuestionID: "x", Text: "new"})
	err = coach.Save(path, s)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "read-only file system") {
		t.Fatalf("save into a read-only home: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Fatal("the session changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestHardeningFullDisk answers a question in an interview whose home
// fills up: the answer is not lost (the person is asked, chooses to stop,
// and the answer is printed), the exit says what the session file still
// holds, and the file is its last good save. A 64 KiB tmpfs where one can
// be mounted, and an injected ENOSPC in any case.
func TestHardeningFullDisk(t *testing.T) {
	t.Run("injected ENOSPC", func(t *testing.T) {
		home := t.TempDir()
		userdata.TestOnlySetFault(nil)
		script := &coach.Script{Replies: []coach.Reply{coach.Say("", helperAnswer), coach.Pick("Try saving again"), coach.Pick("Stop")}}
		var out, warn bytes.Buffer
		var iv *coach.Interview
		iv = fullDiskInterview(home, script, &out, &warn)
		// The session is created; then the disk fills before the answer.
		iv.Prompter = &faultAfterFirst{Script: script}
		_, err := iv.Run(t.Context())
		userdata.TestOnlySetFault(nil)
		checkFullDisk(t, home, err, out.String())
	})
	t.Run("tmpfs", func(t *testing.T) {
		home := filepath.Join(t.TempDir(), "home")
		if !mountSmall(t, home, false) {
			t.Log("no tmpfs: the injected case above stands for it")
			return
		}
		// The session is made first; the disk is filled while the answer
		// is typed, as the person's other programs might.
		c := helper(t, "interview-full", home, "STARPREP_HELPER_FILL=1")
		var out, errOut bytes.Buffer
		c.Stdout, c.Stderr = &out, &errOut
		err := c.Run()
		code := -1
		if c.ProcessState != nil {
			code = c.ProcessState.ExitCode()
		}
		if code != 1 {
			t.Fatalf("exit %d (%v), want 1\n%s\n%s", code, err, out.String(), errOut.String())
		}
		checkFullDiskText(t, out.String()+errOut.String())
	})
}

// faultAfterFirst makes every write fail (ENOSPC) from the first answer
// box on, as a disk that filled up after the session was created.
type faultAfterFirst struct{ *coach.Script }

func (f *faultAfterFirst) Answer(req coach.AnswerRequest) (string, error) {
	userdata.TestOnlySetFault(syscall.ENOSPC)
	return f.Script.Answer(req)
}

func fullDiskInterview(home string, p coach.Prompter, out, warn *bytes.Buffer) *coach.Interview {
	iv := helperInterviewSettings(home)
	iv.Prompter, iv.Out, iv.Warn = p, out, warn
	return iv
}

func checkFullDisk(t *testing.T, home string, err error, out string) {
	t.Helper()
	var se *coach.SaveError
	if !errors.As(err, &se) {
		t.Fatalf("the interview ended with %v, want a *coach.SaveError\n%s", err, out)
	}
	if code := exitCode(interviewError(err)); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	checkFullDiskText(t, out+err.Error())
	s, lerr := coach.Load(se.Path)
	if lerr != nil || len(s.Answers) != 0 {
		t.Errorf("the session file is not its last good save: %v %+v", lerr, s)
	}
}

func checkFullDiskText(t *testing.T, text string) {
	t.Helper()
	for _, want := range []string{"no space left on device", "could not be saved", "still holds 0 answers", "traced it in the courier portal"} {
		if !strings.Contains(text, want) {
			t.Errorf("the output does not say %q:\n%s", want, text)
		}
	}
}

// TestHardeningTwoProcesses runs processes against one home at once:
// interviews started in the same second get sessions of their own (none
// is lost), and a process that wants the home while another holds its lock
// waits, then says which process holds it.
func TestHardeningTwoProcesses(t *testing.T) {
	t.Run("interviews in the same second", func(t *testing.T) {
		home := t.TempDir()
		const n = 4
		now := strconv.FormatInt(time.Date(2026, 11, 22, 10, 15, 3, 0, time.UTC).Unix(), 10)
		var wg sync.WaitGroup
		outs := make([]string, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := helper(t, "interview", home, "STARPREP_HELPER_NOW="+now)
				out, err := c.CombinedOutput()
				if err != nil {
					t.Errorf("interview %d: %v\n%s", i, err, out)
				}
				outs[i] = string(out)
			}()
		}
		wg.Wait()
		saved, problems := coach.SessionsDir(home).List()
		if len(problems) > 0 || len(saved) != n {
			t.Fatalf("%d sessions saved (problems %v), want %d:\n%s", len(saved), problems, n, strings.Join(outs, "\n"))
		}
		ids := map[string]bool{}
		for _, s := range saved {
			ids[s.ID] = true
			if len(s.Answers) != 1 || !s.Finished {
				t.Errorf("session %s: %d answers, finished %v", s.ID, len(s.Answers), s.Finished)
			}
		}
		if len(ids) != n {
			t.Errorf("ids %v: some sessions share one", ids)
		}
	})
	t.Run("a held lock", func(t *testing.T) {
		home := t.TempDir()
		holder := helper(t, "hold-lock", home)
		startHelper(t, holder)
		old := userdata.LockWait
		userdata.LockWait = 300 * time.Millisecond
		defer func() { userdata.LockWait = old }()
		started := time.Now()
		_, err := (&coach.Stories{Dir: filepath.Join(home, "stories")}).Save(&storyFixture)
		waited := time.Since(started)
		var busy *userdata.BusyError
		if !errors.As(err, &busy) || !strings.Contains(err.Error(), "process "+strconv.Itoa(holder.Process.Pid)) {
			t.Fatalf("save while another process holds the lock: %v", err)
		}
		if waited < 250*time.Millisecond {
			t.Errorf("gave up after %v without waiting", waited)
		}
		if _, err := os.Stat(filepath.Join(home, "stories", "late.yaml")); err == nil {
			t.Error("the story was written while another process held the lock")
		}
		// Once the holder is gone, the lock is free at once.
		_ = holder.Process.Kill()
		_ = holder.Wait()
		if _, err := (&coach.Stories{Dir: filepath.Join(home, "stories")}).Save(&storyFixture); err != nil {
			t.Fatalf("save after the holder died: %v", err)
		}
	})
}

var storyFixture = questions.Story{ID: "late", Title: "Late parcel", Competencies: []string{"empathy"},
	STAR: questions.StoryParts{Situation: "A parcel was a week late.", Task: "I owned the case.", Action: "I traced and rebooked it.", Result: "It came the next day."}}

func execCommand(name string, args ...string) ([]byte, error) {
	return exec.Command(name, args...).CombinedOutput()
}

// TestHardeningHomeIsAFile starts an interview whose home is a file (the
// issue's spin at 90% CPU): it stops at once, naming the path.
func TestHardeningHomeIsAFile(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	if err := os.WriteFile(home, []byte("not a folder\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := helper(t, "interview", home)
	start := time.Now()
	out, err := c.CombinedOutput()
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("took %v", took)
	}
	if c.ProcessState == nil || c.ProcessState.ExitCode() != 1 || !strings.Contains(string(out), home) || !strings.Contains(string(out), "not a directory") {
		t.Fatalf("exit %v (%v):\n%s", c.ProcessState, err, out)
	}
	if raw, _ := os.ReadFile(home); string(raw) != "not a folder\n" {
		t.Errorf("the file became %q", raw)
	}
}
