package star

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
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
	var got []token
	var want []refToken
	for _, text := range equivalenceTexts(t) {
		for _, s := range refSegment(text) {
			for _, lower := range []string{strings.ToLower(s.Text), s.Text} {
				for _, lex := range []*phraseIndex{r.phrases, nil} {
					got = tokenize(got[:0], lower, lex)
					want = refTokenize(want[:0], lower, lex)
					if !sameTokens(got, want, lower, lex) {
						t.Fatalf("tokenize(%q)\n got: %v\nwant: %v", lower, got, want)
					}
				}
			}
		}
	}
}

// sameTokens: the tokens read from lower are the reference tokens: the same
// words, stems and entries, and the entries' word classes (with "n't"
// words marked as negators).
func sameTokens(a []token, b []refToken, lower string, lex *phraseIndex) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		var entry *lexEntry
		if lex != nil {
			entry = lex.entries[a[i].entry]
		}
		var flags wordFlag
		if b[i].entry != nil {
			flags = b[i].entry.flags
		}
		if refIsNegator(b[i]) {
			flags |= wNegator
		}
		if a[i].stem(lower) != b[i].stem || a[i].start != b[i].start || a[i].end != b[i].end || entry != b[i].entry || a[i].flags != flags {
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

// TestFeatureIndexes: the feat* constants index featureNames.
func TestFeatureIndexes(t *testing.T) {
	want := map[int]string{featFirstPersonPast: "first-person-past", featWePast: "we-past", featOtherPast: "other-past",
		featStativePast: "stative-past", featPastProgressive: "past-progressive", featNumber: "number", featMeasure: "measure",
		featPresentGeneral: "present-tense-general", featPositionStart: "position-start", featPositionEnd: "position-end", featLabel: "label"}
	if len(featureNames) != numFeatures || len(want) != numFeatures {
		t.Fatalf("%d feature names, %d constants", len(featureNames), numFeatures)
	}
	for i, name := range want {
		if featureNames[i] != name {
			t.Errorf("featureNames[%d] = %q, want %q", i, featureNames[i], name)
		}
	}
}

// refPhrase is a cue phrase as the rubric file spells it, stemmed.
type refPhrase struct {
	stems     []string
	group     int
	negatable bool
	firstPers bool
}

// refPhrases reads the cue phrases and check terms of a rubric file in the
// order ParseRubric numbers their groups, indexed by their first stem.
func refPhrases(t *testing.T, raw []byte) map[string][]refPhrase {
	var f rubricFile
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	byFirst := map[string][]refPhrase{}
	add := func(text string, group int, negatable, firstPers bool) {
		var stems []string
		for _, tok := range refTokenize(nil, strings.ToLower(text), nil) {
			stems = append(stems, tok.stem)
		}
		if len(stems) > 0 {
			byFirst[stems[0]] = append(byFirst[stems[0]], refPhrase{stems, group, negatable, firstPers})
		}
	}
	group := 0
	for _, c := range f.Cues {
		for _, p := range c.Phrases {
			add(p, group, c.Negatable, c.Subject == "first-person")
		}
		group++
	}
	for _, c := range f.Checks {
		if len(c.Terms) == 0 {
			continue
		}
		for _, p := range c.Terms {
			add(p, group, c.Kind == "quantified-result", false)
		}
		group++
	}
	return byFirst
}

// refMatch is the matcher's contract written plainly: at each word, the
// cues of two words or more whose first two words match, longest first,
// then the one-word cues, each group at most once per word, in the order
// the rubric lists them.
func refMatch(byFirst map[string][]refPhrase, toks []refToken) []hit {
	var dst []hit
	for i := range toks {
		var multi, single []refPhrase
		for _, p := range byFirst[toks[i].stem] {
			switch {
			case len(p.stems) == 1:
				single = append(single, p)
			case i+1 < len(toks) && p.stems[1] == toks[i+1].stem:
				multi = append(multi, p)
			}
		}
		sort.SliceStable(multi, func(a, b int) bool { return len(multi[a].stems) > len(multi[b].stems) })
		var seen uint64
	next:
		for _, p := range append(multi, single...) {
			if i+len(p.stems) > len(toks) {
				continue
			}
			for j, st := range p.stems {
				if toks[i+j].stem != st {
					continue next
				}
			}
			bit := uint64(1) << (uint(p.group) % 64)
			if seen&bit != 0 {
				continue
			}
			seen |= bit
			if p.negatable && refNegatedAt(toks, i) {
				continue
			}
			if p.firstPers && !refFirstPersonBefore(toks, i) {
				continue
			}
			dst = append(dst, hit{group: p.group, start: int32(i), end: int32(i + len(p.stems))})
		}
	}
	return dst
}

// TestMatchMatchesReference: the indexed matcher finds exactly the cues the
// plain one does, in the same order, in every sentence.
func TestMatchMatchesReference(t *testing.T) {
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	byFirst := refPhrases(t, data.Rubric)
	var toks []token
	var refToks []refToken
	var got []hit
	total := 0
	for _, text := range equivalenceTexts(t) {
		for _, s := range Segment(text) {
			lower := strings.ToLower(s.Text)
			toks = tokenize(toks[:0], lower, r.phrases)
			got = r.phrases.match(got[:0], toks)
			refToks = refTokenize(refToks[:0], lower, r.phrases)
			want := refMatch(byFirst, refToks)
			total += len(want)
			if !slices.Equal(got, want) {
				t.Fatalf("match(%q)\n got: %v\nwant: %v", s.Text, got, want)
			}
		}
	}
	if total < 10000 {
		t.Fatalf("only %d cues found in all the texts: the test is not testing", total)
	}
}

// TestToLowerMatchesStrings: toLower is strings.ToLower.
func TestToLowerMatchesStrings(t *testing.T) {
	texts := append(equivalenceTexts(t), "", "A", "ÀB", strings.Repeat("Ab", 200)+"É", strings.Repeat("xY", 64), "İ")
	for _, text := range texts {
		if got, want := toLower(text), strings.ToLower(text); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestStemMatchesReference: stem agrees with the reference on every word
// of the texts and on every string of up to five letters drawn from those
// the suffix rules look at.
func TestStemMatchesReference(t *testing.T) {
	check := func(w string) {
		if got, want := stem(w), refStem(w); got != want {
			t.Fatalf("stem(%q) = %q, want %q", w, got, want)
		}
	}
	for _, text := range equivalenceTexts(t) {
		for _, tok := range refTokenize(nil, text, nil) {
			check(text[tok.start:tok.end])
			check(strings.ToLower(text[tok.start:tok.end]))
		}
	}
	const letters = "abdegilnosuz'é"
	var gen func(prefix string)
	gen = func(prefix string) {
		check(prefix)
		if len(prefix) < 5 {
			for i := 0; i < len(letters); i++ {
				gen(prefix + letters[i:i+1])
			}
		}
	}
	gen("")
	// Longer words on every suffix the rules know.
	for _, suffix := range []string{"ing", "ied", "ies", "ed", "es", "ses", "s", "us", "is", "'s", "e", "ee", "ll", "ss", "oo", "pp", "ttes", "pped", "zz", "d", "g"} {
		for n := 0; n <= 8; n++ {
			for _, c := range []string{"a", "b", "e", "s"} {
				check(strings.Repeat(c, n) + suffix)
				check("ca" + strings.Repeat(c, n) + suffix)
			}
		}
	}
}

// TestRelevanceMatchesReference: the one-pass relevance finds the same terms
// as the reference for every question of the bank, on one text in ten.
func TestRelevanceMatchesReference(t *testing.T) {
	r, err := ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		t.Fatal(err)
	}
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	var qs []*QuestionInfo
	for _, id := range bank.IDs() {
		q, _ := bank.Get(id)
		qs = append(qs, &QuestionInfo{ID: q.ID, Keywords: q.Keywords, Competencies: q.Competencies})
	}
	// Spelling variants and short words, which the filter must not miss.
	qs = append(qs, &QuestionInfo{Keywords: []string{"apologize", "organise", "I", "the and with", "zzz", "Customer's", "de-escalation", "résumé", "3.5%"}})
	texts := equivalenceTexts(t)
	for n, text := range texts {
		if n%10 != 0 {
			continue
		}
		an := analyse(r, Answer{Text: text})
		var stems []string
		for _, si := range an.sents {
			for _, tok := range refTokenize(nil, si.lower, nil) {
				stems = append(stems, tok.stem)
			}
		}
		for _, q := range qs {
			found, want, missing, foundTerms := relevance(&an, q)
			rFound, rWant, rMissing, rFoundTerms := refRelevance(stems, q)
			if found != rFound || want != rWant || missing != strings.Join(rMissing, ", ") || foundTerms != strings.Join(rFoundTerms, ", ") {
				t.Fatalf("relevance(%q, %v) = %d %d %q %q, want %d %d %q %q", text, q.Keywords, found, want, missing, foundTerms, rFound, rWant, rMissing, rFoundTerms)
			}
		}
	}
}
