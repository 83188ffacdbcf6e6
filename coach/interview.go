package coach

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Modes of answering.
const (
	ModeSTAR = "star" // Situation, Task, Action and Result asked in turn
	ModeFree = "free" // one answer; the scorer finds the parts itself
)

// Display renders what is more than plain text: a score result and the
// end-of-session summary. cmd/ supplies one with tables; PlainDisplay is a
// text-only one.
type Display interface {
	Feedback(w io.Writer, res star.Result) error
	Summary(w io.Writer, sum Summary) error
}

// Summary is the end of an interview: one row per question.
type Summary struct {
	Rows []SummaryRow
	// Average is the mean of the final scores of answered questions; nil
	// when nothing was answered.
	Average *int
	// Path is the session file.
	Path string
}

// SummaryRow is one question of a finished interview.
type SummaryRow struct {
	N          int
	QuestionID string
	Question   string
	Skipped    bool // no attempt was scored
	Asked      bool // false for questions not reached (finished early)
	First      int  // first attempt's score
	Final      int  // last attempt's score
	Band       string
	Attempts   int
	FollowUps  int
}

// Interview is everything an interview needs. Run it with Run.
type Interview struct {
	Prompter Prompter
	// Out receives the questions, feedback and summary; Warn receives
	// warnings (a broken session file, say).
	Out, Warn io.Writer
	Display   Display
	Now       func() time.Time

	Bank   *questions.Bank
	Rubric *star.Rubric
	// Home is the user-data directory; sessions go to Home/sessions and
	// company notes are read from Home/companies.
	Home string
	// Company is the slug of the company to interview for ("" for none).
	// ExampleCompany, when set, is used for a slug with no notes in Home.
	Company        string
	ExampleCompany *questions.Company

	Mode      string // ModeSTAR (default) or ModeFree
	TimeLimit time.Duration
	Selection Selection
	// Resume continues the latest unfinished session instead of starting one.
	Resume bool
}

// ErrNothingToResume: --resume found no unfinished session.
var ErrNothingToResume = errors.New("no unfinished interview to resume")

// CompanyNotFoundError: --company names a company with no notes.
type CompanyNotFoundError struct {
	Slug  string
	Dir   string
	Known []string
}

func (e *CompanyNotFoundError) Error() string {
	return fmt.Sprintf("no notes for company %q in %s", e.Slug, e.Dir)
}

// MissingQuestionError: a resumed session names a question the bank no
// longer has.
type MissingQuestionError struct {
	ID, Session string
}

func (e *MissingQuestionError) Error() string {
	return fmt.Sprintf("session %s asks question %q, which is not in the question bank", e.Session, e.ID)
}

// Outcome is where an interview ended up.
type Outcome struct {
	Path    string
	Session *star.Session
}

// session is one interview under way.
type session struct {
	iv      *Interview
	ctx     context.Context
	s       *star.Session
	path    string
	qs      []questions.Question
	company string // the company's name, for {{company}}
	focus   *Focus
	// partial is true while an answer is half typed (some STAR parts in).
	partial bool
}

// Run runs the interview: it picks or reloads the questions, asks them,
// scores each answer and saves the session after every answer. When the
// person presses Ctrl-C (the Prompter returns ErrInterrupted) or ctx is
// cancelled, Run saves what was answered, says how to resume, and returns an
// error wrapping ErrInterrupted.
func (iv *Interview) Run(ctx context.Context) (*Outcome, error) {
	if iv.Mode == "" {
		iv.Mode = ModeSTAR
	}
	if iv.Display == nil {
		iv.Display = PlainDisplay{}
	}
	if iv.Warn == nil {
		iv.Warn = io.Discard
	}
	store := SessionsDir(iv.Home)
	saved, problems := store.List()
	for _, p := range problems {
		fmt.Fprintf(iv.Warn, "warning: left out a session file that cannot be read: %v\n", p)
	}
	var se *session
	var err error
	if iv.Resume {
		se, err = iv.resume(saved)
	} else {
		se, err = iv.start(store, saved)
	}
	if err != nil {
		return nil, err
	}
	se.ctx = ctx
	if err := se.save(); err != nil {
		return nil, err
	}
	err = se.loop()
	out := &Outcome{Path: se.path, Session: se.s}
	if errors.Is(err, ErrInterrupted) || (err != nil && ctx.Err() != nil) {
		se.s.Finished = false
		if serr := se.save(); serr != nil {
			return out, errors.Join(serr, ErrInterrupted)
		}
		what := "Nothing answered yet; the interview plan is saved in"
		if n := answered(se.s); n > 0 {
			what = fmt.Sprintf("Your answers to %d question%s are saved in", n, plural(n))
		}
		se.printf("\n\nStopped. %s\n  %s\n", what, se.path)
		if se.partial {
			se.printf("(The answer you were typing is not kept.)\n")
		}
		se.printf("Pick up where you left off with: starprep interview --resume\n")
		return out, fmt.Errorf("interview stopped: %w", ErrInterrupted)
	}
	if err != nil {
		// Keep what was answered; the error is reported by the caller.
		_ = se.save()
		return out, err
	}
	se.s.Finished = true
	if err := se.save(); err != nil {
		return out, err
	}
	return out, se.summary()
}

func (iv *Interview) start(store *Store, saved []Saved) (*session, error) {
	company, err := iv.companyName(iv.Company)
	if err != nil {
		return nil, err
	}
	now := iv.Now()
	var h *History
	if len(saved) > 0 {
		h = BuildHistory(saved, iv.Bank, iv.Rubric)
	}
	seed := iv.Selection.Seed
	if seed == 0 {
		seed = now.UnixNano()
	}
	qs, focus, err := Choose(iv.Bank, iv.Selection, h, Rand(seed))
	if err != nil {
		return nil, err
	}
	s := &star.Session{
		ID:        store.NewID(now),
		StartedAt: now.UTC().Truncate(time.Second),
		Mode:      iv.Mode,
		Company:   iv.Company,
		Seed:      iv.Selection.Seed,
		Answers:   []star.Answer{},
	}
	for _, q := range qs {
		s.QuestionIDs = append(s.QuestionIDs, q.ID)
	}
	se := &session{iv: iv, s: s, path: store.Path(s.ID), qs: qs, company: company, focus: focus}
	if old, ok := LatestUnfinished(saved); ok {
		se.printf("(Unfinished interview from %s: continue it with --resume.)\n\n", old.StartedAt.Local().Format("2 Jan 15:04"))
	}
	modeLine := "STAR mode: Situation, Task, Action, Result in turn"
	if iv.Mode == ModeFree {
		modeLine = "free mode: one answer per question"
	}
	se.printf("Mock interview: %d question%s, %s.\n", len(qs), plural(len(qs)), modeLine)
	if company != "" {
		se.printf("Interviewing for %s.\n", company)
	}
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
	se.printf("Finish each answer by pressing Enter on two empty lines. Type ? alone for hints.\nCtrl-C stops at any time; what you answered is kept.\n")
	return se, nil
}

func (iv *Interview) resume(saved []Saved) (*session, error) {
	old, ok := LatestUnfinished(saved)
	if !ok {
		return nil, ErrNothingToResume
	}
	s := old.Session
	if s.Answers == nil {
		s.Answers = []star.Answer{}
	}
	if s.Mode == "" {
		s.Mode = ModeSTAR
	}
	iv.Mode = s.Mode
	var qs []questions.Question
	for _, id := range s.QuestionIDs {
		q, ok := iv.Bank.Get(id)
		if !ok {
			return nil, &MissingQuestionError{ID: id, Session: old.Path}
		}
		qs = append(qs, q)
	}
	company, err := iv.companyName(s.Company)
	var nf *CompanyNotFoundError
	if errors.As(err, &nf) {
		company = s.Company // the notes are gone; the slug still reads fine
	} else if err != nil {
		return nil, err
	}
	se := &session{iv: iv, s: s, path: old.Path, qs: qs, company: company}
	se.printf("Resuming the interview of %s at question %d of %d.\n",
		s.StartedAt.Local().Format("2 Jan 15:04"), min(s.Next+1, len(qs)), len(qs))
	se.printf("Finish each answer by pressing Enter on two empty lines. Type ? alone for hints.\n")
	return se, nil
}

// companyName loads the notes of slug and returns the company's name.
func (iv *Interview) companyName(slug string) (string, error) {
	if slug == "" {
		return "", nil
	}
	dir := filepath.Join(iv.Home, "companies")
	p := filepath.Join(dir, slug+".yaml")
	var raw []byte
	err := fs.ErrNotExist
	if filepath.Base(slug) == slug && !strings.HasPrefix(slug, ".") {
		raw, err = os.ReadFile(p)
	}
	if errors.Is(err, fs.ErrNotExist) {
		if iv.ExampleCompany != nil && iv.ExampleCompany.Slug == slug {
			return iv.ExampleCompany.Name, nil
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
		return "", nf
	}
	if err != nil {
		return "", fmt.Errorf("read company notes: %w", err)
	}
	c, err := questions.ParseCompany(raw, p)
	if err != nil {
		return "", err
	}
	return c.Name, nil
}

func (se *session) printf(format string, args ...any) { fmt.Fprintf(se.iv.Out, format, args...) }

func (se *session) save() error {
	se.s.UpdatedAt = se.iv.Now().UTC().Truncate(time.Second)
	return Save(se.path, se.s)
}

func (se *session) interrupted() error {
	if err := se.ctx.Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrInterrupted, err)
	}
	return nil
}

// loop asks the questions from s.Next on.
func (se *session) loop() error {
	for se.s.Next < len(se.qs) {
		stop, err := se.question(se.s.Next)
		if err != nil || stop {
			return err
		}
	}
	return nil
}

// Menu choices after an answer.
const (
	optNext     = "Next question"
	optLast     = "Finish: see the summary"
	optRetry    = "Retry this question"
	optExample  = "Show the example answer"
	optFollowUp = "Answer a follow-up question"
	optStop     = "Stop here: see the summary"
)

// question asks question k and runs its menu; stop is true when the person
// chose to end the interview.
func (se *session) question(k int) (stop bool, err error) {
	q := se.qs[k]
	text := questions.Fill(q.Text, se.company)
	header := fmt.Sprintf("Question %d of %d · %s · %s", k+1, len(se.qs), q.Category, strings.Join(q.Competencies, ", "))
	if r := []rune(header); len(r) > 78 {
		header = string(r[:77]) + "…"
	}
	se.printf("\n%s\n%s\n\n%s\n\n", rule(), header, wrap(text, 76, "", ""))

	a, err := se.collect(q, text, se.s.Mode == ModeSTAR && q.STAR, 1, "Nothing written. Skip this question?")
	if err != nil {
		return false, err
	}
	se.s.Next = k + 1
	if a.Skipped {
		se.s.Answers = append(se.s.Answers, a)
		se.printf("Skipped.\n")
		return false, se.save()
	}
	first, err := se.record(q, a)
	if err != nil {
		return false, err
	}
	last := first
	attempts, followUps := 1, 0
	exampleShown := false
	for {
		opts := []string{optNext}
		if k == len(se.qs)-1 {
			opts[0] = optLast
		}
		opts = append(opts, optRetry)
		if q.Example != "" && !exampleShown {
			opts = append(opts, optExample)
		}
		if followUps < len(q.FollowUps) {
			opts = append(opts, optFollowUp)
		}
		if k < len(se.qs)-1 {
			opts = append(opts, optStop)
		}
		if err := se.interrupted(); err != nil {
			return false, err
		}
		se.printf("\n")
		i, err := se.iv.Prompter.Select("What next?", opts, 0)
		if err != nil {
			return false, err
		}
		switch opts[i] {
		case optNext, optLast:
			return false, nil
		case optStop:
			return true, nil
		case optExample:
			exampleShown = true
			se.printf("\nA strong answer, for comparison (yours should tell your own story):\n\n%s\n", wrap(q.Example, 74, "  ", "  "))
		case optRetry:
			se.printf("\nAttempt %d. The question again:\n\n%s\n\n", attempts+1, wrap(text, 76, "", ""))
			a, err := se.collect(q, text, se.s.Mode == ModeSTAR && q.STAR, attempts+1, "Nothing written. Keep your earlier attempt and go back?")
			if err != nil {
				return false, err
			}
			if a.Skipped {
				continue
			}
			attempts++
			res, err := se.record(q, a)
			if err != nil {
				return false, err
			}
			se.printf("\n%s\n", change(last.Score, res.Score, first.Score, attempts))
			last = res
		case optFollowUp:
			fu := questions.Fill(q.FollowUps[followUps], se.company)
			followUps++
			se.printf("\nFollow-up: %s\n\n", wrap(fu, 66, "", "           "))
			a, err := se.collect(q, fu, false, 1, "Nothing written. Skip the follow-up?")
			if err != nil {
				return false, err
			}
			if a.Skipped {
				continue
			}
			a.FollowUp = true
			a.Attempt = 0
			a.ID = fmt.Sprintf("%s-%s-follow-up-%d", se.s.ID, q.ID, followUps)
			if _, err := se.record(q, a); err != nil {
				return false, err
			}
		}
	}
}

// change says how a retry scored against the attempt before it.
func change(prev, now, first, attempt int) string {
	d := now - prev
	var s string
	switch {
	case d > 0:
		s = fmt.Sprintf("Attempt %d scored %d, up %d from %d.", attempt, now, d, prev)
	case d < 0:
		s = fmt.Sprintf("Attempt %d scored %d, down %d from %d.", attempt, now, -d, prev)
	default:
		s = fmt.Sprintf("Attempt %d scored %d, the same as before.", attempt, now)
	}
	if attempt > 2 && first != prev {
		s += fmt.Sprintf(" (First attempt: %d.)", first)
	}
	if attempt == 2 {
		s += " Both attempts are saved."
	}
	return s
}

// record scores a, keeps it in the session, saves, and shows the feedback.
func (se *session) record(q questions.Question, a star.Answer) (star.Result, error) {
	se.s.Answers = append(se.s.Answers, a)
	if err := se.save(); err != nil {
		return star.Result{}, err
	}
	info := questionInfo(q, a.Question)
	if a.FollowUp {
		info = followUpInfo(q.ID, a.Question)
	}
	res := star.Score(se.iv.Rubric, info, a)
	if err := se.iv.Display.Feedback(se.iv.Out, res); err != nil {
		return res, err
	}
	return res, nil
}

// The one-line reminders shown above each STAR prompt.
var reminders = map[string]string{
	"situation": "Where and when it happened: set the scene in two or three sentences.",
	"task":      "What you were responsible for, or the goal you had to reach.",
	"action":    "What you did, step by step. Say I, not we: most of the answer.",
	"result":    "How it ended, with a number if you can, and what you learned.",
}

// collect asks for one answer: the four STAR parts in turn, or one free
// answer. "?" alone shows the hints and asks again; an empty answer asks
// whether to skip (skipMsg), and asks again when not.
func (se *session) collect(q questions.Question, asked string, structured bool, attempt int, skipMsg string) (star.Answer, error) {
	a := star.Answer{
		ID:         fmt.Sprintf("%s-%s", se.s.ID, q.ID),
		QuestionID: q.ID,
		Question:   asked,
		Company:    se.s.Company,
	}
	if attempt > 1 {
		a.Attempt = attempt
		a.ID = fmt.Sprintf("%s-%s-try%d", se.s.ID, q.ID, attempt)
	}
	start := se.iv.Now()
	warned := false
	// ask asks one part; last is true for the last part of the answer.
	ask := func(label, reminder string, nothingYet, last bool) (string, bool, error) {
		for {
			if err := se.interrupted(); err != nil {
				return "", false, err
			}
			msg := label + " · " + se.clock(start)
			text, err := se.iv.Prompter.Multiline(msg, reminder)
			if err != nil {
				return "", false, err
			}
			if el := se.iv.Now().Sub(start); se.iv.TimeLimit > 0 && el > se.iv.TimeLimit && !warned {
				warned = true
				advice := "wrap up now: say how it ended."
				if last {
					advice = "practise telling it shorter."
				}
				se.printf("⏱ %s, past your %s limit: %s\n", mmss(el), mmss(se.iv.TimeLimit), advice)
			}
			text = strings.TrimSpace(text)
			switch {
			case text == "?":
				se.hints(q)
			case text == "" && nothingYet:
				skip, err := se.iv.Prompter.Confirm(skipMsg, false)
				if err != nil {
					return "", false, err
				}
				if skip {
					return "", true, nil
				}
			default:
				return text, false, nil
			}
		}
	}
	if structured {
		var parts [4]string
		for i, name := range star.Components {
			label := strings.ToUpper(name[:1]) + name[1:]
			if se.focus != nil && se.focus.Part != nil && se.focus.Part.Name == name {
				label += " (your weakest part)"
			}
			text, skipped, err := ask(label, reminders[name], i == 0 || strings.Join(parts[:i], "") == "", i == 3)
			if err != nil {
				return a, err
			}
			if skipped {
				a.Skipped = true
				break
			}
			parts[i] = text
			se.partial = i < 3 && strings.Join(parts[:i+1], "") != ""
		}
		if !a.Skipped {
			a.STAR = &star.Parts{Situation: parts[0], Task: parts[1], Action: parts[2], Result: parts[3]}
		}
	} else {
		reminder := "Tell it as a story: situation, your task, what you did, how it ended."
		if !q.STAR {
			reminder = "Answer in your own words, as you would say it."
		}
		text, skipped, err := ask("Your answer", reminder, true, true)
		if err != nil {
			return a, err
		}
		a.Skipped = skipped
		a.Text = text
	}
	end := se.iv.Now()
	a.AnsweredAt = end.UTC().Truncate(time.Second)
	if !a.Skipped {
		a.DurationSeconds = int(end.Sub(start).Round(time.Second) / time.Second)
	}
	return a, nil
}

func (se *session) hints(q questions.Question) {
	if len(q.LookFor) == 0 {
		se.printf("No hints for this question. Think of one real time and tell it in order.\n\n")
		return
	}
	se.printf("What interviewers listen for:\n")
	for _, h := range q.LookFor {
		se.printf("%s\n", wrap(h, 72, "  - ", "    "))
	}
	se.printf("\n")
}

// clock is the elapsed time since start, against the limit if there is one.
func (se *session) clock(start time.Time) string {
	el := se.iv.Now().Sub(start)
	if se.iv.TimeLimit > 0 {
		return mmss(el) + " of " + mmss(se.iv.TimeLimit)
	}
	return mmss(el)
}

func mmss(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d/time.Minute), int(d%time.Minute/time.Second))
}

// summary shows the end-of-session table.
func (se *session) summary() error {
	sum := Summarise(se.s, se.qs, se.iv.Rubric)
	sum.Path = se.path
	se.printf("\n%s\n", rule())
	if err := se.iv.Display.Summary(se.iv.Out, sum); err != nil {
		return err
	}
	se.printf("\nSaved to %s\nSee your trend with: starprep progress\n", se.path)
	return nil
}

// Summarise scores a session's answers into its summary rows.
func Summarise(s *star.Session, qs []questions.Question, rubric *star.Rubric) Summary {
	var sum Summary
	total, n := 0, 0
	for i, q := range qs {
		row := SummaryRow{N: i + 1, QuestionID: q.ID, Question: q.Text, Asked: i < s.Next}
		scored := 0
		for _, a := range s.Answers {
			if a.QuestionID != q.ID {
				continue
			}
			if a.FollowUp {
				if !a.Skipped {
					row.FollowUps++
				}
				continue
			}
			row.Question = a.Question
			if a.Skipped {
				continue
			}
			res := star.Score(rubric, questionInfo(q, a.Question), a)
			if scored == 0 {
				row.First = res.Score
			}
			scored++
			row.Final, row.Band = res.Score, res.Band
		}
		row.Attempts = scored
		row.Skipped = row.Asked && scored == 0
		if scored > 0 {
			total += row.Final
			n++
		}
		sum.Rows = append(sum.Rows, row)
	}
	if n > 0 {
		avg := roundDiv(total, n)
		sum.Average = &avg
	}
	return sum
}

// answered is how many questions of s have an answer.
func answered(s *star.Session) int {
	ids := map[string]bool{}
	for _, a := range s.Answers {
		if !a.Skipped && !a.FollowUp {
			ids[a.QuestionID] = true
		}
	}
	return len(ids)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func rule() string { return strings.Repeat("─", 60) }

// wrap breaks text into lines of at most width runes, keeping paragraph
// breaks. The first line starts with first, the others with rest.
func wrap(text string, width int, first, rest string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := ""
		for _, w := range words {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	for i := range out {
		switch {
		case i == 0:
			out[i] = first + out[i]
		case out[i] != "":
			out[i] = rest + out[i]
		}
	}
	return strings.Join(out, "\n")
}

// PlainDisplay shows feedback and summaries as plain text, without tables.
type PlainDisplay struct{}

// Feedback implements Display.
func (PlainDisplay) Feedback(w io.Writer, res star.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Score: %d/100 (%s)\n", res.Score, res.Band)
	for _, c := range star.Components {
		comp := res.Components[c]
		found := "missing"
		if comp.Present {
			found = "found"
		}
		fmt.Fprintf(&b, "  %-9s %-7s %3d\n", c, found, comp.Score)
	}
	for _, c := range res.Checks {
		if !c.OK {
			fmt.Fprintf(&b, "  ✗ %s\n", c.Message)
		}
	}
	for i, t := range res.Tips {
		if i == 3 {
			break
		}
		fmt.Fprintf(&b, "  %d. %s\n", i+1, t)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary implements Display.
func (PlainDisplay) Summary(w io.Writer, sum Summary) error {
	var b strings.Builder
	b.WriteString("Summary\n")
	for _, r := range sum.Rows {
		switch {
		case !r.Asked:
			fmt.Fprintf(&b, "  %d. %s: not asked\n", r.N, r.QuestionID)
		case r.Skipped:
			fmt.Fprintf(&b, "  %d. %s: skipped\n", r.N, r.QuestionID)
		case r.Attempts > 1:
			fmt.Fprintf(&b, "  %d. %s: %d → %d (%d attempts)\n", r.N, r.QuestionID, r.First, r.Final, r.Attempts)
		default:
			fmt.Fprintf(&b, "  %d. %s: %d\n", r.N, r.QuestionID, r.Final)
		}
	}
	if sum.Average != nil {
		fmt.Fprintf(&b, "Average: %d\n", *sum.Average)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
