package questions

import (
	"slices"
	"testing"
)

func TestGenericFollowUpsLoadAndMergeByGap(t *testing.T) {
	src := "version: 1\nquestions:\n" + q("a") + `generic_follow_ups:
  result: ["How did it end?"]
  any:
    - What would you do differently?
`
	b, err := ParseBank([]byte(src), bankPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.GenericFollowUps["result"]; !slices.Equal(got, []string{"How did it end?"}) {
		t.Errorf("result follow-ups = %q", got)
	}
	// A bank of generic follow-ups alone is valid: it is merged over another.
	over, err := ParseBank([]byte("version: 1\ngeneric_follow_ups:\n  result: [\"And then?\"]\n"), bankPath)
	if err != nil {
		t.Fatalf("a bank with only generic follow-ups: %v", err)
	}
	m := b.Merge(over)
	if got := m.GenericFollowUps["result"]; !slices.Equal(got, []string{"And then?"}) {
		t.Errorf("after the merge, result = %q; the later bank's list should replace it", got)
	}
	if got := m.GenericFollowUps["any"]; len(got) != 1 {
		t.Errorf("after the merge, any = %q; gaps the later bank leaves out are kept", got)
	}
	if len(m.Questions) != 1 {
		t.Errorf("merging follow-ups lost questions: %d", len(m.Questions))
	}
}

func TestGenericFollowUpProblemsNameTheLine(t *testing.T) {
	head := "version: 1\nquestions:\n" + q("a") // 7 lines
	oneProblem(t, head+"generic_follow_ups:\n  reslt: [\"How did it end?\"]\n", 9, `unknown gap "reslt"`, `did you mean "result"`)
	oneProblem(t, head+"generic_follow_ups:\n  lesson: []\n", 9, "lesson has no follow-ups")
	oneProblem(t, head+"generic_follow_ups:\n  lesson:\n    - What did you learn?\n    - \"  \"\n", 11, "lesson has an empty entry")
	ps := problems(t, head+"generic_follow_ups:\n  result: How did it end?\n")
	if len(ps) != 1 || ps[0].Line != 9 {
		t.Errorf("a follow-up given as text instead of a list: %v", ps)
	}
}

func TestFollowUpKinds(t *testing.T) {
	for text, want := range map[string][2]bool{
		"What would you have done if no engineer slot had been available?":           {true, false},
		"What if the customer kept shouting?":                                        {true, false},
		"If the same thing happened tomorrow, what would you do differently?":        {true, false},
		"Tell me about a time you kept to a policy even though the customer pushed.": {false, true},
		"How did it end, and how did you know it had worked?":                        {false, false},
		"How do you keep your own temper on a call like that?":                       {false, false},
		"Have you ever received feedback you disagreed with? What did you do?":       {false, true},
		"Has this happened to you? Tell me about one real time, and what you did.":   {false, true},
	} {
		if got := [2]bool{AsksHypothetical(text), AsksForStory(text)}; got != want {
			t.Errorf("%q: hypothetical, story = %v, want %v", text, got, want)
		}
	}
}
