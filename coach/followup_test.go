package coach

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func TestAnswerGapsFollowTheBankOrder(t *testing.T) {
	res := star.Result{
		Components: star.ComponentMap{
			"situation": {Present: true}, "task": {Present: false},
			"action": {Present: true}, "result": {Present: false},
		},
		Checks: []star.Check{
			{ID: "lesson", OK: false}, {ID: "ownership", OK: true},
			{ID: "quantified-result", OK: false}, {ID: "length", OK: false},
		},
	}
	want := []string{"result", "measure", "task", "lesson"}
	if got := AnswerGaps(res); !slices.Equal(got, want) {
		t.Errorf("gaps = %q, want %q", got, want)
	}
	// A card with no STAR parts (a motivation answer) has only check gaps.
	if got := AnswerGaps(star.Result{Checks: []star.Check{{ID: "past-event"}}}); !slices.Equal(got, []string{"real-event"}) {
		t.Errorf("gaps without components = %q", got)
	}
}

// followUpBank is the test bank with generic follow-ups.
func followUpBank() *questions.Bank {
	b := testBank()
	b.GenericFollowUps = map[string][]string{
		"result":  {"How did it end, and how did you know?"},
		"measure": {"Was there a number that showed the difference?"},
		"any":     {"If it happened again, what would you do differently?"},
	}
	return b
}

func TestFollowUpAsksWhatTheAnswerLacks(t *testing.T) {
	noResult := [4]string{strong[0], strong[1], strong[2], ""}
	replies := sayParts(noResult)
	replies = append(replies,
		Pick("follow-up"), Say("Your answer", "It ended with a refund, and he wrote back to thank me."),
		Pick("follow-up"), Say("Your answer", "He rated the call five out of five."),
		Pick("Finish"))
	h := newHarness(t, replies...)
	h.iv.Bank = followUpBank()
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	s := onDisk(t, h.home)
	if len(s.Answers) != 3 {
		t.Fatalf("answers = %+v", s.Answers)
	}
	// The first follow-up asks for the missing result; the next one is about
	// the next gap, not the same one again.
	if got := s.Answers[1].Question; got != "How did it end, and how did you know?" {
		t.Errorf("first follow-up = %q, want the one for a missing result", got)
	}
	if got := s.Answers[2].Question; got == s.Answers[1].Question || !s.Answers[2].FollowUp {
		t.Errorf("second follow-up = %q (follow_up %v)", got, s.Answers[2].FollowUp)
	}
	var menus []string
	for _, a := range h.script.Asked {
		if strings.HasPrefix(a, "select: What next?") {
			menus = append(menus, a)
		}
	}
	if !strings.Contains(menus[0], "Answer a follow-up: How did it end, and how did you know?") {
		t.Errorf("the menu does not name the follow-up: %s", menus[0])
	}
	// A follow-up about the same story is asked in one box with its own reminder.
	if r := h.script.Requests[4]; r.Label != "Your answer" || strings.Contains(r.Help, "situation") || r.Hints {
		t.Errorf("follow-up box = %+v", r)
	}
}

func TestFollowUpsOfAQuestionThatIsNotAStory(t *testing.T) {
	replies := []Reply{Say("Your answer", "I like fixing problems for people and I am patient."), Pick("follow-up"),
		Say("Your answer", "I would ask a colleague."), Pick("follow-up"), Say("Your answer", "My team lead."), Pick("Finish")}
	h := newHarness(t, replies...)
	h.iv.Bank = followUpBank()
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"motivation"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	s := onDisk(t, h.home)
	// Only the question's own two follow-ups: the generic ones are for stories.
	if len(s.Answers) != 3 || s.Answers[1].Question != "What would you do differently at this company?" || s.Answers[2].Question != "Who else did you involve?" {
		t.Fatalf("answers = %+v", s.Answers)
	}
	last := h.script.Asked[len(h.script.Asked)-1]
	if strings.Contains(last, "follow-up") {
		t.Errorf("a follow-up is still offered after both were asked: %s", last)
	}
}

func TestFollowUpReminders(t *testing.T) {
	for fu, want := range map[string]string{
		"What would you have done if no engineer slot had been available?": "what you would do",
		"Tell me about a time you kept to a policy.":                       "A short story",
		"How did it end, and how did you know?":                            "a few sentences",
	} {
		if got := followUpHelp(fu); !strings.Contains(got, want) {
			t.Errorf("%q: reminder %q lacks %q", fu, got, want)
		}
	}
}

// recDisplay keeps what Details was asked to show.
type recDisplay struct {
	PlainDisplay
	details []star.Result
}

func (d *recDisplay) Details(w io.Writer, res star.Result) error {
	d.details = append(d.details, res)
	return d.PlainDisplay.Details(w, res)
}

func TestDetailsShowTheAnswerOnTheLastCard(t *testing.T) {
	replies := sayParts(strong)
	replies = append(replies, Pick("Details"), Pick("follow-up"), Say("Your answer", "I would ask a team lead."), Pick("Details"), Pick("Finish"))
	h := newHarness(t, replies...)
	d := &recDisplay{}
	h.iv.Display = d
	h.iv.Selection = Selection{Count: 1, Filter: questions.Filter{Categories: []string{"situational"}}, Seed: 1}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(d.details) != 2 || len(h.script.Pages) != 2 {
		t.Fatalf("Details shown %d times, pages %d", len(d.details), len(h.script.Pages))
	}
	if d.details[0].Words <= d.details[1].Words || d.details[1].Components != nil {
		t.Errorf("after a follow-up, Details should show the follow-up's answer without STAR parts: %+v", d.details[1])
	}
}
