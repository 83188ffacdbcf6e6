package coach

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Menu choices after an answer. Their first letters differ, so that typing
// one letter at the menu leaves one choice.
const (
	optNext     = "Next question"
	optLast     = "Finish: see the summary"
	optRetry    = "Retry this question"
	optDetails  = "Details: every check and tip of that answer"
	optExample  = "Example answer, for comparison"
	optFollowUp = "Answer a follow-up: "
	optStop     = "Stop here: see the summary"
)

// maxFollowUps is how many follow-ups one question offers at most.
const maxFollowUps = 3

// progress is what has happened at one question so far.
type progress struct {
	q        questions.Question
	asked    string // the question's text as it was asked
	attempts int    // scored attempts (follow-ups aside)
	first    int    // the first attempt's score
	last     star.Result
	// shown is the result on the last card, a follow-up's included: what
	// Details shows in full. story is false when it is not a STAR story.
	shown star.Result
	story bool
	// followUps are the follow-up questions asked so far.
	followUps []string
}

// question asks question k and runs its menu; stop is true when the person
// chose to end the interview. With picking set, the question was answered
// before and a picked-up draft of a retry or follow-up continues it.
func (se *session) question(k int, picking bool) (stop bool, err error) {
	q := se.qs[k]
	p := &progress{q: q, asked: questions.Fill(q.Text, se.companyName())}
	if picking {
		se.recall(p)
	}
	header := fmt.Sprintf("Question %d of %d · %s · %s", k+1, len(se.qs), q.Category, strings.Join(q.Competencies, ", "))
	if r := []rune(header); len(r) > 78 {
		header = string(r[:77]) + "…"
	}
	se.printf("\n%s\n%s\n\n%s\n\n", rule(), header, wrap(p.asked, 76, "", ""))

	if picking {
		d := se.offered
		if d.FollowUp {
			err = se.followUp(p, d.Question)
		} else {
			err = se.retry(p, true)
		}
		if err != nil {
			return false, err
		}
	} else {
		a, err := se.collect(answerSpec{
			q: q, asked: p.asked, structured: se.s.Mode == ModeSTAR && q.STAR, attempt: 1,
			skipMsg: "Nothing written. Skip this question?", skipOption: "Skip this question",
		})
		if err != nil {
			return false, err
		}
		se.s.Next = k + 1
		if a.Skipped {
			se.s.Answers = append(se.s.Answers, a)
			se.s.Draft = nil
			se.printf("Skipped.\n")
			return false, se.save()
		}
		res, err := se.record(q, a)
		if err != nil {
			return false, err
		}
		p.attempts, p.first, p.last = 1, res.Score, res
		p.shown, p.story = res, q.STAR
	}
	last := k == len(se.qs)-1
	for {
		if p.attempts == 0 {
			return false, nil // nothing scored to come back to
		}
		opts := []string{optNext}
		if last {
			opts[0] = optLast
		}
		opts = append(opts, optRetry, optDetails)
		if q.Example != "" {
			opts = append(opts, optExample)
		}
		fu := se.nextFollowUp(p)
		if fu != "" {
			opts = append(opts, optFollowUp+shorten(fu, 44))
		}
		if !last {
			opts = append(opts, optStop)
		}
		if err := se.interrupted(); err != nil {
			return false, err
		}
		se.printf("\n")
		i, err := se.iv.Prompter.Select("What next?", opts, 0)
		if err != nil {
			return false, err
		}
		switch choice := opts[i]; {
		case choice == optNext || choice == optLast:
			return false, nil
		case choice == optStop:
			return true, nil
		case choice == optDetails:
			var b bytes.Buffer
			res := p.shown
			if !p.story {
				res.Components = nil
			}
			if err := se.iv.Display.Details(&b, res); err != nil {
				return false, err
			}
			if err := se.page("Every check and tip for your last answer:\n\n" + b.String()); err != nil {
				return false, err
			}
		case choice == optExample:
			text := "A strong answer, for comparison (yours should tell your own story):\n\n" + wrap(q.Example, 74, "  ", "  ") + "\n"
			if err := se.page(text); err != nil {
				return false, err
			}
		case choice == optRetry:
			if err := se.retry(p, false); err != nil {
				return false, err
			}
		case strings.HasPrefix(choice, optFollowUp):
			if err := se.followUp(p, fu); err != nil {
				return false, err
			}
		}
	}
}

// recall rebuilds a question's progress from the session's saved answers.
func (se *session) recall(p *progress) {
	for _, a := range se.s.Answers {
		if a.QuestionID != p.q.ID {
			continue
		}
		if a.FollowUp {
			p.followUps = append(p.followUps, a.Question)
			continue
		}
		if a.Question != "" {
			p.asked = a.Question
		}
		if a.Skipped {
			continue
		}
		res := star.Score(se.iv.Rubric, se.scoreInfo(p.q, a.Question), a)
		p.attempts++
		if p.attempts == 1 {
			p.first = res.Score
		}
		p.last = res
	}
	p.shown, p.story = p.last, p.q.STAR
}

// retry takes another attempt at a question; with picking set it starts
// from the draft picked up on --resume.
func (se *session) retry(p *progress, picking bool) error {
	n := p.attempts + 1
	if picking {
		se.printf("Attempt %d, from your draft:\n\n", n)
	} else {
		se.printf("\nAttempt %d. The question again:\n\n%s\n\n", n, wrap(p.asked, 76, "", ""))
	}
	a, err := se.collect(answerSpec{
		q: p.q, asked: p.asked, structured: se.s.Mode == ModeSTAR && p.q.STAR, attempt: n,
		skipMsg: "Nothing written. Keep your earlier attempt and go back?", skipOption: "Keep your earlier attempt and go back",
	})
	if err != nil || a.Skipped {
		return err
	}
	res, err := se.record(p.q, a)
	if err != nil {
		return err
	}
	if p.attempts == 0 {
		p.first = res.Score
	} else {
		se.printf("%s\n", change(p.last.Score, res.Score, p.first, n))
	}
	p.attempts, p.last = n, res
	p.shown, p.story = res, p.q.STAR
	return nil
}

// followUp asks one follow-up question and scores the answer against it.
func (se *session) followUp(p *progress, fu string) error {
	p.followUps = append(p.followUps, fu)
	se.printf("\nFollow-up: %s\n\n", wrap(fu, 66, "", "           "))
	a, err := se.collect(answerSpec{
		q: p.q, asked: fu, followUp: true, help: followUpHelp(fu),
		skipMsg: "Nothing written. Skip the follow-up?",
	})
	if err != nil || a.Skipped {
		return err
	}
	a.FollowUp = true
	a.Attempt = 0
	a.ID = fmt.Sprintf("%s-%s-follow-up-%d", se.s.ID, p.q.ID, len(p.followUps))
	res, err := se.record(p.q, a)
	if err == nil {
		p.shown, p.story = res, false
	}
	return err
}

// change says how a retry scored against the attempt before it.
func change(prev, now, first, attempt int) string {
	d := now - prev
	var s string
	switch {
	case d > 0:
		s = fmt.Sprintf("Attempt %d scored %d, up %d from %d.", attempt, now, d, prev)
	case d < 0:
		s = fmt.Sprintf("Attempt %d scored %d, down %d from %d.", attempt, now, -d, prev)
	default:
		s = fmt.Sprintf("Attempt %d scored %d, the same as before.", attempt, now)
	}
	if attempt > 2 && first != prev {
		s += fmt.Sprintf(" (First attempt: %d.)", first)
	}
	if attempt == 2 {
		s += " Both attempts are saved."
	}
	return s
}

// record scores a, keeps it in the session (the draft it grew from is done
// with), saves, and shows the card.
func (se *session) record(q questions.Question, a star.Answer) (star.Result, error) {
	se.s.Answers = append(se.s.Answers, a)
	se.s.Draft = nil
	if err := se.saveOrKeep(); err != nil {
		return star.Result{}, err
	}
	res := star.Score(se.iv.Rubric, se.scoreInfo(q, a.Question), a) // a follow-up is scored against its own text
	shown := res
	if a.FollowUp || !q.STAR {
		// Not a story: a table of missing STAR parts would mislead.
		shown.Components = nil
	}
	if err := se.iv.Display.Card(se.iv.Out, shown); err != nil {
		return res, err
	}
	return res, nil
}

// page shows text through the Prompter's pager, or prints it.
func (se *session) page(text string) error {
	se.printf("\n")
	if p, ok := se.iv.Prompter.(Pager); ok {
		return p.Page(text)
	}
	se.printf("%s", text)
	return nil
}
