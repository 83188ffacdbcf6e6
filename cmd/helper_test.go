//go:build linux

package cmd

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// The tests of two processes, crashes and full disks run this test binary
// again as a helper process (the os/exec tests' pattern): the helper does
// one thing a starprep process does, in a way a test can time and break.

const helperAnswer = "Last May a caller shouted about a parcel that was a week late. I listened, said sorry, traced it in the courier portal and rebooked it for the next morning. I called her back at noon to check it had come; she thanked me and our CSAT for the week went up."

// helper runs this test binary as a helper in mode, with home as the
// user's data folder; env adds settings.
func helper(t *testing.T, mode, home string, env ...string) *exec.Cmd {
	t.Helper()
	c := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	c.Env = append([]string{"STARPREP_HELPER=" + mode, "STARPREP_HOME=" + home, "HOME=" + home, "PATH=" + os.Getenv("PATH")}, env...)
	return c
}

// TestHelperProcess is not a test: it is the helper process's body, and
// does nothing unless STARPREP_HELPER is set.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("STARPREP_HELPER")
	if mode == "" {
		return
	}
	home := os.Getenv("STARPREP_HOME")
	code := 0
	switch mode {
	case "interview", "interview-full":
		code = helperInterview(home, mode == "interview-full")
	case "hold-lock":
		// Take the home's lock, say so, and hold it until killed.
		var l *userdata.Lock
		var err error
		if rel := os.Getenv("STARPREP_HELPER_LOCK"); rel != "" {
			l, err = userdata.LockFile(context.Background(), filepath.Join(home, rel), rel)
		} else {
			l, err = userdata.LockHome(context.Background(), home)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("locked")
		time.Sleep(time.Minute)
		l.Unlock()
	case "crash-save":
		// Save a session, but die (SIGKILL, as a crash would) after the new
		// text is written and before it replaces the old file.
		path := os.Getenv("STARPREP_HELPER_PATH")
		s, err := coach.Load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		s.Answers = append(s.Answers, star.Answer{QuestionID: "x", Text: "a new answer that must never show up half written"})
		userdata.TestOnlySetBeforeRename(func(string) { _ = syscall.Kill(os.Getpid(), syscall.SIGKILL) })
		_ = coach.Save(path, s)
		code = 3 // not reached
	default:
		code = 2
	}
	os.Exit(code)
}

// helperInterview runs a one-question interview in free mode with a
// scripted person and the clock fixed at STARPREP_HELPER_NOW (Unix
// seconds), so that two helpers start "in the same second". With full, the
// session's save fails and the person chooses to stop.
func helperInterview(home string, full bool) int {
	replies := []coach.Reply{coach.Say("", helperAnswer)}
	if full {
		replies = append(replies, coach.Pick("Stop"))
	} else {
		replies = append(replies, coach.Pick("Finish"))
	}
	iv := helperInterviewSettings(home)
	var p coach.Prompter = &coach.Script{Replies: replies}
	if os.Getenv("STARPREP_HELPER_FILL") != "" {
		p = &fillFirst{Script: p.(*coach.Script), dir: home}
	}
	iv.Prompter = p
	out, err := iv.Run(context.Background())
	if err != nil {
		fmt.Fprintf(os.Stderr, "starprep: error: %v\n", err)
		return 1
	}
	fmt.Printf("saved %s\n", filepath.Base(out.Path))
	return 0
}

// helperInterviewSettings is a one-question interview in free mode on the
// built-in bank, with the clock at STARPREP_HELPER_NOW (Unix seconds) when
// set, so that two helpers start "in the same second".
func helperInterviewSettings(home string) *coach.Interview {
	now := time.Now()
	if v := os.Getenv("STARPREP_HELPER_NOW"); v != "" {
		sec, _ := strconv.ParseInt(v, 10, 64)
		now = time.Unix(sec, 0)
	}
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		panic(err)
	}
	rubric, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		panic(err)
	}
	return &coach.Interview{
		Out: os.Stdout, Warn: os.Stderr,
		Now:  func() time.Time { return now },
		Bank: bank, Rubric: rubric, Home: home, Mode: coach.ModeFree,
		Selection: coach.Selection{Count: 1, Seed: 7, Filter: questions.Filter{Categories: []string{"behavioral"}}},
	}
}

// fillFirst fills the disk under dir as the answer box opens: the session
// exists by then, and its next save meets a full disk.
type fillFirst struct {
	*coach.Script
	dir string
}

func (f *fillFirst) Answer(req coach.AnswerRequest) (string, error) {
	if w, err := os.Create(filepath.Join(f.dir, "filler")); err == nil {
		buf := make([]byte, 4096)
		for {
			if _, err := w.Write(buf); err != nil {
				break
			}
		}
		w.Close()
	}
	return f.Script.Answer(req)
}
