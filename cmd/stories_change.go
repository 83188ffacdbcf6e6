package cmd

// stories add, edit and remove: the commands that change the story bank.

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
)

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
