package questions

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/internal/yamlfile"
)

const bankPath = "banks/mine.yaml"

// validQ is a complete question of five lines; %s is its id.
const validQ = `  - id: %s
    text: Tell me about a time you calmed an upset caller.
    category: behavioral
    competencies: [de-escalation]
    difficulty: 2
`

func q(id string) string { return fmt.Sprintf(validQ, id) }

// problems parses src and returns the problems the loader reported; it fails
// the test when the bank loads or the error is not a *yamlfile.Error.
func problems(t *testing.T, src string) []yamlfile.Problem {
	t.Helper()
	b, err := ParseBank([]byte(src), bankPath)
	if err == nil {
		t.Fatalf("ParseBank accepted a bad bank (%d questions):\n%s", len(b.Questions), src)
	}
	if b != nil {
		t.Errorf("ParseBank returned a bank along with the error %v", err)
	}
	var ye *yamlfile.Error
	if !errors.As(err, &ye) {
		t.Fatalf("error is %T (%v), want *yamlfile.Error so the CLI exits 3", err, err)
	}
	for _, p := range ye.Problems {
		if p.Path != bankPath {
			t.Errorf("problem %q names path %q, want %q", p, p.Path, bankPath)
		}
	}
	return ye.Problems
}

// oneProblem asserts exactly one problem at line whose message holds every
// one of want, and that the printed form is "path:line: message".
func oneProblem(t *testing.T, src string, line int, want ...string) {
	t.Helper()
	ps := problems(t, src)
	if len(ps) != 1 {
		t.Fatalf("got %d problems, want 1:\n%s", len(ps), (&yamlfile.Error{Problems: ps}).Error())
	}
	p := ps[0]
	if p.Line != line {
		t.Errorf("problem %q is at line %d, want line %d", p, p.Line, line)
	}
	prefix := fmt.Sprintf("%s:%d: ", bankPath, line)
	if line == 0 {
		prefix = bankPath + ": "
	}
	if !strings.HasPrefix(p.String(), prefix) {
		t.Errorf("printed as %q, want it to start with %q", p.String(), prefix)
	}
	for _, w := range want {
		if !strings.Contains(p.Message, w) {
			t.Errorf("message %q does not mention %q", p.Message, w)
		}
	}
}

func TestParseBankValid(t *testing.T) {
	t.Parallel()
	src := `version: 1
questions:
  - id: shouting-customer
    text: A caller starts shouting. What do you do?
    category: situational
    competencies: [de-escalation, empathy]
    difficulty: 2
    star: true
    look_for: [stays calm]
    keywords: [listen, calm]
    follow_ups:
      - What if they kept shouting?
    example: |
      I let them finish.
  - id: why-us
    text: Why do you want to work at {{company}}?
    category: motivation
    competencies: [communication]
    difficulty: 1
`
	b, err := ParseBank([]byte(src), bankPath)
	if err != nil {
		t.Fatalf("ParseBank: %v", err)
	}
	if got := b.IDs(); !slices.Equal(got, []string{"shouting-customer", "why-us"}) {
		t.Fatalf("ids = %v", got)
	}
	sc, ok := b.Get("shouting-customer")
	if !ok {
		t.Fatal("Get(shouting-customer) not found")
	}
	if sc.Category != "situational" || sc.Difficulty != 2 || !sc.STAR ||
		!slices.Equal(sc.Competencies, []string{"de-escalation", "empathy"}) ||
		!slices.Equal(sc.LookFor, []string{"stays calm"}) ||
		!slices.Equal(sc.Keywords, []string{"listen", "calm"}) ||
		!slices.Equal(sc.FollowUps, []string{"What if they kept shouting?"}) ||
		sc.Example != "I let them finish.\n" {
		t.Errorf("decoded question = %+v", sc)
	}
	if sc.Source != bankPath+":3" {
		t.Errorf("Source = %q, want %q", sc.Source, bankPath+":3")
	}
	if w, _ := b.Get("why-us"); w.Source != bankPath+":15" || w.STAR {
		t.Errorf("why-us: Source %q STAR %v", w.Source, w.STAR)
	}
	if _, ok := b.Get("nope"); ok {
		t.Error("Get(nope) found a question")
	}
	if got := b.Competencies(); !slices.Equal(got, []string{"communication", "de-escalation", "empathy"}) {
		t.Errorf("Competencies() = %v, want sorted unique list", got)
	}
}

func TestParseBankErrors(t *testing.T) {
	t.Parallel()
	head := "version: 1\nquestions:\n"
	tests := []struct {
		name string
		src  string
		line int
		want []string
	}{
		{
			name: "typo in a question field suggests the right name",
			src:  head + q("angry-caller") + "    look_fr: [stays calm]\n",
			line: 8,
			want: []string{`unknown field "look_fr"`, `did you mean "look_for"`},
		},
		{
			name: "typo in a top-level field suggests the right name",
			src:  "version: 1\nquestoins:\n" + q("angry-caller"),
			line: 2,
			want: []string{`unknown field "questoins"`, `did you mean "questions"`},
		},
		{
			name: "far-off unknown field lists the allowed fields",
			src:  head + q("angry-caller") + "    zzzzzzzz: 1\n",
			line: 8,
			want: []string{`unknown field "zzzzzzzz"`, "look_for", "follow_ups", "example"},
		},
		{
			name: "wrong type for difficulty",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: [x]\n    difficulty: abc\n",
			line: 7,
			want: []string{"whole number", `"abc"`},
		},
		{
			name: "wrong type for star",
			src:  head + q("a") + "    star: maybe\n",
			line: 8,
			want: []string{"true or false", `"maybe"`},
		},
		{
			name: "scalar where a list belongs",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: listening\n    difficulty: 1\n",
			line: 6,
			want: []string{"a list", `"listening"`},
		},
		{
			name: "duplicate id names the first definition",
			src:  head + q("angry-caller") + q("other") + q("angry-caller"),
			line: 13,
			want: []string{`duplicate id "angry-caller"`, "first defined at line 3"},
		},
		{
			name: "duplicate key inside a question",
			src:  head + "  - id: a\n    text: hi\n    text: again\n    category: ask\n    competencies: [x]\n    difficulty: 1\n",
			line: 5,
			want: []string{`"text"`, "line 4"},
		},
		{
			name: "unknown category lists the categories",
			src:  head + "  - id: a\n    text: hi\n    category: behavioural\n    competencies: [x]\n    difficulty: 1\n",
			line: 5,
			want: []string{`unknown category "behavioural"`, "behavioral, situational, technical, motivation, strengths, ask"},
		},
		{
			name: "missing category",
			src:  head + "  - id: a\n    text: hi\n    competencies: [x]\n    difficulty: 1\n",
			line: 3,
			want: []string{"category is missing"},
		},
		{
			name: "difficulty above range",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: [x]\n    difficulty: 4\n",
			line: 7,
			want: []string{"difficulty 4 is out of range"},
		},
		{
			name: "difficulty below range",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: [x]\n    difficulty: -1\n",
			line: 7,
			want: []string{"difficulty -1 is out of range"},
		},
		{
			name: "difficulty missing is out of range at the question",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: [x]\n",
			line: 3,
			want: []string{"difficulty 0 is out of range"},
		},
		{
			name: "missing text",
			src:  head + "  - id: a\n    category: ask\n    competencies: [x]\n    difficulty: 1\n",
			line: 3,
			want: []string{"a: text is missing"},
		},
		{
			name: "blank text",
			src:  head + "  - id: a\n    text: '   '\n    category: ask\n    competencies: [x]\n    difficulty: 1\n",
			line: 4,
			want: []string{"a: text is missing"},
		},
		{
			name: "id with capitals and underscore",
			src:  head + q("Angry_Caller"),
			line: 3,
			want: []string{`id "Angry_Caller"`, "lower-case"},
		},
		{
			name: "id with a double hyphen",
			src:  head + q("angry--caller"),
			line: 3,
			want: []string{`id "angry--caller"`},
		},
		{
			name: "id with a space on a later question",
			src:  head + q("fine") + q("angry caller"),
			line: 8,
			want: []string{`id "angry caller"`},
		},
		{
			name: "missing id",
			src:  head + "  - text: hi\n    category: ask\n    competencies: [x]\n    difficulty: 1\n",
			line: 3,
			want: []string{"no id"},
		},
		{
			name: "no competencies",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: []\n    difficulty: 1\n",
			line: 6,
			want: []string{"at least one competency"},
		},
		{
			name: "competency that is not a slug",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    competencies: [Problem Solving]\n    difficulty: 1\n",
			line: 6,
			want: []string{`competency "Problem Solving"`},
		},
		{
			name: "ask question cannot expect STAR",
			src:  head + "  - id: a\n    text: hi\n    category: ask\n    star: true\n    competencies: [x]\n    difficulty: 1\n",
			line: 6,
			want: []string{"ask", "STAR"},
		},
		{
			name: "empty look_for entry",
			src:  head + q("a") + "    look_for: [calm, '']\n",
			line: 8,
			want: []string{"look_for has an empty entry"},
		},
		{
			name: "missing version",
			src:  "questions:\n" + q("a"),
			line: 1,
			want: []string{"version: 1"},
		},
		{
			name: "unsupported version",
			src:  "version: 2\nquestions:\n" + q("a"),
			line: 1,
			want: []string{"unsupported version 2"},
		},
		{
			name: "no questions",
			src:  "version: 1\nquestions: []\n",
			line: 1,
			want: []string{"no questions"},
		},
		{
			name: "a list instead of a mapping",
			src:  "- id: a\n  text: hi\n",
			line: 1,
			want: []string{"mapping", "version: 1"},
		},
		{
			name: "a second YAML document",
			src:  head + q("a") + "---\nversion: 1\n",
			line: 8,
			want: []string{"one YAML document"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			oneProblem(t, tt.src, tt.line, tt.want...)
		})
	}
}

func TestParseBankEmptyFile(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"zero bytes":   "",
		"blank lines":  "\n\n  \n",
		"comment only": "# my bank, to be written\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			oneProblem(t, src, 0, "empty", "version: 1")
		})
	}
}

func TestParseBankSyntaxErrors(t *testing.T) {
	t.Parallel()
	head := "version: 1\nquestions:\n"
	tests := []struct {
		name string
		src  string
		// The decoder reports the line where the construct it was reading
		// began, which is not always the line with the mistake; lo..hi is
		// the range a user can work with, badLine the line to fix.
		lo, hi int
		want   string
	}{
		{
			name: "unterminated quote",
			src:  head + q("a") + q("b") + "  - id: c\n    text: \"Why us?\n    category: ask\n",
			lo:   14, hi: 14,
			want: "end of stream",
		},
		{
			name: "colon inside an unquoted value",
			src:  head + q("a") + "  - id: b\n    text: Why: because\n",
			lo:   9, hi: 9,
			want: "mapping values are not allowed",
		},
		{
			name: "tab used for indentation",
			src:  head + "  - id: a\n\ttext: hi\n",
			lo:   3, hi: 4,
			want: "tab",
		},
		{
			// yaml.v3 prints the 0-based line where the flow list began
			// (14); the list is opened on line 15.
			name: "unclosed flow list",
			src:  head + q("a") + q("b") + "  - id: c\n    text: hi\n    competencies: [x, y\n    difficulty: 2\n",
			lo:   14, hi: 15,
			want: "did not find expected ',' or ']'",
		},
		{
			// The mis-indented key is on line 15; yaml.v3 reports the line
			// before the start of the enclosing list (2). See the report.
			name: "mis-indented key",
			src:  head + q("a") + q("b") + "  - id: c\n    text: hi\n   category: ask\n",
			lo:   1, hi: 15,
			want: "did not find expected '-' indicator",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ps := problems(t, tt.src)
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(ps), ps)
			}
			p := ps[0]
			if p.Line < tt.lo || p.Line > tt.hi {
				t.Errorf("syntax error %q reported at line %d, want a line in %d..%d", p, p.Line, tt.lo, tt.hi)
			}
			if !strings.HasPrefix(p.String(), fmt.Sprintf("%s:%d: ", bankPath, p.Line)) {
				t.Errorf("printed as %q, want path:line: first", p.String())
			}
			if !strings.Contains(p.Message, tt.want) {
				t.Errorf("message %q does not mention %q", p.Message, tt.want)
			}
			if strings.HasPrefix(p.Message, "yaml:") {
				t.Errorf("message %q keeps the decoder's yaml: prefix", p.Message)
			}
		})
	}
}

func TestParseBankListsEveryProblem(t *testing.T) {
	t.Parallel()
	src := `version: 1
questions:
  - id: first
    text: hi
    category: nope
    competencies: [x]
    difficulty: 7
  - id: Bad_ID
    text: ""
    category: ask
    competencies: [x]
    difficulty: 1
  - id: first
    text: hi
    category: ask
    competencies: [x]
    difficulty: 1
`
	ps := problems(t, src)
	want := []struct {
		line int
		msg  string
	}{
		{5, `unknown category "nope"`},
		{7, "difficulty 7 is out of range"},
		{8, `id "Bad_ID"`},
		{9, "text is missing"},
		{13, `duplicate id "first" (first defined at line 3)`},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(ps), len(want), (&yamlfile.Error{Problems: ps}).Error())
	}
	for i, w := range want {
		if ps[i].Line != w.line || !strings.Contains(ps[i].Message, w.msg) {
			t.Errorf("problem %d = %q, want line %d mentioning %q", i, ps[i], w.line, w.msg)
		}
	}
	_, err := ParseBank([]byte(src), bankPath)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("error text has %d lines, want one per problem:\n%s", len(lines), err)
	}
	for i, l := range lines {
		if prefix := fmt.Sprintf("%s:%d: ", bankPath, want[i].line); !strings.HasPrefix(l, prefix) {
			t.Errorf("line %d of the error = %q, want prefix %q", i, l, prefix)
		}
	}
	var loc interface{ Location() (string, int) }
	if !errors.As(err, &loc) {
		t.Fatal("error has no Location, so the CLI cannot map it to exit 3")
	}
	if path, line := loc.Location(); path != bankPath || line != 5 {
		t.Errorf("Location() = %s:%d, want the first problem %s:5", path, line, bankPath)
	}
}

func mustBank(t *testing.T, src string) *Bank {
	t.Helper()
	b, err := ParseBank([]byte(src), bankPath)
	if err != nil {
		t.Fatalf("ParseBank: %v", err)
	}
	return b
}

func TestMerge(t *testing.T) {
	t.Parallel()
	base := NewBank([]Question{
		{ID: "a", Text: "A", Category: "behavioral"},
		{ID: "b", Text: "B original", Category: "behavioral"},
		{ID: "c", Text: "C", Category: "technical"},
	})
	over := NewBank([]Question{
		{ID: "d", Text: "D new", Category: "ask"},
		{ID: "b", Text: "B replaced", Category: "situational"},
	})
	m := base.Merge(over)

	if got, want := m.IDs(), []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("merged ids = %v, want %v (replacement in place, new ids appended)", got, want)
	}
	if b, _ := m.Get("b"); b.Text != "B replaced" || b.Category != "situational" {
		t.Errorf("merged b = %+v, want the overriding question", b)
	}
	if m.Questions[1].Text != "B replaced" {
		t.Errorf("merged Questions[1] = %q, want the replacement at b's position", m.Questions[1].Text)
	}
	if d, ok := m.Get("d"); !ok || d.Text != "D new" {
		t.Errorf("merged Get(d) = %+v, %v", d, ok)
	}

	// The original banks are untouched.
	if got := base.IDs(); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("base ids after merge = %v", got)
	}
	if b, _ := base.Get("b"); b.Text != "B original" {
		t.Errorf("base b after merge = %q, want the original", b.Text)
	}
	if _, ok := base.Get("d"); ok {
		t.Error("base gained d after merge")
	}
	if got := over.IDs(); !slices.Equal(got, []string{"d", "b"}) {
		t.Errorf("over ids after merge = %v", got)
	}

	// Merging twice in a row layers the banks in order.
	third := NewBank([]Question{{ID: "b", Text: "B third"}, {ID: "e", Text: "E"}})
	m2 := m.Merge(third)
	if got := m2.IDs(); !slices.Equal(got, []string{"a", "b", "c", "d", "e"}) {
		t.Errorf("second merge ids = %v", got)
	}
	if b, _ := m2.Get("b"); b.Text != "B third" {
		t.Errorf("second merge b = %q, want the last bank's", b.Text)
	}
	if b, _ := m.Get("b"); b.Text != "B replaced" {
		t.Errorf("first merge result changed by the second merge: b = %q", b.Text)
	}
}

func TestMergeParsedBanksKeepSource(t *testing.T) {
	t.Parallel()
	base := mustBank(t, "version: 1\nquestions:\n"+q("a")+q("b"))
	over, err := ParseBank([]byte("version: 1\nquestions:\n"+q("b")), "over.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := base.Merge(over)
	if b, _ := m.Get("b"); b.Source != "over.yaml:3" {
		t.Errorf("replaced question's Source = %q, want over.yaml:3", b.Source)
	}
	if a, _ := m.Get("a"); a.Source != bankPath+":3" {
		t.Errorf("kept question's Source = %q, want %s:3", a.Source, bankPath)
	}
}

// filterBank is a small bank for the filter tests.
func filterBank() *Bank {
	return NewBank([]Question{
		{ID: "angry-caller", Text: "Tell me about an ANGRY caller.", Category: "behavioral", Competencies: []string{"de-escalation", "empathy"}, Difficulty: 1, STAR: true, Keywords: []string{"calm", "listen"}},
		{ID: "refund-rules", Text: "A customer wants a refund after 60 days.", Category: "situational", Competencies: []string{"policy-judgement"}, Difficulty: 3, STAR: true, Keywords: []string{"policy", "manager"}},
		{ID: "crm-tools", Text: "Which CRM tools have you used?", Category: "technical", Competencies: []string{"product-knowledge"}, Difficulty: 2, Keywords: []string{"zendesk", "salesforce"}},
		{ID: "why-us", Text: "Why do you want this job?", Category: "motivation", Competencies: []string{"communication"}, Difficulty: 1, Keywords: []string{"values"}},
		{ID: "ask-team", Text: "How is the team measured?", Category: "ask", Competencies: []string{"metrics", "teamwork"}, Difficulty: 2, Keywords: []string{"csat"}},
		{ID: "busy-queue", Text: "Handle three chats and a call at once.", Category: "situational", Competencies: []string{"multitasking", "empathy"}, Difficulty: 2, STAR: true, Keywords: []string{"prioritise"}},
	})
}

func TestFilter(t *testing.T) {
	t.Parallel()
	b := filterBank()
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"empty filter keeps all in bank order", Filter{}, []string{"angry-caller", "refund-rules", "crm-tools", "why-us", "ask-team", "busy-queue"}},
		{"one category", Filter{Categories: []string{"situational"}}, []string{"refund-rules", "busy-queue"}},
		{"categories are ORed", Filter{Categories: []string{"technical", "ask"}}, []string{"crm-tools", "ask-team"}},
		{"unknown category matches nothing", Filter{Categories: []string{"nope"}}, nil},
		{"competency", Filter{Competencies: []string{"empathy"}}, []string{"angry-caller", "busy-queue"}},
		{"competencies are ORed", Filter{Competencies: []string{"metrics", "policy-judgement"}}, []string{"refund-rules", "ask-team"}},
		{"exact difficulty", Filter{MinDifficulty: 2, MaxDifficulty: 2}, []string{"crm-tools", "ask-team", "busy-queue"}},
		{"difficulty range", Filter{MinDifficulty: 2, MaxDifficulty: 3}, []string{"refund-rules", "crm-tools", "ask-team", "busy-queue"}},
		{"only a minimum", Filter{MinDifficulty: 3}, []string{"refund-rules"}},
		{"only a maximum", Filter{MaxDifficulty: 1}, []string{"angry-caller", "why-us"}},
		{"search text, case-insensitive", Filter{Search: "angry"}, []string{"angry-caller"}},
		{"search upper-case words", Filter{Search: "REFUND"}, []string{"refund-rules"}},
		{"search keywords", Filter{Search: "zendesk"}, []string{"crm-tools"}},
		{"search competencies", Filter{Search: "multitasking"}, []string{"busy-queue"}},
		{"search id", Filter{Search: "ask-team"}, []string{"ask-team"}},
		{"every search word must match", Filter{Search: "customer refund"}, []string{"refund-rules"}},
		{"search words are ANDed", Filter{Search: "refund zendesk"}, nil},
		{"blank search matches all", Filter{Search: "   "}, []string{"angry-caller", "refund-rules", "crm-tools", "why-us", "ask-team", "busy-queue"}},
		{"STAR only", Filter{STAROnly: true}, []string{"angry-caller", "refund-rules", "busy-queue"}},
		{"exclude", Filter{Exclude: []string{"angry-caller", "why-us"}}, []string{"refund-rules", "crm-tools", "ask-team", "busy-queue"}},
		{"fields are ANDed", Filter{Categories: []string{"situational", "behavioral"}, Competencies: []string{"empathy"}, MinDifficulty: 2}, []string{"busy-queue"}},
		{"STAR and exclude", Filter{STAROnly: true, Exclude: []string{"refund-rules"}, Search: "a"}, []string{"angry-caller", "busy-queue"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, q := range b.Find(tt.f) {
				got = append(got, q.ID)
				if !tt.f.Match(q) {
					t.Errorf("Find returned %s but Match says no", q.ID)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}

// selectPool has five questions in each category, with competencies spread
// so that balancing has something to do.
func selectPool() []Question {
	comps := []string{"empathy", "de-escalation", "communication", "teamwork", "metrics"}
	var qs []Question
	for _, cat := range Categories {
		for i := range 5 {
			qs = append(qs, Question{
				ID:           fmt.Sprintf("%s-%d", cat, i),
				Text:         "q",
				Category:     cat,
				Competencies: []string{comps[i]},
				Difficulty:   i%3 + 1,
				STAR:         cat == "behavioral" || cat == "situational",
			})
		}
	}
	return qs
}

func rngFor(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0)) }

func ids(qs []Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func countBy(qs []Question) map[string]int {
	m := map[string]int{}
	for _, q := range qs {
		m[q.Category]++
	}
	return m
}

func TestSelectSameSeedSameSet(t *testing.T) {
	t.Parallel()
	b := NewBank(selectPool())
	for _, seed := range []uint64{1, 42, 20261122} {
		first := ids(b.Select(Filter{}, 10, rngFor(seed)))
		again := ids(b.Select(Filter{}, 10, rngFor(seed)))
		if !slices.Equal(first, again) {
			t.Errorf("seed %d: %v then %v, want the same set in the same order", seed, first, again)
		}
		if len(first) != 10 {
			t.Errorf("seed %d: got %d questions, want 10", seed, len(first))
		}
	}
}

func TestSelectDifferentSeedsDiffer(t *testing.T) {
	t.Parallel()
	b := NewBank(selectPool())
	base := ids(b.Select(Filter{}, 8, rngFor(1)))
	differ := 0
	for seed := uint64(2); seed <= 6; seed++ {
		if !slices.Equal(base, ids(b.Select(Filter{}, 8, rngFor(seed)))) {
			differ++
		}
	}
	if differ < 4 {
		t.Errorf("only %d of 5 other seeds gave a different selection than seed 1 (%v)", differ, base)
	}
}

func TestSelectBalancesCategories(t *testing.T) {
	t.Parallel()
	b := NewBank(selectPool())
	for seed := range uint64(10) {
		got := b.Select(Filter{}, 12, rngFor(seed))
		for _, cat := range Categories {
			if n := countBy(got)[cat]; n != 2 {
				t.Errorf("seed %d: %d %s questions out of 12, want 2 of each category: %v", seed, n, cat, ids(got))
			}
		}
		// Round robin in the order of Categories.
		for i, q := range got[:len(Categories)] {
			if q.Category != Categories[i] {
				t.Errorf("seed %d: pick %d is %s, want %s first", seed, i, q.Category, Categories[i])
			}
		}
	}
}

func TestSelectAppliesFilter(t *testing.T) {
	t.Parallel()
	b := NewBank(selectPool())
	f := Filter{Categories: []string{"behavioral", "technical"}, MaxDifficulty: 2, Exclude: []string{"technical-0"}}
	got := b.Select(f, 5, rngFor(7))
	if len(got) != 5 {
		t.Fatalf("got %d questions, want 5: %v", len(got), ids(got))
	}
	for _, q := range got {
		if !f.Match(q) {
			t.Errorf("selected %s, which the filter rules out", q.ID)
		}
	}
}

func TestSelectPrefersUnusedCompetencies(t *testing.T) {
	t.Parallel()
	pool := []Question{
		{ID: "x1", Category: "behavioral", Competencies: []string{"empathy"}},
		{ID: "x2", Category: "behavioral", Competencies: []string{"empathy"}},
		{ID: "x3", Category: "behavioral", Competencies: []string{"empathy"}},
		{ID: "y", Category: "behavioral", Competencies: []string{"teamwork"}},
	}
	for seed := range uint64(20) {
		got := ids(SelectMix(pool, nil, 2, rngFor(seed)))
		if !slices.Contains(got, "y") {
			t.Errorf("seed %d: picked %v, want the only teamwork question alongside an empathy one", seed, got)
		}
	}
}

func TestSelectMoreThanPool(t *testing.T) {
	t.Parallel()
	pool := selectPool()[:7] // five behavioral, two situational
	got := SelectMix(pool, nil, 50, rngFor(3))
	if len(got) != len(pool) {
		t.Fatalf("got %d questions, want all %d", len(got), len(pool))
	}
	gotIDs := ids(got)
	slices.Sort(gotIDs)
	want := ids(pool)
	slices.Sort(want)
	if !slices.Equal(gotIDs, want) {
		t.Errorf("got %v, want every question of the pool exactly once", gotIDs)
	}
	if got := SelectMix(pool, nil, 0, rngFor(3)); len(got) != 0 {
		t.Errorf("n=0 gave %v", ids(got))
	}
	if got := SelectMix(nil, nil, 5, rngFor(3)); len(got) != 0 {
		t.Errorf("empty pool gave %v", ids(got))
	}
}

func TestSelectMixHonoured(t *testing.T) {
	t.Parallel()
	pool := selectPool()
	for seed := range uint64(5) {
		got := SelectMix(pool, map[string]int{"technical": 3, "ask": 1}, 4, rngFor(seed))
		if c := countBy(got); len(got) != 4 || c["technical"] != 3 || c["ask"] != 1 {
			t.Errorf("seed %d: mix technical=3,ask=1 gave %v", seed, ids(got))
		}
	}

	// The rest of n goes round robin over the categories in the mix only.
	got := SelectMix(pool, map[string]int{"technical": 1, "ask": 1}, 6, rngFor(9))
	if c := countBy(got); len(got) != 6 || c["technical"] != 3 || c["ask"] != 3 {
		t.Errorf("mix technical=1,ask=1 with n=6 gave %v, want 3 of each and no other category", ids(got))
	}

	// A mix asking for more than a category has takes what there is.
	got = SelectMix(pool, map[string]int{"motivation": 9}, 9, rngFor(9))
	if c := countBy(got); len(got) != 5 || c["motivation"] != 5 {
		t.Errorf("mix motivation=9 from 5 motivation questions gave %v", ids(got))
	}

	// Same seed, same mix, same result.
	m := map[string]int{"behavioral": 2, "strengths": 2}
	if a, b := ids(SelectMix(pool, m, 4, rngFor(11))), ids(SelectMix(pool, m, 4, rngFor(11))); !slices.Equal(a, b) {
		t.Errorf("same seed and mix gave %v then %v", a, b)
	}
}

func TestSelectMixRankPutsLowerFirst(t *testing.T) {
	t.Parallel()
	// One category, one shared competency: only the rank decides.
	var pool []Question
	rank := map[string]int{}
	for i := range 10 {
		id := fmt.Sprintf("q%d", i)
		pool = append(pool, Question{ID: id, Category: "situational", Competencies: []string{"empathy"}})
		rank[id] = (i * 7) % 10 // a permutation of 0..9, not the pool order
	}
	byRank := func(q Question) int { return rank[q.ID] }
	for seed := range uint64(5) {
		got := SelectMix(pool, nil, 4, rngFor(seed), byRank)
		var ranks []int
		for _, q := range got {
			ranks = append(ranks, rank[q.ID])
		}
		if !slices.Equal(ranks, []int{0, 1, 2, 3}) {
			t.Errorf("seed %d: picked ranks %v, want the four lowest in order 0,1,2,3", seed, ranks)
		}
	}

	// Ties keep the seeded order, so equal ranks still vary by seed but
	// always come after the lower rank.
	weak := func(q Question) int {
		if q.ID == "q5" {
			return 0
		}
		return 1
	}
	for seed := range uint64(5) {
		got := SelectMix(pool, nil, 3, rngFor(seed), weak)
		if got[0].ID != "q5" {
			t.Errorf("seed %d: first pick %s, want the weak question q5 first", seed, got[0].ID)
		}
	}
}

func TestFillCompany(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, company, want string }{
		{"Why do you want to work at {{company}}?", "Northwind Outfitters", "Why do you want to work at Northwind Outfitters?"},
		{"What do you know about {{company}}? Why {{company}}?", "Acme", "What do you know about Acme? Why Acme?"},
		{"Why do you want to work at {{company}}?", "", "Why do you want to work at this company?"},
		{"Tell me about an angry customer.", "Acme", "Tell me about an angry customer."},
	}
	for _, tt := range tests {
		if got := Fill(tt.text, tt.company); got != tt.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tt.text, tt.company, got, tt.want)
		}
	}
}

func TestBankClosest(t *testing.T) {
	t.Parallel()
	b := filterBank()
	if got := b.Closest("angry"); !slices.Equal(got, []string{"angry-caller"}) {
		t.Errorf("Closest(angry) = %v, want [angry-caller]", got)
	}
	if got := b.Closest("zzz"); len(got) != 0 {
		t.Errorf("Closest(zzz) = %v, want none", got)
	}
}

func companyProblems(t *testing.T, src string) []yamlfile.Problem {
	t.Helper()
	c, err := ParseCompany([]byte(src), "companies/acme.yaml")
	if err == nil {
		t.Fatalf("ParseCompany accepted bad notes: %+v", c)
	}
	var ye *yamlfile.Error
	if !errors.As(err, &ye) {
		t.Fatalf("error is %T (%v), want *yamlfile.Error", err, err)
	}
	return ye.Problems
}

func TestParseCompany(t *testing.T) {
	t.Parallel()
	good := `name: Acme Support
slug: acme
industry: retail
news:
  - date: 2026-09-15
    headline: New chat service
support:
  channels: [chat, email]
  metrics: [CSAT]
`
	c, err := ParseCompany([]byte(good), "companies/acme.yaml")
	if err != nil {
		t.Fatalf("ParseCompany: %v", err)
	}
	if c.Name != "Acme Support" || c.Slug != "acme" || len(c.News) != 1 || c.News[0].Date != "2026-09-15" ||
		!slices.Equal(c.Support.Channels, []string{"chat", "email"}) {
		t.Errorf("decoded company = %+v", c)
	}

	tests := []struct {
		name string
		src  string
		line int
		want string
	}{
		{"slug with a space", "name: Acme\nslug: Acme Corp\n", 2, `slug "Acme Corp"`},
		{"slug missing", "name: Acme\nindustry: retail\n", 1, `slug ""`},
		{"name missing", "slug: acme\n", 1, "name is missing"},
		{"news date not a date", "name: Acme\nslug: acme\nnews:\n  - date: last spring\n    headline: h\n", 4, `news date "last spring"`},
		{"news date impossible", "name: Acme\nslug: acme\nnews:\n  - date: 2026-09-15\n    headline: ok\n  - date: 2026-13-01\n    headline: h\n", 6, `news date "2026-13-01"`},
		{"news date in another order", "name: Acme\nslug: acme\nnews:\n  - date: 15/09/2026\n    headline: h\n", 4, "YYYY-MM-DD"},
		{"news without headline", "name: Acme\nslug: acme\nnews:\n  - date: 2026-09-15\n", 4, "no headline"},
		{"unknown field typo", "name: Acme\nslug: acme\nindusty: retail\n", 3, `did you mean "industry"`},
		{"unknown nested field", "name: Acme\nslug: acme\nsupport:\n  chanels: [chat]\n", 4, `did you mean "channels"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ps := companyProblems(t, tt.src)
			if len(ps) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(ps), ps)
			}
			if ps[0].Line != tt.line || ps[0].Path != "companies/acme.yaml" || !strings.Contains(ps[0].Message, tt.want) {
				t.Errorf("problem = %q, want companies/acme.yaml:%d mentioning %q", ps[0], tt.line, tt.want)
			}
		})
	}

	t.Run("every problem at once", func(t *testing.T) {
		t.Parallel()
		ps := companyProblems(t, "name: X\nslug: Bad Slug\nnews:\n  - date: 2026-13-01\n    headline: h\n  - date: yesterday\n    headline: \"\"\n")
		var lines []int
		for _, p := range ps {
			lines = append(lines, p.Line)
		}
		if !slices.Equal(lines, []int{2, 4, 6, 6}) {
			t.Errorf("problem lines = %v, want [2 4 6 6]: %v", lines, ps)
		}
	})
}

func TestParseChecklist(t *testing.T) {
	t.Parallel()
	good := `version: 1
steps:
  - id: company-research
    title: Research the company
    items:
      - id: products
        text: List their products
      - id: values
        text: Note their values
`
	c, err := ParseChecklist([]byte(good), "checklist.yaml")
	if err != nil {
		t.Fatalf("ParseChecklist: %v", err)
	}
	if len(c.Steps) != 1 || c.Steps[0].ID != "company-research" || len(c.Steps[0].Items) != 2 {
		t.Errorf("decoded checklist = %+v", c)
	}

	tests := []struct {
		name string
		src  string
		line int
		want string
	}{
		{"wrong version", "version: 2\nsteps:\n  - id: a\n    title: A\n    items:\n      - id: x\n        text: t\n", 1, "version"},
		{"no steps", "version: 1\nsteps: []\n", 1, "no steps"},
		{"repeated step id", "version: 1\nsteps:\n  - id: a\n    title: A\n    items:\n      - id: x\n        text: t\n  - id: a\n    title: B\n    items:\n      - id: y\n        text: t\n", 8, `step id "a"`},
		{"bad step id", "version: 1\nsteps:\n  - id: Step One\n    title: A\n    items:\n      - id: x\n        text: t\n", 3, `step id "Step One"`},
		{"step without items", "version: 1\nsteps:\n  - id: a\n    title: A\n", 3, `step "a" has no items`},
		{"repeated item id", "version: 1\nsteps:\n  - id: a\n    title: A\n    items:\n      - id: x\n        text: t\n      - id: x\n        text: u\n", 8, `item "x" of step "a"`},
		{"item without text", "version: 1\nsteps:\n  - id: a\n    title: A\n    items:\n      - id: x\n", 6, `item "x" of step "a"`},
		{"field typo", "version: 1\nsteps:\n  - id: a\n    title: A\n    itmes:\n      - id: x\n        text: t\n", 5, `did you mean "items"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseChecklist([]byte(tt.src), "checklist.yaml")
			var ye *yamlfile.Error
			if !errors.As(err, &ye) {
				t.Fatalf("error = %v (%T), want *yamlfile.Error", err, err)
			}
			found := false
			for _, p := range ye.Problems {
				if p.Path == "checklist.yaml" && p.Line == tt.line && strings.Contains(p.Message, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems %v: none at checklist.yaml:%d mentioning %q", ye.Problems, tt.line, tt.want)
			}
		})
	}
}
