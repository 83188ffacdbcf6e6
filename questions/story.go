package questions

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Story is a reusable STAR narrative from the candidate's own experience,
// kept in the story bank ($STARPREP_HOME/stories/ID.yaml).
type Story struct {
	// ID is a slug and names the file.
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	// Competencies are what the story proves (slugs, usually the bank's).
	Competencies []string   `yaml:"competencies" json:"competencies"`
	STAR         StoryParts `yaml:"star" json:"star"`
	// UsedFor are the ids of questions the candidate answers with it.
	UsedFor []string `yaml:"used_for,omitempty" json:"used_for,omitempty"`
	// Source is the saved answer the story started from ("SESSION#N").
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
}

// StoryParts are the four parts of a story.
type StoryParts struct {
	Situation string `yaml:"situation" json:"situation"`
	Task      string `yaml:"task" json:"task"`
	Action    string `yaml:"action" json:"action"`
	Result    string `yaml:"result" json:"result"`
}

// StoryPartNames are the parts in STAR order, as the YAML names them.
var StoryPartNames = []string{"situation", "task", "action", "result"}

// Get returns a part by its name ("situation", ...).
func (p StoryParts) Get(name string) string {
	switch name {
	case "situation":
		return p.Situation
	case "task":
		return p.Task
	case "action":
		return p.Action
	case "result":
		return p.Result
	}
	return ""
}

// Set replaces a part by its name.
func (p *StoryParts) Set(name, text string) {
	switch name {
	case "situation":
		p.Situation = text
	case "task":
		p.Task = text
	case "action":
		p.Action = text
	case "result":
		p.Result = text
	}
}

// ParseStory reads one story file strictly. Every problem is reported in one
// *yamlfile.Error with its line.
func ParseStory(data []byte, path string) (*Story, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "a story is one YAML mapping with id, title, competencies and star")
		return nil, ps.Err()
	}
	root := yamlfile.Root(docs[0])
	if root.Kind != yaml.MappingNode {
		ps.Add(root, "a story is a mapping with id, title, competencies and star")
		return nil, ps.Err()
	}
	var s Story
	if err := yamlfile.Strict(docs[0], path, &s); err != nil {
		return nil, err
	}
	at := func(n *yaml.Node) *yaml.Node {
		if n == nil {
			return root
		}
		return n
	}
	for _, p := range StoryProblems(&s) {
		var node *yaml.Node
		switch p.Field {
		case "star":
			node = yamlfile.Value(yamlfile.Value(root, "star"), p.Part)
			if node == nil {
				node = yamlfile.Value(root, "star")
			}
		default:
			node = yamlfile.Value(root, p.Field)
		}
		ps.Add(at(node), "%s", p.Message)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &s, nil
}

// StoryProblem is one thing wrong with a story, by field.
type StoryProblem struct {
	Field   string // id, title, competencies, star or used_for
	Part    string // for star: the part
	Message string
}

// StoryProblems checks a story's content (the same rules for a file and for
// a story typed into a form).
func StoryProblems(s *Story) []StoryProblem {
	var out []StoryProblem
	add := func(field, part, format string, args ...any) {
		out = append(out, StoryProblem{Field: field, Part: part, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case s.ID == "":
		add("id", "", "the story has no id")
	case !ValidSlug(s.ID):
		add("id", "", "id %q: use lower-case letters, digits and single hyphens, at most %d characters (it names the file)", s.ID, MaxSlugLen)
	}
	if strings.TrimSpace(s.Title) == "" {
		add("title", "", "the story has no title")
	}
	if len(s.Competencies) == 0 {
		add("competencies", "", "list at least one competency the story proves (e.g. de-escalation, empathy)")
	}
	for _, c := range s.Competencies {
		if !slugRe.MatchString(c) {
			add("competencies", "", "competency %q: use lower-case words joined by hyphens", c)
		}
	}
	for _, name := range StoryPartNames {
		if strings.TrimSpace(s.STAR.Get(name)) == "" {
			add("star", name, "star.%s is empty: %s", name, PartReminder(name))
		}
	}
	for _, q := range s.UsedFor {
		if !slugRe.MatchString(q) {
			add("used_for", "", "used_for %q: give question ids, as in `starprep questions list`", q)
		}
	}
	return out
}

// PartReminder says in a few words what belongs in a STAR part.
func PartReminder(part string) string {
	switch part {
	case "situation":
		return "where and when it happened, and what was going on"
	case "task":
		return "what you were responsible for"
	case "action":
		return "what you did, step by step"
	case "result":
		return "how it ended, ideally with a number, and what you learned"
	}
	return ""
}

// MarshalStory encodes a story as the YAML a person reads and edits.
func MarshalStory(s *Story) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# A story from your own experience, for starprep's story bank. Edit it with\n")
	buf.WriteString("# `starprep stories edit " + s.ID + "`, which checks the file before saving it.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encode story: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode story: %w", err)
	}
	return buf.Bytes(), nil
}
