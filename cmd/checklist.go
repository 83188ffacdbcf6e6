package cmd

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
)

type checklistOptions struct {
	IO       *IOStreams
	Prompter func() coach.Prompter
	Load     func(company string) (*questions.Checklist, *coach.EvidenceData, error)
	Home     func() string
	Now      func() time.Time
	Company  string
}

// loadPrepData loads the checklist and the user's data its evidence rules
// read, for a company ("" for none). Unreadable sessions are warned about
// and left out, as `progress` does.
func loadPrepData(f *Factory) func(company string) (*questions.Checklist, *coach.EvidenceData, error) {
	return func(company string) (*questions.Checklist, *coach.EvidenceData, error) {
		bank, err := f.Bank()
		if err != nil {
			return nil, nil, err
		}
		rubric, err := loadRubric("")
		if err != nil {
			return nil, nil, err
		}
		cl, err := loadChecklist()
		if err != nil {
			return nil, nil, err
		}
		d, warnings, err := coach.LoadEvidence(coach.ChecklistInput{Home: f.Home, Company: company, Bank: bank, Rubric: rubric, Examples: exampleCompanies()})
		if err != nil {
			return nil, nil, prepError(err)
		}
		for _, w := range warnings {
			fmt.Fprintf(f.IO.ErrOut, "starprep: warning: left out a session file that cannot be read: %v\n", w)
		}
		return cl, d, nil
	}
}

func newChecklistCmd(f *Factory, runF func(*checklistOptions) error) *cobra.Command {
	opts := &checklistOptions{IO: f.IO, Prompter: func() coach.Prompter { return prompter(f) }, Load: loadPrepData(f),
		Home: func() string { return f.Home }, Now: f.Now}
	c := &cobra.Command{
		Use:   "checklist [--company <slug>]",
		Short: "Work through the six-step preparation checklist",
		Long: `Work through the six steps of preparing for a customer service interview:

  1. Research the company             (per company)
  2. Know your strengths and weaknesses
  3. Prepare STAR stories for behavioral and situational questions
  4. Prepare for technical questions
  5. Prepare questions to ask         (per company)
  6. Get ready for the interview day  (per company)

Pick a step and see each item: done, open, and for many items proved from your
own data (company notes, stories, scored mock-interview answers), with the
command that gets it done. Name your strengths, choose questions to ask from
the bank and your notes, and tick by hand what only you can know. Progress is
saved in $STARPREP_HOME/checklist.yaml after every change, per company for
steps 1, 5 and 6.

Without a terminal, 'starprep checklist status' prints where you stand.`,
		Example: `  $ starprep checklist --company acme
  $ starprep checklist status --company acme`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.Company != "" {
				if err := checkSlugArg("--company", opts.Company); err != nil {
					return err
				}
			}
			status := "starprep checklist status"
			if opts.Company != "" {
				status += " --company " + opts.Company
			}
			if err := needTerminal(opts.IO, "checklist", "to see where you stand without a terminal: "+status); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return checklistRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Company, "company", "", "work on the checklist for the company with notes `slug`")
	_ = c.RegisterFlagCompletionFunc("company", completeCompanies(f))
	c.AddCommand(newChecklistStatusCmd(f, nil))
	return c
}

func checklistRun(opts *checklistOptions) error {
	cl, d, err := opts.Load(opts.Company)
	if err != nil {
		return err
	}
	walk := &coach.ChecklistWalk{Prompter: opts.Prompter(), Out: opts.IO.Out, Now: opts.Now, Checklist: cl, Data: d,
		Path: coach.ChecklistPath(opts.Home()), Width: opts.IO.Width()}
	_, err = walk.Run()
	return prepError(err)
}

type checklistStatusOptions struct {
	IO      *IOStreams
	Load    func(company string) (*questions.Checklist, *coach.EvidenceData, error)
	Company string
	Format  string
	Items   bool
}

func newChecklistStatusCmd(f *Factory, runF func(*checklistStatusOptions) error) *cobra.Command {
	opts := &checklistStatusOptions{IO: f.IO, Load: loadPrepData(f)}
	c := &cobra.Command{
		Use:   "status [--company <slug>] [--format table|json] [--items]",
		Short: "Show your progress on each step and what to do next",
		Long: `Show each step of the checklist with a progress bar, its next open item, and
the next recommended action with the command that does it. --items lists
every item with how it is known: proved from your data, ticked by you, or
open. --format json prints the same for scripts (schema starprep.checklist/v1).`,
		Example: `  $ starprep checklist status --company acme
  $ starprep checklist status --format json | jq .next`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if opts.Company != "" {
				if err := checkSlugArg("--company", opts.Company); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checklistStatusRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Company, "company", "", "progress for the company with notes `slug`")
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	c.Flags().BoolVar(&opts.Items, "items", false, "list every item, not only each step's next one")
	_ = c.RegisterFlagCompletionFunc("company", completeCompanies(f))
	return c
}

func checklistStatusRun(opts *checklistStatusOptions) error {
	cl, d, err := opts.Load(opts.Company)
	if err != nil {
		return err
	}
	st := coach.BuildChecklistStatus(cl, d)
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, st)
	}
	cs := asciiChart
	if opts.IO.IsStdoutTTY() {
		cs = unicodeChart
	}
	return writeChecklistStatus(opts.IO.Out, st, cs, opts.IO.Width(), opts.Items)
}

// writeChecklistStatus prints a bar per step, each step's next open item
// (or every item), and the next recommended action.
func writeChecklistStatus(w io.Writer, st *coach.ChecklistStatus, cs chartStyle, width int, items bool) error {
	width = min(width, 100)
	var b strings.Builder
	fmt.Fprintf(&b, "Preparation checklist for %s: %d of %d done (%d%%)\n", st.Label(), st.Done, st.Total, st.Percent())
	if st.Company == "" {
		b.WriteString(wrapIndent("Steps 1, 5 and 6 are kept per company: add --company SLUG to see them for one.", width-1, "") + "\n")
	}
	b.WriteString("\n")
	const barWidth = 20
	titleWidth := min(40, width-34)
	for i, s := range st.Steps {
		fmt.Fprintf(&b, "%2d %-*s %s %2d/%d\n", i+1, titleWidth, shorten(s.Title, titleWidth), cs.bar(s.Done*100/max(1, s.Total), barWidth), s.Done, s.Total)
		for _, it := range s.Items {
			if items {
				mark := "[ ]"
				if it.Done {
					mark = "[x]"
				}
				fmt.Fprintf(&b, "   %s %s\n", mark, shorten(it.Text, width-8))
				if it.Detail != "" {
					fmt.Fprintf(&b, "       %s\n", shorten(it.Detail, width-8))
				}
				continue
			}
			if !it.Done {
				fmt.Fprintf(&b, "   next: %s\n", shorten(it.Text, width-10))
				break
			}
		}
	}
	if st.Next == nil {
		slug := st.Company
		if slug == "" {
			slug = "SLUG"
		}
		fmt.Fprintf(&b, "\nEverything is done. Read your one-page brief on the way: starprep brief --company %s\n", slug)
	} else {
		fmt.Fprintf(&b, "\nNext: %s\n", wrapIndent(st.Next.Text, width-7, "      "))
		if st.Next.Detail != "" {
			fmt.Fprintf(&b, "      %s\n", wrapIndent(st.Next.Detail, width-7, "      "))
		}
		fmt.Fprintf(&b, "  $ %s\n", st.Next.Command)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
