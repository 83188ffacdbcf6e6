package questions

import (
	"fmt"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/yamlfile"
)

// Company is the candidate's research notes on one employer.
type Company struct {
	Name           string      `yaml:"name" json:"name"`
	Slug           string      `yaml:"slug" json:"slug"`
	Industry       string      `yaml:"industry,omitempty" json:"industry,omitempty"`
	Products       []string    `yaml:"products,omitempty" json:"products,omitempty"`
	Values         []string    `yaml:"values,omitempty" json:"values,omitempty"`
	News           []NewsItem  `yaml:"news,omitempty" json:"news,omitempty"`
	Support        SupportInfo `yaml:"support,omitempty" json:"support,omitempty"`
	QuestionsToAsk []string    `yaml:"questions_to_ask,omitempty" json:"questions_to_ask,omitempty"`
	Notes          string      `yaml:"notes,omitempty" json:"notes,omitempty"`
	Sources        []string    `yaml:"sources,omitempty" json:"sources,omitempty"`
}

// NewsItem is one dated piece of company news.
type NewsItem struct {
	Date     string `yaml:"date" json:"date"` // YYYY-MM-DD
	Headline string `yaml:"headline" json:"headline"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
}

// SupportInfo is how the company's customer service works.
type SupportInfo struct {
	Channels []string `yaml:"channels,omitempty" json:"channels,omitempty"`
	Metrics  []string `yaml:"metrics,omitempty" json:"metrics,omitempty"`
}

// ParseCompany reads one company notes file.
func ParseCompany(data []byte, path string) (*Company, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "company notes are one YAML mapping with at least name and slug")
		return nil, ps.Err()
	}
	var c Company
	if err := yamlfile.Strict(docs[0], path, &c); err != nil {
		return nil, err
	}
	root := yamlfile.Root(docs[0])
	if strings.TrimSpace(c.Name) == "" {
		ps.Add(root, "name is missing")
	}
	if !slugRe.MatchString(c.Slug) {
		at := yamlfile.Value(root, "slug")
		if at == nil {
			at = root
		}
		ps.Add(at, "slug %q: use lower-case letters, digits and hyphens (it names the file)", c.Slug)
	}
	if news := yamlfile.Value(root, "news"); news != nil {
		for i, n := range c.News {
			if _, err := time.Parse(time.DateOnly, n.Date); err != nil {
				ps.Add(news.Content[i], "news date %q: write it as YYYY-MM-DD", n.Date)
			}
			if strings.TrimSpace(n.Headline) == "" {
				ps.Add(news.Content[i], "news item has no headline")
			}
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Checklist is the six-step preparation program.
type Checklist struct {
	Version int             `yaml:"version" json:"version"`
	Steps   []ChecklistStep `yaml:"steps" json:"steps"`
}

// ChecklistStep is one step of the program and its checkable items.
type ChecklistStep struct {
	ID    string          `yaml:"id" json:"id"`
	Title string          `yaml:"title" json:"title"`
	Why   string          `yaml:"why,omitempty" json:"why,omitempty"`
	Items []ChecklistItem `yaml:"items" json:"items"`
}

// ChecklistItem is one thing to do.
type ChecklistItem struct {
	ID   string `yaml:"id" json:"id"`
	Text string `yaml:"text" json:"text"`
	Hint string `yaml:"hint,omitempty" json:"hint,omitempty"`
}

// ParseChecklist reads a checklist definition.
func ParseChecklist(data []byte, path string) (*Checklist, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "a checklist is one YAML mapping with version and steps")
		return nil, ps.Err()
	}
	var c Checklist
	if err := yamlfile.Strict(docs[0], path, &c); err != nil {
		return nil, err
	}
	root := yamlfile.Root(docs[0])
	if c.Version != 1 {
		ps.Add(root, "unsupported or missing version (want `version: 1`)")
	}
	steps := yamlfile.Value(root, "steps")
	if len(c.Steps) == 0 {
		ps.Add(root, "no steps")
	}
	seenStep := map[string]bool{}
	for i, s := range c.Steps {
		node := steps.Content[i]
		if !slugRe.MatchString(s.ID) || seenStep[s.ID] {
			ps.Add(node, "step id %q is missing, malformed or repeated", s.ID)
		}
		seenStep[s.ID] = true
		if len(s.Items) == 0 {
			ps.Add(node, "step %q has no items", s.ID)
		}
		seenItem := map[string]bool{}
		items := yamlfile.Value(node, "items")
		for j, it := range s.Items {
			if !slugRe.MatchString(it.ID) || seenItem[it.ID] || strings.TrimSpace(it.Text) == "" {
				ps.Add(items.Content[j], "item %q of step %q: needs a unique id and text", it.ID, s.ID)
			}
			seenItem[it.ID] = true
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// String is a one-line label for a company.
func (c *Company) String() string { return fmt.Sprintf("%s (%s)", c.Name, c.Slug) }
