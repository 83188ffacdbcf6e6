package coach

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/questions"
)

func TestAskQuestionsAreLeftOutAndSuggestedAtTheEnd(t *testing.T) {
	h := newHarness(t, append(sayParts(strong), Pick("Finish"))...)
	h.iv.Selection = Selection{Set: []questions.Question{mustGet(t, "ask-team"), mustGet(t, "angry-refund")}}
	h.iv.Company = "northwind"
	h.iv.ExampleCompany = &questions.Company{Name: "Northwind Outfitters", Slug: "northwind",
		QuestionsToAsk: []string{"How is the team measured?", "What does a good first month look like?", "Who would I learn from?"}}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	s := onDisk(t, h.home)
	if !slices.Equal(s.QuestionIDs, []string{"angry-refund"}) {
		t.Errorf("planned %q; an ask question is not put to the candidate", s.QuestionIDs)
	}
	out := h.out.String()
	for _, want := range []string{
		"Left out 1 question for you to ask the interviewer (ask-team)",
		"Questions you could ask Northwind Outfitters at the end:",
		"1. How is the team measured?", "2. What does a good first month look like?",
		"3. Question ask-team at Northwind Outfitters?", // from the bank, company filled in
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAskQuestionsWithoutCompanyNotes(t *testing.T) {
	c := &questions.Company{Name: "Acme", Slug: "acme"}
	got := AskQuestions(c, testBank(), Rand(1), 3)
	if len(got) != 1 || got[0] != "Question ask-team at Acme?" {
		t.Errorf("AskQuestions = %q, want the bank's one ask question", got)
	}
	c.QuestionsToAsk = []string{"a?", "b?", "c?", "d?"}
	if got := AskQuestions(c, questions.NewBank(nil), Rand(1), 3); !slices.Equal(got, []string{"a?", "b?", "c?"}) {
		t.Errorf("with no ask questions in the bank: %q", got)
	}
}

func TestDescribeAndFindSessions(t *testing.T) {
	home := t.TempDir()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	writeSession(t, home, "20261101-090000", at, map[string][4]string{"angry-refund": strong, "policy-no": weak})
	writeSession(t, home, "20261101-100000", at.Add(time.Hour), map[string][4]string{"angry-refund": weak})
	saved, problems := SessionsDir(home).List()
	if len(problems) > 0 || len(saved) != 2 {
		t.Fatalf("List: %v, %v", saved, problems)
	}
	info := Describe(saved[0], testBank(), testRubric(), nil)
	if info.Questions != 2 || info.Answered != 2 || info.FinalAverage == nil || info.FirstAverage == nil || !info.Finished {
		t.Fatalf("Describe = %+v", info)
	}
	if !strings.HasPrefix(info.Outline(), "2 questions answered, average ") || info.Status() != "finished" {
		t.Errorf("outline %q, status %q", info.Outline(), info.Status())
	}
	if got, err := Find(saved, "20261101-10"); err != nil || got.ID != "20261101-100000" {
		t.Errorf("Find by a unique prefix: %v, %v", got.ID, err)
	}
	var amb *AmbiguousSessionError
	if _, err := Find(saved, "20261101"); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("Find by a shared prefix: %v", err)
	}
	var nf *SessionNotFoundError
	if _, err := Find(saved, "20261101-090001"); !errors.As(err, &nf) || !slices.Contains(nf.Near, "20261101-090000") {
		t.Errorf("Find with a typo: %v (%+v)", err, nf)
	}
	scored := ScoreAnswers(saved[0].Session, testBank(), testRubric(), nil)
	if len(scored) != 2 || scored[0].N != 1 || scored[0].Result.Score <= scored[1].Result.Score {
		t.Errorf("ScoreAnswers = %+v", scored)
	}
	if err := Remove(saved[1]); err != nil {
		t.Fatal(err)
	}
	if left, _ := SessionsDir(home).List(); len(left) != 1 || left[0].ID != "20261101-090000" {
		t.Errorf("after Remove: %v", left)
	}
}

func TestUnfinishedSessionStatusAndBrokenDraftField(t *testing.T) {
	info := SessionInfo{Questions: 5, Answered: 2, Draft: true}
	if got := info.Status(); got != "stopped, 2 of 5 done, draft kept" {
		t.Errorf("status = %q", got)
	}
	_, err := ParseSession([]byte("id: x\nstarted_at: 2026-11-01T09:00:00Z\nfinished: false\ntime_limit: soon\nquestion_ids: [a]\nnext: 0\nanswers: []\ndraft:\n  question_id: b\n  part: ending\n"), "s.yaml")
	if err == nil || !strings.Contains(err.Error(), `s.yaml:4: time_limit "soon"`) || !strings.Contains(err.Error(), `question "b"`) || !strings.Contains(err.Error(), `part "ending"`) {
		t.Errorf("ParseSession of bad settings: %v", err)
	}
}
