package star_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
	"go.yaml.in/yaml/v3"
)

// corpusEntry is one hand-labelled answer of star/testdata/corpus.
type corpusEntry struct {
	ID         string `yaml:"id"`
	QuestionID string `yaml:"question_id"`
	Setting    string `yaml:"setting"`
	Kind       string `yaml:"kind"`
	Grade      int    `yaml:"grade"`
	Layout     string `yaml:"layout"`
	Sentences  []struct {
		C    string `yaml:"c"`
		S    string `yaml:"s"`
		Para bool   `yaml:"para"`
	} `yaml:"sentences"`
}

// text assembles the answer as a person would have written it.
func (e corpusEntry) text() (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(e.Sentences))
	for i, s := range e.Sentences {
		if i > 0 {
			switch {
			case e.Layout == "lines":
				b.WriteString("\n")
			case e.Layout == "paragraphs" && s.Para:
				b.WriteString("\n\n")
			default:
				b.WriteString(" ")
			}
		}
		spans[i][0] = b.Len()
		b.WriteString(s.S)
		spans[i][1] = b.Len()
	}
	return b.String(), spans
}

func loadCorpus(t testing.TB, files ...string) []corpusEntry {
	t.Helper()
	var all []corpusEntry
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var entries []corpusEntry
		dec := yaml.NewDecoder(strings.NewReader(string(raw)))
		dec.KnownFields(true)
		if err := dec.Decode(&entries); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, entries...)
	}
	return all
}

func defaultRubric(t testing.TB) *star.Rubric {
	t.Helper()
	r, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func bank(t testing.TB) *questions.Bank {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func info(q questions.Question) *star.QuestionInfo {
	return &star.QuestionInfo{ID: q.ID, Text: q.Text, Keywords: q.Keywords, Competencies: q.Competencies, STAR: q.STAR}
}

type corpusFigures struct {
	n                int
	presence         map[string]float64
	sentenceAccuracy float64
	spearman         float64
	confusion        map[string]map[string]int
	misses           []string
}

func evaluate(t testing.TB, entries []corpusEntry) corpusFigures {
	r := defaultRubric(t)
	b := bank(t)
	fig := corpusFigures{n: len(entries), presence: map[string]float64{}, confusion: map[string]map[string]int{}}
	var scores, grades []float64
	presentOK := map[string]int{}
	sentOK, sentN := 0, 0
	for _, e := range entries {
		q, ok := b.Get(e.QuestionID)
		if !ok {
			t.Fatalf("%s: question %q is not in the bank", e.ID, e.QuestionID)
		}
		text, spans := e.text()
		res := star.Score(r, info(q), star.Answer{ID: e.ID, QuestionID: e.QuestionID, Text: text})
		if res.Score < 0 || res.Score > 100 {
			t.Errorf("%s: score %d out of 0..100", e.ID, res.Score)
		}
		scores = append(scores, float64(res.Score))
		grades = append(grades, float64(e.Grade))
		// Presence of each part.
		for _, c := range star.Components {
			want := false
			for _, s := range e.Sentences {
				if s.C == c {
					want = true
				}
			}
			if res.Components[c].Present == want {
				presentOK[c]++
			} else {
				fig.misses = append(fig.misses, fmt.Sprintf("%s %s: %s present=%v, want %v", e.ID, e.Kind, c, res.Components[c].Present, want))
			}
		}
		// Where each predicted sentence sits in the text.
		type predicted struct {
			start, end int
			c          string
		}
		var preds []predicted
		for _, c := range star.Components {
			cursor := 0
			for _, s := range res.Components[c].Sentences {
				i := strings.Index(text[cursor:], s)
				if i < 0 {
					i = strings.Index(text, s)
					cursor = 0
				}
				if i < 0 {
					t.Errorf("%s: sentence %q is not verbatim in the answer", e.ID, s)
					continue
				}
				preds = append(preds, predicted{cursor + i, cursor + i + len(s), c})
				cursor += i + len(s)
			}
		}
		for i, s := range e.Sentences {
			got, best := "none", 0
			for _, p := range preds {
				ov := min(p.end, spans[i][1]) - max(p.start, spans[i][0])
				if ov > best {
					got, best = p.c, ov
				}
			}
			sentN++
			if fig.confusion[s.C] == nil {
				fig.confusion[s.C] = map[string]int{}
			}
			fig.confusion[s.C][got]++
			if got == s.C {
				sentOK++
			}
		}
	}
	for _, c := range star.Components {
		fig.presence[c] = float64(presentOK[c]) / float64(len(entries))
	}
	fig.sentenceAccuracy = float64(sentOK) / float64(sentN)
	fig.spearman = spearman(scores, grades)
	return fig
}

func (f corpusFigures) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "answers: %d\n", f.n)
	for _, c := range star.Components {
		fmt.Fprintf(&b, "presence %-9s %.1f%%\n", c, 100*f.presence[c])
	}
	fmt.Fprintf(&b, "sentences assigned right: %.1f%%\n", 100*f.sentenceAccuracy)
	fmt.Fprintf(&b, "spearman(score, grade): %.3f\n", f.spearman)
	b.WriteString("confusion (labelled -> assigned):\n")
	labels := []string{"situation", "task", "action", "result", "none"}
	for _, l := range labels {
		fmt.Fprintf(&b, "  %-9s", l)
		for _, g := range labels {
			fmt.Fprintf(&b, " %s=%d", g[:2], f.confusion[l][g])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestCorpus scores every labelled answer and holds the scorer to the floors
// of the issue: presence of each part ≥ 90%, sentences ≥ 80%, rank
// correlation with the human grade ≥ 0.7.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.yaml")
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	entries := loadCorpus(t, files...)
	if len(entries) < 150 {
		t.Fatalf("corpus has %d answers, want at least 150", len(entries))
	}
	fig := evaluate(t, entries)
	t.Logf("\n%s", fig)
	if testing.Verbose() {
		for _, m := range fig.misses {
			t.Log(m)
		}
	}
	for _, c := range star.Components {
		if fig.presence[c] < 0.90 {
			t.Errorf("presence of %s detected right in %.1f%% of answers, want ≥ 90%%", c, 100*fig.presence[c])
		}
	}
	if fig.sentenceAccuracy < 0.80 {
		t.Errorf("sentences assigned right: %.1f%%, want ≥ 80%%", 100*fig.sentenceAccuracy)
	}
	if fig.spearman < 0.70 {
		t.Errorf("Spearman correlation of score with grade %.3f, want ≥ 0.7", fig.spearman)
	}
}

// spearman is the rank correlation of x and y, with ties given their mean rank.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	var mx, my float64
	for i := range rx {
		mx += rx[i]
		my += ry[i]
	}
	mx /= float64(len(rx))
	my /= float64(len(ry))
	var sxy, sxx, syy float64
	for i := range rx {
		dx, dy := rx[i]-mx, ry[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}

// TestCorpusDump prints every sentence assigned differently from its label
// (STARPREP_CORPUS_DUMP=1), for studying the scorer.
func TestCorpusDump(t *testing.T) {
	if os.Getenv("STARPREP_CORPUS_DUMP") == "" {
		t.Skip("set STARPREP_CORPUS_DUMP=1 to print the disagreements")
	}
	files, _ := filepath.Glob("testdata/corpus/*.yaml")
	r := defaultRubric(t)
	b := bank(t)
	for _, e := range loadCorpus(t, files...) {
		q, _ := b.Get(e.QuestionID)
		text, _ := e.text()
		res := star.Score(r, info(q), star.Answer{Text: text})
		where := map[string]string{}
		for _, c := range star.Components {
			for _, s := range res.Components[c].Sentences {
				where[s] = c
			}
		}
		for _, s := range e.Sentences {
			got := "none"
			for sent, c := range where {
				if strings.Contains(sent, s.S) || strings.Contains(s.S, sent) {
					got = c
				}
			}
			if got != s.C {
				fmt.Printf("%s\t%s->%s\t%s\n", e.ID, s.C, got, s.S)
			}
		}
	}
}
