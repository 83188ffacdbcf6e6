package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/star"
)

// testFactory is a factory over test streams, a fixed clock that moves on a
// few seconds per reading, and an empty environment.
func testFactory(t *testing.T, tty bool) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	ios, _, out, errOut := TestStreams()
	ios.SetTTY(tty, tty, tty)
	f := NewFactory(ios)
	now := time.Date(2026, 11, 22, 10, 15, 0, 0, time.UTC)
	f.Now = func() time.Time { now = now.Add(7 * time.Second); return now }
	f.Getenv = func(string) string { return "" }
	return f, out, errOut
}

func sessionFiles(t *testing.T, home string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(home, "sessions", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

const testBankFile = "testdata/interview-bank.yaml"

func TestInterviewWithoutTerminalExits2AndNamesTheBatchCommands(t *testing.T) {
	home := t.TempDir()
	cases := []struct {
		tty  bool
		args []string
	}{
		{false, []string{"interview", "--home", home}},
		{false, []string{"interview", "--home", home, "--resume"}},
		{true, []string{"--no-input", "interview", "--home", home}},
	}
	for _, c := range cases {
		f, out, errOut := testFactory(t, c.tty)
		if code := Run(c.args, f); code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if !strings.Contains(errOut.String(), "starprep score") || !strings.Contains(errOut.String(), "starprep review") {
			t.Errorf("%v: stderr does not name score and review:\n%s", c.args, errOut)
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote to stdout: %q", c.args, out)
		}
	}
	if _, err := os.Stat(filepath.Join(home, "sessions")); !os.IsNotExist(err) {
		t.Errorf("a refused interview created %s/sessions", home)
	}
}

func TestInterviewFlagErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--mode", "essay"}, `--mode "essay": use star or free`},
		{[]string{"--count", "0"}, "--count must be at least 1"},
		{[]string{"--category", "riddles"}, `unknown category "riddles"`},
		{[]string{"--time-limit", "-1m"}, "--time-limit must not be negative"},
		{[]string{"--time-limit", "soon"}, "invalid argument"},
		{[]string{"--resume", "--count", "3", "--drill"}, "--resume cannot be combined with --count, --drill"},
		{[]string{"--drill", "--set", "x.yaml"}, "--drill picks questions itself"},
		{[]string{"extra"}, "unknown command"},
		{[]string{"--company", "../../etc/passwd"}, "give the company's slug"},
	}
	for _, c := range cases {
		f, out, errOut := testFactory(t, true)
		f.Prompter = coach.NewScript() // any prompt would fail the run
		args := append([]string{"interview", "--home", t.TempDir()}, c.args...)
		if code := Run(args, f); code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, code, errOut)
		}
		if !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: stderr %q lacks %q", c.args, errOut, c.want)
		}
		if out.Len() != 0 {
			t.Errorf("%v: wrote to stdout: %q", c.args, out)
		}
	}
}

func TestInterviewRunsInProcessWithScriptedAnswers(t *testing.T) {
	home := t.TempDir()
	f, out, errOut := testFactory(t, true)
	script := coach.NewScript(
		coach.Say("Situation", "It was busy."), coach.Say("Task", ""), coach.Pick("Leave the Task out"),
		coach.Say("Action", "We fixed it."), coach.Say("Result", ""), coach.Pick("Leave the Result out"),
		coach.Pick("Retry"),
		coach.Say("Situation", "Last spring at a phone company a customer called about a double charge of 240 dollars."),
		coach.Say("Task", "I had to find the cause and get the money back before the call ended."),
		coach.Say("Action", "I listened, checked the billing history in the CRM, found the duplicate and raised a refund while he was on the line. I called him back three days later to check."),
		coach.Say("Result", "The refund arrived in three days and he rated the call 5 out of 5. I learned to repeat the facts back."),
		coach.Pick("Finish"),
	)
	f.Prompter = script
	code := Run([]string{"interview", "--home", home, "--bank", testBankFile, "--set", "testdata/interview-set.yaml", "--count", "1", "--company", "northwind"}, f)
	if code != 0 {
		t.Fatalf("exit %d\nstderr: %s\nasked: %q", code, errOut, script.Asked)
	}
	files := sessionFiles(t, home)
	if len(files) != 1 {
		t.Fatalf("session files: %v", files)
	}
	s, err := coach.Load(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if !s.Finished || len(s.Answers) != 2 || s.Answers[1].Attempt != 2 || s.QuestionIDs[0] != "test-double-charge" {
		t.Errorf("session = %+v", s)
	}
	// The shipped example company fills {{company}}.
	if s.Company != "northwind" || !strings.Contains(s.Answers[0].Question, "Northwind Outfitters") || strings.Contains(s.Answers[0].Question, "(example)") {
		t.Errorf("company %q, question asked %q", s.Company, s.Answers[0].Question)
	}
	for _, want := range []string{"Question 1 of 1", "Score:", "Top tip:", "Attempt 2 scored", "Your interview", "Saved to " + files[0],
		"Questions you could ask Northwind Outfitters at the end:", "step 5 of: starprep checklist --company northwind"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if n := len([]rune(line)); n > 80 && !strings.HasPrefix(line, "Saved to ") {
			t.Errorf("line is %d columns wide at 80: %q", n, line)
		}
	}
}

func TestInterviewCtrlCExits130AndKeepsAnswers(t *testing.T) {
	home := t.TempDir()
	f, out, errOut := testFactory(t, true)
	f.Prompter = coach.NewScript(
		coach.Say("Situation", "A busy Monday on the phones."), coach.Say("Task", "Keep waits short."),
		coach.Say("Action", "I triaged calls."), coach.Say("Result", "Waits stayed under ten minutes."),
		coach.Pick("Next"),
		coach.Interrupt(),
	)
	code := Run([]string{"interview", "--home", home, "--bank", testBankFile, "--category", "behavioral", "--count", "2", "--seed", "3"}, f)
	if code != 130 {
		t.Fatalf("exit %d, want 130; stderr %s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "interrupted") || !strings.Contains(out.String(), "--resume") {
		t.Errorf("stderr %q / stdout tail %q", errOut, tail(out.String(), 300))
	}
	s, err := coach.Load(sessionFiles(t, home)[0])
	if err != nil || s.Finished || len(s.Answers) != 1 || s.Answers[0].STAR.Result != "Waits stayed under ten minutes." {
		t.Fatalf("saved session %+v, %v", s, err)
	}

	// --resume asks the second question only.
	f, _, errOut = testFactory(t, true)
	f.Prompter = coach.NewScript(coach.Say("Situation", "x"), coach.Say("Task", ""), coach.Pick("Leave the Task out"),
		coach.Say("Action", "y"), coach.Say("Result", "z"), coach.Pick("Finish"))
	if code := Run([]string{"interview", "--home", home, "--bank", testBankFile, "--resume"}, f); code != 0 {
		t.Fatalf("resume: exit %d: %s", code, errOut)
	}
	s, _ = coach.Load(sessionFiles(t, home)[0])
	if !s.Finished || len(s.Answers) != 2 || s.Answers[1].QuestionID != s.QuestionIDs[1] {
		t.Errorf("resumed session = %+v", s)
	}

	// Everything answered: --resume says so and offers a new interview.
	f, out, errOut = testFactory(t, true)
	f.Prompter = coach.NewScript(coach.Answer(false))
	if code := Run([]string{"interview", "--home", home, "--resume"}, f); code != 0 || !strings.Contains(out.String(), "is finished: 2 questions answered") {
		t.Errorf("second resume: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// No sessions at all: exit 2 with a hint.
	f, _, errOut = testFactory(t, true)
	f.Prompter = coach.NewScript()
	if code := Run([]string{"interview", "--home", t.TempDir(), "--resume"}, f); code != 2 || !strings.Contains(errOut.String(), "no interview to resume") {
		t.Errorf("resume with no sessions: exit %d, stderr %q", code, errOut)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func TestInterviewBadInputExitCodes(t *testing.T) {
	dir := t.TempDir()
	badSet := filepath.Join(dir, "set.yaml")
	os.WriteFile(badSet, []byte("- test-busy-queue\n- no-such-question\n"), 0o644)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"set with an unknown id", []string{"--set", badSet}, 3, badSet + ":2: unknown question id"},
		{"missing set file", []string{"--set", filepath.Join(dir, "nope.yaml")}, 2, "read question set"},
		{"unknown company", []string{"--company", "acme"}, 2, `no notes for company "acme"`},
		{"drill without history", []string{"--drill"}, 2, "nothing to drill yet"},
		{"unknown competency", []string{"--competency", "de-escalaton"}, 2, `no question probes the competency "de-escalaton"`},
		{"filters match nothing", []string{"--competency", "composure", "--category", "motivation"}, 2, "no questions match"},
		{"questions to ask are not answered", []string{"--category", "ask"}, 2, "questions for you to ask the interviewer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			f, _, errOut := testFactory(t, true)
			f.Prompter = coach.NewScript()
			code := Run(append([]string{"interview", "--home", home, "--bank", testBankFile}, c.args...), f)
			if code != c.code || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, c.code, c.want)
			}
			if files := sessionFiles(t, home); len(files) != 0 {
				t.Errorf("a refused interview saved %v", files)
			}
		})
	}
}

// writeTestSession saves a finished one-answer session into home.
func writeTestSession(t *testing.T, home, id string, at time.Time, company string, parts star.Parts) {
	t.Helper()
	s := &star.Session{ID: id, StartedAt: at, Finished: true, Mode: "star", Company: company,
		QuestionIDs: []string{"test-double-charge"}, Next: 1,
		Answers: []star.Answer{{ID: id + "-a", QuestionID: "test-double-charge", AnsweredAt: at, STAR: &parts}}}
	if err := coach.Save(coach.SessionsDir(home).Path(id), s); err != nil {
		t.Fatal(err)
	}
}
