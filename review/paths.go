package review

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// answerExts are the files a directory is searched for.
var answerExts = []string{".yaml", ".yml", ".json", ".jsonl"}

// input is one file to read ("-" for standard input) and its size, when
// known.
type input struct {
	path string
	size int64
}

// expand turns the paths given into the files to read: directories are
// searched recursively for answer files (hidden ones skipped), in sorted
// order; files and "-" are kept as given.
func expand(paths []string) ([]input, error) {
	var out []input
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{path: p, size: -1})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read answers: %w", err)
		}
		if !info.IsDir() {
			out = append(out, input{path: p, size: info.Size()})
			continue
		}
		var found []input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			for _, e := range answerExts {
				if ext == e {
					size := int64(-1)
					if fi, err := d.Info(); err == nil {
						size = fi.Size()
					}
					found = append(found, input{path: path, size: size})
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read answers in %s: %w", p, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out, nil
}
