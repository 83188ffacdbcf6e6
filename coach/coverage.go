package coach

import (
	"cmp"
	"slices"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// CoverageSchema names the JSON form of Coverage.
const CoverageSchema = "starprep.coverage/v1"

// Coverage statuses of a competency.
const (
	Covered = "covered" // two stories or more prove it
	Thin    = "thin"    // only one story does: if it does not fit, there is no other
	Missing = "missing" // no story does
)

// LeanedOnMax is how many questions one story may answer before it counts
// as leaned on; a story answering more than half of all the questions the
// stories answer (with at least LeanedOnMax+2 in all) is leaned on too.
const LeanedOnMax = 4

// Coverage is the story bank against the competencies the question bank's
// story questions probe.
type Coverage struct {
	Schema string `json:"schema"`
	// Competencies are those probed by the bank's STAR questions, the most
	// asked about first.
	Competencies []CompetencyCover `json:"competencies"`
	Stories      []StoryUse        `json:"stories"`
	// Other lists competencies the stories claim that no STAR question of
	// the bank probes.
	Other []string `json:"other"`
}

// CompetencyCover is one competency and the stories that prove it.
type CompetencyCover struct {
	Name string `json:"name"`
	// Questions is how many STAR questions of the bank probe it.
	Questions int      `json:"questions"`
	Stories   []string `json:"stories"`
	Status    string   `json:"status"`
}

// StoryUse is one story: what it proves, the questions it answers and its
// score.
type StoryUse struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Competencies []string `json:"competencies"`
	// Questions are the question ids it answers: its used_for, and the
	// questions of interview answers that told it.
	Questions []string `json:"questions"`
	LeanedOn  bool     `json:"leaned_on"`
	Score     int      `json:"score"`
	Band      string   `json:"band"`
}

// BuildCoverage works out which competencies the stories cover. sessions
// may be nil; answers in them that name a story count as uses of it.
func BuildCoverage(stories []StoryEntry, bank *questions.Bank, rubric *star.Rubric, sessions []Saved) *Coverage {
	cov := &Coverage{Schema: CoverageSchema, Competencies: []CompetencyCover{}, Stories: []StoryUse{}, Other: []string{}}
	asked := map[string]int{}
	for _, q := range bank.Questions {
		if q.STAR {
			for _, c := range q.Competencies {
				asked[c]++
			}
		}
	}
	told := map[string][]string{}
	for _, s := range sessions {
		for _, a := range s.Answers {
			if a.Story != "" && a.QuestionID != "" && !slices.Contains(told[a.Story], a.QuestionID) {
				told[a.Story] = append(told[a.Story], a.QuestionID)
			}
		}
	}
	proves := map[string][]string{}
	total := 0
	for _, e := range stories {
		use := StoryUse{ID: e.ID, Title: e.Title, Competencies: e.Competencies, Questions: []string{}}
		for _, q := range append(slices.Clone(e.UsedFor), told[e.ID]...) {
			if !slices.Contains(use.Questions, q) {
				use.Questions = append(use.Questions, q)
			}
		}
		total += len(use.Questions)
		res := ScoreStory(rubric, bank, e.Story)
		use.Score, use.Band = res.Score, res.Band
		for _, c := range e.Competencies {
			if !slices.Contains(proves[c], e.ID) {
				proves[c] = append(proves[c], e.ID)
			}
			if asked[c] == 0 && !slices.Contains(cov.Other, c) {
				cov.Other = append(cov.Other, c)
			}
		}
		cov.Stories = append(cov.Stories, use)
	}
	for i := range cov.Stories {
		n := len(cov.Stories[i].Questions)
		cov.Stories[i].LeanedOn = n > LeanedOnMax || (len(stories) > 1 && total >= LeanedOnMax+2 && 2*n > total)
	}
	for c, n := range asked {
		cc := CompetencyCover{Name: c, Questions: n, Stories: proves[c], Status: Covered}
		if cc.Stories == nil {
			cc.Stories = []string{}
		}
		switch len(cc.Stories) {
		case 0:
			cc.Status = Missing
		case 1:
			cc.Status = Thin
		}
		cov.Competencies = append(cov.Competencies, cc)
	}
	slices.SortFunc(cov.Competencies, func(a, b CompetencyCover) int {
		return cmp.Or(cmp.Compare(b.Questions, a.Questions), cmp.Compare(a.Name, b.Name))
	})
	slices.Sort(cov.Other)
	return cov
}

// WithStatus lists the names of competencies with the given status.
func (c *Coverage) WithStatus(status string) []string {
	var out []string
	for _, cc := range c.Competencies {
		if cc.Status == status {
			out = append(out, cc.Name)
		}
	}
	return out
}

// LeanedOn lists the ids of stories leaned on too often.
func (c *Coverage) LeanedOn() []string {
	var out []string
	for _, s := range c.Stories {
		if s.LeanedOn {
			out = append(out, s.ID)
		}
	}
	return out
}
