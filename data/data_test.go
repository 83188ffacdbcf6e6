package data_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// These tests load the shipped content through the real loaders, so a broken
// or thinned bank fails the build.

func shippedBank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatalf("the embedded question bank does not load:\n%v", err)
	}
	return b
}

func TestDataQuestionCounts(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	count := map[string]int{}
	starStories := 0
	for _, q := range b.Questions {
		count[q.Category]++
		if (q.Category == "behavioral" || q.Category == "situational") && q.STAR {
			starStories++
		}
	}
	if n := len(b.Questions); n < 145 {
		t.Errorf("%d questions, want at least 145", n)
	}
	if starStories < 75 {
		t.Errorf("%d behavioral or situational questions with star: true, want at least 75", starStories)
	}
	for cat, min := range map[string]int{"technical": 20, "motivation": 15, "strengths": 12, "ask": 15} {
		if count[cat] < min {
			t.Errorf("%d %s questions, want at least %d", count[cat], cat, min)
		}
	}
	for _, cat := range questions.Categories {
		if count[cat] == 0 {
			t.Errorf("no %s questions", cat)
		}
	}
}

func TestDataCompetencies(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	used := b.Competencies()
	for _, c := range []string{
		"de-escalation", "empathy", "problem-solving", "communication",
		"product-knowledge", "policy-judgement", "multitasking", "teamwork",
		"upselling", "data-accuracy", "metrics", "resilience", "omnichannel",
		"learning",
	} {
		if !slices.Contains(used, c) {
			t.Errorf("no question probes the competency %q", c)
		}
	}
}

func TestDataEveryQuestionComplete(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	for _, q := range b.Questions {
		if len(q.LookFor) == 0 {
			t.Errorf("%s (%s): no look_for", q.ID, q.Source)
		}
		if len(q.Keywords) == 0 {
			t.Errorf("%s (%s): no keywords", q.ID, q.Source)
		}
		if q.STAR {
			if len(q.FollowUps) == 0 {
				t.Errorf("%s (%s): a STAR question without follow_ups", q.ID, q.Source)
			}
			if strings.TrimSpace(q.Example) == "" {
				t.Errorf("%s (%s): a STAR question without an example answer", q.ID, q.Source)
			}
		}
	}
}

func TestDataSeedTopicsCovered(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	tests := []struct {
		id       string
		category []string
		star     bool
		// the words the question's text must contain, to catch an id that
		// was kept while the question changed topic
		words []string
	}{
		{"policy-override", []string{"behavioral"}, true, []string{"policy"}},
		{"angry-customer-time", []string{"behavioral"}, true, []string{"angry"}},
		{"disagreed-policy", []string{"behavioral"}, true, []string{"policy", "disagreed"}},
		{"negative-to-positive", []string{"behavioral"}, true, []string{"negative", "positive"}},
		{"extra-mile", []string{"behavioral"}, true, []string{"extra mile"}},
		{"peak-season-volume", []string{"behavioral", "situational"}, true, []string{"peak season"}},
		{"stayed-calm-pressure", []string{"behavioral"}, true, []string{"calm", "pressure"}},
		{"defective-product", []string{"situational", "behavioral"}, true, []string{"faulty"}},
		{"exceptional-service-meaning", []string{"motivation"}, false, []string{"exceptional", "service"}},
		{"customer-always-right", []string{"motivation", "strengths", "situational"}, false, []string{"customer is always right"}},
	}
	for _, tt := range tests {
		q, ok := b.Get(tt.id)
		if !ok {
			t.Errorf("no question %q: the seeds' topic is not covered", tt.id)
			continue
		}
		if !slices.Contains(tt.category, q.Category) {
			t.Errorf("%s: category %s, want one of %v", tt.id, q.Category, tt.category)
		}
		if tt.star && !q.STAR {
			t.Errorf("%s: want star: true", tt.id)
		}
		text := strings.ToLower(q.Text)
		for _, w := range tt.words {
			if !strings.Contains(text, w) {
				t.Errorf("%s: text %q does not mention %q", tt.id, q.Text, w)
			}
		}
	}
}

func TestDataQuestionsUseCompanyPlaceholderCorrectly(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	for _, q := range b.Questions {
		filled := questions.Fill(q.Text, "Northwind")
		if strings.Contains(filled, "{{") || strings.Contains(filled, "}}") {
			t.Errorf("%s: text %q has a placeholder other than {{company}}", q.ID, q.Text)
		}
	}
}

func TestDataChecklist(t *testing.T) {
	t.Parallel()
	c, err := questions.ParseChecklist(data.Checklist, data.ChecklistPath)
	if err != nil {
		t.Fatalf("the embedded checklist does not load:\n%v", err)
	}
	var ids []string
	for _, s := range c.Steps {
		ids = append(ids, s.ID)
		if strings.TrimSpace(s.Title) == "" {
			t.Errorf("step %s has no title", s.ID)
		}
		if len(s.Items) < 3 {
			t.Errorf("step %s has %d items, want at least 3 concrete ones", s.ID, len(s.Items))
		}
	}
	want := []string{"company-research", "strengths-weaknesses", "star-stories", "technical", "questions-to-ask", "interview-day"}
	if !slices.Equal(ids, want) {
		t.Errorf("checklist steps = %v, want %v in that order", ids, want)
	}
}

func TestDataExampleCompany(t *testing.T) {
	t.Parallel()
	c, err := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath)
	if err != nil {
		t.Fatalf("the example company does not load:\n%v", err)
	}
	if c.Slug != "northwind" {
		t.Errorf("slug = %q, want northwind (the file's name)", c.Slug)
	}
	if !strings.Contains(strings.ToLower(c.Name+c.Notes), "example") {
		t.Errorf("the example company is not marked as an example in its name or notes: %q", c.Name)
	}
	if len(c.Products) == 0 || len(c.Values) == 0 || len(c.News) == 0 ||
		len(c.Support.Channels) == 0 || len(c.Support.Metrics) == 0 || len(c.QuestionsToAsk) == 0 {
		t.Errorf("the example leaves a section of the format empty: %+v", c)
	}
}

func TestDataRubric(t *testing.T) {
	t.Parallel()
	if _, err := star.ParseRubric(data.Rubric, data.RubricPath); err != nil {
		t.Fatalf("the embedded rubric does not load:\n%v", err)
	}
}
