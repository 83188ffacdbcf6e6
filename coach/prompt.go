package coach

import "errors"

// Prompter is everything an interactive flow may ask of the person. The
// terminal implementation lives in cmd/ (survey/v2); tests use Script.
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

// ErrInterrupted is returned by a Prompter when the person pressed Ctrl-C.
// Flows stop at once, keeping what was already saved.
var ErrInterrupted = errors.New("interrupted")
