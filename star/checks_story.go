package star

import (
	"math"
	"strconv"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// The checks of a story: length, the share on action, ownership, a real
// past event, a plan, detail, a measured result, a lesson and relevance.

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
	if j.an.othersStory() {
		share = 0 // the actions are someone else's
	}
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
	for k := range j.an.clauses {
		i += j.an.clauses[k].facts.iCount
		we += j.an.clauses[k].facts.weCount
	}
	own, others, firstOther := j.an.steps()
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
