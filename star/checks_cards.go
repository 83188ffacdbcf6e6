package star

import (
	"math"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// The checks of the other cards (reasons, the company and the role, an
// example, a weakness and what is done about it) and of every card
// (filler and blame).

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
