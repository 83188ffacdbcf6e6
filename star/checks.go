package star

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Checks: properties of an answer that hold or not, each worth points. In
// Vale's shape, every kind is one type: its YAML entry decodes into it, its
// compile validates the entry, and run judges an answer. To add a kind, add
// a type here and a case to compileCheck.

type check interface {
	base() *checkBase
	// compile validates the kind's own fields and resolves its cue groups.
	compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int)
	run(j *judgement) outcome
}

// checkBase holds the fields every check has.
type checkBase struct {
	ID      string   `yaml:"id"`
	Kind    string   `yaml:"kind"`
	Cards   []string `yaml:"cards"`
	Weight  float64  `yaml:"weight"`
	Penalty bool     `yaml:"penalty"`
	Pass    string   `yaml:"pass"`
	Fail    string   `yaml:"fail"`
	Tip     string   `yaml:"tip"`
}

func (b *checkBase) base() *checkBase { return b }

func (b *checkBase) appliesTo(card string) bool {
	for _, c := range b.Cards {
		if c == card {
			return true
		}
	}
	return false
}

// outcome is one check's verdict on one answer.
type outcome struct {
	credit float64 // 0 (fails) to 1 (passes)
	skip   bool    // the check does not apply to this answer
	// fail and tip replace the check's own when a kind has variants.
	fail, tip string
	vars      msgVars
	// repeats names the part whose tip already says what this check's would.
	repeats int
}

func pass() outcome { return outcome{credit: 1, repeats: -1} }

func creditOf(v float64) outcome { return outcome{credit: math.Max(0, math.Min(1, v)), repeats: -1} }

var checkKinds = []string{"length", "action-share", "ownership", "past-event", "plan", "concrete-detail",
	"quantified-result", "lesson", "relevance", "specific-reasons", "company-tie", "weakness-plan",
	"example", "filler", "blame"}

// compileCheck decodes one entry of checks: into the type of its kind.
func compileCheck(ps *yamlfile.Problems, node *yaml.Node, path string, groups map[string]int) check {
	var c check
	switch kind := kindOf(node); kind {
	case "length":
		c = &lengthCheck{}
	case "action-share":
		c = &actionShareCheck{}
	case "ownership":
		c = &ownershipCheck{}
	case "past-event":
		c = &pastEventCheck{}
	case "plan":
		c = &planCheck{}
	case "concrete-detail":
		c = &concreteCheck{}
	case "quantified-result":
		c = &quantifiedCheck{}
	case "lesson":
		c = &lessonCheck{}
	case "relevance":
		c = &relevanceCheck{}
	case "specific-reasons":
		c = &reasonsCheck{}
	case "company-tie":
		c = &tieCheck{}
	case "weakness-plan":
		c = &weaknessCheck{}
	case "example":
		c = &exampleCheck{}
	case "filler":
		c = &fillerCheck{}
	case "blame":
		c = &blameCheck{}
	default:
		ps.Add(node, "check %s: unknown kind %q (one of %s)", valueOf(node, "id"), kind, strings.Join(checkKinds, ", "))
		return nil
	}
	if !decodeKind(ps, node, path, c) {
		return nil
	}
	b := c.base()
	if b.ID == "" {
		ps.Add(node, "a check needs an id")
	}
	if b.Weight < 0 {
		ps.Add(node, "check %s: weight must be ≥ 0", b.ID)
	}
	if len(b.Cards) == 0 {
		ps.Add(node, "check %s: cards is missing (the cards it applies to: %s)", b.ID, strings.Join(cardNames, ", "))
	}
	for _, card := range b.Cards {
		if indexOf(cardNames, card) < 0 {
			ps.Add(node, "check %s: unknown card %q (one of %s)", b.ID, card, strings.Join(cardNames, ", "))
		}
	}
	if b.Pass == "" {
		ps.Add(node, "check %s needs a pass message", b.ID)
	}
	if b.Penalty && b.Kind != "blame" && b.Kind != "filler" {
		ps.Add(node, "check %s: penalty applies only to blame and filler checks", b.ID)
	}
	c.compile(ps, node, groups)
	return c
}

func valueOf(node *yaml.Node, key string) string {
	if v := yamlfile.Value(node, key); v != nil {
		return v.Value
	}
	return ""
}

// needFailTip reports a check without its fail message or tip.
func (b *checkBase) needFailTip(ps *yamlfile.Problems, node *yaml.Node) {
	if b.Fail == "" || b.Tip == "" {
		ps.Add(node, "check %s needs fail and tip messages", b.ID)
	}
}

func needShare(ps *yamlfile.Problems, node *yaml.Node, id, field string, v float64) {
	if v <= 0 || v >= 1 {
		ps.Add(node, "check %s: %s must be a share between 0 and 1", id, field)
	}
}

// length: the answer's words against the spoken length a card expects.
type lengthCheck struct {
	checkBase `yaml:",inline"`
	Min       float64 `yaml:"min"`
	Max       float64 `yaml:"max"`
	FailShort string  `yaml:"fail_short"`
	FailLong  string  `yaml:"fail_long"`
	TipShort  string  `yaml:"tip_short"`
	TipLong   string  `yaml:"tip_long"`
}

func (c *lengthCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	if !(c.Min > 0 && c.Min < c.Max) {
		ps.Add(node, "check %s: needs min and max words, min below max", c.ID)
	}
	if c.FailShort == "" || c.FailLong == "" || c.TipShort == "" || c.TipLong == "" {
		ps.Add(node, "check %s needs fail_short, fail_long, tip_short and tip_long", c.ID)
	}
	if c.Fail != "" || c.Tip != "" {
		ps.Add(node, "check %s: a length check has fail_short/fail_long and tip_short/tip_long, not fail and tip", c.ID)
	}
}

func (c *lengthCheck) run(j *judgement) outcome {
	o := pass()
	o.vars.min, o.vars.max = strconv.Itoa(int(c.Min)), strconv.Itoa(int(c.Max))
	switch w := float64(j.an.words); {
	case w < c.Min:
		o.credit = w / c.Min
		o.fail, o.tip = c.FailShort, c.TipShort
	case w > c.Max:
		o.credit = math.Max(0, 1-(w-c.Max)/(c.Max/2))
		o.fail, o.tip = c.FailLong, c.TipLong
		if w > 2*c.Max {
			j.tooLong = true
		}
	}
	return o
}

// action-share: how much of the answer is on what the speaker did.
type actionShareCheck struct {
	checkBase `yaml:",inline"`
	Min       float64 `yaml:"min"`
}

func (c *actionShareCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	needShare(ps, node, c.ID, "min", c.Min)
	c.needFailTip(ps, node)
}

func (c *actionShareCheck) run(j *judgement) outcome {
	share := float64(j.parts[clsAction].words) / float64(max(j.an.words, 1))
	o := creditOf(share / c.Min)
	o.vars.share = strconv.Itoa(int(math.Round(share*100))) + "%"
	o.repeats = clsAction
	return o
}

// ownership: "I" over "we", and the speaker in the story at all.
type ownershipCheck struct {
	checkBase  `yaml:",inline"`
	Max        float64 `yaml:"max"`
	FailOthers string  `yaml:"fail_others"`
	TipOthers  string  `yaml:"tip_others"`
}

func (c *ownershipCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	needShare(ps, node, c.ID, "max", c.Max)
	c.needFailTip(ps, node)
	if (c.FailOthers == "") != (c.TipOthers == "") {
		ps.Add(node, "check %s: fail_others and tip_others go together", c.ID)
	}
}

func (c *ownershipCheck) run(j *judgement) outcome {
	i, we := 0, 0
	own, others := 0, 0 // steps the speaker took, and ones someone else took
	firstOther := -1
	for k := range j.an.clauses {
		f := &j.an.clauses[k].facts
		i += f.iCount
		we += f.weCount
		switch {
		case f.ownPastStep():
			own++
		case f.tense == tPast && (f.subj == subjPerson || f.subj == subjThey) && (f.verb == vcDo || f.verb == vcSay):
			others++
			if firstOther < 0 {
				firstOther = k
			}
		}
	}
	o := pass()
	o.vars.i, o.vars.we = strconv.Itoa(i), strconv.Itoa(we)
	switch {
	case own == 0 && others >= 2 && c.FailOthers != "":
		// A story about what someone else did.
		o.credit = 0
		o.fail, o.tip = c.FailOthers, c.TipOthers
		o.vars.quote = j.quoteClause(firstOther, 6)
	case i+we > 0:
		if share := float64(we) / float64(i+we); share > c.Max {
			o.credit = math.Max(0, 1-(share-c.Max)/(1-c.Max))
		}
	}
	return o
}

// past-event: a real time it happened, not what one would do.
type pastEventCheck struct {
	checkBase `yaml:",inline"`
	Max       float64 `yaml:"max"`
}

func (c *pastEventCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	needShare(ps, node, c.ID, "max", c.Max)
	c.needFailTip(ps, node)
}

func (c *pastEventCheck) run(j *judgement) outcome {
	var hyp, told int // words
	first := -1
	story := false
	for k := range j.an.clauses {
		cl := &j.an.clauses[k]
		switch {
		case cl.facts.hypothetical():
			hyp += cl.words
			if first < 0 {
				first = k
			}
		case cl.facts.tense.isPast():
			told += cl.words
			if cl.part != clsNone {
				story = true
			}
		}
	}
	o := pass()
	if hyp+told > 0 {
		if share := float64(hyp) / float64(hyp+told); share > c.Max {
			o.credit = math.Max(0, 1-(share-c.Max)/(1-c.Max))
		}
	}
	if !story && j.an.words > 0 {
		o.credit = 0
	}
	o.vars.quote = "no time it happened"
	if first >= 0 {
		o.vars.quote = j.quoteClause(first, 6)
	}
	return o
}

// plan: for a situational question, the steps one would take, in order.
type planCheck struct {
	checkBase `yaml:",inline"`
	Group     string  `yaml:"group"`
	Min       float64 `yaml:"min"`
	group     int
}

func (c *planCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	if c.Min < 1 {
		ps.Add(node, "check %s: min (how many steps make a plan) must be at least 1", c.ID)
	}
	c.needFailTip(ps, node)
}

func (c *planCheck) run(j *judgement) outcome {
	steps, markers := j.planSteps(c.group)
	switch {
	case steps >= int(c.Min) && markers > 0:
		return pass()
	case steps >= int(c.Min):
		return creditOf(0.7)
	}
	return creditOf(0.5 * float64(steps) / c.Min)
}

// planSteps counts the steps of a plan (what one would or will do, or
// usually does) and the words that order them.
func (j *judgement) planSteps(group int) (steps, markers int) {
	for k := range j.an.clauses {
		cl := &j.an.clauses[k]
		f := &cl.facts
		if !f.hypothetical() && f.tense != tGerund {
			continue
		}
		if f.verb == vcDo || f.verb == vcSay || f.toVerb == vcDo || f.toVerb == vcSay {
			steps++
		}
		if group >= 0 && cl.cues[group] > 0 {
			markers++
		}
	}
	return steps, markers
}

// concrete-detail: numbers, times, tools, channels and measures.
type concreteCheck struct {
	checkBase `yaml:",inline"`
	Group     string  `yaml:"group"`
	Min       float64 `yaml:"min"`
	group     int
}

func (c *concreteCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	if c.Min < 1 {
		ps.Add(node, "check %s: min (how many details) must be at least 1", c.ID)
	}
	c.needFailTip(ps, node)
}

func (c *concreteCheck) run(j *judgement) outcome {
	n := 0
	for k := range j.an.clauses {
		cl := &j.an.clauses[k]
		n += min(cl.facts.numbers, 2)
		if c.group >= 0 {
			n += min(int(cl.cues[c.group]), 2)
		}
	}
	return creditOf(float64(n) / c.Min)
}

// quantified-result: the result has a measure or concrete feedback.
type quantifiedCheck struct {
	checkBase `yaml:",inline"`
	Group     string `yaml:"group"`
	group     int
}

func (c *quantifiedCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	c.needFailTip(ps, node)
}

func (c *quantifiedCheck) run(j *judgement) outcome {
	res := &j.parts[clsResult]
	o := creditOf(0)
	switch {
	case res.detail(c.group):
		o.credit = 1
	case res.present() && j.outcomeGroup >= 0 && res.has(j.outcomeGroup):
		o.credit = 0.5
	}
	o.vars.quote = "nothing yet"
	if res.present() {
		o.vars.quote = j.quoteClause(res.clauses[0], 8)
	}
	o.repeats = clsResult
	return o
}

// lesson: what the speaker learned or does differently now.
type lessonCheck struct {
	checkBase `yaml:",inline"`
	Group     string `yaml:"group"`
	group     int
}

func (c *lessonCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	c.needFailTip(ps, node)
}

func (c *lessonCheck) run(j *judgement) outcome {
	for k := range j.an.clauses {
		if j.an.clauses[k].cues[c.group] > 0 {
			return pass()
		}
	}
	return creditOf(0)
}

// relevance: the answer uses the question's key words (and, for a chosen
// company, its values, products, channels and metrics).
type relevanceCheck struct {
	checkBase `yaml:",inline"`
	Min       float64 `yaml:"min"`
}

func (c *relevanceCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	needShare(ps, node, c.ID, "min", c.Min)
	c.needFailTip(ps, node)
}

func (c *relevanceCheck) run(j *judgement) outcome {
	q := j.q
	if q == nil || len(q.Keywords)+len(q.Competencies) == 0 {
		return outcome{skip: true}
	}
	rel := j.relevance()
	o := creditOf(float64(rel.found) / float64(rel.want) / c.Min)
	o.vars.found = rel.foundList
	if o.vars.found == "" {
		o.vars.found = "none of its key words"
	}
	o.vars.keywords = rel.missingList
	if rel.companyMissing != "" {
		o.vars.companyTerms = rel.companyMissing
	}
	return o
}

// specific-reasons: reasons an interviewer could check or remember.
type reasonsCheck struct {
	checkBase `yaml:",inline"`
	Group     string  `yaml:"group"`
	Min       float64 `yaml:"min"`
	group     int
}

func (c *reasonsCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	if c.Min < 1 {
		ps.Add(node, "check %s: min (how many specifics) must be at least 1", c.ID)
	}
	c.needFailTip(ps, node)
}

func (c *reasonsCheck) run(j *judgement) outcome {
	n := 0
	for k := range j.an.clauses {
		cl := &j.an.clauses[k]
		n += min(cl.facts.numbers, 2)
		if cl.facts.tense.isPast() && (cl.facts.subj == subjI || cl.facts.subj == subjWe) {
			n++ // something the speaker did or saw
		}
		if cl.cues[c.group] > 0 {
			n++
		}
	}
	n += min(j.properNames(), 2)
	n += min(j.companyMentions(), 2)
	return creditOf(float64(n) / c.Min)
}

// company-tie: the answer ties to the company (when one is chosen) and the role.
type tieCheck struct {
	checkBase `yaml:",inline"`
	Group     string `yaml:"group"`
	group     int
}

func (c *tieCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	c.needFailTip(ps, node)
}

func (c *tieCheck) run(j *judgement) outcome {
	role := false
	for k := range j.an.clauses {
		if j.an.clauses[k].cues[c.group] > 0 {
			role = true
		}
	}
	o := creditOf(0)
	company := j.companyMentions() > 0
	switch {
	case j.company() == nil || !strings.Contains(c.Pass+c.Fail, "{company}"):
		if role {
			o.credit = 1
		}
	case company && role:
		o.credit = 1
	case company || role:
		o.credit = 0.5
	}
	o.vars.companyTerms = j.companyTermsList(3)
	return o
}

// example: a real past example backs the answer up.
type exampleCheck struct {
	checkBase `yaml:",inline"`
}

func (c *exampleCheck) compile(ps *yamlfile.Problems, node *yaml.Node, _ map[string]int) {
	c.needFailTip(ps, node)
}

func (c *exampleCheck) run(j *judgement) outcome {
	for k := range j.an.clauses {
		if j.an.clauses[k].facts.ownPastStep() {
			return pass()
		}
	}
	return creditOf(0)
}

// weakness-plan: for a question about a weakness, one is named, with what
// is being done about it.
type weaknessCheck struct {
	checkBase       `yaml:",inline"`
	QuestionsWith   []string `yaml:"questions_with"`
	Weakness        string   `yaml:"weakness"`
	Improvement     string   `yaml:"improvement"`
	FailWeakness    string   `yaml:"fail_weakness"`
	FailImprovement string   `yaml:"fail_improvement"`
	TipWeakness     string   `yaml:"tip_weakness"`
	TipImprovement  string   `yaml:"tip_improvement"`
	weakness        int
	improvement     int
}

func (c *weaknessCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.weakness = groupRef(ps, node, "check "+c.ID+" (weakness)", c.Weakness, groups)
	c.improvement = groupRef(ps, node, "check "+c.ID+" (improvement)", c.Improvement, groups)
	if len(c.QuestionsWith) == 0 {
		ps.Add(node, "check %s: questions_with (words of the questions it applies to) is missing", c.ID)
	}
	if c.FailWeakness == "" || c.FailImprovement == "" || c.TipWeakness == "" || c.TipImprovement == "" {
		ps.Add(node, "check %s needs fail_weakness, fail_improvement, tip_weakness and tip_improvement", c.ID)
	}
}

func (c *weaknessCheck) run(j *judgement) outcome {
	if j.q == nil {
		return outcome{skip: true}
	}
	text := strings.ToLower(j.q.ID + " " + j.q.Text)
	asked := false
	for _, w := range c.QuestionsWith {
		if strings.Contains(text, strings.ToLower(w)) {
			asked = true
		}
	}
	if !asked {
		return outcome{skip: true}
	}
	named, improving := false, false
	for k := range j.an.clauses {
		cl := &j.an.clauses[k]
		named = named || cl.cues[c.weakness] > 0
		improving = improving || cl.cues[c.improvement] > 0
	}
	switch {
	case named && improving:
		return pass()
	case named:
		o := creditOf(0.4)
		o.fail, o.tip = c.FailImprovement, c.TipImprovement
		return o
	}
	o := creditOf(0)
	o.fail, o.tip = c.FailWeakness, c.TipWeakness
	return o
}

// filler: filler words and hedges per hundred words.
type fillerCheck struct {
	checkBase `yaml:",inline"`
	Group     string  `yaml:"group"`
	Max       float64 `yaml:"max"`
	group     int
}

func (c *fillerCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	if c.Max < 0 {
		ps.Add(node, "check %s: max (filler words per 100 words) must be ≥ 0", c.ID)
	}
	c.needFailTip(ps, node)
}

func (c *fillerCheck) run(j *judgement) outcome {
	n, quotes := j.quoteHits(c.group, 3)
	o := pass()
	rate := float64(n) * 100 / float64(max(j.an.words, 1))
	if rate > c.Max && n >= 2 {
		o.credit = math.Max(0, 1-(rate-c.Max)/math.Max(c.Max, 1))
	}
	o.vars.quote = strings.Join(quotes, ", ")
	return o
}

// blame: blaming customers, colleagues or a former employer.
type blameCheck struct {
	checkBase `yaml:",inline"`
	Group     string `yaml:"group"`
	group     int
}

func (c *blameCheck) compile(ps *yamlfile.Problems, node *yaml.Node, groups map[string]int) {
	c.group = groupRef(ps, node, "check "+c.ID, c.Group, groups)
	c.needFailTip(ps, node)
}

func (c *blameCheck) run(j *judgement) outcome {
	n, quotes := j.quoteHits(c.group, 2)
	o := pass()
	if n > 0 {
		o.credit = 0
	}
	o.vars.quote = strings.Join(quotes, ", ")
	return o
}

// String names a check for messages about the rubric.
func (b *checkBase) String() string { return fmt.Sprintf("check %s (%s)", b.ID, b.Kind) }
