package coach

import (
	"errors"
	"time"
)

// Prompter is everything an interactive flow may ask of the person. The
// terminal implementation lives in cmd/ (survey/v2 for menus and short
// answers, a text area for long ones); tests use Script.
type Prompter interface {
	// Input asks for one line of text. help is shown on request ("?").
	Input(message, help string) (string, error)
	// Multiline asks for a longer answer that may span lines.
	Multiline(message, help string) (string, error)
	// Select asks for one of options and returns its index.
	Select(message string, options []string, defaultIndex int) (int, error)
	// Confirm asks a yes/no question.
	Confirm(message string, defaultValue bool) (bool, error)
	// MultiSelect asks for any number of options (checklist items, say),
	// with those at defaults ticked to start with, and returns the indexes
	// ticked, in order.
	MultiSelect(message string, options []string, defaults []int) ([]int, error)
}

// AnswerBox is an answer editor with a running clock that reports the text
// as it grows, so a flow can keep a draft. The interview takes its answers
// through it when its Prompter implements it, and through Multiline when
// not.
type AnswerBox interface {
	// Answer opens the box and returns the text when the person finishes.
	// On Ctrl-C it returns what was typed so far with ErrInterrupted. With
	// req.Hints set, "?" typed into an empty box returns "?" at once.
	Answer(req AnswerRequest) (string, error)
}

// AnswerRequest is what an AnswerBox shows and reports.
type AnswerRequest struct {
	// Label names what is being answered ("Situation", "Your answer").
	Label string
	// Help is a one-line reminder of what belongs in the answer.
	Help string
	// Initial is the text to start from (a draft picked up again).
	Initial string
	// Started is when the clock started: earlier than now when a draft is
	// picked up. Limit is the time allowed (0: none). Now reads the clock.
	Started time.Time
	Limit   time.Duration
	Now     func() time.Time
	// Hints: "?" alone asks for the question's hints.
	Hints bool
	// Draft, when not nil, is called with the text whenever it changes and
	// about once a second while the box is open. It must return quickly.
	Draft func(text string)
}

// Pager shows text that may be taller than the screen a screen at a time.
// The interview uses it for example answers and the full feedback when its
// Prompter implements it, and prints the text as it is when not.
type Pager interface {
	Page(text string) error
}

// ErrInterrupted is returned by a Prompter when the person pressed Ctrl-C.
// Flows stop at once, keeping what was already saved.
var ErrInterrupted = errors.New("interrupted")
