package coach

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/renameio/v2/maybe"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/star"
	"go.yaml.in/yaml/v3"
)

// Store keeps interview sessions as YAML files in one directory (the user's
// $STARPREP_HOME/sessions), one file per session named <id>.yaml.
type Store struct {
	Dir string
}

// SessionsDir is the store under a user-data directory.
func SessionsDir(home string) *Store { return &Store{Dir: filepath.Join(home, "sessions")} }

// Path is where the session with the given id lives.
func (st *Store) Path(id string) string { return filepath.Join(st.Dir, id+".yaml") }

// NewID returns a session id made from t ("20261122-101503"), with a suffix
// when a session of that id already exists.
func (st *Store) NewID(t time.Time) string {
	base := t.Format("20060102-150405")
	id := base
	for n := 2; ; n++ {
		if _, err := os.Stat(st.Path(id)); errors.Is(err, fs.ErrNotExist) {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// Saved is a session and the file it lives in.
type Saved struct {
	Path string
	*star.Session
}

// Save writes the session to path atomically: readers, and a crash or
// Ctrl-C, see the old file or the new one, never half of one. It is the
// one place sessions are written (drafts included, as they grow).
func Save(path string, s *star.Session) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save session: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteString("# A starprep mock interview. `starprep review` and `starprep score` read this\n# file; `starprep interview --resume` continues it while finished is false.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("save session: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("save session: %w", err)
	}
	if err := maybe.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save session: %w", err)
	}
	return nil
}

// Remove deletes a saved session's file; it is the one place sessions are
// deleted.
func Remove(s Saved) error {
	if err := os.Remove(s.Path); err != nil {
		return fmt.Errorf("remove session: %w", err)
	}
	return nil
}

// ParseSession reads one session file strictly. Problems come back as a
// *yamlfile.Error naming path and line.
func ParseSession(data []byte, path string) (*star.Session, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "a session file is one YAML mapping (id, started_at, question_ids, answers, ...)")
		return nil, ps.Err()
	}
	var s star.Session
	if err := yamlfile.Strict(docs[0], path, &s); err != nil {
		return nil, err
	}
	root := yamlfile.Root(docs[0])
	if strings.TrimSpace(s.ID) == "" {
		ps.Add(root, "the session has no id")
	}
	if s.Next < 0 || s.Next > len(s.QuestionIDs) {
		at := yamlfile.Value(root, "next")
		if at == nil {
			at = root
		}
		ps.Add(at, "next is %d, but there are %d questions", s.Next, len(s.QuestionIDs))
	}
	if s.TimeLimit != "" {
		if d, err := time.ParseDuration(s.TimeLimit); err != nil || d < 0 {
			ps.Add(yamlfile.Value(root, "time_limit"), "time_limit %q: write a duration such as 2m or 90s", s.TimeLimit)
		}
	}
	if d := s.Draft; d != nil {
		at := yamlfile.Value(root, "draft")
		if !slices.Contains(s.QuestionIDs, d.QuestionID) {
			ps.Add(at, "the draft is for question %q, which is not among question_ids", d.QuestionID)
		}
		if d.Part != "" && !slices.Contains(star.Components, d.Part) {
			ps.Add(at, "draft part %q: one of %s", d.Part, strings.Join(star.Components, ", "))
		}
		if d.Seconds < 0 {
			ps.Add(at, "draft seconds must not be negative")
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &s, nil
}

// Load reads the session file at path. A file too big, not text or not a
// regular file is a *yamlfile.Error, like a broken one.
func Load(path string) (*star.Session, error) {
	raw, ok, err := readOptional(path, "a session")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("read session: %w", &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist})
	}
	return ParseSession(raw, path)
}

// List reads every session in the store, oldest first. A file that cannot
// be read or parsed is left out and reported in problems, so one broken file
// never hides the rest. A missing directory is an empty store.
func (st *Store) List() (sessions []Saved, problems []error) {
	entries, err := os.ReadDir(st.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []error{fmt.Errorf("read sessions: %w", err)}
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		p := filepath.Join(st.Dir, name)
		s, err := Load(p)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		sessions = append(sessions, Saved{Path: p, Session: s})
	}
	slices.SortStableFunc(sessions, func(a, b Saved) int {
		if c := a.StartedAt.Compare(b.StartedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return sessions, problems
}

// LatestUnfinished returns the most recently started session that is not
// finished; ok is false when there is none.
func LatestUnfinished(sessions []Saved) (Saved, bool) {
	for i := len(sessions) - 1; i >= 0; i-- {
		if !sessions[i].Finished {
			return sessions[i], true
		}
	}
	return Saved{}, false
}
