package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Stories is the user's story bank: one file per story in Dir
// ($STARPREP_HOME/stories/ID.yaml).
type Stories struct {
	Dir string
}

// StoriesIn is the story bank under a user-data directory.
func StoriesIn(home string) *Stories { return &Stories{Dir: filepath.Join(home, "stories")} }

// StoryEntry is one story and its file.
type StoryEntry struct {
	*questions.Story
	Path string
}

// NoStoryError: no story with that id.
type NoStoryError struct {
	ID    string
	Dir   string
	Known []string
}

func (e *NoStoryError) Error() string { return fmt.Sprintf("no story %q in %s", e.ID, e.Dir) }

// Path is where the story id lives (check the id with questions.ValidSlug).
func (st *Stories) Path(id string) string { return filepath.Join(st.Dir, id+".yaml") }

// Exists reports whether a story file of that id exists.
func (st *Stories) Exists(id string) bool {
	if !questions.ValidSlug(id) {
		return false
	}
	_, err := os.Lstat(st.Path(id))
	return err == nil
}

// Get loads one story. A broken file comes back as a *yamlfile.Error, a
// missing one as a *NoStoryError.
func (st *Stories) Get(id string) (StoryEntry, error) {
	if questions.ValidSlug(id) {
		path := st.Path(id)
		raw, ok, err := readOptional(path, "a story")
		if err != nil {
			return StoryEntry{}, err
		}
		if ok {
			s, err := ParseStoryFile(raw, path, id)
			if err != nil {
				return StoryEntry{}, err
			}
			return StoryEntry{Story: s, Path: path}, nil
		}
	}
	names, _ := yamlNames(st.Dir)
	return StoryEntry{}, &NoStoryError{ID: id, Dir: st.Dir, Known: names}
}

// List returns every story, by id. Files that do not parse are left out and
// reported together in the error (a *yamlfile.Error).
func (st *Stories) List() ([]StoryEntry, error) {
	names, err := yamlNames(st.Dir)
	if err != nil {
		return nil, err
	}
	var out []StoryEntry
	var bad []error
	for _, name := range names {
		path := st.Path(name)
		if !questions.ValidSlug(name) {
			bad = append(bad, nameProblem(path, "story id"))
			continue
		}
		raw, _, err := readOptional(path, "a story")
		var ye *yamlfile.Error
		if errors.As(err, &ye) {
			bad = append(bad, err)
			continue
		}
		if err != nil {
			return nil, err
		}
		s, err := ParseStoryFile(raw, path, name)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		out = append(out, StoryEntry{Story: s, Path: path})
	}
	return out, problemsError(bad)
}

// Save writes the story atomically and returns its path.
func (st *Stories) Save(s *questions.Story) (string, error) {
	if !questions.ValidSlug(s.ID) {
		return "", fmt.Errorf("save story: id %q cannot name a file", s.ID)
	}
	raw, err := questions.MarshalStory(s)
	if err != nil {
		return "", err
	}
	path := st.Path(s.ID)
	return path, writePrivate(filepath.Dir(st.Dir), path, raw)
}

// SaveRaw writes a checked story file exactly as the person wrote it.
func (st *Stories) SaveRaw(id string, raw []byte) (string, error) {
	if !questions.ValidSlug(id) {
		return "", fmt.Errorf("save story: id %q cannot name a file", id)
	}
	path := st.Path(id)
	return path, writePrivate(filepath.Dir(st.Dir), path, raw)
}

// Remove deletes a story.
func (st *Stories) Remove(id string) (string, error) {
	if !st.Exists(id) {
		_, err := st.Get(id)
		return "", err
	}
	path := st.Path(id)
	if err := removePrivate(filepath.Dir(st.Dir), path); err != nil {
		return "", fmt.Errorf("remove %s: %w", path, err)
	}
	return path, nil
}

// ParseStoryFile reads a story from the bank: besides questions.ParseStory's
// checks, its id must match the file's name.
func ParseStoryFile(raw []byte, path, id string) (*questions.Story, error) {
	s, err := questions.ParseStory(raw, path)
	if err != nil {
		return nil, err
	}
	if s.ID != id {
		return nil, mismatchProblem(path, keyLine(raw, path, "id"), "id", s.ID, id)
	}
	return s, nil
}

// StoryParts is a story as a structured STAR answer: what an interview
// shows when the candidate starts an answer from a saved story, and what
// the scorer reads.
func StoryParts(s *questions.Story) *star.Parts {
	return &star.Parts{Situation: s.STAR.Situation, Task: s.STAR.Task, Action: s.STAR.Action, Result: s.STAR.Result}
}

// StoryAnswer is a story as an answer to score. When the story is used for
// a question of the bank, it is scored against the first such question
// (its keywords count for relevance); otherwise against its own title.
func StoryAnswer(s *questions.Story, bank *questions.Bank) (*star.QuestionInfo, star.Answer) {
	a := star.Answer{ID: "story:" + s.ID, STAR: StoryParts(s), Story: s.ID}
	if bank != nil {
		for _, id := range s.UsedFor {
			if q, ok := bank.Get(id); ok {
				a.QuestionID, a.Question = q.ID, questions.Fill(q.Text, "")
				return questionInfo(q, a.Question), a
			}
		}
	}
	return &star.QuestionInfo{ID: "story:" + s.ID, Text: s.Title, Competencies: s.Competencies, STAR: true}, a
}

// ScoreStory scores a story as the scorer would score it told in an
// interview.
func ScoreStory(r *star.Rubric, bank *questions.Bank, s *questions.Story) star.Result {
	info, a := StoryAnswer(s, bank)
	return star.Score(r, info, a)
}

// AnswerRefError: a SESSION#N reference that names no answer.
type AnswerRefError struct {
	Ref, Reason string
}

func (e *AnswerRefError) Error() string { return fmt.Sprintf("%s: %s", e.Ref, e.Reason) }

// ParseAnswerRef splits "SESSION#N" into the session (an id from the
// sessions folder, or a path to a session file) and N, counted from 1.
func ParseAnswerRef(ref string) (session string, n int, err error) {
	i := strings.LastIndexByte(ref, '#')
	if i <= 0 {
		return "", 0, &AnswerRefError{Ref: ref, Reason: "give a session and an answer number, as SESSION#N (e.g. 20261122-101503#2)"}
	}
	n, convErr := strconv.Atoi(ref[i+1:])
	if convErr != nil || n < 1 {
		return "", 0, &AnswerRefError{Ref: ref, Reason: "answers are numbered from 1, as in SESSION#1"}
	}
	return ref[:i], n, nil
}

// StoryFromAnswer drafts a story from answer n (from 1) of a saved session:
// its parts (a free-text answer is split into parts the way the scorer
// splits it), the question's competencies, the question it answered, and
// where it came from. The title and id are left for the person to choose;
// Title holds a suggestion. session is a session id of sessions, or a path.
func StoryFromAnswer(sessions *Store, ref string, bank *questions.Bank, rubric *star.Rubric) (*questions.Story, error) {
	name, n, err := ParseAnswerRef(ref)
	if err != nil {
		return nil, err
	}
	path := name
	if !strings.ContainsAny(name, `/\`) && !strings.HasSuffix(name, ".yaml") {
		if strings.HasPrefix(name, ".") {
			return nil, &AnswerRefError{Ref: ref, Reason: "not a session id"}
		}
		path = sessions.Path(name)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, &AnswerRefError{Ref: ref, Reason: fmt.Sprintf("no saved session %s (see the ids with: starprep progress --format json)", path)}
	}
	s, err := Load(path)
	if err != nil {
		return nil, err
	}
	if n > len(s.Answers) {
		return nil, &AnswerRefError{Ref: ref, Reason: fmt.Sprintf("the session has %d answer%s", len(s.Answers), map[bool]string{true: "", false: "s"}[len(s.Answers) == 1])}
	}
	a := s.Answers[n-1]
	if a.Skipped || a.Empty() {
		return nil, &AnswerRefError{Ref: ref, Reason: "that answer was skipped and has no words"}
	}
	story := &questions.Story{Source: fmt.Sprintf("%s#%d", s.ID, n)}
	if bank != nil {
		if bq, ok := bank.Get(a.QuestionID); ok {
			story.Competencies = append(story.Competencies, bq.Competencies...)
		}
	}
	if a.QuestionID != "" && !a.FollowUp {
		story.UsedFor = []string{a.QuestionID}
	}
	story.Title = suggestTitle(a.Question)
	if a.STAR != nil {
		story.STAR = questions.StoryParts{Situation: a.STAR.Situation, Task: a.STAR.Task, Action: a.STAR.Action, Result: a.STAR.Result}
		return story, nil
	}
	p := star.SplitParts(rubric, a)
	story.STAR = questions.StoryParts{Situation: p.Situation, Task: p.Task, Action: p.Action, Result: p.Result}
	return story, nil
}

// suggestTitle makes a short title from the question a story answered
// ("Tell me about a time you calmed an angry customer." → "Calmed an angry
// customer").
func suggestTitle(question string) string {
	t := strings.TrimSpace(question)
	for _, lead := range []string{"Tell me about a time when you ", "Tell me about a time you ", "Tell me about a time when ", "Tell me about a time ", "Describe a time when you ", "Describe a time you ", "Give me an example of a time you ", "Give an example of a time you "} {
		if rest, ok := strings.CutPrefix(t, lead); ok {
			t = rest
			break
		}
	}
	t = strings.TrimRight(t, ".?! ")
	if t == "" {
		return ""
	}
	return upperFirst(shortenWords(t, 60))
}

// shortenWords cuts s at a word boundary to at most n characters, the
// last one "…".
func shortenWords(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:max(n-1, 1)])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
