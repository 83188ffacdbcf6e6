package star

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Item is one answer read from a file, with where it came from
// ("answers/mon.yaml#2"; the #N only when the file holds several).
type Item struct {
	Source string
	Line   int
	Answer Answer
}

// answerKeys are the fields that make a YAML mapping an answer or a session
// rather than plain text that happens to contain a colon ("Situation: ...").
var answerKeys = []string{"id", "question_id", "question", "text", "star", "answers", "answered_at"}

// ParseAnswers reads the answers in one file. The forms (DESIGN.md): a YAML
// file with one answer, a list of answers, several documents, or a saved
// session (answers: [...]); a .json file with an answer, a list or a
// session; a .jsonl file (or JSON lines on stdin) with one answer object per
// line; anything else is one free-text answer. path "-" means standard
// input and is named "stdin" in messages. Problems come back as one
// *yamlfile.Error naming the file and line.
func ParseAnswers(data []byte, path string) ([]Item, error) {
	name := path
	if path == "-" {
		name = "stdin"
	}
	trimmed := bytes.TrimSpace(data)
	ext := strings.ToLower(filepath.Ext(path))
	var items []Item
	var err error
	switch {
	case len(trimmed) == 0:
		return nil, &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Message: "no answer in the file (it is empty)"}}}
	case ext == ".jsonl" || (path == "-" && trimmed[0] == '{' && bytes.Contains(trimmed, []byte("}\n"))):
		items, err = parseJSONLines(data, name)
	case ext == ".json" || (path == "-" && (trimmed[0] == '{' || trimmed[0] == '[')):
		items, err = parseJSON(data, name)
	case ext == ".yaml" || ext == ".yml" || path == "-" || ext == "":
		items, err = parseYAMLAnswers(data, name, ext == ".yaml" || ext == ".yml")
	default:
		items = []Item{{Source: name, Line: 1, Answer: Answer{Text: string(data)}}}
	}
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Message: "no answer in the file (only comments or empty documents)"}}}
	}
	ps := yamlfile.Problems{Path: name}
	for i := range items {
		if len(items) > 1 {
			items[i].Source = fmt.Sprintf("%s#%d", name, i+1)
		} else {
			items[i].Source = name
		}
		if items[i].Answer.Empty() && !items[i].Answer.Skipped {
			ps.AddLine(items[i].Line, "answer %d has no words: give it `text:` or `star:` parts", i+1)
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

func parseYAMLAnswers(data []byte, name string, strictYAML bool) ([]Item, error) {
	docs, err := yamlfile.Documents(data, name)
	if err != nil {
		if !strictYAML {
			return []Item{{Line: 1, Answer: Answer{Text: string(data)}}}, nil // plain text, not YAML
		}
		return nil, err
	}
	var items []Item
	for _, doc := range docs {
		root := yamlfile.Root(doc)
		switch root.Kind {
		case yaml.ScalarNode:
			if strictYAML && len(docs) > 1 {
				return nil, &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: root.Line, Message: "expected an answer (a mapping with text: or star:), found plain text"}}}
			}
			items = append(items, Item{Line: root.Line, Answer: Answer{Text: root.Value}})
		case yaml.SequenceNode:
			var list []Answer
			if err := yamlfile.Strict(doc, name, &list); err != nil {
				return nil, err
			}
			for i, a := range list {
				items = append(items, Item{Line: root.Content[i].Line, Answer: a})
			}
		case yaml.MappingNode:
			if !hasAnyKey(root, answerKeys) {
				if strictYAML {
					return nil, &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: root.Line, Message: "not an answer: expected fields such as question_id, text or star"}}}
				}
				return []Item{{Line: 1, Answer: Answer{Text: string(data)}}}, nil // "Situation: ..." prose
			}
			if yamlfile.Value(root, "answers") != nil {
				var s Session
				if err := yamlfile.Strict(doc, name, &s); err != nil {
					return nil, err
				}
				list := yamlfile.Value(root, "answers")
				for i, a := range s.Answers {
					if a.Company == "" {
						a.Company = s.Company
					}
					items = append(items, Item{Line: list.Content[i].Line, Answer: a})
				}
				continue
			}
			var a Answer
			if err := yamlfile.Strict(doc, name, &a); err != nil {
				return nil, err
			}
			items = append(items, Item{Line: root.Line, Answer: a})
		}
	}
	return items, nil
}

func hasAnyKey(m *yaml.Node, keys []string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		for _, k := range keys {
			if m.Content[i].Value == k {
				return true
			}
		}
	}
	return false
}

func parseJSONLines(data []byte, name string) ([]Item, error) {
	var items []Item
	ps := yamlfile.Problems{Path: name}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var a Answer
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			ps.AddLine(line, "%s", jsonMessage(err))
			continue
		}
		items = append(items, Item{Line: line, Answer: a})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

func parseJSON(data []byte, name string) ([]Item, error) {
	trimmed := bytes.TrimSpace(data)
	lineAt := func(err error) int {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		off := int64(-1)
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		}
		if off < 0 {
			return 0
		}
		return bytes.Count(data[:min(int(off), len(data))], []byte("\n")) + 1
	}
	fail := func(err error) error {
		return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: lineAt(err), Message: jsonMessage(err)}}}
	}
	strict := func(v any) error {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			return err
		}
		if dec.More() {
			return errors.New("more than one JSON value: use a .jsonl file for one answer per line")
		}
		return nil
	}
	if trimmed[0] == '[' {
		var list []Answer
		if err := strict(&list); err != nil {
			return nil, fail(err)
		}
		items := make([]Item, len(list))
		for i, a := range list {
			items[i] = Item{Answer: a}
		}
		return items, nil
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fail(err)
	}
	if _, ok := probe["answers"]; ok {
		var s Session
		if err := strict(&s); err != nil {
			return nil, fail(err)
		}
		items := make([]Item, len(s.Answers))
		for i, a := range s.Answers {
			items[i] = Item{Answer: a}
		}
		return items, nil
	}
	var a Answer
	if err := strict(&a); err != nil {
		return nil, fail(err)
	}
	return []Item{{Line: 1, Answer: a}}, nil
}

// jsonMessage rewords encoding/json's errors for a person.
func jsonMessage(err error) string {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + f + " (see the answer format in the README)"
	}
	return strings.TrimPrefix(msg, "json: ")
}

// ReadAnswers reads all of r and parses it with ParseAnswers.
func ReadAnswers(r io.Reader, path string) ([]Item, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ParseAnswers(data, path)
}
