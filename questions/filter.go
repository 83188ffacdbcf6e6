package questions

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Filter narrows a bank. Empty fields match everything; within one field any
// listed value matches (OR), and the fields combine with AND.
type Filter struct {
	Categories   []string
	Competencies []string
	// MinDifficulty and MaxDifficulty bound the difficulty; 0 means no bound.
	MinDifficulty, MaxDifficulty int
	// Search matches, case-insensitively, every word of it against the
	// question's id, text, keywords and competencies.
	Search string
	// STAROnly keeps only questions that expect a STAR story.
	STAROnly bool
	// Exclude lists ids to leave out.
	Exclude []string
}

// Match reports whether q passes the filter.
func (f Filter) Match(q Question) bool {
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, q.Category) {
		return false
	}
	if len(f.Competencies) > 0 && !slices.ContainsFunc(q.Competencies, func(c string) bool { return slices.Contains(f.Competencies, c) }) {
		return false
	}
	if f.MinDifficulty > 0 && q.Difficulty < f.MinDifficulty {
		return false
	}
	if f.MaxDifficulty > 0 && q.Difficulty > f.MaxDifficulty {
		return false
	}
	if f.STAROnly && !q.STAR {
		return false
	}
	if slices.Contains(f.Exclude, q.ID) {
		return false
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		hay := strings.ToLower(q.ID + " " + q.Text + " " + strings.Join(q.Keywords, " ") + " " + strings.Join(q.Competencies, " "))
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

// Find returns the questions that pass f, in bank order.
func (b *Bank) Find(f Filter) []Question {
	var out []Question
	for _, q := range b.Questions {
		if f.Match(q) {
			out = append(out, q)
		}
	}
	return out
}

// Select picks n questions that pass f, balanced across categories and
// competencies: it takes categories in turn (round robin, in the order of
// Categories) and, within a category, prefers competencies not yet picked.
// The same rng seed gives the same set in the same order. When fewer than n
// match, all of them are returned.
func (b *Bank) Select(f Filter, n int, rng *rand.Rand) []Question {
	return SelectMix(b.Find(f), nil, n, rng)
}

// SelectMix picks n questions from pool. mix, when not empty, says how many
// to take from each category (the rest of n, if any, is spread round robin);
// categories absent from mix are not used unless mix is empty.
// Ranking, when not nil, orders each category's candidates before the
// competency balancing (lower rank first; ties keep the shuffled order), so
// callers can put unpractised or weak questions first.
func SelectMix(pool []Question, mix map[string]int, n int, rng *rand.Rand, rank ...func(Question) int) []Question {
	if n <= 0 || len(pool) == 0 {
		return nil
	}
	shuffled := slices.Clone(pool)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if len(rank) > 0 && rank[0] != nil {
		slices.SortStableFunc(shuffled, func(a, b Question) int { return rank[0](a) - rank[0](b) })
	}
	byCat := map[string][]Question{}
	for _, q := range shuffled {
		byCat[q.Category] = append(byCat[q.Category], q)
	}
	usedComp := map[string]int{}
	var picked []Question
	take := func(cat string) bool {
		cands := byCat[cat]
		if len(cands) == 0 {
			return false
		}
		// Prefer the candidate whose competencies were used least so far;
		// only look a few deep so the ranking still matters.
		best, bestScore := 0, -1
		for i, q := range cands {
			if i >= 6 {
				break
			}
			score := 0
			for _, c := range q.Competencies {
				score += usedComp[c]
			}
			if bestScore < 0 || score < bestScore {
				best, bestScore = i, score
			}
		}
		q := cands[best]
		byCat[cat] = slices.Delete(cands, best, best+1)
		for _, c := range q.Competencies {
			usedComp[c]++
		}
		picked = append(picked, q)
		return true
	}
	for _, cat := range Categories {
		for i := 0; i < mix[cat] && len(picked) < n; i++ {
			if !take(cat) {
				break
			}
		}
	}
	cats := Categories
	if len(mix) > 0 {
		cats = nil
		for _, c := range Categories {
			if _, ok := mix[c]; ok {
				cats = append(cats, c)
			}
		}
	}
	for len(picked) < n {
		progress := false
		for _, cat := range cats {
			if len(picked) >= n {
				break
			}
			if take(cat) {
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	return picked
}
