package cmd

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
)

type progressOptions struct {
	IO      *IOStreams
	Bank    func() (*questions.Bank, error)
	Home    func() string
	Company string
	Format  string
}

func newProgressCmd(f *Factory, runF func(*progressOptions) error) *cobra.Command {
	opts := &progressOptions{IO: f.IO, Bank: f.Bank, Home: func() string { return f.Home }}
	c := &cobra.Command{
		Use:   "progress [--company <slug>] [--format table|json]",
		Short: "Show your scores over time, per STAR part and per competency",
		Long: `Show how your mock interviews went over time: one row per session with the
average score of first attempts (how the interview went) and of the best
attempt per question (after retries), a chart of the trend, and the average
score per STAR part and per competency, weakest first. The weakest areas are
what 'starprep interview --drill' practises.

Scores are worked out again from the saved answers with the current rubric.
--format json prints the same numbers for scripts (schema starprep.progress/v1).`,
		Example: `  $ starprep progress
  $ starprep progress --company northwind
  $ starprep progress --format json | jq '.sessions[-1].first_try'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return progressRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Company, "company", "", "only sessions for the company `slug`")
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func progressRun(opts *progressOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	store := coach.SessionsDir(opts.Home())
	sessions, problems := store.List()
	for _, p := range problems {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: left out a session file that cannot be read: %v\n", p)
	}
	p := coach.BuildProgress(sessions, bank, rubric, opts.Company, companyTerms(opts.Home()))
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, p)
	}
	if len(p.Sessions) == 0 {
		what := "no interviews"
		if opts.Company != "" {
			what += " for " + opts.Company
		}
		fmt.Fprintf(opts.IO.ErrOut, "starprep: %s yet in %s; start one with: starprep interview\n", what, store.Dir)
		return nil
	}
	return writeProgress(opts.IO.Out, p, opts.IO.IsStdoutTTY(), opts.IO.Width())
}

// chartStyle draws bars: unicode blocks on a terminal, ASCII when piped.
type chartStyle struct {
	full, empty string
	spark       []rune // nil: no sparkline
}

var (
	unicodeChart = chartStyle{full: "█", empty: "░", spark: []rune("▁▂▃▄▅▆▇█")}
	asciiChart   = chartStyle{full: "#", empty: "."}
)

// bar is score (0-100) drawn width cells wide.
func (cs chartStyle) bar(score, width int) string {
	n := int(math.Round(float64(max(0, min(100, score))) * float64(width) / 100))
	return strings.Repeat(cs.full, n) + strings.Repeat(cs.empty, width-n)
}

// sparkline is one cell per score, its height the score.
func (cs chartStyle) sparkline(scores []int) string {
	var b strings.Builder
	for _, s := range scores {
		i := max(0, min(100, s)) * (len(cs.spark) - 1) / 100
		b.WriteRune(cs.spark[i])
	}
	return b.String()
}

const maxSessionRows = 15

// writeProgress prints the report for a person: tables and unicode charts on
// a terminal; aligned plain ASCII when piped (scripts should use --format json).
func writeProgress(w io.Writer, p *coach.Progress, tty bool, width int) error {
	cs := asciiChart
	if tty {
		cs = unicodeChart
	}
	var b strings.Builder
	answered := 0
	for _, s := range p.Sessions {
		answered += s.Answered
	}
	title := "Your practice"
	if p.Company != "" {
		title += " for " + p.Company
	}
	fmt.Fprintf(&b, "%s: %d session%s, %d question%s answered\n\n", title, len(p.Sessions), pluralS(len(p.Sessions)), answered, pluralS(answered))

	rows := p.Sessions
	older := 0
	if len(rows) > maxSessionRows {
		older = len(rows) - maxSessionRows
		rows = rows[older:]
	}
	t := table{headers: []string{"STARTED", "COMPANY", "MODE", "ANSWERED", "FIRST TRY", "BEST"}, rightAlign: map[int]bool{3: true, 4: true, 5: true}}
	for _, s := range rows {
		done := fmt.Sprintf("%d/%d", s.Answered, s.Questions)
		if !s.Finished {
			done += " (stopped)"
		}
		company := s.Company
		if company == "" {
			company = "-"
		}
		t.rows = append(t.rows, []string{s.StartedAt.Local().Format("2006-01-02 15:04"), company, s.Mode, done, optInt(s.FirstTry), optInt(s.Best)})
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	b.Reset()
	if tty {
		if err := renderBox(w, t, width); err != nil {
			return err
		}
	} else if err := writeAligned(w, t); err != nil {
		return err
	}
	if older > 0 {
		fmt.Fprintf(&b, "(%d older session%s not shown; --format json lists them all)\n", older, pluralS(older))
	}

	if trend := p.Trend(); len(trend) > 0 {
		fmt.Fprintf(&b, "\nScore trend (first tries, oldest to newest)\n")
		if cs.spark != nil && len(trend) > 1 {
			spark := trend
			if len(spark) > width-20 {
				spark = spark[len(spark)-(width-20):]
			}
			fmt.Fprintf(&b, "  %s  %d → %d\n", cs.sparkline(spark), trend[0], trend[len(trend)-1])
		}
		for _, s := range rows {
			if s.FirstTry != nil {
				fmt.Fprintf(&b, "  %s  %s %3d\n", s.StartedAt.Local().Format("2006-01-02 15:04"), cs.bar(*s.FirstTry, 30), *s.FirstTry)
			}
		}
	}
	label := func(name string) string { return strings.ToUpper(name[:1]) + name[1:] }
	if len(p.Components) > 0 {
		fmt.Fprintf(&b, "\nBy STAR part (first tries at story questions)\n")
		for _, a := range p.Components {
			fmt.Fprintf(&b, "  %-10s %s %3d  (%d answer%s)\n", label(a.Name), cs.bar(a.Average, 30), a.Average, a.Answers, pluralS(a.Answers))
		}
	}
	if len(p.Competencies) > 0 {
		fmt.Fprintf(&b, "\nBy competency (weakest first)\n")
		nameW := 10
		for _, a := range p.Competencies {
			nameW = max(nameW, len(a.Name))
		}
		nameW = min(nameW, 24)
		for _, a := range p.Competencies {
			fmt.Fprintf(&b, "  %-*s %s %3d  (%d)\n", nameW, shorten(a.Name, nameW), cs.bar(a.Average, 24), a.Average, a.Answers)
		}
	}
	if p.WeakestPart != "" || p.WeakestCompetency != "" {
		var weak []string
		if p.WeakestPart != "" {
			weak = append(weak, "the "+p.WeakestPart)
		}
		if p.WeakestCompetency != "" {
			weak = append(weak, p.WeakestCompetency)
		}
		them := "them"
		if len(weak) == 1 {
			them = "it"
		}
		fmt.Fprintf(&b, "\nWeakest so far: %s.\nPractise %s with: starprep interview --drill\n", strings.Join(weak, " and "), them)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func optInt(v *int) string {
	if v == nil {
		return "-"
	}
	return strconv.Itoa(*v)
}

// writeAligned prints a table as plain aligned columns with a header line,
// for a report that is read rather than parsed.
func writeAligned(w io.Writer, t table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.headers, "\t"))
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
