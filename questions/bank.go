package questions

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/starprep/starprep/internal/suggest"
	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Categories are the kinds of question, in the order they are listed.
var Categories = []string{"behavioral", "situational", "technical", "motivation", "strengths", "ask"}

// Question is one interview question. The YAML and JSON field names are the
// contract documented in DESIGN.md and the README.
type Question struct {
	// ID is a unique slug ([a-z0-9-]+).
	ID string `yaml:"id" json:"id"`
	// Text is the question as the interviewer asks it; {{company}} is
	// replaced by the chosen company's name.
	Text string `yaml:"text" json:"text"`
	// Category is one of Categories.
	Category string `yaml:"category" json:"category"`
	// Competencies are the skills the question probes (slugs).
	Competencies []string `yaml:"competencies" json:"competencies"`
	// Difficulty runs from 1 (easy) to 3 (hard).
	Difficulty int `yaml:"difficulty" json:"difficulty"`
	// STAR is true when a STAR story is the expected shape of the answer.
	STAR bool `yaml:"star" json:"star"`
	// LookFor is what an interviewer listens for: the hints shown on request.
	LookFor []string `yaml:"look_for" json:"look_for"`
	// Keywords are words a relevant answer is likely to use.
	Keywords []string `yaml:"keywords" json:"keywords"`
	// FollowUps are questions an interviewer may ask next.
	FollowUps []string `yaml:"follow_ups,omitempty" json:"follow_ups"`
	// Example is a strong model answer, shown only after an attempt.
	Example string `yaml:"example,omitempty" json:"example,omitempty"`

	// Source is where the question was defined ("path:line"), for messages.
	Source string `yaml:"-" json:"-"`
}

// Bank is an ordered set of questions with unique ids, and the generic
// follow-ups that fit any story.
type Bank struct {
	Questions []Question
	// GenericFollowUps are follow-up questions that fit any answer, keyed by
	// what the answer lacks (one of Gaps): "result" holds the ones to ask
	// when an answer never says how it ended. The interview picks from them
	// by what the scored answer is missing, before the question's own
	// follow-ups.
	GenericFollowUps map[string][]string
	byID             map[string]int
}

// Gaps are what an answer can lack, the keys of generic_follow_ups, most
// telling first: the interview asks about the first gap an answer has.
var Gaps = []string{
	"real-event", // says what they would do, not what they did
	"result",     // never says how it ended
	"action",     // few or no steps of their own
	"ownership",  // "we" more than "I"
	"measure",    // an ending with no number or concrete feedback
	"task",       // never says what they were responsible for
	"situation",  // never sets the scene
	"lesson",     // nothing learned
	"detail",     // few concrete details: names, numbers, tools, channels
	"any",        // nothing in particular: fits any story
}

type bankFile struct {
	Version          int                 `yaml:"version"`
	Questions        []Question          `yaml:"questions"`
	GenericFollowUps map[string][]string `yaml:"generic_follow_ups"`

	// A question set written by `coach set` is a bank with fields of its
	// own, which a bank ignores; so a set can be validated and merged.
	Schema         string   `yaml:"schema,omitempty"`
	Title          string   `yaml:"title,omitempty"`
	MadeWith       string   `yaml:"made_with,omitempty"`
	Seed           int64    `yaml:"seed,omitempty"`
	Company        string   `yaml:"company,omitempty"`
	QuestionsToAsk []string `yaml:"questions_to_ask,omitempty"`
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ParseBank reads a question bank file. Every problem (syntax, unknown field,
// wrong type, duplicate id, unknown category, out-of-range value, missing
// field) is reported in one *yamlfile.Error, each with its line.
func ParseBank(data []byte, path string) (*Bank, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) == 0 {
		ps.Add(nil, "the file is empty: a bank needs `version: 1` and a `questions:` list")
		return nil, ps.Err()
	}
	if len(docs) > 1 {
		ps.AddLine(docs[1].Line, "a question bank is one YAML document; remove the extra ---")
	}
	return parseBankNode(docs[0], path, &ps)
}

// ParseBankNode reads a bank from a parsed YAML document or mapping (a
// question set file holds one, with fields of its own, which the caller
// takes out first). Problems are reported as ParseBank reports them.
func ParseBankNode(doc *yaml.Node, path string) (*Bank, error) {
	return parseBankNode(doc, path, &yamlfile.Problems{Path: path})
}

func parseBankNode(doc *yaml.Node, path string, ps *yamlfile.Problems) (*Bank, error) {
	root := yamlfile.Root(doc)
	if root.Kind != yaml.MappingNode {
		ps.Add(root, "a question bank is a mapping with `version: 1` and `questions:`")
		return nil, ps.Err()
	}
	var f bankFile
	// On a decoding problem keep going: the rest of the file may have other
	// problems, and a person fixing it wants them all at once.
	strictErr := yamlfile.Strict(doc, path, &f)
	if v := yamlfile.Value(root, "version"); v == nil {
		ps.Add(root, "missing `version: 1` at the top of the file")
	} else if f.Version != 1 {
		ps.Add(v, "unsupported version %d (this starprep reads version 1)", f.Version)
	}
	validateGenericFollowUps(ps, f.GenericFollowUps, yamlfile.Value(root, "generic_follow_ups"))
	qs := yamlfile.Value(root, "questions")
	if qs == nil || len(f.Questions) == 0 {
		if len(f.GenericFollowUps) > 0 && strictErr == nil && ps.Len() == 0 {
			// A bank of generic follow-ups only, to merge over another.
			return &Bank{GenericFollowUps: f.GenericFollowUps, byID: map[string]int{}}, nil
		}
		if strictErr == nil {
			ps.Add(root, "no questions: add a `questions:` list")
		}
		ps.Merge(strictErr)
		return nil, ps.Err()
	}
	seen := map[string]int{}
	for i := range f.Questions {
		if i >= len(qs.Content) {
			break
		}
		q := &f.Questions[i]
		node := qs.Content[i]
		q.Source = fmt.Sprintf("%s:%d", path, node.Line)
		validateQuestion(ps, q, node)
		if first, dup := seen[q.ID]; dup && q.ID != "" {
			ps.Add(yamlfile.Value(node, "id"), "duplicate id %q (first defined at line %d)", q.ID, first)
		} else {
			seen[q.ID] = node.Line
		}
	}
	ps.DropLinesOf(strictErr)
	ps.Merge(strictErr)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	b := NewBank(f.Questions)
	b.GenericFollowUps = f.GenericFollowUps
	return b, nil
}

// validateGenericFollowUps checks the generic_follow_ups mapping: every key
// one of Gaps, every entry a non-empty question.
func validateGenericFollowUps(ps *yamlfile.Problems, m map[string][]string, node *yaml.Node) {
	if node == nil || node.Kind != yaml.MappingNode {
		return // absent, or a wrong type the decoder reports
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if !slices.Contains(Gaps, k.Value) {
			msg := fmt.Sprintf("generic_follow_ups: unknown gap %q (one of %s)", k.Value, strings.Join(Gaps, ", "))
			if near := suggest.Closest(k.Value, Gaps); near != "" {
				msg = fmt.Sprintf("generic_follow_ups: unknown gap %q (did you mean %q?)", k.Value, near)
			}
			ps.Add(k, "%s", msg)
			continue
		}
		if v.Kind != yaml.SequenceNode {
			continue // the decoder reports the wrong type
		}
		if len(m[k.Value]) == 0 {
			ps.Add(v, "generic_follow_ups: %s has no follow-ups; list at least one, or remove the key", k.Value)
		}
		for j, text := range m[k.Value] {
			if strings.TrimSpace(text) == "" && j < len(v.Content) {
				ps.Add(v.Content[j], "generic_follow_ups: %s has an empty entry", k.Value)
			}
		}
	}
}

func validateQuestion(ps *yamlfile.Problems, q *Question, node *yaml.Node) {
	at := func(key string) *yaml.Node {
		if v := yamlfile.Value(node, key); v != nil {
			return v
		}
		return node
	}
	name := q.ID
	if name == "" {
		name = "question"
	}
	switch {
	case q.ID == "":
		ps.Add(node, "question has no id")
	case !slugRe.MatchString(q.ID):
		ps.Add(at("id"), "id %q: use lower-case letters, digits and single hyphens (e.g. angry-customer)", q.ID)
	}
	if strings.TrimSpace(q.Text) == "" {
		ps.Add(at("text"), "%s: text is missing", name)
	}
	if !slices.Contains(Categories, q.Category) {
		if q.Category == "" {
			ps.Add(node, "%s: category is missing (one of %s)", name, strings.Join(Categories, ", "))
		} else {
			ps.Add(at("category"), "%s: unknown category %q (one of %s)", name, q.Category, strings.Join(Categories, ", "))
		}
	}
	if d := yamlfile.Value(node, "difficulty"); d != nil && d.Tag != "!!int" {
		// a wrong type, already reported by the decoder
	} else if q.Difficulty < 1 || q.Difficulty > 3 {
		ps.Add(at("difficulty"), "%s: difficulty %d is out of range (1 easy .. 3 hard)", name, q.Difficulty)
	}
	if len(q.Competencies) == 0 {
		ps.Add(at("competencies"), "%s: list at least one competency", name)
	}
	for _, c := range q.Competencies {
		if !slugRe.MatchString(c) {
			ps.Add(at("competencies"), "%s: competency %q: use lower-case words joined by hyphens", name, c)
		}
	}
	if q.STAR && q.Category == "ask" {
		ps.Add(at("star"), "%s: an `ask` question is asked by the candidate and cannot expect a STAR answer", name)
	}
	for _, list := range []struct {
		key  string
		vals []string
	}{{"look_for", q.LookFor}, {"keywords", q.Keywords}, {"follow_ups", q.FollowUps}} {
		for _, v := range list.vals {
			if strings.TrimSpace(v) == "" {
				ps.Add(at(list.key), "%s: %s has an empty entry", name, list.key)
			}
		}
	}
}

// NewBank builds a bank from questions whose ids are already unique.
func NewBank(qs []Question) *Bank {
	b := &Bank{Questions: qs, byID: make(map[string]int, len(qs))}
	for i, q := range qs {
		b.byID[q.ID] = i
	}
	return b
}

// Get returns the question with the given id.
func (b *Bank) Get(id string) (Question, bool) {
	i, ok := b.byID[id]
	if !ok {
		return Question{}, false
	}
	return b.Questions[i], true
}

// Merge returns a new bank: b's questions with those of over replacing the
// ones of the same id in place, and over's new questions added at the end.
// Generic follow-ups merge by gap: over's list for a gap replaces b's.
func (b *Bank) Merge(over *Bank) *Bank {
	merged := b.mergeQuestions(over)
	if len(b.GenericFollowUps)+len(over.GenericFollowUps) > 0 {
		merged.GenericFollowUps = map[string][]string{}
		for k, v := range b.GenericFollowUps {
			merged.GenericFollowUps[k] = v
		}
		for k, v := range over.GenericFollowUps {
			merged.GenericFollowUps[k] = v
		}
	}
	return merged
}

func (b *Bank) mergeQuestions(over *Bank) *Bank {
	qs := slices.Clone(b.Questions)
	byID := make(map[string]int, len(qs))
	for i, q := range qs {
		byID[q.ID] = i
	}
	for _, q := range over.Questions {
		if i, ok := byID[q.ID]; ok {
			qs[i] = q
			continue
		}
		byID[q.ID] = len(qs)
		qs = append(qs, q)
	}
	return NewBank(qs)
}

// IDs returns every question id, in bank order.
func (b *Bank) IDs() []string {
	ids := make([]string, len(b.Questions))
	for i, q := range b.Questions {
		ids[i] = q.ID
	}
	return ids
}

// Competencies returns every competency used in the bank, sorted.
func (b *Bank) Competencies() []string {
	set := map[string]bool{}
	for _, q := range b.Questions {
		for _, c := range q.Competencies {
			set[c] = true
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Closest returns known ids that look like id, for "did you mean" hints.
func (b *Bank) Closest(id string) []string {
	var out []string
	for _, q := range b.Questions {
		if strings.Contains(q.ID, id) || strings.Contains(id, q.ID) || suggest.Distance(q.ID, id) <= 2 {
			out = append(out, q.ID)
		}
	}
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// Fill replaces {{company}} in a question's text with the company name, or
// with "this company" when none is given.
func Fill(text, company string) string {
	if company == "" {
		company = "this company"
	}
	return strings.ReplaceAll(text, "{{company}}", company)
}

// hypotheticalRe finds a question about what the candidate would do rather
// than what they did: "What would you do if ...", "What if ...".
var hypotheticalRe = regexp.MustCompile(`(?i)\b(would|could|should|might) you\b|\bwhat if\b|\bif you (had|were|could)\b|\b(imagine|suppose)\b|\bwould you have\b`)

// storyRe finds a question that asks for a new story of its own.
var storyRe = regexp.MustCompile(`(?i)\b(tell me about|describe|give (me )?an example of|walk me through) (a|an|another|one)( [a-z]+)? (time|occasion|situation|example|case)\b|\bhave you ever\b`)

// AsksHypothetical reports whether a question asks what the candidate would
// do ("What would you have done if ...?"): its answer is a short plan, not
// a story.
func AsksHypothetical(text string) bool { return hypotheticalRe.MatchString(text) }

// AsksForStory reports whether a question asks for a story of its own
// ("Tell me about a time ...").
func AsksForStory(text string) bool { return storyRe.MatchString(text) && !AsksHypothetical(text) }

// Lookup finds questions in a bank file without parsing all of it, for a
// command that needs only a few (score, review): the file is cut where
// each question starts ("  - id: ..." under `questions:`, as the embedded
// bank is laid out) and a question is parsed, strictly, the first time it
// is asked for. It is safe for concurrent use.
type Lookup struct {
	data  []byte
	path  string
	spans map[string]lookupSpan
	mu    sync.Mutex
	done  map[string]lookupResult
}

type lookupSpan struct{ start, end, line int }

type lookupResult struct {
	q   Question
	err error
}

// NewLookup indexes a bank file laid out as the embedded one is. It returns
// an error when the file is not laid out so; ParseBank reads any bank.
func NewLookup(data []byte, path string) (*Lookup, error) {
	l := &Lookup{data: data, path: path, spans: map[string]lookupSpan{}, done: map[string]lookupResult{}}
	const item = "  - id: "
	start := bytes.Index(data, []byte("\nquestions:\n"))
	if start < 0 || !bytes.HasPrefix(data, []byte("version: 1\n")) && !bytes.Contains(data[:start+1], []byte("\nversion: 1\n")) {
		return nil, fmt.Errorf("%s: not a bank laid out as version: 1, then questions:", path)
	}
	pos := start + len("\nquestions:\n")
	line := bytes.Count(data[:pos], []byte("\n")) + 1
	cur := ""
	for pos < len(data) {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		}
		text := data[pos : pos+end]
		switch {
		case bytes.HasPrefix(text, []byte(item)):
			id := string(bytes.TrimSpace(text[len(item):]))
			if _, dup := l.spans[id]; dup || !slugRe.MatchString(id) {
				return nil, fmt.Errorf("%s:%d: question id %q repeated or not a plain slug", path, line, id)
			}
			if cur != "" {
				s := l.spans[cur]
				s.end = pos
				l.spans[cur] = s
			}
			cur = id
			l.spans[id] = lookupSpan{start: pos, end: len(data), line: line}
		case len(text) > 0 && text[0] != ' ' && text[0] != '#':
			// Only the bank's generic follow-ups may come after the questions.
			if !bytes.HasPrefix(text, []byte("generic_follow_ups:")) {
				return nil, fmt.Errorf("%s:%d: something other than questions after questions:", path, line)
			}
			if cur != "" {
				s := l.spans[cur]
				s.end = pos
				l.spans[cur] = s
			}
			pos = len(data)
			continue
		case cur == "" && len(bytes.TrimSpace(text)) > 0 && !bytes.HasPrefix(bytes.TrimSpace(text), []byte("#")):
			return nil, fmt.Errorf("%s:%d: a question that does not start with its id", path, line)
		}
		pos += end + 1
		line++
	}
	if len(l.spans) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return l, nil
}

// Get returns the question with the given id; false when the bank has
// none. A problem in that question's text is an error.
func (l *Lookup) Get(id string) (Question, bool, error) {
	span, ok := l.spans[id]
	if !ok {
		return Question{}, false, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.done[id]; ok {
		return r.q, true, r.err
	}
	// A bank of this one question, with its lines where they are in the file.
	doc := append(bytes.Repeat([]byte("\n"), span.line-3), "version: 1\nquestions:\n"...)
	doc = append(doc, l.data[span.start:span.end]...)
	var r lookupResult
	b, err := ParseBank(doc, l.path)
	switch {
	case err != nil:
		r.err = err
	case len(b.Questions) != 1 || b.Questions[0].ID != id:
		r.err = fmt.Errorf("%s:%d: question %q could not be read on its own", l.path, span.line, id)
	default:
		r.q = b.Questions[0]
	}
	l.done[id] = r
	return r.q, true, r.err
}

// Len is how many questions the bank holds.
func (l *Lookup) Len() int { return len(l.spans) }
