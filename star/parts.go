package star

import (
	"fmt"
	"math"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Part scores: each STAR part found gets a 0–100 score for depth and
// concreteness, its rubric base plus the credits it earns. Each credit kind
// is one type that compiles its rubric entry and scores a part.

// partRule is one part's compiled rubric entry.
type partRule struct {
	evidence  []int // the cue groups quoted as the reason the part was found
	weight    float64
	base      float64
	credits   []partCredit
	weakBelow int
	missing   string
	weak      string
}

// credit adds points to a part's score (or caps it).
type partCredit interface {
	apply(p *partView, score float64) float64
}

// partView is one part of a tagged answer: its clauses, in order.
type partView struct {
	an      *analysis
	clauses []int
	words   int
}

func (p *partView) present() bool { return p.words > 0 }

// has reports whether any clause of the part has a phrase of group g.
func (p *partView) has(g int) bool {
	for _, c := range p.clauses {
		if p.an.clauses[c].cues[g] > 0 {
			return true
		}
	}
	return false
}

// detail: numbers, CSR measures, or (when g ≥ 0) a phrase of group g.
func (p *partView) detail(g int) bool {
	for _, c := range p.clauses {
		f := &p.an.clauses[c].facts
		if f.numbers > 0 || f.measures > 0 || g >= 0 && p.an.clauses[c].cues[g] > 0 {
			return true
		}
	}
	return false
}

func (p *partView) count(pred func(*clauseInfo) bool) int {
	n := 0
	for _, c := range p.clauses {
		if pred(&p.an.clauses[c]) {
			n++
		}
	}
	return n
}

type cueCredit struct {
	group  int
	points float64
}

func (c cueCredit) apply(p *partView, s float64) float64 {
	if p.has(c.group) {
		return s + c.points
	}
	return s
}

type detailCredit struct {
	group  int
	points float64
}

func (c detailCredit) apply(p *partView, s float64) float64 {
	if p.detail(c.group) {
		return s + c.points
	}
	return s
}

type wordsCredit struct {
	min, max int
	points   float64
}

func (c wordsCredit) apply(p *partView, s float64) float64 {
	if p.words >= c.min && (c.max == 0 || p.words <= c.max) {
		return s + c.points
	}
	return s
}

type shareCredit struct {
	above    float64
	minWords int
	points   float64
}

func (c shareCredit) apply(p *partView, s float64) float64 {
	if p.an.words >= c.minWords && float64(p.words)/float64(max(p.an.words, 1)) > c.above {
		return s + c.points
	}
	return s
}

type stepsCredit struct{ each, max float64 }

func (c stepsCredit) apply(p *partView, s float64) float64 {
	steps := p.count(func(cl *clauseInfo) bool { return cl.facts.ownPastStep() })
	return s + math.Min(float64(steps)*c.each, c.max)
}

type weCredit struct{ points float64 }

func (c weCredit) apply(p *partView, s float64) float64 {
	i, we := 0, 0
	for _, k := range p.clauses {
		i += p.an.clauses[k].facts.iCount
		we += p.an.clauses[k].facts.weCount
	}
	if we > i {
		return s + c.points
	}
	return s
}

type hypotheticalCredit struct{ points float64 }

func (c hypotheticalCredit) apply(p *partView, s float64) float64 {
	if p.mostlyHypothetical() {
		return s + c.points
	}
	return s
}

func (p *partView) mostlyHypothetical() bool {
	hyp := p.count(func(cl *clauseInfo) bool { return cl.facts.hypothetical() })
	return len(p.clauses) > 0 && hyp*2 > len(p.clauses)
}

type shortCredit struct {
	maxWords int
	group    int
	atMost   float64
}

func (c shortCredit) apply(p *partView, s float64) float64 {
	if p.words <= c.maxWords && !p.detail(c.group) {
		return math.Min(s, c.atMost)
	}
	return s
}

// score is the part's 0–100 score (0 when the part is missing).
func (pr *partRule) score(p *partView) int {
	if !p.present() {
		return 0
	}
	s := pr.base
	for _, c := range pr.credits {
		s = c.apply(p, s)
	}
	return clamp(int(math.Round(s)))
}

func clamp(v int) int { return max(0, min(100, v)) }

// The YAML forms of the credit kinds.
type (
	cueCreditSpec struct {
		Kind   string  `yaml:"kind"`
		Group  string  `yaml:"group"`
		Points float64 `yaml:"points"`
	}
	wordsCreditSpec struct {
		Kind   string  `yaml:"kind"`
		Min    int     `yaml:"min"`
		Max    int     `yaml:"max"`
		Points float64 `yaml:"points"`
	}
	shareCreditSpec struct {
		Kind     string  `yaml:"kind"`
		Above    float64 `yaml:"above"`
		MinWords int     `yaml:"min_words"`
		Points   float64 `yaml:"points"`
	}
	stepsCreditSpec struct {
		Kind string  `yaml:"kind"`
		Each float64 `yaml:"each"`
		Max  float64 `yaml:"max"`
	}
	pointsCreditSpec struct {
		Kind   string  `yaml:"kind"`
		Points float64 `yaml:"points"`
	}
	shortCreditSpec struct {
		Kind     string  `yaml:"kind"`
		MaxWords int     `yaml:"max_words"`
		Group    string  `yaml:"group"`
		AtMost   float64 `yaml:"at_most"`
	}
)

var creditKinds = []string{"cue", "detail", "words", "share", "steps", "we", "hypothetical", "short"}

func compilePart(ps *yamlfile.Problems, name string, spec partSpec, node *yaml.Node, groups map[string]int) partRule {
	pr := partRule{weight: spec.Weight, base: spec.Base, weakBelow: spec.WeakBelow, missing: spec.Missing, weak: spec.Weak}
	if spec.Weight < 0 || spec.Base < 0 || spec.Base > 100 {
		ps.Add(node, "parts.%s: weight must be ≥ 0 and base a score from 0 to 100", name)
	}
	if spec.Missing == "" || spec.Weak == "" {
		ps.Add(node, "parts.%s needs both a missing and a weak tip", name)
	}
	for _, g := range spec.Evidence {
		if k := groupRef(ps, node, "parts."+name+" evidence", g, groups); k >= 0 {
			pr.evidence = append(pr.evidence, k)
		}
	}
	creditNodes := yamlfile.Value(node, "credits")
	for i := range spec.Credits {
		cn := &spec.Credits[i]
		if creditNodes != nil && i < len(creditNodes.Content) {
			cn = creditNodes.Content[i]
		}
		who := fmt.Sprintf("parts.%s credit %d", name, i+1)
		path := ps.Path
		switch kind := kindOf(cn); kind {
		case "cue", "detail":
			var s cueCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			g := -1
			if kind == "cue" || s.Group != "" {
				g = groupRef(ps, cn, who, s.Group, groups)
			}
			if kind == "cue" {
				pr.credits = append(pr.credits, cueCredit{group: g, points: s.Points})
			} else {
				pr.credits = append(pr.credits, detailCredit{group: g, points: s.Points})
			}
		case "words":
			var s wordsCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			if s.Min < 0 || s.Max != 0 && s.Max < s.Min {
				ps.Add(cn, "%s: min must be ≥ 0 and max (when given) at least min", who)
			}
			pr.credits = append(pr.credits, wordsCredit{min: s.Min, max: s.Max, points: s.Points})
		case "share":
			var s shareCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			if s.Above <= 0 || s.Above >= 1 {
				ps.Add(cn, "%s: above must be a share between 0 and 1", who)
			}
			pr.credits = append(pr.credits, shareCredit{above: s.Above, minWords: s.MinWords, points: s.Points})
		case "steps":
			var s stepsCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			pr.credits = append(pr.credits, stepsCredit{each: s.Each, max: s.Max})
		case "we", "hypothetical":
			var s pointsCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			if kind == "we" {
				pr.credits = append(pr.credits, weCredit{points: s.Points})
			} else {
				pr.credits = append(pr.credits, hypotheticalCredit{points: s.Points})
			}
		case "short":
			var s shortCreditSpec
			if !decodeKind(ps, cn, path, &s) {
				continue
			}
			g := -1
			if s.Group != "" {
				g = groupRef(ps, cn, who, s.Group, groups)
			}
			pr.credits = append(pr.credits, shortCredit{maxWords: s.MaxWords, group: g, atMost: s.AtMost})
		default:
			ps.Add(cn, "%s: unknown kind %q (one of %s)", who, kind, strings.Join(creditKinds, ", "))
		}
	}
	return pr
}
