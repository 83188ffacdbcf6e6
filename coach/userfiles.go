package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/userdata"
	"github.com/starprep/starprep/internal/yamlfile"
)

// The user's own files (company notes, stories, checklist progress) are
// private: directories are created 0700 and files 0600, and every write
// replaces the file atomically (temporary file, sync, rename), so a crash
// leaves the old file or the new one, never half of one.

// writePrivate writes data to path atomically, creating its directory,
// holding the lock of home (internal/userdata). A failure is a
// *userdata.WriteError: the old file is as it was.
func writePrivate(home, path string, data []byte) error {
	return userdata.WithHome(home, func() error { return userdata.WriteFile(path, data, userdata.FileMode) })
}

// removePrivate deletes one of the user's files, holding the lock of home.
func removePrivate(home, path string) error {
	return userdata.WithHome(home, func() error { return userdata.Remove(path) })
}

// WriteFileAtomic writes data to path atomically with mode 0600 (the parent
// directory must exist): for files the user asks for, such as `brief -o`.
func WriteFileAtomic(path string, data []byte) error {
	err := userdata.Replace(path, data, userdata.FileMode)
	var we *userdata.WriteError
	if errors.As(err, &we) {
		return fmt.Errorf("write %s: %w", path, we.Err)
	}
	return err
}

// readOptional reads one of the user's files (what says which kind, for
// the size limit's message); a missing file is (nil, false, nil). A file
// too big, not text, or not a regular file at all (a FIFO put where a
// note was) is a problem with that file, a *yamlfile.Error, so one bad file
// is reported with the others and never hangs or hides the rest.
func readOptional(path, what string) ([]byte, bool, error) {
	if err := checkLinkInHome(path); err != nil {
		return nil, false, err
	}
	raw, err := infile.ReadFile(path, infile.MaxDataFile, what)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	var nr *infile.NotRegularError
	if errors.As(err, &nr) {
		return nil, false, infile.Problem(path, 0, fmt.Sprintf("this is %s, not a file: remove it, or put the file back in its place", nr.Kind))
	}
	if err != nil {
		return nil, false, infile.Wrap(err, "read "+path)
	}
	return raw, true, nil
}

// checkLinkInHome refuses a file of the home that is a symbolic link to
// somewhere outside the home: its contents would be quoted in messages
// (a link to /etc/shadow among the sessions, say). Links within the home,
// and a home that is itself a link, are fine.
func checkLinkInHome(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	home := filepath.Dir(path)
	switch filepath.Base(home) {
	case "sessions", "companies", "stories":
		home = filepath.Dir(home)
	}
	realHome, err := filepath.EvalSymlinks(home)
	if err != nil {
		return nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil // a dangling link reads as a missing file
	}
	if target != realHome && !strings.HasPrefix(target, realHome+string(filepath.Separator)) {
		return infile.Problem(path, 0, "this is a symbolic link to a file outside your data folder, which starprep does not follow: put the file itself here")
	}
	return nil
}

// yamlNames lists the names (without .yaml) of the YAML files in dir,
// sorted; a missing directory has none. Hidden files and other names
// (editor backups, say) are skipped.
func yamlNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names, nil
}

// problemsError gathers the problems of several files into one error (nil
// when there are none).
func problemsError(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	var ps yamlfile.Problems
	for _, err := range errs {
		ps.Merge(err)
	}
	return ps.Err()
}

// nameProblem is the error for a file whose name cannot be a slug.
func nameProblem(path, what string) error {
	return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: path, Message: fmt.Sprintf(
		"the file name is not a valid %s: rename it to lower-case letters, digits and hyphens, ending .yaml", what)}}}
}

// mismatchProblem is the error for a file whose id or slug differs from its
// name.
func mismatchProblem(path string, line int, field, got, want string) error {
	return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: path, Line: line, Message: fmt.Sprintf(
		"%s %q does not match the file name (%s.yaml): the %s names the file, so keep them the same", field, got, want, field)}}}
}
