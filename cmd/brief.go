package cmd

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
)

type briefOptions struct {
	IO      *IOStreams
	Load    func(company string) (*questions.Checklist, *coach.EvidenceData, error)
	Now     func() time.Time
	Company string
	Format  string
	Output  string
}

func newBriefCmd(f *Factory, runF func(*briefOptions) error) *cobra.Command {
	opts := &briefOptions{IO: f.IO, Load: loadPrepData(f), Now: f.Now}
	c := &cobra.Command{
		Use:   "brief --company <slug> [--format markdown|html] [-o <file>]",
		Short: "One page to read on the way to the interview",
		Long: `Print one page to read on the way to the interview: the company in five
lines (what it sells, its values, the latest news, how support works and how
it is measured), your strongest stories with the competencies they prove, the
questions you chose to ask (suggestions when you have not chosen yet), and
the list for the day, ticked where you ticked it in the checklist.

--format html writes one self-contained page (no external files) to print or
read on a phone. -o FILE writes the page there, atomically, instead of to
standard output.`,
		Example: `  $ starprep brief --company acme
  $ starprep brief --company acme --format html -o acme-brief.html`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "markdown", "html"); err != nil {
				return err
			}
			if opts.Company == "" {
				return usageWithHint("list your companies with: starprep company list", "brief needs --company SLUG: the company you are interviewing with")
			}
			if err := checkSlugArg("--company", opts.Company); err != nil {
				return err
			}
			if opts.Output != "" {
				if fi, err := os.Stat(opts.Output); err == nil && fi.IsDir() {
					return usageErrorf("-o %s is a directory: give a file name", opts.Output)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return briefRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Company, "company", "", "the company with notes `slug`")
	c.Flags().StringVar(&opts.Format, "format", "markdown", "output `format`: markdown or html")
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write the brief to `file` instead of standard output")
	_ = c.RegisterFlagCompletionFunc("company", completeCompanies(f))
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

func briefRun(opts *briefOptions) error {
	cl, d, err := opts.Load(opts.Company)
	if err != nil {
		return err
	}
	b := coach.BuildBrief(cl, d, opts.Now())
	var buf bytes.Buffer
	if opts.Format == "html" {
		err = b.WriteHTML(&buf)
	} else {
		err = b.WriteMarkdown(&buf)
	}
	if err != nil {
		return fmt.Errorf("write brief: %w", err)
	}
	if opts.Output == "" {
		_, err = opts.IO.Out.Write(buf.Bytes())
		return err
	}
	if err := coach.WriteFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote the brief for %s to %s.\n", d.Company.Name, opts.Output)
	return nil
}
