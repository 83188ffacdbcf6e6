package cmd

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

// qResult is what one in-process invocation produced.
type qResult struct {
	code        int
	stdout      string
	stderr      string
	description string
}

type qOpt func(*IOStreams, map[string]string)

// qOnTTY makes stdout (and stdin) a terminal.
func qOnTTY(ios *IOStreams, _ map[string]string) { ios.SetTTY(true, true, true) }

// qRunCLI runs starprep in-process with buffer streams, an empty environment
// and a fresh home directory.
func qRunCLI(t *testing.T, args []string, opts ...qOpt) qResult {
	t.Helper()
	ios, _, out, errOut := TestStreams()
	home := t.TempDir()
	env := map[string]string{"STARPREP_HOME": home}
	for _, o := range opts {
		o(ios, env)
	}
	f := NewFactory(ios)
	f.Getenv = func(k string) string { return env[k] }
	code := Run(args, f)
	return qResult{code: code, stdout: out.String(), stderr: errOut.String(), description: "starprep " + strings.Join(args, " ")}
}

// qRun runs a normal command with --home set to a temporary directory.
func qRun(t *testing.T, args ...string) qResult {
	t.Helper()
	return qRunCLI(t, append([]string{"--home", t.TempDir()}, args...))
}

func (r qResult) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.description, r.code, code, r.stdout, r.stderr)
	}
}

// wantUsage checks a usage failure: exit 2, a message on stderr holding every
// one of want, nothing on stdout.
func (r qResult) wantUsage(t *testing.T, want ...string) {
	t.Helper()
	r.wantCode(t, exitUsage)
	if r.stdout != "" {
		t.Errorf("%s: stdout should be empty on a usage error, got:\n%s", r.description, r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "starprep: error: ") {
		t.Errorf("%s: stderr = %q, want it to start with 'starprep: error: '", r.description, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("%s: stderr does not mention %q:\n%s", r.description, w, r.stderr)
		}
	}
}

func qEmbeddedBank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatalf("embedded bank: %v", err)
	}
	return b
}

func qWriteTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func qLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestQuestionsListTechnicalPiped(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--category", "technical")
	r.wantCode(t, exitOK)
	if r.stderr != "" {
		t.Errorf("stderr should be empty when piped, got:\n%s", r.stderr)
	}
	want := qEmbeddedBank(t).Find(questions.Filter{Categories: []string{"technical"}})
	rows := qLines(r.stdout)
	if len(rows) != len(want) || len(rows) < 15 {
		t.Fatalf("%d rows, want one per technical question (%d), no header:\n%s", len(rows), len(want), r.stdout)
	}
	for i, row := range rows {
		cells := strings.Split(row, "\t")
		if len(cells) != 4 {
			t.Fatalf("row %d has %d tab-separated cells, want 4 (id, category, difficulty, text): %q", i, len(cells), row)
		}
		q := want[i]
		if cells[0] != q.ID || cells[1] != "technical" || cells[3] != questions.Fill(q.Text, "") {
			t.Errorf("row %d = %q, want %s / technical / %q", i, row, q.ID, q.Text)
		}
		if cells[2] < "1" || cells[2] > "3" {
			t.Errorf("row %d level %q, want 1..3", i, cells[2])
		}
	}
}

func TestQuestionsListTableOnTTY(t *testing.T) {
	t.Parallel()
	r := qRunCLI(t, []string{"--home", t.TempDir(), "questions", "list", "--category", "ask"}, qOnTTY)
	r.wantCode(t, exitOK)
	n := len(qEmbeddedBank(t).Find(questions.Filter{Categories: []string{"ask"}}))
	lines := qLines(r.stdout)
	// One line per question under a header, in columns that fit 80
	// characters: no borders and no wrapped cells.
	if len(lines) != n+1 || strings.Contains(r.stdout, "\t") || strings.ContainsAny(r.stdout, "┌│") {
		t.Errorf("on a terminal want a header and one line per question (%d), got:\n%s", n, r.stdout)
	}
	for _, h := range []string{"ID", "CATEGORY", "LVL", "QUESTION"} {
		if !strings.Contains(lines[0], h) {
			t.Errorf("header lacks %q: %q", h, lines[0])
		}
	}
	if !strings.Contains(r.stdout, "ask-peak-seasons") || !strings.Contains(r.stdout, "…") {
		t.Errorf("want every id and long questions shortened with an ellipsis:\n%s", r.stdout)
	}
	for _, l := range lines {
		if w := len([]rune(l)); w > 80 {
			t.Errorf("a line is %d columns wide: %q", w, l)
		}
	}
	if !strings.Contains(r.stderr, "questions show") || !strings.Contains(r.stderr, strconv.Itoa(n)+" questions") {
		t.Errorf("on a terminal want a count and a pointer to 'questions show' on stderr, got %q", r.stderr)
	}
}

func TestQuestionsListJSON(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--format", "json")
	r.wantCode(t, exitOK)
	if r.stderr != "" {
		t.Errorf("stderr = %q, want empty", r.stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array of objects: %v\n%s", err, r.stdout[:min(len(r.stdout), 400)])
	}
	bank := qEmbeddedBank(t)
	if len(got) != len(bank.Questions) {
		t.Fatalf("%d objects, want every question (%d)", len(got), len(bank.Questions))
	}
	fields := []string{"id", "text", "category", "competencies", "difficulty", "star", "look_for", "keywords", "follow_ups"}
	for i, obj := range got {
		for _, k := range fields {
			if _, ok := obj[k]; !ok {
				t.Errorf("object %d (%v) lacks the field %q", i, obj["id"], k)
			}
		}
		for k := range obj {
			if k != "example" && !slices.Contains(fields, k) {
				t.Errorf("object %d has an undocumented field %q", i, k)
			}
		}
		if obj["id"] != bank.Questions[i].ID {
			t.Errorf("object %d id %v, want %s (bank order)", i, obj["id"], bank.Questions[i].ID)
		}
	}
	// Types as documented.
	q := got[0]
	if _, ok := q["difficulty"].(float64); !ok {
		t.Errorf("difficulty is %T, want a number", q["difficulty"])
	}
	if _, ok := q["star"].(bool); !ok {
		t.Errorf("star is %T, want true/false", q["star"])
	}
	for _, k := range []string{"competencies", "look_for", "keywords", "follow_ups"} {
		if _, ok := q[k].([]any); !ok {
			t.Errorf("%s is %T, want a list", k, q[k])
		}
	}
}

func TestQuestionsListJSONFiltered(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--category", "behavioral,situational", "--competency", "de-escalation", "--difficulty", "2-3", "--star", "--format", "json")
	r.wantCode(t, exitOK)
	var got []questions.Question
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	want := qEmbeddedBank(t).Find(questions.Filter{
		Categories: []string{"behavioral", "situational"}, Competencies: []string{"de-escalation"},
		MinDifficulty: 2, MaxDifficulty: 3, STAROnly: true,
	})
	if len(want) == 0 {
		t.Fatal("the filter matches nothing in the built-in bank; pick another")
	}
	var gotIDs, wantIDs []string
	for _, q := range got {
		gotIDs = append(gotIDs, q.ID)
		if q.Difficulty < 2 || !q.STAR || !slices.Contains(q.Competencies, "de-escalation") || (q.Category != "behavioral" && q.Category != "situational") {
			t.Errorf("%s does not pass the filter: %+v", q.ID, q)
		}
	}
	for _, q := range want {
		wantIDs = append(wantIDs, q.ID)
	}
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("ids = %v, want %v", gotIDs, wantIDs)
	}
}

func TestQuestionsListSearch(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--search", "REFUND")
	r.wantCode(t, exitOK)
	rows := qLines(r.stdout)
	if len(rows) == 0 {
		t.Fatal("--search REFUND found nothing")
	}
	if len(rows) >= len(qEmbeddedBank(t).Questions) {
		t.Errorf("--search REFUND kept every question")
	}
}

func TestQuestionsListEmptyResult(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--search", "xylophone-zebra", "--format", "json")
	r.wantCode(t, exitOK)
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("an empty JSON result should be [], got %q", r.stdout)
	}
	r = qRun(t, "questions", "list", "--search", "xylophone-zebra")
	r.wantCode(t, exitOK)
	if r.stdout != "" {
		t.Errorf("an empty piped table should print nothing, got %q", r.stdout)
	}
}

func TestQuestionsListYAMLIsABank(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--category", "motivation", "--format", "yaml")
	r.wantCode(t, exitOK)
	b, err := questions.ParseBank([]byte(r.stdout), "list-output.yaml")
	if err != nil {
		t.Fatalf("the YAML output does not load as a question bank:\n%v", err)
	}
	want := qEmbeddedBank(t).Find(questions.Filter{Categories: []string{"motivation"}})
	var wantIDs []string
	for _, q := range want {
		wantIDs = append(wantIDs, q.ID)
	}
	if !slices.Equal(b.IDs(), wantIDs) {
		t.Errorf("ids = %v, want %v", b.IDs(), wantIDs)
	}
	for _, q := range want {
		got, _ := b.Get(q.ID)
		if got.Text != q.Text || !slices.Equal(got.LookFor, q.LookFor) || !slices.Equal(got.Keywords, q.Keywords) {
			t.Errorf("%s did not survive the YAML round trip: %+v", q.ID, got)
		}
	}
}

func TestQuestionsListMarkdown(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--category", "strengths", "--format", "markdown")
	r.wantCode(t, exitOK)
	ls := qLines(r.stdout)
	want := qEmbeddedBank(t).Find(questions.Filter{Categories: []string{"strengths"}})
	if len(ls) != len(want)+2 {
		t.Fatalf("%d qLines, want a header, a separator and %d rows:\n%s", len(ls), len(want), r.stdout)
	}
	if ls[0] != "| ID | CATEGORY | LEVEL | QUESTION |" {
		t.Errorf("header = %q", ls[0])
	}
	if !strings.HasPrefix(ls[1], "| --- |") {
		t.Errorf("separator = %q", ls[1])
	}
	for i, q := range want {
		row := ls[i+2]
		if !strings.HasPrefix(row, "| "+q.ID+" | strengths | ") || !strings.HasSuffix(row, " |") {
			t.Errorf("row %d = %q, want %s first", i, row, q.ID)
		}
	}
}

func TestQuestionsListCSV(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "list", "--category", "technical", "--format", "csv")
	r.wantCode(t, exitOK)
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if !slices.Equal(recs[0], []string{"id", "category", "difficulty", "text", "star", "competencies"}) {
		t.Errorf("header = %v", recs[0])
	}
	want := qEmbeddedBank(t).Find(questions.Filter{Categories: []string{"technical"}})
	if len(recs)-1 != len(want) {
		t.Fatalf("%d records, want %d", len(recs)-1, len(want))
	}
	for i, q := range want {
		rec := recs[i+1]
		if rec[0] != q.ID || rec[1] != "technical" || rec[2] != strconv.Itoa(q.Difficulty) || rec[3] != q.Text ||
			rec[4] != strconv.FormatBool(q.STAR) || rec[5] != strings.Join(q.Competencies, ";") {
			t.Errorf("record %d = %v, want %s", i, rec, q.ID)
		}
	}
}

func TestQuestionsListUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--format", "xml"}, []string{`--format "xml"`, "json"}},
		{[]string{"--category", "technicl"}, []string{`unknown category "technicl"`, "technical"}},
		{[]string{"--category", "technical,nope"}, []string{`"nope"`}},
		{[]string{"--difficulty", "4"}, []string{"--difficulty", `"4"`}},
		{[]string{"--difficulty", "0"}, []string{"--difficulty"}},
		{[]string{"--difficulty", "3-1"}, []string{"--difficulty", `"3-1"`}},
		{[]string{"--difficulty", "hard"}, []string{"--difficulty", `"hard"`}},
		{[]string{"--bogus"}, []string{"--bogus"}},
		{[]string{"extra-arg"}, []string{"extra-arg"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			qRun(t, append([]string{"questions", "list"}, tt.args...)...).wantUsage(t, tt.want...)
		})
	}
}

func TestQuestionsShow(t *testing.T) {
	t.Parallel()
	q, _ := qEmbeddedBank(t).Get("angry-customer-time")
	r := qRun(t, "questions", "show", "angry-customer-time")
	r.wantCode(t, exitOK)
	if r.stderr != "" {
		t.Errorf("stderr = %q, want empty", r.stderr)
	}
	for _, want := range append(append([]string{q.Text, "angry-customer-time", "behavioral", "STAR"}, q.LookFor...), q.FollowUps...) {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	firstLine := strings.SplitN(strings.TrimSpace(q.Example), "\n", 2)[0]
	if strings.Contains(r.stdout, firstLine[:40]) {
		t.Errorf("show printed the model answer without --example:\n%s", r.stdout)
	}

	r = qRun(t, "questions", "show", "angry-customer-time", "--example")
	r.wantCode(t, exitOK)
	if !strings.Contains(r.stdout, firstLine[:40]) {
		t.Errorf("show --example lacks the model answer:\n%s", r.stdout)
	}
	for _, want := range q.FollowUps {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show --example lacks the follow-up %q", want)
		}
	}
}

func TestQuestionsShowJSON(t *testing.T) {
	t.Parallel()
	for _, withExample := range []bool{false, true} {
		args := []string{"questions", "show", "policy-override", "--format", "json"}
		if withExample {
			args = append(args, "--example")
		}
		r := qRun(t, args...)
		r.wantCode(t, exitOK)
		var obj map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
			t.Fatalf("not a JSON object: %v\n%s", err, r.stdout)
		}
		if obj["id"] != "policy-override" {
			t.Errorf("id = %v", obj["id"])
		}
		if _, has := obj["example"]; has != withExample {
			t.Errorf("--example=%v: example present = %v", withExample, has)
		}
	}
}

func TestQuestionsShowUnknownID(t *testing.T) {
	t.Parallel()
	r := qRun(t, "questions", "show", "angry-customer")
	r.wantUsage(t, `no question with id "angry-customer"`, "did you mean", "angry-customer-time")

	r = qRun(t, "questions", "show", "qwertyuiop")
	r.wantUsage(t, `"qwertyuiop"`, "questions list")
	if strings.Contains(r.stderr, "did you mean") {
		t.Errorf("no near id, yet a suggestion: %s", r.stderr)
	}
}

func TestQuestionsShowArgs(t *testing.T) {
	t.Parallel()
	qRun(t, "questions", "show").wantUsage(t, "exactly one question id")
	qRun(t, "questions", "show", "policy-override", "extra-mile").wantUsage(t, "exactly one question id")
	qRun(t, "questions", "show", "policy-override", "--format", "html").wantUsage(t, `--format "html"`)
}

const qTypoBank = `version: 1
questions:
  - id: late-parcel
    text: A parcel is a week late. What do you tell the customer?
    category: situational
    competencies: [communication]
    difficulty: 2
    look_fr: [sets expectations]
    keywords: [tracking]
`

const qGoodBank = `version: 1
questions:
  - id: angry-customer-time
    text: Describe your calmest moment with an angry caller.
    category: behavioral
    competencies: [de-escalation]
    difficulty: 2
    star: true
    look_for: [stays calm]
    keywords: [calm]
    follow_ups:
      - What did you learn?
    example: I stayed calm.
  - id: my-own-question
    text: How would you explain our returns window to a first-time buyer?
    category: technical
    competencies: [product-knowledge]
    difficulty: 1
    look_for: [plain words]
    keywords: [returns]
`

func TestQuestionsValidateTypo(t *testing.T) {
	t.Parallel()
	path := qWriteTemp(t, "bank.yaml", qTypoBank)
	r := qRun(t, "questions", "validate", path)
	r.wantCode(t, exitData)
	want := path + `:8: unknown field "look_fr" (did you mean "look_for"?)`
	if got := strings.TrimSpace(r.stdout); got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if !strings.Contains(r.stderr, "1 of 1 file has problems") {
		t.Errorf("stderr = %q, want a summary of the files with problems", r.stderr)
	}
}

func TestQuestionsValidateValid(t *testing.T) {
	t.Parallel()
	path := qWriteTemp(t, "bank.yaml", qGoodBank)
	r := qRun(t, "questions", "validate", path)
	r.wantCode(t, exitOK)
	if got := strings.TrimSpace(r.stdout); got != path+": ok (2 questions)" {
		t.Errorf("stdout = %q", got)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want empty", r.stderr)
	}
}

func TestQuestionsValidateEveryProblemInEveryFile(t *testing.T) {
	t.Parallel()
	good := qWriteTemp(t, "good.yaml", qGoodBank)
	bad := qWriteTemp(t, "bad.yaml", qTypoBank)
	multi := qWriteTemp(t, "multi.yaml", `version: 1
questions:
  - id: a
    text: hi
    category: nope
    competencies: [x]
    difficulty: 9
  - id: a
    text: again
    category: ask
    competencies: [x]
    difficulty: 1
`)
	r := qRun(t, "questions", "validate", good, bad, multi)
	r.wantCode(t, exitData)
	want := []string{
		good + ": ok (2 questions)",
		bad + `:8: unknown field "look_fr" (did you mean "look_for"?)`,
		multi + `:5: a: unknown category "nope"`,
		multi + ":7: a: difficulty 9 is out of range",
		multi + `:8: duplicate id "a" (first defined at line 3)`,
	}
	got := qLines(r.stdout)
	if len(got) != len(want) {
		t.Fatalf("stdout has %d qLines, want %d:\n%s", len(got), len(want), r.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i, got[i], w)
		}
	}
	if !strings.Contains(r.stderr, "2 of 3 files") {
		t.Errorf("stderr = %q, want '2 of 3 files have problems'", r.stderr)
	}
}

func TestQuestionsValidateUsage(t *testing.T) {
	t.Parallel()
	qRun(t, "questions", "validate").wantUsage(t, "at least one")
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	r := qRun(t, "questions", "validate", missing)
	if r.code == exitOK || r.code == exitData {
		t.Errorf("a missing file: exit %d, want a failure other than 'invalid data'", r.code)
	}
	if !strings.Contains(r.stderr, "nope.yaml") {
		t.Errorf("stderr = %q, want the missing path named", r.stderr)
	}
}

func TestQuestionsBankMerge(t *testing.T) {
	t.Parallel()
	path := qWriteTemp(t, "mine.yaml", qGoodBank)
	r := qRun(t, "--bank", path, "questions", "list", "--format", "json")
	r.wantCode(t, exitOK)
	var got []questions.Question
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	builtin := qEmbeddedBank(t)
	if len(got) != len(builtin.Questions)+1 {
		t.Fatalf("%d questions, want the %d built-in ones plus 1 new", len(got), len(builtin.Questions))
	}
	for i, q := range builtin.Questions {
		if got[i].ID != q.ID {
			t.Fatalf("question %d is %s, want %s: the merge must keep the built-in order", i, got[i].ID, q.ID)
		}
		if q.ID == "angry-customer-time" {
			if got[i].Text != "Describe your calmest moment with an angry caller." {
				t.Errorf("angry-customer-time was not replaced by the --bank version: %q", got[i].Text)
			}
		} else if got[i].Text != q.Text {
			t.Errorf("%s changed although --bank does not define it", q.ID)
		}
	}
	if last := got[len(got)-1]; last.ID != "my-own-question" || last.Category != "technical" {
		t.Errorf("last question = %+v, want my-own-question appended", last)
	}

	r = qRun(t, "--bank", path, "questions", "show", "my-own-question")
	r.wantCode(t, exitOK)
	if !strings.Contains(r.stdout, "returns window") {
		t.Errorf("show of a --bank question:\n%s", r.stdout)
	}
}

func TestQuestionsBankRepeated(t *testing.T) {
	t.Parallel()
	first := qWriteTemp(t, "one.yaml", qGoodBank)
	second := qWriteTemp(t, "two.yaml", strings.Replace(qGoodBank, "How would you explain our returns window", "Second bank wins, explain the returns window", 1))
	r := qRun(t, "--bank", first, "--bank", second, "questions", "show", "my-own-question", "--format", "json")
	r.wantCode(t, exitOK)
	var q questions.Question
	if err := json.Unmarshal([]byte(r.stdout), &q); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if !strings.HasPrefix(q.Text, "Second bank wins") {
		t.Errorf("text = %q, want the later --bank to win", q.Text)
	}
}

func TestQuestionsBrokenBank(t *testing.T) {
	t.Parallel()
	path := qWriteTemp(t, "broken.yaml", qTypoBank)
	for _, args := range [][]string{
		{"questions", "list"},
		{"questions", "list", "--format", "json"},
		{"questions", "show", "angry-customer-time"},
	} {
		r := qRun(t, append([]string{"--bank", path}, args...)...)
		r.wantCode(t, exitData)
		if r.stdout != "" {
			t.Errorf("%s: stdout should be empty, got:\n%s", r.description, r.stdout)
		}
		if want := path + `:8: unknown field "look_fr"`; !strings.Contains(r.stderr, want) {
			t.Errorf("%s: stderr lacks %q:\n%s", r.description, want, r.stderr)
		}
	}
}

func TestQuestionsMissingBankFile(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "absent.yaml")
	r := qRun(t, "--bank", missing, "questions", "list")
	if r.code == exitOK {
		t.Fatalf("a missing --bank file was ignored:\n%s", r.stdout)
	}
	if r.stdout != "" || !strings.Contains(r.stderr, "absent.yaml") {
		t.Errorf("stdout %q, stderr %q: want nothing on stdout and the path named on stderr", r.stdout, r.stderr)
	}
}

func TestQuestionsUnknownCommandAndFlag(t *testing.T) {
	t.Parallel()
	qRun(t, "interveiw").wantUsage(t, `unknown command "interveiw"`)
	qRun(t, "--frobnicate").wantUsage(t, "--frobnicate")
	qRun(t, "questions", "list", "--frobnicate").wantUsage(t, "--frobnicate")
	// cobra takes "questions" as the unknown flag's value here, so the
	// message is about "list"; it is still a usage error.
	qRun(t, "--frobnicate", "questions", "list").wantCode(t, exitUsage)
	qRun(t, "questions", "show", "policy-override", "--exmaple").wantUsage(t, "--exmaple")
}

func TestVersion(t *testing.T) {
	t.Parallel()
	r := qRunCLI(t, []string{"--version"})
	r.wantCode(t, exitOK)
	fields := strings.Fields(r.stdout)
	if len(fields) != 2 || fields[0] != "starprep" || fields[1] == "" {
		t.Errorf("--version printed %q, want 'starprep <version>'", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q", r.stderr)
	}
}

// qCompletions runs cobra's hidden __complete command and returns the
// candidates (the part before any tab) and the directive line.
func qCompletions(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	r := qRunCLI(t, append([]string{"__complete"}, args...))
	r.wantCode(t, exitOK)
	ls := qLines(r.stdout)
	if len(ls) == 0 || !strings.HasPrefix(ls[len(ls)-1], ":") {
		t.Fatalf("%s: no directive line in:\n%s", r.description, r.stdout)
	}
	var out []string
	for _, l := range ls[:len(ls)-1] {
		id, _, _ := strings.Cut(l, "\t")
		out = append(out, id)
	}
	return out, ls[len(ls)-1]
}

func TestCompleteQuestionIDs(t *testing.T) {
	t.Parallel()
	got, directive := qCompletions(t, "questions", "show", "shout")
	if !slices.Contains(got, "shouting-customer") {
		t.Errorf("completing 'shout' does not offer shouting-customer: %v", got)
	}
	for _, id := range got {
		if _, ok := qEmbeddedBank(t).Get(id); !ok {
			t.Errorf("completion offers %q, which is not a question id", id)
		}
	}
	if directive != ":4" {
		t.Errorf("directive = %s, want :4 (no file completion)", directive)
	}

	// Only one id is taken: nothing more after it.
	if got, _ := qCompletions(t, "questions", "show", "policy-override", ""); len(got) != 0 {
		t.Errorf("a second argument is offered %v", got)
	}

	// Ids from --bank are offered too.
	path := qWriteTemp(t, "mine.yaml", qGoodBank)
	if got, _ := qCompletions(t, "--bank", path, "questions", "show", "my-"); !slices.Contains(got, "my-own-question") {
		t.Errorf("completion ignores --bank: %v", got)
	}
}

func TestCompleteCategories(t *testing.T) {
	t.Parallel()
	got, directive := qCompletions(t, "questions", "list", "--category", "")
	if !slices.Equal(got, questions.Categories) {
		t.Errorf("--category completes to %v, want %v", got, questions.Categories)
	}
	if directive != ":4" {
		t.Errorf("directive = %s, want :4", directive)
	}

	got, _ = qCompletions(t, "questions", "list", "--competency", "")
	for _, c := range []string{"de-escalation", "empathy", "omnichannel"} {
		if !slices.Contains(got, c) {
			t.Errorf("--competency completion lacks %s: %v", c, got)
		}
	}

	got, _ = qCompletions(t, "questions", "list", "--format", "")
	if !slices.Equal(got, []string{"table", "json", "yaml", "markdown", "csv"}) {
		t.Errorf("--format completes to %v", got)
	}
}

func TestCompletionScript(t *testing.T) {
	t.Parallel()
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		r := qRunCLI(t, []string{"completion", shell})
		r.wantCode(t, exitOK)
		if !strings.Contains(r.stdout, "starprep") || !strings.Contains(r.stdout, "__complete") {
			t.Errorf("completion %s does not look like a script for starprep", shell)
		}
	}
}
