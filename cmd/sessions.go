package cmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func newSessionsCmd(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "sessions <command>",
		Short: "List, read and remove your saved mock interviews",
		Long: `Every mock interview is saved under $STARPREP_HOME/sessions, one YAML file
each. List them with their scores, read one with every answer and its card,
or remove one.

A session is named by its id (the time it started, such as 20261122-101503)
or by the start of it, as long as only one session matches.`,
		Args: cobra.ArbitraryArgs,
		RunE: unknownSubcommand,
	}
	c.AddCommand(newSessionsListCmd(f, nil), newSessionsShowCmd(f, nil), newSessionsRemoveCmd(f, nil))
	return c
}

type sessionsOptions struct {
	IO       *IOStreams
	Prompter coach.Prompter
	Bank     func() (*questions.Bank, error)
	Home     func() string

	ID     string
	Format string
	Yes    bool
}

func newSessionsListCmd(f *Factory, runF func(*sessionsOptions) error) *cobra.Command {
	opts := &sessionsOptions{IO: f.IO, Bank: f.Bank, Home: func() string { return f.Home }}
	c := &cobra.Command{
		Use:   "list [--format table|json]",
		Short: "List saved interviews: date, questions, first and final averages, finished or not",
		Example: `  $ starprep sessions list
  $ starprep sessions list --format json | jq '.[] | select(.finished | not) | .id'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, "table", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return sessionsListRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Format, "format", "table", "output `format`: table or json")
	_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return c
}

// scoring loads what scores a session's answers: the bank and the rubric.
func (opts *sessionsOptions) scoring() (*questions.Bank, *star.Rubric, error) {
	bank, err := opts.Bank()
	if err != nil {
		return nil, nil, err
	}
	rubric, err := loadRubric("")
	return bank, rubric, err
}

// loadSessions reads the store, warning about files it cannot read.
func loadSessions(opts *sessionsOptions) []coach.Saved {
	saved, problems := coach.SessionsDir(opts.Home()).List()
	for _, p := range problems {
		fmt.Fprintf(opts.IO.ErrOut, "starprep: warning: left out a session file that cannot be read: %v\n", p)
	}
	return saved
}

func sessionsListRun(opts *sessionsOptions) error {
	bank, rubric, err := opts.scoring()
	if err != nil {
		return err
	}
	saved := loadSessions(opts)
	terms := companyTerms(opts.Home())
	infos := make([]coach.SessionInfo, 0, len(saved))
	for i := len(saved) - 1; i >= 0; i-- { // newest first
		infos = append(infos, coach.Describe(saved[i], bank, rubric, terms))
	}
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, infos)
	}
	if len(infos) == 0 {
		if opts.IO.IsStdoutTTY() {
			fmt.Fprintln(opts.IO.ErrOut, "starprep: no saved interviews yet; start one with: starprep interview")
		}
		return nil
	}
	avg := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	t := table{headers: []string{"ID", "STARTED", "ANSWERED", "FIRST", "FINAL", "STATUS", "COMPANY"}, rightAlign: map[int]bool{2: true, 3: true, 4: true}}
	for _, in := range infos {
		started := in.StartedAt.Local().Format("2006-01-02 15:04")
		if !opts.IO.IsStdoutTTY() {
			started = in.StartedAt.UTC().Format("2006-01-02T15:04:05Z")
		}
		t.rows = append(t.rows, []string{in.ID, started, fmt.Sprintf("%d/%d", in.Answered, in.Questions),
			avg(in.FirstAverage), avg(in.FinalAverage), in.Status(), in.Company})
	}
	if err := writeTable(opts.IO, t); err != nil {
		return err
	}
	if opts.IO.IsStdoutTTY() {
		fmt.Fprintf(opts.IO.ErrOut, "%d session%s. Read one with: starprep sessions show <id>\n", len(infos), pluralS(len(infos)))
	}
	return nil
}

func newSessionsShowCmd(f *Factory, runF func(*sessionsOptions) error) *cobra.Command {
	opts := &sessionsOptions{IO: f.IO, Bank: f.Bank, Home: func() string { return f.Home }}
	c := &cobra.Command{
		Use:   "show <id>",
		Short: "Show one interview: every answer with its score card",
		Long: `Show one saved interview: its settings, then every answer in order (retries
and follow-ups too) with its score card. Scores are worked out again with
the current rubric. On a terminal, text longer than the screen is shown a
screen at a time. For the scores as JSON, use: starprep review <session file>`,
		Example: `  $ starprep sessions show 20261122-101503
  $ starprep sessions show 20261122`,
		Args:              sessionIDArg("show"),
		ValidArgsFunction: completeSessionIDs(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return sessionsShowRun(opts)
		},
	}
	return c
}

func sessionsShowRun(opts *sessionsOptions) error {
	bank, rubric, err := opts.scoring()
	if err != nil {
		return err
	}
	saved := loadSessions(opts)
	s, err := findSession(saved, opts.ID)
	if err != nil {
		return err
	}
	width := opts.IO.Width()
	st := feedbackStyle{Width: width, Color: opts.IO.ColorEnabled()}
	terms := companyTerms(opts.Home())
	info := coach.Describe(s, bank, rubric, terms)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", wrapIndent(fmt.Sprintf("Interview %s, started %s: %s.", s.ID, s.StartedAt.Local().Format("Mon 2 Jan 2006 15:04"), info.Outline()), width-1, ""))
	settings := []string{"STAR mode"}
	if s.Mode == coach.ModeFree {
		settings[0] = "free mode"
	}
	if s.Company != "" {
		settings = append(settings, "company "+s.Company)
	}
	if s.TimeLimit != "" {
		settings = append(settings, "time limit "+s.TimeLimit)
	}
	if s.Set != "" {
		settings = append(settings, "set "+s.Set)
	}
	fmt.Fprintf(&b, "%s\n", wrapIndent(fmt.Sprintf("%s; %s.", strings.Join(settings, ", "), info.Status()), width-1, ""))
	fmt.Fprintf(&b, "File: %s\n", s.Path)
	for i, sa := range coach.ScoreAnswers(s.Session, bank, rubric, terms) {
		a := sa.Answer
		b.WriteString("\n" + strings.Repeat("─", min(60, width-1)) + "\n")
		switch {
		case a.FollowUp:
			fmt.Fprintf(&b, "Question %d, follow-up: %s\n", sa.N, wrapIndent(a.Question, width-24, "  "))
		case a.Attempt > 1:
			fmt.Fprintf(&b, "Question %d, attempt %d: %s\n", sa.N, a.Attempt, wrapIndent(a.Question, width-24, "  "))
		default:
			fmt.Fprintf(&b, "Question %d: %s\n", sa.N, wrapIndent(a.Question, width-14, "  "))
		}
		if a.Skipped {
			b.WriteString("  (skipped)\n")
			continue
		}
		b.WriteString("\n")
		writeAnswerText(&b, a, width)
		b.WriteString("\n")
		res := sa.Result
		if !sa.Story {
			res.Components = nil // not a story: no STAR parts to miss
		}
		st.More = fmt.Sprintf("starprep score %s#%d", s.Path, i+1)
		if a.FollowUp {
			st.More = "-" // score would judge it against the main question
		}
		if err := writeCard(&b, res, st); err != nil {
			return err
		}
	}
	if d := s.Draft; d != nil {
		fmt.Fprintf(&b, "\nA draft of %d word%s is kept (question %s); continue it with: starprep interview --resume\n", d.Words(), pluralS(d.Words()), d.QuestionID)
	}
	return pageTo(opts.IO, b.String())
}

// writeAnswerText prints an answer's words: its STAR parts under their
// names, or its free text.
func writeAnswerText(b *strings.Builder, a star.Answer, width int) {
	para := func(prefix, text string) {
		for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
			if i > 0 {
				prefix = strings.Repeat(" ", len(prefix))
			}
			fmt.Fprintf(b, "%s%s\n", prefix, wrapIndent(line, width-len(prefix)-1, strings.Repeat(" ", len(prefix))))
		}
	}
	if p := a.STAR; p != nil {
		for _, part := range []struct{ name, text string }{{"Situation", p.Situation}, {"Task", p.Task}, {"Action", p.Action}, {"Result", p.Result}} {
			if strings.TrimSpace(part.text) == "" {
				fmt.Fprintf(b, "  %-10s (left out)\n", part.name+":")
				continue
			}
			para(fmt.Sprintf("  %-10s ", part.name+":"), part.text)
		}
		return
	}
	para("  ", a.Text)
}

func newSessionsRemoveCmd(f *Factory, runF func(*sessionsOptions) error) *cobra.Command {
	opts := &sessionsOptions{IO: f.IO, Bank: f.Bank, Home: func() string { return f.Home }}
	c := &cobra.Command{
		Use:   "remove <id> [--yes]",
		Short: "Remove a saved interview (asks first)",
		Long: `Remove one saved interview: its file under $STARPREP_HOME/sessions is
deleted, and it no longer counts in 'starprep progress'. It asks first; --yes
removes without asking, and is needed without a terminal.`,
		Example: `  $ starprep sessions remove 20261122-101503
  $ starprep sessions remove 20261122-101503 --yes`,
		Args:              sessionIDArg("remove"),
		ValidArgsFunction: completeSessionIDs(f),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			if !opts.Yes && !opts.IO.CanPrompt() {
				return usageWithHint("to remove it without being asked: starprep sessions remove "+opts.ID+" --yes",
					"sessions remove asks before removing, and there is no terminal to ask on")
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Prompter = f.Prompter; opts.Prompter == nil && !opts.Yes {
				opts.Prompter = newSurveyPrompter(opts.IO)
			}
			return sessionsRemoveRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "remove without asking")
	return c
}

func sessionsRemoveRun(opts *sessionsOptions) error {
	saved := loadSessions(opts)
	s, err := findSession(saved, opts.ID)
	if err != nil {
		return err
	}
	if !opts.Yes {
		bank, rubric, err := opts.scoring()
		if err != nil {
			return err
		}
		info := coach.Describe(s, bank, rubric, companyTerms(opts.Home()))
		fmt.Fprintf(opts.IO.ErrOut, "Interview %s, started %s: %s; %s.\n", s.ID, s.StartedAt.Local().Format("2 Jan 2006 15:04"), info.Outline(), info.Status())
		yes, err := opts.Prompter.Confirm("Remove it? This cannot be undone", false)
		if errors.Is(err, coach.ErrInterrupted) {
			return fmt.Errorf("%w: %w", ErrCancelled, err)
		}
		if err != nil {
			return err
		}
		if !yes {
			fmt.Fprintln(opts.IO.ErrOut, "Kept it.")
			return nil
		}
	}
	if err := coach.Remove(s); err != nil {
		return err
	}
	if opts.IO.IsStdoutTTY() || !opts.Yes {
		fmt.Fprintf(opts.IO.ErrOut, "Removed interview %s (%s).\n", s.ID, s.Path)
	}
	return nil
}

// sessionIDArg takes exactly one session id.
func sessionIDArg(verb string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageWithHint("list them with: starprep sessions list", "sessions %s needs one session id, got %d", verb, len(args))
		}
		return nil
	}
}

// findSession looks an id up, turning the coach's errors into usage errors
// with a hint.
func findSession(saved []coach.Saved, id string) (coach.Saved, error) {
	s, err := coach.Find(saved, id)
	var nf *coach.SessionNotFoundError
	var amb *coach.AmbiguousSessionError
	switch {
	case errors.As(err, &nf):
		hint := "list them with: starprep sessions list"
		if len(nf.Near) > 0 {
			hint = "did you mean: " + strings.Join(nf.Near, ", ") + "?\n" + hint
		}
		return s, usageWithHint(hint, "%s", err.Error())
	case errors.As(err, &amb):
		return s, usageWithHint("give more of the id", "%s", err.Error())
	}
	return s, err
}

func completeSessionIDs(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		home := f.Home
		if home == "" { // completions skip the root's pre-run
			home, _ = resolveHome("", f.Getenv)
		}
		saved, _ := coach.SessionsDir(home).List()
		var out []string
		for i := len(saved) - 1; i >= 0; i-- {
			s := saved[i]
			out = append(out, fmt.Sprintf("%s\t%d questions, started %s", s.ID, len(s.QuestionIDs), s.StartedAt.Local().Format("2 Jan 15:04")))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
