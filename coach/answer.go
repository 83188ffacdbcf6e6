package coach

import (
	"fmt"
	"strings"
	"time"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// draftEvery is how often, at most, a growing draft is written to disk.
const draftEvery = 3 * time.Second

// The one-line reminders shown above each STAR prompt.
var reminders = map[string]string{
	"situation": "Where and when it happened: set the scene in two or three sentences.",
	"task":      "What you were responsible for, or the goal you had to reach.",
	"action":    "What you did, step by step. Say I, not we: most of the answer.",
	"result":    "How it ended, with a number if you can, and what you learned.",
}

// answerSpec says what answer to take.
type answerSpec struct {
	q     questions.Question
	asked string // the text being answered
	// structured asks the four STAR parts in turn; otherwise one box.
	structured bool
	attempt    int
	followUp   bool
	help       string // the reminder of a one-box answer ("" picks one)
	// skipMsg asks, for a one-box answer left empty, whether to skip it;
	// skipOption is the choice that skips the whole answer when a STAR
	// part is left empty and nothing else was written.
	skipMsg, skipOption string
}

// collect takes one answer: the four STAR parts in turn, or one box. "?"
// alone shows the hints; an empty part asks whether to leave it out, and
// an answer with nothing in it asks whether to skip. The text is kept in
// the session's draft as it grows, and a picked-up draft is started from.
func (se *session) collect(sp answerSpec) (star.Answer, error) {
	a := star.Answer{
		ID:         fmt.Sprintf("%s-%s", se.s.ID, sp.q.ID),
		QuestionID: sp.q.ID,
		Question:   sp.asked,
		Company:    se.s.Company,
	}
	if sp.attempt > 1 {
		a.Attempt = sp.attempt
		a.ID = fmt.Sprintf("%s-%s-try%d", se.s.ID, sp.q.ID, sp.attempt)
	}
	d := &star.Draft{QuestionID: sp.q.ID, Question: sp.asked, FollowUp: sp.followUp}
	if sp.attempt > 1 {
		d.Attempt = sp.attempt
	}
	start := se.iv.Now()
	if from := se.startingPoint(d); from != nil {
		d.STAR, d.Text, d.Part = from.STAR, from.Text, from.Part
		start = start.Add(-time.Duration(from.Seconds) * time.Second)
	} else {
		story, err := se.offerStory(sp)
		if err != nil {
			return a, err
		}
		a.Story = story
		start = se.iv.Now() // the clock starts once the story has been read
	}
	var err error
	if sp.structured {
		err = se.collectParts(sp, d, start, &a)
	} else {
		err = se.collectOne(sp, d, start, &a)
	}
	if err != nil {
		se.noteDraft(d, start) // saved as the interview stops
		return a, err
	}
	if a.Skipped {
		se.s.Draft = nil
	}
	end := se.iv.Now()
	a.AnsweredAt = end.UTC().Truncate(time.Second)
	if !a.Skipped {
		a.DurationSeconds = int(end.Sub(start).Round(time.Second) / time.Second)
		if el := end.Sub(start); se.iv.TimeLimit > 0 && el > se.iv.TimeLimit {
			se.printf("⏱ %s, past your %s limit: practise telling it shorter.\n\n", mmss(el), mmss(se.iv.TimeLimit))
		}
	}
	return a, nil
}

// collectParts asks Situation, Task, Action and Result in turn.
func (se *session) collectParts(sp answerSpec, d *star.Draft, start time.Time, a *star.Answer) error {
	if d.STAR == nil {
		d.STAR = &star.Parts{}
	}
	from := 0
	if d.Part != "" {
		for i, name := range star.Components {
			if name == d.Part {
				from = i
			}
		}
		// Show the parts finished before the draft stopped.
		for _, name := range star.Components[:from] {
			se.printf("? %s (from your draft)\n%s\n\n", titleCase(name), wrap(partOf(d.STAR, name), 76, "  ", "  "))
		}
	}
	for i := from; i < len(star.Components); i++ {
		name := star.Components[i]
		label := titleCase(name)
		if se.focus != nil && se.focus.Part != nil && se.focus.Part.Name == name {
			label += " (your weakest part)"
		}
		d.Part = name
		for {
			if err := se.interrupted(); err != nil {
				return err
			}
			text, err := se.box(AnswerRequest{
				Label: label, Help: reminders[name], Initial: partOf(d.STAR, name),
				Started: start, Limit: se.iv.TimeLimit, Now: se.iv.Now, Hints: true,
				Draft: func(text string) { setPart(d.STAR, name, text); se.keepDraft(d, start) },
			})
			setPart(d.STAR, name, strings.TrimSpace(text))
			if err != nil {
				return err
			}
			text = strings.TrimSpace(text)
			if text == "?" {
				setPart(d.STAR, name, "")
				se.hints(sp.q)
				continue
			}
			if text != "" {
				break
			}
			// An empty part: write it after all, leave it out, or skip.
			nothingYet := d.Words() == 0
			opts := []string{"Write the " + label + " after all", "Leave the " + label + " out and go on"}
			if i == len(star.Components)-1 {
				opts[1] = "Leave the " + label + " out and finish the answer"
			}
			if nothingYet && sp.skipOption != "" {
				opts = append(opts, sp.skipOption)
			}
			k, err := se.iv.Prompter.Select("Nothing written for the "+label+".", opts, 0)
			if err != nil {
				return err
			}
			if k == 0 {
				continue
			}
			if k == 2 {
				a.Skipped = true
				return nil
			}
			se.printf("\n")
			break
		}
	}
	if d.Words() == 0 {
		a.Skipped = true // every part left out
		return nil
	}
	p := *d.STAR
	a.STAR = &p
	return nil
}

// collectOne takes an answer in one box.
func (se *session) collectOne(sp answerSpec, d *star.Draft, start time.Time, a *star.Answer) error {
	d.Part, d.STAR = "", nil
	help := sp.help
	if help == "" {
		help = "Tell it as a story: where you were, your task, what you did, how it ended."
		if !sp.q.STAR {
			help = "Answer in your own words, as you would say it."
		}
	}
	for {
		if err := se.interrupted(); err != nil {
			return err
		}
		text, err := se.box(AnswerRequest{
			Label: "Your answer", Help: help, Initial: d.Text,
			Started: start, Limit: se.iv.TimeLimit, Now: se.iv.Now, Hints: !sp.followUp,
			Draft: func(text string) { d.Text = text; se.keepDraft(d, start) },
		})
		d.Text = strings.TrimSpace(text)
		if err != nil {
			return err
		}
		switch d.Text {
		case "?":
			d.Text = ""
			se.hints(sp.q)
			continue
		case "":
			skip, err := se.iv.Prompter.Confirm(sp.skipMsg, false)
			if err != nil {
				return err
			}
			if skip {
				a.Skipped = true
				return nil
			}
			continue
		}
		a.Text = d.Text
		return nil
	}
}

// box asks for text through the Prompter's answer box, or through
// Multiline when it has none.
func (se *session) box(req AnswerRequest) (string, error) {
	defer se.warnDraft()
	if ab, ok := se.iv.Prompter.(AnswerBox); ok {
		return ab.Answer(req)
	}
	if req.Initial != "" {
		se.printf("Your draft so far:\n%s\n", wrap(req.Initial, 76, "  ", "  "))
	}
	text, err := se.iv.Prompter.Multiline(req.Label+" · "+clock(req.Now().Sub(req.Started), req.Limit), req.Help)
	if req.Initial != "" && strings.TrimSpace(text) != "?" {
		text = strings.TrimSpace(req.Initial + "\n" + text)
	}
	return text, err
}

// warnDraft says, once, that drafts could not be saved.
func (se *session) warnDraft() {
	if se.draftErr != nil && !se.draftWarned {
		se.draftWarned = true
		fmt.Fprintf(se.iv.Warn, "warning: the answer you are typing could not be saved as a draft (%v); it is kept in memory\n", se.draftErr)
	}
}

// noteDraft records d as the session's draft (nil while it has no words).
func (se *session) noteDraft(d *star.Draft, start time.Time) {
	t := se.iv.Now()
	d.Seconds = int(t.Sub(start).Round(time.Second) / time.Second)
	d.SavedAt = t.UTC().Truncate(time.Second)
	se.s.Draft = d
	if d.Words() == 0 {
		se.s.Draft = nil
	}
}

// keepDraft records d as the session's draft and writes the session when
// the draft changed and the last write is at least draftEvery old.
func (se *session) keepDraft(d *star.Draft, start time.Time) {
	se.noteDraft(d, start)
	t := se.iv.Now()
	if t.Sub(se.lastDraftSave) < draftEvery || draftKey(se.s.Draft) == se.savedDraft {
		return
	}
	if err := se.save(); err != nil {
		// Said once the box closes: writing now would break its screen.
		se.draftErr = err
		se.lastDraftSave = t // do not retry on every key
	}
}

// draftKey is the text of a draft, to tell whether it changed.
func draftKey(d *star.Draft) string {
	if d == nil {
		return ""
	}
	k := d.Text
	if p := d.STAR; p != nil {
		k += "\x00" + p.Situation + "\x00" + p.Task + "\x00" + p.Action + "\x00" + p.Result
	}
	return k
}

// startingPoint is the text an answer starts from instead of an empty
// box: the parts (or text) it holds are put in the boxes, and its Seconds
// already on the clock. Today that is a draft picked up on --resume; an
// answer told from a saved story (the story bank) starts here too, as a
// draft with the story's parts and Part set to its first.
func (se *session) startingPoint(d *star.Draft) *star.Draft {
	return se.takeOffered(d)
}

// takeOffered returns the picked-up draft when it belongs to the answer
// d is for, and then forgets it: it is used once.
func (se *session) takeOffered(d *star.Draft) *star.Draft {
	o := se.offered
	if o == nil || o.QuestionID != d.QuestionID || o.FollowUp != d.FollowUp || max(o.Attempt, 1) != max(d.Attempt, 1) {
		return nil
	}
	se.offered = nil
	return o
}

func partOf(p *star.Parts, name string) string {
	switch name {
	case "situation":
		return p.Situation
	case "task":
		return p.Task
	case "action":
		return p.Action
	default:
		return p.Result
	}
}

func setPart(p *star.Parts, name, text string) {
	switch name {
	case "situation":
		p.Situation = text
	case "task":
		p.Task = text
	case "action":
		p.Action = text
	default:
		p.Result = text
	}
}

func (se *session) hints(q questions.Question) {
	if len(q.LookFor) == 0 {
		se.printf("No hints for this question. Think of one real time and tell it in order.\n\n")
		return
	}
	se.printf("What interviewers listen for:\n")
	for _, h := range q.LookFor {
		se.printf("%s\n", wrap(h, 72, "  - ", "    "))
	}
	se.printf("\n")
}

// clock is an elapsed time, against the limit if there is one.
func clock(el time.Duration, limit time.Duration) string {
	if limit > 0 {
		return mmss(el) + " of " + mmss(limit)
	}
	return mmss(el)
}

func mmss(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d/time.Minute), int(d%time.Minute/time.Second))
}
