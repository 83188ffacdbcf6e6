package coach

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func testBank() *questions.Bank {
	q := func(id, cat string, starQ bool, comps ...string) questions.Question {
		return questions.Question{
			ID: id, Text: "Question " + id + " at {{company}}?", Category: cat, Competencies: comps, Difficulty: 2, STAR: starQ,
			LookFor:   []string{"hint for " + id},
			Keywords:  []string{"customer"},
			FollowUps: []string{"What would you do differently at {{company}}?", "Who else did you involve?"},
			Example:   "A model answer for " + id + ".",
		}
	}
	return questions.NewBank([]questions.Question{
		q("shouting-customer", "situational", true, "de-escalation", "empathy"),
		q("angry-refund", "situational", true, "de-escalation"),
		q("policy-no", "situational", true, "de-escalation", "communication"),
		q("team-conflict", "behavioral", true, "teamwork"),
		q("went-extra-mile", "behavioral", true, "ownership"),
		q("busy-queue", "behavioral", true, "time-management"),
		q("missed-sla", "behavioral", true, "ownership", "communication"),
		q("crm-tools", "technical", false, "tools"),
		q("typing-speed", "technical", false, "tools"),
		q("why-csr", "motivation", false, "motivation"),
		q("why-us", "motivation", false, "motivation"),
		q("ask-team", "ask", false, "curiosity"),
	})
}

// A weak and a strong answer, whatever the scorer's exact numbers.
var (
	weak   = [4]string{"It was busy.", "", "We fixed it.", ""}
	strong = [4]string{
		"Last March at Brightline Telecom I was on the evening phone queue when a customer called about a double charge of 240 dollars on his bill.",
		"My job was to calm him down, find the cause of the charge and get the money back before the end of the call, as our first contact resolution target asked.",
		"I let him finish, apologised for the trouble and repeated the amounts back to him so he knew I had listened. I opened the billing history in our CRM, found the duplicate payment and raised a refund ticket while he was still on the line. I told him the refund would take three days and sent him the ticket number by email, then I called him back on the third day to check it had arrived.",
		"He received the refund in three days, rated the call 5 out of 5 in the CSAT survey and stayed with us. I learned that repeating the facts back calms people faster than any apology.",
	}
)

// sayParts answers the four STAR boxes; an empty part is left out at the
// question that follows it.
func sayParts(p [4]string) []Reply {
	var out []Reply
	for i, name := range []string{"Situation", "Task", "Action", "Result"} {
		out = append(out, Say(name, p[i]))
		if p[i] == "" {
			out = append(out, Pick("Leave the "+name+" out"))
		}
	}
	return out
}

// testRubric is the shipped rubric.
func testRubric() *star.Rubric {
	r, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		panic(err)
	}
	return r
}

type testClock struct {
	t    time.Time
	step time.Duration
}

func (c *testClock) Now() time.Time { c.t = c.t.Add(c.step); return c.t }

type harness struct {
	iv     *Interview
	script *Script
	out    *bytes.Buffer
	home   string
}

func newHarness(t *testing.T, replies ...Reply) *harness {
	t.Helper()
	h := &harness{script: NewScript(replies...), out: &bytes.Buffer{}, home: t.TempDir()}
	clock := &testClock{t: time.Date(2026, 11, 22, 10, 15, 0, 0, time.UTC), step: 10 * time.Second}
	h.iv = &Interview{
		Prompter: h.script, Out: h.out, Warn: h.out, Now: clock.Now,
		Bank: testBank(), Rubric: testRubric(), Home: h.home,
		Selection: Selection{Seed: 7},
	}
	return h
}

func (h *harness) run(t *testing.T) (*Outcome, error) {
	t.Helper()
	out, err := h.iv.Run(context.Background())
	if rest := h.script.Remaining(); err == nil && len(rest) > 0 {
		t.Errorf("%d scripted replies were not used: %+v\nasked:\n%s", len(rest), rest, strings.Join(h.script.Asked, "\n"))
	}
	return out, err
}

// onDisk reads the only session file under home.
func onDisk(t *testing.T, home string) *star.Session {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(home, "sessions", "*.yaml"))
	if len(files) != 1 {
		t.Fatalf("want one session file, found %v", files)
	}
	s, err := Load(files[0])
	if err != nil {
		t.Fatalf("the saved session does not load: %v", err)
	}
	return s
}

func TestInterviewSTARModeAsksFourPartsAndSaves(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Pick("Next"))
	replies = append(replies, sayParts(weak)...)
	replies = append(replies, Pick("Finish"))
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 2, Filter: questions.Filter{Categories: []string{"behavioral"}}, Seed: 3}
	h.iv.Company = "northwind"
	h.iv.ExampleCompany = &questions.Company{Name: "Northwind Outfitters", Slug: "northwind"}
	out, err := h.run(t)
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	s := onDisk(t, h.home)
	if !s.Finished || s.Next != 2 || len(s.Answers) != 2 || s.Company != "northwind" || s.Mode != ModeSTAR {
		t.Fatalf("saved session = %+v", s)
	}
	a := s.Answers[0]
	if a.STAR == nil || a.STAR.Situation != strong[0] || a.STAR.Result != strong[3] || a.Text != "" {
		t.Errorf("first answer's parts were not kept: %+v", a.STAR)
	}
	if a.DurationSeconds <= 0 || a.AnsweredAt.IsZero() || a.QuestionID != s.QuestionIDs[0] {
		t.Errorf("answer metadata missing: %+v", a)
	}
	if !strings.Contains(a.Question, "Northwind Outfitters") {
		t.Errorf("{{company}} not filled in the saved question: %q", a.Question)
	}
	for _, want := range []string{"Question 1 of 2", "Question 2 of 2", "Northwind Outfitters", "Summary", "Saved to " + out.Path} {
		if !strings.Contains(h.out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, h.out)
		}
	}
	// Each STAR prompt shows the elapsed time; its help is a one-line reminder.
	if !strings.Contains(h.script.Asked[0], "Situation · 0:") || !strings.Contains(h.script.Asked[2], "Action · ") {
		t.Errorf("prompts lack the elapsed time: %q", h.script.Asked[:4])
	}
}

func TestInterviewFreeModeTakesOneAnswer(t *testing.T) {
	story := strings.Join(strong[:], " ")
	h := newHarness(t, Say("Your answer", story), Pick("Finish"))
	h.iv.Mode = ModeFree
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	a := onDisk(t, h.home).Answers[0]
	if a.STAR != nil || a.Text != story {
		t.Errorf("free answer saved as %+v", a)
	}
}

func TestInterviewNonSTARQuestionGetsOneAnswerInSTARMode(t *testing.T) {
	h := newHarness(t, Say("Your answer", "I like solving problems for people."), Pick("Finish"))
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"motivation"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if a := onDisk(t, h.home).Answers[0]; a.Text == "" || a.STAR != nil {
		t.Errorf("motivation answer = %+v", a)
	}
}

func TestInterviewRetryKeepsBothAttemptsAndShowsChange(t *testing.T) {
	replies := sayParts(weak)
	replies = append(replies, Pick("Retry"))
	replies = append(replies, sayParts(strong)...)
	replies = append(replies, Pick("Finish"))
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	s := onDisk(t, h.home)
	if len(s.Answers) != 2 || s.Answers[1].Attempt != 2 || s.Answers[0].ID == s.Answers[1].ID {
		t.Fatalf("attempts saved = %+v", s.Answers)
	}
	if s.Answers[0].STAR.Situation != weak[0] || s.Answers[1].STAR.Situation != strong[0] {
		t.Errorf("the attempts were mixed up")
	}
	if !strings.Contains(h.out.String(), "Attempt 2 scored") || !strings.Contains(h.out.String(), " up ") {
		t.Errorf("the score change is not shown:\n%s", h.out)
	}
	sum := Summarise(s, []questions.Question{mustGet(t, s.QuestionIDs[0])}, testRubric(), nil)
	if r := sum.Rows[0]; r.Attempts != 2 || r.Final <= r.First {
		t.Errorf("summary row = %+v, want two attempts with the retry higher", r)
	}
}

func mustGet(t *testing.T, id string) questions.Question {
	q, ok := testBank().Get(id)
	if !ok {
		t.Fatalf("no question %s", id)
	}
	return q
}

func TestInterviewFollowUpAndExample(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Pick("example"), Pick("follow-up"), Say("Your answer", "I would ask a team lead to listen in next time."), Pick("Finish"))
	h := newHarness(t, replies...)
	h.iv.Company = "northwind"
	h.iv.ExampleCompany = &questions.Company{Name: "Northwind Outfitters", Slug: "northwind"}
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	s := onDisk(t, h.home)
	if len(s.Answers) != 2 {
		t.Fatalf("answers = %+v", s.Answers)
	}
	fu := s.Answers[1]
	if !fu.FollowUp || fu.QuestionID != s.QuestionIDs[0] || fu.Question != "What would you do differently at Northwind Outfitters?" || fu.Text == "" {
		t.Errorf("follow-up saved as %+v", fu)
	}
	if len(h.script.Pages) != 1 || !strings.Contains(h.script.Pages[0], "A model answer for") {
		t.Errorf("the example answer did not go through the pager: %q", h.script.Pages)
	}
	// The follow-up asks what they would do: one box, not a story.
	req := h.script.Requests[len(h.script.Requests)-1]
	if req.Label != "Your answer" || !strings.Contains(req.Help, "what you would do") {
		t.Errorf("a hypothetical follow-up is asked as %q with the reminder %q", req.Label, req.Help)
	}
}

func TestInterviewSkipAndHints(t *testing.T) {
	replies := []Reply{
		Say("Situation", ""), Pick("Write the Situation after all"), // asked again
		Say("Situation", "?"), // the hints, then asked again
		Say("Situation", strong[0]),
		Say("Task", ""), Pick("Write the Task after all"), // every part asks, not only the first
		Say("Task", "?"),
		Say("Task", strong[1]), Say("Action", strong[2]), Say("Result", strong[3]),
		Pick("Next"),
		Say("Situation", "  "), Pick("Skip this question"), // skipped: no menu, the interview ends
	}
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 2, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s\nasked:\n%s", err, h.out, strings.Join(h.script.Asked, "\n"))
	}
	s := onDisk(t, h.home)
	if len(s.Answers) != 2 || s.Answers[0].Skipped || !s.Answers[1].Skipped || s.Answers[1].STAR != nil {
		t.Fatalf("answers = %+v", s.Answers)
	}
	if n := strings.Count(h.out.String(), "hint for "+s.QuestionIDs[0]); n != 2 || !strings.Contains(h.out.String(), "What interviewers listen for:") {
		t.Errorf("? in the Situation and in the Task should show the hints twice, saw them %d times:\n%s", n, h.out)
	}
	for _, want := range []string{"select: Nothing written for the Situation.", "select: Nothing written for the Task."} {
		if !slices.ContainsFunc(h.script.Asked, func(a string) bool { return strings.HasPrefix(a, want) }) {
			t.Errorf("no prompt %q in %q", want, h.script.Asked)
		}
	}
	if !strings.Contains(h.out.String(), "skipped") {
		t.Errorf("summary does not mark the skip:\n%s", h.out)
	}
}

func TestInterviewInterruptThenResume(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Pick("Next"), Say("Situation", "Last June at a bank call centre."), StopWhileTyping("Task", "My job was to"))
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 3, Filter: questions.Filter{Categories: []string{"behavioral"}}, Seed: 5}
	h.iv.TimeLimit = 2 * time.Minute
	_, err := h.run(t)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	s := onDisk(t, h.home)
	if s.Finished || len(s.Answers) != 1 || s.Next != 1 {
		t.Fatalf("after Ctrl-C the session is %+v", s)
	}
	d := s.Draft
	if d == nil || d.QuestionID != s.QuestionIDs[1] || d.Part != "task" || d.STAR.Situation != "Last June at a bank call centre." || d.STAR.Task != "My job was to" {
		t.Fatalf("the answer being typed was not kept as a draft: %+v", d)
	}
	if s.TimeLimit != "2m0s" {
		t.Errorf("time limit saved as %q", s.TimeLimit)
	}
	for _, want := range []string{"starprep interview --resume", "The answer you were typing (11 words) is kept as a draft."} {
		if !strings.Contains(h.out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, h.out)
		}
	}
	planned := s.QuestionIDs

	// Resume: the draft is offered back, in the Task where it stopped and
	// with the time limit kept; then the third question.
	replies = []Reply{Answer(true), Say("Task", strong[1]), Say("Action", strong[2]), Say("Result", strong[3])}
	replies = append(replies, Pick("Next"))
	replies = append(replies, sayParts(weak)...)
	replies = append(replies, Pick("Finish"))
	h2 := newHarness(t, replies...)
	h2.home, h2.iv.Home = h.home, h.home
	h2.iv.Resume = true
	if _, err := h2.run(t); err != nil {
		t.Fatalf("resume: %v\n%s", err, h2.out)
	}
	s = onDisk(t, h.home)
	if !s.Finished || len(s.Answers) != 3 || !slices.Equal(s.QuestionIDs, planned) {
		t.Fatalf("resumed session = %+v", s)
	}
	for i, a := range s.Answers {
		if a.QuestionID != planned[i] {
			t.Errorf("answer %d is for %s, want %s", i, a.QuestionID, planned[i])
		}
	}
	if a := s.Answers[1]; a.STAR.Situation != "Last June at a bank call centre." || a.STAR.Task != strong[1] {
		t.Errorf("the picked-up draft did not become the answer: %+v", a.STAR)
	}
	if s.Draft != nil {
		t.Errorf("a finished session still holds a draft: %+v", s.Draft)
	}
	out := h2.out.String()
	if !strings.Contains(out, "Question 2 of 3") || strings.Contains(out, "Question 1 of 3") {
		t.Errorf("resume did not continue at question 2:\n%s", out)
	}
	if !strings.Contains(out, "You stopped while typing your answer (11 words, in the Task") || !strings.Contains(out, "Time limit: 2:00 per answer") {
		t.Errorf("resume does not say what it picks up:\n%s", out)
	}
	if r := h2.script.Requests[0]; r.Label != "Task" || r.Initial != "My job was to" || r.Limit != 2*time.Minute {
		t.Errorf("the first box after resuming is %q from %q with limit %v", r.Label, r.Initial, r.Limit)
	}

	// Everything is answered: --resume says so and offers a new interview.
	h3 := newHarness(t, Answer(false))
	h3.iv.Home, h3.iv.Resume = h.home, true
	if out, err := h3.run(t); err != nil || out.Session != nil {
		t.Errorf("resuming a finished session: %v, %+v", err, out)
	}
	if !strings.Contains(h3.out.String(), "is finished: 3 questions answered") || !strings.Contains(h3.out.String(), "starprep sessions show ") {
		t.Errorf("resuming a finished session does not say so:\n%s", h3.out)
	}

	// No sessions at all: nothing to resume.
	h4 := newHarness(t)
	h4.iv.Resume = true
	if _, err := h4.run(t); !errors.Is(err, ErrNothingToResume) {
		t.Errorf("resume with no sessions: err = %v", err)
	}
}

func TestInterviewInterruptAtMenuKeepsAnswerAndMovesOn(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Interrupt())
	h := newHarness(t, replies...)
	h.iv.Selection = Selection{Count: 2, Filter: questions.Filter{Categories: []string{"behavioral"}}, Seed: 5}
	if _, err := h.run(t); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if s := onDisk(t, h.home); len(s.Answers) != 1 || s.Next != 1 || s.Finished {
		t.Fatalf("session = %+v", s)
	}
}

func TestInterviewTimeLimitWarns(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Pick("Finish"))
	h := newHarness(t, replies...)
	clock := &testClock{t: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), step: 40 * time.Second}
	h.iv.Now = clock.Now
	h.iv.TimeLimit = 2 * time.Minute
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(h.out.String(), "past your 2:00 limit"); n != 1 {
		t.Errorf("time-limit warning shown %d times, want once:\n%s", n, h.out)
	}
	if !strings.Contains(h.script.Asked[0], "of 2:00") {
		t.Errorf("prompt does not show the limit: %q", h.script.Asked[0])
	}
	if d := onDisk(t, h.home).Answers[0].DurationSeconds; d < 120 {
		t.Errorf("duration = %ds, want the elapsed time", d)
	}
}

// writeSession saves a finished session of answers for history tests.
func writeSession(t *testing.T, home, id string, at time.Time, answers map[string][4]string) {
	t.Helper()
	s := &star.Session{ID: id, StartedAt: at, Finished: true, Mode: ModeSTAR}
	for _, qid := range slices.Sorted(func(yield func(string) bool) {
		for k := range answers {
			if !yield(k) {
				return
			}
		}
	}) {
		p := answers[qid]
		s.QuestionIDs = append(s.QuestionIDs, qid)
		s.Answers = append(s.Answers, star.Answer{ID: id + "-" + qid, QuestionID: qid, AnsweredAt: at,
			STAR: &star.Parts{Situation: p[0], Task: p[1], Action: p[2], Result: p[3]}})
	}
	s.Next = len(s.QuestionIDs)
	if err := Save(SessionsDir(home).Path(id), s); err != nil {
		t.Fatal(err)
	}
}

func TestInterviewDrillPicksWeakestArea(t *testing.T) {
	home := t.TempDir()
	// De-escalation went badly; teamwork and ownership went well.
	writeSession(t, home, "20261101-090000", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), map[string][4]string{
		"shouting-customer": weak,
		"team-conflict":     strong,
		"went-extra-mile":   strong,
	})
	h := newHarness(t)
	h.iv.Home = home
	h.iv.Selection = Selection{Count: 2, Drill: true, Seed: 9}
	replies := sayParts(strong)
	replies = append(replies, Pick("Next"))
	replies = append(replies, sayParts(strong)...)
	replies = append(replies, Pick("Finish"))
	h.script.Replies = replies
	if _, err := h.run(t); err != nil {
		t.Fatalf("drill: %v\n%s", err, h.out)
	}
	files, _ := filepath.Glob(filepath.Join(home, "sessions", "*.yaml"))
	var drilled *star.Session
	for _, f := range files {
		if !strings.Contains(f, "20261101") {
			drilled, _ = Load(f)
		}
	}
	if drilled == nil || len(drilled.QuestionIDs) != 2 {
		t.Fatalf("no drill session saved: %v", files)
	}
	for _, id := range drilled.QuestionIDs {
		if q := mustGet(t, id); !slices.Contains(q.Competencies, "de-escalation") && !slices.Contains(q.Competencies, "empathy") {
			t.Errorf("drill asked %s (%v), which does not probe the weak area", id, q.Competencies)
		}
	}
	out := h.out.String()
	if !strings.Contains(out, "Drill: your weakest area") || !strings.Contains(out, "de-escalation") {
		t.Errorf("the drill does not say what it works on:\n%s", out)
	}
	if !strings.Contains(out, "Your weakest STAR part is the") {
		t.Errorf("the drill does not name the weakest STAR part:\n%s", out)
	}
	// The weakest part's prompt carries the reminder.
	if !slices.ContainsFunc(h.script.Asked, func(s string) bool { return strings.Contains(s, "(your weakest part)") }) {
		t.Errorf("no prompt marks the weakest part: %v", h.script.Asked)
	}
}

func TestDrillWithoutHistoryIsRefused(t *testing.T) {
	h := newHarness(t)
	h.iv.Selection = Selection{Drill: true}
	if _, err := h.run(t); !errors.Is(err, ErrNoHistory) {
		t.Errorf("err = %v, want ErrNoHistory", err)
	}
	if files, _ := filepath.Glob(filepath.Join(h.home, "sessions", "*")); len(files) != 0 {
		t.Errorf("a refused drill left files: %v", files)
	}
}

func TestUnknownCompanyIsNamed(t *testing.T) {
	h := newHarness(t)
	os.MkdirAll(filepath.Join(h.home, "companies"), 0o755)
	os.WriteFile(filepath.Join(h.home, "companies", "acme.yaml"), []byte("name: Acme\nslug: acme\n"), 0o644)
	h.iv.Company = "acmee"
	_, err := h.run(t)
	var nf *CompanyNotFoundError
	if !errors.As(err, &nf) || !slices.Contains(nf.Known, "acme") {
		t.Fatalf("err = %v (%+v)", err, nf)
	}
}

func TestBrokenSessionFileIsReportedNotFatal(t *testing.T) {
	h := newHarness(t, append(sayParts(strong), Pick("Finish"))...)
	dir := filepath.Join(h.home, "sessions")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "old.yaml"), []byte("id: x\nstarted_at: [oops\n"), 0o644)
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("a broken old session stopped the interview: %v", err)
	}
	if !strings.Contains(h.out.String(), "warning: left out a session file") || !strings.Contains(h.out.String(), "old.yaml") {
		t.Errorf("no warning naming the broken file:\n%s", h.out)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "old.yaml"))
	if string(raw) != "id: x\nstarted_at: [oops\n" {
		t.Errorf("the broken file was changed")
	}
}
