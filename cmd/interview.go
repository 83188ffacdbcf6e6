package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

type interviewOptions struct {
	IO       *IOStreams
	Prompter coach.Prompter
	Bank     func() (*questions.Bank, error)
	Now      func() time.Time
	Home     func() string

	Filter    questions.Filter
	Count     int
	Company   string
	SetFile   string
	Mode      string
	TimeLimit time.Duration
	// TimeLimitSet is true when --time-limit was given (it then replaces a
	// resumed session's own).
	TimeLimitSet bool
	Seed         int64
	Resume       bool
	Drill        bool
}

func newInterviewCmd(f *Factory, runF func(*interviewOptions) error) *cobra.Command {
	opts := &interviewOptions{IO: f.IO, Bank: f.Bank, Now: f.Now, Home: func() string { return f.Home }}
	var cats, comps []string
	c := &cobra.Command{
		Use:   "interview [--count <n>] [--category <c>,...] [--set <file>] [--mode star|free] [--drill | --resume] [flags]",
		Short: "Run a mock interview: answer, get a score and tips, retry",
		Long: `Run a mock interview in the terminal. Each question is answered in the STAR
shape (Situation, Task, Action, Result: one box each, with a reminder of
what belongs there) or, with --mode free, as one story the scorer splits up.

Answers are typed into a box that edits as you expect: arrow keys, Home and
End, Backspace across lines, paste; Enter starts a new line and Ctrl-D
finishes. ? alone in an empty box shows the question's hints; an empty part
asks whether to leave it out. The clock runs while you type, against
--time-limit if you set one.

After each answer a short card shows the score, the four parts and the top
tip; then choose: go on, retry (both attempts are kept), every check and
tip, the example answer, or a follow-up picked for what your answer lacks.
Text longer than the screen is shown a screen at a time.

By default you get 5 questions: mostly STAR stories, plus a motivation and a
technical question. Questions you have never practised or scored low on come
first. --drill picks from the competencies your history shows are weakest.
Questions for you to ask the interviewer are not put to you; with --company,
three of them are suggested at the end.

The session is saved under $STARPREP_HOME/sessions after every answer, and
the answer you are typing every few seconds. Ctrl-C stops at once, keeping
both; --resume continues with the same settings and offers the draft back.
See and remove sessions with 'starprep sessions'. Without a terminal, use
'starprep score' or 'starprep review' instead.

EXIT STATUS
  0    the interview ended (finished or stopped from the menu)
  2    bad flags, no session to resume, nothing to drill, or no terminal
  3    a question set, bank or company notes file is invalid
  130  interrupted with Ctrl-C; the answers so far, and the one being
       typed, are saved`,
		Example: `  $ starprep interview
  $ starprep interview --count 3 --category behavioral --time-limit 2m
  $ starprep interview --company northwind --mode free
  $ starprep interview --set tuesday-class.yaml
  $ starprep interview --drill
  $ starprep interview --resume`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			fl := c.Flags()
			if opts.Mode != coach.ModeSTAR && opts.Mode != coach.ModeFree {
				return usageErrorf("--mode %q: use star or free", opts.Mode)
			}
			if fl.Changed("count") && opts.Count < 1 {
				return usageErrorf("--count must be at least 1, got %d", opts.Count)
			}
			if opts.TimeLimit < 0 {
				return usageErrorf("--time-limit must not be negative, got %s", opts.TimeLimit)
			}
			opts.Filter.Categories = splitList(cats)
			if err := checkCategories(opts.Filter.Categories); err != nil {
				return err
			}
			if contains(opts.Filter.Categories, "ask") {
				return usageWithHint("see them with: starprep questions list --category ask",
					"--category ask: those are questions for you to ask the interviewer, not ones to answer (with --company, three are suggested at the end)")
			}
			opts.Filter.Competencies = splitList(comps)
			opts.TimeLimitSet = fl.Changed("time-limit")
			if opts.Resume {
				var clash []string
				for _, name := range []string{"count", "category", "competency", "company", "set", "mode", "seed", "drill"} {
					if fl.Changed(name) {
						clash = append(clash, "--"+name)
					}
				}
				if len(clash) > 0 {
					return usageWithHint("a resumed interview keeps its questions, mode and company",
						"--resume cannot be combined with %s", strings.Join(clash, ", "))
				}
			}
			if opts.Company != "" && !slugPattern.MatchString(opts.Company) {
				return usageErrorf("--company %q: give the company's slug, such as northwind (lower-case letters, digits and hyphens)", opts.Company)
			}
			if opts.Drill && opts.SetFile != "" {
				return usageErrorf("--drill picks questions itself; it cannot be combined with --set")
			}
			if !opts.IO.CanPrompt() {
				return usageWithHint("to score an answer you wrote down: starprep score answer.yaml\nto score saved answers in bulk: starprep review ANSWERS_DIR",
					"interview asks questions and needs a terminal (stdin and stdout must be a terminal, and --no-input not set)")
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Prompter = f.Prompter; opts.Prompter == nil {
				opts.Prompter = newSurveyPrompter(opts.IO)
			}
			return interviewRun(c.Context(), opts)
		},
	}
	fl := c.Flags()
	fl.IntVarP(&opts.Count, "count", "n", 0, "number of `questions` (default 5; with --set, the whole set)")
	fl.StringSliceVar(&cats, "category", nil, "only these `categories`: "+strings.Join(questions.Categories, ", "))
	fl.StringSliceVar(&comps, "competency", nil, "only questions probing one of these `competencies`")
	fl.StringVar(&opts.Company, "company", "", "interview for the company with notes `slug` (fills in its name)")
	fl.StringVar(&opts.SetFile, "set", "", "ask the questions of a question set `file`, in its order")
	fl.StringVar(&opts.Mode, "mode", coach.ModeSTAR, "`how` to answer: star (four prompts per story) or free (one answer)")
	fl.DurationVar(&opts.TimeLimit, "time-limit", 0, "time per answer, shown on the clock as you type (e.g. 2m); kept by --resume")
	fl.Int64Var(&opts.Seed, "seed", 0, "fixed `number` for a reproducible choice and order of questions (0: random)")
	fl.BoolVar(&opts.Drill, "drill", false, "pick from the competencies and STAR parts your history shows are weakest")
	fl.BoolVar(&opts.Resume, "resume", false, "continue the latest unfinished interview")
	_ = c.RegisterFlagCompletionFunc("category", completeCategories)
	_ = c.RegisterFlagCompletionFunc("competency", completeCompetencies(f))
	_ = c.RegisterFlagCompletionFunc("mode", cobra.FixedCompletions([]string{"star", "free"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// slugPattern is what a company slug looks like (it names a file).
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func interviewRun(ctx context.Context, opts *interviewOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	if err := checkCompetencies(bank, opts.Filter.Competencies); err != nil {
		return err
	}
	sel := coach.Selection{Filter: opts.Filter, Count: opts.Count, Seed: opts.Seed, Drill: opts.Drill}
	loadSet := func(path string) ([]questions.Question, error) {
		raw, err := infile.ReadFile(path, infile.MaxDataFile, "a question set")
		var ye *yamlfile.Error
		if errors.As(err, &ye) {
			return nil, err
		}
		if err != nil {
			return nil, usageErrorf("read question set: %v", err)
		}
		return coach.ParseSet(raw, path, bank)
	}
	setPath := ""
	if opts.SetFile != "" {
		if sel.Set, err = loadSet(opts.SetFile); err != nil {
			return err
		}
		// Kept with the session, so --resume finds it from anywhere.
		if setPath, err = filepath.Abs(opts.SetFile); err != nil {
			setPath = opts.SetFile
		}
	}
	iv := &coach.Interview{
		Prompter: opts.Prompter,
		Out:      opts.IO.Out,
		Warn:     opts.IO.ErrOut,
		Display:  tableDisplay{width: opts.IO.Width(), color: opts.IO.ColorEnabled()},
		Now:      opts.Now,
		Bank:     bank,
		Rubric:   rubric,
		Home:     opts.Home(),
		Company:  opts.Company,
		Mode:     opts.Mode,

		TimeLimit:    opts.TimeLimit,
		TimeLimitSet: opts.TimeLimitSet,
		Selection:    sel,
		SetPath:      setPath,
		LoadSet:      loadSet,
		Resume:       opts.Resume,
	}
	if ex, err := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath); err == nil {
		iv.ExampleCompany = ex
	}
	_, err = iv.Run(ctx)
	return interviewError(err)
}

// interviewError turns the flow's errors into the command's exit codes.
func interviewError(err error) error {
	var nf *coach.CompanyNotFoundError
	var mq *coach.MissingQuestionError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, coach.ErrInterrupted):
		return fmt.Errorf("%w: %w", ErrCancelled, err)
	case errors.Is(err, coach.ErrNothingToResume):
		return usageWithHint("start one with: starprep interview", "%s", err.Error())
	case errors.Is(err, coach.ErrNoHistory):
		return usageWithHint("answer a few questions first: starprep interview", "%s", err.Error())
	case errors.Is(err, coach.ErrNoQuestions):
		return usageWithHint("see what there is: starprep questions list", "no questions match --category/--competency (and --set)")
	case errors.As(err, &nf):
		hint := "add notes as " + nf.Dir + "/" + nf.Slug + ".yaml (see the example: starprep company show northwind)"
		if len(nf.Known) > 0 {
			hint = "known companies: " + strings.Join(nf.Known, ", ") + "\n" + hint
		}
		return usageWithHint(hint, "%s", err.Error())
	case errors.As(err, &mq):
		return usageWithHint("if it came from a question set or --bank file, resume with that file: starprep interview --resume --bank FILE", "%s", err.Error())
	}
	return err
}

// tableDisplay shows interview feedback and the summary with tables.
type tableDisplay struct {
	width int
	color bool
}

// Card shows the compact card that fits a small screen with the menu.
func (d tableDisplay) Card(w io.Writer, res star.Result) error {
	return writeCard(w, res, feedbackStyle{Width: d.width, Color: d.color})
}

// Details shows the part table, every check and every tip.
func (d tableDisplay) Details(w io.Writer, res star.Result) error {
	return writeFeedback(w, res, feedbackStyle{Width: d.width, Color: d.color, AllChecks: true})
}

func (d tableDisplay) Summary(w io.Writer, sum coach.Summary) error {
	t := table{headers: []string{"#", "QUESTION", "FIRST", "FINAL", "RESULT"}, rightAlign: map[int]bool{0: true, 2: true, 3: true}}
	retries, followUps := 0, 0
	for _, r := range sum.Rows {
		first, final, result := "-", "-", ""
		switch {
		case !r.Asked:
			result = "not asked"
		case r.Skipped:
			result = "skipped"
		default:
			first, final, result = strconv.Itoa(r.First), strconv.Itoa(r.Final), bandLabel(r.Band)
			retries += r.Attempts - 1
		}
		followUps += r.FollowUps
		t.rows = append(t.rows, []string{strconv.Itoa(r.N), shorten(r.Question, max(20, d.width-36)), first, final, result})
	}
	var b strings.Builder
	b.WriteString("Your interview\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	b.Reset()
	if err := renderBox(w, t, d.width); err != nil {
		return err
	}
	if sum.Average != nil {
		fmt.Fprintf(&b, "Average of your final answers: %d/100", *sum.Average)
		var extra []string
		if retries > 0 {
			extra = append(extra, fmt.Sprintf("%d retr%s", retries, map[bool]string{true: "y", false: "ies"}[retries == 1]))
		}
		if followUps > 0 {
			extra = append(extra, fmt.Sprintf("%d follow-up%s", followUps, pluralS(followUps)))
		}
		if len(extra) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(extra, ", "))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
