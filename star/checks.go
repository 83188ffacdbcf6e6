package star

import (
	"math"
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
