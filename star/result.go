package star

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
	Schema     string               `json:"schema"`
	Source     string               `json:"source,omitempty"`
	ID         string               `json:"id,omitempty"`
	QuestionID string               `json:"question_id,omitempty"`
	Score      int                  `json:"score"`
	Band       string               `json:"band"`
	Words      int                  `json:"words"`
	Components map[string]Component `json:"components"`
	Checks     []Check              `json:"checks"`
	Tips       []string             `json:"tips"`
}

// Component is what the scorer found for one STAR part.
type Component struct {
	Present bool `json:"present"`
	// Score is 0–100 for depth and concreteness.
	Score int `json:"score"`
	Words int `json:"words"`
	// Sentences are the answer's sentences assigned to this part, verbatim.
	Sentences []string `json:"sentences"`
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
}
