package star

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/starprep/starprep/data"
)

// Stage 5: clauses are tagged situation, task, action, result or none by a
// linear model over their features (weights learned from the project's own
// labelled corpus, kept readable in data/tagger.yaml) and a Viterbi pass
// that picks the likeliest sequence of parts, so that a clause's place in
// the story counts as well as its words. The weights are retrained with
//
//	go test ./star -run TestTrainTagger -update
//
// on the tune part of star/testdata/corpus; TestTrainTagger fails when the
// embedded weights are not what the corpus trains.

// boundary is what separates a clause from the one before it.
type boundary uint8

const (
	bClause    boundary = iota // the next clause of the same sentence
	bSentence                  // the next sentence
	bParagraph                 // a new paragraph, line or list item
	numBoundaries
)

var boundaryNames = [numBoundaries]string{"clause", "sentence", "paragraph"}

// tagModel is the tagger's weights by feature name.
type tagModel struct {
	features map[string][numClasses]float64
	// trans[b][prev][next]; prev numClasses is the start of the answer.
	trans [numBoundaries][numClasses + 1][numClasses]float64
}

var (
	defaultModelOnce sync.Once
	defaultModel     *tagModel
	defaultModelErr  error
)

// embeddedModel returns the tagger shipped in data/tagger.yaml.
func embeddedModel() (*tagModel, error) {
	defaultModelOnce.Do(func() {
		defaultModel, defaultModelErr = parseModel(data.Tagger, data.TaggerPath)
	})
	return defaultModel, defaultModelErr
}

// parseModel reads the tagger's file. It is generated, so its layout is
// fixed: a line "name: [w, w, w, w, w]" per feature, under "features:",
// and per transition under "transitions:" / "  boundary:" / "    prev: [...]".
// It is read line by line rather than through a YAML decoder, which would
// take longer than scoring an answer.
func parseModel(raw []byte, path string) (*tagModel, error) {
	m := &tagModel{features: make(map[string][numClasses]float64, 2048)}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	section, bnd := "", -1
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indent := len(text) - len(strings.TrimLeft(text, " "))
		if indent == 0 {
			key, _, _ := strings.Cut(trimmed, ":")
			section = key
			continue
		}
		name, vals, ok := cutWeights(trimmed)
		switch {
		case section == "transitions" && indent == 2 && !ok:
			bnd = indexOf(boundaryNames[:], strings.TrimSuffix(trimmed, ":"))
			if bnd < 0 {
				return nil, fmt.Errorf("%s:%d: unknown boundary %q", path, line, trimmed)
			}
		case section == "transitions" && indent == 4 && ok && bnd >= 0:
			prev := classIndex(name)
			if name == "start" {
				prev = numClasses
			}
			if prev < 0 {
				return nil, fmt.Errorf("%s:%d: unknown part %q", path, line, name)
			}
			m.trans[bnd][prev] = vals
		case section == "features" && ok:
			m.features[name] = vals
		default:
			return nil, fmt.Errorf("%s:%d: unexpected line %q", path, line, trimmed)
		}
	}
	return m, sc.Err()
}

// cutWeights reads `name: [a, b, c, d, e]` (the name may be quoted).
func cutWeights(s string) (string, [numClasses]float64, bool) {
	var w [numClasses]float64
	i := strings.LastIndex(s, ": [")
	if i < 0 || !strings.HasSuffix(s, "]") {
		return "", w, false
	}
	name := strings.Trim(s[:i], `"`)
	fields := strings.Split(s[i+3:len(s)-1], ",")
	if len(fields) != numClasses {
		return "", w, false
	}
	for k, f := range fields {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return "", w, false
		}
		w[k] = v
	}
	return name, w, true
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// boundWeights are a model's weights laid out by the ids of one rubric's
// features (the fixed ones, then the rubric's cue groups).
type boundWeights struct {
	w           [][numClasses]float64
	labelWeight float64 // the rubric's boost for a written label
	trans       [numBoundaries][numClasses + 1][numClasses]float64
	cue0        int // the id of the first cue feature
}

// bind lays m out for a rubric with these cue groups.
func (m *tagModel) bind(groups []cueGroup) *boundWeights {
	bw := &boundWeights{trans: m.trans, cue0: len(features.names)}
	bw.w = make([][numClasses]float64, len(features.names)+len(groups))
	for i, name := range features.names {
		bw.w[i] = m.features[name]
	}
	for g, grp := range groups {
		bw.w[bw.cue0+g] = m.features[cueFeatureName(grp.id)]
	}
	return bw
}

// featureName names feature id for a rubric's cue groups.
func featureName(id int, groups []cueGroup) string {
	if id < len(features.names) {
		return features.names[id]
	}
	return cueFeatureName(groups[id-len(features.names)].id)
}

// boundaryBefore is what separates clause c from clause c-1.
func (an *analysis) boundaryBefore(c int) boundary {
	cur, prev := &an.clauses[c], &an.clauses[c-1]
	if cur.sent == prev.sent {
		return bClause
	}
	s, p := &an.sents[cur.sent], &an.sents[prev.sent]
	if s.Para != p.Para || s.Bullet || s.LineStart && p.LineStart {
		return bParagraph
	}
	return bSentence
}

// featurize returns every clause's features.
func (an *analysis) featurize(cue0 int) [][]int32 {
	past, hyp := an.contextBins()
	buf := slices.Grow(an.featBuf[:0], 48*len(an.clauses))
	out := an.feats[:0]
	for c := range an.clauses {
		from := len(buf)
		buf = an.clauseFeatures(buf, c, cue0, past, hyp)
		out = append(out, buf[from:len(buf):len(buf)])
	}
	// The clauses' slices point into buf: if it grew, they are re-sliced.
	at := 0
	for c := range out {
		n := len(out[c])
		out[c] = buf[at : at+n : at+n]
		at += n
	}
	an.featBuf, an.feats = buf, out
	return out
}

// tag gives every free-text clause its likeliest part.
func (an *analysis) tag(bw *boundWeights) {
	if len(an.clauses) == 0 {
		return
	}
	feats := an.featurize(bw.cue0)
	for c := range an.clauses {
		an.clauses[c].emit = bw.emission(feats[c])
		if l := an.clauses[c].label; l >= 0 {
			an.clauses[c].emit[l] += bw.labelWeight
		}
	}
	an.bounds = grow(an.bounds, len(an.clauses))
	for c := 1; c < len(an.clauses); c++ {
		an.bounds[c] = an.boundaryBefore(c)
	}
	an.vit = grow(an.vit, len(an.clauses))
	viterbi(an.vit, func(c int) *[numClasses]float64 { return &an.clauses[c].emit }, an.bounds, &bw.trans)
	for c := range an.vit {
		an.clauses[c].part = an.vit[c].part
	}
	an.recoverParts()
	an.requireEvidence(clsAction)
	an.othersActions()
}

// othersActions: a story told about someone else ("My colleague Jenna
// apologised, rewrote the name ...") still has its actions, though they are
// not the speaker's; the ownership check says whose they were and the band
// rule caps the answer. When no clause is an action and the speaker takes
// no step, the others' steps after the opening that do not tell how it
// ended are the actions.
func (an *analysis) othersActions() {
	if !an.othersStory() {
		return
	}
	for c := range an.clauses {
		if an.clauses[c].part == clsAction {
			return
		}
	}
	for c := 1; c < len(an.clauses); c++ {
		cl := &an.clauses[c]
		if cl.part != clsNone && cl.facts.othersPastStep() && !an.hasCue(c, an.ending) {
			cl.part = clsAction
		}
	}
}

// requireEvidence: part p is found only when at least one of its clauses
// points to it by its own words; otherwise (a clause put there by its place
// in the story alone, "I was unsure what to do next") those clauses take
// the part their words point to.
func (an *analysis) requireEvidence(p int) {
	for c := range an.clauses {
		if an.clauses[c].part == p && argmax(&an.clauses[c].emit) == p {
			return
		}
	}
	for c := range an.clauses {
		if an.clauses[c].part == p {
			an.clauses[c].part = argmax(&an.clauses[c].emit)
		}
	}
}

// recoverParts: a part that the sequence left out, though a clause's own
// words point to it most, is given that clause (when its part keeps
// another clause), so that "I booked an engineer" between the task and the
// outcome is never heard as no action at all.
func (an *analysis) recoverParts() {
	var count [numClasses]int
	for c := range an.clauses {
		count[an.clauses[c].part]++
	}
	for p := 0; p < clsNone; p++ {
		if count[p] > 0 {
			continue
		}
		best, margin := -1, 0.0
		for c := range an.clauses {
			cl := &an.clauses[c]
			if q := cl.part; argmax(&cl.emit) == p && (q == clsNone || count[q] > 1) && !cl.facts.hypothetical() {
				if m := cl.emit[p] - cl.emit[q]; m > margin {
					best, margin = c, m
				}
			}
		}
		if best >= 0 {
			count[an.clauses[best].part]--
			an.clauses[best].part = p
			count[p]++
		}
	}
}

func argmax(e *[numClasses]float64) int {
	best := 0
	for k := 1; k < numClasses; k++ {
		if e[k] > e[best] {
			best = k
		}
	}
	return best
}

// viterbiCell is the Viterbi pass's state for one clause.
type viterbiCell struct {
	score [numClasses]float64 // the best path's score ending in each part
	back  [numClasses]int8    // the part before it on that path
	part  int                 // the part on the best path overall
}

func (bw *boundWeights) emission(feats []int32) [numClasses]float64 {
	var e [numClasses]float64
	for _, f := range feats {
		w := &bw.w[f]
		e[0] += w[0]
		e[1] += w[1]
		e[2] += w[2]
		e[3] += w[3]
		e[4] += w[4]
	}
	return e
}

// viterbi returns the likeliest parts of n clauses given each one's
// emission scores and the transition weights.
// cells has one entry per clause; the path is left in cells[i].part.
func viterbi(cells []viterbiCell, emit func(int) *[numClasses]float64, bounds []boundary, trans *[numBoundaries][numClasses + 1][numClasses]float64) {
	n := len(cells)
	if n == 0 {
		return
	}
	e0 := emit(0)
	for k := 0; k < numClasses; k++ {
		cells[0].score[k] = trans[bSentence][numClasses][k] + e0[k]
	}
	for i := 1; i < n; i++ {
		e := emit(i)
		t := &trans[bounds[i]]
		prev, cur := &cells[i-1], &cells[i]
		for k := 0; k < numClasses; k++ {
			best, arg := math.Inf(-1), 0
			for p := 0; p < numClasses; p++ {
				if v := prev.score[p] + t[p][k]; v > best {
					best, arg = v, p
				}
			}
			cur.score[k] = best + e[k]
			cur.back[k] = int8(arg)
		}
	}
	best, arg := math.Inf(-1), 0
	for k := 0; k < numClasses; k++ {
		if cells[n-1].score[k] > best {
			best, arg = cells[n-1].score[k], k
		}
	}
	for i := n - 1; i >= 0; i-- {
		cells[i].part = arg
		arg = int(cells[i].back[arg])
	}
}
