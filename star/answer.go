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
	// TimeLimit is the time allowed per answer ("2m0s"; empty for none),
	// kept so that --resume goes on with the same limit.
	TimeLimit string `yaml:"time_limit,omitempty" json:"time_limit,omitempty"`
	// Set is the question set file the questions came from (--set).
	Set string `yaml:"set,omitempty" json:"set,omitempty"`
	// Categories and Competencies are the filters the questions were
	// chosen with, and Drill whether they were picked from the weakest
	// areas; a new interview started from this one uses them again.
	Categories   []string `yaml:"categories,omitempty" json:"categories,omitempty"`
	Competencies []string `yaml:"competencies,omitempty" json:"competencies,omitempty"`
	Drill        bool     `yaml:"drill,omitempty" json:"drill,omitempty"`
	// QuestionIDs is the planned order; Next is the index of the first
	// question not yet finished.
	QuestionIDs []string `yaml:"question_ids" json:"question_ids"`
	Next        int      `yaml:"next" json:"next"`
	Answers     []Answer `yaml:"answers" json:"answers"`
	// Draft is the answer that was being typed when the session was last
	// saved (it is saved as it grows, and kept on Ctrl-C); nil when none.
	// It is not an answer: scoring and review leave it out.
	Draft *Draft `yaml:"draft,omitempty" json:"draft,omitempty"`
}

// Draft is an answer still being typed: the parts finished so far and the
// text of the one in progress.
type Draft struct {
	QuestionID string `yaml:"question_id" json:"question_id"`
	// Question is the text being answered as it was asked (a follow-up's
	// own text when FollowUp is set).
	Question string `yaml:"question,omitempty" json:"question,omitempty"`
	// Attempt is 2 or more for a retry.
	Attempt  int  `yaml:"attempt,omitempty" json:"attempt,omitempty"`
	FollowUp bool `yaml:"follow_up,omitempty" json:"follow_up,omitempty"`
	// Part is the STAR part being typed (situation, task, action, result)
	// when the answer is taken part by part; STAR holds every part typed so
	// far, that one included. A one-box answer is in Text.
	Part string `yaml:"part,omitempty" json:"part,omitempty"`
	STAR *Parts `yaml:"star,omitempty" json:"star,omitempty"`
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
	// Seconds is the time spent on the answer so far.
	Seconds int       `yaml:"seconds,omitempty" json:"seconds,omitempty"`
	SavedAt time.Time `yaml:"saved_at,omitempty" json:"saved_at,omitzero"`
}

// Words counts the words typed in the draft.
func (d *Draft) Words() int {
	if d == nil {
		return 0
	}
	n := len(strings.Fields(d.Text))
	if p := d.STAR; p != nil {
		n += len(strings.Fields(p.Situation + " " + p.Task + " " + p.Action + " " + p.Result))
	}
	return n
}
