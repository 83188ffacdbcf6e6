package cmd

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
)

// Glue shared by the preparation commands (company, stories, checklist,
// brief): the shipped examples, the prompter, the editor and how the flows'
// errors become exit codes.

// exampleCompanies are the company notes that ship in the binary.
func exampleCompanies() []*questions.Company {
	c, err := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath)
	if err != nil {
		return nil // data tests keep it valid
	}
	return []*questions.Company{c}
}

// companyTerms scores saved answers with the company notes in home (and the
// example company), as the interview scored them.
func companyTerms(home string) coach.CompanyTerms {
	return coach.CompanyTermsIn(home, exampleCompanies()...)
}

// loadChecklist is the embedded checklist.
func loadChecklist() (*questions.Checklist, error) {
	cl, err := questions.ParseChecklist(data.Checklist, data.ChecklistPath)
	if err != nil {
		return nil, fmt.Errorf("the embedded checklist is broken (please report this): %w", err)
	}
	return cl, nil
}

// prompter is the factory's prompter, else the terminal one.
func prompter(f *Factory) coach.Prompter {
	if f.Prompter != nil {
		return f.Prompter
	}
	return newSurveyPrompter(f.IO)
}

// needTerminal is the usage error of an interactive command run without a
// terminal; alternative names the command that does the job without one.
func needTerminal(ios *IOStreams, what, alternative string) error {
	if ios.CanPrompt() {
		return nil
	}
	return usageWithHint(alternative,
		"%s asks questions and needs a terminal (stdin and stdout must be a terminal, and --no-input not set)", what)
}

// oneSlug is the Args check of a command taking one company slug or story
// id: "company edit", say.
func oneSlug(command, what, list string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageWithHint("list them with: "+list, "%s needs exactly one %s", command, what)
		}
		return checkSlugArg(what, args[0])
	}
}

// checkSlugArg refuses a company slug or story id that cannot name a file.
func checkSlugArg(what, s string) error {
	if questions.ValidSlug(s) {
		return nil
	}
	return usageErrorf("%s %q: use lower-case letters, digits and single hyphens, such as northwind", what, s)
}

// editorFor runs $VISUAL or $EDITOR (else vi) on a file, on the terminal.
// The variable may hold arguments ("code --wait"), as git allows.
func editorFor(f *Factory) func(path string) error {
	return func(path string) error {
		editor := f.Getenv("VISUAL")
		if editor == "" {
			editor = f.Getenv("EDITOR")
		}
		if editor == "" {
			editor = "vi"
		}
		var c *exec.Cmd
		if runtime.GOOS == "windows" {
			args := strings.Fields(editor)
			c = exec.Command(args[0], append(args[1:], path)...)
		} else {
			c = exec.Command("/bin/sh", "-c", editor+` "$@"`, editor, path)
		}
		ios := f.IO
		c.Stdin, c.Stdout, c.Stderr = ios.In, ios.Out, ios.ErrOut
		if ios.ttyIn != nil {
			c.Stdin = ios.ttyIn
		}
		if ios.ttyOut != nil {
			c.Stdout = ios.ttyOut
		}
		if err := c.Run(); err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) && ee.ExitCode() == 127 && runtime.GOOS != "windows" {
				return fmt.Errorf("the shell could not run %q: set $EDITOR (or $VISUAL) to the editor you use", editor)
			}
			if errors.As(err, &ee) {
				return fmt.Errorf("%s exited with status %d", editor, ee.ExitCode())
			}
			return fmt.Errorf("run %s: %w (set $EDITOR to the editor you use)", editor, err)
		}
		return nil
	}
}

// prepError turns the preparation flows' errors into the commands' exit
// codes and hints.
func prepError(err error) error {
	var nc *coach.NoCompanyError
	var ns *coach.NoStoryError
	var ar *coach.AnswerRefError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, coach.ErrInterrupted):
		return fmt.Errorf("%w: %w", ErrCancelled, err)
	case errors.As(err, &nc):
		hint := "add notes with: starprep company add"
		if len(nc.Known) > 0 {
			hint = "companies with notes: " + strings.Join(nc.Known, ", ") + "\n" + hint
		}
		return usageWithHint(hint, "%s", err.Error())
	case errors.As(err, &ns):
		hint := "add one with: starprep stories add"
		if len(ns.Known) > 0 {
			hint = "your stories: " + strings.Join(ns.Known, ", ") + "\n" + hint
		}
		return usageWithHint(hint, "%s", err.Error())
	case errors.As(err, &ar):
		return usageWithHint("the answers of a session are numbered from 1, in the order they were given (as in starprep score FILE#N)", "%s", err.Error())
	case errors.Is(err, coach.ErrExampleOnly):
		return usageWithHint("copy it to make it yours: starprep company add --from northwind", "%s", err.Error())
	}
	return err
}

// readFrom reads --from: a file, or - for standard input.
func readFrom(path string, ios *IOStreams) ([]byte, string, error) {
	if path == "-" {
		// Notes and stories are small; a bigger input is a mistake.
		raw, err := infile.ReadAll(ios.In, "stdin", infile.MaxDataFile, "notes or a story")
		return raw, "stdin", infile.Wrap(err, "read standard input")
	}
	raw, err := infile.ReadFile(path, infile.MaxDataFile, "notes or a story")
	var ye *yamlfile.Error
	if errors.As(err, &ye) {
		return nil, path, err
	}
	if err != nil {
		return nil, path, usageErrorf("read %s: %v", path, err)
	}
	return raw, path, nil
}

// completeInHome offers, for a command's one argument, names found in the
// user's home ("slug\tlabel").
func completeInHome(f *Factory, list func(home string) []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		home, err := resolveHome(c.Flag("home").Value.String(), f.Getenv)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return list(home), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeCompanies offers the slugs of the companies with notes.
func completeCompanies(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return completeInHome(f, func(home string) []string {
		list, _ := coach.CompaniesIn(home, exampleCompanies()...).List()
		var out []string
		for _, e := range list {
			out = append(out, e.Slug+"\t"+e.Label())
		}
		return out
	})
}

// completeStories offers the ids of the stories.
func completeStories(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return completeInHome(f, func(home string) []string {
		list, _ := coach.StoriesIn(home).List()
		var out []string
		for _, s := range list {
			out = append(out, s.ID+"\t"+s.Title)
		}
		return out
	})
}
