package star

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"go.yaml.in/yaml/v3"
)

// equivalenceTexts are the texts on which the fast text functions must agree
// with the reference ones in ref_test.go: every answer of the labelled corpus
// laid out as prose, lines, paragraphs and lists, in upper case, with curly
// apostrophes and accents, and a few thousand seeded random mixes of the
// corpus's words with the punctuation the segmenter cares about.
func equivalenceTexts(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob("testdata/corpus/*.yaml")
	if len(files) == 0 {
		t.Fatal("no corpus files")
	}
	var texts, vocab []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var entries []struct {
			Sentences []struct {
				S string `yaml:"s"`
			} `yaml:"sentences"`
		}
		if err := yaml.Unmarshal(raw, &entries); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range entries {
			var sents []string
			for _, s := range e.Sentences {
				sents = append(sents, s.S)
				vocab = append(vocab, strings.Fields(s.S)...)
			}
			for _, sep := range []string{" ", "\n", "\n\n", "\n- ", "\n\n1. "} {
				text := strings.Join(sents, sep)
				texts = append(texts, text, strings.ToUpper(text), strings.ToLower(text),
					strings.ReplaceAll(text, "'", "’"), strings.ReplaceAll(text, "e", "é"))
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	seps := []string{" ", " ", " ", " ", ". ", ", ", "\n", "\n\n", "? ", "! ", " - ", ": ", "; ", "'", "’", "%", ".", ",",
		"3.5 ", "1,200", " e.g. ", " Mr. ", " J. ", "Situation: ", "S: ", "\n* ", "\n- ", "\n1. ", "\n2) ", " so I ", ", so I ",
		" and then I ", ", which meant ", " and as a result ", "; so ", "“", "”", "**Task:** ", "The result? ", " – ", "—", "\t", "\r\n", "İ", "ß"}
	for i := 0; i < 5000; i++ {
		var sb strings.Builder
		n := rng.Intn(150)
		for j := 0; j < n; j++ {
			w := vocab[rng.Intn(len(vocab))]
			switch rng.Intn(6) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				w = strings.ToLower(w)
			}
			sb.WriteString(w)
			sb.WriteString(seps[rng.Intn(len(seps))])
		}
		texts = append(texts, sb.String())
	}
	return texts
}

// TestSegmentMatchesReference: the single-pass segmenter splits every text
// exactly as the reference segmenter did.
func TestSegmentMatchesReference(t *testing.T) {
	for _, text := range equivalenceTexts(t) {
		got, want := Segment(text), refSegment(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Segment(%q)\n got: %+v\nwant: %+v", text, got, want)
		}
	}
}

// TestTokenizeMatchesReference: the tokenizer finds the same words, stems and
// lexicon entries as the reference tokenizer, sentence by sentence.
func TestTokenizeMatchesReference(t *testing.T) {
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	var got, want []token
	for _, text := range equivalenceTexts(t) {
		for _, s := range refSegment(text) {
			for _, lower := range []string{strings.ToLower(s.Text), s.Text} {
				for _, lex := range []*phraseIndex{r.phrases, nil} {
					got = tokenize(got[:0], lower, lex)
					want = refTokenize(want[:0], lower, lex)
					if !sameTokens(got, want) {
						t.Fatalf("tokenize(%q)\n got: %v\nwant: %v", lower, got, want)
					}
				}
			}
		}
	}
}

func sameTokens(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].stem != b[i].stem || a[i].start != b[i].start || a[i].end != b[i].end || a[i].entry != b[i].entry {
			return false
		}
	}
	return true
}

// FuzzSegmentMatchesReference: any text segments as the reference does.
func FuzzSegmentMatchesReference(f *testing.F) {
	for _, seed := range []string{"", "Situation: x\nTask: y", "- a\n- b\n1. c", "İstanbul. ÉCOLE! a.m. 3.5%", "I did it, so I went home and then I slept and then it ended well, which meant a lot to all of us there today"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Segment(text), refSegment(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Segment(%q)\n got: %+v\nwant: %+v", text, got, want)
		}
	})
}

// TestRunOnPairsCoverEveryJoint: appendRunOn only compares joints whose first
// two bytes runOnPair knows; a new joint must be given a pair class.
func TestRunOnPairsCoverEveryJoint(t *testing.T) {
	if len(runOnByPair[0]) != 0 {
		t.Fatalf("joints %v start with a byte pair runOnPair does not know", runOnByPair[0])
	}
}
