package coach

import (
	"fmt"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"go.yaml.in/yaml/v3"
)

// ParseSet reads a question set, the list of questions a coach wants asked,
// in order. Three shapes are accepted:
//
//   - shouting-customer          # a YAML list of question ids
//
//   - late-refund
//
//     title: Tuesday class         # a mapping with the ids under questions
//     questions: [shouting-customer, late-refund]
//
//     version: 1                   # a whole question bank (as `coach set
//     questions:                   # --format yaml` writes it): its questions
//
//   - id: shouting-customer    # are asked as written there
//     text: ...
//
// Ids are looked up in bank. Every problem (unknown or repeated id, wrong
// shape) is reported with its line in a *yamlfile.Error.
func ParseSet(data []byte, path string, bank *questions.Bank) ([]questions.Question, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	const shapes = "a question set is a list of question ids, `questions: [ids]`, or a question bank file"
	if len(docs) != 1 {
		ps.Add(nil, "%s", shapes)
		return nil, ps.Err()
	}
	root := yamlfile.Root(docs[0])
	var list *yaml.Node
	switch root.Kind {
	case yaml.SequenceNode:
		list = root
	case yaml.MappingNode:
		list = yamlfile.Value(root, "questions")
		if list == nil || list.Kind != yaml.SequenceNode {
			ps.Add(root, "no `questions:` list; %s", shapes)
			return nil, ps.Err()
		}
		if len(list.Content) > 0 && list.Content[0].Kind == yaml.MappingNode {
			b, err := questions.ParseBank(data, path)
			if err != nil {
				return nil, err
			}
			return b.Questions, nil
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			switch k := root.Content[i]; k.Value {
			case "questions", "version", "title", "name", "description", "notes":
			default:
				ps.Add(k, "unknown field %q in a question set (allowed: title, description, questions)", k.Value)
			}
		}
	default:
		ps.Add(root, "%s", shapes)
		return nil, ps.Err()
	}
	if len(list.Content) == 0 {
		ps.Add(list, "the question set is empty")
	}
	var out []questions.Question
	seen := map[string]int{}
	for _, item := range list.Content {
		if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
			ps.Add(item, "expected a question id, such as shouting-customer")
			continue
		}
		id := strings.TrimSpace(item.Value)
		if first, dup := seen[id]; dup {
			ps.Add(item, "question %q is listed twice (first at line %d)", id, first)
			continue
		}
		seen[id] = item.Line
		q, ok := bank.Get(id)
		if !ok {
			msg := fmt.Sprintf("unknown question id %q", id)
			if near := bank.Closest(id); len(near) > 0 {
				msg += " (did you mean " + strings.Join(near, ", ") + "?)"
			}
			ps.Add(item, "%s", msg)
			continue
		}
		out = append(out, q)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
