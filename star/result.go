package star

import "slices"

// Schema names of the JSON contract (DESIGN.md "Score result").
const (
	ScoreSchema  = "starprep.score/v1"
	ReviewSchema = "starprep.review/v1"
)

// Components are the four STAR parts, in order.
var Components = []string{"situation", "task", "action", "result"}

// Bands, from best to worst.
const (
	BandStrong     = "strong"
	BandGood       = "good"
	BandNeedsWork  = "needs-work"
	BandIncomplete = "incomplete"
)

// Result is the score of one answer. Its JSON form is a public contract.
type Result struct {
	Schema     string `json:"schema"`
	Source     string `json:"source,omitempty"`
	ID         string `json:"id,omitempty"`
	QuestionID string `json:"question_id,omitempty"`
	Score      int    `json:"score"`
	Band       string `json:"band"`
	Words      int    `json:"words"`
	// Kind is the feedback card used: star, plan, motivation, strengths,
	// direct or follow-up (see Card*).
	Kind string `json:"kind,omitempty"`
	// Components are the four STAR parts, for the star and plan cards; the
	// other cards have none and their JSON leaves the object out.
	Components ComponentMap `json:"components,omitempty"`
	Checks     []Check      `json:"checks"`
	Tips       []string     `json:"tips"`
}

// ComponentMap holds the four parts by name. Its JSON keeps the STAR order
// (situation, task, action, result) rather than sorting the keys.
type ComponentMap map[string]Component

// MarshalJSON writes the parts in STAR order (see resultjson.go).
func (m ComponentMap) MarshalJSON() ([]byte, error) { return m.appendJSON(nil), nil }

// extraNames are the parts other than the four, by name.
func (m ComponentMap) extraNames() []string {
	var extra []string
	for name := range m {
		if !slices.Contains(Components, name) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	return extra
}

// Component is what the scorer found for one STAR part.
type Component struct {
	Present bool `json:"present"`
	// Score is 0–100 for depth and concreteness.
	Score int `json:"score"`
	Words int `json:"words"`
	// Sentences are the answer's sentences (or, where one sentence carries
	// two parts, clauses) assigned to this part, verbatim.
	Sentences []string `json:"sentences"`
	// Evidence says why the part was found: cue phrases, and what its
	// strongest clause tells ("a step you took").
	Evidence []string `json:"evidence,omitempty"`
}

// Check is one property of the answer that holds or not.
type Check struct {
	ID      string `json:"id"`
	OK      bool   `json:"ok"`
	Message string `json:"message"`
}

// QuestionInfo is what the scorer needs to know about the question answered
// (the questions package's Question converts to it); nil when unknown.
type QuestionInfo struct {
	ID           string
	Text         string
	Keywords     []string
	Competencies []string
	STAR         bool
	// Category is the bank's category (behavioral, situational, technical,
	// motivation, strengths, ask); it chooses the feedback card.
	Category string
	// Company is the company the answer is for, when one was chosen.
	Company *CompanyInfo
}

// CompanyInfo is what the scorer uses of a company's notes: an answer that
// names the company or uses its values, products, support channels and
// metrics is credited for it.
type CompanyInfo struct {
	Name     string
	Values   []string
	Products []string
	Channels []string
	Metrics  []string
}
