package coach

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// The stages of a mock interview, one file each: begin.go starts a new
// session or resumes a saved one, question.go asks a question and runs the
// menu after it, answer.go takes one answer (part by part, with hints,
// skips and a draft kept as it grows), followup.go picks the follow-up that
// fits the answer, summary.go ends the session.

// Modes of answering.
const (
	ModeSTAR = "star" // Situation, Task, Action and Result asked in turn
	ModeFree = "free" // one answer; the scorer finds the parts itself
)

// Display renders what is more than plain text: score results and the
// end-of-session summary. cmd/ supplies one sized to the terminal;
// PlainDisplay is a text-only one.
type Display interface {
	// Card shows a score result briefly, so that it and the menu after it
	// fit a small screen: the score, the band, the parts and the top tip.
	Card(w io.Writer, res star.Result) error
	// Details writes every check and tip of a result (shown on request).
	Details(w io.Writer, res star.Result) error
	// Summary shows the end-of-session table.
	Summary(w io.Writer, sum Summary) error
}

// Interview is everything an interview needs. Run it with Run.
type Interview struct {
	// Prompter asks the questions. When it is also an AnswerBox, answers are
	// typed into it (with a clock and a draft kept as they grow); when it is
	// a Pager, long text goes through it.
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

	Mode string // ModeSTAR (default) or ModeFree
	// TimeLimit is the time allowed per answer (0: none). A resumed session
	// keeps its own unless TimeLimitSet says this one was asked for.
	TimeLimit    time.Duration
	TimeLimitSet bool
	Selection    Selection
	// SetPath is the question set file Selection.Set came from, saved with
	// the session; LoadSet reads such a file again (for --resume).
	SetPath string
	LoadSet func(path string) ([]questions.Question, error)
	// Resume continues the latest unfinished session instead of starting one.
	Resume bool

	ctx context.Context
}

// ErrNothingToResume: --resume found no session at all.
var ErrNothingToResume = errors.New("no interview to resume: there are no saved sessions")

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

// Outcome is where an interview ended up. Session is nil when --resume
// found only finished sessions and the person chose not to start a new one.
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
	company *questions.Company // nil when the interview is for no company
	focus   *Focus
	rng     *rand.Rand
	// offered is a draft from a resumed session that the person chose to
	// pick up; the answer it belongs to starts from it.
	offered *star.Draft
	// lastDraftSave is when the draft was last written, to save it at most
	// every draftEvery while it grows.
	lastDraftSave time.Time
	savedDraft    string
	// lock keeps other processes from writing the session meanwhile.
	lock *userdata.Lock
	// keptAnswers is how many answers the session file held at its last
	// good save.
	keptAnswers int
	// draftErr is why the last draft save failed (said once, after the box).
	draftErr    error
	draftWarned bool
}

// Run runs the interview: it picks or reloads the questions, asks them,
// scores each answer and saves the session after every answer, and the
// answer being typed as it grows. When the person presses Ctrl-C (the
// Prompter returns ErrInterrupted) or ctx is cancelled, Run saves what was
// answered and typed, says how to resume, and returns an error wrapping
// ErrInterrupted.
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
	iv.ctx = ctx
	if iv.Resume {
		se, err = iv.resume(store, saved)
		if err == nil && se == nil {
			return &Outcome{}, nil
		}
	} else {
		se, err = iv.start(store, saved)
	}
	if err != nil {
		return nil, err
	}
	// While this interview runs, no other process may write its session.
	if se.lock == nil {
		var le *userdata.LockError
		if se.lock, err = LockSession(ctx, se.path); err != nil && !errors.As(err, &le) {
			return nil, err
		}
	}
	defer se.lock.Unlock()
	se.ctx = ctx
	se.keptAnswers = len(se.s.Answers)
	if err := se.save(); err != nil {
		return nil, err
	}
	err = se.loop()
	out := &Outcome{Path: se.path, Session: se.s}
	if isSaveError(err) {
		return out, err
	}
	if errors.Is(err, ErrInterrupted) || (err != nil && ctx.Err() != nil) {
		return out, se.stopped()
	}
	if err != nil {
		// Keep what was answered; the error is reported by the caller.
		_ = se.save()
		return out, err
	}
	se.s.Finished = true
	se.s.Draft = nil
	if err := se.save(); err != nil {
		return out, err
	}
	// A finished session is not resumed: its lock file can go (the lock is
	// held until Run returns).
	_ = os.Remove(sessionLockPath(se.path))
	return out, se.summary()
}

// stopped saves an interrupted session, draft and all, and says how to go on.
func (se *session) stopped() error {
	se.s.Finished = false
	if serr := se.save(); serr != nil {
		return se.draftLost(serr)
	}
	what := "Nothing answered yet; the interview plan is saved in"
	if n := answered(se.s); n > 0 {
		what = fmt.Sprintf("Your answers to %d question%s are saved in", n, plural(n))
	}
	se.printf("\nStopped. %s\n  %s\n", what, se.path)
	if d := se.s.Draft; d != nil {
		n := d.Words()
		se.printf("The answer you were typing (%d word%s) is kept as a draft.\n", n, plural(n))
	}
	se.printf("Pick up where you left off with: starprep interview --resume\n")
	return fmt.Errorf("interview stopped: %w", ErrInterrupted)
}

func (se *session) printf(format string, args ...any) { fmt.Fprintf(se.iv.Out, format, args...) }

func (se *session) save() error {
	se.s.UpdatedAt = se.iv.Now().UTC().Truncate(time.Second)
	if err := Save(se.path, se.s); err != nil {
		return err
	}
	se.lastDraftSave = se.iv.Now()
	se.savedDraft = draftKey(se.s.Draft)
	return nil
}

func (se *session) interrupted() error {
	if err := se.ctx.Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrInterrupted, err)
	}
	return nil
}

// loop asks the questions from s.Next on. A picked-up draft of a retry or a
// follow-up goes back to the question it belongs to first.
func (se *session) loop() error {
	if d := se.offered; d != nil && (d.Attempt > 1 || d.FollowUp) {
		if k := se.s.Next - 1; k >= 0 && se.qs[k].ID == d.QuestionID {
			stop, err := se.question(k, true)
			if err != nil || stop {
				return err
			}
		} else {
			se.offered = nil
		}
	}
	for se.s.Next < len(se.qs) {
		stop, err := se.question(se.s.Next, false)
		if err != nil || stop {
			return err
		}
	}
	return nil
}
