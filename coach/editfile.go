package coach

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
)

// EditLoop lets a person change a YAML file in their own editor without
// ever saving a broken one: the file is copied to a private temporary
// directory, the editor runs on the copy, and the result is checked. When it
// has a problem, each one is shown as path:line: message and the person
// chooses to edit again (their changes kept) or to discard them. The
// original is replaced, atomically, only by a copy that passed the check.
type EditLoop struct {
	Prompter Prompter
	Out      io.Writer
	// Edit runs the person's editor on path and waits for it.
	Edit func(path string) error
}

// EditResult says how an edit ended.
type EditResult int

// How an edit can end.
const (
	EditSaved     EditResult = iota // changed, checked and saved
	EditUnchanged                   // the editor closed with nothing changed
	EditDiscarded                   // the changes had problems and were dropped
)

// ErrDiscarded wraps the last problems of an edit the person gave up on.
var ErrDiscarded = errors.New("changes discarded")

// Run edits the file at path. check parses the edited bytes (named path in
// its messages) and returns an error, a *yamlfile.Error for problems the
// person can fix; save writes the checked bytes. A failure of the editor or
// of save is returned as it is, with the original untouched.
func (l *EditLoop) Run(path string, check func(raw []byte, path string) error, save func(raw []byte) error) (EditResult, error) {
	original, err := infile.ReadFile(path, infile.MaxDataFile, "a file to edit")
	if err != nil {
		return EditUnchanged, infile.Wrap(err, "read "+path)
	}
	dir, err := os.MkdirTemp("", "starprep-edit-")
	if err != nil {
		return EditUnchanged, fmt.Errorf("edit %s: %w", path, err)
	}
	defer os.RemoveAll(dir)
	// The copy has the original's name, so the editor shows it and picks
	// YAML highlighting.
	work := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(work, original, 0o600); err != nil {
		return EditUnchanged, fmt.Errorf("edit %s: %w", path, err)
	}
	for {
		if err := l.Edit(work); err != nil {
			return EditUnchanged, fmt.Errorf("the editor failed, so nothing was saved (%s is unchanged): %w", path, err)
		}
		edited, problem := readEdited(work, path)
		var ye *yamlfile.Error
		if problem != nil && !errors.As(problem, &ye) {
			return EditUnchanged, fmt.Errorf("read the edited copy: %w", problem)
		}
		if problem == nil && bytes.Equal(edited, original) {
			return EditUnchanged, nil
		}
		if problem == nil {
			// A copy too big or not text is shown like any other problem.
			problem = check(edited, path)
		}
		if problem == nil {
			if err := save(edited); err != nil {
				return EditUnchanged, err
			}
			return EditSaved, nil
		}
		if !errors.As(problem, &ye) {
			return EditUnchanged, problem
		}
		fmt.Fprintf(l.Out, "\nYour changes were not saved: the edited file has %s.\n", quantity(len(ye.Problems), "problem", "problems"))
		for _, p := range ye.Problems {
			fmt.Fprintf(l.Out, "  %s\n", p)
		}
		i, err := l.Prompter.Select("What now?", []string{"Edit again (your changes are kept)", "Discard my changes"}, 0)
		if err != nil {
			return EditUnchanged, err
		}
		if i == 1 {
			fmt.Fprintf(l.Out, "Discarded. %s is unchanged.\n", path)
			return EditDiscarded, fmt.Errorf("%w: %s", ErrDiscarded, strings.ReplaceAll(problem.Error(), "\n", "; "))
		}
	}
}

// readEdited reads the edited copy; its problems name the file edited.
func readEdited(work, path string) ([]byte, error) {
	f, err := infile.Open(work)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return infile.ReadAll(f, path, infile.MaxDataFile, "a file to edit")
}
