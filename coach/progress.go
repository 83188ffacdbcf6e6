package coach

import (
	"time"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// ProgressSchema names the JSON form of a Progress report.
const ProgressSchema = "starprep.progress/v1"

// Progress is the practice history in numbers: one row per session, and the
// average score per STAR part and per competency. Its JSON form is printed
// by `starprep progress --format json`.
type Progress struct {
	Schema   string        `json:"schema"`
	Company  string        `json:"company,omitempty"`
	Sessions []SessionStat `json:"sessions"`
	// Components are the STAR parts in order, over first attempts at story
	// questions.
	Components []Average `json:"components"`
	// Competencies are weakest first.
	Competencies []Average `json:"competencies"`
	// WeakestPart and WeakestCompetency are what `interview --drill` works on.
	WeakestPart       string `json:"weakest_part,omitempty"`
	WeakestCompetency string `json:"weakest_competency,omitempty"`
}

// SessionStat summarises one session.
type SessionStat struct {
	ID        string    `json:"id"`
	StartedAt time.Time `json:"started_at"`
	Company   string    `json:"company,omitempty"`
	Mode      string    `json:"mode,omitempty"`
	Finished  bool      `json:"finished"`
	Questions int       `json:"questions"` // planned
	Answered  int       `json:"answered"`  // questions with at least one scored answer
	Skipped   int       `json:"skipped"`
	Retries   int       `json:"retries"`
	FollowUps int       `json:"follow_ups"`
	// FirstTry is the mean score of first attempts: how the interview went.
	// Best is the mean of each question's best attempt, after retries.
	// Both are null when nothing was answered.
	FirstTry *int `json:"first_try"`
	Best     *int `json:"best"`
}

// BuildProgress aggregates the sessions (oldest first), keeping only those
// for company when it is not empty. Sessions with no answers at all (started
// and left at the first question) are left out.
func BuildProgress(sessions []Saved, bank *questions.Bank, rubric *star.Rubric, company string, companies CompanyTerms) *Progress {
	sessions = filterSessions(sessions, company)
	h := BuildHistory(sessions, bank, rubric, companies)
	p := &Progress{Schema: ProgressSchema, Company: company, Sessions: []SessionStat{}, Components: []Average{}, Competencies: []Average{}}
	bySession := map[string][]Record{}
	for _, r := range h.Records {
		bySession[r.SessionID] = append(bySession[r.SessionID], r)
	}
	for _, s := range sessions {
		if len(s.Answers) == 0 {
			continue
		}
		st := SessionStat{ID: s.ID, StartedAt: s.StartedAt, Company: s.Company, Mode: s.Mode, Finished: s.Finished, Questions: len(s.QuestionIDs)}
		for _, a := range s.Answers {
			switch {
			case a.Skipped && !a.FollowUp && a.Attempt <= 1:
				st.Skipped++
			case a.FollowUp && !a.Skipped:
				st.FollowUps++
			case a.Attempt > 1 && !a.Skipped:
				st.Retries++
			}
		}
		var firstSum, firstN int
		best := map[string]int{}
		for _, r := range bySession[s.ID] {
			if r.FollowUp {
				continue
			}
			if r.First {
				firstSum += r.Score
				firstN++
			}
			if b, ok := best[r.QuestionID]; !ok || r.Score > b {
				best[r.QuestionID] = r.Score
			}
		}
		st.Answered = len(best)
		if firstN > 0 {
			v := roundDiv(firstSum, firstN)
			st.FirstTry = &v
			sum := 0
			for _, b := range best {
				sum += b
			}
			w := roundDiv(sum, len(best))
			st.Best = &w
		}
		p.Sessions = append(p.Sessions, st)
	}
	p.Components = append(p.Components, h.ComponentAverages()...)
	p.Competencies = append(p.Competencies, h.CompetencyAverages()...)
	if w := weakestPart(p.Components); w != nil {
		p.WeakestPart = w.Name
	}
	if len(p.Competencies) > 0 {
		p.WeakestCompetency = p.Competencies[0].Name
	}
	return p
}

// Trend is the first-try average of each session that has one, oldest first.
func (p *Progress) Trend() []int {
	var out []int
	for _, s := range p.Sessions {
		if s.FirstTry != nil {
			out = append(out, *s.FirstTry)
		}
	}
	return out
}
