package coach

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// typist is an answer box that types its text a few words at a time,
// reporting each step as a draft and reading back what is on disk, before
// the scripted reply.
type typist struct {
	*Script
	home  string
	steps []string
	// onDisk is the draft text found in the session file after each step.
	onDisk []string
}

func (p *typist) Answer(req AnswerRequest) (string, error) {
	if req.Label == "Your answer" && len(p.onDisk) == 0 {
		for _, s := range p.steps {
			req.Draft(s)
			files, _ := filepath.Glob(filepath.Join(p.home, "sessions", "*.yaml"))
			got := ""
			if len(files) == 1 {
				if s, err := Load(files[0]); err == nil && s.Draft != nil {
					got = s.Draft.Text
				}
			}
			p.onDisk = append(p.onDisk, got)
		}
	}
	return p.Script.Answer(req)
}

func TestDraftIsSavedAsItGrowsAtMostEveryFewSeconds(t *testing.T) {
	h := newHarness(t, StopWhileTyping("Your answer", "I took the call and listened to the whole story"))
	// Each clock reading moves one second on: a keystroke a second.
	clock := &testClock{t: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), step: time.Second}
	h.iv.Now = clock.Now
	h.iv.Mode = ModeFree
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	steps := []string{"I", "I took", "I took the", "I took the call", "I took the call and", "I took the call and listened", "I took the call and listened to"}
	p := &typist{Script: h.script, home: h.home, steps: steps}
	h.iv.Prompter = p
	if _, err := h.iv.Run(t.Context()); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	t.Logf("on disk after each step: %q", p.onDisk)
	writes := 0
	for i, got := range p.onDisk {
		if got != "" && (i == 0 || got != p.onDisk[i-1]) {
			writes++
		}
		if got != "" && !slices.Contains(steps[:i+1], got) {
			t.Errorf("step %d: the file holds %q, which was never typed", i, got)
		}
	}
	if writes == 0 || writes >= len(steps) {
		t.Errorf("the draft was written %d times over %d keystrokes a second apart (on disk: %q); want some, not every one", writes, len(steps), p.onDisk)
	}
	// Ctrl-C keeps the very last text.
	if d := onDisk(t, h.home).Draft; d == nil || d.Text != "I took the call and listened to the whole story" || d.Seconds <= 0 {
		t.Errorf("draft after Ctrl-C = %+v", d)
	}
}

func TestDeclinedDraftStartsTheAnswerAfresh(t *testing.T) {
	h := newHarness(t, StopWhileTyping("Your answer", "half a story"))
	h.iv.Mode = ModeFree
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	h2 := newHarness(t, Answer(false), Say("Your answer", strings.Join(strong[:], " ")), Pick("Finish"))
	h2.iv.Home, h2.iv.Resume = h.home, true
	if _, err := h2.run(t); err != nil {
		t.Fatalf("resume: %v\n%s", err, h2.out)
	}
	if r := h2.script.Requests[0]; r.Initial != "" {
		t.Errorf("a declined draft was put in the box: %q", r.Initial)
	}
	s := onDisk(t, h.home)
	if !s.Finished || s.Draft != nil || s.Mode != ModeFree || len(s.Answers) != 1 || s.Answers[0].STAR != nil {
		t.Errorf("session = %+v", s)
	}
}

func TestDraftOfARetryGoesBackToItsQuestion(t *testing.T) {
	replies := sayParts(weak)
	replies = append(replies, Pick("Retry"), Say("Situation", strong[0]), Interrupt())
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 2, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	s := onDisk(t, h.home)
	if s.Next != 1 || s.Draft == nil || s.Draft.Attempt != 2 || s.Draft.Part != "task" {
		t.Fatalf("session after Ctrl-C in a retry: next %d, draft %+v", s.Next, s.Draft)
	}
	replies = []Reply{Answer(true), Say("Task", strong[1]), Say("Action", strong[2]), Say("Result", strong[3]), Pick("Next")}
	replies = append(replies, sayParts(strong)...)
	replies = append(replies, Pick("Finish"))
	h2 := newHarness(t, replies...)
	h2.iv.Home, h2.iv.Resume = h.home, true
	if _, err := h2.run(t); err != nil {
		t.Fatalf("resume: %v\n%s\nasked: %q", err, h2.out, h2.script.Asked)
	}
	s = onDisk(t, h.home)
	if len(s.Answers) != 3 || s.Answers[1].Attempt != 2 || s.Answers[1].STAR.Situation != strong[0] || s.Answers[2].QuestionID != s.QuestionIDs[1] {
		t.Fatalf("answers = %+v", s.Answers)
	}
	out := h2.out.String()
	for _, want := range []string{"at question 1 of 2", "You stopped while typing attempt 2", "Attempt 2, from your draft", "Attempt 2 scored", "Question 2 of 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestResumeKeepsTheTimeLimitUnlessOneIsGiven(t *testing.T) {
	start := func(t *testing.T) string {
		h := newHarness(t, Interrupt())
		h.iv.TimeLimit = 90 * time.Second
		h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
		if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
			t.Fatal(err)
		}
		return h.home
	}
	home := start(t)
	h := newHarness(t, Interrupt())
	h.iv.Home, h.iv.Resume = home, true
	h.iv.Run(t.Context())
	if len(h.script.Requests) != 1 || h.script.Requests[0].Limit != 90*time.Second || !strings.Contains(h.script.Asked[0], "of 1:30") {
		t.Errorf("resumed without the saved limit: %q", h.script.Asked)
	}

	h = newHarness(t, Interrupt())
	h.iv.Home, h.iv.Resume = home, true
	h.iv.TimeLimit, h.iv.TimeLimitSet = 3*time.Minute, true
	h.iv.Run(t.Context())
	if h.script.Requests[0].Limit != 3*time.Minute || onDisk(t, home).TimeLimit != "3m0s" {
		t.Errorf("a --time-limit given with --resume did not replace the saved one: %q", h.script.Asked)
	}
}

func TestFinishedSessionOffersANewOneWithItsSettings(t *testing.T) {
	home := t.TempDir()
	setPath := filepath.Join(home, "class.yaml")
	os.WriteFile(setPath, []byte("- angry-refund\n- policy-no\n"), 0o644)
	loadSet := func(path string) ([]questions.Question, error) {
		if path != setPath {
			t.Errorf("LoadSet(%q), want %q", path, setPath)
		}
		return []questions.Question{mustGet(t, "angry-refund"), mustGet(t, "policy-no")}, nil
	}
	s := &star.Session{ID: "20261101-090000", StartedAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), Finished: true,
		Mode: ModeFree, Company: "northwind", TimeLimit: "2m0s", Set: setPath,
		QuestionIDs: []string{"angry-refund", "policy-no"}, Next: 2,
		Answers: []star.Answer{{ID: "a", QuestionID: "angry-refund", Text: strings.Join(strong[:], " ")}}}
	if err := Save(SessionsDir(home).Path(s.ID), s); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, Answer(true), Interrupt())
	h.iv.Home, h.iv.Resume, h.iv.LoadSet = home, true, loadSet
	h.iv.ExampleCompany = &questions.Company{Name: "Northwind Outfitters", Slug: "northwind"}
	if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v\n%s", err, h.out)
	}
	out := h.out.String()
	if !strings.Contains(out, "is finished: 1 of 2 questions answered") || !strings.Contains(out, "Interviewing for Northwind Outfitters") {
		t.Errorf("output:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join(home, "sessions", "*.yaml"))
	if len(files) != 2 {
		t.Fatalf("session files: %v", files)
	}
	var fresh *star.Session
	for _, f := range files {
		if !strings.Contains(f, s.ID) {
			fresh, _ = Load(f)
		}
	}
	if fresh == nil || fresh.Mode != ModeFree || fresh.Company != "northwind" || fresh.TimeLimit != "2m0s" || fresh.Set != setPath ||
		!slices.Equal(fresh.QuestionIDs, s.QuestionIDs) {
		t.Errorf("the new session does not keep the settings: %+v", fresh)
	}
	if r := h.script.Requests[0]; r.Limit != 2*time.Minute || r.Label != "Your answer" {
		t.Errorf("the new interview's first box: %+v", r)
	}
}

func TestSessionWithAStoppedLastMenuIsFinishedOnResume(t *testing.T) {
	h := newHarness(t, append(sayParts(strong), Interrupt())...)
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	h2 := newHarness(t, Answer(false))
	h2.iv.Home, h2.iv.Resume = h.home, true
	if _, err := h2.run(t); err != nil {
		t.Fatal(err)
	}
	if out := h2.out.String(); strings.Contains(out, "Resuming") || !strings.Contains(out, "is finished: 1 question answered") {
		t.Errorf("output:\n%s", out)
	}
	if s := onDisk(t, h.home); !s.Finished {
		t.Errorf("the session is still unfinished: %+v", s)
	}
}
