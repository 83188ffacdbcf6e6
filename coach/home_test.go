package coach

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Sample homes for the tests: a user-data directory built in t.TempDir()
// with the files a real one holds.

// strongParts is a complete, concrete STAR answer; weakText is a vague one.
var strongParts = star.Parts{
	Situation: "Last winter I worked on the phone support team at a broadband provider. One customer, Mrs Patel, had called six times in two weeks because her internet dropped every evening.",
	Task:      "I took her seventh call, and I decided it was my job to end the loop: find the real cause and own the case until it was fixed.",
	Action:    "I read the notes from all six calls and saw that each agent had restarted her router and closed the ticket. I ran a line test while she was on the phone, found errors on the line every evening, and booked an engineer for the next morning. I gave her my direct extension, set a reminder, and called her after the visit and again a week later to check the connection had stayed up.",
	Result:    "The engineer replaced a faulty junction box, and she had no drop-outs for the next month. She rated the call 10 out of 10 and withdrew her complaint. I learned to read the whole case history before trying the standard fix again.",
}

const weakText = "We fixed it in the end."

func shippedBank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func shippedRubric(t *testing.T) *star.Rubric {
	t.Helper()
	r, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func shippedChecklist(t *testing.T) *questions.Checklist {
	t.Helper()
	c, err := questions.ParseChecklist(data.Checklist, data.ChecklistPath)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func example(t *testing.T) *questions.Company {
	t.Helper()
	c, err := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// writeFile writes a file under home, creating directories.
func writeFile(t *testing.T, home, rel, content string) string {
	t.Helper()
	p := filepath.Join(home, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// acmeNotes are complete notes for a made-up company.
const acmeNotes = `name: Acme Home Supplies
slug: acme
industry: home improvement retail
products: [paint and decorating, garden tools, kitchen fittings]
values: [Fix it first time, Every customer is a neighbour]
news:
  - {date: 2026-08-01, headline: Acme opens click-and-collect lockers}
  - {date: 2026-10-12, headline: Acme launches a kitchen design service}
support:
  channels: [phone, live chat, email]
  metrics: [CSAT, first contact resolution]
questions_to_ask:
  - How has the kitchen design service changed what customers call about?
notes: Busy weekends in spring.
sources: [https://example.com/acme/about]
`

// thinNotes have one product, one news item and no support metrics.
const thinNotes = `name: Thin Co
slug: thin
products: [widgets]
news:
  - {date: 2026-01-05, headline: Thin Co opens a shop}
support:
  channels: [email]
`

// story returns a story proving competencies, with a measured result
// unless vague is set.
func story(id string, vague bool, competencies ...string) *questions.Story {
	s := &questions.Story{ID: id, Title: "Story " + id, Competencies: competencies, STAR: questions.StoryParts(strongParts)}
	if vague {
		s.STAR.Result = "The customer was happy in the end and thanked me."
	}
	return s
}

func saveStories(t *testing.T, home string, stories ...*questions.Story) {
	t.Helper()
	for _, s := range stories {
		if _, err := StoriesIn(home).Save(s); err != nil {
			t.Fatal(err)
		}
	}
}

// sampleAnswer is an answer to a bank question, strong or weak.
type sampleAnswer struct {
	question string
	strong   bool
}

// saveSession writes a finished session for company with the answers given.
func saveSession(t *testing.T, home, id, company string, answers ...sampleAnswer) string {
	t.Helper()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s := &star.Session{ID: id, StartedAt: at, Finished: true, Mode: ModeSTAR, Company: company}
	for _, a := range answers {
		s.QuestionIDs = append(s.QuestionIDs, a.question)
		ans := star.Answer{QuestionID: a.question, Question: "Question " + a.question, AnsweredAt: at, Company: company}
		if a.strong {
			p := strongParts
			ans.STAR = &p
		} else {
			ans.Text = weakText
		}
		s.Answers = append(s.Answers, ans)
	}
	s.Next = len(s.QuestionIDs)
	path := SessionsDir(home).Path(id)
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	return path
}
