package coach

import (
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
)

// TestInterviewStartsFromAStory: a saved story that proves the question's
// competency is offered; picked, it is shown, the candidate tells it in
// their own words, and the answer is saved with the story's id.
func TestInterviewStartsFromAStory(t *testing.T) {
	replies := []Reply{Pick("From my story: The double charge")}
	replies = append(replies, sayParts(strong)...)
	replies = append(replies, Pick("Finish"))
	h := newHarness(t, replies...)
	q, _ := h.iv.Bank.Get("missed-sla")
	h.iv.Selection = Selection{Set: []questions.Question{q}}
	story := &questions.Story{ID: "double-charge", Title: "The double charge", Competencies: []string{"ownership"},
		STAR: questions.StoryParts{Situation: "A caller was charged twice.", Task: "I had to get it back.", Action: "I raised a refund.", Result: "It came back in three days."}}
	if _, err := StoriesIn(h.home).Save(story); err != nil {
		t.Fatal(err)
	}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	if !strings.Contains(h.out.String(), "A caller was charged twice.") || !strings.Contains(h.out.String(), "in your own words") {
		t.Errorf("the story was not shown:\n%s", h.out)
	}
	if a := onDisk(t, h.home).Answers[0]; a.Story != "double-charge" || a.STAR == nil || a.STAR.Situation != strong[0] {
		t.Errorf("answer %+v: want the candidate's own words, told from story double-charge", a)
	}
}

// TestInterviewOffersNoStoryThatDoesNotFit: a story about other
// competencies is not offered.
func TestInterviewOffersNoStoryThatDoesNotFit(t *testing.T) {
	replies := append(sayParts(strong), Pick("Finish"))
	h := newHarness(t, replies...)
	q, _ := h.iv.Bank.Get("team-conflict")
	h.iv.Selection = Selection{Set: []questions.Question{q}}
	story := &questions.Story{ID: "double-charge", Title: "The double charge", Competencies: []string{"ownership"},
		STAR: questions.StoryParts{Situation: "s", Task: "t", Action: "a", Result: "r"}}
	if _, err := StoriesIn(h.home).Save(story); err != nil {
		t.Fatal(err)
	}
	if _, err := h.run(t); err != nil {
		t.Fatalf("Run: %v\n%s", err, h.out)
	}
	for _, asked := range h.script.Asked {
		if strings.Contains(asked, "saved story") {
			t.Errorf("a story about ownership was offered for a teamwork question: %q", asked)
		}
	}
}
