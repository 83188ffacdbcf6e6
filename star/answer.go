package star

import (
	"strings"
	"time"
)

// Answer is one answer to one question, as saved by `starprep interview` and
// read by `score` and `review`. Either STAR (structured) or Text (free text,
// which the scorer segments itself) holds the answer.
type Answer struct {
	ID         string `yaml:"id,omitempty" json:"id,omitempty"`
	QuestionID string `yaml:"question_id,omitempty" json:"question_id,omitempty"`
	// Question is the question's text as it was asked.
	Question string `yaml:"question,omitempty" json:"question,omitempty"`
	// Company is the slug of the company the interview was for.
	Company         string    `yaml:"company,omitempty" json:"company,omitempty"`
	AnsweredAt      time.Time `yaml:"answered_at,omitempty" json:"answered_at,omitzero"`
	DurationSeconds int       `yaml:"duration_seconds,omitempty" json:"duration_seconds,omitempty"`
	// Attempt numbers retries of the same question in a session (1, 2, ...);
	// 0 or 1 is the first attempt.
	Attempt int `yaml:"attempt,omitempty" json:"attempt,omitempty"`
	// FollowUp is true when Question is a follow-up to QuestionID.
	FollowUp bool   `yaml:"follow_up,omitempty" json:"follow_up,omitempty"`
	STAR     *Parts `yaml:"star,omitempty" json:"star,omitempty"`
	Text     string `yaml:"text,omitempty" json:"text,omitempty"`
	// Skipped is true when the person chose to skip the question.
	Skipped bool `yaml:"skipped,omitempty" json:"skipped,omitempty"`
	// Story is the id of the story bank entry this answer tells.
	Story    string    `yaml:"story,omitempty" json:"story,omitempty"`
	Comments []Comment `yaml:"comments,omitempty" json:"comments,omitempty"`
}

// Parts is a structured STAR answer.
type Parts struct {
	Situation string `yaml:"situation,omitempty" json:"situation,omitempty"`
	Task      string `yaml:"task,omitempty" json:"task,omitempty"`
	Action    string `yaml:"action,omitempty" json:"action,omitempty"`
	Result    string `yaml:"result,omitempty" json:"result,omitempty"`
}

// Comment is a reviewer's note kept with an answer.
type Comment struct {
	By   string    `yaml:"by,omitempty" json:"by,omitempty"`
	At   time.Time `yaml:"at,omitempty" json:"at,omitzero"`
	Text string    `yaml:"text" json:"text"`
}

// Empty reports whether the answer holds no words at all.
func (a Answer) Empty() bool {
	if strings.TrimSpace(a.Text) != "" {
		return false
	}
	if a.STAR == nil {
		return true
	}
	p := a.STAR
	return strings.TrimSpace(p.Situation+p.Task+p.Action+p.Result) == ""
}

// Session is a mock interview as saved under sessions/: the plan, where the
// person got to, and every answer given so far.
type Session struct {
	ID        string    `yaml:"id" json:"id"`
	StartedAt time.Time `yaml:"started_at" json:"started_at"`
	UpdatedAt time.Time `yaml:"updated_at,omitempty" json:"updated_at,omitzero"`
	// Finished is false while the interview is under way or was interrupted;
	// `interview --resume` continues the latest unfinished session.
	Finished bool   `yaml:"finished" json:"finished"`
	Mode     string `yaml:"mode,omitempty" json:"mode,omitempty"` // star | free
	Company  string `yaml:"company,omitempty" json:"company,omitempty"`
	Seed     int64  `yaml:"seed,omitempty" json:"seed,omitempty"`
	// QuestionIDs is the planned order; Next is the index of the first
	// question not yet finished.
	QuestionIDs []string `yaml:"question_ids" json:"question_ids"`
	Next        int      `yaml:"next" json:"next"`
	Answers     []Answer `yaml:"answers" json:"answers"`
}
