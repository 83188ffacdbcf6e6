package coach

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/suggest"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// SessionInfo is what `starprep sessions list` shows of one saved session.
// Its JSON form is what `sessions list --format json` prints.
type SessionInfo struct {
	ID        string    `json:"id"`
	Path      string    `json:"path"`
	StartedAt time.Time `json:"started_at"`
	Finished  bool      `json:"finished"`
	Mode      string    `json:"mode,omitempty"`
	Company   string    `json:"company,omitempty"`
	// Questions is how many were planned; Answered how many have a scored
	// answer.
	Questions int `json:"questions"`
	Answered  int `json:"answered"`
	// FirstAverage and FinalAverage are the means of the first and final
	// attempts' scores (null when nothing was answered).
	FirstAverage *int `json:"first_average"`
	FinalAverage *int `json:"final_average"`
	Retries      int  `json:"retries"`
	FollowUps    int  `json:"follow_ups"`
	// Draft is true when an answer being typed was kept.
	Draft bool `json:"draft,omitempty"`
}

// Describe scores a saved session into its row. Questions the bank no
// longer has are scored without their keywords.
func Describe(s Saved, bank *questions.Bank, rubric *star.Rubric, companies CompanyTerms) SessionInfo {
	sum := Summarise(s.Session, PlanQuestions(s.Session, bank), rubric, companies)
	info := SessionInfo{
		ID: s.ID, Path: s.Path, StartedAt: s.StartedAt, Finished: s.Finished, Mode: s.Mode, Company: s.Company,
		Questions: len(s.QuestionIDs), FirstAverage: sum.FirstAverage, FinalAverage: sum.Average, Draft: s.Draft != nil,
	}
	for _, r := range sum.Rows {
		if r.Attempts > 0 {
			info.Answered++
			info.Retries += r.Attempts - 1
		}
		info.FollowUps += r.FollowUps
	}
	return info
}

// Outline says in a few words how the session went ("3 of 5 questions
// answered, average 72").
func (i SessionInfo) Outline() string {
	s := fmt.Sprintf("%d of %d question%s answered", i.Answered, i.Questions, plural(i.Questions))
	if i.Answered == i.Questions {
		s = fmt.Sprintf("%d question%s answered", i.Answered, plural(i.Answered))
	}
	if i.FinalAverage != nil {
		s += fmt.Sprintf(", average %d", *i.FinalAverage)
		if i.FirstAverage != nil && *i.FirstAverage != *i.FinalAverage {
			s += fmt.Sprintf(" (%d at first try)", *i.FirstAverage)
		}
	}
	return s
}

// Status is "finished", or where an unfinished session stopped.
func (i SessionInfo) Status() string {
	if i.Finished {
		return "finished"
	}
	s := fmt.Sprintf("stopped, %d of %d done", i.Answered, i.Questions)
	if i.Draft {
		s += ", draft kept"
	}
	return s
}

// PlanQuestions is the session's questions as the bank has them; one the
// bank lacks is rebuilt from its answers so that it still scores.
func PlanQuestions(s *star.Session, bank *questions.Bank) []questions.Question {
	qs := make([]questions.Question, 0, len(s.QuestionIDs))
	for _, id := range s.QuestionIDs {
		if bank != nil {
			if q, ok := bank.Get(id); ok {
				qs = append(qs, q)
				continue
			}
		}
		q := questions.Question{ID: id, Text: id}
		for _, a := range s.Answers {
			if a.QuestionID == id && !a.FollowUp {
				q.Text, q.STAR = a.Question, a.STAR != nil
				break
			}
		}
		qs = append(qs, q)
	}
	return qs
}

// ScoredAnswer is one saved answer and its score, for `sessions show`.
type ScoredAnswer struct {
	// N is the question's place in the plan (1-based).
	N      int
	Answer star.Answer
	// Result is the zero value for a skipped answer.
	Result star.Result
	// Story is true when the answer was asked for as a STAR story (not a
	// follow-up, nor a question of another kind).
	Story bool
}

// ScoreAnswers scores every answer of a session, in the order given.
func ScoreAnswers(s *star.Session, bank *questions.Bank, rubric *star.Rubric, companies CompanyTerms) []ScoredAnswer {
	qs := PlanQuestions(s, bank)
	var out []ScoredAnswer
	for _, a := range s.Answers {
		sa := ScoredAnswer{Answer: a}
		i := slices.IndexFunc(qs, func(q questions.Question) bool { return q.ID == a.QuestionID })
		if i >= 0 {
			sa.N = i + 1
			sa.Story = qs[i].STAR && !a.FollowUp
		}
		if !a.Skipped && !a.Empty() {
			info := &star.QuestionInfo{ID: a.QuestionID, Text: a.Question, STAR: a.STAR != nil}
			if i >= 0 {
				info = questionInfo(qs[i], a.Question)
			}
			if a.FollowUp {
				info = followUpInfo(a.QuestionID, a.Question)
			}
			info.Company = companies.of(s.Company)
			sa.Result = star.Score(rubric, info, a)
		}
		out = append(out, sa)
	}
	return out
}

// SessionNotFoundError: no saved session has that id.
type SessionNotFoundError struct {
	ID string
	// Near are ids that look like it.
	Near []string
}

func (e *SessionNotFoundError) Error() string { return fmt.Sprintf("no session %q", e.ID) }

// AmbiguousSessionError: an id prefix matches several sessions.
type AmbiguousSessionError struct {
	ID      string
	Matches []string
}

func (e *AmbiguousSessionError) Error() string {
	return fmt.Sprintf("%q matches %d sessions: %s", e.ID, len(e.Matches), strings.Join(e.Matches, ", "))
}

// Find returns the session with the given id, or the only one whose id
// starts with it ("20261122" for the one session of that day). Errors are
// *SessionNotFoundError and *AmbiguousSessionError.
func Find(sessions []Saved, id string) (Saved, error) {
	var matches []Saved
	for _, s := range sessions {
		if s.ID == id {
			return s, nil
		}
		if id != "" && strings.HasPrefix(s.ID, id) {
			matches = append(matches, s)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		nf := &SessionNotFoundError{ID: id}
		for _, s := range sessions {
			if suggest.Distance(s.ID, id) <= 2 {
				nf.Near = append(nf.Near, s.ID)
			}
		}
		return Saved{}, nf
	}
	amb := &AmbiguousSessionError{ID: id}
	for _, m := range matches {
		amb.Matches = append(amb.Matches, m.ID)
	}
	return Saved{}, amb
}
