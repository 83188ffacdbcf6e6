package coach

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Summary is the end of an interview: one row per question.
type Summary struct {
	Rows []SummaryRow
	// FirstAverage and Average are the means of the first and the final
	// scores of answered questions; nil when nothing was answered.
	FirstAverage, Average *int
	// Path is the session file.
	Path string
}

// SummaryRow is one question of a finished interview.
type SummaryRow struct {
	N          int
	QuestionID string
	Question   string
	Skipped    bool // no attempt was scored
	Asked      bool // false for questions not reached (finished early)
	First      int  // first attempt's score
	Final      int  // last attempt's score
	Band       string
	Attempts   int
	FollowUps  int
}

// summary shows the end-of-session table and, for a company, questions the
// candidate could ask at the end of the real interview.
func (se *session) summary() error {
	sum := Summarise(se.s, se.qs, se.iv.Rubric, se.companyTerms)
	sum.Path = se.path
	se.printf("\n%s\n", rule())
	if err := se.iv.Display.Summary(se.iv.Out, sum); err != nil {
		return err
	}
	if se.company != nil {
		if asks := se.asksToShow(3); len(asks) > 0 {
			se.printf("\nQuestions you could ask %s at the end:\n", se.company.ShortName())
			for i, q := range asks {
				se.printf("%s\n", wrap(q, 72, fmt.Sprintf("  %d. ", i+1), "     "))
			}
			se.printf("Choose your own in step 5 of: starprep checklist --company %s\n", se.company.Slug)
		}
	}
	se.printf("\nSaved to %s\nSee your trend with: starprep progress\n", se.path)
	return nil
}

// asksToShow is what the end of an interview suggests asking: the
// questions chosen in the checklist for this company first, then
// AskQuestions'.
func (se *session) asksToShow(n int) []string {
	var out []string
	if p, err := LoadChecklistProgress(ChecklistPath(se.iv.Home)); err != nil {
		fmt.Fprintf(se.iv.Warn, "starprep: warning: %v (the questions you chose in the checklist are left out)\n", err)
	} else {
		for _, a := range p.Asks(se.company.Slug) {
			if len(out) < n && !slices.Contains(out, a.Text) {
				out = append(out, a.Text)
			}
		}
	}
	for _, q := range AskQuestions(se.company, se.iv.Bank, se.rng, n) {
		if len(out) < n && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// AskQuestions picks n questions the candidate could ask the interviewer:
// up to two from the company's own notes, in their order, and the rest from
// the bank's `ask` questions, with the company's name filled in.
func AskQuestions(c *questions.Company, bank *questions.Bank, rng *rand.Rand, n int) []string {
	var out []string
	fromNotes := min(len(c.QuestionsToAsk), n-1)
	if fromNotes < 0 {
		fromNotes = 0
	}
	var bankAsks []string
	for _, q := range bank.Questions {
		if q.Category == "ask" {
			bankAsks = append(bankAsks, questions.Fill(q.Text, c.ShortName()))
		}
	}
	if len(bankAsks) == 0 {
		fromNotes = min(len(c.QuestionsToAsk), n)
	}
	for _, q := range c.QuestionsToAsk[:fromNotes] {
		if q = strings.TrimSpace(q); q != "" {
			out = append(out, q)
		}
	}
	rng.Shuffle(len(bankAsks), func(i, j int) { bankAsks[i], bankAsks[j] = bankAsks[j], bankAsks[i] })
	for _, q := range bankAsks {
		if len(out) >= n {
			break
		}
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// Summarise scores a session's answers into its summary rows.
func Summarise(s *star.Session, qs []questions.Question, rubric *star.Rubric, companies CompanyTerms) Summary {
	var sum Summary
	total, firsts, n := 0, 0, 0
	for i, q := range qs {
		row := SummaryRow{N: i + 1, QuestionID: q.ID, Question: q.Text, Asked: i < s.Next}
		scored := 0
		for _, a := range s.Answers {
			if a.QuestionID != q.ID {
				continue
			}
			row.Asked = true
			if a.FollowUp {
				if !a.Skipped {
					row.FollowUps++
				}
				continue
			}
			row.Question = a.Question
			if a.Skipped {
				continue
			}
			info := questionInfo(q, a.Question)
			info.Company = companies.of(s.Company)
			res := star.Score(rubric, info, a)
			if scored == 0 {
				row.First = res.Score
			}
			scored++
			row.Final, row.Band = res.Score, res.Band
		}
		row.Attempts = scored
		row.Skipped = row.Asked && scored == 0
		if scored > 0 {
			total += row.Final
			firsts += row.First
			n++
		}
		sum.Rows = append(sum.Rows, row)
	}
	if n > 0 {
		avg, first := roundDiv(total, n), roundDiv(firsts, n)
		sum.Average, sum.FirstAverage = &avg, &first
	}
	return sum
}

// answered is how many questions of s have an answer.
func answered(s *star.Session) int {
	ids := map[string]bool{}
	for _, a := range s.Answers {
		if !a.Skipped && !a.FollowUp {
			ids[a.QuestionID] = true
		}
	}
	return len(ids)
}

// PlainDisplay shows feedback and summaries as plain text, without tables.
type PlainDisplay struct{}

// Card implements Display.
func (PlainDisplay) Card(w io.Writer, res star.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Score: %d/100 (%s)\n", res.Score, res.Band)
	for _, c := range star.Components {
		comp, ok := res.Components[c]
		if !ok {
			continue
		}
		found := "missing"
		if comp.Present {
			found = "found"
		}
		fmt.Fprintf(&b, "  %-9s %-7s %3d\n", c, found, comp.Score)
	}
	if len(res.Tips) > 0 {
		fmt.Fprintf(&b, "Top tip: %s\n", res.Tips[0])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Details implements Display.
func (PlainDisplay) Details(w io.Writer, res star.Result) error {
	var b strings.Builder
	for _, c := range res.Checks {
		mark := "✗"
		if c.OK {
			mark = "✓"
		}
		fmt.Fprintf(&b, "  %s %s\n", mark, c.Message)
	}
	for i, t := range res.Tips {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, t)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary implements Display.
func (PlainDisplay) Summary(w io.Writer, sum Summary) error {
	var b strings.Builder
	b.WriteString("Summary\n")
	for _, r := range sum.Rows {
		switch {
		case !r.Asked:
			fmt.Fprintf(&b, "  %d. %s: not asked\n", r.N, r.QuestionID)
		case r.Skipped:
			fmt.Fprintf(&b, "  %d. %s: skipped\n", r.N, r.QuestionID)
		case r.Attempts > 1:
			fmt.Fprintf(&b, "  %d. %s: %d → %d (%d attempts)\n", r.N, r.QuestionID, r.First, r.Final, r.Attempts)
		default:
			fmt.Fprintf(&b, "  %d. %s: %d\n", r.N, r.QuestionID, r.Final)
		}
	}
	if sum.Average != nil {
		fmt.Fprintf(&b, "Average: %d\n", *sum.Average)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
