package cmd

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/starprep/starprep/data"
)

var updateGolden = flag.Bool("update", false, "rewrite cmd/testdata/golden from the current output")

// scoreAnswer is a complete answer to angry-customer-time that passes every
// check of the built-in rubric.
const scoreAnswer = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home. It was my job to calm him down and get him back online before his shift on Monday. First I let him finish without interrupting and apologised for the trouble he had been through. Then I checked our CRM and found two earlier tickets that had never been escalated to the network team, which explained why nobody had called him back. I told him exactly what I had found, booked an engineer for eight the next morning, and set a reminder to call him at six that evening to confirm the slot. When I called back, I also credited a week of service to his account so he would not pay for days he could not use. As a result his line was fixed within 24 hours, he gave me 10 out of 10 on the post-call survey, and our repeat contacts for that area fell the following week. I learned that owning the follow-up myself is what turns an angry caller around.`

// weakAnswer has no result and little action.
const weakAnswer = "Last week a customer rang because her parcel was late. I was on the phones that day. It was my job to find it."

type scoreOutcome struct {
	code           int
	stdout, stderr string
	args           []string
}

// scoreCLI runs starprep in-process: buffer streams (not terminals), an
// empty environment, a fresh --home, and stdin as given.
func scoreCLI(t *testing.T, stdin string, args ...string) scoreOutcome {
	t.Helper()
	ios, in, out, errOut := TestStreams()
	in.WriteString(stdin)
	f := NewFactory(ios)
	env := map[string]string{}
	f.Getenv = func(k string) string { return env[k] }
	full := append([]string{"--home", t.TempDir()}, args...)
	code := Run(full, f)
	return scoreOutcome{code: code, stdout: out.String(), stderr: errOut.String(), args: full}
}

func (r scoreOutcome) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("starprep %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), r.code, code, r.stdout, r.stderr)
	}
}

func scoreFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// scoreJSON is the DESIGN.md "Score result" contract, decoded strictly.
type scoreJSON struct {
	Schema     string `json:"schema"`
	Source     string `json:"source"`
	ID         string `json:"id"`
	QuestionID string `json:"question_id"`
	Score      *int   `json:"score"`
	Band       string `json:"band"`
	Words      *int   `json:"words"`
	Kind       string `json:"kind"` // the feedback card, DESIGN.md "Question kinds"
	Components map[string]struct {
		Present   *bool    `json:"present"`
		Score     *int     `json:"score"`
		Words     *int     `json:"words"`
		Sentences []string `json:"sentences"`
		Evidence  []string `json:"evidence"`
	} `json:"components"`
	Checks []struct {
		ID      string `json:"id"`
		OK      *bool  `json:"ok"`
		Message string `json:"message"`
	} `json:"checks"`
	Tips []string `json:"tips"`
}

func decodeScore(t *testing.T, out string) scoreJSON {
	t.Helper()
	var s scoreJSON
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("stdout is not a score result: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value on stdout:\n%s", out)
	}
	return s
}

func TestScoreTextReport(t *testing.T) {
	path := scoreFile(t, "answer.txt", weakAnswer)
	r := scoreCLI(t, "", "score", path, "--question", "angry-customer-time")
	r.want(t, 0)
	if r.stderr != "" {
		t.Errorf("stderr not empty: %q", r.stderr)
	}
	for _, want := range []string{
		"Question: Tell me about a time you dealt with an angry customer.",
		"Score: ", "/100",
		"PART", "FOUND", "SCORE", "WORDS",
		"Situation", "Task", "Action", "Result", "missing",
		"To work on:", "✗",
		"Done well:", "✓",
		"Tips, biggest gain first:", "  1. ",
		"Last week a customer rang",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report does not show %q:\n%s", want, r.stdout)
		}
	}
	// The parts are listed in STAR order.
	last := -1
	for _, part := range []string{"│ Situation", "│ Task", "│ Action", "│ Result"} {
		i := strings.Index(r.stdout, part)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of STAR order:\n%s", part, r.stdout)
		}
		last = i
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if n := utf8.RuneCountInString(line); n > 80 {
			t.Errorf("line of %d columns on an 80-column terminal: %q", n, line)
		}
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour codes in output that is not a terminal")
	}
}

func TestScoreTextStrongAnswer(t *testing.T) {
	path := scoreFile(t, "answer.txt", scoreAnswer)
	r := scoreCLI(t, "", "score", path, "--question", "angry-customer-time")
	r.want(t, 0)
	if !strings.Contains(r.stdout, "strong") {
		t.Errorf("strong answer not called strong:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "To work on:") || strings.Contains(r.stdout, "Tips") {
		t.Errorf("an answer that passes every check still gets things to work on:\n%s", r.stdout)
	}
}

func TestScoreJSON(t *testing.T) {
	path := scoreFile(t, "answer.yaml", "id: a1\nquestion_id: angry-customer-time\ntext: |\n  "+weakAnswer+"\n")
	r := scoreCLI(t, "", "score", path, "--format", "json")
	r.want(t, 0)
	s := decodeScore(t, r.stdout)
	if s.Schema != "starprep.score/v1" {
		t.Errorf("schema %q", s.Schema)
	}
	if s.Source != path {
		t.Errorf("source %q, want %q", s.Source, path)
	}
	if s.ID != "a1" || s.QuestionID != "angry-customer-time" {
		t.Errorf("id %q question_id %q", s.ID, s.QuestionID)
	}
	if s.Score == nil || *s.Score < 0 || *s.Score > 100 {
		t.Errorf("score %v", s.Score)
	}
	if s.Words == nil || *s.Words != len(strings.Fields(weakAnswer)) {
		t.Errorf("words %v, want %d", s.Words, len(strings.Fields(weakAnswer)))
	}
	switch s.Band {
	case "strong", "good", "needs-work", "incomplete":
	default:
		t.Errorf("band %q", s.Band)
	}
	if len(s.Components) != 4 {
		t.Errorf("components: %d, want 4", len(s.Components))
	}
	for _, name := range []string{"situation", "task", "action", "result"} {
		c, ok := s.Components[name]
		if !ok {
			t.Errorf("components.%s missing", name)
			continue
		}
		if c.Present == nil || c.Score == nil || c.Words == nil || c.Sentences == nil {
			t.Errorf("components.%s lacks present/score/words/sentences: %+v", name, c)
			continue
		}
		if !*c.Present && (*c.Score != 0 || *c.Words != 0 || len(c.Sentences) != 0) {
			t.Errorf("components.%s missing but has score %d, words %d, sentences %q", name, *c.Score, *c.Words, c.Sentences)
		}
		for _, sent := range c.Sentences {
			if !strings.Contains(weakAnswer, sent) {
				t.Errorf("components.%s sentence %q is not verbatim", name, sent)
			}
		}
	}
	if s.Components["result"].Present != nil && *s.Components["result"].Present {
		t.Errorf("result present in an answer without one: %q", s.Components["result"].Sentences)
	}
	if len(s.Checks) == 0 {
		t.Error("no checks")
	}
	for _, c := range s.Checks {
		if c.ID == "" || c.OK == nil || c.Message == "" {
			t.Errorf("check lacks id/ok/message: %+v", c)
		}
	}
	if len(s.Tips) == 0 {
		t.Error("no tips for a weak answer")
	}

	// The raw JSON keeps the parts in STAR order, and empty lists are [] not null.
	raw := r.stdout
	comp := strings.Index(raw, `"components"`)
	last := comp
	for _, name := range []string{`"situation"`, `"task"`, `"action"`, `"result"`} {
		i := strings.Index(raw[comp:], name)
		if i < 0 || comp+i < last {
			t.Errorf("%s missing or out of STAR order in:\n%s", name, raw)
		}
		last = comp + i
	}
	if strings.Contains(raw, "null") {
		t.Errorf("null in the JSON (want [] for empty lists):\n%s", raw)
	}
}

func TestScoreJSONStrongHasEmptyTips(t *testing.T) {
	r := scoreCLI(t, scoreAnswer, "score", "-", "--question", "angry-customer-time", "--format", "json")
	r.want(t, 0)
	if !strings.Contains(r.stdout, `"tips": []`) {
		t.Errorf("tips of a strong answer are not an empty list:\n%s", r.stdout)
	}
}

func TestScoreStdin(t *testing.T) {
	for _, args := range [][]string{{"score", "-"}, {"score"}} {
		r := scoreCLI(t, scoreAnswer, append(args, "--format", "json", "--question", "angry-customer-time")...)
		r.want(t, 0)
		s := decodeScore(t, r.stdout)
		if s.Source != "stdin" {
			t.Errorf("%v: source %q, want stdin", args, s.Source)
		}
		if *s.Words < 150 || s.Band != "strong" {
			t.Errorf("%v: words %d band %q", args, *s.Words, s.Band)
		}
	}
	t.Run("labelled prose", func(t *testing.T) {
		r := scoreCLI(t, "Situation: The tills went down on a Saturday.\nTask: I had to keep the queue moving.\nAction: I took card payments on the handheld and wrote receipts by hand.\nResult: Nobody left the queue.\n", "score", "-", "--format", "json")
		r.want(t, 0)
		s := decodeScore(t, r.stdout)
		for _, name := range []string{"situation", "task", "action", "result"} {
			if c := s.Components[name]; c.Present == nil || !*c.Present {
				t.Errorf("%s not found in labelled prose: %+v", name, c)
			}
		}
	})
	t.Run("terminal stdin without a file", func(t *testing.T) {
		ios, _, out, errOut := TestStreams()
		ios.SetTTY(true, false, false)
		f := NewFactory(ios)
		f.Getenv = func(string) string { return "" }
		code := Run([]string{"--home", t.TempDir(), "score"}, f)
		if code != 2 {
			t.Fatalf("exit %d, want 2; stderr %q", code, errOut.String())
		}
		if out.Len() != 0 || !strings.Contains(errOut.String(), "score -") {
			t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
		}
	})
}

func TestScoreUnknownQuestion(t *testing.T) {
	path := scoreFile(t, "a.txt", scoreAnswer)
	t.Run("part of an id", func(t *testing.T) {
		r := scoreCLI(t, "", "score", path, "--question", "angry-customer")
		r.want(t, 2)
		if r.stdout != "" {
			t.Errorf("stdout: %q", r.stdout)
		}
		for _, want := range []string{`"angry-customer"`, "did you mean", "angry-customer-time"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr does not mention %q:\n%s", want, r.stderr)
			}
		}
	})
	t.Run("typo", func(t *testing.T) {
		r := scoreCLI(t, "", "score", path, "--question", "angry-custmer-time")
		r.want(t, 2)
		if !strings.Contains(r.stderr, "did you mean") || !strings.Contains(r.stderr, "angry-customer-time") {
			t.Errorf("--question with a one-letter typo gets no suggestion: %q", r.stderr)
		}
	})
	t.Run("unknown question_id in the file warns", func(t *testing.T) {
		p := scoreFile(t, "a.yaml", "question_id: no-such-question\ntext: |\n  "+scoreAnswer+"\n")
		r := scoreCLI(t, "", "score", p, "--format", "json")
		r.want(t, 0)
		if !strings.Contains(r.stderr, "no-such-question") || !strings.Contains(r.stderr, "warning") {
			t.Errorf("no warning about the unknown question: %q", r.stderr)
		}
		for _, c := range decodeScore(t, r.stdout).Checks {
			if c.ID == "relevance" {
				t.Error("relevance checked against an unknown question")
			}
		}
	})
}

func TestScoreQuestionFromFile(t *testing.T) {
	p := scoreFile(t, "a.yaml", "question_id: angry-customer-time\ntext: |\n  "+scoreAnswer+"\n")
	r := scoreCLI(t, "", "score", p, "--format", "json")
	r.want(t, 0)
	s := decodeScore(t, r.stdout)
	found := false
	for _, c := range s.Checks {
		found = found || c.ID == "relevance"
	}
	if !found || s.QuestionID != "angry-customer-time" {
		t.Errorf("the file's question_id was not used: question_id %q, relevance checked %v", s.QuestionID, found)
	}
	// --question overrides the file.
	r = scoreCLI(t, "", "score", p, "--format", "json", "--question", "policy-override")
	r.want(t, 0)
	if s := decodeScore(t, r.stdout); s.QuestionID != "policy-override" {
		t.Errorf("--question did not override the file: %q", s.QuestionID)
	}
}

func TestScoreMinScore(t *testing.T) {
	path := scoreFile(t, "weak.txt", weakAnswer)
	r := scoreCLI(t, "", "score", path, "--format", "json", "--min-score", "90")
	r.want(t, 4)
	s := decodeScore(t, r.stdout) // the result is still printed
	if *s.Score >= 90 {
		t.Fatalf("weak answer scored %d", *s.Score)
	}
	if !strings.Contains(r.stderr, "90") || !strings.Contains(r.stderr, path) {
		t.Errorf("stderr does not say which answer fell below 90: %q", r.stderr)
	}

	r = scoreCLI(t, "", "score", path, "--min-score", "90")
	r.want(t, 4)
	if !strings.Contains(r.stdout, "Score: ") {
		t.Errorf("text report not printed below --min-score:\n%s", r.stdout)
	}

	at := *s.Score
	r = scoreCLI(t, "", "score", path, "--format", "json", "--min-score", strconv.Itoa(at))
	r.want(t, 0) // at the threshold is not below it

	for _, bad := range []string{"101", "-1", "high"} {
		r = scoreCLI(t, "", "score", path, "--min-score", bad)
		r.want(t, 2)
	}
}

func TestScoreBadAnswerFile(t *testing.T) {
	cases := []struct {
		name, file, content, where string
	}{
		{"misspelt field", "a.yaml", "question_id: angry-customer-time\ntxet: hello\n", ":2: "},
		{"JSON line 2", "a.jsonl", "{\"text\": \"one\"}\n{\"txet\": \"two\"}\n", ":2: "},
		{"no words", "a.yaml", "question_id: angry-customer-time\ntext: \"\"\n", ":1: "},
		{"empty", "a.yaml", "", ": "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := scoreFile(t, c.file, c.content)
			r := scoreCLI(t, "", "score", path, "--format", "json")
			r.want(t, 3)
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if !strings.HasPrefix(r.stderr, "starprep: error: "+path+c.where) {
				t.Errorf("stderr does not start with the file and line (%s%s):\n%s", path, c.where, r.stderr)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nope.yaml")
		r := scoreCLI(t, "", "score", path)
		r.want(t, 1)
		if !strings.Contains(r.stderr, "nope.yaml") {
			t.Errorf("stderr does not name the file: %q", r.stderr)
		}
	})
}

func TestScoreRubric(t *testing.T) {
	answer := scoreFile(t, "a.txt", weakAnswer)
	t.Run("invalid", func(t *testing.T) {
		rubric := scoreFile(t, "rubric.yaml", strings.Replace(string(data.Rubric), "    kind: blame\n", "    kind: blaming\n", 1))
		r := scoreCLI(t, "", "score", answer, "--rubric", rubric)
		r.want(t, 3)
		if r.stdout != "" {
			t.Errorf("stdout: %q", r.stdout)
		}
		if !strings.HasPrefix(r.stderr, "starprep: error: "+rubric+":") || !strings.Contains(r.stderr, "blaming") {
			t.Errorf("stderr does not name the rubric, line and problem:\n%s", r.stderr)
		}
		line := strings.TrimPrefix(r.stderr, "starprep: error: "+rubric+":")
		if len(line) == 0 || line[0] < '1' || line[0] > '9' {
			t.Errorf("no line number after the rubric path:\n%s", r.stderr)
		}
	})
	t.Run("not YAML", func(t *testing.T) {
		rubric := scoreFile(t, "rubric.yaml", "version: 1\ncomponents: [\n")
		r := scoreCLI(t, "", "score", answer, "--rubric", rubric)
		r.want(t, 3)
	})
	t.Run("override", func(t *testing.T) {
		short := scoreFile(t, "short.txt", weakAnswer)
		before := scoreCLI(t, "", "score", short, "--format", "json")
		before.want(t, 0)
		rubric := scoreFile(t, "rubric.yaml", strings.Replace(string(data.Rubric), "    min: 150\n    max: 350\n", "    min: 10\n    max: 60\n", 1))
		after := scoreCLI(t, "", "score", short, "--format", "json", "--rubric", rubric)
		after.want(t, 0)
		lengthOK := func(s scoreJSON) bool {
			for _, c := range s.Checks {
				if c.ID == "length" {
					return *c.OK
				}
			}
			t.Fatal("no length check")
			return false
		}
		if lengthOK(decodeScore(t, before.stdout)) || !lengthOK(decodeScore(t, after.stdout)) {
			t.Errorf("--rubric with a 10–60 word length did not change the length check:\nbefore %s\nafter %s", before.stdout, after.stdout)
		}
	})
}

func TestScoreTwoAnswers(t *testing.T) {
	path := scoreFile(t, "two.yaml", "- text: one answer\n- text: another answer\n")
	r := scoreCLI(t, "", "score", path)
	r.want(t, 2)
	if r.stdout != "" {
		t.Errorf("stdout: %q", r.stdout)
	}
	for _, want := range []string{path + "#2", path, "2 answers"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not mention %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, path+"#1 holds") {
		t.Errorf("the message %q names the first answer as the file holding two answers", firstLine(r.stderr))
	}
	// The hint works: #2 picks the second answer.
	r = scoreCLI(t, "", "score", path+"#2", "--format", "json")
	r.want(t, 0)
	if !strings.Contains(r.stdout, `"source": "`+path+`#2"`) {
		t.Errorf("score %s#2 did not score the second answer:\n%s", path, r.stdout)
	}
	r = scoreCLI(t, "", "score", path+"#3")
	r.want(t, 2)
}

func TestScoreUsage(t *testing.T) {
	path := scoreFile(t, "a.txt", weakAnswer)
	for _, args := range [][]string{
		{"score", path, "--format", "yaml"},
		{"score", path, path},
		{"score", path, "--bogus"},
	} {
		r := scoreCLI(t, "", args...)
		r.want(t, 2)
		if r.stdout != "" {
			t.Errorf("%v: stdout %q", args, r.stdout)
		}
	}
	r := scoreCLI(t, "", "score", path, path)
	if !strings.Contains(r.stderr, "review") {
		t.Errorf("two files: no pointer to review: %q", r.stderr)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestScoreGolden pins the text and JSON reports for one fixed answer.
// Rewrite them after an intended change with: go test ./cmd -run Golden -update
func TestScoreGolden(t *testing.T) {
	const answer = "testdata/score-answer.yaml" // relative, so "source" is stable
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"testdata/golden/score-text.golden", []string{"score", answer}},
		{"testdata/golden/score-json.golden", []string{"score", answer, "--format", "json"}},
	} {
		t.Run(filepath.Base(c.golden), func(t *testing.T) {
			r := scoreCLI(t, "", c.args...)
			r.want(t, 0)
			if *updateGolden {
				if err := os.WriteFile(c.golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(c.golden)
			if err != nil {
				t.Fatalf("%v (create it with: go test ./cmd -run Golden -update)", err)
			}
			if !bytes.Equal(want, []byte(r.stdout)) {
				t.Errorf("output differs from %s (if the change is intended: go test ./cmd -run Golden -update)\n--- got:\n%s\n--- want:\n%s", c.golden, r.stdout, want)
			}
		})
	}
}

// TestScoreUsesTheAnswersCompany: an answer that names a company is scored
// with the company's notes, so its products and channels count.
func TestScoreUsesTheAnswersCompany(t *testing.T) {
	answer := "id: a1\nquestion_id: angry-customer-time\ncompany: northwind\ntext: |\n" +
		"  Last winter a customer came on our live chat, upset that his waterproof jacket had leaked on its first walk.\n" +
		"  It was my job to put it right before his trip that weekend. I checked the order, arranged a replacement\n" +
		"  jacket by next-day courier and logged the fault. He got it on Friday and rated the chat five stars.\n"
	path := scoreFile(t, "answer.yaml", answer)
	o := scoreCLI(t, "", "score", "--format", "json", path)
	o.want(t, 0)
	s := decodeScore(t, o.stdout)
	for _, c := range s.Checks {
		if c.ID == "relevance" && !strings.Contains(c.Message, "live chat") && !strings.Contains(c.Message, "jacket") {
			t.Errorf("relevance does not credit Northwind's channels or products: %q", c.Message)
		}
	}
}
