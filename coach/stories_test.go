package coach

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func TestStoresListEveryGoodFileAndReportTheBrokenOnes(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "companies/acme.yaml", acmeNotes)
	writeFile(t, home, "companies/broken.yaml", "name: Broken\nslug: broken\nproducts: [a\n")
	writeFile(t, home, "companies/Bad Name.yaml", acmeNotes)
	writeFile(t, home, "companies/.hidden.yaml", "junk: [")
	writeFile(t, home, "companies/notes.txt", "not YAML at all")
	list, err := CompaniesIn(home, example(t)).List()
	var slugs []string
	for _, e := range list {
		slugs = append(slugs, e.Slug)
	}
	if !slices.Equal(slugs, []string{"acme", "northwind"}) || !list[1].Example {
		t.Errorf("listed %v", slugs)
	}
	var loc interface{ Location() (string, int) }
	if !errors.As(err, &loc) || !strings.Contains(err.Error(), "broken.yaml:3:") || !strings.Contains(err.Error(), "Bad Name.yaml: the file name is not a valid company slug") {
		t.Errorf("err = %v", err)
	}

	saveStories(t, home, story("late-parcel", false, "empathy"))
	writeFile(t, home, "stories/renamed.yaml", "id: other\ntitle: T\ncompetencies: [empathy]\nstar: {situation: a b c, task: a b c, action: a b c, result: a b c}\n")
	stories, err := StoriesIn(home).List()
	if len(stories) != 1 || stories[0].ID != "late-parcel" || err == nil || !strings.Contains(err.Error(), `renamed.yaml:1: id "other" does not match the file name`) {
		t.Errorf("stories %v, err %v", stories, err)
	}
}

func TestStoresRefuseNamesOutsideTheHome(t *testing.T) {
	home := t.TempDir()
	for _, slug := range []string{"../escape", "a/b", "..", ".hidden", "", "UPPER", strings.Repeat("a", 65), "a--b", "-a"} {
		if questions.ValidSlug(slug) {
			t.Errorf("ValidSlug(%q) = true", slug)
		}
		if _, err := CompaniesIn(home).Save(&questions.Company{Name: "x", Slug: slug}); err == nil {
			t.Errorf("saved a company as %q", slug)
		}
		if _, err := StoriesIn(home).Save(&questions.Story{ID: slug}); err == nil {
			t.Errorf("saved a story as %q", slug)
		}
		var nc *NoCompanyError
		if _, err := CompaniesIn(home).Get(slug); !errors.As(err, &nc) {
			t.Errorf("Get(%q) = %v, want NoCompanyError", slug, err)
		}
	}
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Errorf("the home holds %v", entries)
	}
}

func TestRemoveCompany(t *testing.T) {
	home := t.TempDir()
	store := CompaniesIn(home, example(t))
	if _, err := store.Remove("northwind"); !errors.Is(err, ErrExampleOnly) {
		t.Errorf("removing the example: %v", err)
	}
	var nc *NoCompanyError
	if _, err := store.Remove("nobody"); !errors.As(err, &nc) {
		t.Errorf("removing nobody: %v", err)
	}
	writeFile(t, home, "companies/acme.yaml", acmeNotes)
	if p, err := store.Remove("acme"); err != nil || store.Exists("acme") || !strings.HasSuffix(p, "acme.yaml") {
		t.Errorf("remove acme: %q %v", p, err)
	}
}

func TestStoryFromAnswer(t *testing.T) {
	home := t.TempDir()
	bank, rubric := shippedBank(t), shippedRubric(t)
	saveSession(t, home, "20261120-090000", "acme", sampleAnswer{"angry-customer-time", true}, sampleAnswer{"extra-mile", false})
	// A free-text answer, split by the scorer.
	sess := &star.Session{ID: "20261121-090000", QuestionIDs: []string{"angry-customer-time"}, Next: 1, Finished: true,
		Answers: []star.Answer{{QuestionID: "angry-customer-time", Question: "Tell me about a time you dealt with an angry customer.",
			Text: strongParts.Situation + "\n\n" + strongParts.Task + "\n\n" + strongParts.Action + "\n\n" + strongParts.Result}}}
	if err := Save(SessionsDir(home).Path(sess.ID), sess); err != nil {
		t.Fatal(err)
	}
	s, err := StoryFromAnswer(SessionsDir(home), "20261120-090000#1", bank, rubric)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := bank.Get("angry-customer-time")
	if s.STAR != questions.StoryParts(strongParts) || !slices.Equal(s.Competencies, q.Competencies) ||
		!slices.Equal(s.UsedFor, []string{"angry-customer-time"}) || s.Source != "20261120-090000#1" {
		t.Errorf("story = %+v", s)
	}
	free, err := StoryFromAnswer(SessionsDir(home), SessionsDir(home).Path(sess.ID)+"#1", bank, rubric)
	if err != nil {
		t.Fatal(err)
	}
	if free.Title != "Dealt with an angry customer" {
		t.Errorf("title = %q", free.Title)
	}
	// The parts are the scorer's split of the text: every sentence kept, in
	// order (how well it splits is the scorer's business).
	var joined []string
	for _, part := range questions.StoryPartNames {
		if p := free.STAR.Get(part); p != "" {
			joined = append(joined, p)
		}
	}
	if got, want := strings.Join(joined, " "), strings.Join(strings.Fields(sess.Answers[0].Text), " "); got != want {
		t.Errorf("free text split as %+v\nwhich joins to\n%s\nwant\n%s", free.STAR, got, want)
	}
	if !strings.Contains(free.STAR.Situation, "Mrs Patel") {
		t.Errorf("situation = %q", free.STAR.Situation)
	}
	for ref, want := range map[string]string{
		"20261120-090000":    "as SESSION#N",
		"20261120-090000#0":  "numbered from 1",
		"20261120-090000#x":  "numbered from 1",
		"20261120-090000#3":  "the session has 2 answers",
		"20261199-000000#1":  "no saved session",
		"../../etc/passwd#1": "no saved session",
		".hidden#1":          "not a session id",
	} {
		var ar *AnswerRefError
		if _, err := StoryFromAnswer(SessionsDir(home), ref, bank, rubric); !errors.As(err, &ar) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want an AnswerRefError with %q", ref, err, want)
		}
	}
}

func TestCoverage(t *testing.T) {
	home := t.TempDir()
	bank, rubric := shippedBank(t), shippedRubric(t)
	saveStories(t, home,
		&questions.Story{ID: "busy-story", Title: "Busy", Competencies: []string{"empathy", "de-escalation", "patience"}, STAR: questions.StoryParts(strongParts),
			UsedFor: []string{"angry-customer-time", "shouting-customer", "extra-mile", "policy-override", "negative-to-positive"}},
		story("second", false, "empathy"),
	)
	// An interview answer that told "second" counts as a use of it.
	sess := &star.Session{ID: "20261120-090000", QuestionIDs: []string{"extra-mile"}, Next: 1,
		Answers: []star.Answer{{QuestionID: "extra-mile", Story: "second", STAR: &strongParts}}}
	if err := Save(SessionsDir(home).Path(sess.ID), sess); err != nil {
		t.Fatal(err)
	}
	stories, err := StoriesIn(home).List()
	if err != nil {
		t.Fatal(err)
	}
	sessions, _ := SessionsDir(home).List()
	cov := BuildCoverage(stories, bank, rubric, sessions)
	status := map[string]CompetencyCover{}
	for _, c := range cov.Competencies {
		status[c.Name] = c
	}
	if c := status["empathy"]; c.Status != Covered || !slices.Equal(c.Stories, []string{"busy-story", "second"}) || c.Questions == 0 {
		t.Errorf("empathy = %+v", c)
	}
	if c := status["de-escalation"]; c.Status != Thin {
		t.Errorf("de-escalation = %+v", c)
	}
	if c := status["teamwork"]; c.Status != Missing || len(c.Stories) != 0 {
		t.Errorf("teamwork = %+v", c)
	}
	if !slices.Equal(cov.Other, []string{"patience"}) {
		t.Errorf("other = %v", cov.Other)
	}
	if !slices.Equal(cov.LeanedOn(), []string{"busy-story"}) {
		t.Errorf("leaned on = %v", cov.LeanedOn())
	}
	if u := cov.Stories[1]; u.ID != "second" || !slices.Equal(u.Questions, []string{"extra-mile"}) || u.Score == 0 {
		t.Errorf("second = %+v", u)
	}
	for i := 1; i < len(cov.Competencies); i++ {
		if cov.Competencies[i-1].Questions < cov.Competencies[i].Questions {
			t.Fatalf("competencies not sorted by how often they are asked about: %v", cov.Competencies)
		}
	}
}

func TestQuestionsToAsk(t *testing.T) {
	home := t.TempDir()
	bank := shippedBank(t)
	acme, err := questions.ParseCompany([]byte(acmeNotes), "acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := QuestionsToAsk(home, "acme", acme, bank, 3)
	if err != nil || len(got) != 3 || got[0].From != FromNotes || got[1].From != FromBank {
		t.Fatalf("with nothing chosen: %+v, %v", got, err)
	}
	for _, a := range got {
		if strings.Contains(a.Text, "{{") {
			t.Errorf("placeholder left in %q", a.Text)
		}
	}
	writeFile(t, home, "checklist.yaml", "version: 1\ncompanies:\n  acme:\n    asks:\n      - {text: \"My own question about shifts?\", from: own}\n")
	got, _ = QuestionsToAsk(home, "acme", acme, bank, 3)
	if got[0].Text != "My own question about shifts?" || got[1].From != FromNotes {
		t.Errorf("chosen first: %+v", got)
	}
	writeFile(t, home, "checklist.yaml", "version: 1\ncompanies:\n  acme:\n    asks:\n      - {text: x, from: somewhere}\n")
	if _, err := QuestionsToAsk(home, "acme", acme, bank, 3); err == nil || !strings.Contains(err.Error(), "checklist.yaml:5:") {
		t.Errorf("broken progress: %v", err)
	}
}
