package star_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// strongStory is a complete, concrete answer to angry-customer-time that
// passes every check of the built-in rubric; the failing answers below are
// made from it by changing one thing.
const strongStory = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home. It was my job to calm him down and get him back online before his shift on Monday. First I let him finish without interrupting and apologised for the trouble he had been through. Then I checked our CRM and found two earlier tickets that had never been escalated to the network team, which explained why nobody had called him back. I told him exactly what I had found, booked an engineer for eight the next morning, and set a reminder to call him at six that evening to confirm the slot. When I called back, I also credited a week of service to his account so he would not pay for days he could not use. As a result his line was fixed within 24 hours, he gave me 10 out of 10 on the post-call survey, and our repeat contacts for that area fell the following week. I learned that owning the follow-up myself is what turns an angry caller around.`

const strongResult = "As a result his line was fixed within 24 hours, he gave me 10 out of 10 on the post-call survey, and our repeat contacts for that area fell the following week."
const strongLesson = " I learned that owning the follow-up myself is what turns an angry caller around."

// swap replaces old with new in s and fails the test when old is not there,
// so a variant never silently equals the original.
func swap(t testing.TB, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("variant: %q is not in the answer", pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

func embeddedRubric(t testing.TB) *star.Rubric {
	t.Helper()
	r, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatalf("built-in rubric: %v", err)
	}
	return r
}

func bankQuestion(t testing.TB, id string) *star.QuestionInfo {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := b.Get(id)
	if !ok {
		t.Fatalf("no question %q in the built-in bank", id)
	}
	return &star.QuestionInfo{ID: q.ID, Text: q.Text, Keywords: q.Keywords, Competencies: q.Competencies, STAR: q.STAR, Category: q.Category}
}

func findCheck(t testing.TB, res star.Result, id string) star.Check {
	t.Helper()
	for _, c := range res.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %q in the result; checks: %+v", id, res.Checks)
	return star.Check{}
}

func hasCheck(res star.Result, id string) bool {
	for _, c := range res.Checks {
		if c.ID == id {
			return true
		}
	}
	return false
}

func tipWith(res star.Result, sub string) bool {
	for _, tip := range res.Tips {
		if strings.Contains(strings.ToLower(tip), strings.ToLower(sub)) {
			return true
		}
	}
	return false
}

func dump(res star.Result) string {
	b, _ := json.MarshalIndent(res, "", "  ")
	return string(b)
}

// TestEveryRubricCheckIsCovered keeps TestChecks honest: every check of the
// built-in rubric has a passing and a failing case.
func TestEveryRubricCheckIsCovered(t *testing.T) {
	res := star.Score(embeddedRubric(t), bankQuestion(t, "angry-customer-time"), star.Answer{Text: strongStory})
	covered := map[string]bool{}
	for _, c := range checkCases(t) {
		covered[c.id] = true
	}
	if len(res.Checks) == 0 {
		t.Fatal("no checks in the result")
	}
	for _, c := range res.Checks {
		if !covered[c.ID] {
			t.Errorf("check %q of data/rubric.yaml has no case in TestChecks", c.ID)
		}
	}
}

type checkCase struct {
	id   string
	name string
	q    string // question id, "" for none
	pass string
	fail string
	// tip is text that a tip addressing the failure must hold (case-insensitive).
	tip string
}

func checkCases(t testing.TB) []checkCase {
	short := "Last week a customer called because her parcel was late. I checked the tracking and rebooked it. It arrived the next day."
	long := strongStory + "\n\n" + strongStory + "\n\n" + strongStory
	mostlyBackground := `Last December I was working on the phones for a broadband provider in Leeds, on the evening shift with about twelve other agents. It was the week before Christmas, the busiest week of the year, and the queue was over forty calls at times. A customer called who had been without internet for four days and worked from home as a bookkeeper. He had already called three times that week and each time he had been told to restart his router. He was furious, he said he was losing paid work every day, and he wanted to cancel his contract there and then. His contract still had eight months to run and he was one of our long-standing customers, with the company for nine years. The previous agents had logged his calls but nobody had looked at the line history. It was my job to keep him as a customer and get him back online before Monday. I booked an engineer for the next morning. As a result his line was fixed within 24 hours and he gave me 10 out of 10 on the survey. I learned that owning the follow-up myself is what turns an angry caller around.`
	allWe := swap(t, strongStory,
		"First I let", "First we let",
		"Then I checked", "Then we checked",
		"I told him", "We told him",
		"I had found", "we had found",
		"When I called back, I also", "When we called back, we also",
		"gave me", "gave us")
	hypothetical := `If a customer called me furious because his internet had been down for four days, I would first let him finish without interrupting and apologise for the trouble. I would check the CRM to see whether there were earlier tickets that had not been escalated. I'd tell him exactly what I found and I would book an engineer for the next morning. I would also set a reminder to call him back that evening to confirm the slot, and I might credit his account for the days he could not use. The goal would be to get him back online quickly and keep him as a customer. I think owning the follow-up is what turns an angry caller around, and that is what I would aim to do every time.`
	vague := `At my last job I was working at a garden centre when a customer came to the counter, upset because a plant she had bought had died and nobody had listened to her. It was my job to calm her down and put things right for her. First I let her finish without interrupting and apologised for the trouble she had been through. Then I asked her how she had been looking after it and explained what had probably gone wrong with the soil. I told her honestly what I thought, offered her a replacement plant of her choice, and walked her round the shop to pick one she liked. I also wrote down some simple care advice for her on a card so she would know what to do at home. As a result she left happy and thanked me at the end. I learned that listening properly before giving advice is what turns an upset customer around.`
	offTopic := `Last summer I was working in a busy café when a new colleague started on the till. It was my job to train her before the Saturday rush. First I showed her the menu codes, then I watched her serve ten customers and gave her notes after each one. I also wrote a one-page cheat sheet for the till and stuck it by the screen. By Saturday she was serving on her own and the queue never went past five people. I learned that short practice beats long explanations.`
	return []checkCase{
		{id: "length", name: "too short", q: "angry-customer-time", pass: strongStory, fail: short, tip: "too short"},
		{id: "length", name: "too long", q: "angry-customer-time", pass: strongStory, fail: long, tip: "past two minutes"},
		{id: "action-share", name: "mostly background", q: "angry-customer-time", pass: strongStory, fail: mostlyBackground, tip: "action"},
		{id: "ownership", name: "we instead of I", q: "angry-customer-time", pass: strongStory, fail: allWe, tip: `"we"`},
		{id: "past-event", name: "what I would do", q: "angry-customer-time", pass: strongStory, fail: hypothetical, tip: "'If a customer called me"},
		{id: "concrete-detail", name: "no numbers, tools or channels", q: "angry-customer-time", pass: strongStory, fail: vague, tip: "concrete detail"},
		{id: "quantified-result", name: "outcome without a measure", q: "angry-customer-time", pass: strongStory,
			fail: swap(t, strongStory, strongResult, "In the end it was resolved."), tip: "'In the end it was resolved'"},
		{id: "lesson", name: "nothing learned", q: "angry-customer-time", pass: strongStory,
			fail: swap(t, strongStory, strongLesson, ""), tip: "learned"},
		{id: "relevance", name: "a story about another competency", q: "angry-customer-time", pass: strongStory, fail: offTopic, tip: "'apologised'"},
		{id: "filler", name: "hedges and fillers", q: "angry-customer-time", pass: strongStory,
			fail: swap(t, strongStory, "First I let", "Um, so basically, first I kind of let", "Then I checked", "Then, you know, I sort of checked", "I told him", "I mean, I basically told him"),
			tip:  "'basically'"},
		{id: "blame", name: "blaming colleagues", q: "angry-customer-time", pass: strongStory,
			fail: swap(t, strongStory, "which explained why nobody had called him back", "which showed how lazy and useless the network team were"),
			tip:  "'lazy'"},
	}
}

// TestChecks: for every check of the rubric, one answer where it holds and
// one where it does not, and a tip that tells the person what to fix.
func TestChecks(t *testing.T) {
	r := embeddedRubric(t)
	for _, c := range checkCases(t) {
		t.Run(c.id+"/"+c.name, func(t *testing.T) {
			var q *star.QuestionInfo
			if c.q != "" {
				q = bankQuestion(t, c.q)
			}
			pass := star.Score(r, q, star.Answer{Text: c.pass})
			if ck := findCheck(t, pass, c.id); !ck.OK {
				t.Errorf("passing answer: check %s not ok (%q)\n%s", c.id, ck.Message, dump(pass))
			}
			fail := star.Score(r, q, star.Answer{Text: c.fail})
			ck := findCheck(t, fail, c.id)
			if ck.OK {
				t.Fatalf("failing answer: check %s ok (%q)\n%s", c.id, ck.Message, dump(fail))
			}
			if ck.Message == "" {
				t.Errorf("check %s has no message", c.id)
			}
			if !tipWith(fail, c.tip) {
				t.Errorf("no tip mentions %q; tips:\n%s", c.tip, strings.Join(fail.Tips, "\n"))
			}
			if fail.Score >= pass.Score {
				t.Errorf("failing answer scored %d, not below the passing one (%d)", fail.Score, pass.Score)
			}
		})
	}
}

// TestLengthTipNamesTheWordCount: the length tip says how long the answer is.
func TestLengthTipNamesTheWordCount(t *testing.T) {
	r := embeddedRubric(t)
	for _, text := range []string{"I fixed it.", strings.Repeat(strongStory+" ", 3)} {
		res := star.Score(r, nil, star.Answer{Text: text})
		want := fmt.Sprintf("%d words", res.Words)
		if !tipWith(res, want) {
			t.Errorf("%d-word answer: no tip says %q; tips: %q", res.Words, want, res.Tips)
		}
	}
}

func TestRelevanceNeedsAQuestion(t *testing.T) {
	r := embeddedRubric(t)
	if res := star.Score(r, nil, star.Answer{Text: strongStory}); hasCheck(res, "relevance") {
		t.Errorf("relevance checked without a question: %+v", findCheck(t, res, "relevance"))
	}
	if res := star.Score(r, bankQuestion(t, "angry-customer-time"), star.Answer{Text: strongStory}); !hasCheck(res, "relevance") {
		t.Error("relevance not checked with a known question")
	}
}

// TestRelevanceMessageNamesWhatWasCovered: a passing relevance check must not
// claim keywords the answer never uses.
func TestRelevanceMessageNamesWhatWasCovered(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	res := star.Score(r, q, star.Answer{Text: strongStory})
	ck := findCheck(t, res, "relevance")
	if !ck.OK {
		t.Fatalf("relevance not ok for the strong story: %q", ck.Message)
	}
	lower := strings.ToLower(strongStory)
	for _, term := range append(append([]string(nil), q.Keywords...), q.Competencies...) {
		quoted := "'" + term + "'"
		if strings.Contains(ck.Message, quoted) && !strings.Contains(lower, strings.ToLower(term)) {
			t.Errorf("the passing relevance message %q lists %s, which the answer never mentions", ck.Message, quoted)
		}
	}
}

// TestNegation: a negated outcome is not an outcome ("I didn't follow up",
// "it was not resolved", "she never came back").
func TestNegation(t *testing.T) {
	r := embeddedRubric(t)
	parts := func(result string) star.Answer {
		return star.Answer{STAR: &star.Parts{
			Situation: "Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days.",
			Task:      "It was my job to get him back online before his shift on Monday.",
			Action:    "First I apologised and let him finish. Then I checked our CRM, found two tickets that had never been escalated, and booked an engineer for eight the next morning.",
			Result:    result,
		}}
	}
	for _, c := range []struct{ name, pos, neg string }{
		{"resolved", "I followed up with him that evening and the fault on his line was resolved.", "I didn't follow up with him that evening and the fault on his line was not resolved."},
		{"came back", "The customer came back to us the following month and renewed his contract.", "The customer never came back to us and did not renew his contract."},
		{"thanked", "On the follow-up call the next day he thanked me for sorting it out.", "On the follow-up call the next day he did not thank me for anything."},
	} {
		t.Run(c.name, func(t *testing.T) {
			pos := star.Score(r, nil, parts(c.pos))
			neg := star.Score(r, nil, parts(c.neg))
			if neg.Components["result"].Score >= pos.Components["result"].Score {
				t.Errorf("result %q scored %d, not below %q (%d): the negation was not noticed",
					c.neg, neg.Components["result"].Score, c.pos, pos.Components["result"].Score)
			}
			if findCheck(t, neg, "quantified-result").OK {
				t.Errorf("quantified-result ok for %q", c.neg)
			}
			if !tipWith(neg, "result") {
				t.Errorf("no tip about the result for %q: %q", c.neg, neg.Tips)
			}
		})
	}
	t.Run("free text", func(t *testing.T) {
		for _, ending := range []string{
			"I did not follow up with him and it was not resolved.",
			"In the end he never came back to us and did not thank me.",
		} {
			neg := star.Score(r, nil, star.Answer{Text: swap(t, strongStory, strongResult, ending, strongLesson, "")})
			if findCheck(t, neg, "quantified-result").OK {
				t.Errorf("quantified-result ok for an answer ending %q\n%s", ending, dump(neg))
			}
		}
	})
}

// TestWholeWords: cues match whole words, not parts of longer ones.
func TestWholeWords(t *testing.T) {
	r := embeddedRubric(t)
	t.Run("weekend is not we", func(t *testing.T) {
		text := "Last weekend, on a wet Wednesday, I was working at the west entrance of a premium store. The weekend rota was well below the minimum and weekends were always busy. I adjusted the queue."
		if ck := findCheck(t, star.Score(r, nil, star.Answer{Text: text}), "ownership"); !ck.OK {
			t.Errorf("ownership failed for an answer with no \"we\": %q", ck.Message)
		}
		// The same answer with real "we"s fails, so the check is live.
		withWe := swap(t, text, "I was working", "we were working", "I adjusted", "we adjusted", "weekends were", "we knew weekends were")
		if ck := findCheck(t, star.Score(r, nil, star.Answer{Text: withWe}), "ownership"); ck.OK {
			t.Errorf("ownership ok with three \"we\" and no \"I\": %q", ck.Message)
		}
	})
	t.Run("premium, minimum and adjusted are not filler", func(t *testing.T) {
		text := "I adjusted the premium plan to the minimum tier, justified the change to my manager, adjusted the umbrella policy, and adjusted the premium again."
		res := star.Score(r, nil, star.Answer{Text: text})
		if ck := findCheck(t, res, "filler"); !ck.OK {
			t.Errorf("filler failed for words that only contain 'um' or 'just': %q, tips %q", ck.Message, res.Tips)
		}
	})
	t.Run("not is not noted", func(t *testing.T) {
		base := "Last March I was working on the tills at a garden centre when a customer came in upset because her order had been lost. It was my job to sort it out for her before closing. %s In the end she was happy and left a good review."
		unsure := star.Score(r, nil, star.Answer{Text: fmt.Sprintf(base, "I was unsure what to do next.")})
		notSure := star.Score(r, nil, star.Answer{Text: fmt.Sprintf(base, "I was not sure what to do next.")})
		if unsure.Components["action"].Present {
			t.Fatalf("control: action found in %q", unsure.Components["action"].Sentences)
		}
		if notSure.Components["action"].Present {
			t.Errorf("\"I was not sure what to do next.\" is taken as an action (%q)", notSure.Components["action"].Sentences)
		}
	})
	t.Run("entitled to a refund is not blame", func(t *testing.T) {
		text := swap(t, strongStory, "I also credited a week of service to his account", "I explained he was entitled to a credit under our policy and applied a week of service to his account")
		res := star.Score(r, nil, star.Answer{Text: text})
		if ck := findCheck(t, res, "blame"); !ck.OK {
			t.Errorf("\"he was entitled to a credit\" fails the blame check (%q; tips %q)", ck.Message, res.Tips)
		}
	})
}

// TestStructuredAnswers: a structured answer is still checked, field by field.
func TestStructuredAnswers(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	good := star.Parts{
		Situation: "Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home.",
		Task:      "It was my job to calm him down and get him back online before his shift on Monday.",
		Action:    "First I let him finish without interrupting and apologised for the trouble. Then I checked our CRM and found two earlier tickets that had never been escalated. I booked an engineer for eight the next morning and called him at six that evening to confirm the slot. I also credited a week of service to his account.",
		Result:    "As a result his line was fixed within 24 hours and he gave me 10 out of 10 on the survey. I learned that owning the follow-up turns an angry caller around.",
	}
	score := func(p star.Parts) star.Result { return star.Score(r, q, star.Answer{STAR: &p}) }
	base := score(good)
	for _, c := range star.Components {
		comp := base.Components[c]
		if !comp.Present || comp.Score < 70 {
			t.Errorf("good structured answer: %s present=%v score=%d", c, comp.Present, comp.Score)
		}
	}

	t.Run("it went well", func(t *testing.T) {
		p := good
		p.Result = "It went well."
		res := score(p)
		rc := res.Components["result"]
		if !rc.Present {
			t.Fatal("a result field that says 'It went well.' is reported missing")
		}
		if rc.Score > 50 || rc.Score >= base.Components["result"].Score {
			t.Errorf("'It went well.' scores %d as a result, want a low score (the full result scores %d)", rc.Score, base.Components["result"].Score)
		}
		if findCheck(t, res, "quantified-result").OK {
			t.Error("quantified-result ok for 'It went well.'")
		}
		if !tipWith(res, "'It went well'") {
			t.Errorf("no tip quotes the weak result; tips: %q", res.Tips)
		}
		if res.Score >= base.Score {
			t.Errorf("score %d, not below the full answer's %d", res.Score, base.Score)
		}
	})
	t.Run("action as we", func(t *testing.T) {
		p := good
		p.Action = swap(t, p.Action, "First I let", "First we let", "Then I checked", "Then we checked", "I booked", "We booked", "I also", "We also")
		res := score(p)
		if findCheck(t, res, "ownership").OK {
			t.Errorf("ownership ok for an action told as 'we'")
		}
		if !tipWith(res, `"we"`) {
			t.Errorf("no tip about saying I rather than we: %q", res.Tips)
		}
		if res.Components["action"].Score >= base.Components["action"].Score {
			t.Errorf("'we' action scores %d, not below the 'I' action (%d)", res.Components["action"].Score, base.Components["action"].Score)
		}
	})
	t.Run("action as I would", func(t *testing.T) {
		p := good
		p.Action = "I would let him finish without interrupting and apologise for the trouble. I would check our CRM for earlier tickets that had not been escalated. I would book an engineer for the next morning and call him that evening to confirm the slot. I would also credit a week of service to his account."
		res := score(p)
		if findCheck(t, res, "past-event").OK {
			t.Error("past-event ok for an action told as 'I would'")
		}
		if !tipWith(res, "'I would") {
			t.Errorf("no tip quotes the 'I would' action: %q", res.Tips)
		}
		if res.Components["action"].Score >= base.Components["action"].Score {
			t.Errorf("hypothetical action scores %d, not below the real one (%d)", res.Components["action"].Score, base.Components["action"].Score)
		}
	})
	t.Run("missing field", func(t *testing.T) {
		p := good
		p.Task = ""
		res := score(p)
		if res.Components["task"].Present {
			t.Error("an empty task field is reported present")
		}
		if res.Band == star.BandStrong || res.Band == star.BandGood {
			t.Errorf("band %q with the task missing", res.Band)
		}
	})
	t.Run("sentences are the fields' own", func(t *testing.T) {
		for _, c := range star.Components {
			field := map[string]string{"situation": good.Situation, "task": good.Task, "action": good.Action, "result": good.Result}[c]
			for _, s := range base.Components[c].Sentences {
				if !strings.Contains(field, s) {
					t.Errorf("%s sentence %q is not from the %s field", c, s, c)
				}
			}
		}
	})
}

// TestScoreRange: the score is always 0..100, even for nothing at all and
// for an answer far too long.
func TestScoreRange(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	words2000 := strings.Fields(strings.Repeat(strongStory+" ", 11))[:2000]
	cases := map[string]star.Answer{
		"empty":               {},
		"whitespace":          {Text: " \n\t\n "},
		"empty star parts":    {STAR: &star.Parts{}},
		"punctuation only":    {Text: "... !!! ???"},
		"2000 words":          {Text: strings.Join(words2000, " ")},
		"2000 filler words":   {Text: strings.Repeat("um basically you know ", 500)},
		"2000 blame words":    {Text: strings.Repeat("stupid lazy useless idiot ", 500)},
		"2000 hypothetical":   {Text: strings.Repeat("I would maybe apologise. ", 500)},
		"one word":            {Text: "Sorry"},
		"structured and text": {STAR: &star.Parts{Action: "I rang the depot."}, Text: strongStory},
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			for _, qi := range []*star.QuestionInfo{nil, q} {
				res := star.Score(r, qi, a)
				if res.Score < 0 || res.Score > 100 {
					t.Errorf("score %d out of 0..100", res.Score)
				}
				for _, c := range star.Components {
					if s := res.Components[c].Score; s < 0 || s > 100 {
						t.Errorf("%s score %d out of 0..100", c, s)
					}
				}
				if res.Schema != star.ScoreSchema {
					t.Errorf("schema %q", res.Schema)
				}
			}
		})
	}
	t.Run("nothing scores zero", func(t *testing.T) {
		for _, a := range []star.Answer{{}, {Text: "  \n "}, {STAR: &star.Parts{}}} {
			res := star.Score(r, q, a)
			if res.Score != 0 || res.Band != star.BandIncomplete || res.Words != 0 {
				t.Errorf("empty answer: score %d band %q words %d, want 0 incomplete 0", res.Score, res.Band, res.Words)
			}
			for _, c := range star.Components {
				if res.Components[c].Present {
					t.Errorf("empty answer: %s present", c)
				}
			}
		}
	})
	t.Run("2000 words is counted", func(t *testing.T) {
		res := star.Score(r, q, star.Answer{Text: strings.Join(words2000, " ")})
		// Hyphenated words ("post-call") count as two, so a little over 2000.
		if res.Words < 2000 || res.Words > 2100 {
			t.Errorf("words = %d, want about 2000", res.Words)
		}
		if findCheck(t, res, "length").OK {
			t.Error("length ok for 2000 words")
		}
		once := star.Score(r, q, star.Answer{Text: strongStory})
		if res.Score >= once.Score {
			t.Errorf("the story told eleven times (%d) does not score below the story told once (%d)", res.Score, once.Score)
		}
	})
}

// TestDeterministic: the same input gives the same result, every time.
func TestDeterministic(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	answers := []star.Answer{
		{Text: strongStory},
		{Text: "Situation: busy day.\nTask: I had to clear the queue.\nAction: we split it. I would do it again.\nResult: it went well, basically."},
		{STAR: &star.Parts{Situation: "A caller was angry.", Action: "I listened and we fixed it.", Result: "She thanked me."}},
	}
	for i, a := range answers {
		first := star.Score(r, q, a)
		firstJSON, _ := json.Marshal(first)
		for n := 0; n < 20; n++ {
			again := star.Score(r, q, a)
			if !reflect.DeepEqual(first, again) {
				t.Fatalf("answer %d: run %d differs:\n%s\nvs\n%s", i, n, dump(first), dump(again))
			}
			againJSON, _ := json.Marshal(again)
			if string(firstJSON) != string(againJSON) {
				t.Fatalf("answer %d: JSON differs on run %d", i, n)
			}
		}
		// A second rubric compiled from the same file gives the same result.
		if other := star.Score(embeddedRubric(t), q, a); !reflect.DeepEqual(first, other) {
			t.Errorf("answer %d: a freshly compiled rubric gives a different result", i)
		}
	}
}

// TestTipsOrder: the tip that would add the most comes first.
func TestTipsOrder(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	t.Run("missing result", func(t *testing.T) {
		res := star.Score(r, q, star.Answer{Text: swap(t, strongStory, " "+strongResult, "", strongLesson, "")})
		if res.Components["result"].Present {
			t.Fatalf("result found in %q", res.Components["result"].Sentences)
		}
		if len(res.Tips) == 0 || !strings.Contains(strings.ToLower(res.Tips[0]), "result") {
			t.Errorf("first tip is not about the result: %q", res.Tips)
		}
	})
	t.Run("missing situation", func(t *testing.T) {
		text := swap(t, strongStory, "Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home. ", "")
		res := star.Score(r, q, star.Answer{Text: text})
		if res.Components["situation"].Present {
			t.Fatalf("situation still found in %q", res.Components["situation"].Sentences)
		}
		if len(res.Tips) == 0 || !strings.Contains(strings.ToLower(res.Tips[0]), "situation") {
			t.Errorf("first tip is not about the situation: %q", res.Tips)
		}
	})
	t.Run("no repeats", func(t *testing.T) {
		res := star.Score(r, q, star.Answer{Text: "It went well, basically. We sorted it. I would do it again."})
		seen := map[string]bool{}
		for _, tip := range res.Tips {
			if seen[tip] {
				t.Errorf("tip repeated: %q", tip)
			}
			seen[tip] = true
		}
	})
	t.Run("strong answer needs no tips", func(t *testing.T) {
		if res := star.Score(r, q, star.Answer{Text: strongStory}); len(res.Tips) != 0 {
			t.Errorf("tips for an answer that passes every check: %q", res.Tips)
		}
	})
}

// TestBands: the band follows the score, and an answer missing a part is
// never better than needs-work.
func TestBands(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	noResult := swap(t, strongStory, " "+strongResult, "", strongLesson, "")
	cases := []struct {
		name string
		text string
		want []string // acceptable bands
	}{
		{"complete and concrete", strongStory, []string{star.BandStrong}},
		{"missing the result", noResult, []string{star.BandNeedsWork, star.BandIncomplete}},
		{"two sentences", "A customer was angry. I helped.", []string{star.BandIncomplete}},
		{"nothing", "", []string{star.BandIncomplete}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := star.Score(r, q, star.Answer{Text: c.text})
			ok := false
			for _, b := range c.want {
				ok = ok || res.Band == b
			}
			if !ok {
				t.Errorf("band %q (score %d), want one of %q", res.Band, res.Score, c.want)
			}
		})
	}
	// Over many answers: the band agrees with the rubric's thresholds
	// (strong 80, good 65, needs-work 45).
	texts := []string{strongStory, noResult, "A customer was angry. I helped.", strings.Repeat(strongStory+" ", 4)}
	for _, c := range checkCases(t) {
		texts = append(texts, c.pass, c.fail)
	}
	for _, text := range texts {
		res := star.Score(r, q, star.Answer{Text: text})
		missing := 0
		for _, c := range star.Components {
			if !res.Components[c].Present {
				missing++
			}
		}
		floor := map[string]int{star.BandStrong: 80, star.BandGood: 65, star.BandNeedsWork: 45, star.BandIncomplete: 0}
		f, known := floor[res.Band]
		if !known {
			t.Errorf("unknown band %q", res.Band)
			continue
		}
		if res.Score < f {
			t.Errorf("band %q for score %d (floor %d)", res.Band, res.Score, f)
		}
		if missing > 0 && (res.Band == star.BandStrong || res.Band == star.BandGood) {
			t.Errorf("band %q with %d part(s) missing: %.60q", res.Band, missing, text)
		}
		if missing == 0 {
			want := star.BandIncomplete
			switch {
			case res.Score >= 80:
				want = star.BandStrong
			case res.Score >= 65:
				want = star.BandGood
			case res.Score >= 45:
				want = star.BandNeedsWork
			}
			if res.Band != want {
				t.Errorf("complete answer scored %d: band %q, want %q", res.Score, res.Band, want)
			}
		}
	}
}
