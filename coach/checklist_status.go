package coach

import (
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// ChecklistSchema names the JSON form of ChecklistStatus.
const ChecklistSchema = "starprep.checklist/v1"

// ChecklistStatus is where the candidate stands on the six steps: each
// item done or not, and how that is known.
type ChecklistStatus struct {
	Schema string `json:"schema"`
	// Company is the chosen company's slug ("" for none) and CompanyName
	// its name.
	Company     string       `json:"company,omitempty"`
	CompanyName string       `json:"company_name,omitempty"`
	Done        int          `json:"done"`
	Total       int          `json:"total"`
	Steps       []StepStatus `json:"steps"`
	// Next is the recommended next action; nil when everything is done.
	Next *NextAction `json:"next"`
}

// StepStatus is one step and its items.
type StepStatus struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Why        string       `json:"why,omitempty"`
	PerCompany bool         `json:"per_company"`
	Done       int          `json:"done"`
	Total      int          `json:"total"`
	Items      []ItemStatus `json:"items"`
}

// How an item's state is known.
const (
	ByEvidence = "evidence" // worked out from the user's data
	ByHand     = "hand"     // ticked (or not) by the user
)

// ItemStatus is one item.
type ItemStatus struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Hint string `json:"hint,omitempty"`
	Done bool   `json:"done"`
	By   string `json:"by"`
	// Detail is what the evidence found or lacks, or when it was ticked.
	Detail string `json:"detail,omitempty"`
	// Command does the item (given when it is not done).
	Command string `json:"command,omitempty"`
	// TickedOn is the day a hand item was ticked.
	TickedOn string `json:"ticked_on,omitempty"`
}

// NextAction is what to do next and the command that does it.
type NextAction struct {
	Step    string `json:"step"`
	Item    string `json:"item"`
	Text    string `json:"text"`
	Detail  string `json:"detail,omitempty"`
	Command string `json:"command"`
}

// ChecklistInput is what LoadEvidence needs to gather the user's data.
type ChecklistInput struct {
	Home     string
	Company  string // slug, "" for none
	Bank     *questions.Bank
	Rubric   *star.Rubric
	Examples []*questions.Company
}

// LoadEvidence reads everything the evidence rules look at. A broken
// company, story or progress file stops it with that file's error
// (path:line); sessions that cannot be read are left out and returned as
// warnings, as `starprep progress` does.
func LoadEvidence(in ChecklistInput) (*EvidenceData, []error, error) {
	d := &EvidenceData{CompanySlug: in.Company, Bank: in.Bank, Rubric: in.Rubric}
	companies := CompaniesIn(in.Home, in.Examples...)
	if in.Company != "" {
		e, err := companies.Get(in.Company)
		if err != nil {
			return nil, nil, err
		}
		d.Company = &e
	}
	names, err := yamlNames(companies.Dir)
	if err != nil {
		return nil, nil, err
	}
	for _, n := range names {
		if questions.ValidSlug(n) {
			d.KnownCompanies = append(d.KnownCompanies, n)
		}
	}
	if d.Stories, err = StoriesIn(in.Home).List(); err != nil {
		return nil, nil, err
	}
	if d.Progress, err = LoadChecklistProgress(ChecklistPath(in.Home)); err != nil {
		return nil, nil, err
	}
	sessions, warnings := SessionsDir(in.Home).List()
	d.History = BuildHistory(sessions, in.Bank, in.Rubric, CompanyTermsIn(in.Home, in.Examples...))
	return d, warnings, nil
}

// BuildChecklistStatus works out every item's state.
func BuildChecklistStatus(cl *questions.Checklist, d *EvidenceData) *ChecklistStatus {
	st := &ChecklistStatus{Schema: ChecklistSchema, Company: d.CompanySlug, Steps: []StepStatus{}}
	if d.Company != nil {
		st.CompanyName = d.Company.Name
	}
	for _, step := range cl.Steps {
		ss := StepStatus{ID: step.ID, Title: step.Title, Why: step.Why, PerCompany: step.PerCompany(), Items: []ItemStatus{}}
		for _, it := range step.Items {
			is := itemStatus(step, it, d)
			if is.Done {
				ss.Done++
			} else if st.Next == nil {
				st.Next = &NextAction{Step: step.ID, Item: it.ID, Text: it.Text, Detail: is.Detail, Command: is.Command}
			}
			ss.Total++
			ss.Items = append(ss.Items, is)
		}
		st.Done += ss.Done
		st.Total += ss.Total
		st.Steps = append(st.Steps, ss)
	}
	return st
}

func itemStatus(step questions.ChecklistStep, it questions.ChecklistItem, d *EvidenceData) ItemStatus {
	is := ItemStatus{ID: it.ID, Text: it.Text, Hint: it.Hint}
	if it.Evidence != nil {
		p := compileEvidence(it.Evidence).prove(d)
		is.By, is.Done, is.Detail = ByEvidence, p.Met, p.Detail
		if !p.Met {
			// The rule names the command when it knows a specific one; the
			// item's own command serves otherwise.
			is.Command = p.Command
			if is.Command == "" && it.Command != "" {
				is.Command = fillCommand(it.Command, d.CompanySlug)
			}
			if is.Command == "" {
				is.Command = walkCommand(d.CompanySlug, step)
			}
		}
		return is
	}
	is.By = ByHand
	if on := d.Progress.TickedOn(step, it, d.CompanySlug); on != "" {
		is.Done, is.TickedOn, is.Detail = true, on, "ticked by you on "+on
		return is
	}
	is.Command = walkCommand(d.CompanySlug, step)
	if it.Command != "" {
		is.Command = fillCommand(it.Command, d.CompanySlug)
	}
	return is
}

// walkCommand is the command that ticks items of a step by hand.
func walkCommand(company string, step questions.ChecklistStep) string {
	if company != "" && step.PerCompany() {
		return "starprep checklist --company " + company
	}
	return "starprep checklist"
}

// fillCommand puts the company's slug into an item's command; with no
// company chosen, {{company}} reads SLUG.
func fillCommand(cmd, company string) string {
	if company == "" {
		company = "SLUG"
	}
	return strings.ReplaceAll(cmd, "{{company}}", company)
}

// Step returns the status of the step with that id.
func (s *ChecklistStatus) Step(id string) (StepStatus, bool) {
	for _, st := range s.Steps {
		if st.ID == id {
			return st, true
		}
	}
	return StepStatus{}, false
}

// Item returns the status of one item.
func (s *ChecklistStatus) Item(step, item string) (ItemStatus, bool) {
	st, ok := s.Step(step)
	if !ok {
		return ItemStatus{}, false
	}
	for _, it := range st.Items {
		if it.ID == item {
			return it, true
		}
	}
	return ItemStatus{}, false
}

// Percent is the share of items done, rounded down.
func (s *ChecklistStatus) Percent() int {
	if s.Total == 0 {
		return 0
	}
	return s.Done * 100 / s.Total
}

// Label names the checklist's company for headings.
func (s *ChecklistStatus) Label() string {
	if s.CompanyName != "" {
		return s.CompanyName
	}
	return "no particular company"
}
