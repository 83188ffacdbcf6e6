package questions

import (
	"strings"
	"testing"
)

func TestParseChecklistEvidenceRules(t *testing.T) {
	t.Parallel()
	head := "version: 1\nsteps:\n  - id: research\n    title: Research\n    scope: company\n    items:\n"
	person := "version: 1\nsteps:\n  - id: me\n    title: Me\n    items:\n"
	cases := []struct {
		name, yaml string
		want       string // "" = valid
	}{
		{"a notes rule", head + "      - {id: a, text: A, evidence: {kind: notes, field: products, min: 2}}\n", ""},
		{"an answers rule", person + "      - {id: a, text: A, evidence: {kind: answers, categories: [behavioral], min: 5, band: good}}\n", ""},
		{"an unknown kind", head + "      - {id: a, text: A, evidence: {kind: vibes}}\n", `:7: item "a": evidence kind "vibes" is not one of answers, asks, notes`},
		{"a field the kind does not take", head + "      - {id: a, text: A, evidence: {kind: stories, field: products}}\n", `:7: item "a": evidence of kind stories does not take "field"`},
		{"a misspelt field", head + "      - {id: a, text: A, evidence: {kind: stories, mni: 3}}\n", `:7: unknown field "mni" (did you mean "min"?)`},
		{"notes without a field", head + "      - {id: a, text: A, evidence: {kind: notes}}\n", "notes evidence needs field"},
		{"notes in a step about the person", person + "      - {id: a, text: A, evidence: {kind: notes, field: values}}\n", "belongs in a step with scope: company"},
		{"answers picking nothing", person + "      - {id: a, text: A, evidence: {kind: answers, min: 2}}\n", "needs categories, competencies or questions"},
		{"an unknown band", person + "      - {id: a, text: A, evidence: {kind: answers, categories: [technical], band: great}}\n", `band "great" is not one of strong, good, needs-work`},
		{"an unknown category", person + "      - {id: a, text: A, evidence: {kind: answers, categories: [riddles]}}\n", `unknown category "riddles"`},
		{"a negative min", person + "      - {id: a, text: A, evidence: {kind: stories, min: -1}}\n", "min must not be negative"},
		{"themes without competencies", person + "      - {id: a, text: A, evidence: {kind: story-themes}}\n", "story-themes evidence needs competencies"},
		{"an unknown scope", "version: 1\nsteps:\n  - id: x\n    title: X\n    scope: team\n    items:\n      - {id: a, text: A}\n", `:5: step "x": scope "team" is not one of person, company`},
		{"a repeated item", person + "      - {id: a, text: A}\n      - {id: a, text: B}\n", `item "a" of step "me": needs a unique id and text`},
	}
	for _, c := range cases {
		_, err := ParseChecklist([]byte(c.yaml), "cl.yaml")
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestChecklistItemAndQuestionRefs(t *testing.T) {
	t.Parallel()
	c, err := ParseChecklist([]byte("version: 1\nsteps:\n  - id: me\n    title: Me\n    items:\n      - {id: a, text: A, evidence: {kind: answers, questions: [q1, q2]}}\n      - {id: b, text: B}\n"), "cl.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s, it, ok := c.Item("me", "b"); !ok || s.ID != "me" || it.Text != "B" || s.PerCompany() {
		t.Errorf("Item = %v %v %v", s, it, ok)
	}
	if _, _, ok := c.Item("me", "zz"); ok {
		t.Error("found a missing item")
	}
	if got := strings.Join(c.QuestionRefs(), ","); got != "q1,q2" {
		t.Errorf("refs = %s", got)
	}
}
