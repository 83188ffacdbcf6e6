package star

import (
	"slices"
	"strings"
)

// Summary sums up the scores of many answers (the "summary" of
// `review --format json`). A Tally builds it as results pass, in memory
// that does not grow with their number.
type Summary struct {
	Answers int `json:"answers"`
	// Invalid counts the answers (or files) that could not be read and
	// were skipped (with --skip-invalid).
	Invalid int `json:"invalid"`
	// Skipped counts questions the person chose to skip; they are not
	// scored.
	Skipped int     `json:"skipped"`
	Mean    float64 `json:"mean"`
	Median  float64 `json:"median"`
	Min     int     `json:"min"`
	Max     int     `json:"max"`
	// Bands counts answers per band.
	Bands map[string]int `json:"bands"`
	// Distribution counts scores in steps of ten: [0] is 0–9, [1] 10–19,
	// ... [9] 90–100.
	Distribution [10]int `json:"distribution"`
	// STARAnswers counts the answers scored as STAR stories (with
	// components); Parts and Missing are over these only.
	STARAnswers int `json:"star_answers"`
	// Parts has, per STAR part, the share of STAR answers where it was
	// found and its mean score.
	Parts map[string]PartSummary `json:"parts"`
	// Missing counts, per STAR part, the STAR answers that lack it.
	Missing map[string]int `json:"missing"`
	// FailedChecks counts, per check id, the answers that failed it.
	FailedChecks map[string]int `json:"failed_checks"`
	// Competencies is the mean score per competency of the questions
	// answered, weakest first.
	Competencies []CompetencySummary `json:"competencies"`
	// MinScore is the threshold given, and BelowMin how many fell below it.
	MinScore int `json:"min_score,omitempty"`
	BelowMin int `json:"below_min"`
}

// PartSummary is one STAR part across many answers.
type PartSummary struct {
	Found     float64 `json:"found"`
	MeanScore float64 `json:"mean_score"`
}

// CompetencySummary is one competency across the answers to questions that
// probe it.
type CompetencySummary struct {
	Name    string  `json:"name"`
	Answers int     `json:"answers"`
	Mean    float64 `json:"mean"`
}

// Tally accumulates a Summary one result at a time. Scores are whole
// numbers from 0 to 100, so a histogram gives the exact median without
// keeping them.
type Tally struct {
	minScore  int
	n, total  int
	hist      [101]int
	bands     map[string]int
	star      int
	found     [4]int
	partTotal [4]int
	failed    map[string]int
	below     int
	comp      map[string]*[2]int // answers, total score
	// Invalid and Skipped are counted by the caller.
	Invalid, Skipped int
}

// NewTally starts a tally; minScore 0 means no threshold.
func NewTally(minScore int) *Tally {
	return &Tally{minScore: minScore, bands: map[string]int{}, failed: map[string]int{}, comp: map[string]*[2]int{}}
}

// Add counts one result; competencies are those of the question answered
// (none when it is not known).
func (t *Tally) Add(r *Result, competencies []string) {
	score := min(max(r.Score, 0), 100)
	t.n++
	t.total += score
	t.hist[score]++
	t.bands[r.Band]++
	if t.minScore > 0 && r.Score < t.minScore {
		t.below++
	}
	// Results without components (a motivation answer, say) have no STAR
	// parts to be missing.
	if len(r.Components) > 0 {
		t.star++
		for i, c := range Components {
			if r.Components[c].Present {
				t.found[i]++
			}
			t.partTotal[i] += r.Components[c].Score
		}
	}
	for _, ck := range r.Checks {
		if !ck.OK {
			t.failed[ck.ID]++
		}
	}
	for _, c := range competencies {
		acc := t.comp[c]
		if acc == nil {
			acc = &[2]int{}
			t.comp[c] = acc
		}
		acc[0]++
		acc[1] += score
	}
}

// Below is how many results so far scored under the threshold.
func (t *Tally) Below() int { return t.below }

// Summary is the summary of what was added so far.
func (t *Tally) Summary() Summary {
	s := Summary{Answers: t.n, Invalid: t.Invalid, Skipped: t.Skipped, Bands: map[string]int{},
		Parts: map[string]PartSummary{}, Missing: map[string]int{}, FailedChecks: map[string]int{},
		Competencies: []CompetencySummary{}, MinScore: t.minScore, BelowMin: t.below, STARAnswers: t.star}
	for _, b := range []string{BandStrong, BandGood, BandNeedsWork, BandIncomplete} {
		s.Bands[b] = 0
	}
	for b, n := range t.bands {
		s.Bands[b] = n
	}
	for id, n := range t.failed {
		s.FailedChecks[id] = n
	}
	for i, c := range Components {
		s.Missing[c] = t.star - t.found[i]
		if t.star > 0 {
			s.Parts[c] = PartSummary{Found: round1(100*float64(t.found[i])/float64(t.star)) / 100, MeanScore: round1(float64(t.partTotal[i]) / float64(t.star))}
		}
	}
	if t.n == 0 {
		return s
	}
	s.Min, s.Max = -1, 0
	for score, k := range t.hist {
		if k > 0 {
			if s.Min < 0 {
				s.Min = score
			}
			s.Max = score
			s.Distribution[min(score/10, 9)] += k
		}
	}
	s.Mean = round1(float64(t.total) / float64(t.n))
	if t.n%2 == 1 {
		s.Median = float64(t.rank(t.n / 2))
	} else {
		s.Median = round1(float64(t.rank(t.n/2-1)+t.rank(t.n/2)) / 2)
	}
	for name, acc := range t.comp {
		s.Competencies = append(s.Competencies, CompetencySummary{Name: name, Answers: acc[0], Mean: round1(float64(acc[1]) / float64(acc[0]))})
	}
	slices.SortFunc(s.Competencies, func(a, b CompetencySummary) int {
		if a.Mean != b.Mean {
			if a.Mean < b.Mean {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return s
}

// rank is the score at 0-based position k in sorted order.
func (t *Tally) rank(k int) int {
	for score, n := range t.hist {
		if k < n {
			return score
		}
		k -= n
	}
	return 100
}

// Summarize sums up results; minScore 0 means no threshold.
func Summarize(results []Result, minScore int) Summary {
	t := NewTally(minScore)
	for i := range results {
		t.Add(&results[i], nil)
	}
	return t.Summary()
}

func round1(v float64) float64 {
	if v < 0 {
		return -round1(-v)
	}
	return float64(int(v*10+0.5)) / 10
}
