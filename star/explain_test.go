package star

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
)

// TestExplain prints how the scorer reads an answer, clause by clause: its
// facts, the part it was given and the features that weighed most
// (STARPREP_EXPLAIN=FILE), for studying the tagger.
func TestExplain(t *testing.T) {
	path := os.Getenv("STARPREP_EXPLAIN")
	if path == "" {
		t.Skip("set STARPREP_EXPLAIN=FILE to explain how an answer is read")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	an := read(r, Answer{Text: string(raw)})
	an.tag(r.tagger)
	feats := an.featurize(r.tagger.cue0)
	for c := range an.clauses {
		cl := &an.clauses[c]
		f := &cl.facts
		fmt.Printf("%-9s %q\n", classes[cl.part], an.clauseText(c))
		fmt.Printf("          subj=%s tense=%s verb=%s to=%s hyp=%v hab=%v gen=%v own=%v purpose=%v if=%v\n", subjectNames[f.subj],
			tenseNames[f.tense], verbClassNames[f.verb], verbClassNames[f.toVerb], f.hypothetical(), f.habitual, f.generic, f.ownPastStep(), f.purpose, f.ifClause)
		var parts []string
		for k := range cl.emit {
			parts = append(parts, fmt.Sprintf("%s=%.1f", classes[k][:2], cl.emit[k]))
		}
		fmt.Printf("          emit %s\n", strings.Join(parts, " "))
		type fw struct {
			name string
			w    float64
		}
		var top []fw
		vs, other := cl.part, clsNone
		if v := os.Getenv("STARPREP_EXPLAIN_VS"); v != "" {
			vs, other = classIndex(strings.Split(v, ",")[0]), classIndex(strings.Split(v, ",")[1])
		}
		for _, id := range feats[c] {
			w := r.tagger.w[id]
			top = append(top, fw{featureName(int(id), r.cues.groups), w[vs] - w[other]})
		}
		sort.Slice(top, func(i, j int) bool { return abs(top[i].w) > abs(top[j].w) })
		var names []string
		for _, x := range top[:min(12, len(top))] {
			names = append(names, fmt.Sprintf("%s(%+.1f)", x.name, x.w))
		}
		fmt.Printf("          %s\n", strings.Join(names, " "))
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
