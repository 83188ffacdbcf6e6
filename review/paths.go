package review

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/starprep/starprep/internal/infile"
)

// answerExts are the files a directory is searched for.
var answerExts = []string{".yaml", ".yml", ".json", ".jsonl"}

// input is one file to read ("-" for standard input) and its size, when
// known; err, when set, is why it cannot be read (a FIFO, a link loop),
// reported in its place in the order.
type input struct {
	path string
	size int64
	err  error
}

// LinkError is a symbolic link in a reviewed folder that leads nowhere or
// round in a loop. Like a file that cannot be read, it stops the review,
// or is skipped with SkipInvalid.
type LinkError struct {
	Path string
	Why  string
}

func (e *LinkError) Error() string { return fmt.Sprintf("%s: %s", e.Path, e.Why) }

func hasAnswerExt(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range answerExts {
		if ext == e {
			return true
		}
	}
	return false
}

// expand turns the paths given into the files to read: directories are
// searched recursively for answer files (hidden ones skipped), in sorted
// order; files and "-" are kept as given. Inside a folder, a symbolic link
// is followed only to a file in the same folder tree: links that lead out
// of it, and links to folders, are passed over and said so once in the
// notes; a link that loops or leads nowhere, and a FIFO, device or socket
// with an answer's name, are inputs with an error, never opened.
func expand(paths []string) (out []input, notes []string, err error) {
	var outside, folders []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{path: p, size: -1})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, syscall.ELOOP) {
				return nil, nil, &LinkError{Path: p, Why: "a symbolic link that loops back on itself"}
			}
			return nil, nil, fmt.Errorf("read answers: %w", err)
		}
		if !info.IsDir() {
			out = append(out, input{path: p, size: info.Size(), err: infile.CheckRegular(p, info)})
			continue
		}
		root, err := filepath.EvalSymlinks(p)
		if err == nil {
			root, err = filepath.Abs(root)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read answers in %s: %w", p, err)
		}
		var found []input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path == p {
					return err
				}
				// A folder inside that cannot be listed is reported in its place.
				found = append(found, input{path: path, size: 0, err: fmt.Errorf("read answers: %w", err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				in, note := followLink(path, root)
				switch note {
				case "outside":
					outside = append(outside, path)
				case "folder":
					folders = append(folders, path)
				case "":
					if in != nil {
						found = append(found, *in)
					}
				}
				return nil
			}
			if !hasAnswerExt(path) {
				return nil
			}
			if !d.Type().IsRegular() {
				found = append(found, input{path: path, err: &infile.NotRegularError{Path: path, Kind: infile.KindOf(d.Type())}})
				return nil
			}
			size := int64(-1)
			if fi, err := d.Info(); err == nil {
				size = fi.Size()
			}
			found = append(found, input{path: path, size: size})
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read answers in %s: %w", p, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	switch n := len(outside); {
	case n == 1:
		notes = append(notes, fmt.Sprintf("a symbolic link that leads outside the folder reviewed was not followed (%s): review what it points to by its own path", outside[0]))
	case n > 1:
		notes = append(notes, fmt.Sprintf("%d symbolic links that lead outside the folder reviewed were not followed (%s): review what they point to by their own paths", n, strings.Join(first(outside, 3), ", ")))
	}
	switch n := len(folders); {
	case n == 1:
		notes = append(notes, fmt.Sprintf("a symbolic link to a folder was not followed (%s): review that folder by its own path", folders[0]))
	case n > 1:
		notes = append(notes, fmt.Sprintf("%d symbolic links to folders were not followed (%s): review those folders by their own paths", n, strings.Join(first(folders, 3), ", ")))
	}
	return out, notes, nil
}

// followLink decides about a symbolic link found in a folder whose real
// path is root: an input (a file inside, or the link's problem), or a note
// ("outside", "folder") that it was passed over.
func followLink(path, root string) (*input, string) {
	_, err := os.Stat(path)
	if err == nil {
		var target string
		if target, err = filepath.EvalSymlinks(path); err == nil {
			return inside(path, target, root)
		}
	}
	why := "a symbolic link that leads nowhere (its target is missing)"
	loop := errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links")
	switch {
	case loop:
		why = "a symbolic link that loops back on itself"
	case !errors.Is(err, fs.ErrNotExist):
		why = "a symbolic link that cannot be followed: " + err.Error()
	}
	if !hasAnswerExt(path) && !loop {
		return nil, "-" // not an answer file by its name: not ours to report
	}
	return &input{path: path, err: &LinkError{Path: path, Why: why}}, ""
}

// inside decides about a link whose target resolves to target.
func inside(path, target, root string) (*input, string) {
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	if target != root && !strings.HasPrefix(target, root+string(filepath.Separator)) {
		if !hasAnswerExt(path) {
			if fi, err := os.Stat(target); err == nil && fi.IsDir() {
				return nil, "outside"
			}
			return nil, "-"
		}
		return nil, "outside"
	}
	info, err := os.Stat(target)
	switch {
	case err != nil:
		return &input{path: path, err: fmt.Errorf("read answers: %w", err)}, ""
	case info.IsDir():
		return nil, "folder"
	case !hasAnswerExt(path):
		return nil, "-"
	}
	return &input{path: path, size: info.Size(), err: infile.CheckRegular(path, info)}, ""
}

func first(list []string, n int) []string {
	if len(list) > n {
		return append(append([]string(nil), list[:n]...), "…")
	}
	return list
}
