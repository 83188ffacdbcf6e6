package star

import "sort"

// Summary sums up the scores of many answers (the "summary" of
// `review --format json`).
type Summary struct {
	Answers int `json:"answers"`
	// Invalid counts the files or answers that could not be read and were
	// skipped (with --skip-invalid).
	Invalid int     `json:"invalid"`
	Mean    float64 `json:"mean"`
	Median  float64 `json:"median"`
	Min     int     `json:"min"`
	Max     int     `json:"max"`
	// Bands counts answers per band.
	Bands map[string]int `json:"bands"`
	// Parts has, per STAR part, the share of answers where it was found and
	// its mean score.
	Parts map[string]PartSummary `json:"parts"`
	// FailedChecks counts, per check id, the answers that failed it, most
	// common first in the text report.
	FailedChecks map[string]int `json:"failed_checks"`
	// MinScore is the threshold given, and BelowMin how many fell below it.
	MinScore int `json:"min_score,omitempty"`
	BelowMin int `json:"below_min"`
}

// PartSummary is one STAR part across many answers.
type PartSummary struct {
	Found     float64 `json:"found"`
	MeanScore float64 `json:"mean_score"`
}

// Summarize sums up results; minScore 0 means no threshold.
func Summarize(results []Result, minScore int) Summary {
	s := Summary{Answers: len(results), Bands: map[string]int{}, Parts: map[string]PartSummary{},
		FailedChecks: map[string]int{}, MinScore: minScore}
	for _, b := range []string{BandStrong, BandGood, BandNeedsWork, BandIncomplete} {
		s.Bands[b] = 0
	}
	if len(results) == 0 {
		return s
	}
	scores := make([]int, len(results))
	total := 0
	found := map[string]int{}
	partTotal := map[string]int{}
	for i, r := range results {
		scores[i] = r.Score
		total += r.Score
		s.Bands[r.Band]++
		if minScore > 0 && r.Score < minScore {
			s.BelowMin++
		}
		for _, c := range Components {
			if r.Components[c].Present {
				found[c]++
			}
			partTotal[c] += r.Components[c].Score
		}
		for _, ck := range r.Checks {
			if !ck.OK {
				s.FailedChecks[ck.ID]++
			}
		}
	}
	sort.Ints(scores)
	n := len(scores)
	s.Min, s.Max = scores[0], scores[n-1]
	s.Mean = round1(float64(total) / float64(n))
	if n%2 == 1 {
		s.Median = float64(scores[n/2])
	} else {
		s.Median = round1(float64(scores[n/2-1]+scores[n/2]) / 2)
	}
	for _, c := range Components {
		s.Parts[c] = PartSummary{Found: round1(100*float64(found[c])/float64(n)) / 100, MeanScore: round1(float64(partTotal[c]) / float64(n))}
	}
	return s
}

func round1(v float64) float64 {
	if v < 0 {
		return -round1(-v)
	}
	return float64(int(v*10+0.5)) / 10
}
