package cmd

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func newStoriesCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "stories <command>",
		Short: "Keep a bank of STAR stories from your own experience",
		Long: `Keep a bank of 8 to 12 stories from your own experience, each told in STAR
shape (Situation, Task, Action, Result), with the competencies it proves and
the questions it answers. A few well-practised stories answer most
behavioral and situational questions.

Stories live in $STARPREP_HOME/stories/ID.yaml. 'stories coverage' shows which
of the bank's competencies your stories prove, which are thin, and which
story you lean on too often.`,
		Args: cobra.ArbitraryArgs,
		RunE: unknownSubcommand,
	}
	c.AddCommand(newStoriesListCmd(f, nil), newStoriesShowCmd(f, nil), newStoriesAddCmd(f, nil),
		newStoriesEditCmd(f, nil), newStoriesRemoveCmd(f, nil), newStoriesCoverageCmd(f, nil))
	return c
}

type storiesOptions struct {
	IO       *IOStreams
	Prompter func() coach.Prompter
	Bank     func() (*questions.Bank, error)
	Home     func() string
	Editor   func(path string) error

	ID         string
	Format     string
	From       string
	FromAnswer string
	Replace    bool
	Yes        bool
}

func newStoriesOptions(f *Factory) *storiesOptions {
	return &storiesOptions{IO: f.IO, Prompter: func() coach.Prompter { return prompter(f) }, Bank: f.Bank,
		Home: func() string { return f.Home }, Editor: editorFor(f)}
}

func (o *storiesOptions) store() *coach.Stories { return coach.StoriesIn(o.Home()) }

func newStoriesListCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "List your stories with what they prove and how they score",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return storiesListRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	return c
}

// storyRow is one story of `stories list --format json`.
type storyRow struct {
	*questions.Story
	Path  string `json:"path"`
	Score int    `json:"score"`
	Band  string `json:"band"`
}

func storiesListRun(opts *storiesOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	list, problems := opts.store().List()
	var loc located
	if problems != nil && !errors.As(problems, &loc) {
		return problems
	}
	rows := make([]storyRow, 0, len(list))
	for _, e := range list {
		res := coach.ScoreStory(rubric, bank, e.Story)
		rows = append(rows, storyRow{Story: e.Story, Path: e.Path, Score: res.Score, Band: res.Band})
	}
	if opts.Format == "json" {
		if err := writeJSON(opts.IO.Out, rows); err != nil {
			return err
		}
		return problems
	}
	if len(rows) == 0 && problems == nil {
		fmt.Fprintln(opts.IO.ErrOut, "starprep: no stories yet; add one with: starprep stories add")
		return nil
	}
	t := table{headers: []string{"ID", "TITLE", "PROVES", "SCORE", "USED FOR"}, rightAlign: map[int]bool{3: true, 4: true}}
	for _, r := range rows {
		t.rows = append(t.rows, []string{r.ID, r.Title, strings.Join(r.Competencies, ", "), strconv.Itoa(r.Score), strconv.Itoa(len(r.UsedFor))})
	}
	if err := writeTable(opts.IO, t); err != nil {
		return err
	}
	if opts.IO.IsStdoutTTY() {
		fmt.Fprintf(opts.IO.ErrOut, "%s. See what they cover with: starprep stories coverage\n", storyCount(len(rows)))
	}
	return problems
}

func storyCount(n int) string {
	if n == 1 {
		return "1 story"
	}
	return fmt.Sprintf("%d stories", n)
}

func newStoriesShowCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:               "show <id> [--format text|yaml|json]",
		Short:             "Show a story, with its score and tips",
		Args:              oneSlug("stories show", "story id", "starprep stories list"),
		ValidArgsFunction: completeStories(f),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format, "text", "yaml", "json"); err != nil {
				return err
			}
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return storiesShowRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, yaml or json")
	return c
}

func storiesShowRun(opts *storiesOptions) error {
	e, err := opts.store().Get(opts.ID)
	if err != nil {
		return prepError(err)
	}
	switch opts.Format {
	case "json":
		return writeJSON(opts.IO.Out, e.Story)
	case "yaml":
		return writeYAML(opts.IO.Out, e.Story)
	}
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	return writeStory(opts.IO.Out, e.Story, coach.ScoreStory(rubric, bank, e.Story), opts.IO.Width())
}

func writeStory(w io.Writer, s *questions.Story, res star.Result, width int) error {
	width = min(width, 100)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", s.Title, s.ID)
	fmt.Fprintf(&b, "proves: %s\n", strings.Join(s.Competencies, ", "))
	if len(s.UsedFor) > 0 {
		fmt.Fprintf(&b, "answers: %s\n", wrapIndent(strings.Join(s.UsedFor, ", "), width-9, "         "))
	}
	if s.Source != "" {
		fmt.Fprintf(&b, "from: answer %s\n", s.Source)
	}
	for _, part := range questions.StoryPartNames {
		fmt.Fprintf(&b, "\n%s\n", strings.ToUpper(part[:1])+part[1:])
		for _, para := range strings.Split(strings.TrimSpace(s.STAR.Get(part)), "\n") {
			if strings.TrimSpace(para) != "" {
				fmt.Fprintf(&b, "  %s\n", wrapIndent(para, width-2, "  "))
			}
		}
	}
	fmt.Fprintf(&b, "\nTold as written it scores %d/100 (%s).\n", res.Score, res.Band)
	for i, tip := range res.Tips {
		if i == 3 {
			break
		}
		fmt.Fprintf(&b, "  %d. %s\n", i+1, wrapIndent(tip, width-5, "     "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func newStoriesAddCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:   "add [--from-answer <session>#<n> | --from <file>] [--replace]",
		Short: "Add a story: a short form, from a saved answer, or from a file",
		Long: `Add a story to your bank. On a terminal, a form asks for a title, an id, the
competencies it proves, its Situation, Task, Action and Result, and the
questions it answers; then it shows how the story scores as written.

--from-answer SESSION#N starts from answer N of a saved mock interview
(SESSION is the session's id, as in $STARPREP_HOME/sessions/SESSION.yaml, or a
path to it): its parts, the question's competencies and the question are
filled in, and you keep or rewrite each part.

--from FILE reads a story file (--from - reads standard input), checks it and
saves it: this works without a terminal. --replace overwrites a story of the
same id.`,
		Example: `  $ starprep stories add
  $ starprep stories add --from-answer 20261122-101503#2
  $ starprep stories add --from late-parcel.yaml`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.From != "" && opts.FromAnswer != "" {
				return usageErrorf("--from and --from-answer cannot be combined")
			}
			if opts.From == "" {
				if err := needTerminal(opts.IO, "stories add", "to add a story from a file: starprep stories add --from FILE"); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return storiesAddRun(opts)
		},
	}
	c.Flags().StringVar(&opts.From, "from", "", "read the story from `file` (- for stdin)")
	c.Flags().StringVar(&opts.FromAnswer, "from-answer", "", "start from answer N of a saved session: `SESSION#N`")
	c.Flags().BoolVar(&opts.Replace, "replace", false, "with --from: replace a story of the same id")
	return c
}

func storiesAddRun(opts *storiesOptions) error {
	store := opts.store()
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	if opts.From != "" {
		raw, name, err := readFrom(opts.From, opts.IO)
		if err != nil {
			return err
		}
		s, err := questions.ParseStory(raw, name)
		if err != nil {
			return err
		}
		if store.Exists(s.ID) && !opts.Replace {
			return usageWithHint(fmt.Sprintf("change it with: starprep stories edit %s\nor replace it: add --replace", s.ID),
				"a story %s already exists in %s", s.ID, store.Path(s.ID))
		}
		var unknown []string
		for _, id := range s.UsedFor {
			if _, ok := bank.Get(id); !ok {
				unknown = append(unknown, id)
			}
		}
		if len(unknown) > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: used_for names questions the bank does not have: %s (see the ids with: starprep questions list)\n", strings.Join(unknown, ", "))
		}
		path, err := store.SaveRaw(s.ID, raw)
		if err != nil {
			return err
		}
		res := coach.ScoreStory(rubric, bank, s)
		fmt.Fprintf(opts.IO.Out, "Saved %s (scores %d/100, %s).\n", path, res.Score, res.Band)
		return nil
	}
	sf := &coach.StoryForm{Prompter: opts.Prompter(), Out: opts.IO.Out, Store: store, Bank: bank, Rubric: rubric}
	if opts.FromAnswer != "" {
		draft, err := coach.StoryFromAnswer(coach.SessionsDir(opts.Home()), opts.FromAnswer, bank, rubric)
		if err != nil {
			return prepError(err)
		}
		sf.Draft = draft
	}
	s, err := sf.Run()
	if err != nil || s == nil {
		if err == nil {
			fmt.Fprintln(opts.IO.Out, "Not saved.")
		}
		return prepError(err)
	}
	path, err := store.Save(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "Saved %s.\nSee what your stories cover: starprep stories coverage\n", path)
	return nil
}

func newStoriesEditCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:   "edit <id>",
		Short: "Edit a story in your editor; it is checked before saving",
		Long: `Open a story in $VISUAL or $EDITOR (vi when neither is set). When the editor
closes, the story is checked; a problem is shown as path:line: message and you
choose to edit again (your changes are kept) or to discard them. A story with
a problem is never saved.

Without a terminal, replace it from a file: starprep stories add --from FILE --replace.`,
		Args:              oneSlug("stories edit", "story id", "starprep stories list"),
		ValidArgsFunction: completeStories(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := needTerminal(opts.IO, "stories edit", "to replace a story from a file: starprep stories add --from FILE --replace"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return storiesEditRun(opts)
		},
	}
	return c
}

func storiesEditRun(opts *storiesOptions) error {
	store := opts.store()
	if !store.Exists(opts.ID) {
		_, err := store.Get(opts.ID)
		return prepError(err)
	}
	loop := &coach.EditLoop{Prompter: opts.Prompter(), Out: opts.IO.Out, Edit: opts.Editor}
	path := store.Path(opts.ID)
	res, err := loop.Run(path,
		func(raw []byte, p string) error { _, err := coach.ParseStoryFile(raw, p, opts.ID); return err },
		func(raw []byte) error { _, err := store.SaveRaw(opts.ID, raw); return err })
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

func newStoriesRemoveCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:               "remove <id> [--yes]",
		Short:             "Delete a story",
		Args:              oneSlug("stories remove", "story id", "starprep stories list"),
		ValidArgsFunction: completeStories(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			if !opts.Yes && !opts.IO.CanPrompt() {
				return usageWithHint("starprep stories remove "+opts.ID+" --yes", "--yes is needed to remove a story without a terminal")
			}
			if runF != nil {
				return runF(opts)
			}
			return storiesRemoveRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "remove without asking")
	return c
}

func storiesRemoveRun(opts *storiesOptions) error {
	store := opts.store()
	e, err := store.Get(opts.ID)
	var loc located
	if err != nil && !errors.As(err, &loc) { // a broken story can still be removed
		return prepError(err)
	}
	if !opts.Yes {
		title := opts.ID
		if e.Story != nil {
			title = fmt.Sprintf("%q (%s)", shorten(e.Title, 40), opts.ID)
		}
		ok, err := opts.Prompter().Confirm(fmt.Sprintf("Delete the story %s?", title), false)
		if err != nil {
			return prepError(err)
		}
		if !ok {
			fmt.Fprintln(opts.IO.Out, "Kept.")
			return nil
		}
	}
	path, err := store.Remove(opts.ID)
	if err != nil {
		return prepError(err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "Removed %s.\n", path)
	return nil
}

func newStoriesCoverageCmd(f *Factory, runF func(*storiesOptions) error) *cobra.Command {
	opts := newStoriesOptions(f)
	c := &cobra.Command{
		Use:   "coverage [--format table|json]",
		Short: "Competencies your stories prove, the thin ones, stories leaned on",
		Long: `Show the competencies the bank's story questions probe (the most asked about
first), how many of those questions probe each, and which of your stories
prove it: missing (none), thin (one story only) or covered. Then each story
with the questions it answers (its used_for, and interview answers that told
it) and its score; a story answering more than 4 questions, or more than half
of all those your stories answer, is flagged as leaned on.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return storiesCoverageRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	return c
}

func storiesCoverageRun(opts *storiesOptions) error {
	bank, err := opts.Bank()
	if err != nil {
		return err
	}
	rubric, err := loadRubric("")
	if err != nil {
		return err
	}
	list, err := opts.store().List()
	if err != nil {
		return err
	}
	sessions, warnings := coach.SessionsDir(opts.Home()).List()
	for _, w := range warnings {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: left out a session file that cannot be read: %v\n", w)
	}
	cov := coach.BuildCoverage(list, bank, rubric, sessions)
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, cov)
	}
	return writeCoverage(opts.IO, cov)
}

func writeCoverage(ios *IOStreams, cov *coach.Coverage) error {
	w := ios.Out
	t := table{headers: []string{"COMPETENCY", "QUESTIONS", "STORIES", "STATUS"}, rightAlign: map[int]bool{1: true}}
	for _, c := range cov.Competencies {
		stories := strings.Join(c.Stories, ", ")
		if stories == "" {
			stories = "-"
		}
		t.rows = append(t.rows, []string{c.Name, strconv.Itoa(c.Questions), stories, c.Status})
	}
	if err := writeTable(ios, t); err != nil {
		return err
	}
	if !ios.IsStdoutTTY() {
		return nil // rows only, for scripts; --format json has the rest
	}
	var b strings.Builder
	if len(cov.Stories) > 0 {
		b.WriteString("\n")
		leanedOn := len(cov.LeanedOn()) > 0
		st := table{headers: []string{"STORY", "PROVES", "ANSWERS", "SCORE"}, rightAlign: map[int]bool{2: true, 3: true}}
		if leanedOn {
			st.headers = append(st.headers, "NOTE")
		}
		for _, s := range cov.Stories {
			row := []string{s.ID, strings.Join(s.Competencies, ", "), strconv.Itoa(len(s.Questions)), strconv.Itoa(s.Score)}
			if leanedOn {
				note := ""
				if s.LeanedOn {
					note = "leaned on"
				}
				row = append(row, note)
			}
			st.rows = append(st.rows, row)
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
		if err := renderBox(w, st, ios.Width()); err != nil {
			return err
		}
	}
	missing, thin, leaned := cov.WithStatus(coach.Missing), cov.WithStatus(coach.Thin), cov.LeanedOn()
	width := ios.Width()
	if len(cov.Stories) == 0 {
		b.WriteString("\nNo stories yet. Start with one for the competency asked about most: starprep stories add\n")
	} else {
		if len(missing) > 0 {
			fmt.Fprintf(&b, "\n%s\n", wrapIndent("No story proves: "+strings.Join(missing, ", ")+".", width-1, ""))
		}
		if len(thin) > 0 {
			fmt.Fprintf(&b, "%s\n", wrapIndent("Only one story proves: "+strings.Join(thin, ", ")+".", width-1, ""))
		}
		if len(leaned) > 0 {
			fmt.Fprintf(&b, "%s\n", wrapIndent("Leaned on: "+strings.Join(leaned, ", ")+": find another story for some of its questions.", width-1, ""))
		}
		if len(missing)+len(thin) > 0 {
			b.WriteString("Add a story: starprep stories add\n")
		}
	}
	if len(cov.Other) > 0 {
		fmt.Fprintf(&b, "%s\n", wrapIndent("Also claimed by your stories, not probed by the bank's story questions: "+strings.Join(cov.Other, ", ")+".", width-1, ""))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
