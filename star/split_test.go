package star_test

import (
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// TestSplitPartsKeepsEveryWordInOrder: an answer cut into four fields reads
// back as the answer (its written labels and list marks aside), and each
// field holds its part.
func TestSplitPartsKeepsEveryWordInOrder(t *testing.T) {
	r := embeddedRubric(t)
	for _, e := range star.LoadCorpus(t) {
		if e.IsCard() || e.Kind == "labelled" || e.Kind == "bullets" || e.Layout == "lines" {
			continue // labels and list marks are not words of a part
		}
		text, _ := e.Text()
		p := star.SplitParts(r, star.Answer{Text: text})
		joined := strings.Join(strings.Fields(p.Situation+" "+p.Task+" "+p.Action+" "+p.Result), " ")
		if want := strings.Join(strings.Fields(text), " "); joined != want {
			t.Fatalf("%s: the four fields do not read back as the answer:\n got %q\nwant %q", e.ID, joined, want)
		}
	}
	p := star.SplitParts(r, star.Answer{Text: strongStory})
	if !strings.Contains(p.Task, "It was my job") || !strings.Contains(p.Result, "As a result") || !strings.HasPrefix(p.Situation, "Last December") {
		t.Errorf("fields: %+v", p)
	}
}
