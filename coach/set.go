package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/starprep/starprep/questions"
)

// SetSpec says what question set a coach wants (`starprep coach set`).
type SetSpec struct {
	// Count is how many questions; 0 means the --mix total, or DefaultSetCount.
	Count int
	// Mix says how many questions of each category.
	Mix map[string]int
	// Competencies, when given, are the ones to probe: every question
	// probes one of them, and the set covers them all before repeating one.
	Competencies []string
	// MinDifficulty and MaxDifficulty bound the difficulty (0: no bound).
	MinDifficulty, MaxDifficulty int
	// Exclude lists question ids to leave out (a client already had them).
	Exclude []string
	// Seed makes the set: the same seed and spec give the same set.
	Seed int64
	// Company, when not nil, fills {{company}} and gives the questions to
	// ask the interviewer.
	Company *questions.Company
	// WithAnswers keeps the example answers, for the coach's copy.
	WithAnswers bool
	// MadeWith is the command that made the set, shown in it so the coach
	// can make it again.
	MadeWith string
}

// DefaultSetCount is the size of a set when neither --count nor --mix says.
const DefaultSetCount = 8

// Set is a question set ready to hand out.
type Set struct {
	Spec      SetSpec
	Questions []questions.Question
	// Ask are questions for the candidate to ask the interviewer.
	Ask []string
}

// ErrSetTooSmall is returned (wrapped) when fewer questions match than asked for.
var ErrSetTooSmall = errors.New("not enough questions match")

// BuildSet picks the questions of a set from bank. When fewer questions
// match than asked for, it returns those it has and an error wrapping
// ErrSetTooSmall that says how many.
func BuildSet(bank *questions.Bank, spec SetSpec) (*Set, error) {
	count := spec.Count
	if count == 0 {
		for _, n := range spec.Mix {
			count += n
		}
	}
	if count == 0 {
		count = DefaultSetCount
	}
	spec.Count = count
	f := questions.Filter{Competencies: spec.Competencies, MinDifficulty: spec.MinDifficulty, MaxDifficulty: spec.MaxDifficulty, Exclude: spec.Exclude}
	// The candidate's own questions are not interview questions; they come
	// from the company notes.
	for _, c := range questions.Categories {
		if c != "ask" && (len(spec.Mix) == 0 || spec.Mix[c] > 0) {
			f.Categories = append(f.Categories, c)
		}
	}
	pool := bank.Find(f)
	set := &Set{Spec: spec, Questions: questions.PickSet(pool, count, spec.Mix, spec.Competencies, Rand(spec.Seed))}
	company := ""
	if spec.Company != nil {
		company = spec.Company.Name
		set.Ask = append(set.Ask, spec.Company.QuestionsToAsk...)
		// Three or four sharp questions: top up from the bank's.
		if len(set.Ask) < 3 {
			asks := bank.Find(questions.Filter{Categories: []string{"ask"}, Exclude: spec.Exclude})
			for _, q := range questions.PickSet(asks, 4-len(set.Ask), nil, nil, Rand(spec.Seed)) {
				set.Ask = append(set.Ask, questions.Fill(q.Text, company))
			}
		}
	}
	for i := range set.Questions {
		q := &set.Questions[i]
		if company != "" {
			q.Text = questions.Fill(q.Text, company)
			q.Example = questions.Fill(q.Example, company)
			q.FollowUps = slices.Clone(q.FollowUps) // the bank's own stay as they are
			for j := range q.FollowUps {
				q.FollowUps[j] = questions.Fill(q.FollowUps[j], company)
			}
		}
		if !spec.WithAnswers {
			q.Example = ""
		}
	}
	if len(set.Questions) < count {
		return set, fmt.Errorf("%w: %d asked for, %d found", ErrSetTooSmall, count, len(set.Questions))
	}
	return set, nil
}

// FindCompany loads the notes of the company slug from home's companies/
// folder, or the shipped example when it has that slug. A missing company
// is a *CompanyNotFoundError listing the known ones.
func FindCompany(home, slug string, example *questions.Company) (*questions.Company, error) {
	dir := filepath.Join(home, "companies")
	p := filepath.Join(dir, slug+".yaml")
	raw, ok, err := readOptional(p, "company notes")
	if err == nil && !ok {
		err = fs.ErrNotExist
	}
	if errors.Is(err, fs.ErrNotExist) {
		if example != nil && example.Slug == slug {
			return example, nil
		}
		nf := &CompanyNotFoundError{Slug: slug, Dir: dir}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !strings.HasPrefix(name, ".") {
				nf.Known = append(nf.Known, name)
			}
		}
		if example != nil && !slices.Contains(nf.Known, example.Slug) {
			nf.Known = append(nf.Known, example.Slug)
		}
		return nil, nf
	}
	if err != nil {
		return nil, fmt.Errorf("read company notes: %w", err)
	}
	return questions.ParseCompany(raw, p)
}
