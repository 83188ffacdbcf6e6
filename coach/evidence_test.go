package coach

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
)

// The evidence rules, table-tested against sample homes: each case builds a
// home, picks a company, and checks how some items stand.

type itemWant struct {
	step, item string
	done       bool
	detail     string // a piece of the detail ("" = anything)
	command    string // a piece of the command ("" = anything)
}

func TestEvidenceRulesAgainstSampleHomes(t *testing.T) {
	bank := shippedBank(t)
	rubric := shippedRubric(t)
	cl := shippedChecklist(t)
	stories8 := func(home string) {
		saveStories(t, home,
			story("angry-caller", false, "de-escalation", "empathy"),
			story("refund-mixup", false, "problem-solving", "data-accuracy"),
			story("said-no", false, "policy-judgement"),
			story("black-friday", false, "resilience", "multitasking"),
			story("covered-shift", false, "teamwork"),
			story("new-crm", false, "learning", "product-knowledge"),
			story("lost-parcel", false, "problem-solving"),
			story("elderly-caller", false, "empathy", "communication"),
		)
	}
	cases := []struct {
		name    string
		company string
		build   func(home string)
		want    []itemWant
	}{
		{
			name: "an empty home and no company",
			want: []itemWant{
				{"company-research", "products", false, "needs the notes", "starprep company add"},
				{"strengths-weaknesses", "three-strengths", false, "you have not named your 3 strengths", "starprep checklist"},
				{"star-stories", "story-bank", false, "0 stories", "starprep stories add"},
				{"star-stories", "measured-results", false, "no stories yet", "starprep stories add"},
				{"star-stories", "scored-well", false, "not practised", "starprep interview --category behavioral,situational"},
				{"technical", "tools", false, "not practised", "starprep interview --category technical"},
				{"questions-to-ask", "shortlist", false, "choose at least 3", "starprep checklist"},
				{"interview-day", "what-to-bring", false, "", "starprep checklist"},
			},
		},
		{
			name:  "notes exist but no company is chosen",
			build: func(home string) { writeFile(t, home, "companies/acme.yaml", acmeNotes) },
			want: []itemWant{
				{"company-research", "products", false, "needs a company", "starprep checklist --company acme"},
			},
		},
		{
			name:    "complete notes",
			company: "acme",
			build:   func(home string) { writeFile(t, home, "companies/acme.yaml", acmeNotes) },
			want: []itemWant{
				{"company-research", "products", true, "3 products", ""},
				{"company-research", "values", true, "2 values", ""},
				{"company-research", "news", true, "latest from 2026-10-12", ""},
				{"company-research", "support-channels", true, "phone, live chat, email", ""},
				{"company-research", "support-metrics", true, "CSAT, first contact resolution", ""},
				{"company-research", "sources", true, "1 source", ""},
				{"company-research", "save-notes", true, "companies/acme.yaml", ""},
				{"company-research", "customer-voice", false, "", "starprep checklist --company acme"},
				{"company-research", "why-company-answer", false, "not practised", "starprep interview --category motivation --company acme"},
			},
		},
		{
			name:    "thin notes",
			company: "thin",
			build:   func(home string) { writeFile(t, home, "companies/thin.yaml", thinNotes) },
			want: []itemWant{
				{"company-research", "products", false, "1 product; aim for 2", "starprep company edit thin"},
				{"company-research", "values", false, "no values yet", "starprep company edit thin"},
				{"company-research", "news", false, "1 dated news item; aim for 2", "starprep company edit thin"},
				{"company-research", "support-channels", true, "email", ""},
				{"company-research", "support-metrics", false, "no support measures", "starprep company edit thin"},
				{"company-research", "sources", false, "no sources", "starprep company edit thin"},
			},
		},
		{
			name:    "only the shipped example",
			company: "northwind",
			want: []itemWant{
				{"company-research", "products", false, "shipped example", "starprep company add --from northwind"},
				{"company-research", "save-notes", false, "shipped example", "starprep company add --from northwind"},
			},
		},
		{
			name:  "eight stories covering the themes, with measured results",
			build: stories8,
			want: []itemWant{
				{"star-stories", "story-bank", true, "8 stories", ""},
				{"star-stories", "cover-themes", true, "all 7 themes", ""},
				{"star-stories", "measured-results", true, "every story", ""},
			},
		},
		{
			name: "too few stories, a theme missing and a vague result",
			build: func(home string) {
				saveStories(t, home, story("angry-caller", false, "de-escalation"), story("vague-one", true, "empathy"))
			},
			want: []itemWant{
				{"star-stories", "story-bank", false, "2 stories in your story bank so far; aim for 8", "starprep stories add"},
				{"star-stories", "cover-themes", false, "problem-solving, policy-judgement, resilience, teamwork, learning", "starprep stories coverage"},
				{"star-stories", "measured-results", false, "vague-one", "starprep stories edit vague-one"},
			},
		},
		{
			name: "strengths claimed, one without a story",
			build: func(home string) {
				writeFile(t, home, "checklist.yaml", "version: 1\nstrengths: [empathy, data-accuracy, resilience]\n")
				saveStories(t, home, story("angry-caller", false, "empathy"), story("black-friday", false, "resilience"))
			},
			want: []itemWant{
				{"strengths-weaknesses", "three-strengths", true, "empathy, data-accuracy, resilience", ""},
				{"strengths-weaknesses", "evidence", false, "no story proves data-accuracy", "starprep stories add"},
			},
		},
		{
			name: "strengths all backed",
			build: func(home string) {
				writeFile(t, home, "checklist.yaml", "version: 1\nstrengths: [empathy, resilience]\n")
				saveStories(t, home, story("angry-caller", false, "empathy"), story("black-friday", false, "resilience"))
			},
			want: []itemWant{
				{"strengths-weaknesses", "three-strengths", false, "you named 2 strengths; name 3", ""},
				{"strengths-weaknesses", "evidence", true, "empathy (1), resilience (1)", ""},
			},
		},
		{
			name: "five strong story answers and a weakness answer",
			build: func(home string) {
				saveSession(t, home, "20261120-090000", "",
					sampleAnswer{"angry-customer-time", true}, sampleAnswer{"extra-mile", true}, sampleAnswer{"policy-override", true},
					sampleAnswer{"negative-to-positive", true}, sampleAnswer{"stayed-calm-pressure", true},
					sampleAnswer{"greatest-weakness", false}, sampleAnswer{"csat-explained", true}, sampleAnswer{"nps-explained", true})
			},
			want: []itemWant{
				{"star-stories", "scored-well", true, "5 questions answered to good or better", ""},
				{"strengths-weaknesses", "one-weakness", true, "practised: 1 question", ""},
				{"strengths-weaknesses", "practise-aloud", false, "1 of 2 so far", "starprep interview --category strengths"},
				{"technical", "metrics", true, "2 questions", ""},
				{"technical", "tools", false, "not practised", "starprep interview --category technical"},
			},
		},
		{
			name: "four strong and one weak answer, the same question twice",
			build: func(home string) {
				saveSession(t, home, "20261120-090000", "",
					sampleAnswer{"angry-customer-time", true}, sampleAnswer{"angry-customer-time", true}, sampleAnswer{"extra-mile", true},
					sampleAnswer{"policy-override", true}, sampleAnswer{"negative-to-positive", true}, sampleAnswer{"stayed-calm-pressure", false})
			},
			want: []itemWant{
				{"star-stories", "scored-well", false, "4 of 5 so far", "starprep interview --category behavioral,situational"},
			},
		},
		{
			name:    "why this company, practised for another company",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				saveSession(t, home, "20261120-090000", "thin", sampleAnswer{"why-this-company", true})
			},
			want: []itemWant{
				{"company-research", "why-company-answer", false, "not practised", "--company acme"},
			},
		},
		{
			name:    "why this company, practised for it",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				saveSession(t, home, "20261120-090000", "acme", sampleAnswer{"why-this-company", true})
			},
			want: []itemWant{
				{"company-research", "why-company-answer", true, "practised: 1 question", ""},
			},
		},
		{
			name:    "questions to ask, one from the notes",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				writeFile(t, home, "checklist.yaml", `version: 1
companies:
  acme:
    asks:
      - {text: "How has the kitchen design service changed what customers call about?", from: notes}
      - {text: "Could you walk me through a typical day for someone in this role?", id: ask-typical-day, from: bank}
      - {text: "How do new people learn the returns policy?", from: own}
`)
			},
			want: []itemWant{
				{"questions-to-ask", "shortlist", true, "3 questions chosen", ""},
				{"questions-to-ask", "company-specific", true, "1 chosen question is about the company", ""},
			},
		},
		{
			name:    "questions to ask, none about the company",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				writeFile(t, home, "checklist.yaml", `version: 1
companies:
  acme:
    asks:
      - {text: "Could you walk me through a typical day?", id: ask-typical-day, from: bank}
      - {text: "What does training look like?", id: ask-training, from: bank}
`)
			},
			want: []itemWant{
				{"questions-to-ask", "shortlist", false, "2 questions chosen; choose at least 3", "starprep checklist --company acme"},
				{"questions-to-ask", "company-specific", false, "none of your chosen questions", "starprep checklist --company acme"},
			},
		},
		{
			name:    "a bank question naming the company counts as about it",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				writeFile(t, home, "checklist.yaml", `version: 1
companies:
  acme:
    asks:
      - {text: "What do you enjoy most about working at Acme Home Supplies?", id: ask-interviewer-enjoys, from: bank}
`)
			},
			want: []itemWant{
				{"questions-to-ask", "company-specific", true, "", ""},
			},
		},
		{
			name:    "hand ticks are kept per company for company steps, once for the rest",
			company: "acme",
			build: func(home string) {
				writeFile(t, home, "companies/acme.yaml", acmeNotes)
				writeFile(t, home, "checklist.yaml", `version: 1
ticked:
  strengths-weaknesses/three-words: 2026-11-01
companies:
  acme:
    ticked:
      interview-day/what-to-bring: 2026-11-02
  thin:
    ticked:
      interview-day/plan-arrival: 2026-11-03
`)
			},
			want: []itemWant{
				{"strengths-weaknesses", "three-words", true, "ticked by you on 2026-11-01", ""},
				{"interview-day", "what-to-bring", true, "ticked by you on 2026-11-02", ""},
				{"interview-day", "plan-arrival", false, "", "starprep checklist --company acme"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			if c.build != nil {
				c.build(home)
			}
			d, warnings, err := LoadEvidence(ChecklistInput{Home: home, Company: c.company, Bank: bank, Rubric: rubric, Examples: []*questions.Company{example(t)}})
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Fatalf("warnings: %v", warnings)
			}
			st := BuildChecklistStatus(cl, d)
			for _, w := range c.want {
				it, ok := st.Item(w.step, w.item)
				if !ok {
					t.Errorf("no item %s/%s", w.step, w.item)
					continue
				}
				if it.Done != w.done || !strings.Contains(it.Detail, w.detail) || !strings.Contains(it.Command, w.command) {
					t.Errorf("%s/%s = done %v, detail %q, command %q; want done %v, detail with %q, command with %q",
						w.step, w.item, it.Done, it.Detail, it.Command, w.done, w.detail, w.command)
				}
				if it.Done && it.Command != "" {
					t.Errorf("%s/%s is done but still names a command %q", w.step, w.item, it.Command)
				}
			}
		})
	}
}

func TestChecklistStatusCountsAndNextAction(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "companies/acme.yaml", acmeNotes)
	d, _, err := LoadEvidence(ChecklistInput{Home: home, Company: "acme", Bank: shippedBank(t), Rubric: shippedRubric(t)})
	if err != nil {
		t.Fatal(err)
	}
	st := BuildChecklistStatus(shippedChecklist(t), d)
	sum := 0
	for _, s := range st.Steps {
		n := 0
		for _, it := range s.Items {
			if it.Done {
				n++
			}
		}
		if n != s.Done || len(s.Items) != s.Total {
			t.Errorf("step %s counts %d/%d, items say %d/%d", s.ID, s.Done, s.Total, n, len(s.Items))
		}
		sum += s.Done
	}
	if sum != st.Done || st.Done != 7 {
		t.Errorf("done = %d (steps sum %d), want the 7 research items the notes prove", st.Done, sum)
	}
	// The first open item is the customer-voice one in step 1, ticked by hand.
	if st.Next == nil || st.Next.Step != "company-research" || st.Next.Item != "customer-voice" || st.Next.Command != "starprep checklist --company acme" {
		t.Errorf("next = %+v", st.Next)
	}
}

func TestLoadEvidenceRefusesBrokenFilesAndLeavesThemAlone(t *testing.T) {
	for _, c := range []struct {
		name, rel, content, where string
	}{
		{"progress", "checklist.yaml", "version: 1\nticked:\n  a/b: [1, 2\n", "checklist.yaml:3"},
		{"progress with a bad day", "checklist.yaml", "version: 1\nticked:\n  interview-day/outfit: yesterday\n", "checklist.yaml:3"},
		{"story", "stories/late.yaml", "id: late\ntitle: Late\ncompetencies: [empathy]\nstar:\n  situation: x\n  tsak: y\n", "stories/late.yaml:6"},
		{"company", "companies/acme.yaml", "name: Acme\nslug: acme\nnews:\n  - {date: 1st May, headline: x}\n", "companies/acme.yaml:4"},
		{"company whose slug is not its file name", "companies/acme.yaml", "name: Acme\nslug: acme-ltd\n", "companies/acme.yaml:2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			writeFile(t, home, "companies/acme.yaml", acmeNotes)
			path := writeFile(t, home, c.rel, c.content)
			_, _, err := LoadEvidence(ChecklistInput{Home: home, Company: "acme", Bank: shippedBank(t), Rubric: shippedRubric(t)})
			var loc interface{ Location() (string, int) }
			if err == nil || !errors.As(err, &loc) {
				t.Fatalf("err = %v, want a located data error", err)
			}
			if !strings.Contains(err.Error(), c.where) {
				t.Errorf("err = %q, want it to name %s", err, c.where)
			}
			after, _ := os.ReadFile(path)
			if string(after) != c.content {
				t.Errorf("the broken file was changed:\n%s", after)
			}
		})
	}
}

func TestShippedChecklistNamesQuestionsOfTheBank(t *testing.T) {
	bank := shippedBank(t)
	cl := shippedChecklist(t)
	refs := cl.QuestionRefs()
	if len(refs) < 10 {
		t.Fatalf("only %d question ids in the evidence rules", len(refs))
	}
	for _, id := range refs {
		if _, ok := bank.Get(id); !ok {
			t.Errorf("the checklist's evidence names question %q, which the bank does not have", id)
		}
	}
	// Every step has items the user's data proves, except the day itself,
	// which is ticked by hand.
	for _, s := range cl.Steps {
		n := 0
		for _, it := range s.Items {
			if it.Evidence != nil {
				n++
			}
		}
		if (n == 0) != (s.ID == "interview-day") {
			t.Errorf("step %s has %d items with evidence", s.ID, n)
		}
	}
}
