package cmd

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/suggest"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
)

func newQuestionsCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "questions <command>",
		Short: "Browse, show and validate interview questions",
		Long: `Browse the question bank, read one question with its hints, and check
question bank files you wrote.

The built-in bank has behavioral, situational, technical, motivation and
strengths questions, plus questions to ask the interviewer. --bank FILE merges
your own bank over it: a question with the same id replaces the built-in one.`,
		Args: cobra.ArbitraryArgs,
		RunE: unknownSubcommand,
	}
	c.AddCommand(newQuestionsListCmd(f, nil), newQuestionsShowCmd(f, nil), newQuestionsValidateCmd(f, nil))
	return c
}

type questionsListOptions struct {
	IO     *IOStreams
	Bank   func() (*questions.Bank, error)
	Filter questions.Filter
	Format string
}

func newQuestionsListCmd(f *Factory, runF func(*questionsListOptions) error) *cobra.Command {
	opts := &questionsListOptions{IO: f.IO, Bank: f.Bank}
	var cats, comps []string
	var difficulty string
	c := &cobra.Command{
		Use:   "list [--category <c>,...] [--competency <t>,...] [--difficulty <n>|<n-m>] [--search <words>] [--format <fmt>]",
		Short: "List questions, filtered",
		Example: `  $ starprep questions list --category technical
  $ starprep questions list --competency de-escalation --difficulty 2-3
  $ starprep questions list --search refund --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json", "yaml", "markdown", "csv"); err != nil {
				return err
			}
			opts.Filter.Categories = splitList(cats)
			if err := checkCategories(opts.Filter.Categories); err != nil {
				return err
			}
			opts.Filter.Competencies = splitList(comps)
			lo, hi, err := parseDifficulty(difficulty)
			if err != nil {
				return err
			}
			opts.Filter.MinDifficulty, opts.Filter.MaxDifficulty = lo, hi
			if runF != nil {
				return runF(opts)
			}
			return questionsListRun(opts)
		},
	}
	c.Flags().StringSliceVar(&cats, "category", nil, "only these `categories`: "+strings.Join(questions.Categories, ", "))
	c.Flags().StringSliceVar(&comps, "competency", nil, "only questions probing one of these `competencies`")
	c.Flags().StringVar(&difficulty, "difficulty", "", "difficulty `n` or range n-m, from 1 (easy) to 3 (hard)")
	c.Flags().StringVar(&opts.Filter.Search, "search", "", "only questions containing every one of these `words`")
	c.Flags().BoolVar(&opts.Filter.STAROnly, "star", false, "only questions that expect a STAR story")
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table, json, yaml, markdown or csv")
	_ = c.RegisterFlagCompletionFunc("category", completeCategories)
	_ = c.RegisterFlagCompletionFunc("competency", completeCompetencies(f))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json", "yaml", "markdown", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func parseDifficulty(s string) (int, int, error) {
	if s == "" {
		return 0, 0, nil
	}
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		hi = lo
	}
	a, err1 := strconv.Atoi(strings.TrimSpace(lo))
	b, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if err1 != nil || err2 != nil || a < 1 || b > 3 || a > b {
		return 0, 0, usageErrorf("--difficulty %q: give 1, 2 or 3, or a range such as 1-2", s)
	}
	return a, b, nil
}

func questionsListRun(opts *questionsListOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	if err := checkCompetencies(bank, opts.Filter.Competencies); err != nil {
		return err
	}
	qs := bank.Find(opts.Filter)
	if qs == nil {
		qs = []questions.Question{}
	}
	switch opts.Format {
	case "json":
		return writeJSON(opts.IO.Out, qs)
	case "yaml":
		return writeYAML(opts.IO.Out, map[string]any{"version": 1, "questions": qs})
	}
	if len(qs) == 0 {
		if opts.IO.IsStdoutTTY() || opts.Format != "table" {
			fmt.Fprintln(opts.IO.ErrOut, "starprep: no questions match; loosen the filters or see 'starprep questions list --help'")
		}
		if opts.Format == "table" {
			return nil
		}
	}
	t := table{headers: []string{"ID", "CATEGORY", "LEVEL", "QUESTION"}, rightAlign: map[int]bool{2: true}, wrap: true}
	for _, q := range qs {
		t.rows = append(t.rows, []string{q.ID, q.Category, strconv.Itoa(q.Difficulty), questions.Fill(q.Text, "")})
	}
	switch opts.Format {
	case "markdown":
		return writeMarkdownTable(opts.IO.Out, t)
	case "csv":
		t.headers = []string{"id", "category", "difficulty", "text", "star", "competencies"}
		for i, q := range qs {
			t.rows[i][3] = q.Text
			t.rows[i] = append(t.rows[i], strconv.FormatBool(q.STAR), strings.Join(q.Competencies, ";"))
		}
		return writeCSV(opts.IO.Out, t)
	}
	if !opts.IO.IsStdoutTTY() {
		return writeTable(opts.IO, t)
	}
	if err := pageTo(opts.IO, questionList(qs, opts.IO.Width())); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "%d question%s. Read one with: starprep questions show <id>\n", len(qs), pluralS(len(qs)))
	return nil
}

// questionList is the list for a person at a terminal: one line per
// question, the text shortened to fit the width (`questions show` has it
// whole), in columns without borders so that the text gets the room.
func questionList(qs []questions.Question, width int) string {
	idw, catw := len("ID"), len("CATEGORY")
	for _, q := range qs {
		idw, catw = max(idw, len(q.ID)), max(catw, len(q.Category))
	}
	textw := max(20, width-idw-catw-3-6-1)
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s  %-*s  %-3s %s\n", idw, "ID", catw, "CATEGORY", "LVL", "QUESTION")
	for _, q := range qs {
		fmt.Fprintf(&b, "%-*s  %-*s  %3d %s\n", idw, q.ID, catw, q.Category, q.Difficulty, shorten(questions.Fill(q.Text, ""), textw))
	}
	return b.String()
}

// checkCategories refuses a category that does not exist, suggesting the
// one meant.
func checkCategories(cats []string) error {
	for _, cat := range cats {
		if contains(questions.Categories, cat) {
			continue
		}
		hint := "the categories are: " + strings.Join(questions.Categories, ", ")
		if near := suggest.Closest(cat, questions.Categories); near != "" {
			hint = "did you mean --category " + near + "?\n" + hint
		}
		return usageWithHint(hint, "unknown category %q", cat)
	}
	return nil
}

// checkCompetencies refuses a competency no question of the bank probes,
// suggesting the one meant: an empty list would only say "no questions".
func checkCompetencies(bank *questions.Bank, comps []string) error {
	known := bank.Competencies()
	for _, c := range comps {
		if contains(known, c) {
			continue
		}
		hint := "list the questions and their competencies with: starprep questions list --format csv"
		if near := suggest.Closest(c, known); near != "" {
			hint = "did you mean --competency " + near + "?\n" + hint
		}
		return usageWithHint(hint, "no question probes the competency %q", c)
	}
	return nil
}

type questionsShowOptions struct {
	IO          *IOStreams
	Bank        func() (*questions.Bank, error)
	ID          string
	WithExample bool
	Format      string
}

func newQuestionsShowCmd(f *Factory, runF func(*questionsShowOptions) error) *cobra.Command {
	opts := &questionsShowOptions{IO: f.IO, Bank: f.Bank}
	c := &cobra.Command{
		Use:   "show <id>",
		Short: "Show one question with what interviewers look for and follow-ups",
		Example: `  $ starprep questions show shouting-customer
  $ starprep questions show shouting-customer --example`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageWithHint("list the ids with: starprep questions list", "questions show needs exactly one question id")
			}
			return nil
		},
		ValidArgsFunction: completeQuestionIDs(f),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "json", "yaml"); err != nil {
				return err
			}
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return questionsShowRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.WithExample, "example", false, "also show the model answer (try answering first)")
	c.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, json or yaml")
	return c
}

func questionsShowRun(opts *questionsShowOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	q, ok := bank.Get(opts.ID)
	if !ok {
		hint := "list the ids with: starprep questions list"
		if near := bank.Closest(opts.ID); len(near) > 0 {
			hint = "did you mean: " + strings.Join(near, ", ") + "?\n" + hint
		}
		return usageWithHint(hint, "no question with id %q", opts.ID)
	}
	if !opts.WithExample {
		q.Example = ""
	}
	switch opts.Format {
	case "json":
		return writeJSON(opts.IO.Out, q)
	case "yaml":
		return writeYAML(opts.IO.Out, q)
	}
	return writeQuestion(opts.IO.Out, q, opts.WithExample, opts.IO.Width())
}

// writeQuestion prints a question for a person, every paragraph wrapped at
// width so that no word breaks across lines.
func writeQuestion(w io.Writer, q questions.Question, withExample bool, width int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", wrapIndent(questions.Fill(q.Text, ""), width-1, ""))
	shape := "a STAR story (Situation, Task, Action, Result)"
	if !q.STAR {
		shape = "a direct answer"
	}
	fmt.Fprintf(&b, "id:           %s\ncategory:     %s (difficulty %d of 3)\ncompetencies: %s\nexpects:      %s\n",
		q.ID, q.Category, q.Difficulty, strings.Join(q.Competencies, ", "), shape)
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "  - %s\n", wrapIndent(it, width-5, "    "))
		}
	}
	section("What interviewers listen for:", q.LookFor)
	section("Words a strong answer tends to use:", []string{strings.Join(q.Keywords, ", ")})
	section("Possible follow-ups:", q.FollowUps)
	if q.Example != "" && withExample {
		b.WriteString("\nA strong answer:\n")
		for _, para := range strings.Split(strings.TrimSpace(q.Example), "\n") {
			if strings.TrimSpace(para) == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(&b, "  %s\n", wrapIndent(para, width-3, "  "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type questionsValidateOptions struct {
	IO    *IOStreams
	Files []string
}

func newQuestionsValidateCmd(f *Factory, runF func(*questionsValidateOptions) error) *cobra.Command {
	opts := &questionsValidateOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "validate <file>...",
		Short: "Check question bank files and list every problem",
		Long: `Check question bank files: YAML syntax, unknown or misspelt fields, duplicate
ids, unknown categories, out-of-range difficulty, missing text. Every problem
is listed as file:line: message on stdout.

EXIT STATUS
  0  every file is valid
  3  at least one problem was found`,
		Example: `  $ starprep questions validate my-bank.yaml`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("name at least one question bank file to validate")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return questionsValidateRun(opts)
		},
	}
	return c
}

func questionsValidateRun(opts *questionsValidateOptions) error {
	bad := 0
	for _, path := range opts.Files {
		raw, err := infile.ReadFile(path, infile.MaxDataFile, "a question bank")
		var ye *yamlfile.Error
		if err != nil && !errors.As(err, &ye) {
			return infile.Wrap(err, "read "+path)
		}
		var bank *questions.Bank
		if err == nil {
			bank, err = questions.ParseBank(raw, path)
		}
		switch {
		case errors.As(err, &ye):
			bad++
			for _, p := range ye.Problems {
				fmt.Fprintln(opts.IO.Out, p.String())
			}
		case err != nil:
			return err
		default:
			fmt.Fprintf(opts.IO.Out, "%s: ok (%d questions)\n", path, len(bank.Questions))
		}
	}
	if bad > 0 {
		verb := "have"
		if bad == 1 {
			verb = "has"
		}
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %d of %d file%s %s problems\n", bad, len(opts.Files), pluralS(len(opts.Files)), verb)
		return &silentError{code: exitData}
	}
	return nil
}

// unknownSubcommand is the RunE of a command group: with no argument it
// shows the group's help; with one it is a mistyped subcommand (exit 2).
func unknownSubcommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return c.Help()
	}
	hint := fmt.Sprintf("run '%s --help' for its commands", c.CommandPath())
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	if s := c.SuggestionsFor(args[0]); len(s) > 0 {
		hint = "did you mean: " + strings.Join(s, ", ") + "?\n" + hint
	}
	return usageWithHint(hint, "unknown command %q for %q", args[0], c.CommandPath())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func completeCategories(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return questions.Categories, cobra.ShellCompDirectiveNoFileComp
}

func completeCompetencies(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		bank, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return bank.Competencies(), cobra.ShellCompDirectiveNoFileComp
	}
}

func completeQuestionIDs(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		bank, err := f.Bank()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		var out []string
		for _, q := range bank.Questions {
			out = append(out, q.ID+"\t"+q.Text)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
