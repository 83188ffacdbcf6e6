package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/review"
	"github.com/starprep/starprep/star"
)

type reviewOptions struct {
	IO       *IOStreams
	Rubric   func(path string) (*star.Rubric, error)
	Question func(id string) (*star.QuestionInfo, error)

	Paths       []string
	Format      string
	MinScore    int
	Jobs        int
	SkipInvalid bool
	RubricFile  string
	// TuneGC sets the garbage collector for a long batch (the real
	// process only: it is process-wide).
	TuneGC bool
}

var reviewFormats = []string{"table", "json", "jsonl", "csv", "markdown", "html"}

func newReviewCmd(f *Factory, runF func(*reviewOptions) error) *cobra.Command {
	opts := &reviewOptions{IO: f.IO, Rubric: f.Rubric, Question: f.QuestionInfo, TuneGC: f.Process}
	c := &cobra.Command{
		Use:   "review <path>... [--format table|json|jsonl|csv|markdown|html] [--min-score <n>] [--jobs <n>] [--skip-invalid] [--rubric <file>]",
		Short: "Score many saved answers at once",
		Long: `Score every answer in the files and directories given: saved interview
sessions, answer files (.yaml, .yml, .json, .jsonl; directories are searched
recursively) or - for answers on standard input.

Results are written as they are scored, in input order, and the summary
(mean, median, bands, the STAR parts most often missing, the weakest
competencies) comes last, so any number of answers can be reviewed in
little memory. --format json prints {"schema": "starprep.review/v1",
"results": [...], "summary": {...}}, jsonl one score result per line, csv a
row per answer, markdown a table, and html one self-contained page to send:
a summary chart, then a card per answer with its parts, checks and tips.

An answer that cannot be read stops the review with its file and line;
--skip-invalid warns and skips just that answer. Ctrl-C stops at once
(exit 130), leaving only whole results written.

EXIT STATUS
  0    every answer scored (and none below --min-score)
  1    a file could not be read (missing, permissions)
  2    bad arguments
  3    an answer could not be read as one (use --skip-invalid to skip it)
  4    at least one answer scored below --min-score
  130  interrupted with Ctrl-C`,
		Example: `  $ starprep review ~/.local/share/starprep/sessions
  $ starprep review class-answers/ --format html > class-report.html
  $ starprep review class-answers/ --format csv > scores.csv
  $ starprep review answers.jsonl --min-score 60 --format jsonl`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("name at least one answer file or directory (or - for standard input)")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, reviewFormats...); err != nil {
				return err
			}
			if opts.MinScore < 0 || opts.MinScore > 100 {
				return usageErrorf("--min-score must be from 0 to 100, got %d", opts.MinScore)
			}
			if opts.Jobs < 0 {
				return usageErrorf("--jobs must be 1 or more (0: one per CPU), got %d", opts.Jobs)
			}
			if opts.Jobs == 0 {
				opts.Jobs = runtime.NumCPU()
			}
			stdin := 0
			for _, a := range args {
				if a == "-" {
					stdin++
				}
			}
			if stdin > 1 {
				return usageErrorf("- (standard input) can be given only once")
			}
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(c.Context(), opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table, json, jsonl, csv, markdown or html")
	c.Flags().IntVar(&opts.MinScore, "min-score", 0, "exit 4 when any answer scores below `n` (0–100)")
	c.Flags().IntVar(&opts.Jobs, "jobs", 0, "decode, score and encode with `n` workers (default: one per CPU)")
	c.Flags().BoolVar(&opts.SkipInvalid, "skip-invalid", false, "warn about answers that cannot be read and go on")
	c.Flags().StringVar(&opts.RubricFile, "rubric", "", "scoring rubric `file` to use instead of the built-in one")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(reviewFormats, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// reviewGC is the garbage collector's setting for a review: every answer
// allocates a few kilobytes that die at once, while what stays live is
// bounded by the pipeline's queues (some megabytes), so collecting a
// quarter as often saved about a fifth of the CPU (100k answers, paired
// runs); the memory limit keeps the heap well under 100 MB all the same.
// GOGC and GOMEMLIMIT, when set, win.
func reviewGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
}

func reviewRun(ctx context.Context, opts *reviewOptions) error {
	rubric, err := opts.Rubric(opts.RubricFile)
	if err != nil {
		return err
	}
	ro := review.Options{
		Paths:       opts.Paths,
		Stdin:       opts.IO.In,
		Rubric:      rubric,
		Question:    opts.Question,
		Jobs:        opts.Jobs,
		MinScore:    opts.MinScore,
		SkipInvalid: opts.SkipInvalid,
		Out:         opts.IO.Out,
		Warn:        opts.IO.ErrOut,
	}
	switch opts.Format {
	case "json":
		ro.Output = review.NewJSON()
	case "jsonl":
		ro.Output = review.NewJSONLines()
	case "csv":
		ro.Output = review.NewCSV()
	case "markdown":
		ro.Output = review.NewMarkdown()
	case "html":
		ro.Output = review.NewHTML()
	default:
		if opts.IO.IsStdoutTTY() {
			ro.Output = newReviewTable(opts.IO.Width())
		} else {
			ro.Output = review.NewTSV()
		}
	}
	bar := newProgressBar(opts.IO)
	if bar != nil {
		ro.Progress = bar.update
		defer bar.finish()
	}
	if opts.TuneGC {
		reviewGC(os.Getenv)
	}
	rep, err := review.Run(ctx, ro)
	if bar != nil {
		bar.finish()
	}
	if rep != nil {
		for _, id := range rep.UnknownQuestions {
			fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: question %q is not in the bank; relevance is not checked for its answers\n", id)
		}
		if len(rep.UnknownQuestions) == 10 {
			// Only the first ten ids are listed.
			fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: %d answers in all name questions the bank does not have\n", rep.UnknownAnswers)
		}
	}
	var loc located
	var le *review.LinkError
	if err != nil && errors.As(err, &loc) && !opts.SkipInvalid {
		return &hintedError{err: err, hint: "or skip the answers that cannot be read with --skip-invalid"}
	}
	if err != nil && (errors.As(err, &le) || errors.Is(err, infile.ErrNotRegular)) && !opts.SkipInvalid {
		return &hintedError{err: err, hint: "skip the files that cannot be read with --skip-invalid"}
	}
	if err != nil {
		return err
	}
	sum := rep.Summary
	if opts.Format == "table" && !opts.IO.IsStdoutTTY() {
		for _, line := range review.SummaryLines(sum) {
			fmt.Fprintf(opts.IO.ErrOut, "starprep: %s\n", line)
		}
	}
	if sum.Answers == 0 && sum.Invalid == 0 {
		fmt.Fprintln(opts.IO.ErrOut, "starprep: no answers found in the paths given")
	}
	if opts.MinScore > 0 && sum.BelowMin > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %d of %d answers scored below --min-score %d\n", sum.BelowMin, sum.Answers, opts.MinScore)
		return &silentError{code: exitBelowScore}
	}
	return nil
}

// reviewTable is the table on a terminal: a row per answer as it is
// scored, in columns fitted to the width, and the summary under it.
type reviewTable struct {
	width  int
	widths []int
	t      *streamTable
}

func newReviewTable(width int) *reviewTable {
	// SCORE, BAND and MISSING are short and fixed; the source (a file name
	// and #N) and the question id share the rest.
	const score, band, missing = 5, 10, 12
	rest := max(width-1-5*3-score-band-missing, 24)
	src := rest / 2
	return &reviewTable{width: width, widths: []int{src, rest - src, score, band, missing}}
}

func (rt *reviewTable) Begin(w io.Writer) error {
	t, err := startStreamTable(w, []string{"SOURCE", "QUESTION", "SCORE", "BAND", "MISSING"}, rt.widths, map[int]bool{2: true})
	rt.t = t
	return err
}

func (rt *reviewTable) NewEncoder() review.Encoder { return nil }

func (rt *reviewTable) Write(_ io.Writer, s *review.Scored, _ []byte) error {
	r := &s.Result
	missing := strings.Join(review.MissingParts(r), ",")
	if len(missing) > rt.widths[4] {
		var initials []string
		for _, p := range review.MissingParts(r) {
			initials = append(initials, strings.ToUpper(p[:1]))
		}
		missing = strings.Join(initials, ",")
	}
	if missing == "" {
		missing = "-"
	}
	return rt.t.append([]string{
		shortSource(safeCell(review.ShortSource(r.Source)), rt.widths[0]),
		shorten(safeCell(r.QuestionID), rt.widths[1]),
		fmt.Sprint(r.Score), bandLabel(r.Band), missing,
	})
}

func (rt *reviewTable) End(w io.Writer, rep *review.Report) error {
	if err := rt.t.close(); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("\n")
	for _, line := range review.SummaryLines(rep.Summary) {
		b.WriteString(wrapIndent(line, rt.width-2, "  "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shortSource fits a file name and its #N into n columns: first without
// the extension, then cutting the start of the name, never the #N.
func shortSource(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	name, num, _ := strings.Cut(s, "#")
	if num != "" {
		num = "#" + num
	}
	for _, ext := range []string{".yaml", ".yml", ".jsonl", ".json"} {
		if base, ok := strings.CutSuffix(name, ext); ok {
			name = base
			break
		}
	}
	if r := []rune(name + num); len(r) <= n {
		return string(r)
	}
	keep := max(n-len([]rune(num))-1, 1)
	r := []rune(name)
	return "…" + string(r[max(len(r)-keep, 0):]) + num
}
