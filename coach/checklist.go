package coach

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"go.yaml.in/yaml/v3"
)

// ChecklistProgress is what the user has done of the preparation checklist
// ($STARPREP_HOME/checklist.yaml): items ticked by hand, the strengths they
// claim and the questions they chose to ask. Items proved by evidence are
// worked out afresh each time and not stored.
type ChecklistProgress struct {
	Version int `yaml:"version"`
	// Strengths are the competencies the candidate claims (step 2).
	Strengths []string `yaml:"strengths,omitempty"`
	// Ticked holds items of the steps about the person, "step/item" to the
	// day it was ticked (YYYY-MM-DD).
	Ticked map[string]string `yaml:"ticked,omitempty"`
	// Companies holds the steps about one employer, per company slug.
	Companies map[string]*CompanyProgress `yaml:"companies,omitempty"`
	// General holds those steps when no company was chosen.
	General *CompanyProgress `yaml:"general,omitempty"`
}

// CompanyProgress is the progress on the steps done once per company.
type CompanyProgress struct {
	Ticked map[string]string `yaml:"ticked,omitempty"`
	// Asks are the questions chosen to ask the interviewer, in order.
	Asks []AskChoice `yaml:"asks,omitempty"`
}

// AskChoice is one question the candidate chose to ask.
type AskChoice struct {
	Text string `yaml:"text" json:"text"`
	// ID is the bank question it came from, if any.
	ID string `yaml:"id,omitempty" json:"id,omitempty"`
	// From is where it came from: bank, notes or own.
	From string `yaml:"from" json:"from"`
}

// Where a question to ask came from.
const (
	FromBank  = "bank"
	FromNotes = "notes"
	FromOwn   = "own"
)

// ChecklistPath is the progress file under a user-data directory.
func ChecklistPath(home string) string { return filepath.Join(home, "checklist.yaml") }

// LoadChecklistProgress reads the progress file; a missing file is empty
// progress. A broken one comes back as a *yamlfile.Error and must not be
// overwritten.
func LoadChecklistProgress(path string) (*ChecklistProgress, error) {
	raw, ok, err := readOptional(path, "checklist progress")
	if err != nil {
		return nil, err
	}
	if !ok {
		return &ChecklistProgress{Version: 1}, nil
	}
	return ParseChecklistProgress(raw, path)
}

// ParseChecklistProgress reads progress strictly.
func ParseChecklistProgress(raw []byte, path string) (*ChecklistProgress, error) {
	docs, err := yamlfile.Documents(raw, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) == 0 {
		return &ChecklistProgress{Version: 1}, nil
	}
	if len(docs) > 1 {
		ps.AddLine(docs[1].Line, "the checklist progress is one YAML document; remove the extra ---")
		return nil, ps.Err()
	}
	root := yamlfile.Root(docs[0])
	if root.Kind != yaml.MappingNode {
		ps.Add(root, "the checklist progress is a mapping with version, ticked and companies")
		return nil, ps.Err()
	}
	var p ChecklistProgress
	if err := yamlfile.Strict(docs[0], path, &p); err != nil {
		return nil, err
	}
	if p.Version != 1 {
		at := yamlfile.Value(root, "version")
		if at == nil {
			at = root
		}
		ps.Add(at, "unsupported or missing version (want `version: 1`)")
	}
	for _, s := range p.Strengths {
		if !questions.ValidSlug(s) {
			ps.Add(yamlfile.Value(root, "strengths"), "strength %q: use lower-case words joined by hyphens, like the bank's competencies", s)
		}
	}
	checkTicked(&ps, p.Ticked, yamlfile.Value(root, "ticked"))
	checkCompany := func(cp *CompanyProgress, node *yaml.Node) {
		if cp == nil {
			return
		}
		checkTicked(&ps, cp.Ticked, yamlfile.Value(node, "ticked"))
		asks := yamlfile.Value(node, "asks")
		for i, a := range cp.Asks {
			at := asks
			if at != nil && i < len(at.Content) {
				at = at.Content[i]
			}
			if strings.TrimSpace(a.Text) == "" {
				ps.Add(at, "a question to ask has no text")
			}
			if a.From != FromBank && a.From != FromNotes && a.From != FromOwn {
				ps.Add(at, "from %q: use bank, notes or own", a.From)
			}
		}
	}
	companies := yamlfile.Value(root, "companies")
	for _, slug := range slices.Sorted(maps.Keys(p.Companies)) {
		node := yamlfile.Value(companies, slug)
		if !questions.ValidSlug(slug) {
			ps.Add(node, "company %q: not a company slug", slug)
		}
		checkCompany(p.Companies[slug], node)
	}
	checkCompany(p.General, yamlfile.Value(root, "general"))
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &p, nil
}

func checkTicked(ps *yamlfile.Problems, ticked map[string]string, node *yaml.Node) {
	for _, key := range slices.Sorted(maps.Keys(ticked)) {
		at := yamlfile.Value(node, key)
		step, item, ok := strings.Cut(key, "/")
		if !ok || !questions.ValidSlug(step) || !questions.ValidSlug(item) {
			ps.Add(at, "ticked item %q: write it as step/item, as in the checklist", key)
		}
		if _, err := time.Parse(time.DateOnly, ticked[key]); err != nil {
			ps.Add(at, "ticked on %q: write the day as YYYY-MM-DD", ticked[key])
		}
	}
}

// Save writes the progress atomically.
func (p *ChecklistProgress) Save(path string) error {
	var buf bytes.Buffer
	buf.WriteString("# Your progress through the starprep preparation checklist: what you ticked\n")
	buf.WriteString("# by hand (step/item: day), your strengths and the questions you chose to ask.\n")
	buf.WriteString("# `starprep checklist` updates it; `starprep checklist status` shows it.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	p.Version = 1
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("encode checklist progress: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode checklist progress: %w", err)
	}
	return writePrivate(filepath.Dir(path), path, buf.Bytes())
}

// ForCompany returns the per-company progress for slug ("" for the
// general one), creating it when create is set; nil otherwise when absent.
func (p *ChecklistProgress) ForCompany(slug string, create bool) *CompanyProgress {
	if slug == "" {
		if p.General == nil && create {
			p.General = &CompanyProgress{}
		}
		return p.General
	}
	cp := p.Companies[slug]
	if cp == nil && create {
		if p.Companies == nil {
			p.Companies = map[string]*CompanyProgress{}
		}
		cp = &CompanyProgress{}
		p.Companies[slug] = cp
	}
	return cp
}

// ticked returns the map holding hand ticks for a step, creating it when
// create is set.
func (p *ChecklistProgress) ticked(step questions.ChecklistStep, company string, create bool) map[string]string {
	if !step.PerCompany() {
		if p.Ticked == nil && create {
			p.Ticked = map[string]string{}
		}
		return p.Ticked
	}
	cp := p.ForCompany(company, create)
	if cp == nil {
		return nil
	}
	if cp.Ticked == nil && create {
		cp.Ticked = map[string]string{}
	}
	return cp.Ticked
}

// TickedOn is the day an item was ticked by hand, "" when it was not.
func (p *ChecklistProgress) TickedOn(step questions.ChecklistStep, item questions.ChecklistItem, company string) string {
	return p.ticked(step, company, false)[step.ID+"/"+item.ID]
}

// SetTicked ticks (on is a YYYY-MM-DD day) or unticks (on is "") an item.
func (p *ChecklistProgress) SetTicked(step questions.ChecklistStep, item questions.ChecklistItem, company, on string) {
	key := step.ID + "/" + item.ID
	if on == "" {
		delete(p.ticked(step, company, false), key)
		return
	}
	p.ticked(step, company, true)[key] = on
}

// Asks are the questions chosen to ask for a company ("" for none chosen).
func (p *ChecklistProgress) Asks(company string) []AskChoice {
	if cp := p.ForCompany(company, false); cp != nil {
		return cp.Asks
	}
	return nil
}

// SetAsks replaces the questions chosen for a company.
func (p *ChecklistProgress) SetAsks(company string, asks []AskChoice) {
	p.ForCompany(company, true).Asks = asks
}
