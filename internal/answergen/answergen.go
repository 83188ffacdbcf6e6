// Package answergen writes made-up interview answers in bulk, for the
// benchmarks of `starprep review` and for measuring it by hand (the hidden
// `starprep gen-answers` command). The answers vary as a class's would:
// strong and weak STAR stories, parts missing, "we" for "I", hypotheticals,
// rambling and short ones, free text and structured, and motivation answers
// with no story at all. The same seed gives the same bytes.
package answergen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/starprep/starprep/star"
	"go.yaml.in/yaml/v3"
)

// Options say what to write.
type Options struct {
	// N is how many answers.
	N int
	// Seed fixes the content.
	Seed uint64
	// Format is jsonl (one answer per line), json (one array) or yaml (one
	// list).
	Format string
	// StoryIDs and OtherIDs are question ids to answer with STAR stories and
	// with motivation-style answers; empty means answers without a question.
	StoryIDs, OtherIDs []string
}

// Formats are the values Options.Format takes.
var Formats = []string{"jsonl", "json", "yaml"}

// Write writes opts.N answers to w.
func Write(w io.Writer, opts Options) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	g := &gen{rng: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x5851f42d4c957f2d)), opts: opts}
	var err error
	switch opts.Format {
	case "jsonl", "":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for i := 0; i < opts.N && err == nil; i++ {
			err = enc.Encode(g.answer(i))
		}
	case "json":
		_, err = bw.WriteString("[\n")
		for i := 0; i < opts.N && err == nil; i++ {
			var b []byte
			if b, err = json.MarshalIndent(g.answer(i), "  ", "  "); err == nil {
				sep := ",\n"
				if i == opts.N-1 {
					sep = "\n"
				}
				_, err = fmt.Fprintf(bw, "  %s%s", b, sep)
			}
		}
		if err == nil {
			_, err = bw.WriteString("]\n")
		}
	case "yaml":
		for i := 0; i < opts.N && err == nil; i++ {
			var b []byte
			if b, err = yaml.Marshal([]star.Answer{g.answer(i)}); err == nil {
				_, err = bw.Write(b)
			}
		}
	default:
		return fmt.Errorf("unknown format %q (one of %s)", opts.Format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

type gen struct {
	rng  *rand.Rand
	opts Options
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// fill replaces the placeholders of a phrase with this answer's details.
func (g *gen) fill(s string) string {
	r := strings.NewReplacer(
		"{name}", g.pick(names),
		"{channel}", g.pick(channels),
		"{product}", g.pick(products),
		"{tool}", g.pick(tools),
		"{metric}", g.pick(metrics),
		"{n}", fmt.Sprint(2+g.rng.IntN(40)),
		"{pct}", fmt.Sprint(5+g.rng.IntN(60)),
		"{when}", g.pick(whens),
		"{place}", g.pick(places),
	)
	return r.Replace(s)
}

// sentences picks n distinct phrases from pool (fewer when the pool is
// smaller) and fills them.
func (g *gen) sentences(pool []string, n int) []string {
	idx := g.rng.Perm(len(pool))
	out := make([]string, 0, n)
	for _, i := range idx[:min(n, len(pool))] {
		out = append(out, g.fill(pool[i]))
	}
	return out
}

// Quality profiles, and how often each comes up (out of 100).
const (
	strong = iota
	missingTask
	missingResult
	hypothetical
	weVague
	rambling
	short
	motivation
)

var profileWeights = []int{strong: 30, missingTask: 10, missingResult: 10, hypothetical: 8, weVague: 12, rambling: 10, short: 8, motivation: 12}

func (g *gen) profile() int {
	n := g.rng.IntN(100)
	for p, w := range profileWeights {
		if n < w {
			return p
		}
		n -= w
	}
	return strong
}

func (g *gen) answer(i int) star.Answer {
	p := g.profile()
	a := star.Answer{
		ID:         fmt.Sprintf("gen-%07d", i+1),
		AnsweredAt: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
	}
	if p == motivation {
		if len(g.opts.OtherIDs) > 0 {
			a.QuestionID = g.pick(g.opts.OtherIDs)
		}
		a.Text = strings.Join(g.sentences(motivationLines, 7+g.rng.IntN(5)), " ")
		return a
	}
	if len(g.opts.StoryIDs) > 0 {
		a.QuestionID = g.pick(g.opts.StoryIDs)
	}
	var sit, task, act, res []string
	switch p {
	case strong:
		sit, task = g.sentences(situations, 2+g.rng.IntN(2)), g.sentences(tasks, 1+g.rng.IntN(2))
		act, res = g.sentences(actions, 5+g.rng.IntN(3)), g.sentences(results, 2+g.rng.IntN(2))
	case missingTask:
		sit, act, res = g.sentences(situations, 2+g.rng.IntN(2)), g.sentences(actions, 5+g.rng.IntN(3)), g.sentences(results, 2)
	case missingResult:
		sit, task, act = g.sentences(situations, 2+g.rng.IntN(2)), g.sentences(tasks, 1), g.sentences(actions, 6+g.rng.IntN(3))
	case hypothetical:
		sit, act = g.sentences(situations, 1), g.sentences(wouldLines, 6+g.rng.IntN(3))
		res = g.sentences(results, 1)
	case weVague:
		sit, act, res = g.sentences(situations, 2), g.sentences(weLines, 6+g.rng.IntN(3)), g.sentences(vagueResults, 2)
	case rambling:
		sit = g.sentences(append(append([]string{}, situations...), asides...), 6+g.rng.IntN(3))
		task, act, res = g.sentences(tasks, 1), g.sentences(actions, 7+g.rng.IntN(3)), g.sentences(results, 2)
	case short:
		sit, act = g.sentences(situations, 1), g.sentences(actions, 1)
	}
	if g.rng.IntN(3) == 0 {
		a.STAR = &star.Parts{Situation: strings.Join(sit, " "), Task: strings.Join(task, " "), Action: strings.Join(act, " "), Result: strings.Join(res, " ")}
		return a
	}
	var paras []string
	for _, part := range [][]string{sit, task, act, res} {
		if len(part) > 0 {
			paras = append(paras, strings.Join(part, " "))
		}
	}
	a.Text = strings.Join(paras, "\n\n")
	return a
}
