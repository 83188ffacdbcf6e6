package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

type scoreOptions struct {
	IO       *IOStreams
	Bank     func() (*questions.Bank, error)
	Question func(id string) (*star.QuestionInfo, error)
	Rubric   func(path string) (*star.Rubric, error)
	// Companies finds the notes of the company an answer names, so that
	// using its values, products and channels counts.
	Companies func() *coach.Companies

	File       string
	QuestionID string
	Format     string
	MinScore   int
	RubricFile string
}

func newScoreCmd(f *Factory, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{IO: f.IO, Bank: f.Bank, Question: f.QuestionInfo, Rubric: f.Rubric,
		Companies: func() *coach.Companies { return companyStore(f) }}
	c := &cobra.Command{
		Use:   "score [<file> | -] [--question <id>] [--format text|json] [--min-score <n>] [--rubric <file>]",
		Short: "Score one answer for STAR completeness, with tips",
		Long: `Score one answer: which STAR parts it has (Situation, Task, Action,
Result), how deep each is, checks on length, ownership, detail, results and
relevance, and tips ordered by how much they would raise the score.

The answer is a YAML or JSON answer file (as saved by 'starprep interview'),
or plain text: a .txt file, or text piped on standard input.

EXIT STATUS
  0  scored (and at or above --min-score, when given)
  2  bad arguments
  3  the answer file or rubric is invalid (the message names file and line)
  4  the answer scored below --min-score`,
		Example: `  $ starprep score my-answer.txt --question shouting-customer
  $ echo "Last May a caller ..." | starprep score --question angry-customer-time --format json
  $ starprep score answers/20261122-101503-shouting-customer.yaml --min-score 70`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageWithHint("to score many answers at once, use: starprep review <path>...", "score takes one answer file (or - for standard input), got %d", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if opts.MinScore < 0 || opts.MinScore > 100 {
				return usageErrorf("--min-score must be from 0 to 100, got %d", opts.MinScore)
			}
			if len(args) == 1 {
				opts.File = args[0]
			} else {
				if opts.IO.IsStdinTTY() {
					return usageWithHint("example: starprep score answer.txt, or: pbpaste | starprep score -", "give an answer file, or pipe the answer on standard input")
				}
				opts.File = "-"
			}
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.QuestionID, "question", "q", "", "the `id` of the question answered (overrides the file's question_id)")
	c.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text or json")
	c.Flags().IntVar(&opts.MinScore, "min-score", 0, "exit 4 when the score is below `n` (0–100)")
	c.Flags().StringVar(&opts.RubricFile, "rubric", "", "scoring rubric `file` to use instead of the built-in one")
	_ = c.RegisterFlagCompletionFunc("question", completeQuestionIDs(f))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// splitPick splits "answers.yaml#2" into the file and the answer number
// (0 when none is given). A file whose real name contains '#' still works;
// "#0" or a negative number is a usage error.
func splitPick(arg string) (string, int, error) {
	i := strings.LastIndexByte(arg, '#')
	if i <= 0 {
		return arg, 0, nil
	}
	n, err := strconv.Atoi(arg[i+1:])
	if err != nil {
		return arg, 0, nil
	}
	if _, err := os.Stat(arg); err == nil {
		return arg, 0, nil
	}
	if n < 1 {
		return arg, 0, usageWithHint(fmt.Sprintf("the first answer is: starprep score %s#1", arg[:i]), "%s: answers are numbered from 1", arg)
	}
	return arg[:i], n, nil
}

// loadRubric reads a rubric file, or the built-in rubric when path is "".
func loadRubric(path string) (*star.Rubric, error) {
	if path == "" {
		r, err := star.ParseRubric(data.Rubric, data.RubricPath)
		if err != nil {
			return nil, fmt.Errorf("the built-in rubric is broken (please report this): %w", err)
		}
		return r, nil
	}
	raw, err := infile.ReadFile(path, infile.MaxDataFile, "a rubric")
	if err != nil {
		return nil, infile.Wrap(err, "read rubric")
	}
	return star.ParseRubric(raw, path)
}

func answersCount(n int) string {
	if n == 1 {
		return "1 answer"
	}
	return fmt.Sprintf("%d answers", n)
}

// readAnswerFile reads one answer source: a path or "-" for in. Nothing at
// all on standard input is a usage error, not a broken file.
func readAnswerFile(path string, in io.Reader) ([]star.Item, error) {
	if path == "-" {
		raw, err := infile.ReadAll(in, "stdin", infile.MaxAnswerFile, "answers on standard input")
		if err != nil {
			return nil, infile.Wrap(err, "read standard input")
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			return nil, usageWithHint("pipe an answer in (pbpaste | starprep score -), or name a file: starprep score answer.txt",
				"no answer on standard input: it is empty")
		}
		return star.ReadAnswers(bytes.NewReader(raw), "-")
	}
	raw, err := infile.ReadFile(path, infile.MaxAnswerFile, "an answer file score reads (review streams any size)")
	if err != nil {
		return nil, infile.Wrap(err, "read answer")
	}
	return star.ParseAnswers(raw, path)
}

// questionInfo finds what the scorer needs about a question, and warns when
// the answer names a question the bank does not have.
func questionInfo(bank *questions.Bank, id string) (*star.QuestionInfo, bool) {
	if id == "" {
		return nil, true
	}
	q, ok := bank.Get(id)
	if !ok {
		return nil, false
	}
	return infoOf(q), true
}

// infoOf is what the scorer needs of a question.
func infoOf(q questions.Question) *star.QuestionInfo { return coach.ScoreInfo(q, "") }

func scoreRun(opts *scoreOptions) error {
	rubric, err := opts.Rubric(opts.RubricFile)
	if err != nil {
		return err
	}
	if opts.QuestionID != "" {
		if q, err := opts.Question(opts.QuestionID); err != nil {
			return err
		} else if q == nil {
			bank, err := opts.Bank()
			if err != nil {
				return err
			}
			hint := "list the ids with: starprep questions list"
			if near := bank.Closest(opts.QuestionID); len(near) > 0 {
				hint = "did you mean: " + strings.Join(near, ", ") + "?\n" + hint
			}
			return usageWithHint(hint, "no question with id %q", opts.QuestionID)
		}
	}
	path, pick, err := splitPick(opts.File)
	if err != nil {
		return err
	}
	items, err := readAnswerFile(path, opts.IO.In)
	if err != nil {
		return err
	}
	name := path
	if name == "-" {
		name = "stdin"
	}
	switch {
	case pick > len(items):
		return usageErrorf("%s holds %s; there is no answer #%d", name, answersCount(len(items)), pick)
	case pick > 0:
		items = items[pick-1 : pick]
		items[0].Source = fmt.Sprintf("%s#%d", name, pick)
	case len(items) != 1:
		return usageWithHint(fmt.Sprintf("pick one with: starprep score %s#2 (answers are numbered from 1)\nor score them all with: starprep review %s", path, path),
			"%s holds %s; score takes one", name, answersCount(len(items)))
	}
	item := items[0]
	qid := item.Answer.QuestionID
	if opts.QuestionID != "" {
		qid = opts.QuestionID
		item.Answer.QuestionID = qid
	}
	q, err := opts.Question(qid)
	if err != nil {
		return err
	}
	if known := q != nil || qid == ""; !known {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: question %q is not in the bank; relevance is not checked\n", qid)
	}
	if slug := item.Answer.Company; q != nil && slug != "" && opts.Companies != nil {
		if e, err := opts.Companies().Get(slug); err == nil {
			q.Company = coach.CompanyScoreInfo(e.Company)
		} else {
			fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: %v; the answer is scored without the company's notes\n", err)
		}
	}
	if q == nil && opts.IO.IsStdoutTTY() && opts.Format == "text" {
		fmt.Fprintln(opts.IO.ErrOut, "starprep: hint: name the question with --question <id> to check the answer's relevance too")
	}
	res := star.Score(rubric, q, item.Answer)
	res.Source = item.Source
	if opts.Format == "json" {
		if err := writeJSON(opts.IO.Out, res); err != nil {
			return err
		}
	} else {
		if q != nil {
			fmt.Fprintf(opts.IO.Out, "Question: %s\n", questions.Fill(q.Text, item.Answer.Company))
		}
		if err := writeFeedback(opts.IO.Out, res, feedbackStyle{Width: opts.IO.Width(), Color: opts.IO.ColorEnabled(), AllChecks: true, MaxTips: 5}); err != nil {
			return err
		}
	}
	if opts.MinScore > 0 && res.Score < opts.MinScore {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %s scored %d, below --min-score %d\n", item.Source, res.Score, opts.MinScore)
		return &silentError{code: exitBelowScore}
	}
	return nil
}
