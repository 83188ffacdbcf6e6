package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

func TestCoachSetFlags(t *testing.T) {
	cases := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--count", "0"}, "--count must be at least 1"},
		{[]string{"--mix", "behavioral"}, "give category=number"},
		{[]string{"--mix", "ask=2"}, "for the candidate to ask"},
		{[]string{"--mix", "behavoiral=2"}, `unknown category "behavoiral"`},
		{[]string{"--mix", "behavioral=3", "--count", "2"}, "less than the 3 questions"},
		{[]string{"--difficulty", "5"}, "--difficulty"},
		{[]string{"--format", "pdf"}, `--format "pdf"`},
		{[]string{"--company", "Big Co"}, "slug"},
		{[]string{"--company", "nowhere"}, "known companies: northwind"},
		{[]string{"--competency", "upselling", "--count", "40"}, "only "},
	}
	for _, c := range cases {
		r := scoreCLI(t, "", append([]string{"coach", "set"}, c.args...)...)
		r.want(t, 2)
		if !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: stderr %q does not say %q (stdout %q)", c.args, r.stderr, c.want, r.stdout)
		}
	}
	r := scoreCLI(t, "", "coach", "set", "--exclude", filepath.Join(t.TempDir(), "missing.yaml"))
	r.want(t, 1)
	bad := scoreFile(t, "bad.yaml", "questions: [a, [b]]\n")
	r = scoreCLI(t, "", "coach", "set", "--exclude", bad)
	r.want(t, 3)
	if !strings.Contains(r.stderr, bad+":1:") {
		t.Errorf("bad --exclude file: %q", r.stderr)
	}
}

// TestCoachSetOutput: stdout by default; -o replaces the file whole; the
// set names the command that makes it again, seed included.
func TestCoachSetOutput(t *testing.T) {
	r := scoreCLI(t, "", "coach", "set", "--mix", "behavioral=2,motivation=1", "--competency", "empathy,communication")
	r.want(t, 0)
	if !strings.HasPrefix(r.stdout, "# Interview practice\n") || strings.Count(r.stdout, "\n### ") != 3 {
		t.Fatalf("handout:\n%s", r.stdout)
	}
	i := strings.Index(r.stdout, "Made with `")
	if i < 0 {
		t.Fatalf("the handout does not say how it was made:\n%s", r.stdout)
	}
	cmdline := r.stdout[i+len("Made with `"):]
	cmdline = cmdline[:strings.IndexByte(cmdline, '`')]
	if !strings.HasPrefix(cmdline, "starprep coach set --competency empathy --competency communication --mix behavioral=2 --mix motivation=1 --seed ") {
		t.Fatalf("made with %q", cmdline)
	}
	// The command it names makes the same set again.
	again := scoreCLI(t, "", strings.Fields(cmdline)[1:]...)
	again.want(t, 0)
	if again.stdout != r.stdout {
		t.Errorf("running %q again gave another handout", cmdline)
	}

	dir := t.TempDir()
	out := filepath.Join(dir, "set.yaml")
	if err := os.WriteFile(out, []byte("old content that must go entirely, being longer than nothing\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = scoreCLI(t, "", "coach", "set", "--count", "3", "--seed", "9", "--format", "yaml", "-o", out)
	r.want(t, 0)
	if r.stdout != "" {
		t.Errorf("-o: stdout %q", r.stdout)
	}
	raw, err := os.ReadFile(out)
	if err != nil || strings.Contains(string(raw), "old content") || !strings.HasPrefix(string(raw), "# A starprep question set") {
		t.Fatalf("-o file: %v\n%s", err, raw)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestCoachSetRunsInInterview: a generated set file is one interview --set
// takes: ParseSet reads it back, and the interview command accepts it and
// gets as far as asking for a terminal.
func TestCoachSetRunsInInterview(t *testing.T) {
	set := filepath.Join(t.TempDir(), "set.yaml")
	r := scoreCLI(t, "", "coach", "set", "--count", "4", "--seed", "5", "--company", "northwind", "--format", "yaml", "-o", set)
	r.want(t, 0)
	raw, err := os.ReadFile(set)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := coach.ParseSet(raw, set, bank)
	if err != nil || len(qs) != 4 {
		t.Fatalf("ParseSet: %d questions, %v", len(qs), err)
	}
	for _, q := range qs {
		if strings.Contains(q.Text, "{{company}}") {
			t.Errorf("%s: {{company}} left in %q", q.ID, q.Text)
		}
	}
	r = scoreCLI(t, "", "interview", "--set", set)
	r.want(t, 2)
	if !strings.Contains(r.stderr, "needs a terminal") {
		t.Errorf("interview --set: %q", r.stderr)
	}
}
