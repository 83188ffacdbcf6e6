package coach

import (
	"fmt"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"go.yaml.in/yaml/v3"
)

// setFields are the fields a question set file may hold beside questions
// (`coach set --format yaml` writes them; JSON sets add schema).
var setFields = []string{"version", "schema", "title", "name", "description", "notes", "seed", "company", "made_with", "questions", "questions_to_ask"}

const setShapes = "a question set is a list of question ids, `questions: [ids]`, or a question bank file (as `starprep coach set --format yaml` writes)"

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
//     version: 1                   # a whole question bank, or a set as `coach
//     questions:                   # set --format yaml|json` writes it: its
//
//   - id: shouting-customer    # questions are asked as written there
//     text: ...
//
// Ids are looked up in bank. A written-out question without an example
// answer takes the bank's, so the interview can still show one. Every
// problem (unknown or repeated id, wrong shape) is reported with its line in
// a *yamlfile.Error.
func ParseSet(data []byte, path string, bank *questions.Bank) ([]questions.Question, error) {
	root, list, ps, err := setList(data, path)
	if err != nil {
		return nil, err
	}
	if len(list.Content) > 0 && list.Content[0].Kind == yaml.MappingNode {
		// The questions are written out: read them as a bank, without the
		// set's own fields.
		only := *root
		only.Content = nil
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i].Value; k == "version" || k == "questions" {
				only.Content = append(only.Content, root.Content[i], root.Content[i+1])
			}
		}
		b, err := questions.ParseBankNode(&only, path)
		if err != nil {
			return nil, err
		}
		out := b.Questions
		for i := range out {
			if known, ok := bank.Get(out[i].ID); ok && out[i].Example == "" {
				out[i].Example = known.Example
			}
		}
		return out, nil
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

// setList finds the list of questions in a set file: the root list, or the
// questions of a mapping (whose other fields are checked).
func setList(data []byte, path string) (root, list *yaml.Node, ps *yamlfile.Problems, err error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, nil, nil, err
	}
	ps = &yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "%s", setShapes)
		return nil, nil, nil, ps.Err()
	}
	root = yamlfile.Root(docs[0])
	switch root.Kind {
	case yaml.SequenceNode:
		list = root
	case yaml.MappingNode:
		list = yamlfile.Value(root, "questions")
		if list == nil || list.Kind != yaml.SequenceNode {
			ps.Add(root, "no `questions:` list; %s", setShapes)
			return nil, nil, nil, ps.Err()
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; !contains(setFields, k.Value) {
				ps.Add(k, "unknown field %q in a question set (allowed: title, description, questions)", k.Value)
			}
		}
	default:
		ps.Add(root, "%s", setShapes)
		return nil, nil, nil, ps.Err()
	}
	if len(list.Content) == 0 {
		ps.Add(list, "the question set is empty")
	}
	if err := ps.Err(); err != nil {
		return nil, nil, nil, err
	}
	return root, list, ps, nil
}

// SetIDs reads the question ids a file names, for `coach set --exclude`: a
// question set in any shape ParseSet reads, or a saved interview session
// (its planned questions and those it answered). Ids the bank does not know
// are kept: they simply match nothing.
func SetIDs(data []byte, path string) ([]string, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	if len(docs) == 1 {
		if root := yamlfile.Root(docs[0]); root.Kind == yaml.MappingNode && yamlfile.Value(root, "question_ids") != nil {
			var ids []string
			if planned := yamlfile.Value(root, "question_ids"); planned.Kind == yaml.SequenceNode {
				for _, n := range planned.Content {
					ids = append(ids, n.Value)
				}
			}
			if answers := yamlfile.Value(root, "answers"); answers != nil && answers.Kind == yaml.SequenceNode {
				for _, a := range answers.Content {
					if id := yamlfile.Value(a, "question_id"); id != nil {
						ids = append(ids, id.Value)
					}
				}
			}
			return ids, nil
		}
	}
	_, list, ps, err := setList(data, path)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, item := range list.Content {
		switch item.Kind {
		case yaml.ScalarNode:
			ids = append(ids, strings.TrimSpace(item.Value))
		case yaml.MappingNode:
			if id := yamlfile.Value(item, "id"); id != nil && id.Kind == yaml.ScalarNode {
				ids = append(ids, id.Value)
				continue
			}
			fallthrough
		default:
			ps.Add(item, "expected a question id, or a question with an id")
		}
	}
	return ids, ps.Err()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
