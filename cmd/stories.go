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
