package data_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// These tests hold the shape a coach signed off: competencies spread so
// `interview --drill` and `stories coverage` can tell them apart, model
// answers the scorer itself calls good, and one spelling convention.

func questionInfo(q questions.Question) *star.QuestionInfo {
	return &star.QuestionInfo{ID: q.ID, Text: q.Text, Keywords: q.Keywords, Competencies: q.Competencies,
		STAR: q.STAR, Category: q.Category}
}

// TestDataCompetencySpread: no competency sits on more than a third of the
// questions put to a candidate (a tag on everything tells --drill nothing),
// and every competency is on at least three questions (one or two cannot be
// drilled or covered).
func TestDataCompetencySpread(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	posed, all := map[string]int{}, map[string]int{}
	nPosed := 0
	for _, q := range b.Questions {
		for _, c := range q.Competencies {
			all[c]++
		}
		if q.Category == "ask" {
			continue
		}
		nPosed++
		for _, c := range q.Competencies {
			posed[c]++
		}
	}
	for c, n := range posed {
		if 3*n > nPosed {
			t.Errorf("competency %q is on %d of the %d questions put to a candidate, more than a third", c, n, nPosed)
		}
	}
	for c, n := range all {
		if n < 3 {
			t.Errorf("competency %q is on only %d question(s); put it on at least three or fold it into another", c, n)
		}
	}
}

// TestDataModelsPassTheirOwnChecks: every model answer, of every kind, is
// relevant to its own question by the scorer's relevance check and bands
// strong or good on its own card. (The STAR models are also held to all four
// parts found by TestBankExamplesAreStrong in star/.)
func TestDataModelsPassTheirOwnChecks(t *testing.T) {
	t.Parallel()
	r, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	models := 0
	for _, q := range shippedBank(t).Questions {
		if strings.TrimSpace(q.Example) == "" {
			continue
		}
		models++
		res := star.Score(r, questionInfo(q), star.Answer{Text: q.Example})
		found := false
		for _, c := range res.Checks {
			if c.ID == "relevance" {
				found = true
				if !c.OK {
					t.Errorf("%s: the model answer fails its own relevance check: %s", q.ID, c.Message)
				}
			}
		}
		if !found {
			t.Errorf("%s: no relevance check in the %s card", q.ID, res.Kind)
		}
		if res.Band != star.BandStrong && res.Band != star.BandGood {
			t.Errorf("%s: the model answer bands %s (%d) on the %s card; tips: %q", q.ID, res.Band, res.Score, res.Kind, res.Tips)
		}
	}
	if models < 100 {
		t.Errorf("only %d model answers", models)
	}
}

// TestDataSituationalModelsOpenWithTheApproach: a situational model says how
// the speaker would handle it first, then tells a time it happened, so the
// candidate sees both halves of a strong answer.
func TestDataSituationalModelsOpenWithTheApproach(t *testing.T) {
	t.Parallel()
	approach := regexp.MustCompile(`(?i)\b(I'd|I would|I wouldn't|would be)\b`)
	for _, q := range shippedBank(t).Questions {
		if q.Category != "situational" || q.Example == "" {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimSpace(q.Example), ". ")
		if !approach.MatchString(first) {
			t.Errorf("%s: the model opens with %q, not with how you would handle it", q.ID, first)
		}
	}
}

// TestDataSpellingConvention: the bank, checklist and example company are
// written in British English, with money in £ and percentages as %. The
// category name `behavioral` is part of the file format and keeps its
// spelling, so field values are not checked, only prose.
func TestDataSpellingConvention(t *testing.T) {
	t.Parallel()
	american := regexp.MustCompile(`(?i)\b(apologiz\w*|organiz\w*|prioritiz\w*|realiz\w*|recogniz\w*|summariz\w*|personaliz\w*|emphasiz\w*|minimiz\w*|color\w*|favor\w*|honor\w*|center|centers|behavior|behaviors|canceled|canceling|traveled|traveling|labeled|counseling|program|programs|percent|pounds|dollars)\b`)
	b := shippedBank(t)
	for _, q := range b.Questions {
		texts := append([]string{q.Text, q.Example}, q.LookFor...)
		texts = append(texts, q.FollowUps...)
		for _, s := range texts {
			if m := american.FindString(s); m != "" {
				t.Errorf("%s (%s): %q breaks the bank's spelling convention (British English, £, %%)", q.ID, q.Source, m)
			}
		}
		if strings.Contains(questions.Fill(q.Text, ""), "this company's") {
			t.Errorf("%s: without a company the question reads %q; say \"your\" or name the company another way", q.ID, questions.Fill(q.Text, ""))
		}
	}
	c, err := questions.ParseChecklist(data.Checklist, data.ChecklistPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Steps {
		for _, text := range []string{s.Why} {
			if m := american.FindString(text); m != "" {
				t.Errorf("checklist step %s: %q breaks the spelling convention", s.ID, m)
			}
		}
		for _, it := range s.Items {
			if m := american.FindString(it.Text + " " + it.Hint); m != "" {
				t.Errorf("checklist item %s/%s: %q breaks the spelling convention", s.ID, it.ID, m)
			}
		}
	}
}
