package coach

import (
	"errors"
	"math/rand/v2"
	"slices"

	"github.com/starprep/starprep/questions"
)

// DefaultCount is how many questions an interview asks unless told otherwise.
const DefaultCount = 5

// Selection says which questions an interview asks.
type Selection struct {
	// Filter narrows the bank (categories, competencies, ...). With no
	// category or competency given, the default mix is used.
	Filter questions.Filter
	// Count is how many questions to ask; 0 means DefaultCount, or the whole
	// set when Set is given.
	Count int
	// Seed, when not 0, makes the choice and order reproducible: the same
	// seed and bank give the same questions, whatever the history says.
	Seed int64
	// Set, when not nil, is a question set to run in its own order (from
	// `--set FILE`); Filter still applies.
	Set []questions.Question
	// Drill picks the competencies and STAR part the history shows are
	// weakest.
	Drill bool
}

// ErrNoQuestions is returned when the filters leave nothing to ask.
var ErrNoQuestions = errors.New("no questions match")

// ErrNoHistory is returned by a drill when nothing was scored yet.
var ErrNoHistory = errors.New("nothing to drill yet: no answered questions in your sessions")

// Choose picks the questions for an interview. h is the practice history
// (nil for none): questions never practised or scored low come before ones
// already mastered, unless sel.Seed asks for a reproducible choice. rng
// breaks ties and shuffles. For a drill, the returned Focus names the weak
// areas chosen.
func Choose(bank *questions.Bank, sel Selection, h *History, rng *rand.Rand) ([]questions.Question, *Focus, error) {
	rank := h.Rank
	if sel.Seed != 0 || h == nil {
		rank = nil
	}
	f := sel.Filter
	if !slices.Contains(f.Categories, "ask") {
		// Questions for the candidate to ask are not interview questions.
		f = withoutAsk(f)
	}
	if sel.Set != nil {
		var out []questions.Question
		for _, q := range sel.Set {
			if sel.Filter.Match(q) {
				out = append(out, q)
			}
		}
		if sel.Count > 0 && len(out) > sel.Count {
			out = out[:sel.Count]
		}
		if len(out) == 0 {
			return nil, nil, ErrNoQuestions
		}
		return out, nil, nil
	}
	n := sel.Count
	if n <= 0 {
		n = DefaultCount
	}
	pool := bank.Find(f)
	var focus *Focus
	if sel.Drill {
		if h.Empty() {
			return nil, nil, ErrNoHistory
		}
		focus = &Focus{Part: weakestPart(h.ComponentAverages())}
		// Take the weakest competencies, one at a time, until there are
		// enough questions probing them.
		var drill []questions.Question
		for _, c := range h.CompetencyAverages() {
			if len(focus.Competencies) > 0 && len(drill) >= n {
				break
			}
			focus.Competencies = append(focus.Competencies, c)
			drill = drill[:0]
			for _, q := range pool {
				if slices.ContainsFunc(focus.Competencies, func(a Average) bool { return slices.Contains(q.Competencies, a.Name) }) {
					drill = append(drill, q)
				}
			}
		}
		if len(drill) == 0 {
			return nil, nil, ErrNoQuestions
		}
		if rank == nil {
			rank = h.Rank
		}
		return questions.SelectMix(drill, nil, n, rng, rank), focus, nil
	}
	if len(pool) == 0 {
		return nil, nil, ErrNoQuestions
	}
	if len(sel.Filter.Categories) > 0 || len(sel.Filter.Competencies) > 0 {
		return questions.SelectMix(pool, nil, n, rng, rank), nil, nil
	}
	return defaultMix(pool, n, rng, rank), nil, nil
}

func withoutAsk(f questions.Filter) questions.Filter {
	if len(f.Categories) == 0 {
		for _, c := range questions.Categories {
			if c != "ask" {
				f.Categories = append(f.Categories, c)
			}
		}
	}
	return f
}

// defaultMix is mostly STAR stories, opened by a motivation question and
// with one technical question in the middle, as a CSR interview tends to go.
func defaultMix(pool []questions.Question, n int, rng *rand.Rand, rank func(questions.Question) int) []questions.Question {
	var stories, motivation, technical, rest []questions.Question
	for _, q := range pool {
		switch {
		case q.STAR:
			stories = append(stories, q)
		case q.Category == "motivation":
			motivation = append(motivation, q)
		case q.Category == "technical":
			technical = append(technical, q)
		default:
			rest = append(rest, q)
		}
	}
	var opener, middle []questions.Question
	if n >= 3 {
		opener = questions.SelectMix(motivation, nil, 1, rng, rank)
	}
	if n >= 4 {
		middle = questions.SelectMix(technical, nil, 1, rng, rank)
	}
	picked := questions.SelectMix(stories, nil, n-len(opener)-len(middle), rng, rank)
	// A bank short of stories tops up with whatever else there is.
	if short := n - len(opener) - len(middle) - len(picked); short > 0 {
		others := slices.Concat(motivation, technical, rest)
		others = slices.DeleteFunc(others, func(q questions.Question) bool {
			return slices.ContainsFunc(slices.Concat(opener, middle), func(p questions.Question) bool { return p.ID == q.ID })
		})
		picked = append(picked, questions.SelectMix(others, nil, short, rng, rank)...)
	}
	out := slices.Clone(opener)
	half := (len(picked) + 1) / 2
	out = append(out, picked[:half]...)
	out = append(out, middle...)
	return append(out, picked[half:]...)
}

// Rand returns the random source for a seed.
func Rand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(seed)>>1^0x9e3779b97f4a7c15))
}
