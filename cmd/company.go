package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

func newCompanyCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "company <command>",
		Short: "Keep research notes on the companies you interview with",
		Long: `Keep research notes on each company you interview with: what it sells, its
values, recent news with dates, how its customers reach support and what the
support team is measured by, questions to ask, and where you read it all.

Notes live in $STARPREP_HOME/companies/SLUG.yaml. The checklist ticks its
research items from them, 'interview --company SLUG' fills the company's name
into questions, and 'brief --company SLUG' puts them on one page. An example
(northwind) ships with starprep: read it with 'starprep company show
northwind' and copy it with 'starprep company add --from northwind'.`,
		Args: cobra.ArbitraryArgs,
		RunE: unknownSubcommand,
	}
	c.AddCommand(newCompanyListCmd(f, nil), newCompanyShowCmd(f, nil), newCompanyAddCmd(f, nil),
		newCompanyEditCmd(f, nil), newCompanyRemoveCmd(f, nil))
	return c
}

func companyStore(f *Factory) *coach.Companies {
	return coach.CompaniesIn(f.Home, exampleCompanies()...)
}

type companyListOptions struct {
	IO     *IOStreams
	Store  func() *coach.Companies
	Format string
}

func newCompanyListCmd(f *Factory, runF func(*companyListOptions) error) *cobra.Command {
	opts := &companyListOptions{IO: f.IO, Store: func() *coach.Companies { return companyStore(f) }}
	c := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "List the companies you have notes on, with how complete they are",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return companyListRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	return c
}

// companySummary is one row of `company list --format json`.
type companySummary struct {
	Slug     string   `json:"slug"`
	Name     string   `json:"name"`
	Example  bool     `json:"example"`
	Path     string   `json:"path"`
	Sections int      `json:"sections"`
	Filled   int      `json:"filled"`
	Missing  []string `json:"missing"`
}

func companyListRun(opts *companyListOptions) error {
	list, problems := opts.Store().List()
	var ye interface{ Location() (string, int) }
	if problems != nil && !errors.As(problems, &ye) {
		return problems
	}
	rows := make([]companySummary, 0, len(list))
	for _, e := range list {
		missing := e.Missing()
		if missing == nil {
			missing = []string{}
		}
		rows = append(rows, companySummary{Slug: e.Slug, Name: e.Label(), Example: e.Example, Path: e.Path,
			Sections: len(e.Sections()), Filled: len(e.Sections()) - len(missing), Missing: missing})
	}
	if opts.Format == "json" {
		if err := writeJSON(opts.IO.Out, rows); err != nil {
			return err
		}
		return problems
	}
	t := table{headers: []string{"SLUG", "NAME", "NOTES", "STILL TO FIND"}}
	for _, r := range rows {
		notes := fmt.Sprintf("%d/%d", r.Filled, r.Sections)
		if opts.IO.IsStdoutTTY() {
			notes = unicodeChart.bar(r.Filled*100/max(1, r.Sections), 9) + " " + notes
		}
		missing := strings.Join(r.Missing, ", ")
		if missing == "" {
			missing = "-"
		}
		t.rows = append(t.rows, []string{r.Slug, r.Name, notes, missing})
	}
	if err := writeTable(opts.IO, t); err != nil {
		return err
	}
	if opts.IO.IsStdoutTTY() {
		for _, r := range rows {
			if r.Example {
				fmt.Fprintf(opts.IO.ErrOut, "Copy the example: starprep company add --from %s --slug SLUG\n", r.Slug)
			}
		}
		if len(rows) == 0 || (len(rows) == 1 && rows[0].Example) {
			fmt.Fprintln(opts.IO.ErrOut, "Add the company you are interviewing with: starprep company add")
		}
	}
	return problems
}

type companyShowOptions struct {
	IO     *IOStreams
	Store  func() *coach.Companies
	Slug   string
	Format string
}

func newCompanyShowCmd(f *Factory, runF func(*companyShowOptions) error) *cobra.Command {
	opts := &companyShowOptions{IO: f.IO, Store: func() *coach.Companies { return companyStore(f) }}
	c := &cobra.Command{
		Use:   "show <slug> [--format text|yaml|json]",
		Short: "Show a company's notes for reading",
		Example: `  $ starprep company show northwind
  $ starprep company show acme --format json`,
		Args:              oneSlug("company show", "company slug", "starprep company list"),
		ValidArgsFunction: completeCompanies(f),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "yaml", "json"); err != nil {
				return err
			}
			opts.Slug = args[0]
			if runF != nil {
				return runF(opts)
			}
			return companyShowRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, yaml or json")
	return c
}

func companyShowRun(opts *companyShowOptions) error {
	e, err := opts.Store().Get(opts.Slug)
	if err != nil {
		return prepError(err)
	}
	switch opts.Format {
	case "json":
		return writeJSON(opts.IO.Out, e.Company)
	case "yaml":
		return writeYAML(opts.IO.Out, e.Company)
	}
	return writeCompany(opts.IO.Out, e, opts.IO.Width())
}

// writeCompany renders notes for reading at the given width.
func writeCompany(w io.Writer, e coach.CompanyEntry, width int) error {
	width = min(width, 100)
	var b strings.Builder
	c := e.Company
	fmt.Fprintf(&b, "%s\n", c.Name)
	if c.Industry != "" {
		fmt.Fprintf(&b, "%s · %s\n", c.Slug, c.Industry)
	} else {
		fmt.Fprintf(&b, "%s\n", c.Slug)
	}
	if e.Example {
		fmt.Fprintf(&b, "%s\n", wrapIndent("This example ships with starprep. Copy it, then replace every field with your own research: starprep company add --from "+c.Slug+" --slug SLUG", width, ""))
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "  - %s\n", wrapIndent(it, width-4, "    "))
		}
	}
	list("Products and services", c.Products)
	list("Values", c.Values)
	if len(c.News) > 0 {
		b.WriteString("\nNews\n")
		for _, n := range c.LatestNews() {
			fmt.Fprintf(&b, "  %s  %s\n", n.Date, wrapIndent(n.Headline, width-14, strings.Repeat(" ", 14)))
			if n.Note != "" {
				fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", 14), wrapIndent(n.Note, width-14, strings.Repeat(" ", 14)))
			}
		}
	}
	if len(c.Support.Channels)+len(c.Support.Metrics) > 0 {
		b.WriteString("\nSupport\n")
		if len(c.Support.Channels) > 0 {
			fmt.Fprintf(&b, "  Channels:    %s\n", wrapIndent(strings.Join(c.Support.Channels, ", "), width-15, strings.Repeat(" ", 15)))
		}
		if len(c.Support.Metrics) > 0 {
			fmt.Fprintf(&b, "  Measured by: %s\n", wrapIndent(strings.Join(c.Support.Metrics, ", "), width-15, strings.Repeat(" ", 15)))
		}
	}
	if len(c.QuestionsToAsk) > 0 {
		b.WriteString("\nQuestions to ask\n")
		for i, q := range c.QuestionsToAsk {
			fmt.Fprintf(&b, "  %d. %s\n", i+1, wrapIndent(q, width-5, "     "))
		}
	}
	if strings.TrimSpace(c.Notes) != "" {
		b.WriteString("\nNotes\n")
		for _, para := range strings.Split(strings.TrimSpace(c.Notes), "\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			fmt.Fprintf(&b, "  %s\n", wrapIndent(para, width-2, "  "))
		}
	}
	list("Sources", c.Sources)
	filled := len(c.Sections()) - len(c.Missing())
	fmt.Fprintf(&b, "\nNotes complete: %d of %d sections", filled, len(c.Sections()))
	if m := c.Missing(); len(m) > 0 {
		fmt.Fprintf(&b, " (still to find: %s)", strings.Join(m, ", "))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type companyAddOptions struct {
	IO       *IOStreams
	Prompter func() coach.Prompter
	Store    func() *coach.Companies
	Now      func() time.Time
	From     string
	Slug     string
	Replace  bool
}

func newCompanyAddCmd(f *Factory, runF func(*companyAddOptions) error) *cobra.Command {
	opts := &companyAddOptions{IO: f.IO, Prompter: func() coach.Prompter { return prompter(f) },
		Store: func() *coach.Companies { return companyStore(f) }, Now: f.Now}
	c := &cobra.Command{
		Use:   "add [--from <file> | --from northwind] [--slug <slug>] [--replace]",
		Short: "Add notes on a company: a short form, or from a file",
		Long: `Add research notes on a company. On a terminal, a form asks for each field in
turn: the name, a short slug for files and --company, the industry, products,
values, recent news with dates, how customers reach support, what the support
team is measured by, questions to ask and your sources. Anything you skip can
be added later with 'starprep company edit SLUG'.

--from FILE reads notes in the format of the example (--from - reads standard
input), checks them and saves them: this works without a terminal.
--from northwind copies the example that ships with starprep; --slug saves
the notes under another slug. Existing notes are only replaced with --replace.`,
		Example: `  $ starprep company add
  $ starprep company add --from northwind --slug acme
  $ starprep company add --from research/acme.yaml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.Slug != "" {
				if err := checkSlugArg("--slug", opts.Slug); err != nil {
					return err
				}
				if opts.From == "" {
					return usageErrorf("--slug goes with --from; the form asks for the slug itself")
				}
			}
			if opts.From == "" {
				if err := needTerminal(opts.IO, "company add", "to add notes from a file: starprep company add --from FILE"); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return companyAddRun(opts)
		},
	}
	c.Flags().StringVar(&opts.From, "from", "", "read the notes from `file` (- for stdin), or copy the shipped example (northwind)")
	c.Flags().StringVar(&opts.Slug, "slug", "", "save the notes under this `slug` instead of the file's")
	c.Flags().BoolVar(&opts.Replace, "replace", false, "replace notes that already exist for the slug")
	return c
}

func companyAddRun(opts *companyAddOptions) error {
	store := opts.Store()
	if opts.From == "" {
		cf := &coach.CompanyForm{Prompter: opts.Prompter(), Out: opts.IO.Out, Now: opts.Now, Store: store}
		c, err := cf.Run()
		if err != nil || c == nil {
			if err == nil {
				fmt.Fprintln(opts.IO.Out, "Not saved.")
			}
			return prepError(err)
		}
		path, err := store.Save(c)
		if err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.Out, "Saved %s.\nNext: work through the checklist for it: starprep checklist --company %s\n", path, c.Slug)
		return nil
	}
	raw, name, err := readFrom(opts.From, opts.IO)
	var ue *UsageError
	if errors.As(err, &ue) && store.IsExample(opts.From) {
		raw, name, err = data.ExampleCompany, data.ExampleCompanyPath, nil
	}
	if err != nil {
		return err
	}
	c, err := questions.ParseCompany(raw, name)
	if err != nil {
		return err
	}
	copied := name == data.ExampleCompanyPath
	if opts.Slug != "" && opts.Slug != c.Slug {
		c.Slug = opts.Slug
		raw = nil // written afresh with the new slug
	}
	if store.Exists(c.Slug) && !opts.Replace {
		return usageWithHint(fmt.Sprintf("change them with: starprep company edit %s\nor replace them: add --replace", c.Slug),
			"notes for %s already exist in %s", c.Slug, store.Path(c.Slug))
	}
	var path string
	if raw != nil {
		path, err = store.SaveRaw(c.Slug, raw) // keep the file's comments and layout
	} else {
		path, err = store.Save(c)
	}
	if err != nil {
		return err
	}
	if copied {
		fmt.Fprintf(opts.IO.Out, "Copied the example to %s.\nReplace its fields with your own research: starprep company edit %s\n", path, c.Slug)
		return nil
	}
	fmt.Fprintf(opts.IO.Out, "Saved %s (%d of %d sections filled in).\n", path, len(c.Sections())-len(c.Missing()), len(c.Sections()))
	return nil
}

type companyEditOptions struct {
	IO       *IOStreams
	Prompter func() coach.Prompter
	Store    func() *coach.Companies
	Editor   func(path string) error
	Slug     string
}

func newCompanyEditCmd(f *Factory, runF func(*companyEditOptions) error) *cobra.Command {
	opts := &companyEditOptions{IO: f.IO, Prompter: func() coach.Prompter { return prompter(f) },
		Store: func() *coach.Companies { return companyStore(f) }, Editor: editorFor(f)}
	c := &cobra.Command{
		Use:   "edit <slug>",
		Short: "Edit a company's notes in your editor; they are checked before saving",
		Long: `Open a company's notes in $VISUAL or $EDITOR (vi when neither is set). When
the editor closes, the notes are checked; a problem is shown as
path:line: message and you choose to edit again (your changes are kept) or to
discard them. A file with a problem is never saved.

Without a terminal, replace the notes from a file instead:
starprep company add --from FILE --replace.`,
		Example: `  $ starprep company edit acme
  $ EDITOR=nano starprep company edit acme`,
		Args:              oneSlug("company edit", "company slug", "starprep company list"),
		ValidArgsFunction: completeCompanies(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Slug = args[0]
			if err := needTerminal(opts.IO, "company edit", "to replace the notes from a file: starprep company add --from FILE --replace"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return companyEditRun(opts)
		},
	}
	return c
}

func companyEditRun(opts *companyEditOptions) error {
	store := opts.Store()
	if !store.Exists(opts.Slug) {
		if store.IsExample(opts.Slug) {
			return usageWithHint("copy it first, then edit your copy: starprep company add --from "+opts.Slug,
				"%s is the example that ships with starprep", opts.Slug)
		}
		_, err := store.Get(opts.Slug)
		return prepError(err)
	}
	loop := &coach.EditLoop{Prompter: opts.Prompter(), Out: opts.IO.Out, Edit: opts.Editor}
	path := store.Path(opts.Slug)
	res, err := loop.Run(path,
		func(raw []byte, p string) error { _, err := coach.ParseCompanyFile(raw, p, opts.Slug); return err },
		func(raw []byte) error { _, err := store.SaveRaw(opts.Slug, raw); return err })
	switch {
	case errors.Is(err, coach.ErrDiscarded):
		return &silentError{code: exitData}
	case err != nil:
		return prepError(err)
	case res == coach.EditUnchanged:
		fmt.Fprintf(opts.IO.Out, "No changes; %s is as it was.\n", path)
	default:
		fmt.Fprintf(opts.IO.Out, "Saved %s.\n", path)
	}
	return nil
}

type companyRemoveOptions struct {
	IO       *IOStreams
	Prompter func() coach.Prompter
	Store    func() *coach.Companies
	Slug     string
	Yes      bool
}

func newCompanyRemoveCmd(f *Factory, runF func(*companyRemoveOptions) error) *cobra.Command {
	opts := &companyRemoveOptions{IO: f.IO, Prompter: func() coach.Prompter { return prompter(f) },
		Store: func() *coach.Companies { return companyStore(f) }}
	c := &cobra.Command{
		Use:   "remove <slug> [--yes]",
		Short: "Delete a company's notes",
		Long: `Delete a company's notes, after asking. --yes skips the question (and is
needed without a terminal). Your checklist progress for the company is kept,
so adding the notes again brings it back.`,
		Args:              oneSlug("company remove", "company slug", "starprep company list"),
		ValidArgsFunction: completeCompanies(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Slug = args[0]
			if !opts.Yes && !opts.IO.CanPrompt() {
				return usageWithHint("starprep company remove "+opts.Slug+" --yes", "--yes is needed to remove notes without a terminal")
			}
			if runF != nil {
				return runF(opts)
			}
			return companyRemoveRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "remove without asking")
	return c
}

func companyRemoveRun(opts *companyRemoveOptions) error {
	store := opts.Store()
	if !store.Exists(opts.Slug) {
		_, err := store.Remove(opts.Slug)
		return prepError(err)
	}
	if !opts.Yes {
		fmt.Fprintf(opts.IO.Out, "Your notes on %s are in %s.\n", opts.Slug, store.Path(opts.Slug))
		ok, err := opts.Prompter().Confirm("Delete them?", false)
		if err != nil {
			return prepError(err)
		}
		if !ok {
			fmt.Fprintln(opts.IO.Out, "Kept.")
			return nil
		}
	}
	path, err := store.Remove(opts.Slug)
	if err != nil {
		return prepError(err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "Removed %s.\n", path)
	return nil
}
