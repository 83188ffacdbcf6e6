package coach

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Record is one scored answer from the saved sessions. Scores are computed
// again from the answer text with the current rubric, so the history always
// agrees with what `starprep score` says today.
type Record struct {
	SessionID    string
	Company      string
	At           time.Time
	QuestionID   string
	Competencies []string // from the bank; empty when the question is unknown
	// ExpectsSTAR is true when the question asks for a STAR story.
	ExpectsSTAR bool
	FollowUp    bool
	// First is true for the first attempt at a question in its session.
	First      bool
	Score      int
	Band       string
	Components map[string]int
}

// History is every scored answer, oldest session first.
type History struct {
	Records []Record
	// latest is, per question id, the best band of the most recent session
	// that answered it.
	latest map[string]string
}

// BuildHistory scores every answer of sessions (skipped answers have no
// score and are left out). bank gives each question's competencies and
// keywords; questions missing from it are scored without them.
func BuildHistory(sessions []Saved, bank *questions.Bank, rubric *star.Rubric, companies CompanyTerms) *History {
	h := &History{latest: map[string]string{}}
	for _, s := range sessions {
		seen := map[string]bool{}
		best := map[string]Record{}
		for _, a := range s.Answers {
			if a.Skipped || a.Empty() {
				continue
			}
			var q *questions.Question
			if bank != nil {
				if bq, ok := bank.Get(a.QuestionID); ok {
					q = &bq
				}
			}
			info := &star.QuestionInfo{ID: a.QuestionID, Text: a.Question, STAR: a.STAR != nil}
			rec := Record{SessionID: s.ID, Company: s.Company, At: a.AnsweredAt, QuestionID: a.QuestionID, FollowUp: a.FollowUp, ExpectsSTAR: a.STAR != nil}
			if q != nil {
				info = questionInfo(*q, a.Question)
				rec.Competencies = q.Competencies
				rec.ExpectsSTAR = q.STAR
			}
			if a.FollowUp {
				info = followUpInfo(a.QuestionID, a.Question)
				rec.ExpectsSTAR = false
			}
			info.Company = companies.of(s.Company)
			res := star.Score(rubric, info, a)
			rec.Score, rec.Band = res.Score, res.Band
			rec.Components = make(map[string]int, len(star.Components))
			for _, c := range star.Components {
				rec.Components[c] = res.Components[c].Score
			}
			if !a.FollowUp {
				rec.First = !seen[a.QuestionID]
				seen[a.QuestionID] = true
				if b, ok := best[a.QuestionID]; !ok || rec.Score > b.Score {
					best[a.QuestionID] = rec
				}
			}
			h.Records = append(h.Records, rec)
		}
		for id, r := range best {
			h.latest[id] = r.Band
		}
	}
	return h
}

// questionInfo is what the scorer needs from a bank question; asked is the
// text as it was put to the candidate (with the company filled in).
func questionInfo(q questions.Question, asked string) *star.QuestionInfo { return ScoreInfo(q, asked) }

// followUpInfo is what the scorer needs for a follow-up question: a direct
// answer, with no keywords (the main question's would not fit it).
func followUpInfo(id, asked string) *star.QuestionInfo {
	return &star.QuestionInfo{ID: id, Text: asked}
}

// Empty reports whether there is no scored answer at all.
func (h *History) Empty() bool { return h == nil || len(h.Records) == 0 }

// Rank orders questions for practice, lower first: never practised or
// incomplete last time (0), needs work (1), good (2), strong (3).
func (h *History) Rank(q questions.Question) int {
	if h == nil {
		return 0
	}
	switch h.latest[q.ID] {
	case star.BandNeedsWork:
		return 1
	case star.BandGood:
		return 2
	case star.BandStrong:
		return 3
	default:
		return 0
	}
}

// Average is a mean score over some answers.
type Average struct {
	Name    string `json:"name"`
	Average int    `json:"average"`
	Answers int    `json:"answers"`
}

// ComponentAverages is the mean score of each STAR part, in STAR order, over
// the first attempts at questions that ask for a story. Parts with no
// answers are left out.
func (h *History) ComponentAverages() []Average {
	if h == nil {
		return nil
	}
	var out []Average
	for _, c := range star.Components {
		var sum, n int
		for _, r := range h.Records {
			if r.First && r.ExpectsSTAR {
				sum += r.Components[c]
				n++
			}
		}
		if n > 0 {
			out = append(out, Average{Name: c, Average: roundDiv(sum, n), Answers: n})
		}
	}
	return out
}

// CompetencyAverages is the mean first-attempt score per competency,
// weakest first (ties: fewer answers first, then by name).
func (h *History) CompetencyAverages() []Average {
	if h == nil {
		return nil
	}
	sums, counts := map[string]int{}, map[string]int{}
	for _, r := range h.Records {
		if !r.First {
			continue
		}
		for _, c := range r.Competencies {
			sums[c] += r.Score
			counts[c]++
		}
	}
	out := make([]Average, 0, len(sums))
	for c, s := range sums {
		out = append(out, Average{Name: c, Average: roundDiv(s, counts[c]), Answers: counts[c]})
	}
	slices.SortFunc(out, func(a, b Average) int {
		return cmp.Or(cmp.Compare(a.Average, b.Average), cmp.Compare(a.Answers, b.Answers), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// Focus is what a drill works on: the weakest competencies and STAR part.
type Focus struct {
	Competencies []Average
	// Part is the weakest STAR part, nil when no story was answered yet.
	Part *Average
}

// weakestPart returns the STAR part with the lowest average.
func weakestPart(avgs []Average) *Average {
	if len(avgs) == 0 {
		return nil
	}
	w := slices.MinFunc(avgs, func(a, b Average) int { return cmp.Compare(a.Average, b.Average) })
	return &w
}

func roundDiv(sum, n int) int {
	if n == 0 {
		return 0
	}
	return int(math.Round(float64(sum) / float64(n)))
}

// filterHistory keeps the records of sessions for one company ("" keeps all).
func filterSessions(sessions []Saved, company string) []Saved {
	if company == "" {
		return sessions
	}
	var out []Saved
	for _, s := range sessions {
		if s.Company == company {
			out = append(out, s)
		}
	}
	return out
}
