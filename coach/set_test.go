package coach

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func builtinBank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func exampleCompany(t *testing.T) *questions.Company {
	t.Helper()
	c, err := questions.ParseCompany(data.ExampleCompany, data.ExampleCompanyPath)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func render(t *testing.T, set *Set, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSet(&b, set, format); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSetStable: the same seed and spec give the same bytes in every
// format; another seed gives another set.
func TestSetStable(t *testing.T) {
	bank := builtinBank(t)
	spec := SetSpec{Count: 8, Seed: 42, Company: exampleCompany(t), WithAnswers: true, MadeWith: "starprep coach set --count 8 --seed 42"}
	first, err := BuildSet(bank, spec)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, err := BuildSet(builtinBank(t), spec)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range SetFormats {
			if a, b := render(t, first, f), render(t, again, f); !bytes.Equal(a, b) {
				t.Fatalf("%s differs between two runs with seed 42", f)
			}
		}
	}
	other := spec
	other.Seed = 43
	set43, err := BuildSet(bank, other)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Equal(ids(first.Questions), ids(set43.Questions)) {
		t.Errorf("seeds 42 and 43 gave the same set %v", ids(first.Questions))
	}
	// Building a set leaves the bank as it was ({{company}} and examples kept).
	for _, q := range bank.Questions {
		if strings.Contains(strings.Join(q.FollowUps, " ")+q.Text, "Northwind") {
			t.Fatalf("the bank's question %s was changed: %q", q.ID, q.Text)
		}
	}
}

// TestSetBalanced: over many seeds and specs, no requested competency
// comes up a second time before every requested one has come up, as far as
// the bank allows; categories follow --mix; --exclude and --difficulty hold.
func TestSetBalanced(t *testing.T) {
	bank := builtinBank(t)
	specs := []SetSpec{
		{Count: 6, Competencies: []string{"de-escalation", "empathy", "teamwork", "upselling", "time-management"}},
		{Count: 10},
		{Mix: map[string]int{"behavioral": 3, "situational": 3, "motivation": 1, "technical": 1}},
		{Count: 5, Competencies: []string{"problem-solving", "communication"}, MinDifficulty: 2, MaxDifficulty: 3},
	}
	for _, base := range specs {
		for seed := int64(1); seed <= 40; seed++ {
			spec := base
			spec.Seed = seed
			spec.Exclude = []string{"angry-customer-time", "shouting-customer"}
			set, err := BuildSet(bank, spec)
			if err != nil {
				t.Fatalf("%+v: %v", spec, err)
			}
			want := spec.Competencies
			if len(want) == 0 {
				want = poolCompetencies(bank, spec)
			}
			checkBalanced(t, bank, spec, set.Questions, want)
		}
	}
}

func checkBalanced(t *testing.T, bank *questions.Bank, spec SetSpec, qs []questions.Question, want []string) {
	t.Helper()
	if len(qs) != spec.Count && (spec.Count != 0 || len(qs) == 0) {
		t.Fatalf("seed %d: %d questions, want %d", spec.Seed, len(qs), spec.Count)
	}
	cats := map[string]int{}
	covered := map[string]bool{}
	seen := map[string]bool{}
	for i, q := range qs {
		if seen[q.ID] {
			t.Fatalf("seed %d: %s twice", spec.Seed, q.ID)
		}
		seen[q.ID] = true
		if slices.Contains(spec.Exclude, q.ID) || q.Category == "ask" {
			t.Fatalf("seed %d: %s should be left out", spec.Seed, q.ID)
		}
		if (spec.MinDifficulty > 0 && q.Difficulty < spec.MinDifficulty) || (spec.MaxDifficulty > 0 && q.Difficulty > spec.MaxDifficulty) {
			t.Fatalf("seed %d: %s has difficulty %d", spec.Seed, q.ID, q.Difficulty)
		}
		cats[q.Category]++
		// A repeat is fine only when no question left in the pool would
		// have covered something new without one.
		var repeats, fresh []string
		for _, c := range q.Competencies {
			if !slices.Contains(want, c) {
				continue
			}
			if covered[c] {
				repeats = append(repeats, c)
			} else {
				fresh = append(fresh, c)
			}
		}
		if len(repeats) > 0 && avoidable(bank, spec, qs[:i+1], covered, want, q.Category) {
			t.Fatalf("seed %d: question %d (%s) repeats %v while %v are not covered yet", spec.Seed, i+1, q.ID, repeats, uncovered(want, covered))
		}
		for _, c := range q.Competencies {
			if slices.Contains(want, c) {
				covered[c] = true
			}
		}
		if len(uncovered(want, covered)) == 0 {
			clear(covered)
		}
	}
	for cat, n := range spec.Mix {
		if cats[cat] != n {
			t.Fatalf("seed %d: %d %s questions, --mix asks for %d", spec.Seed, cats[cat], cat, n)
		}
	}
}

// avoidable: some unused question of the pool (in a category the set still
// drew from at that point) covers a new competency and repeats none.
func avoidable(bank *questions.Bank, spec SetSpec, used []questions.Question, covered map[string]bool, want []string, cat string) bool {
	for _, q := range bank.Questions {
		if slices.ContainsFunc(used, func(u questions.Question) bool { return u.ID == q.ID }) || !eligible(q, spec) {
			continue
		}
		if len(spec.Mix) > 0 && q.Category != cat {
			continue // the mix decides the categories
		}
		clean := true
		for _, c := range q.Competencies {
			if slices.Contains(want, c) && covered[c] {
				clean = false
			}
		}
		if clean {
			return true
		}
	}
	return false
}

// poolCompetencies are the competencies of the questions a spec may pick.
func poolCompetencies(bank *questions.Bank, spec SetSpec) []string {
	var out []string
	for _, q := range bank.Questions {
		if eligible(q, spec) {
			for _, c := range q.Competencies {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func eligible(q questions.Question, spec SetSpec) bool {
	if slices.Contains(spec.Exclude, q.ID) || q.Category == "ask" {
		return false
	}
	if len(spec.Mix) > 0 && spec.Mix[q.Category] == 0 {
		return false
	}
	if (spec.MinDifficulty > 0 && q.Difficulty < spec.MinDifficulty) || (spec.MaxDifficulty > 0 && q.Difficulty > spec.MaxDifficulty) {
		return false
	}
	return len(spec.Competencies) == 0 || slices.ContainsFunc(q.Competencies, func(c string) bool { return slices.Contains(spec.Competencies, c) })
}

func uncovered(want []string, covered map[string]bool) []string {
	var out []string
	for _, c := range want {
		if !covered[c] {
			out = append(out, c)
		}
	}
	return out
}

// TestSetTooSmall: asking for more than the bank has says how many there are.
func TestSetTooSmall(t *testing.T) {
	set, err := BuildSet(builtinBank(t), SetSpec{Count: 50, Competencies: []string{"upselling"}, Seed: 1})
	if !errors.Is(err, ErrSetTooSmall) || len(set.Questions) == 0 || len(set.Questions) >= 50 {
		t.Fatalf("err %v, %d questions", err, len(set.Questions))
	}
}

// TestSetFormatsParse: JSON and CSV parse with a question per entry; the
// YAML form is a set file ParseSet reads back as the same questions, with
// the examples from the bank.
func TestSetFormatsParse(t *testing.T) {
	bank := builtinBank(t)
	set, err := BuildSet(bank, SetSpec{Count: 6, Seed: 7, Company: exampleCompany(t), MadeWith: "starprep coach set --company northwind --count 6 --seed 7"})
	if err != nil {
		t.Fatal(err)
	}
	want := ids(set.Questions)

	var doc struct {
		Schema    string `json:"schema"`
		Seed      int64  `json:"seed"`
		Company   string `json:"company"`
		Questions []struct {
			ID, Text string
		} `json:"questions"`
		Ask []string `json:"questions_to_ask"`
	}
	if err := json.Unmarshal(render(t, set, "json"), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range doc.Questions {
		got = append(got, q.ID)
		if strings.Contains(q.Text, "{{company}}") {
			t.Errorf("json: %s keeps {{company}} although --company was given", q.ID)
		}
	}
	if doc.Schema != SetSchema || doc.Seed != 7 || doc.Company != "northwind" || !slices.Equal(got, want) || len(doc.Ask) < 3 {
		t.Errorf("json: %+v", doc)
	}

	rows, err := csv.NewReader(bytes.NewReader(render(t, set, "csv"))).ReadAll()
	if err != nil || len(rows) != 1+len(want)+len(set.Ask) || rows[0][1] != "id" || rows[1][1] != want[0] || rows[len(rows)-1][2] != "ask" {
		t.Errorf("csv: %v, %d rows", err, len(rows))
	}

	for _, format := range []string{"yaml", "json"} {
		back, err := ParseSet(render(t, set, format), "set."+format, bank)
		if err != nil {
			t.Fatalf("ParseSet of the %s form: %v", format, err)
		}
		if !slices.Equal(ids(back), want) {
			t.Errorf("%s: read back %v, want %v", format, ids(back), want)
		}
		for _, q := range back {
			if known, _ := bank.Get(q.ID); q.Example != known.Example {
				t.Errorf("%s: %s has no example answer from the bank", format, q.ID)
			}
		}
		// A set is a bank too: questions validate and --bank read it.
		if b, err := questions.ParseBank(render(t, set, format), "set."+format); err != nil || !slices.Equal(ids(b.Questions), want) {
			t.Errorf("ParseBank of the %s form: %v", format, err)
		}
		excluded, err := SetIDs(render(t, set, format), "set."+format)
		if err != nil || !slices.Equal(excluded, want) {
			t.Errorf("SetIDs of the %s form: %v, %v", format, excluded, err)
		}
	}
}

// TestSetIDsOfSession: a client's saved session excludes what it planned
// and what it answered.
func TestSetIDsOfSession(t *testing.T) {
	got, err := SetIDs([]byte("id: s1\nstarted_at: 2026-11-20T10:00:00Z\nfinished: false\nquestion_ids: [a, b]\nnext: 1\nanswers:\n  - question_id: a\n    text: hi\n  - question_id: c\n    follow_up: true\n    text: more\n"), "s.yaml")
	if err != nil || !slices.Equal(got, []string{"a", "b", "a", "c"}) {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := SetIDs([]byte("questions: [a, {text: no id}]\n"), "bad.yaml"); err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:1: ") {
		t.Errorf("a set entry without an id: %v", err)
	}
}

// TestSetHandoutGolden: the Markdown handouts, a client's copy and a
// coach's copy with example answers and the company's questions.
func TestSetHandoutGolden(t *testing.T) {
	bank := builtinBank(t)
	cases := map[string]SetSpec{
		"handout.md":       {Count: 5, Seed: 11, MadeWith: "starprep coach set --count 5 --seed 11"},
		"handout-coach.md": {Mix: map[string]int{"behavioral": 2, "situational": 1, "strengths": 1}, Seed: 3, Company: exampleCompany(t), WithAnswers: true, MadeWith: "starprep coach set --company northwind --mix behavioral=2,situational=1,strengths=1 --with-answers --seed 3"},
	}
	for name, spec := range cases {
		set, err := BuildSet(bank, spec)
		if err != nil {
			t.Fatal(err)
		}
		got := render(t, set, "markdown")
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./coach -run Golden -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file; if the change is meant, run go test ./coach -run Golden -update\n%s", name, got)
		}
		for _, q := range set.Questions {
			if !bytes.Contains(got, []byte(mdEscape(questions.Fill(q.Text, "Northwind Outfitters (example)")))) && !bytes.Contains(got, []byte(mdEscape(questions.Fill(q.Text, "")))) {
				t.Errorf("%s: question %s is missing", name, q.ID)
			}
		}
		if spec.WithAnswers != bytes.Contains(got, []byte("**Example answer**")) {
			t.Errorf("%s: example answers shown %v, want %v", name, !spec.WithAnswers, spec.WithAnswers)
		}
	}
}
