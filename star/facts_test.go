package star

import (
	"testing"

	"github.com/starprep/starprep/data"
)

// TestClauseFacts: who acts and in what tense, read from the words of one
// clause. These decide whether a clause is the speaker's own past step, so
// a misread verb turns an action into background or an outcome.
func TestClauseFacts(t *testing.T) {
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text        string
		subj        subject
		tense       tense
		ownPastStep bool
	}{
		// An "-s" word is a plural noun before the clause's past verb.
		{"Late one Thursday at a garden supplies shop a man phoned about his order.", subjPerson, tPast, false},
		{"Deliveries from the north usually took five days.", subjThing, tPast, false},
		{"Refunds caused half of our calls.", subjThing, tPast, false},
		{"The orders were late again.", subjThing, tPast, false},
		// A possessive is never the subject.
		{"Her parcel had been sent to the wrong town.", subjThing, tPastPerfect, false},
		{"With his go-ahead I placed the order by hand, then rang her back.", subjI, tPast, true},
		// A relative clause between commas is skipped.
		{"My part, which I asked for, was to sort the backlog.", subjThing, tPast, false},
		// Still verbs where they are verbs.
		{"She checks the order and calls back.", subjPerson, tPresent, false},
		{"I rang the depot.", subjI, tPast, true},
	} {
		an := read(r, Answer{Text: c.text})
		if len(an.clauses) == 0 {
			t.Fatalf("%q: no clauses", c.text)
		}
		f := an.clauses[0].facts
		if f.subj != c.subj || f.tense != c.tense || f.ownPastStep() != c.ownPastStep {
			t.Errorf("%q: subject %s, tense %s, own past step %v; want %s, %s, %v", c.text,
				subjectNames[f.subj], tenseNames[f.tense], f.ownPastStep(), subjectNames[c.subj], tenseNames[c.tense], c.ownPastStep)
		}
		an.release()
	}
}
