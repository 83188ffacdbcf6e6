package star

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Score scores one answer against the rubric. q may be nil when the
// question is unknown (the answer is then read as a STAR story and
// relevance is not checked). An answer to a follow-up (a.FollowUp) is
// scored against the follow-up's own text.
//
// Score is pure and deterministic: the same rubric, question and answer
// always give the same Result, with checks in the rubric's order and tips
// biggest gain first.
func Score(r *Rubric, q *QuestionInfo, a Answer) Result {
	switch {
	case a.FollowUp && strings.TrimSpace(a.Question) != "":
		q = followUpInfo(q, a.Question)
	case q == nil && strings.TrimSpace(a.Question) != "":
		q = askedInfo(a.Question) // a question not in the bank, known by its words
	}
	an := read(r, a)
	if an.structured {
		for c := range an.clauses {
			an.clauses[c].part = clsNone
			if l := an.clauses[c].label; l >= 0 {
				an.clauses[c].part = l
			}
		}
	} else {
		an.tag(r.tagger)
	}
	j := &judgement{r: r, q: q, an: an, outcomeGroup: r.groupIndex("outcome")}
	j.card = chooseCard(r, q, a, an)
	res := j.result(a)
	an.release()
	return res
}

// followUpInfo describes a follow-up question: its key words are its own
// content words, less the words of asking ("Has this happened to you? Tell
// me about one real time"); a follow-up with none left asks for more on
// the main question's topic, and takes its key words.
func followUpInfo(parent *QuestionInfo, text string) *QuestionInfo {
	info := &QuestionInfo{Text: text, Category: CardFollowUp}
	if parent != nil {
		info.ID, info.Company = parent.ID, parent.Company
	}
	seen := map[string]bool{}
	for _, t := range tokenize(nil, text, nil) {
		if t.clitic || len(t.word) < 4 || stopWords[t.word] || askingWords[t.word] || seen[t.stem] {
			continue
		}
		if t.info != nil && t.info.flags&(fPronoun|fDeterminer|fModal|fAuxBe|fAuxHave|fAuxDo|fConnector) != 0 {
			continue
		}
		seen[t.stem] = true
		info.Keywords = append(info.Keywords, t.word)
	}
	if len(info.Keywords) == 0 && parent != nil {
		info.Keywords = parent.Keywords
	}
	return info
}

// askingWords are how a follow-up asks, not what it asks about.
var askingWords = map[string]bool{"happened": true, "happen": true, "happens": true, "real": true,
	"actually": true, "actual": true, "really": true, "story": true, "example": true, "again": true,
	"instead": true, "thing": true, "things": true, "ever": true, "think": true, "know": true,
	"done": true, "doing": true, "differently": true, "next": true, "went": true, "like": true,
	"more": true, "most": true, "some": true, "something": true, "then": true, "there": true, "were": true,
	"will": true, "your": true, "yourself": true, "which": true, "where": true, "while": true}

// askedInfo describes a question known only by its text (not in the
// bank): its kind read from how it is asked.
func askedInfo(text string) *QuestionInfo {
	// Its own words are not the bank's chosen key words (a good answer to
	// "Why do you want this job?" need not say "want" or "job"), so no
	// relevance is checked.
	info := &QuestionInfo{Text: text}
	info.Category = categoryOf(text)
	info.STAR = info.Category != "motivation" && info.Category != "strengths" // unknown: read as a story
	return info
}

// categoryOf reads a question's kind from its words ("Tell me about a
// time ..." is behavioral, "Why do you want ..." motivation), "" when they
// do not tell. A question that asks what one would do is not read as
// situational: without the bank's word for it, an answer is held to a
// real example.
func categoryOf(text string) string {
	t := " " + toLower(text) + " "
	has := func(phrases ...string) bool {
		for _, p := range phrases {
			if strings.Contains(t, p) {
				return true
			}
		}
		return false
	}
	switch {
	case has("tell me about a time", "tell us about a time", "describe a time", "give me an example", "give an example",
		"share an example", "have you ever", "talk about a time", "walk me through a time", "tell me about an occasion",
		"describe a situation where", "describe an occasion"):
		return "behavioral"
	case has("strength", "weakness", "what are you good at", "say about you", "describe yourself"):
		return "strengths"
	case has("why do you want", "why are you interested", "why this company", "why our company", "why us",
		"why should we hire", "where do you see yourself", "what motivates you", "why customer service",
		"why did you apply", "what attracts you"):
		return "motivation"
	}
	return ""
}

// tipCand is a tip and the points fixing it would add.
type tipCand struct {
	gain float64
	text string
}

func (j *judgement) result(a Answer) Result {
	r, an := j.r, j.an
	res := Result{Schema: ScoreSchema, ID: a.ID, QuestionID: a.QuestionID, Words: an.words, Kind: j.card,
		Checks: make([]Check, 0, len(r.checks)), Tips: []string{}}
	if res.QuestionID == "" && j.q != nil {
		res.QuestionID = j.q.ID
	}
	for c := 0; c < 4; c++ {
		j.parts[c] = partView{an: an}
	}
	for k := range an.clauses {
		if p := an.clauses[k].part; p < clsNone {
			j.parts[p].clauses = append(j.parts[p].clauses, k)
			j.parts[p].words += an.clauses[k].words
		}
	}
	storyCard := j.card == CardSTAR || j.card == CardPlan
	var points, maxPoints, penalty float64
	var tips []tipCand
	addTip := func(gain float64, text string) {
		if text != "" && gain > 0.01 {
			tips = append(tips, tipCand{gain, text})
		}
	}
	noStory := !an.hasStory()
	var partTip [4]bool // a part's own tip was given
	pastEventExtra := 0.0
	ownershipExtra := 0.0 // the weight of actions that were someone else's
	missing := 0
	if storyCard {
		res.Components = make(ComponentMap, 4)
	}
	for c := 0; c < 4 && storyCard; c++ {
		p := &j.parts[c]
		rule := &r.parts[c]
		score := rule.score(p)
		res.Components[Components[c]] = Component{Present: p.present(), Score: score, Words: p.words,
			Sentences: j.partSentences(c), Evidence: j.evidence(c)}
		if !p.present() {
			missing++
		}
		if j.card != CardSTAR {
			continue // the plan card weighs the plan, not the parts
		}
		maxPoints += rule.weight
		points += rule.weight * float64(score) / 100
		switch {
		case noStory:
			// What the answer needs is a story at all: the past-event tip says so.
			pastEventExtra += rule.weight * float64(100-score) / 100
			partTip[c] = true
		case !p.present():
			addTip(rule.weight, rule.missing)
			partTip[c] = true
		case c == clsAction && an.othersStory():
			// The steps are someone else's: the ownership tip says so, and
			// weighs as much as the action part.
			ownershipExtra += rule.weight
			partTip[c] = true
		case c == clsAction && p.mostlyHypothetical():
			pastEventExtra += rule.weight * float64(100-score) / 100
			partTip[c] = true
		case score < rule.weakBelow:
			quote := ""
			if len(p.clauses) > 0 {
				quote = j.quoteClause(p.clauses[0], 8)
			}
			addTip(rule.weight*float64(100-score)/100, fill(rule.weak, &msgVars{quote: quote}))
			partTip[c] = true
		}
	}
	words := strconv.Itoa(an.words)
	companyName := "the company"
	if c := j.company(); c != nil && c.Name != "" {
		companyName = c.Name
	}
	for _, ck := range r.checks {
		b := ck.base()
		if !b.appliesTo(j.card) {
			continue
		}
		o := ck.run(j)
		if o.skip {
			continue
		}
		o.vars.words, o.vars.company = words, companyName
		if o.vars.companyTerms == "" {
			o.vars.companyTerms = j.companyTermsList(3)
		}
		ok := o.credit >= 0.999
		msg, tip := b.Pass, b.Tip
		if !ok {
			msg = b.Fail
			if o.fail != "" {
				msg = o.fail
			}
			if o.tip != "" {
				tip = o.tip
			}
		}
		res.Checks = append(res.Checks, Check{ID: b.ID, OK: ok, Message: fill(msg, &o.vars)})
		if b.Penalty {
			penalty += b.Weight * (1 - o.credit)
			if !ok {
				addTip(b.Weight*(1-o.credit)*1.5, fill(tip, &o.vars))
			}
			continue
		}
		maxPoints += b.Weight
		points += b.Weight * o.credit
		gain := b.Weight * (1 - o.credit)
		switch b.Kind {
		case "past-event":
			gain += pastEventExtra
		case "ownership":
			gain += ownershipExtra
		}
		repeats := o.repeats >= 0 && partTip[o.repeats]
		if !ok && !repeats {
			addTip(gain, fill(tip, &o.vars))
		}
	}
	score := 0.0
	if maxPoints > 0 && an.words > 0 {
		score = 100*points/maxPoints - penalty
	}
	res.Score = clamp(int(math.Round(score)))
	// The band rule: the score picks the band; caps then limit it, and the
	// score with it, so that the number and the band always agree.
	capBand := BandStrong
	limit := func(capName string) {
		if b := r.caps[capName]; bandRank(b) > bandRank(capBand) {
			capBand = b
		}
	}
	switch {
	case j.card == CardSTAR && missing == 1:
		limit("missing-one-part")
	case j.card == CardSTAR && missing > 1:
		limit("missing-more-parts")
	case j.card == CardPlan:
		limit("plan-only")
	}
	if j.tooLong {
		limit("too-long")
	}
	if j.card == CardSTAR && j.an.othersStory() {
		limit("others-steps")
	}
	res.Score = min(res.Score, r.topOf(capBand))
	res.Band = r.bandOf(res.Score)
	slices.SortStableFunc(tips, func(a, b tipCand) int { return cmp.Compare(b.gain, a.gain) })
	for _, t := range tips {
		res.Tips = append(res.Tips, t.text)
	}
	return res
}

// bandOrder lists the bands, best first.
var bandOrder = []string{BandStrong, BandGood, BandNeedsWork, BandIncomplete}

func bandRank(b string) int { return indexOf(bandOrder, b) }

// bandOf is the band a score falls in.
func (r *Rubric) bandOf(score int) string {
	switch {
	case score >= r.bandStrong:
		return BandStrong
	case score >= r.bandGood:
		return BandGood
	case score >= r.bandNeeds:
		return BandNeedsWork
	}
	return BandIncomplete
}

// topOf is the highest score inside band b.
func (r *Rubric) topOf(b string) int {
	switch b {
	case BandGood:
		return r.bandStrong - 1
	case BandNeedsWork:
		return r.bandGood - 1
	case BandIncomplete:
		return max(r.bandNeeds-1, 0)
	}
	return 100
}

// partSentences lists part c's text: each run of its clauses within one
// sentence, verbatim.
func (j *judgement) partSentences(c int) []string {
	out := []string{}
	an := j.an
	clauses := j.parts[c].clauses
	for i := 0; i < len(clauses); {
		first := &an.clauses[clauses[i]]
		k := i
		for k+1 < len(clauses) && clauses[k+1] == clauses[k]+1 && an.clauses[clauses[k+1]].sent == first.sent {
			k++
		}
		last := &an.clauses[clauses[k]]
		out = append(out, an.sents[first.sent].Text[first.start:last.end])
		i = k + 1
	}
	return out
}

// evidence says, in words, why part c was found: the cue phrases in its
// clauses and what its strongest clause tells.
func (j *judgement) evidence(c int) []string {
	p := &j.parts[c]
	if !p.present() {
		return nil
	}
	var out []string
	var seenGroups []int
	for _, h := range j.an.hits {
		if len(out) >= 2 {
			break
		}
		k := h.clause
		if j.an.clauses[k].part != c || !slices.Contains(j.r.parts[c].evidence, h.group) || slices.Contains(seenGroups, h.group) {
			continue
		}
		seenGroups = append(seenGroups, h.group)
		s := j.an.sents[j.an.clauses[k].sent].Text
		e := "'" + s[j.an.toks[h.tok0].start:j.an.toks[h.tok1-1].end] + "' (" + j.r.cues.groups[h.group].id + ")"
		if !slices.ContainsFunc(out, func(x string) bool { return strings.HasPrefix(x, e[:strings.LastIndex(e, " (")]) }) {
			out = append(out, e)
		}
	}
	best, margin := -1, math.Inf(-1)
	for _, k := range p.clauses {
		e := &j.an.clauses[k].emit
		if m := e[c] - e[clsNone]; m > margin {
			best, margin = k, m
		}
	}
	if best >= 0 {
		if why := describeClause(&j.an.clauses[best], c); why != "" {
			out = append(out, j.quoteClause(best, 5)+": "+why)
		}
	}
	return out
}

// describeClause says what a clause tells for part c, as a coach would.
func describeClause(cl *clauseInfo, c int) string {
	f := &cl.facts
	if cl.label == c {
		return "labelled " + classes[c]
	}
	switch c {
	case clsSituation:
		switch {
		case f.tense == tPastPerfect:
			return "what had happened before"
		case f.feelings > 0:
			return "how someone felt"
		case f.subj == subjPerson || f.subj == subjThey || f.subj == subjGeneric:
			return "what the customer or others were doing"
		case f.tense.isPast():
			return "where and when it happened"
		}
	case clsTask:
		switch {
		case f.purpose || f.verb == vcIntent || f.toVerb != vcNone:
			return "what you set out to do"
		default:
			return "what you were responsible for"
		}
	case clsAction:
		switch {
		case f.ownPastStep():
			return "a step you took"
		case f.tense.isPast():
			return "what was done"
		}
	case clsResult:
		switch {
		case f.numbers > 0 || f.measures > 0:
			return "how it ended, with a figure"
		case f.subj == subjI && f.verb == vcMental:
			return "what you learned"
		default:
			return "how it ended"
		}
	}
	return ""
}
