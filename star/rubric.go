package star

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// The rubric file (data/rubric.yaml documents every key): cue groups,
// part scores, checks, bands and the caps of the band rule. ParseRubric
// validates it all and compiles it once, so that scoring cannot fail.

// classes are what a clause can be tagged: the four STAR parts and none
// (asides, opinions, what one would do).
var classes = [...]string{"situation", "task", "action", "result", "none"}

const (
	clsSituation = iota
	clsTask
	clsAction
	clsResult
	clsNone
	numClasses
)

func classIndex(name string) int { return indexOf(classes[:], name) }

// Cards are the kinds of feedback card, by the question answered.
const (
	CardSTAR       = "star"
	CardPlan       = "plan"
	CardMotivation = "motivation"
	CardStrengths  = "strengths"
	CardDirect     = "direct"
	CardFollowUp   = "follow-up"
)

var cardNames = []string{CardSTAR, CardPlan, CardMotivation, CardStrengths, CardDirect, CardFollowUp}

// capNames are the band rule's caps.
var capNames = []string{"missing-one-part", "missing-more-parts", "plan-only", "too-long", "others-steps"}

// Rubric is a compiled rubric.
type Rubric struct {
	bandStrong, bandGood, bandNeeds int
	caps                            map[string]string // cap → the best band allowed

	cues   *cueIndex
	dict   *dictionary
	groups map[string]int // cue group id → index

	parts  [4]partRule
	checks []check
	// planMin is the plan check's min: how many ordered steps make a plan.
	planMin int

	tagger *boundWeights
	// endingGroups are the cue groups of how a story ends (outcome,
	// feedback, lesson).
	endingGroups []int
	// termStems caches the stems of the questions' key words and company
	// terms (a term's stems never change).
	termStems sync.Map
}

type rubricFile struct {
	Version     int                 `yaml:"version"`
	LabelWeight float64             `yaml:"label_weight"`
	Bands       map[string]int      `yaml:"bands"`
	Caps        map[string]string   `yaml:"caps"`
	Cues        []cueSpec           `yaml:"cues"`
	Parts       map[string]partSpec `yaml:"parts"`
	Checks      []yaml.Node         `yaml:"checks"`
}

type cueSpec struct {
	ID          string   `yaml:"id"`
	Negatable   bool     `yaml:"negatable"`
	FirstPerson bool     `yaml:"first_person"`
	Unquoted    bool     `yaml:"unquoted"`
	Phrases     []string `yaml:"phrases"`
}

type partSpec struct {
	Evidence  []string    `yaml:"evidence"`
	Weight    float64     `yaml:"weight"`
	Base      float64     `yaml:"base"`
	Credits   []yaml.Node `yaml:"credits"`
	WeakBelow int         `yaml:"weak_below"`
	Missing   string      `yaml:"missing"`
	Weak      string      `yaml:"weak"`
}

// ParseRubric reads and compiles a rubric file. Every problem is reported
// in one *yamlfile.Error, each with its line.
func ParseRubric(data []byte, path string) (*Rubric, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := &yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "a rubric is one YAML mapping; start from the built-in one (data/rubric.yaml, see the README)")
		return nil, ps.Err()
	}
	root := yamlfile.Root(docs[0])
	if root.Kind != yaml.MappingNode {
		ps.Add(root, "a rubric is a YAML mapping of version, bands, caps, cues, parts and checks")
		return nil, ps.Err()
	}
	if v := yamlfile.Value(root, "version"); v != nil && v.Value == "1" {
		ps.Add(v, "this is a version 1 rubric, from an older starprep: the scorer now tags clauses itself, so cue signals, features and transitions are gone; start again from the built-in rubric (data/rubric.yaml) and copy your phrases and weights across")
		return nil, ps.Err()
	}
	var f rubricFile
	if err := yamlfile.Strict(docs[0], path, &f); err != nil {
		return nil, err
	}
	at := func(keys ...string) *yaml.Node {
		cur := root
		for _, k := range keys {
			next := yamlfile.Value(cur, k)
			if next == nil {
				return cur
			}
			cur = next
		}
		return cur
	}
	if f.Version != 2 {
		ps.Add(at("version"), "unsupported or missing version (want `version: 2`)")
	}
	if f.LabelWeight < 0 {
		ps.Add(at("label_weight"), "label_weight must be ≥ 0")
	}
	r := &Rubric{cues: newCueIndex(), groups: map[string]int{}, caps: map[string]string{}}
	r.compileBands(ps, &f, at)
	phrases := r.compileCues(ps, &f, at)
	model, err := embeddedModel()
	if err != nil {
		return nil, fmt.Errorf("the scorer's tagger: %w", err)
	}
	// The tagger was trained with these groups: a rubric must keep them.
	for name := range model.features {
		g, ok := strings.CutPrefix(name, "cue=")
		if !ok || strings.Contains(g, " ") {
			continue
		}
		if _, have := r.groups[g]; !have {
			ps.Add(at("cues"), "cues: the %q group is missing; the tagger reads it to tell the parts apart (keep it, with your own phrases if you like)", g)
		}
	}
	for i, name := range Components {
		spec, ok := f.Parts[name]
		if !ok {
			ps.Add(at("parts"), "parts: %s is missing", name)
			continue
		}
		r.parts[i] = compilePart(ps, name, spec, at("parts", name), r.groups)
	}
	for name := range f.Parts {
		if !slices.Contains(Components, name) {
			ps.Add(at("parts", name), "parts: unknown part %q (one of %s)", name, strings.Join(Components, ", "))
		}
	}
	checkNodes := yamlfile.Value(root, "checks")
	seen := map[string]bool{}
	for i := range f.Checks {
		node := &f.Checks[i]
		if checkNodes != nil && i < len(checkNodes.Content) {
			node = checkNodes.Content[i]
		}
		c := compileCheck(ps, node, path, r.groups)
		if c == nil {
			continue
		}
		b := c.base()
		for _, card := range b.Cards {
			key := b.ID + "/" + card
			if seen[key] {
				ps.Add(node, "check %s: it is given twice for the %s card", b.ID, card)
			}
			seen[key] = true
		}
		if pc, ok := c.(*planCheck); ok {
			r.planMin = int(pc.Min)
		}
		r.checks = append(r.checks, c)
	}
	if len(f.Checks) == 0 {
		ps.Add(at("checks"), "checks: the rubric has none")
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	r.cues.finish()
	r.dict = newDictionary(r.cues, phrases)
	for _, g := range []string{"outcome", "feedback", "lesson"} {
		if i := r.groupIndex(g); i >= 0 {
			r.endingGroups = append(r.endingGroups, i)
		}
	}
	r.tagger = model.bind(r.cues.groups)
	r.tagger.labelWeight = f.LabelWeight
	return r, nil
}

func (r *Rubric) compileBands(ps *yamlfile.Problems, f *rubricFile, at func(...string) *yaml.Node) {
	for _, b := range []struct {
		name string
		dst  *int
	}{{"strong", &r.bandStrong}, {"good", &r.bandGood}, {"needs-work", &r.bandNeeds}} {
		v, ok := f.Bands[b.name]
		if !ok || v < 0 || v > 100 {
			ps.Add(at("bands"), "bands.%s must be a score from 0 to 100", b.name)
		}
		*b.dst = v
	}
	if !(r.bandStrong >= r.bandGood && r.bandGood >= r.bandNeeds) {
		ps.Add(at("bands"), "bands must fall: strong ≥ good ≥ needs-work")
	}
	for name := range f.Bands {
		if name != "strong" && name != "good" && name != "needs-work" {
			ps.Add(at("bands", name), "bands: unknown band %q (strong, good, needs-work)", name)
		}
	}
	for _, name := range capNames {
		band, ok := f.Caps[name]
		if !ok {
			ps.Add(at("caps"), "caps.%s is missing (the best band such an answer may get)", name)
			continue
		}
		if !slices.Contains(bandOrder, band) {
			ps.Add(at("caps", name), "caps.%s: %q is not a band (one of %s)", name, band, strings.Join(bandOrder, ", "))
		}
		r.caps[name] = band
	}
	for name := range f.Caps {
		if !slices.Contains(capNames, name) {
			ps.Add(at("caps", name), "caps: unknown cap %q (one of %s)", name, strings.Join(capNames, ", "))
		}
	}
}

func (r *Rubric) compileCues(ps *yamlfile.Problems, f *rubricFile, at func(...string) *yaml.Node) []string {
	var all []string
	cueNodes := at("cues")
	for i, c := range f.Cues {
		node := cueNodes
		if i < len(cueNodes.Content) {
			node = cueNodes.Content[i]
		}
		if c.ID == "" {
			ps.Add(node, "a cue group needs an id")
			continue
		}
		if _, dup := r.groups[c.ID]; dup {
			ps.Add(node, "cue group %q is given twice", c.ID)
			continue
		}
		if len(c.Phrases) == 0 {
			ps.Add(node, "cue group %s has no phrases", c.ID)
		}
		g := r.cues.addGroup(cueGroup{id: c.ID, negatable: c.Negatable, firstPerson: c.FirstPerson, unquoted: c.Unquoted})
		r.groups[c.ID] = g
		for _, p := range c.Phrases {
			if !r.cues.add(p, g) {
				ps.Add(yamlfile.Value(node, "phrases"), "cue group %s: phrase %q has no words", c.ID, p)
			}
			all = append(all, p)
		}
	}
	return all
}

// groupRef resolves a cue group named by a credit or a check.
func groupRef(ps *yamlfile.Problems, node *yaml.Node, who, name string, groups map[string]int) int {
	if name == "" {
		ps.Add(node, "%s needs a group (a cue group id)", who)
		return -1
	}
	g, ok := groups[name]
	if !ok {
		ps.Add(node, "%s names cue group %q, which the rubric does not define", who, name)
		return -1
	}
	return g
}

// decodeKind reads the kind of a credit or check, then decodes the node
// strictly into the struct for that kind.
func decodeKind(ps *yamlfile.Problems, node *yaml.Node, path string, v any) bool {
	if err := yamlfile.Strict(node, path, v); err != nil {
		ps.Merge(err)
		return false
	}
	return true
}

func kindOf(node *yaml.Node) string {
	if k := yamlfile.Value(node, "kind"); k != nil {
		return k.Value
	}
	return ""
}
