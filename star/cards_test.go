package star_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// TestBankExamplesAreStrong: every STAR model answer in the bank is heard
// with all four parts and bands strong or good — the tool never shows a
// "strong model answer" that it would itself call needs work.
func TestBankExamplesAreStrong(t *testing.T) {
	r := embeddedRubric(t)
	for _, q := range bank(t).Find(questions.Filter{}) {
		if q.Example == "" || !q.STAR {
			continue
		}
		res := star.Score(r, info(q), star.Answer{Text: q.Example})
		for _, c := range star.Components {
			if !res.Components[c].Present {
				t.Errorf("%s: the model answer's %s is not found (score %d %s)", q.ID, c, res.Score, res.Band)
			}
		}
		if res.Band != star.BandStrong && res.Band != star.BandGood {
			t.Errorf("%s: the model answer bands %s (score %d); tips: %q", q.ID, res.Band, res.Score, res.Tips)
		}
	}
}

// TestMotivationCard: a motivation answer gets its own card, with no STAR
// table (no components in JSON) and checks about reasons and the company.
func TestMotivationCard(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "why-this-company")
	generic := "I love helping people and I think I would be a great fit. Customer service is my passion and I am a hard worker."
	res := star.Score(r, q, star.Answer{Text: generic})
	if res.Kind != star.CardMotivation {
		t.Fatalf("kind %q, want %q", res.Kind, star.CardMotivation)
	}
	if res.Components != nil {
		t.Errorf("a motivation answer has STAR components: %v", res.Components)
	}
	raw, _ := json.Marshal(res)
	if strings.Contains(string(raw), `"components"`) {
		t.Errorf("the JSON of a motivation card holds components: %s", raw)
	}
	if findCheck(t, res, "specific-reasons").OK {
		t.Error("generic claims pass the specific-reasons check")
	}
	if res.Band == star.BandStrong || res.Band == star.BandGood {
		t.Errorf("a generic two-line motivation answer bands %s (%d)", res.Band, res.Score)
	}
	if tipWith(res, "task") || tipWith(res, "situation") {
		t.Errorf("a motivation card gives STAR tips: %q", res.Tips)
	}
	specific := "I've used Northwind's live chat twice, once for a torn jacket, and both times the agent fixed it in under ten minutes without making me post anything back. " +
		"That matches the value you publish, make it easy for the customer, and it's how I worked for two years on the returns desk at a sports shop, where I handled about sixty contacts a day and kept a customer satisfaction score of 92%. " +
		"I also read that you're opening chat seven days a week this spring, and I'd like to be part of the team that makes weekend support feel as good as weekday support. " +
		"Helping a customer who expected a fight leave happy is the part of the job I enjoy most."
	company := &star.CompanyInfo{Name: "Northwind Outfitters", Values: []string{"make it easy for the customer"}, Products: []string{"jackets"}, Channels: []string{"live chat"}, Metrics: []string{"CSAT"}}
	withCompany := *q
	withCompany.Company = company
	good := star.Score(r, &withCompany, star.Answer{Text: specific})
	if good.Score <= res.Score+20 {
		t.Errorf("a specific, company-tied answer scores %d against %d for a generic one", good.Score, res.Score)
	}
	if !findCheck(t, good, "company-tie").OK || !findCheck(t, good, "specific-reasons").OK {
		t.Errorf("checks: %+v", good.Checks)
	}
	if !strings.Contains(findCheck(t, good, "company-tie").Message, "Northwind") {
		t.Errorf("the company check does not name the company: %q", findCheck(t, good, "company-tie").Message)
	}
}

// TestWeaknessCard: a weakness answer is judged on naming one and on what
// is being done about it.
func TestWeaknessCard(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "greatest-weakness")
	named := "My weakness is that I tend to over-explain on calls, so my handle time used to run long."
	res := star.Score(r, q, star.Answer{Text: named})
	if res.Kind != star.CardStrengths {
		t.Fatalf("kind %q, want %q", res.Kind, star.CardStrengths)
	}
	ck := findCheck(t, res, "weakness-plan")
	if ck.OK || !strings.Contains(ck.Message, "doing about it") {
		t.Errorf("a weakness without a plan: %+v", ck)
	}
	fixed := named + " I've been working on it with a three-point call outline, and I now ask my team lead to review two calls a week; my average call dropped from eleven minutes to eight."
	if ck := findCheck(t, star.Score(r, q, star.Answer{Text: fixed}), "weakness-plan"); !ck.OK {
		t.Errorf("a weakness with what is done about it fails: %q", ck.Message)
	}
	// A strengths question that is not about a weakness has no such check.
	if hasCheck(star.Score(r, bankQuestion(t, "greatest-strength"), star.Answer{Text: named}), "weakness-plan") {
		t.Error("the weakness check applies to a question about strengths")
	}
}

// TestHypotheticalAnswerHasNoParts: "I would ..." to a behavioral question
// is not a story: no part is found, the card says why, and the first tip
// asks for a real time it happened.
func TestHypotheticalAnswerHasNoParts(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	text := "I would stay calm and let the customer explain everything first. Then I'd apologise and look into the account to see what went wrong. " +
		"If it was our mistake, I would fix it straight away and maybe offer a credit. I always try to follow up afterwards so they know someone cares."
	res := star.Score(r, q, star.Answer{Text: text})
	for _, c := range star.Components {
		if res.Components[c].Present {
			t.Errorf("%s found in a hypothetical answer: %q", c, res.Components[c].Sentences)
		}
	}
	if ck := findCheck(t, res, "past-event"); ck.OK || !strings.Contains(ck.Message, "would") {
		t.Errorf("past-event: %+v", ck)
	}
	if len(res.Tips) == 0 || !strings.Contains(res.Tips[0], "real example") {
		t.Errorf("first tip does not ask for a real time it happened: %q", res.Tips)
	}
	if res.Band != star.BandIncomplete {
		t.Errorf("band %q for an answer with no story", res.Band)
	}
}

// TestSituationalPlan: to a situational question, a well-ordered plan with
// no story gets the plan card: credit for the plan, at best needs-work, and
// a first tip that asks for a time it happened.
func TestSituationalPlan(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "shouting-customer")
	plan := "First I'd let them finish without interrupting, because cutting in usually makes people louder, and I'd keep my own voice low and steady. " +
		"Then I'd acknowledge how they feel and say clearly that I want to sort it out. Next I'd ask for their account number and the one thing they most need fixed today, " +
		"and tell them exactly what I'm doing while I check. If they kept shouting, I'd calmly explain that I want to help but need us to talk it through, and follow our policy on abusive calls if it came to that. " +
		"Finally I'd summarise what I've done and what happens next, and note the account so nobody asks them to repeat it."
	res := star.Score(r, q, star.Answer{Text: plan})
	if res.Kind != star.CardPlan {
		t.Fatalf("kind %q, want %q (score %d)", res.Kind, star.CardPlan, res.Score)
	}
	if !findCheck(t, res, "plan").OK {
		t.Errorf("a five-step plan fails the plan check: %+v", res.Checks)
	}
	if res.Band != star.BandNeedsWork {
		t.Errorf("a solid plan with no story bands %s (%d), want needs-work", res.Band, res.Score)
	}
	if len(res.Tips) == 0 || !strings.Contains(res.Tips[0], "real time") {
		t.Errorf("first tip does not ask for a real time it happened: %q", res.Tips)
	}
	// The same question answered with a story gets the STAR card.
	story := star.Score(r, q, star.Answer{Text: strongStory})
	if story.Kind != star.CardSTAR {
		t.Errorf("a story to a situational question gets the %q card", story.Kind)
	}
}

// TestFollowUpScoredAgainstFollowUp: a follow-up answer is judged against
// the follow-up's own words, with a short length.
func TestFollowUpScoredAgainstFollowUp(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	a := star.Answer{QuestionID: q.ID, FollowUp: true, Question: "How did you know the customer was satisfied in the end?",
		Text: "He rated the call ten out of ten on the survey, and when I rang back a week later to check the line was stable he said he was satisfied and wasn't leaving."}
	res := star.Score(r, q, a)
	if res.Kind != star.CardFollowUp {
		t.Fatalf("kind %q, want %q", res.Kind, star.CardFollowUp)
	}
	ck := findCheck(t, res, "relevance")
	if !ck.OK || !strings.Contains(ck.Message, "satisfied") {
		t.Errorf("relevance to the follow-up: %+v", ck)
	}
	if !findCheck(t, res, "length").OK {
		t.Errorf("a %d-word follow-up answer fails the length check", res.Words)
	}
	if res.Components != nil {
		t.Error("a follow-up answer gets a STAR table")
	}
	// A follow-up that only asks for a real time is about the main question:
	// the words of asking are not its key words.
	a = star.Answer{QuestionID: q.ID, FollowUp: true, Question: "Has this happened to you? Tell me about one real time, and what you actually did.",
		Text: "Last spring a customer shouted at me on the phone because his refund was late. I stayed calm, listened, found the refund stuck in our system and pushed it through while he waited. He calmed down and thanked me."}
	res = star.Score(r, q, a)
	ck = findCheck(t, res, "relevance")
	if strings.Contains(ck.Message, "happened") || strings.Contains(ck.Message, "actually") {
		t.Errorf("relevance to a follow-up asks for the words of asking: %q", ck.Message)
	}
	if !ck.OK {
		t.Errorf("an answer about an angry customer is not relevant to a follow-up asking for one real time: %q", ck.Message)
	}
}

// TestDirectCard: a technical question answered straight gets the direct
// card, not a STAR table.
func TestDirectCard(t *testing.T) {
	r := embeddedRubric(t)
	var q *star.QuestionInfo
	for _, bq := range bank(t).Find(questions.Filter{Categories: []string{"technical"}}) {
		if !bq.STAR {
			q = info(bq)
			break
		}
	}
	if q == nil {
		t.Fatal("no technical question in the bank")
	}
	res := star.Score(r, q, star.Answer{Text: "First contact resolution is the share of contacts solved in the first reply, with no callback or follow-up needed."})
	if res.Kind != star.CardDirect || res.Components != nil {
		t.Errorf("kind %q, components %v", res.Kind, res.Components)
	}
}

// TestBandRule: the band follows the score, and caps lower both: an
// answer missing one part is at best needs-work, missing more incomplete,
// and the score always sits inside its band.
func TestBandRule(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	noTask := swap(t, strongStory, "It was my job to calm him down and get him back online before his shift on Monday. ", "")
	noTaskNoResult := swap(t, noTask, strongResult, "", strongLesson, "")
	for _, c := range []struct {
		name, text string
		worst      string
	}{
		{"complete", strongStory, star.BandStrong},
		{"no task", noTask, star.BandNeedsWork},
		{"no task, no result", noTaskNoResult, star.BandIncomplete},
		{"three times too long", strongStory + " " + strongStory + " " + strongStory + " " + strongStory, star.BandNeedsWork},
	} {
		res := star.Score(r, q, star.Answer{Text: c.text})
		if bandIndex(res.Band) < bandIndex(c.worst) {
			t.Errorf("%s: band %s, want at best %s (score %d)", c.name, res.Band, c.worst, res.Score)
		}
		if want := bandOf(res.Score); want != res.Band {
			t.Errorf("%s: score %d is %s by the bands, but the band says %s", c.name, res.Score, want, res.Band)
		}
	}
}

func bandIndex(b string) int {
	return map[string]int{star.BandStrong: 0, star.BandGood: 1, star.BandNeedsWork: 2, star.BandIncomplete: 3}[b]
}

// bandOf reads the built-in rubric's bands (strong 80, good 65, needs-work 45).
func bandOf(score int) string {
	switch {
	case score >= 80:
		return star.BandStrong
	case score >= 65:
		return star.BandGood
	case score >= 45:
		return star.BandNeedsWork
	}
	return star.BandIncomplete
}

// TestCompanyRelevance: with a company chosen, an answer using its values,
// products, channels or metrics is credited, and the tips name the ones it
// could have used.
func TestCompanyRelevance(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	q.Company = &star.CompanyInfo{Name: "Northwind Outfitters", Values: []string{"make it easy for the customer"},
		Products: []string{"hiking boots"}, Channels: []string{"live chat"}, Metrics: []string{"first contact resolution"}}
	plain := "Last spring a customer messaged because her order was late. I checked the courier's tracking and rebooked it for the next day. It arrived and she was pleased."
	tied := "Last spring a customer came on live chat because her hiking boots were late for a trip. I checked the courier's tracking and rebooked them for the next day, so she didn't have to contact us twice. They arrived and she was pleased."
	p, c := star.Score(r, q, star.Answer{Text: plain}), star.Score(r, q, star.Answer{Text: tied})
	pr, cr := findCheck(t, p, "relevance"), findCheck(t, c, "relevance")
	if !strings.Contains(cr.Message, "live chat") && !strings.Contains(cr.Message, "hiking boots") {
		t.Errorf("relevance does not credit the company's terms: %q", cr.Message)
	}
	if c.Score < p.Score {
		t.Errorf("using the company's products and channels lowered the score: %d -> %d", p.Score, c.Score)
	}
	if !pr.OK && !tipWith(p, "live chat") && !tipWith(p, "hiking boots") {
		t.Errorf("the relevance tip does not name the company's terms: %q", p.Tips)
	}
}

// TestClausesCarryTwoParts: a sentence that carries two parts is cut where
// the part changes, and the parts list the clauses verbatim.
func TestClausesCarryTwoParts(t *testing.T) {
	r := embeddedRubric(t)
	for _, c := range []struct {
		text       string
		part, want string
	}{
		{"Last Tuesday the label printer in our warehouse had jammed for the third time that morning, so I wrote the forty labels by hand and drove the parcels to the depot myself. They all went out on time.",
			"action", "so I wrote the forty labels by hand and drove the parcels to the depot myself."},
		{"A regular customer rang in a panic because her card had been charged twice for the same order. My job was to get the second charge refunded before her rent went out, so I raised a refund request with the payments team and flagged it as urgent. The money was back in her account the next morning.",
			"task", "My job was to get the second charge refunded before her rent went out,"},
		{"last winter i was on the phones for a gas company and an old man called me because his heating had stopped and it was freezing so i booked an engineer for the same afternoon and i rang him back to check he had a heater and the engineer fixed the boiler by five",
			"action", "so i booked an engineer for the same afternoon and i rang him back to check he had a heater"},
		// Notes pasted with their line breaks lost: a capital marks each start.
		{"I looked after the returns queue for a sports shop over Christmas, with a comma here and there I was asked to clear a backlog of 300 refunds before New Year I sorted the queue by date and did the oldest first " +
			"I rang the twenty customers who had waited longest We cleared the backlog by 30 December and complaints fell by half",
			"result", "We cleared the backlog by 30 December and complaints fell by half"},
	} {
		res := star.Score(r, nil, star.Answer{Text: c.text})
		found := false
		for _, s := range res.Components[c.part].Sentences {
			if !strings.Contains(c.text, s) {
				t.Errorf("%q is not verbatim in the answer", s)
			}
			if strings.Contains(s, c.want) || strings.Contains(c.want, s) && len(s) > len(c.want)/2 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want a clause like %q, got %q\n(all: %v)", c.part, c.want, res.Components[c.part].Sentences, dump(res))
		}
	}
}

// TestQuestionKnownByItsWords: a question not in the bank gets the card its
// words ask for.
func TestQuestionKnownByItsWords(t *testing.T) {
	r := embeddedRubric(t)
	for question, want := range map[string]string{
		"Why do you want to work in customer service?":                star.CardMotivation,
		"What is your greatest weakness?":                             star.CardStrengths,
		"Tell me about a time you calmed down an upset caller.":       star.CardSTAR,
		"How do you handle a day when the queue never stops growing?": star.CardSTAR,
	} {
		res := star.Score(r, nil, star.Answer{Question: question, Text: "I like helping people solve problems."})
		if res.Kind != want {
			t.Errorf("%q: card %q, want %q", question, res.Kind, want)
		}
	}
}

// TestSomeoneElsesStory: a story whose steps were all taken by someone
// else keeps its actions (the card can read them back), but the ownership
// check says whose they were, that comes first in the tips, the share of
// the answer on the speaker's own actions is nil, and the band rule holds
// it at needs work however well it is told.
func TestSomeoneElsesStory(t *testing.T) {
	r := embeddedRubric(t)
	q := bankQuestion(t, "angry-customer-time")
	text := "Last spring at the garden centre where I work, my colleague Priya served a man who was shouting because the lawnmower he bought had broken on its first use. " +
		"Priya let him finish, apologised and checked the receipt on the till. " +
		"She swapped the mower for the newer model at no extra cost and carried it to his car herself. " +
		"He calmed down completely, thanked her by name and left a five-star review that evening."
	res := star.Score(r, q, star.Answer{Text: text})
	if !res.Components["action"].Present {
		t.Errorf("the colleague's steps are not heard as the story's actions:\n%s", dump(res))
	}
	own := findCheck(t, res, "ownership")
	if own.OK || !strings.Contains(own.Message, "Priya") {
		t.Errorf("the ownership check does not say whose steps they were: ok=%v %q", own.OK, own.Message)
	}
	if share := findCheck(t, res, "action-share"); share.OK {
		t.Errorf("a story of someone else's steps passes the action-share check: %q", share.Message)
	}
	if len(res.Tips) == 0 || !strings.Contains(res.Tips[0], "someone else") {
		t.Errorf("the first tip is not about whose story it is: %q", res.Tips)
	}
	if res.Band == star.BandStrong || res.Band == star.BandGood {
		t.Errorf("someone else's story bands %s (%d)", res.Band, res.Score)
	}

	// The same story with the speaker taking the steps is not capped.
	mine := strings.NewReplacer("my colleague Priya served", "I served", "Priya let him finish", "I let him finish",
		"She swapped", "I swapped", "herself", "myself", "thanked her", "thanked me").Replace(text)
	if res := star.Score(r, q, star.Answer{Text: mine}); !findCheck(t, res, "ownership").OK {
		t.Errorf("told in the first person the ownership check fails: %q\n%s", findCheck(t, res, "ownership").Message, dump(res))
	}
}
