// Package cmd is starprep's command-line glue: it parses flags, builds the
// inputs, calls one function of questions/, star/ or coach/, and renders the
// result. Only cmd/starprep/main.go calls os.Exit, with the code from Main.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/starprep/starprep/internal/suggest"
)

// version is set with -ldflags "-X github.com/starprep/starprep/cmd.version=v1.2.3";
// otherwise it comes from the build info.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// Main wires the real process streams and returns the exit status.
//
// SIGINT, SIGTERM and SIGHUP stop any command: the context of the command
// is cancelled, so a prompt or the answer box closes (restoring the
// terminal) and an interview saves what was answered and typed. A command
// that has not stopped a moment later (one blocked reading a pipe, say) is
// left behind: the terminal is put back as it was when starprep started
// and Main returns at once. The exit status is 128 plus the signal's
// number (130, 143, 129), or the command's own failure when it has one.
func Main() int {
	defer profile(os.Getenv("STARPREP_CPUPROFILE"))()
	f := NewFactory(System())
	f.Process = true
	restore := saveTerminal()
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	done := make(chan int, 1)
	go func() { done <- RunContext(ctx, os.Args[1:], f) }()
	var got os.Signal
	select {
	case code := <-done:
		return code
	case got = <-sigs:
		cancel(&signalError{sig: got})
	}
	code := 0
	select {
	case code = <-done:
	case <-sigs: // a second signal: stop now
		restore()
		return signalCode(got)
	case <-time.After(stopGrace):
		restore()
		fmt.Fprintf(f.IO.rawErr, "\nstarprep: %s\n", signalMessage(got))
		return signalCode(got)
	}
	if code == exitOK || code == exitInterrupted {
		code = signalCode(got)
	}
	return code
}

// stopGrace is how long a command has to stop (and save) after a signal.
const stopGrace = 2 * time.Second

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string { return signalMessage(e.sig) }

// Is makes a signal's cause count as a cancellation.
func (e *signalError) Is(target error) bool { return target == context.Canceled }

func signalMessage(sig os.Signal) string {
	switch sig {
	case syscall.SIGTERM:
		return "stopped (SIGTERM)"
	case syscall.SIGHUP:
		return "stopped (SIGHUP: the terminal went away)"
	}
	return "interrupted"
}

// signalCode is the exit status for a signal: 128 plus its number.
func signalCode(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitInterrupted
}

// Run executes one invocation against the given dependencies. Tests call it
// directly.
func Run(args []string, f *Factory) int { return RunContext(context.Background(), args, f) }

// RunContext is Run under ctx: cancelling it stops the command (Main
// cancels it on a signal).
func RunContext(ctx context.Context, args []string, f *Factory) int {
	f.IO.ctx = ctx
	root := NewRootCmd(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	// cobra's completion command keeps the output it finds when it is made,
	// so it is made here, after SetOut.
	root.InitDefaultCompletionCmd(args...)
	finishTree(root)

	err := root.ExecuteContext(ctx)
	if err != nil && !ranCommand(root) {
		// cobra's own argument and flag errors come before any RunE.
		var u *UsageError
		if !errors.As(err, &u) {
			err = &UsageError{msg: err.Error(), hint: "run 'starprep --help' for usage"}
		}
	}
	if cause := context.Cause(ctx); cause != nil && err != nil && exitCode(err) == exitInterrupted {
		err = cause // says which signal stopped it
	}
	report(f.IO, err)
	f.IO.Flush()
	return exitCode(err)
}

const ranAnnotation = "starprep-ran"

func ranCommand(root *cobra.Command) bool { return root.Annotations[ranAnnotation] == "yes" }

// report is the single place that prints an error.
func report(io *IOStreams, err error) {
	if err == nil {
		return
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return
	}
	var sig *signalError
	if errors.As(err, &sig) {
		fmt.Fprintf(io.ErrOut, "starprep: %s\n", sig.Error())
		return
	}
	if errors.Is(err, ErrCancelled) || errors.Is(err, context.Canceled) {
		fmt.Fprintln(io.ErrOut, "starprep: interrupted")
		return
	}
	msg := err.Error()
	var loc located
	if errors.As(err, &loc) {
		// Data errors already read "path:line: what"; one per line.
		for _, line := range strings.Split(msg, "\n") {
			fmt.Fprintf(io.ErrOut, "starprep: error: %s\n", line)
		}
		path, line := loc.Location()
		hint := "fix the file at the line shown, then run the command again"
		switch {
		case path == "-" || path == "stdin":
			hint = "fix the text you piped in, then run the command again"
		case line == 0:
			hint = "fix the file, then run the command again"
		}
		var more *hintedError
		if errors.As(err, &more) {
			hint += "\n" + more.hint
		}
		for _, h := range strings.Split(hint, "\n") {
			fmt.Fprintf(io.ErrOut, "starprep: hint: %s\n", h)
		}
		return
	}
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintf(io.ErrOut, "starprep: error: %s\n", line)
	}
	var u *UsageError
	if errors.As(err, &u) && u.hint != "" {
		for _, h := range strings.Split(u.hint, "\n") {
			fmt.Fprintf(io.ErrOut, "starprep: hint: %s\n", h)
		}
	}
	var more *hintedError
	if errors.As(err, &more) && u == nil {
		for _, h := range strings.Split(more.hint, "\n") {
			fmt.Fprintf(io.ErrOut, "starprep: hint: %s\n", h)
		}
	}
	if exitCode(err) == exitError && os.Getenv("STARPREP_DEBUG") != "" {
		fmt.Fprintf(io.ErrOut, "starprep: debug: %+v\n", err)
	}
}

// NewRootCmd builds a fresh command tree over f.
func NewRootCmd(f *Factory) *cobra.Command {
	var home string
	var noColor, noInput bool
	root := &cobra.Command{
		Use:   "starprep",
		Short: "Practise customer service interviews: STAR answers, scores and feedback",
		Long: `starprep gets you ready for customer service representative interviews.

It holds a bank of CSR interview questions, runs mock interviews that collect
your answers in the STAR shape (Situation, Task, Action, Result), and scores
every answer for completeness with feedback you can act on.

Start with:
  $ starprep interview              a mock interview on the built-in questions
  $ starprep questions list         browse the question bank
  $ starprep score answer.txt       score an answer you wrote down

EXIT STATUS
  0    success, including an empty result
  1    unexpected or runtime failure (I/O, permissions, a bug)
  2    bad flags or arguments, or an interactive command without a terminal
  3    invalid data: a question bank, rubric, company notes or answer file
       (the message starts with path:line:)
  4    score/review ran and an answer scored below --min-score
  130  interrupted (Ctrl-C); whatever was answered is saved
  143  stopped by SIGTERM (129: SIGHUP), the same way

ENVIRONMENT
  STARPREP_HOME      where your answers, sessions and notes live
                     (default $XDG_DATA_HOME/starprep or ~/.local/share/starprep)
  STARPREP_NO_INPUT  never prompt (same as --no-input)
  NO_COLOR           no colour (same as --no-color)
  STARPREP_DEBUG     print the full error chain for unexpected failures`,
		Version:       buildVersion(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			c.Root().Annotations = map[string]string{ranAnnotation: "yes"}
			if noColor || f.Getenv("NO_COLOR") != "" {
				f.IO.SetColor(false)
			}
			f.IO.SetNeverPrompt(noInput)
			h, err := resolveHome(home, f.Getenv)
			if err != nil {
				return err
			}
			f.Home = h
			return nil
		},
	}
	root.SetFlagErrorFunc(flagError)
	root.SetVersionTemplate("starprep {{.Version}}\n")
	pf := root.PersistentFlags()
	pf.StringArrayVar(&f.BankFiles, "bank", nil, "extra question bank `file` merged over the built-in one (repeatable)")
	pf.StringVar(&home, "home", "", "`dir` for your answers, sessions and notes (default $STARPREP_HOME or the XDG data dir)")
	pf.BoolVar(&noColor, "no-color", false, "no colour in output (also NO_COLOR)")
	pf.BoolVar(&noInput, "no-input", false, "never prompt (also STARPREP_NO_INPUT)")

	root.AddCommand(newQuestionsCmd(f), newScoreCmd(f, nil), newReviewCmd(f, nil))
	root.AddCommand(newInterviewCmd(f, nil))
	root.AddCommand(newProgressCmd(f, nil))
	root.AddCommand(newCompanyCmd(f), newChecklistCmd(f, nil), newStoriesCmd(f), newBriefCmd(f, nil))
	root.AddCommand(newSessionsCmd(f))
	root.AddCommand(newCoachCmd(f))
	root.AddCommand(newGenAnswersCmd(f))
	return root
}

// finishTree makes every command group (the root, `completion`, and any
// command that only holds subcommands) refuse an unknown subcommand with
// exit 2 and a did-you-mean, and replaces cobra's help command with one
// that does the same for an unknown topic.
func finishTree(root *cobra.Command) {
	root.SetHelpCommand(newHelpCmd(root))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
			c.Args = cobra.ArbitraryArgs
			c.RunE = unknownSubcommand
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// newHelpCmd is `starprep help [command]`.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var out []string
			for _, sub := range root.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, sub.Name()+"\t"+sub.Short)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 || target == nil {
				parent, word := root, args[0]
				if target != nil && len(rest) > 0 {
					parent, word = target, rest[0]
				}
				hint := "run 'starprep --help' for the commands"
				if parent.SuggestionsMinimumDistance <= 0 {
					parent.SuggestionsMinimumDistance = 2
				}
				if near := parent.SuggestionsFor(word); len(near) > 0 {
					hint = "did you mean: " + strings.Join(near, ", ") + "?\n" + hint
				}
				return usageWithHint(hint, "no help topic %q", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

// flagError turns cobra's flag errors into usage errors, with a
// did-you-mean for a misspelt flag.
func flagError(c *cobra.Command, err error) error {
	hint := fmt.Sprintf("run '%s --help' for usage", c.CommandPath())
	var ne *pflag.NotExistError
	if errors.As(err, &ne) && ne.GetSpecifiedShortnames() == "" {
		var names []string
		add := func(fl *pflag.Flag) { names = append(names, fl.Name) }
		c.Flags().VisitAll(add)
		c.InheritedFlags().VisitAll(add)
		if near := suggest.Closest(ne.GetSpecifiedName(), names); near != "" {
			hint = fmt.Sprintf("did you mean --%s?\n%s", near, hint)
		}
	}
	return usageWithHint(hint, "%s", err.Error())
}

// splitList turns repeated and comma-separated flag values into one list.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
