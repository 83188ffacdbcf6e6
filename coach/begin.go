package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// start plans a new session from the interview's settings.
func (iv *Interview) start(store *Store, saved []Saved) (*session, error) {
	company, err := iv.loadCompany(iv.Company)
	if err != nil {
		return nil, err
	}
	now := iv.Now()
	var h *History
	if len(saved) > 0 {
		h = BuildHistory(saved, iv.Bank, iv.Rubric, iv.companyTerms())
	}
	seed := iv.Selection.Seed
	if seed == 0 {
		seed = now.UnixNano()
	}
	qs, focus, err := Choose(iv.Bank, iv.Selection, h, Rand(seed))
	if err != nil {
		return nil, err
	}
	// Questions for the candidate to ask are not put to the candidate; with
	// a company they are suggested at the end instead.
	var asks []string
	qs = slices.DeleteFunc(qs, func(q questions.Question) bool {
		if q.Category == "ask" {
			asks = append(asks, q.ID)
			return true
		}
		return false
	})
	if len(qs) == 0 {
		return nil, ErrNoQuestions
	}
	s := &star.Session{
		StartedAt:    now.UTC().Truncate(time.Second),
		Mode:         iv.Mode,
		Company:      iv.Company,
		Seed:         iv.Selection.Seed,
		Set:          iv.SetPath,
		Categories:   iv.Selection.Filter.Categories,
		Competencies: iv.Selection.Filter.Competencies,
		Drill:        iv.Selection.Drill,
		Answers:      []star.Answer{},
	}
	if iv.TimeLimit > 0 {
		s.TimeLimit = iv.TimeLimit.String()
	}
	for _, q := range qs {
		s.QuestionIDs = append(s.QuestionIDs, q.ID)
	}
	path, err := store.Create(s) // gives the session its id
	if err != nil {
		return nil, err
	}
	se := &session{iv: iv, s: s, path: path, qs: qs, company: company, focus: focus, rng: Rand(seed)}
	if old, ok := LatestUnfinished(saved); ok {
		se.printf("(Unfinished interview from %s: continue it with --resume.)\n\n", old.StartedAt.Local().Format("2 Jan 15:04"))
	}
	se.printf("Mock interview: %d question%s, %s.\n", len(qs), plural(len(qs)), modeLine(iv.Mode))
	if len(asks) > 0 {
		se.printf("Left out %d question%s for you to ask the interviewer (%s): they are not answered in an interview.\n",
			len(asks), plural(len(asks)), strings.Join(asks, ", "))
	}
	se.printSettings()
	if focus != nil {
		var parts []string
		for _, c := range focus.Competencies {
			parts = append(parts, fmt.Sprintf("%s (average %d over %d answer%s)", c.Name, c.Average, c.Answers, plural(c.Answers)))
		}
		se.printf("Drill: your weakest area%s so far: %s.\n", plural(len(parts)), strings.Join(parts, ", "))
		if focus.Part != nil {
			se.printf("Your weakest STAR part is the %s (average %d): the prompt will remind you.\n", focus.Part.Name, focus.Part.Average)
		}
	}
	se.printf("Ctrl-C stops at any time; your answers, and the one you are typing, are kept.\n")
	return se, nil
}

func modeLine(mode string) string {
	if mode == ModeFree {
		return "free mode: one answer per question"
	}
	return "STAR mode: Situation, Task, Action, Result in turn"
}

// printSettings says which company and time limit the interview runs with.
func (se *session) printSettings() {
	if se.company != nil {
		se.printf("Interviewing for %s.\n", se.company.Name)
	}
	if se.iv.TimeLimit > 0 {
		se.printf("Time limit: %s per answer; the clock runs while you type.\n", mmss(se.iv.TimeLimit))
	}
}

// resume continues the latest unfinished session. When every session is
// finished it says so and offers a new interview with the last one's
// settings; it returns a nil session when the person declines.
func (iv *Interview) resume(store *Store, saved []Saved) (*session, error) {
	if len(saved) == 0 {
		return nil, ErrNothingToResume
	}
	old, ok := LatestUnfinished(saved)
	if ok && (old.Next < len(old.QuestionIDs) || old.Draft != nil) {
		return iv.continueSession(old)
	}
	w := iv.Out
	if ok {
		// Stopped at the last menu: every question is answered.
		old.Finished = true
		old.UpdatedAt = iv.Now().UTC().Truncate(time.Second)
		if err := Save(old.Path, old.Session); err != nil {
			return nil, err
		}
	} else {
		old = saved[len(saved)-1]
	}
	info := Describe(old, iv.Bank, iv.Rubric, iv.companyTerms())
	fmt.Fprintf(w, "Your last interview, started %s, is finished: %s.\n",
		old.StartedAt.Local().Format("2 Jan 15:04"), info.Outline())
	yes, err := iv.Prompter.Confirm("Start a new interview with the same settings?", true)
	if err != nil {
		return nil, err
	}
	if !yes {
		fmt.Fprintf(w, "Read it again with: starprep sessions show %s\n", old.ID)
		return nil, nil
	}
	iv.useSettings(old.Session)
	if old.Set != "" && iv.LoadSet != nil {
		set, err := iv.LoadSet(old.Set)
		if err != nil {
			return nil, fmt.Errorf("the question set of the last interview: %w", err)
		}
		iv.Selection.Set = set
		iv.SetPath = old.Set
	}
	iv.Selection.Count = len(old.QuestionIDs)
	iv.Selection.Filter.Categories = old.Categories
	iv.Selection.Filter.Competencies = old.Competencies
	iv.Selection.Drill = old.Drill
	fmt.Fprintln(w)
	return iv.start(store, saved)
}

// useSettings takes mode, company and time limit from a saved session.
func (iv *Interview) useSettings(s *star.Session) {
	iv.Mode = s.Mode
	if iv.Mode == "" {
		iv.Mode = ModeSTAR
	}
	iv.Company = s.Company
	if !iv.TimeLimitSet {
		iv.TimeLimit, _ = time.ParseDuration(s.TimeLimit) // validated when loaded
	}
}

// continueSession picks up an unfinished session where it stopped, with
// its settings, and offers back the answer that was being typed.
func (iv *Interview) continueSession(old Saved) (*session, error) {
	// Before anything is shown: another process may be answering it.
	lock, err := LockSession(iv.ctx, old.Path)
	var le *userdata.LockError
	if err != nil && !errors.As(err, &le) {
		return nil, err
	}
	s := old.Session
	if s.Answers == nil {
		s.Answers = []star.Answer{}
	}
	iv.useSettings(s)
	if iv.TimeLimitSet {
		s.TimeLimit = ""
		if iv.TimeLimit > 0 {
			s.TimeLimit = iv.TimeLimit.String()
		}
	}
	if s.Mode == "" {
		s.Mode = ModeSTAR
	}
	// A question set file may hold questions the bank does not have.
	var set []questions.Question
	if s.Set != "" && iv.LoadSet != nil {
		var err error
		if set, err = iv.LoadSet(s.Set); err != nil {
			fmt.Fprintf(iv.Warn, "warning: the interview's question set cannot be read (%v); its questions are looked up in the bank\n", err)
		}
	}
	var qs []questions.Question
	for _, id := range s.QuestionIDs {
		i := slices.IndexFunc(set, func(q questions.Question) bool { return q.ID == id })
		if i >= 0 {
			qs = append(qs, set[i])
			continue
		}
		q, ok := iv.Bank.Get(id)
		if !ok {
			return nil, &MissingQuestionError{ID: id, Session: old.Path}
		}
		qs = append(qs, q)
	}
	company, err := iv.loadCompany(s.Company)
	var nf *CompanyNotFoundError
	if errors.As(err, &nf) {
		company = &questions.Company{Name: s.Company, Slug: s.Company} // the notes are gone; the slug still reads fine
	} else if err != nil {
		return nil, err
	}
	seed := s.Seed
	if seed == 0 {
		seed = s.StartedAt.UnixNano()
	}
	se := &session{iv: iv, s: s, path: old.Path, qs: qs, company: company, rng: Rand(seed), lock: lock}
	at := min(s.Next+1, len(qs))
	if d := s.Draft; d != nil && (d.Attempt > 1 || d.FollowUp) {
		at = s.Next
	}
	mode := "STAR mode"
	if s.Mode == ModeFree {
		mode = "free mode"
	}
	se.printf("Resuming the interview of %s at question %d of %d, in %s.\n",
		s.StartedAt.Local().Format("2 Jan 15:04"), at, len(qs), mode)
	se.printSettings()
	if d := s.Draft; d != nil {
		if err := se.offerDraft(d); err != nil {
			return nil, err
		}
	}
	se.printf("Ctrl-C stops at any time; your answers, and the one you are typing, are kept.\n")
	return se, nil
}

// offerDraft says what was being typed when the session stopped and asks
// whether to pick it up.
func (se *session) offerDraft(d *star.Draft) error {
	what := "your answer"
	switch {
	case d.FollowUp:
		what = "your answer to a follow-up"
	case d.Attempt > 1:
		what = fmt.Sprintf("attempt %d", d.Attempt)
	}
	where := ""
	if d.Part != "" {
		where = ", in the " + titleCase(d.Part)
	}
	n := d.Words()
	se.printf("You stopped while typing %s (%d word%s%s, %s in).\n", what, n, plural(n), where, mmss(time.Duration(d.Seconds)*time.Second))
	yes, err := se.iv.Prompter.Confirm("Pick up that draft?", true)
	if err != nil {
		return err
	}
	if yes {
		se.offered = d
	} else {
		se.s.Draft = nil
	}
	return nil
}

// loadCompany loads the notes of slug (nil for "").
func (iv *Interview) loadCompany(slug string) (*questions.Company, error) {
	if slug == "" {
		return nil, nil
	}
	dir := filepath.Join(iv.Home, "companies")
	p := filepath.Join(dir, slug+".yaml")
	var raw []byte
	err := fs.ErrNotExist
	if filepath.Base(slug) == slug && !strings.HasPrefix(slug, ".") {
		var ok bool
		raw, ok, err = readOptional(p, "company notes")
		if err == nil && !ok {
			err = fs.ErrNotExist
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		if iv.ExampleCompany != nil && iv.ExampleCompany.Slug == slug {
			return iv.ExampleCompany, nil
		}
		nf := &CompanyNotFoundError{Slug: slug, Dir: dir}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !strings.HasPrefix(name, ".") {
				nf.Known = append(nf.Known, name)
			}
		}
		if iv.ExampleCompany != nil {
			nf.Known = append(nf.Known, iv.ExampleCompany.Slug)
		}
		return nil, nf
	}
	if err != nil {
		return nil, fmt.Errorf("read company notes: %w", err)
	}
	return questions.ParseCompany(raw, p)
}

// companyName is the name filled into {{company}}: the company's name
// without a note in brackets ("Northwind Outfitters (example)").
func (se *session) companyName() string {
	if se.company == nil {
		return ""
	}
	return se.company.ShortName()
}
