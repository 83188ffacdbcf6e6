package coach

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/userdata"
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

// home is the user-data directory the store is in.
func (st *Store) home() string { return filepath.Dir(st.Dir) }

// maxSameSecond bounds the sessions started in one second (ids
// 20261122-101503, 20261122-101503-2, ...).
const maxSameSecond = 1000

// Create saves a new session, giving it an id made from its start time
// ("20261122-101503", with a suffix when that one is taken) and returns
// its path. The file is created exclusively, so two interviews started in
// the same second never share an id, whatever the timing; a folder that
// cannot be written (read-only, full, a file in its place) is an error at
// once, never a loop.
func (st *Store) Create(s *star.Session) (string, error) {
	base := s.StartedAt.Format("20060102-150405")
	for n := 1; n <= maxSameSecond; n++ {
		s.ID = base
		if n > 1 {
			s.ID = fmt.Sprintf("%s-%d", base, n)
		}
		raw, err := encodeSession(s)
		if err != nil {
			return "", err
		}
		path := st.Path(s.ID)
		err = userdata.WithHome(st.home(), func() error { return userdata.CreateNew(path, raw) })
		if errors.Is(err, userdata.ErrExists) {
			continue
		}
		if err != nil {
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("save session: %d sessions already started at %s", maxSameSecond, base)
}

// LockSession marks the session at path as being answered by this
// process, until Unlock: a second interview resuming it, or sessions
// remove, is told which process has it (a *userdata.BusyError).
func LockSession(ctx context.Context, path string) (*userdata.Lock, error) {
	return userdata.LockFile(ctx, sessionLockPath(path), "session "+strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
}

// sessionLockPath is the lock file of the session at path: in the home's
// .locks folder, so the sessions folder holds only sessions.
func sessionLockPath(path string) string {
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(filepath.Dir(filepath.Dir(path)), ".locks", "session-"+id+".lock")
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
	raw, err := encodeSession(s)
	if err != nil {
		return err
	}
	home := filepath.Dir(filepath.Dir(path))
	return userdata.WithHome(home, func() error { return userdata.WriteFile(path, raw, userdata.FileMode) })
}

func encodeSession(s *star.Session) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# A starprep mock interview. `starprep review` and `starprep score` read this\n# file; `starprep interview --resume` continues it while finished is false.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("save session: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("save session: %w", err)
	}
	return buf.Bytes(), nil
}

// Remove deletes a saved session's file; it is the one place sessions are
// deleted.
func Remove(s Saved) error {
	lock, err := LockSession(context.Background(), s.Path)
	var le *userdata.LockError
	if err != nil && !errors.As(err, &le) {
		return err
	}
	defer lock.Unlock()
	if err := removePrivate(filepath.Dir(filepath.Dir(s.Path)), s.Path); err != nil {
		return fmt.Errorf("remove session: %w", err)
	}
	_ = os.Remove(sessionLockPath(s.Path))
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
