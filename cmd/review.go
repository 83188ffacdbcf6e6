package cmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

type reviewOptions struct {
	IO     *IOStreams
	Bank   func() (*questions.Bank, error)
	Rubric func(path string) (*star.Rubric, error)

	Paths       []string
	Format      string
	MinScore    int
	Jobs        int
	SkipInvalid bool
	RubricFile  string
}

func newReviewCmd(f *Factory, runF func(*reviewOptions) error) *cobra.Command {
	opts := &reviewOptions{IO: f.IO, Bank: f.Bank, Rubric: loadRubric}
	c := &cobra.Command{
		Use:   "review <path>... [--format table|json|jsonl|csv|markdown] [--min-score <n>] [--jobs <n>] [--skip-invalid] [--rubric <file>]",
		Short: "Score many saved answers at once",
		Long: `Score every answer in the files and directories given: saved interview
sessions, answer files (.yaml, .yml, .json, .jsonl; directories are searched
recursively) or - for answers on standard input. Prints one row per answer
and a summary; --format json prints {"schema": "starprep.review/v1",
"results": [...], "summary": {...}}, --format jsonl one score result per line.

EXIT STATUS
  0  every answer scored (and none below --min-score)
  2  bad arguments
  3  a file could not be read as answers (use --skip-invalid to skip it)
  4  at least one answer scored below --min-score`,
		Example: `  $ starprep review ~/.local/share/starprep/sessions
  $ starprep review class-answers/ --format csv > scores.csv
  $ starprep review answers.jsonl --min-score 60 --format jsonl`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("name at least one answer file or directory (or - for standard input)")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "table", "json", "jsonl", "csv", "markdown"); err != nil {
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
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table, json, jsonl, csv or markdown")
	c.Flags().IntVar(&opts.MinScore, "min-score", 0, "exit 4 when any answer scores below `n` (0–100)")
	c.Flags().IntVar(&opts.Jobs, "jobs", 0, "score with `n` workers (default: one per CPU)")
	c.Flags().BoolVar(&opts.SkipInvalid, "skip-invalid", false, "warn about unreadable or invalid files and go on")
	c.Flags().StringVar(&opts.RubricFile, "rubric", "", "scoring rubric `file` to use instead of the built-in one")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json", "jsonl", "csv", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// answerFiles expands directories into the answer files below them, sorted.
func answerFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read answers: %w", err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".yaml", ".yml", ".json", ".jsonl":
				if !d.IsDir() {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read answers in %s: %w", p, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func reviewRun(opts *reviewOptions) error {
	rubric, err := opts.Rubric(opts.RubricFile)
	if err != nil {
		return err
	}
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	files, err := answerFiles(opts.Paths)
	if err != nil {
		return err
	}
	var items []star.Item
	invalid := 0
	for _, path := range files {
		got, err := readAnswerFile(path, opts.IO.In)
		var ye *yamlfile.Error
		switch {
		case err == nil:
			for _, it := range got {
				if !it.Answer.Skipped {
					items = append(items, it)
				}
			}
		case opts.SkipInvalid && (errors.As(err, &ye) || errors.Is(err, fs.ErrPermission)):
			invalid++
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: skipped: %s\n", line)
			}
		default:
			return err
		}
	}
	if len(items) == 0 && opts.IO.IsStdoutTTY() {
		fmt.Fprintln(opts.IO.ErrOut, "starprep: no answers found in the paths given")
	}

	// Score in parallel; results keep the input order.
	results := make([]star.Result, len(items))
	unknown := map[string]bool{}
	infos := make([]*star.QuestionInfo, len(items))
	for i, it := range items {
		q, known := questionInfo(bank, it.Answer.QuestionID)
		if !known {
			unknown[it.Answer.QuestionID] = true
		}
		infos[i] = q
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(opts.Jobs, max(len(items), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := star.Score(rubric, infos[i], items[i].Answer)
				res.Source = items[i].Source
				results[i] = res
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, id := range sortedKeys(unknown) {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: question %q is not in the bank; relevance is not checked for its answers\n", id)
	}

	summary := star.Summarize(results, opts.MinScore)
	summary.Invalid = invalid
	if err := writeReview(opts, results, summary); err != nil {
		return err
	}
	if opts.MinScore > 0 && summary.BelowMin > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %d of %d answers scored below --min-score %d\n", summary.BelowMin, summary.Answers, opts.MinScore)
		return &silentError{code: exitBelowScore}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// missingParts names the STAR parts a result lacks.
func missingParts(r star.Result) string {
	var miss []string
	for _, c := range star.Components {
		if !r.Components[c].Present {
			miss = append(miss, c)
		}
	}
	return strings.Join(miss, ",")
}

func writeReview(opts *reviewOptions, results []star.Result, summary star.Summary) error {
	out := opts.IO.Out
	switch opts.Format {
	case "json":
		if results == nil {
			results = []star.Result{}
		}
		return writeJSON(out, struct {
			Schema  string        `json:"schema"`
			Results []star.Result `json:"results"`
			Summary star.Summary  `json:"summary"`
		}{star.ReviewSchema, results, summary})
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for _, r := range results {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		t := table{headers: []string{"source", "id", "question_id", "score", "band", "words", "situation", "task", "action", "result", "failed_checks"}}
		for _, r := range results {
			row := []string{r.Source, r.ID, r.QuestionID, strconv.Itoa(r.Score), r.Band, strconv.Itoa(r.Words)}
			for _, c := range star.Components {
				row = append(row, strconv.Itoa(r.Components[c].Score))
			}
			var failed []string
			for _, ck := range r.Checks {
				if !ck.OK {
					failed = append(failed, ck.ID)
				}
			}
			t.rows = append(t.rows, append(row, strings.Join(failed, ";")))
		}
		return writeCSV(out, t)
	}
	t := table{headers: []string{"SOURCE", "QUESTION", "SCORE", "BAND", "MISSING"}, rightAlign: map[int]bool{2: true}}
	for _, r := range results {
		src := r.Source
		if opts.IO.IsStdoutTTY() {
			src = shortenLeft(src, 32) // the file name matters more than its folder
		}
		t.rows = append(t.rows, []string{src, r.QuestionID, strconv.Itoa(r.Score), r.Band, missingParts(r)})
	}
	if opts.Format == "markdown" {
		if err := writeMarkdownTable(out, t); err != nil {
			return err
		}
		_, err := fmt.Fprintf(out, "\n%s\n", summaryLine(summary))
		return err
	}
	if err := writeTable(opts.IO, t); err != nil {
		return err
	}
	if opts.IO.IsStdoutTTY() {
		fmt.Fprintf(out, "\n%s\n", summaryLine(summary))
	} else {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %s\n", summaryLine(summary))
	}
	return nil
}

// shortenLeft keeps the end of s, at most n runes.
func shortenLeft(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}

func summaryLine(s star.Summary) string {
	if s.Answers == 0 {
		return "no answers"
	}
	line := fmt.Sprintf("%d answers: mean %.1f, median %.1f, from %d to %d; strong %d, good %d, needs work %d, incomplete %d",
		s.Answers, s.Mean, s.Median, s.Min, s.Max, s.Bands[star.BandStrong], s.Bands[star.BandGood], s.Bands[star.BandNeedsWork], s.Bands[star.BandIncomplete])
	if s.Invalid > 0 {
		line += fmt.Sprintf("; %d files skipped", s.Invalid)
	}
	return line
}
