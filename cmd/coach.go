package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/questions"
)

func newCoachCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "coach <command>",
		Short: "For coaches: build question sets and handouts",
		Long: `Commands for career coaches. 'coach set' builds a balanced question set for
a client or a class: a handout to print or send, or a set file that
'starprep interview --set' runs. Review what comes back with 'starprep review'.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return usageWithHint("run 'starprep coach set --help'", "coach needs a command: set")
		},
	}
	c.AddCommand(newCoachSetCmd(f, nil))
	return c
}

type coachSetOptions struct {
	IO      *IOStreams
	Bank    func() (*questions.Bank, error)
	Home    func() string
	Spec    coach.SetSpec
	Company string
	Exclude []string
	Format  string
	Output  string
	SeedSet bool
}

func newCoachSetCmd(f *Factory, runF func(*coachSetOptions) error) *cobra.Command {
	opts := &coachSetOptions{IO: f.IO, Bank: f.Bank, Home: func() string { return f.Home }}
	var mix, comps []string
	var difficulty string
	c := &cobra.Command{
		Use:   "set [--count <n>] [--mix <category>=<n>,...] [--competency <t>,...] [--difficulty <n>|<n-m>] [--company <slug>] [--exclude <file>] [--seed <n>] [--with-answers] [--format markdown|yaml|json|csv] [-o <file>]",
		Short: "Build a balanced question set: a handout, or a file to practise with",
		Long: `Pick interview questions for a client or a class. The set is balanced: it
spreads over the categories (or takes the --mix you give), and no competency
comes up twice before every one asked for has come up once.

The same --seed and flags give the same set, byte for byte; without --seed a
random one is chosen and written into the set, so it can be made again.

Formats:
  markdown  a handout: how to answer with STAR, then each question with what
            interviewers listen for and room for notes (default)
  yaml      a set file: starprep interview --set FILE practises it
  json      the same fields as yaml, for programs
  csv       one row per question, for a spreadsheet

--company fills the company's name into the questions and adds questions to
ask the interviewer from its notes. --exclude leaves out the questions of a
set or session file a client already had (repeat it for several files).
--with-answers adds the example answers, for the coach's copy.

EXIT STATUS
  0  the set was written
  1  the output could not be written
  2  bad flags, or fewer questions match than asked for
  3  an --exclude file or company notes could not be read as one`,
		Example: `  $ starprep coach set --count 8 --seed 42 > tuesday.md
  $ starprep coach set --mix behavioral=3,situational=3,motivation=1 --company northwind -o class.md
  $ starprep coach set --competency de-escalation,empathy --count 4 --format yaml -o set.yaml
  $ starprep interview --set set.yaml
  $ starprep coach set --count 6 --exclude last-week.yaml --with-answers -o coach-copy.md`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, coach.SetFormats...); err != nil {
				return err
			}
			fl := c.Flags()
			if fl.Changed("count") && opts.Spec.Count < 1 {
				return usageErrorf("--count must be at least 1, got %d", opts.Spec.Count)
			}
			m, err := parseMix(splitList(mix))
			if err != nil {
				return err
			}
			opts.Spec.Mix = m
			total := 0
			for _, n := range m {
				total += n
			}
			if opts.Spec.Count > 0 && len(m) > 0 && opts.Spec.Count < total {
				return usageErrorf("--count %d is less than the %d questions --mix asks for", opts.Spec.Count, total)
			}
			opts.Spec.Competencies = splitList(comps)
			lo, hi, err := parseDifficulty(difficulty)
			if err != nil {
				return err
			}
			opts.Spec.MinDifficulty, opts.Spec.MaxDifficulty = lo, hi
			if opts.Company != "" && !slugPattern.MatchString(opts.Company) {
				return usageErrorf("--company %q: give the company's slug, such as northwind (lower-case letters, digits and hyphens)", opts.Company)
			}
			opts.SeedSet = fl.Changed("seed")
			if !opts.SeedSet {
				opts.Spec.Seed = rand.Int64N(1_000_000) + 1
			}
			opts.Spec.MadeWith = madeWith(c, opts.Spec.Seed)
			if runF != nil {
				return runF(opts)
			}
			return coachSetRun(opts)
		},
	}
	fl := c.Flags()
	fl.IntVarP(&opts.Spec.Count, "count", "n", 0, "number of `questions` (default: the --mix total, or 8)")
	fl.StringSliceVar(&mix, "mix", nil, "how many of each category, as `category=n`,... (e.g. behavioral=3,situational=2)")
	fl.StringSliceVar(&comps, "competency", nil, "only questions probing these `competencies`, each covered before any repeats")
	fl.StringVar(&difficulty, "difficulty", "", "difficulty `n` or range n-m, from 1 (easy) to 3 (hard)")
	fl.StringVar(&opts.Company, "company", "", "fill in the company with notes `slug` and add questions to ask its interviewer")
	fl.StringArrayVar(&opts.Exclude, "exclude", nil, "leave out the questions of this set or session `file` (repeatable)")
	fl.Int64Var(&opts.Spec.Seed, "seed", 0, "`number` that fixes the choice and order (default: a random one, written into the set)")
	fl.BoolVar(&opts.Spec.WithAnswers, "with-answers", false, "include the example answers (the coach's copy)")
	fl.StringVar(&opts.Format, "format", "markdown", "output `format`: markdown, yaml, json or csv")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` (replaced whole, atomically) instead of standard output")
	_ = c.RegisterFlagCompletionFunc("competency", completeCompetencies(f))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(coach.SetFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = c.RegisterFlagCompletionFunc("mix", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, cat := range questions.Categories {
			if cat != "ask" {
				out = append(out, cat+"=")
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
	return c
}

// parseMix reads category=n pairs.
func parseMix(pairs []string) (map[string]int, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	m := map[string]int{}
	for _, p := range pairs {
		cat, num, ok := strings.Cut(p, "=")
		n, err := strconv.Atoi(strings.TrimSpace(num))
		cat = strings.TrimSpace(cat)
		if !ok || err != nil || n < 0 {
			return nil, usageErrorf("--mix %q: give category=number, such as behavioral=3", p)
		}
		if cat == "ask" {
			return nil, usageWithHint("--company adds questions to ask from the company's notes", "--mix: ask questions are for the candidate to ask, not to answer")
		}
		if !contains(questions.Categories, cat) {
			return nil, usageErrorf("--mix: unknown category %q (one of %s)", cat, strings.Join(questions.Categories[:5], ", "))
		}
		if _, dup := m[cat]; dup {
			return nil, usageErrorf("--mix names %s twice", cat)
		}
		m[cat] = n
	}
	return m, nil
}

// madeWith is the command line that makes the same set again: the flags
// that change the set, in a fixed order, with the seed.
func madeWith(c *cobra.Command, seed int64) string {
	parts := []string{"starprep"}
	for _, b := range bankFlags(c) {
		parts = append(parts, "--bank", shellQuote(b))
	}
	parts = append(parts, "coach", "set")
	var names []string
	c.LocalNonPersistentFlags().VisitAll(func(fl *pflag.Flag) {
		switch {
		case !fl.Changed, fl.Name == "seed", fl.Name == "output", fl.Name == "format":
		default:
			names = append(names, fl.Name)
		}
	})
	sort.Strings(names)
	for _, name := range names {
		fl := c.Flags().Lookup(name)
		if fl.Value.Type() == "bool" {
			parts = append(parts, "--"+name)
			continue
		}
		if arr, ok := fl.Value.(interface{ GetSlice() []string }); ok {
			for _, v := range arr.GetSlice() {
				parts = append(parts, "--"+name, shellQuote(v))
			}
			continue
		}
		parts = append(parts, "--"+name, shellQuote(fl.Value.String()))
	}
	return strings.Join(append(parts, "--seed", strconv.FormatInt(seed, 10)), " ")
}

func bankFlags(c *cobra.Command) []string {
	fl := c.Root().PersistentFlags().Lookup("bank")
	if fl == nil || !fl.Changed {
		return nil
	}
	if arr, ok := fl.Value.(interface{ GetSlice() []string }); ok {
		return arr.GetSlice()
	}
	return nil
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=,./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func coachSetRun(opts *coachSetOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	for _, path := range opts.Exclude {
		raw, err := infile.ReadFile(path, infile.MaxDataFile, "a question set or session")
		if err != nil {
			return infile.Wrap(err, "read --exclude file")
		}
		ids, err := coach.SetIDs(raw, path)
		if err != nil {
			return err
		}
		opts.Spec.Exclude = append(opts.Spec.Exclude, ids...)
	}
	if opts.Company != "" {
		example, _ := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath)
		company, err := coach.FindCompany(opts.Home(), opts.Company, example)
		var nf *coach.CompanyNotFoundError
		if errors.As(err, &nf) {
			hint := "add notes as " + filepath.Join(nf.Dir, nf.Slug+".yaml")
			if len(nf.Known) > 0 {
				hint = "known companies: " + strings.Join(nf.Known, ", ") + "\n" + hint
			}
			return usageWithHint(hint, "%s", err.Error())
		}
		if err != nil {
			return err
		}
		opts.Spec.Company = company
	}
	set, err := coach.BuildSet(bank, opts.Spec)
	if errors.Is(err, coach.ErrSetTooSmall) {
		return usageWithHint("loosen --competency, --difficulty or --exclude, or ask for fewer with --count; see what there is: starprep questions list",
			"only %d questions match, and the set asks for %d", len(set.Questions), set.Spec.Count)
	}
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := coach.WriteSet(&b, set, opts.Format); err != nil {
		return err
	}
	if opts.Output == "" || opts.Output == "-" {
		_, err = opts.IO.Out.Write(b.Bytes())
		return err
	}
	if err := userdata.Replace(opts.Output, b.Bytes(), 0o644); err != nil {
		return err
	}
	if opts.IO.IsStderrTTY() {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: wrote %d questions to %s (seed %d)\n", len(set.Questions), opts.Output, set.Spec.Seed)
	}
	return nil
}
