package coach

import (
	"errors"
	"fmt"
	"strings"

	"github.com/starprep/starprep/star"
)

// When the session cannot be written (the disk is full, the home became
// read-only), nothing the person typed is dropped: the file keeps the
// answers of its last good save, the new answer stays in memory, and the
// person may try again (after freeing some space, say) or stop, and then
// the answer is printed so it can be copied.

// SaveError: the session could not be saved and the person chose to stop.
// The file at Path holds what its last good save held (Kept answers); the
// answer not saved was printed.
type SaveError struct {
	Path string
	Kept int
	Err  error
}

func (e *SaveError) Error() string {
	return fmt.Sprintf("%v; %s still holds %s as saved before, and the answer not saved is printed above", e.Err, e.Path, quantity(e.Kept, "answer", "answers"))
}

func (e *SaveError) Unwrap() error { return e.Err }

// saveOrKeep saves the session after an answer was added to it. On a
// failure it says what happened and what was kept, and asks whether to
// try again; stopping prints the answer (the last one of the session) and
// returns a *SaveError.
func (se *session) saveOrKeep() error {
	kept := se.keptAnswers
	for {
		err := se.save()
		if err == nil {
			se.keptAnswers = len(se.s.Answers)
			return nil
		}
		se.printf("\nYour answer could not be saved: %v.\n", err)
		se.printf("The session file keeps what it held before (%s); this answer is kept here for now.\n", quantity(kept, "answer", "answers"))
		i, perr := se.iv.Prompter.Select("What now?", []string{"Try saving again (free some space first)", "Stop, and show me the answer to copy"}, 0)
		if perr == nil && i == 0 {
			continue
		}
		last := se.s.Answers[len(se.s.Answers)-1]
		se.printf("\nThe answer that was not saved:\n\n%s\n", answerText(&last))
		return &SaveError{Path: se.path, Kept: kept, Err: err}
	}
}

// draftLost prints, after a draft was typed, the text that could not be
// saved when the interview stops and its last save fails too.
func (se *session) draftLost(err error) error {
	se.printf("\nThe session could not be saved: %v.\n", err)
	if d := se.s.Draft; d != nil {
		a := star.Answer{Text: d.Text, STAR: d.STAR}
		se.printf("The answer you were typing, to copy:\n\n%s\n", answerText(&a))
	}
	return &SaveError{Path: se.path, Kept: se.keptAnswers, Err: err}
}

// answerText is an answer as plain text: its parts under their names, or
// its text.
func answerText(a *star.Answer) string {
	if p := a.STAR; p != nil && strings.TrimSpace(p.Situation+p.Task+p.Action+p.Result) != "" {
		var b strings.Builder
		for _, name := range star.Components {
			if t := strings.TrimSpace(partOf(p, name)); t != "" {
				fmt.Fprintf(&b, "%s: %s\n", titleCase(name), t)
			}
		}
		return b.String()
	}
	return strings.TrimSpace(a.Text) + "\n"
}

// isSaveError reports a failure to write the session.
func isSaveError(err error) bool {
	var se *SaveError
	return errors.As(err, &se)
}
