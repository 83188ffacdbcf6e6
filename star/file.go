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
			if !strictYAML {
				// Prose: keep it exactly as written ("ticket #4821" is not a comment).
				return []Item{{Line: 1, Answer: Answer{Text: string(data)}}}, nil
			}
			if len(docs) > 1 {
				return nil, &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: root.Line, Message: "expected an answer (a mapping with text: or star:), found plain text"}}}
			}
			items = append(items, Item{Line: root.Line, Answer: Answer{Text: root.Value}})
		case yaml.SequenceNode:
			if !strictYAML && !allMappings(root) {
				return []Item{{Line: 1, Answer: Answer{Text: string(data)}}}, nil // a bullet list of prose
			}
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

func allMappings(seq *yaml.Node) bool {
	for _, n := range seq.Content {
		if n.Kind != yaml.MappingNode || !hasAnyKey(n, answerKeys) {
			return false
		}
	}
	return len(seq.Content) > 0
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
	lineOf := func(off int) int { return bytes.Count(data[:min(max(off, 0), len(data))], []byte("\n")) + 1 }
	fail := func(err error, base int) error {
		line := 0
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = lineOf(base + int(se.Offset))
		case errors.As(err, &te):
			line = lineOf(base + int(te.Offset))
		default:
			// encoding/json gives no position for an unknown field: find it.
			if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
				if at := bytes.Index(data[base:], []byte(f+":")); at >= 0 {
					line = lineOf(base + at)
				} else if at := bytes.Index(data[base:], []byte(f)); at >= 0 {
					line = lineOf(base + at)
				}
			}
		}
		return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: line, Message: jsonMessage(err)}}}
	}
	decodeAt := func(raw []byte, base int, v any) error {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			return fail(err, base)
		}
		if dec.More() {
			return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: lineOf(base + int(dec.InputOffset())), Message: "more than one JSON value: use a .jsonl file for one answer per line"}}}
		}
		return nil
	}
	// items decodes a list of raw answers, each with the line it starts on.
	items := func(raws []json.RawMessage) ([]Item, error) {
		out := make([]Item, len(raws))
		cursor := 0
		for i, raw := range raws {
			base := cursor
			if at := bytes.Index(data[cursor:], raw); at >= 0 {
				base = cursor + at
				cursor = base + len(raw)
			}
			if err := decodeAt(raw, base, &out[i].Answer); err != nil {
				return nil, err
			}
			out[i].Line = lineOf(base)
		}
		return out, nil
	}
	if trimmed[0] == '[' {
		var raws []json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, fail(err, 0)
		}
		return items(raws)
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fail(err, 0)
	}
	if rawAnswers, ok := probe["answers"]; ok {
		var s Session
		if err := decodeAt(data, 0, &s); err != nil {
			return nil, err
		}
		var raws []json.RawMessage
		if err := json.Unmarshal(rawAnswers, &raws); err != nil {
			return nil, fail(err, 0)
		}
		list, err := items(raws)
		if err != nil {
			return nil, err
		}
		for i := range list {
			if list[i].Answer.Company == "" {
				list[i].Answer.Company = s.Company
			}
		}
		return list, nil
	}
	var a Answer
	if err := decodeAt(data, 0, &a); err != nil {
		return nil, err
	}
	return []Item{{Line: lineOf(bytes.IndexByte(data, '{')), Answer: a}}, nil
}

// jsonMessage rewords encoding/json's errors for a person.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := map[string]string{"string": "text", "int": "a whole number", "bool": "true or false",
			"time.Time": "a time such as 2026-11-22T10:15:03Z"}[te.Type.String()]
		if want == "" {
			want = "a " + te.Type.Kind().String()
			if strings.HasPrefix(te.Type.String(), "[]") {
				want = "a list"
			} else if te.Type.Kind().String() == "struct" || te.Type.Kind().String() == "ptr" {
				want = "an object"
			}
		}
		field := te.Field
		if field == "" {
			field = "value"
		}
		return fmt.Sprintf("field %s: expected %s, found a JSON %s", field, want, te.Value)
	}
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
