package star

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The project's labelled corpus (testdata/corpus, labelled as LABELS.md
// says) is split once, by a hash of each answer's id, into a part the
// tagger is trained and the rules are tuned on, and a held-out part that
// nothing is tuned on and that TestCorpus gates on. This file is shared by
// the package's tests (its exported names are for star_test).

// CorpusEntry is one labelled answer.
type CorpusEntry struct {
	ID         string `yaml:"id"`
	QuestionID string `yaml:"question_id"`
	Setting    string `yaml:"setting"`
	Kind       string `yaml:"kind"`
	Grade      int    `yaml:"grade"`
	Layout     string `yaml:"layout"`
	// Company and Card are set on the motivation and strengths answers
	// (batch m): the company the question names, and what the card should say.
	Company   string          `yaml:"company"`
	Card      map[string]bool `yaml:"card"`
	Sentences []CorpusUnit    `yaml:"sentences"`
}

// CorpusUnit is a sentence, or a clause, and its part.
type CorpusUnit struct {
	C    string `yaml:"c"`
	S    string `yaml:"s"`
	Para bool   `yaml:"para"`
}

// HeldOut reports whether an answer is in the held-out part (about 30%).
func HeldOut(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%10 < 3
}

// IsCard reports whether the entry is judged by a card other than STAR.
func (e CorpusEntry) IsCard() bool { return e.Card != nil }

// Text assembles the answer as a person would have written it, and where
// each unit sits in it.
func (e CorpusEntry) Text() (string, [][2]int) {
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

// Has reports whether the answer has a unit of part c.
func (e CorpusEntry) Has(c string) bool {
	for _, s := range e.Sentences {
		if s.C == c {
			return true
		}
	}
	return false
}

// LoadCorpus reads every file of testdata/corpus, in name order.
func LoadCorpus(t testing.TB) []CorpusEntry {
	t.Helper()
	files, _ := filepath.Glob("testdata/corpus/*.yaml")
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no corpus files in testdata/corpus")
	}
	var all []CorpusEntry
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var entries []CorpusEntry
		dec := yaml.NewDecoder(strings.NewReader(string(raw)))
		dec.KnownFields(true)
		if err := dec.Decode(&entries); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, entries...)
	}
	return all
}

// SplitCorpus returns the tune and held-out parts.
func SplitCorpus(all []CorpusEntry) (tune, heldOut []CorpusEntry) {
	for _, e := range all {
		if HeldOut(e.ID) {
			heldOut = append(heldOut, e)
		} else {
			tune = append(tune, e)
		}
	}
	return tune, heldOut
}
