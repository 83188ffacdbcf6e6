package questions

import (
	"slices"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Checklist is the six-step preparation program (data/checklist.yaml).
type Checklist struct {
	Version int             `yaml:"version" json:"version"`
	Steps   []ChecklistStep `yaml:"steps" json:"steps"`
}

// Step scopes: whether a step is done once or again for every company.
const (
	ScopePerson  = "person"  // about the candidate: done once (the default)
	ScopeCompany = "company" // about one employer: done again for each company
)

// ChecklistStep is one step of the program and its checkable items.
type ChecklistStep struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Why   string `yaml:"why,omitempty" json:"why,omitempty"`
	// Scope is ScopePerson (empty means the same) or ScopeCompany.
	Scope string          `yaml:"scope,omitempty" json:"scope,omitempty"`
	Items []ChecklistItem `yaml:"items" json:"items"`
}

// PerCompany reports whether the step's progress is kept per company.
func (s ChecklistStep) PerCompany() bool { return s.Scope == ScopeCompany }

// ChecklistItem is one thing to do.
type ChecklistItem struct {
	ID   string `yaml:"id" json:"id"`
	Text string `yaml:"text" json:"text"`
	Hint string `yaml:"hint,omitempty" json:"hint,omitempty"`
	// Command is the starprep command that helps with the item; {{company}}
	// is replaced by the chosen company's slug.
	Command string `yaml:"command,omitempty" json:"command,omitempty"`
	// Evidence, when set, says how the user's own data proves the item
	// done; such items are never ticked by hand.
	Evidence *Evidence `yaml:"evidence,omitempty" json:"evidence,omitempty"`
}

// Evidence is the rule that proves a checklist item from the user's data.
// It is one flat record; each kind uses only some of the fields, and a field
// a kind does not use is an error when the checklist is loaded.
type Evidence struct {
	// Kind is one of EvidenceKinds.
	Kind string `yaml:"kind" json:"kind"`
	// Field is what part of the company notes counts (kind notes): one of
	// NoteFields.
	Field string `yaml:"field,omitempty" json:"field,omitempty"`
	// Min is how many are needed (answers, stories, strengths, asks,
	// notes entries); 0 means 1.
	Min int `yaml:"min,omitempty" json:"min,omitempty"`
	// Categories, Competencies and Questions pick which answers count
	// (kind answers): an answer counts when its question matches any of
	// those given. Competencies are also the themes of kind story-themes.
	Categories   []string `yaml:"categories,omitempty" json:"categories,omitempty"`
	Competencies []string `yaml:"competencies,omitempty" json:"competencies,omitempty"`
	Questions    []string `yaml:"questions,omitempty" json:"questions,omitempty"`
	// Band is the lowest band an answer must reach to count (kind
	// answers): strong, good or needs-work; empty counts any scored answer.
	Band string `yaml:"band,omitempty" json:"band,omitempty"`
	// ForCompany: answers must come from interviews for the chosen company
	// (kind answers); a chosen question must come from the notes or name
	// the company (kind asks).
	ForCompany bool `yaml:"for_company,omitempty" json:"for_company,omitempty"`
}

// Needed is the count the rule asks for (Min, at least 1).
func (e *Evidence) Needed() int { return max(1, e.Min) }

// EvidenceKinds are the kinds of evidence rule, each with the fields it
// takes besides kind.
var EvidenceKinds = map[string][]string{
	"notes":            {"field", "min"},
	"answers":          {"categories", "competencies", "questions", "min", "band", "for_company"},
	"stories":          {"min"},
	"story-themes":     {"competencies"},
	"story-results":    {},
	"strengths":        {"min"},
	"strengths-backed": {},
	"asks":             {"min", "for_company"},
}

// NoteFields are the parts of company notes a notes rule can ask for;
// "saved" means the notes exist in the user's home at all.
var NoteFields = []string{"saved", "products", "values", "news", "channels", "metrics", "sources", "questions"}

// Bands an answers rule may ask for, best first.
var evidenceBands = []string{"strong", "good", "needs-work"}

// ParseChecklist reads a checklist definition. Every problem is reported in
// one *yamlfile.Error with its line.
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
		if s.Scope != "" && s.Scope != ScopePerson && s.Scope != ScopeCompany {
			ps.Add(yamlfile.Value(node, "scope"), "step %q: scope %q is not one of %s, %s", s.ID, s.Scope, ScopePerson, ScopeCompany)
		}
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
			if it.Evidence != nil {
				validateEvidence(&ps, it.Evidence, yamlfile.Value(items.Content[j], "evidence"), s, it)
			}
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

func validateEvidence(ps *yamlfile.Problems, e *Evidence, node *yaml.Node, s ChecklistStep, it ChecklistItem) {
	allowed, ok := EvidenceKinds[e.Kind]
	if !ok {
		kinds := make([]string, 0, len(EvidenceKinds))
		for k := range EvidenceKinds {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		ps.Add(node, "item %q: evidence kind %q is not one of %s", it.ID, e.Kind, strings.Join(kinds, ", "))
		return
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i]
		if key.Value != "kind" && !slices.Contains(allowed, key.Value) {
			ps.Add(key, "item %q: evidence of kind %s does not take %q", it.ID, e.Kind, key.Value)
		}
	}
	if e.Min < 0 {
		ps.Add(yamlfile.Value(node, "min"), "item %q: min must not be negative", it.ID)
	}
	switch e.Kind {
	case "notes":
		if !slices.Contains(NoteFields, e.Field) {
			ps.Add(node, "item %q: notes evidence needs field: one of %s", it.ID, strings.Join(NoteFields, ", "))
		}
		if !s.PerCompany() {
			ps.Add(node, "item %q: notes evidence belongs in a step with scope: company", it.ID)
		}
	case "answers":
		if len(e.Categories)+len(e.Competencies)+len(e.Questions) == 0 {
			ps.Add(node, "item %q: answers evidence needs categories, competencies or questions", it.ID)
		}
		for _, c := range e.Categories {
			if !slices.Contains(Categories, c) {
				ps.Add(yamlfile.Value(node, "categories"), "item %q: unknown category %q", it.ID, c)
			}
		}
		if e.Band != "" && !slices.Contains(evidenceBands, e.Band) {
			ps.Add(yamlfile.Value(node, "band"), "item %q: band %q is not one of %s", it.ID, e.Band, strings.Join(evidenceBands, ", "))
		}
	case "story-themes":
		if len(e.Competencies) == 0 {
			ps.Add(node, "item %q: story-themes evidence needs competencies", it.ID)
		}
	case "asks":
		if e.ForCompany && !s.PerCompany() {
			ps.Add(node, "item %q: for_company needs a step with scope: company", it.ID)
		}
	}
}

// Item returns the step and item with the given ids.
func (c *Checklist) Item(stepID, itemID string) (ChecklistStep, ChecklistItem, bool) {
	for _, s := range c.Steps {
		if s.ID != stepID {
			continue
		}
		for _, it := range s.Items {
			if it.ID == itemID {
				return s, it, true
			}
		}
	}
	return ChecklistStep{}, ChecklistItem{}, false
}

// QuestionRefs lists every question id the evidence rules name, in order,
// so a test can check they all exist in the bank.
func (c *Checklist) QuestionRefs() []string {
	var out []string
	for _, s := range c.Steps {
		for _, it := range s.Items {
			if it.Evidence != nil {
				out = append(out, it.Evidence.Questions...)
			}
		}
	}
	return out
}
