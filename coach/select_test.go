package coach

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

func ids(qs []questions.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

func TestChooseDefaultMix(t *testing.T) {
	bank := testBank()
	for seed := int64(1); seed <= 20; seed++ {
		qs, _, err := Choose(bank, Selection{Seed: seed}, nil, Rand(seed))
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != DefaultCount {
			t.Fatalf("seed %d: %d questions, want %d", seed, len(qs), DefaultCount)
		}
		var stories, tech, motiv int
		for _, q := range qs {
			switch {
			case q.Category == "ask":
				t.Errorf("seed %d: asked an `ask` question %s", seed, q.ID)
			case q.STAR:
				stories++
			case q.Category == "technical":
				tech++
			case q.Category == "motivation":
				motiv++
			}
		}
		if stories != 3 || tech != 1 || motiv != 1 {
			t.Errorf("seed %d: %v: %d stories, %d technical, %d motivation; want 3, 1, 1", seed, ids(qs), stories, tech, motiv)
		}
		if qs[0].Category != "motivation" {
			t.Errorf("seed %d: the interview opens with %s, want a motivation question", seed, qs[0].ID)
		}
		again, _, _ := Choose(bank, Selection{Seed: seed}, nil, Rand(seed))
		if !slices.Equal(ids(qs), ids(again)) {
			t.Errorf("seed %d is not reproducible: %v then %v", seed, ids(qs), ids(again))
		}
	}
	a, _, _ := Choose(bank, Selection{Seed: 1}, nil, Rand(1))
	b, _, _ := Choose(bank, Selection{Seed: 2}, nil, Rand(2))
	c, _, _ := Choose(bank, Selection{Seed: 3}, nil, Rand(3))
	if slices.Equal(ids(a), ids(b)) && slices.Equal(ids(b), ids(c)) {
		t.Errorf("three seeds gave the same interview %v", ids(a))
	}
}

func TestChooseFiltersAndCount(t *testing.T) {
	qs, _, err := Choose(testBank(), Selection{Count: 2, Filter: questions.Filter{Competencies: []string{"de-escalation"}}}, nil, Rand(1))
	if err != nil || len(qs) != 2 {
		t.Fatalf("got %v, %v", ids(qs), err)
	}
	for _, q := range qs {
		if !slices.Contains(q.Competencies, "de-escalation") {
			t.Errorf("%s does not probe de-escalation", q.ID)
		}
	}
	if _, _, err := Choose(testBank(), Selection{Filter: questions.Filter{Competencies: []string{"juggling"}}}, nil, Rand(1)); !errors.Is(err, ErrNoQuestions) {
		t.Errorf("no match: err = %v", err)
	}
	// Asking for more than there is gives what there is.
	qs, _, _ = Choose(testBank(), Selection{Count: 50, Filter: questions.Filter{Categories: []string{"technical"}}}, nil, Rand(1))
	if len(qs) != 2 {
		t.Errorf("technical: %v", ids(qs))
	}
}

func TestChoosePutsUnpractisedAndWeakBeforeMastered(t *testing.T) {
	home := t.TempDir()
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	// Three of the four behavioral questions answered well, busy-queue badly.
	writeSession(t, home, "s1", at, map[string][4]string{
		"team-conflict": strong, "went-extra-mile": strong, "missed-sla": strong, "busy-queue": weak,
	})
	saved, _ := SessionsDir(home).List()
	h := BuildHistory(saved, testBank(), testRubric(), nil)
	if h.Rank(mustGet(t, "busy-queue")) >= h.Rank(mustGet(t, "team-conflict")) {
		t.Fatalf("a weak answer ranks %d, a strong one %d", h.Rank(mustGet(t, "busy-queue")), h.Rank(mustGet(t, "team-conflict")))
	}
	for seed := int64(1); seed <= 10; seed++ {
		// No fixed seed: the history decides.
		qs, _, err := Choose(testBank(), Selection{Count: 1, Filter: questions.Filter{Categories: []string{"behavioral"}}}, h, Rand(seed))
		if err != nil {
			t.Fatal(err)
		}
		if qs[0].ID != "busy-queue" {
			t.Errorf("seed %d picked %s before the weak busy-queue", seed, qs[0].ID)
		}
	}
}

func TestParseSetShapes(t *testing.T) {
	bank := testBank()
	cases := []struct {
		name, src string
		want      []string
	}{
		{"list", "- policy-no\n- why-us\n", []string{"policy-no", "why-us"}},
		{"mapping", "title: Tuesday class\nquestions: [why-us, busy-queue]\n", []string{"why-us", "busy-queue"}},
		{"bank", "version: 1\nquestions:\n  - id: brand-new\n    text: What is our refund policy?\n    category: technical\n    competencies: [product-knowledge]\n    difficulty: 1\n", []string{"brand-new"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs, err := ParseSet([]byte(c.src), "set.yaml", bank)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(qs), c.want) {
				t.Errorf("got %v, want %v", ids(qs), c.want)
			}
		})
	}
}

func TestParseSetErrorsNameTheLine(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown id", "- policy-no\n- polcy-no\n", "set.yaml:2: unknown question id \"polcy-no\""},
		{"twice", "questions:\n  - why-us\n  - why-us\n", "set.yaml:3: question \"why-us\" is listed twice"},
		{"empty", "questions: []\n", "the question set is empty"},
		{"scalar", "just words\n", "a question set is a list of question ids"},
		{"bad field", "titel: x\nquestions: [why-us]\n", "set.yaml:1: unknown field \"titel\""},
		{"syntax", "- [oops\n", "set.yaml:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseSet([]byte(c.src), "set.yaml", testBank())
			var ye *yamlfile.Error
			if !errors.As(err, &ye) {
				t.Fatalf("err = %v, want a located *yamlfile.Error", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %q, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestChooseSetKeepsOrderAndCount(t *testing.T) {
	set, err := ParseSet([]byte("- why-us\n- crm-tools\n- policy-no\n"), "s.yaml", testBank())
	if err != nil {
		t.Fatal(err)
	}
	qs, _, _ := Choose(testBank(), Selection{Set: set}, nil, Rand(1))
	if !slices.Equal(ids(qs), []string{"why-us", "crm-tools", "policy-no"}) {
		t.Errorf("whole set: %v", ids(qs))
	}
	qs, _, _ = Choose(testBank(), Selection{Set: set, Count: 2}, nil, Rand(1))
	if !slices.Equal(ids(qs), []string{"why-us", "crm-tools"}) {
		t.Errorf("--count 2: %v", ids(qs))
	}
}

func TestProgressAggregates(t *testing.T) {
	home := t.TempDir()
	d1 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	d2 := d1.AddDate(0, 0, 7)
	writeSession(t, home, "s1", d1, map[string][4]string{"shouting-customer": weak, "team-conflict": weak})
	writeSession(t, home, "s2", d2, map[string][4]string{"shouting-customer": strong, "team-conflict": strong})
	// An empty session (stopped at the first prompt) is not a data point.
	Save(SessionsDir(home).Path("s3"), &star.Session{ID: "s3", StartedAt: d2.Add(time.Hour), QuestionIDs: []string{"why-us"}})
	saved, problems := SessionsDir(home).List()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	p := BuildProgress(saved, testBank(), testRubric(), "", nil)
	if len(p.Sessions) != 2 || p.Sessions[0].ID != "s1" || p.Sessions[1].ID != "s2" {
		t.Fatalf("sessions = %+v", p.Sessions)
	}
	trend := p.Trend()
	if len(trend) != 2 || trend[1] <= trend[0] {
		t.Errorf("trend %v does not show the improvement", trend)
	}
	if len(p.Components) != 4 || p.Components[0].Name != "situation" || p.Components[0].Answers != 4 {
		t.Errorf("components = %+v", p.Components)
	}
	names := map[string]bool{}
	for _, c := range p.Competencies {
		names[c.Name] = true
		if c.Answers != 2 {
			t.Errorf("%s: %d answers, want 2", c.Name, c.Answers)
		}
	}
	for _, want := range []string{"de-escalation", "empathy", "teamwork"} {
		if !names[want] {
			t.Errorf("competency %s missing from %+v", want, p.Competencies)
		}
	}
	if p.WeakestPart == "" || p.WeakestCompetency == "" {
		t.Errorf("weakest areas not named: %+v", p)
	}
	if got := BuildProgress(saved, testBank(), testRubric(), "northwind", nil); len(got.Sessions) != 0 {
		t.Errorf("--company northwind kept %d sessions of no company", len(got.Sessions))
	}
}
