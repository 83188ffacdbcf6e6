package star

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// classes are what a sentence can be assigned to: the four STAR parts and
// "none" (filler, remarks outside the story).
var classes = [...]string{"situation", "task", "action", "result", "none"}

const (
	clsSituation = iota
	clsTask
	clsAction
	clsResult
	clsNone
	numClasses
)

func classIndex(name string) int {
	for i, c := range classes {
		if c == name {
			return i
		}
	}
	return -1
}

// checkKinds is the closed set of check kinds a rubric may use.
var checkKinds = []string{"length", "action-share", "ownership", "past-event", "concrete-detail",
	"quantified-result", "lesson", "relevance", "filler", "blame"}

// featureNames are the built-in features a rubric may weigh.
var featureNames = []string{"first-person-past", "we-past", "other-past", "stative-past", "past-progressive", "number", "measure", "present-tense-general",
	"position-start", "position-end", "label"}

// The features' indexes in featureNames and Rubric.feature.
const (
	featFirstPersonPast = iota
	featWePast
	featOtherPast
	featStativePast
	featPastProgressive
	featNumber
	featMeasure
	featPresentGeneral
	featPositionStart
	featPositionEnd
	featLabel
	numFeatures
)

// rubricFile is the YAML form of a rubric (data/rubric.yaml documents it).
type rubricFile struct {
	Version     int                           `yaml:"version"`
	Components  map[string]componentSpec      `yaml:"components"`
	Bands       map[string]int                `yaml:"bands"`
	Cues        []cueSpec                     `yaml:"cues"`
	Features    map[string]map[string]float64 `yaml:"features"`
	Transitions map[string]map[string]float64 `yaml:"transitions"`
	Checks      []checkSpec                   `yaml:"checks"`
	Parts       map[string]partTips           `yaml:"parts"`
}

type componentSpec struct {
	Weight float64 `yaml:"weight"`
	Share  float64 `yaml:"share"`
}

type cueSpec struct {
	ID        string             `yaml:"id"`
	Signals   map[string]float64 `yaml:"signals"`
	Negatable bool               `yaml:"negatable"`
	// Subject "first-person" counts a phrase only after "I" or "we" (or at
	// the start of a sentence, as in a bullet "Called the courier").
	Subject string   `yaml:"subject"`
	Phrases []string `yaml:"phrases"`
}

// checkSpec is one flat struct for every kind; compile rejects fields that
// do not apply to a kind.
type checkSpec struct {
	ID       string   `yaml:"id"`
	Kind     string   `yaml:"kind"`
	Weight   float64  `yaml:"weight"`
	Penalty  bool     `yaml:"penalty"`
	Min      *float64 `yaml:"min"`
	Max      *float64 `yaml:"max"`
	Message  string   `yaml:"message"`
	Tip      string   `yaml:"tip"`
	TipShort string   `yaml:"tip_short"`
	TipLong  string   `yaml:"tip_long"`
	Terms    []string `yaml:"terms"`
}

type partTips struct {
	Missing string `yaml:"missing"`
	Weak    string `yaml:"weak"`
}

// Rubric is a compiled rubric: everything the scorer needs, validated and
// precomputed once so that scoring cannot fail.
type Rubric struct {
	compWeight [4]float64
	compShare  [4]float64
	bandStrong int
	bandGood   int
	bandNeeds  int

	phrases *phraseIndex
	// groupSignal[g][class] is how much cue group g leans to each class.
	groupSignal [][numClasses]float64
	groupNames  []string
	grp         groupIDs

	// feature[f] is how much feature f (an index of featureNames) leans to
	// each class; an array rather than a map by name, as the scorer reads
	// it several times per sentence.
	feature     [numFeatures][numClasses]float64
	labelWeight float64
	trans       [numClasses + 1][numClasses]float64 // last row: start

	checks []compiledCheck
	parts  [4]partTips
}

// groupIDs are the indexes of the cue groups the scorer asks about by name.
type groupIDs struct {
	outcome, lesson, hypothetical          int
	concrete, feedback, fillerTerms, blame int
}

type compiledCheck struct {
	checkSpec
	min, max float64
}

// ParseRubric reads and compiles a rubric file. Every problem is reported
// in one *yamlfile.Error with its line.
func ParseRubric(data []byte, path string) (*Rubric, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "a rubric is one YAML mapping; start from the built-in one (see the README)")
		return nil, ps.Err()
	}
	var f rubricFile
	if err := yamlfile.Strict(docs[0], path, &f); err != nil {
		return nil, err
	}
	root := yamlfile.Root(docs[0])
	at := func(n *yaml.Node, keys ...string) *yaml.Node {
		cur := n
		for _, k := range keys {
			next := yamlfile.Value(cur, k)
			if next == nil {
				return cur
			}
			cur = next
		}
		return cur
	}
	if f.Version != 1 {
		ps.Add(at(root, "version"), "unsupported or missing version (want `version: 1`)")
	}
	r := &Rubric{phrases: newPhraseIndex()}

	for i, name := range Components {
		c, ok := f.Components[name]
		if !ok {
			ps.Add(at(root, "components"), "components: %s is missing", name)
			continue
		}
		if c.Weight < 0 || c.Share <= 0 || c.Share >= 1 {
			ps.Add(at(root, "components", name), "components.%s: weight must be ≥ 0 and share between 0 and 1", name)
		}
		r.compWeight[i], r.compShare[i] = c.Weight, c.Share
	}
	for name := range f.Components {
		if !slices.Contains(Components, name) {
			ps.Add(at(root, "components", name), "components: unknown part %q (one of %s)", name, strings.Join(Components, ", "))
		}
	}
	for _, b := range []struct {
		name string
		dst  *int
	}{{"strong", &r.bandStrong}, {"good", &r.bandGood}, {"needs-work", &r.bandNeeds}} {
		v, ok := f.Bands[b.name]
		if !ok || v < 0 || v > 100 {
			ps.Add(at(root, "bands"), "bands.%s must be a score from 0 to 100", b.name)
		}
		*b.dst = v
	}
	if !(r.bandStrong >= r.bandGood && r.bandGood >= r.bandNeeds) {
		ps.Add(at(root, "bands"), "bands must fall: strong ≥ good ≥ needs-work")
	}
	for name := range f.Bands {
		if name != "strong" && name != "good" && name != "needs-work" {
			ps.Add(at(root, "bands", name), "bands: unknown band %q (strong, good, needs-work)", name)
		}
	}

	cueNodes := yamlfile.Value(root, "cues")
	seen := map[string]bool{}
	addGroup := func(name string, signals [numClasses]float64) int {
		r.groupNames = append(r.groupNames, name)
		r.groupSignal = append(r.groupSignal, signals)
		return len(r.groupNames) - 1
	}
	for i, c := range f.Cues {
		node := cueNodes.Content[i]
		if c.ID == "" || seen[c.ID] {
			ps.Add(node, "cue group id %q is missing or repeated", c.ID)
		}
		seen[c.ID] = true
		var sig [numClasses]float64
		for cls, w := range c.Signals {
			k := classIndex(cls)
			if k < 0 {
				ps.Add(at(node, "signals"), "cue group %s: unknown signal %q (one of %s)", c.ID, cls, strings.Join(classes[:], ", "))
				continue
			}
			sig[k] = w
		}
		if len(c.Phrases) == 0 {
			ps.Add(node, "cue group %s has no phrases", c.ID)
		}
		if c.Subject != "" && c.Subject != "first-person" {
			ps.Add(at(node, "subject"), "cue group %s: subject must be first-person (or left out)", c.ID)
		}
		g := addGroup(c.ID, sig)
		for _, p := range c.Phrases {
			if !r.phrases.add(p, g, c.Negatable, c.Subject == "first-person") {
				ps.Add(at(node, "phrases"), "cue group %s: phrase %q has no words", c.ID, p)
			}
		}
	}
	r.grp = groupIDs{outcome: -1, lesson: -1, hypothetical: -1}
	for i, name := range r.groupNames {
		switch name {
		case "outcome":
			r.grp.outcome = i
		case "lesson":
			r.grp.lesson = i
		case "hypothetical":
			r.grp.hypothetical = i
		}
	}
	for _, need := range []string{"outcome", "lesson", "hypothetical"} {
		if !seen[need] {
			ps.Add(at(root, "cues"), "cues: the %q group is required (the checks use it)", need)
		}
	}

	for name, sig := range f.Features {
		if !slices.Contains(featureNames, name) {
			ps.Add(at(root, "features", name), "features: unknown feature %q (one of %s)", name, strings.Join(featureNames, ", "))
			continue
		}
		if name == "label" {
			r.labelWeight = sig["any"]
			continue
		}
		var v [numClasses]float64
		for cls, w := range sig {
			k := classIndex(cls)
			if k < 0 {
				ps.Add(at(root, "features", name), "features.%s: unknown part %q", name, cls)
				continue
			}
			v[k] = w
		}
		r.feature[slices.Index(featureNames, name)] = v
	}

	from := append(classes[:], "start")
	for i, name := range from {
		row, ok := f.Transitions[name]
		if !ok {
			ps.Add(at(root, "transitions"), "transitions.%s is missing", name)
			continue
		}
		idx := i
		if name == "start" {
			idx = numClasses
		}
		for to, w := range row {
			k := classIndex(to)
			if k < 0 {
				ps.Add(at(root, "transitions", name), "transitions.%s: unknown part %q", name, to)
				continue
			}
			r.trans[idx][k] = w
		}
	}

	checkNodes := yamlfile.Value(root, "checks")
	seenCheck := map[string]bool{}
	for i, c := range f.Checks {
		node := checkNodes.Content[i]
		cc, problems := compileCheck(c)
		for _, p := range problems {
			ps.Add(node, "check %s: %s", c.ID, p)
		}
		if seenCheck[c.ID] {
			ps.Add(node, "check id %q is repeated", c.ID)
		}
		seenCheck[c.ID] = true
		if len(c.Terms) > 0 {
			g := addGroup("check:"+c.ID, [numClasses]float64{})
			for _, t := range c.Terms {
				r.phrases.add(t, g, c.Kind == "quantified-result", false)
			}
			switch c.Kind {
			case "concrete-detail":
				r.grp.concrete = g
			case "quantified-result":
				r.grp.feedback = g
			case "filler":
				r.grp.fillerTerms = g
			case "blame":
				r.grp.blame = g
			}
		}
		r.checks = append(r.checks, cc)
	}
	for i, name := range Components {
		t, ok := f.Parts[name]
		if !ok || t.Missing == "" || t.Weak == "" {
			ps.Add(at(root, "parts"), "parts.%s needs both a missing and a weak tip", name)
		}
		r.parts[i] = t
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	r.phrases.finish()
	return r, nil
}

func compileCheck(c checkSpec) (compiledCheck, []string) {
	var problems []string
	cc := compiledCheck{checkSpec: c, min: math.NaN(), max: math.NaN()}
	if c.Min != nil {
		cc.min = *c.Min
	}
	if c.Max != nil {
		cc.max = *c.Max
	}
	if c.ID == "" {
		problems = append(problems, "needs an id")
	}
	if !slices.Contains(checkKinds, c.Kind) {
		problems = append(problems, fmt.Sprintf("unknown kind %q (one of %s)", c.Kind, strings.Join(checkKinds, ", ")))
		return cc, problems
	}
	if c.Weight < 0 {
		problems = append(problems, "weight must be ≥ 0")
	}
	if c.Message == "" {
		problems = append(problems, "needs a message")
	}
	need := func(field string, ok bool) {
		if !ok {
			problems = append(problems, fmt.Sprintf("kind %s needs %s", c.Kind, field))
		}
	}
	forbid := func(field string, set bool) {
		if set {
			problems = append(problems, fmt.Sprintf("%s does not apply to kind %s", field, c.Kind))
		}
	}
	switch c.Kind {
	case "length":
		need("min and max", c.Min != nil && c.Max != nil && *c.Min < *c.Max)
		need("tip_short and tip_long", c.TipShort != "" && c.TipLong != "")
		forbid("tip", c.Tip != "")
		forbid("terms", len(c.Terms) > 0)
	case "action-share", "relevance":
		need("min (a share from 0 to 1)", c.Min != nil && *c.Min > 0 && *c.Min < 1)
		forbid("max", c.Max != nil)
	case "ownership", "past-event":
		need("max (a share from 0 to 1)", c.Max != nil && *c.Max > 0 && *c.Max < 1)
		forbid("min", c.Min != nil)
	case "concrete-detail":
		need("min (how many details)", c.Min != nil && *c.Min >= 1)
		need("terms", len(c.Terms) > 0)
	case "filler":
		need("max (per 100 words)", c.Max != nil && *c.Max >= 0)
		need("terms", len(c.Terms) > 0)
	case "blame", "quantified-result":
		need("terms", len(c.Terms) > 0)
	case "lesson":
		forbid("terms", len(c.Terms) > 0)
	}
	if c.Kind != "length" {
		need("tip", c.Tip != "")
		forbid("tip_short/tip_long", c.TipShort != "" || c.TipLong != "")
	}
	if c.Penalty && c.Kind != "blame" && c.Kind != "filler" {
		problems = append(problems, "penalty applies only to blame and filler checks")
	}
	return cc, problems
}
