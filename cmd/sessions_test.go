package cmd

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/star"
)

// sessionsHome holds two sessions: a finished one with a retry and a
// stopped one with a draft.
func sessionsHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	weak := star.Parts{Situation: "It was busy.", Action: "We fixed it."}
	strong := star.Parts{
		Situation: "Last spring at a phone company a customer called about a double charge of 240 dollars.",
		Task:      "I had to find the cause and get the money back before the call ended.",
		Action:    "I listened, checked the billing history in the CRM, found the duplicate and raised a refund while he was on the line. I called him back three days later to check.",
		Result:    "The refund arrived in three days and he rated the call 5 out of 5. I learned to repeat the facts back.",
	}
	done := &star.Session{ID: "20261120-090000", StartedAt: at, Finished: true, Mode: "star", Company: "northwind", TimeLimit: "2m0s",
		QuestionIDs: []string{"test-double-charge"}, Next: 1,
		Answers: []star.Answer{
			{ID: "a1", QuestionID: "test-double-charge", Question: "Tell me about a billing mistake.", STAR: &weak},
			{ID: "a2", QuestionID: "test-double-charge", Question: "Tell me about a billing mistake.", Attempt: 2, STAR: &strong},
			{ID: "a3", QuestionID: "test-double-charge", Question: "What would you do if the refund system was down?", FollowUp: true, Text: "I would log it and call back."},
		}}
	stopped := &star.Session{ID: "20261121-100000", StartedAt: at.Add(25 * time.Hour), Mode: "free",
		QuestionIDs: []string{"test-double-charge", "test-busy-queue"}, Next: 1,
		Answers: []star.Answer{{ID: "b1", QuestionID: "test-double-charge", Text: strong.Situation + " " + strong.Action}},
		Draft:   &star.Draft{QuestionID: "test-busy-queue", Text: "On Black Friday the queue", Seconds: 20}}
	for _, s := range []*star.Session{done, stopped} {
		if err := coach.Save(coach.SessionsDir(home).Path(s.ID), s); err != nil {
			t.Fatal(err)
		}
	}
	return home
}

func sessionsRun(t *testing.T, home string, tty bool, prompter coach.Prompter, args ...string) qResult {
	t.Helper()
	f, out, errOut := testFactory(t, tty)
	f.Prompter = prompter
	full := append([]string{"--home", home, "--bank", testBankFile}, args...)
	code := Run(full, f)
	return qResult{code: code, stdout: out.String(), stderr: errOut.String(), description: "starprep " + strings.Join(full, " ")}
}

func TestSessionsList(t *testing.T) {
	home := sessionsHome(t)
	r := sessionsRun(t, home, false, nil, "sessions", "list")
	r.wantCode(t, exitOK)
	rows := qLines(r.stdout)
	if len(rows) != 2 {
		t.Fatalf("piped list: want one tab-separated row per session, newest first:\n%s", r.stdout)
	}
	newest, oldest := strings.Split(rows[0], "\t"), strings.Split(rows[1], "\t")
	if newest[0] != "20261121-100000" || newest[2] != "1/2" || newest[5] != "stopped, 1 of 2 done, draft kept" {
		t.Errorf("newest row = %q", newest)
	}
	if oldest[0] != "20261120-090000" || oldest[1] != "2026-11-20T09:00:00Z" || oldest[5] != "finished" || oldest[6] != "northwind" {
		t.Errorf("oldest row = %q", oldest)
	}
	// The first try was weak, the retry strong: the final average is higher.
	if first, _ := strconv.Atoi(oldest[3]); first >= atoi(t, oldest[4]) {
		t.Errorf("first %s, final %s: the retry should have raised the final average", oldest[3], oldest[4])
	}

	r = sessionsRun(t, home, true, nil, "sessions", "list")
	r.wantCode(t, exitOK)
	for _, want := range []string{"ID", "STARTED", "FIRST", "FINAL", "STATUS", "┌"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table on a terminal lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "2 sessions. Read one with: starprep sessions show <id>") {
		t.Errorf("stderr = %q", r.stderr)
	}

	r = sessionsRun(t, home, false, nil, "sessions", "list", "--format", "json")
	r.wantCode(t, exitOK)
	var infos []coach.SessionInfo
	if err := json.Unmarshal([]byte(r.stdout), &infos); err != nil || len(infos) != 2 {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	if in := infos[1]; in.Answered != 1 || in.Retries != 1 || in.FollowUps != 1 || in.FinalAverage == nil || !in.Finished {
		t.Errorf("json of the finished session = %+v", in)
	}

	r = sessionsRun(t, t.TempDir(), false, nil, "sessions", "list", "--format", "json")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("no sessions: exit %d, %q", r.code, r.stdout)
	}
}

func TestSessionsShow(t *testing.T) {
	home := sessionsHome(t)
	r := sessionsRun(t, home, false, nil, "sessions", "show", "20261120")
	r.wantCode(t, exitOK)
	for _, want := range []string{
		"Interview 20261120-090000", "company northwind", "time limit 2m0s", "finished",
		"Question 1: Tell me about a billing mistake.", "Question 1, attempt 2:", "Question 1, follow-up: What would you do",
		"Situation: It was busy.", "Task:      (left out)", "Score: ", "Top tip:",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "Score: "); n != 3 {
		t.Errorf("%d cards, want one per answer (3)", n)
	}
	r = sessionsRun(t, home, false, nil, "sessions", "show", "20261121-100000")
	if !strings.Contains(r.stdout, "A draft of 5 words is kept") {
		t.Errorf("show of a stopped session does not mention its draft:\n%s", r.stdout)
	}
	r = sessionsRun(t, home, false, nil, "sessions", "show", "20261120-090001")
	r.wantUsage(t, `no session "20261120-090001"`, "did you mean: 20261120-090000?")
	r = sessionsRun(t, home, false, nil, "sessions", "show", "2026112")
	r.wantUsage(t, "matches 2 sessions")
	r = sessionsRun(t, home, false, nil, "sessions", "show")
	r.wantUsage(t, "needs one session id")
}

func TestSessionsRemove(t *testing.T) {
	home := sessionsHome(t)
	path := coach.SessionsDir(home).Path("20261120-090000")

	// Without a terminal it needs --yes.
	r := sessionsRun(t, home, false, nil, "sessions", "remove", "20261120-090000")
	r.wantUsage(t, "--yes")
	// On a terminal it asks; no keeps the file.
	r = sessionsRun(t, home, true, coach.NewScript(coach.Answer(false)), "sessions", "remove", "20261120-090000")
	r.wantCode(t, exitOK)
	if _, err := os.Stat(path); err != nil || !strings.Contains(r.stderr, "Kept it.") || !strings.Contains(r.stderr, "1 question answered") {
		t.Errorf("declined removal: %v, stderr %q", err, r.stderr)
	}
	// Ctrl-C at the question is exit 130, and keeps the file.
	r = sessionsRun(t, home, true, coach.NewScript(coach.Interrupt()), "sessions", "remove", "20261120-090000")
	if r.code != exitInterrupted {
		t.Errorf("Ctrl-C at the question: exit %d", r.code)
	}
	// Yes removes it.
	r = sessionsRun(t, home, true, coach.NewScript(coach.Answer(true)), "sessions", "remove", "20261120-090000")
	r.wantCode(t, exitOK)
	if _, err := os.Stat(path); !os.IsNotExist(err) || !strings.Contains(r.stderr, "Removed interview 20261120-090000") {
		t.Errorf("after yes: %v, stderr %q", err, r.stderr)
	}
	// --yes without a terminal, and quietly.
	r = sessionsRun(t, home, false, coach.NewScript(), "sessions", "remove", "20261121", "--yes")
	r.wantCode(t, exitOK)
	if files := sessionFiles(t, home); len(files) != 0 || r.stderr != "" {
		t.Errorf("after --yes: %v, stderr %q", files, r.stderr)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}

// TestSessionsScoreWithTheSessionsCompany: a saved answer is scored with
// the notes of the company its interview was for, as `score` scores an
// answer that names the company, so the list shows the score the
// candidate saw.
func TestSessionsScoreWithTheSessionsCompany(t *testing.T) {
	text := "I have ordered rain jackets from you for years, and when one leaked your live chat sorted a replacement in ten minutes. " +
		"Making it easy for the customer is what I did for two years on a returns desk, where I kept a satisfaction score of 92%. " +
		"I would like to help keep weekend chat as good as that.\n"
	scoreOf := func(company string) int {
		answer := "id: a1\nquestion_id: why-this-company\ncompany: " + company + "\ntext: " + strconv.Quote(text) + "\n"
		o := scoreCLI(t, "", "score", "--format", "json", scoreFile(t, "answer.yaml", answer))
		o.want(t, 0)
		return *decodeScore(t, o.stdout).Score
	}
	withNotes, without := scoreOf("northwind"), scoreOf(`""`)
	if withNotes == without {
		t.Fatalf("the answer scores %d with and without Northwind's notes; the test needs one they change", withNotes)
	}

	home := t.TempDir()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s := &star.Session{ID: "20261120-090000", StartedAt: at, Finished: true, Mode: "free", Company: "northwind",
		QuestionIDs: []string{"why-this-company"}, Next: 1,
		Answers: []star.Answer{{ID: "a1", QuestionID: "why-this-company", Text: text}}}
	if err := coach.Save(coach.SessionsDir(home).Path(s.ID), s); err != nil {
		t.Fatal(err)
	}
	f, out, _ := testFactory(t, false)
	if code := Run([]string{"--home", home, "sessions", "list", "--format", "json"}, f); code != 0 {
		t.Fatalf("sessions list: exit %d", code)
	}
	var infos []coach.SessionInfo
	if err := json.Unmarshal(out.Bytes(), &infos); err != nil || len(infos) != 1 || infos[0].FinalAverage == nil {
		t.Fatalf("json: %v\n%s", err, out.String())
	}
	if got := *infos[0].FinalAverage; got != withNotes {
		t.Errorf("sessions list scores the northwind answer %d; score gives %d with the company's notes (%d without)", got, withNotes, without)
	}
}
