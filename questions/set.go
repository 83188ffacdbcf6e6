package questions

import (
	"math/rand/v2"
	"slices"
)

// PickSet chooses count questions from pool for a coach's question set.
//
// mix, when not empty, says how many to take from each category; a count
// above its total is spread over the same categories, and a category short
// of questions hands its share to the others. Without a mix, categories
// take turns where the competencies leave a choice.
//
// The set is balanced over competencies: want lists the competencies to
// cover (all of the pool's when empty), and no competency of want is asked
// twice before every one of them has been asked once, as far as the pool
// allows; then a new round starts. Within those rules the choice is random
// from rng, so the same seed, pool and arguments give the same set in the
// same order.
func PickSet(pool []Question, count int, mix map[string]int, want []string, rng *rand.Rand) []Question {
	if count <= 0 || len(pool) == 0 {
		return nil
	}
	shuffled := slices.Clone(pool)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })

	byCat := map[string][]Question{}
	for _, q := range shuffled {
		byCat[q.Category] = append(byCat[q.Category], q)
	}
	quota := map[string]int{}
	if len(mix) > 0 {
		quota = setQuotas(byCat, count, mix)
	} else {
		for c, qs := range byCat {
			quota[c] = len(qs)
		}
	}
	taken := map[string]int{}

	if len(want) == 0 {
		seen := map[string]bool{}
		for _, q := range pool {
			for _, c := range q.Competencies {
				if !seen[c] {
					seen[c] = true
					want = append(want, c)
				}
			}
		}
	}
	wanted := map[string]bool{}
	for _, c := range want {
		wanted[c] = true
	}
	covered := map[string]bool{}

	var picked []Question
	for len(picked) < count {
		bestCat, best := "", -1
		var bestKey [3]int
		for _, cat := range Categories {
			if quota[cat] == 0 {
				continue
			}
			for i, q := range byCat[cat] {
				repeats, gain := 0, 0
				for _, c := range q.Competencies {
					switch {
					case !wanted[c]:
					case covered[c]:
						repeats++
					default:
						gain++
					}
				}
				// Fewest repeats, then most new competencies, then the
				// category with the most still to give under a mix, or
				// the one taken least so far (so categories interleave);
				// ties keep the shuffled order.
				turn := taken[cat]
				if len(mix) > 0 {
					turn = -quota[cat]
				}
				key := [3]int{repeats, -gain, turn}
				if best < 0 || less(key, bestKey) {
					bestCat, best, bestKey = cat, i, key
				}
			}
		}
		if best < 0 {
			break
		}
		q := byCat[bestCat][best]
		byCat[bestCat] = slices.Delete(byCat[bestCat], best, best+1)
		quota[bestCat]--
		taken[bestCat]++
		picked = append(picked, q)
		for _, c := range q.Competencies {
			if wanted[c] {
				covered[c] = true
			}
		}
		if len(covered) == len(wanted) {
			clear(covered) // every one asked: a new round
		}
	}
	return picked
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// setQuotas decides how many questions each category of a mix gives,
// within what it has.
func setQuotas(byCat map[string][]Question, count int, mix map[string]int) map[string]int {
	quota := map[string]int{}
	var cats []string
	for _, c := range Categories {
		if _, ok := mix[c]; ok {
			cats = append(cats, c)
			quota[c] = min(mix[c], len(byCat[c]))
		}
	}
	total := 0
	for _, n := range quota {
		total += n
	}
	// Spread the rest one at a time over the categories that still have
	// questions.
	for total < count {
		progress := false
		for _, c := range cats {
			if total < count && quota[c] < len(byCat[c]) {
				quota[c]++
				total++
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	return quota
}
