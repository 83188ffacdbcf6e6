package star

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
)

var update = flag.Bool("update", false, "retrain the tagger and rewrite data/tagger.yaml")

// trainEpochs is how many passes the perceptron makes over the tune part.
const trainEpochs = 12

// taggedExample is one corpus answer read by the scorer, with the part
// each clause is labelled.
type taggedExample struct {
	id     string
	feats  [][]int32
	bounds []boundary
	gold   []int
}

// goldParts gives each clause of an the part of the corpus unit that
// covers most of it.
func goldParts(an *analysis, spans [][2]int, units []CorpusUnit) []int {
	gold := make([]int, len(an.clauses))
	for c := range an.clauses {
		cl := &an.clauses[c]
		off := an.sents[cl.sent].Offset
		start, end := off+cl.start, off+cl.end
		best, arg := 0, clsNone
		for i, sp := range spans {
			if ov := min(end, sp[1]) - max(start, sp[0]); ov > best {
				best, arg = ov, classIndex(units[i].C)
			}
		}
		gold[c] = arg
	}
	return gold
}

// withVariants adds, for each answer with all four parts, a copy without
// each part (its units dropped, the rest joined by spaces), so that the
// tagger learns answers that open on the task or the action, or stop early.
func withVariants(entries []CorpusEntry) []CorpusEntry {
	out := append([]CorpusEntry(nil), entries...)
	for _, e := range entries {
		if !(e.Has("situation") && e.Has("task") && e.Has("action") && e.Has("result")) {
			continue
		}
		for _, drop := range Components {
			v := e
			v.ID, v.Layout, v.Sentences = e.ID+"-no-"+drop, "inline", nil
			for _, u := range e.Sentences {
				if u.C != drop {
					v.Sentences = append(v.Sentences, u)
				}
			}
			if len(v.Sentences) >= 2 {
				out = append(out, v)
			}
		}
	}
	return out
}

func buildExamples(t testing.TB, r *Rubric, entries []CorpusEntry) []taggedExample {
	var out []taggedExample
	for _, e := range entries {
		text, spans := e.Text()
		an := read(r, Answer{Text: text})
		if len(an.clauses) == 0 {
			continue
		}
		for _, u := range e.Sentences {
			if classIndex(u.C) < 0 {
				t.Fatalf("%s: unknown part %q", e.ID, u.C)
			}
		}
		var feats [][]int32
		for _, f := range an.featurize(r.tagger.cue0) {
			feats = append(feats, slices.Clone(f))
		}
		ex := taggedExample{id: e.ID, feats: feats, gold: goldParts(an, spans, e.Sentences)}
		ex.bounds = make([]boundary, len(an.clauses))
		for c := 1; c < len(an.clauses); c++ {
			ex.bounds[c] = an.boundaryBefore(c)
		}
		out = append(out, ex)
	}
	return out
}

// perceptron is an averaged structured perceptron over the tagger's
// features and transitions.
type perceptron struct {
	w, acc   [][numClasses]float64
	tw, tacc [numBoundaries][numClasses + 1][numClasses]float64
	step     float64
}

func newPerceptron(nfeat int) *perceptron {
	return &perceptron{w: make([][numClasses]float64, nfeat), acc: make([][numClasses]float64, nfeat), step: 1}
}

func (p *perceptron) decode(ex *taggedExample) []int {
	emits := make([][numClasses]float64, len(ex.feats))
	for i, fs := range ex.feats {
		for _, f := range fs {
			for k := range emits[i] {
				emits[i][k] += p.w[f][k]
			}
		}
	}
	cells := make([]viterbiCell, len(emits))
	viterbi(cells, func(i int) *[numClasses]float64 { return &emits[i] }, ex.bounds, &p.tw)
	path := make([]int, len(cells))
	for i := range cells {
		path[i] = cells[i].part
	}
	return path
}

func (p *perceptron) learn(ex *taggedExample) (wrong int) {
	pred := p.decode(ex)
	bump := func(f int32, k int, d float64) {
		p.w[f][k] += d
		p.acc[f][k] += d * p.step
	}
	bumpT := func(b boundary, prev, k int, d float64) {
		p.tw[b][prev][k] += d
		p.tacc[b][prev][k] += d * p.step
	}
	prevG, prevP := numClasses, numClasses
	for i := range ex.gold {
		g, q := ex.gold[i], pred[i]
		b := ex.bounds[i]
		if i == 0 {
			b = bSentence
		}
		if g != q {
			wrong++
			for _, f := range ex.feats[i] {
				bump(f, g, 1)
				bump(f, q, -1)
			}
		}
		if g != q || prevG != prevP {
			bumpT(b, prevG, g, 1)
			bumpT(b, prevP, q, -1)
		}
		prevG, prevP = g, q
	}
	p.step++
	return wrong
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() ([][numClasses]float64, [numBoundaries][numClasses + 1][numClasses]float64) {
	w := make([][numClasses]float64, len(p.w))
	for f := range p.w {
		for k := range w[f] {
			w[f][k] = p.w[f][k] - p.acc[f][k]/p.step
		}
	}
	var tw [numBoundaries][numClasses + 1][numClasses]float64
	for b := range tw {
		for prev := range tw[b] {
			for k := range tw[b][prev] {
				tw[b][prev][k] = p.tw[b][prev][k] - p.tacc[b][prev][k]/p.step
			}
		}
	}
	return w, tw
}

// trainSeeds is how many perceptrons, each shuffling the answers in its
// own order, are averaged into the tagger: one alone swings with the
// order it happened to see.
const trainSeeds = 5

// trainTagger trains trainSeeds averaged perceptrons on examples, each in
// an order shuffled by a fixed seed, and averages their weights.
func trainTagger(examples []taggedExample, nfeat int) ([][numClasses]float64, [numBoundaries][numClasses + 1][numClasses]float64) {
	w := make([][numClasses]float64, nfeat)
	var tw [numBoundaries][numClasses + 1][numClasses]float64
	for seed := uint64(1); seed <= trainSeeds; seed++ {
		p := newPerceptron(nfeat)
		order := make([]int, len(examples))
		for i := range order {
			order[i] = i
		}
		rng := rand.New(rand.NewPCG(seed, 2))
		for epoch := 0; epoch < trainEpochs; epoch++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				p.learn(&examples[i])
			}
		}
		pw, ptw := p.averaged()
		for f := range w {
			for k := range w[f] {
				w[f][k] += pw[f][k] / trainSeeds
			}
		}
		for b := range tw {
			for prev := range tw[b] {
				for k := range tw[b][prev] {
					tw[b][prev][k] += ptw[b][prev][k] / trainSeeds
				}
			}
		}
	}
	return w, tw
}

// formatWeight writes a weight with three decimals, without trailing zeros.
func formatWeight(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func formatRow(row [numClasses]float64) string {
	parts := make([]string, numClasses)
	for k, v := range row {
		parts[k] = formatWeight(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// writeModel renders the tagger file.
func writeModel(w [][numClasses]float64, tw [numBoundaries][numClasses + 1][numClasses]float64, groups []cueGroup, trainedOn int) []byte {
	var b bytes.Buffer
	b.WriteString("# The STAR tagger's weights: for each feature of a clause, how much it points\n")
	b.WriteString("# to each part, in the order [situation, task, action, result, none]; and how\n")
	b.WriteString("# likely one part follows another across a clause, sentence or paragraph\n")
	b.WriteString("# boundary. Generated from the tune part of star/testdata/corpus by\n")
	b.WriteString("#   go test ./star -run TestTrainTagger -update\n")
	fmt.Fprintf(&b, "# (%d averaged perceptrons, %d passes each over %d answers). Do not edit by hand:\n", trainSeeds, trainEpochs, trainedOn)
	b.WriteString("# change the features (star/features.go) or the corpus, and retrain.\n")
	b.WriteString("version: 1\n")
	b.WriteString("transitions:\n")
	for bd := range tw {
		fmt.Fprintf(&b, "  %s:\n", boundaryNames[bd])
		for prev := range tw[bd] {
			name := "start"
			if prev < numClasses {
				name = classes[prev]
			}
			fmt.Fprintf(&b, "    %s: %s\n", name, formatRow(tw[bd][prev]))
		}
	}
	b.WriteString("features:\n")
	for f, row := range w {
		keep := false
		for _, v := range row {
			if math.Abs(v) >= 0.0005 {
				keep = true
			}
		}
		if keep {
			fmt.Fprintf(&b, "  %q: %s\n", featureName(f, groups), formatRow(row))
		}
	}
	return b.Bytes()
}

// trainedModel trains the tagger on the tune part of the corpus and
// returns the tagger file it makes.
func trainedModel(t testing.TB) []byte {
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	tune, _ := SplitCorpus(LoadCorpus(t))
	tune = withVariants(tune)
	examples := buildExamples(t, r, tune)
	w, tw := trainTagger(examples, len(r.tagger.w))
	return writeModel(w, tw, r.cues.groups, len(examples))
}

// TestTrainTagger retrains the tagger and checks that data/tagger.yaml is
// what the corpus trains; with -update it rewrites the file.
func TestTrainTagger(t *testing.T) {
	got := trainedModel(t)
	if *update {
		if err := os.WriteFile("../data/tagger.yaml", got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote ../data/tagger.yaml (%d bytes)", len(got))
		return
	}
	if !bytes.Equal(got, data.Tagger) {
		t.Fatal("data/tagger.yaml is not what the corpus trains: run `go test ./star -run TestTrainTagger -update` and commit it")
	}
}
