package star

import "strings"

// Rubric holds the weights, cues and thresholds the scorer uses.
type Rubric struct{}

// ParseRubric reads a rubric file.
func ParseRubric(data []byte, path string) (*Rubric, error) { return &Rubric{}, nil }

// Score scores one answer. q may be nil when the question is unknown.
func Score(r *Rubric, q *QuestionInfo, a Answer) Result {
	res := Result{Schema: ScoreSchema, ID: a.ID, QuestionID: a.QuestionID, Components: map[string]Component{}, Checks: []Check{}, Tips: []string{}}
	parts := map[string]string{}
	if a.STAR != nil {
		parts = map[string]string{"situation": a.STAR.Situation, "task": a.STAR.Task, "action": a.STAR.Action, "result": a.STAR.Result}
	} else {
		parts["action"] = a.Text
	}
	total := 0
	for _, c := range Components {
		w := len(strings.Fields(parts[c]))
		res.Words += w
		comp := Component{Present: w > 0, Words: w, Sentences: []string{}}
		if w > 0 {
			comp.Score = min(100, w*2)
			comp.Sentences = append(comp.Sentences, strings.TrimSpace(parts[c]))
		}
		total += comp.Score
		res.Components[c] = comp
	}
	res.Score = total / 4
	res.Band = BandIncomplete
	if res.Score >= 50 {
		res.Band = BandNeedsWork
	}
	return res
}
