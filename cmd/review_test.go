package cmd

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const reviewStrong = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days. It was my job to calm him down and get him back online before Monday. First I let him finish and apologised. Then I checked our CRM and found two earlier tickets that had never been escalated, so I booked an engineer for the next morning and called him back that evening to confirm. As a result his line was fixed within 24 hours and he gave me 10 out of 10 on the survey. I learned that owning the follow-up turns an angry caller around.`

// reviewDir writes a small class of answers: a session with two answers,
// a JSONL file, and a file outside the answer extensions that must be ignored.
func reviewDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	strong, _ := json.Marshal(reviewStrong)
	write("mon/session.yaml", "id: s1\nstarted_at: 2026-11-20T10:00:00Z\nfinished: true\nquestion_ids: [angry-customer-time, extra-mile]\nnext: 2\nanswers:\n"+
		"  - question_id: angry-customer-time\n    text: "+string(strong)+"\n"+
		"  - question_id: extra-mile\n    text: We did our best and it was fine.\n")
	write("tue/answers.jsonl", `{"question_id":"shouting-customer","text":"I would stay calm and listen."}`+"\n")
	write("notes.txt", "not an answer file, ignored in a directory\n")
	return dir
}

func TestReviewDirectoryJSON(t *testing.T) {
	dir := reviewDir(t)
	r := scoreCLI(t, "", "review", dir, "--format", "json")
	r.want(t, 0)
	var got struct {
		Schema  string `json:"schema"`
		Results []struct {
			Source     string `json:"source"`
			QuestionID string `json:"question_id"`
			Score      int    `json:"score"`
			Band       string `json:"band"`
		} `json:"results"`
		Summary struct {
			Answers int            `json:"answers"`
			Bands   map[string]int `json:"bands"`
			Min     int            `json:"min"`
			Max     int            `json:"max"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("review --format json is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Schema != "starprep.review/v1" || len(got.Results) != 3 || got.Summary.Answers != 3 {
		t.Fatalf("schema %q, %d results, summary %d answers; want starprep.review/v1 and 3", got.Schema, len(got.Results), got.Summary.Answers)
	}
	// Files in sorted order, answers in file order, each with its source.
	wantSources := []string{filepath.Join(dir, "mon/session.yaml") + "#1", filepath.Join(dir, "mon/session.yaml") + "#2", filepath.Join(dir, "tue/answers.jsonl")}
	for i, w := range wantSources {
		if got.Results[i].Source != w {
			t.Errorf("result %d source %q, want %q", i, got.Results[i].Source, w)
		}
	}
	if got.Results[0].Score <= got.Results[1].Score || got.Results[0].Score <= got.Results[2].Score {
		t.Errorf("the complete STAR answer (%d) should beat the vague (%d) and hypothetical (%d) ones", got.Results[0].Score, got.Results[1].Score, got.Results[2].Score)
	}
	if got.Summary.Min > got.Summary.Max || got.Summary.Max != got.Results[0].Score {
		t.Errorf("summary min %d max %d, best answer %d", got.Summary.Min, got.Summary.Max, got.Results[0].Score)
	}
}

func TestReviewFormats(t *testing.T) {
	dir := reviewDir(t)
	r := scoreCLI(t, "", "review", dir, "--format", "jsonl", "--jobs", "3")
	r.want(t, 0)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("jsonl: %d lines, want 3:\n%s", len(lines), r.stdout)
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil || v["schema"] != "starprep.score/v1" {
			t.Errorf("jsonl line is not a score result: %v %q", err, l)
		}
	}
	r = scoreCLI(t, "", "review", dir, "--format", "csv")
	r.want(t, 0)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "source" || rows[0][3] != "score" {
		t.Errorf("csv: %v, %d rows, header %v", err, len(rows), rows[0])
	}
	r = scoreCLI(t, "", "review", dir)
	r.want(t, 0)
	if n := len(strings.Split(strings.TrimSpace(r.stdout), "\n")); n != 3 {
		t.Errorf("piped table: %d rows, want 3 tab-separated rows:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.stderr, "3 answers: mean") {
		t.Errorf("piped table: no summary on stderr: %q", r.stderr)
	}
	r = scoreCLI(t, "", "review", dir, "--format", "markdown")
	r.want(t, 0)
	if !strings.HasPrefix(r.stdout, "| SOURCE |") || !strings.Contains(r.stdout, "3 answers: mean") {
		t.Errorf("markdown:\n%s", r.stdout)
	}
}

func TestReviewMinScoreAndErrors(t *testing.T) {
	dir := reviewDir(t)
	r := scoreCLI(t, "", "review", dir, "--min-score", "60", "--format", "jsonl")
	r.want(t, 4)
	if len(strings.Split(strings.TrimSpace(r.stdout), "\n")) != 3 || !strings.Contains(r.stderr, "below --min-score 60") {
		t.Errorf("min-score: every result still printed, and the count named: stdout %q stderr %q", r.stdout, r.stderr)
	}

	bad := filepath.Join(dir, "wed", "broken.yaml")
	if err := os.MkdirAll(filepath.Dir(bad), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("question_id: x\ntxet: typo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An invalid answer stops the review with its file and line; what was
	// written before it is whole results.
	r = scoreCLI(t, "", "review", dir, "--format", "jsonl")
	r.want(t, 3)
	if !strings.Contains(r.stderr, bad+":2:") {
		t.Errorf("invalid file: want exit 3 naming %s:2; stderr %q", bad, r.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 3 {
		t.Errorf("invalid file: want the 3 results before it, got %d lines", len(lines))
	}
	r = scoreCLI(t, "", "review", dir, "--skip-invalid", "--format", "json")
	r.want(t, 0)
	if !strings.Contains(r.stderr, "warning: skipped: "+bad+":2:") || !strings.Contains(r.stdout, `"invalid": 1`) {
		t.Errorf("--skip-invalid: want a warning and invalid: 1; stderr %q", r.stderr)
	}

	for _, args := range [][]string{{"review"}, {"review", dir, "--format", "html5"}, {"review", dir, "--min-score", "101"}, {"review", dir, "--jobs", "-1"}} {
		r = scoreCLI(t, "", args...)
		r.want(t, 2)
	}
	r = scoreCLI(t, "", "review", filepath.Join(dir, "missing"))
	r.want(t, 1)
}

func TestReviewStdin(t *testing.T) {
	r := scoreCLI(t, `{"question_id":"angry-customer-time","text":"I would listen."}`+"\n"+`{"text":"We fixed it."}`+"\n", "review", "-", "--format", "jsonl")
	r.want(t, 0)
	if !strings.Contains(r.stdout, `"source":"stdin#1"`) || !strings.Contains(r.stdout, `"source":"stdin#2"`) {
		t.Errorf("stdin JSON lines: %s", r.stdout)
	}
}

// TestReviewClassFolderExitCodes: a folder with every form, a bad record
// and a plan-only session: exit 3 naming the bad record; with
// --skip-invalid the rest is scored, and --min-score decides 0 or 4.
func TestReviewClassFolderExitCodes(t *testing.T) {
	dir := reviewDir(t)
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plan.yaml", "id: s9\nstarted_at: 2026-11-21T09:00:00Z\nfinished: false\nquestion_ids: [shouting-customer]\nnext: 0\nanswers: []\n")
	write("tue/more.jsonl", `{"question_id":"shouting-customer","text":"I listened."}`+"\n"+`{"question_id":"x","star":{"taks":"t"}}`+"\n")

	r := scoreCLI(t, "", "review", dir, "--format", "csv")
	r.want(t, 3)
	if !strings.Contains(r.stderr, filepath.Join(dir, "tue/more.jsonl")+":2:") || !strings.Contains(r.stderr, `"taks"`) {
		t.Errorf("stderr %q does not name tue/more.jsonl:2 and the field", r.stderr)
	}

	r = scoreCLI(t, "", "review", dir, "--skip-invalid", "--format", "json")
	r.want(t, 0)
	var doc struct {
		Results []struct {
			Source string `json:"source"`
			Score  int    `json:"score"`
		} `json:"results"`
		Summary struct {
			Answers, Invalid, BelowMin int
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Results) != 4 || doc.Summary.Answers != 4 || doc.Summary.Invalid != 1 {
		t.Fatalf("%d results, summary %+v; want 4 answers and 1 invalid", len(doc.Results), doc.Summary)
	}
	if last := doc.Results[3].Source; last != filepath.Join(dir, "tue/more.jsonl#1") {
		t.Errorf("last source %q: the good line of more.jsonl, after answers.jsonl", last)
	}
	lowest := 100
	for _, res := range doc.Results {
		lowest = min(lowest, res.Score)
	}
	r = scoreCLI(t, "", "review", dir, "--skip-invalid", "--min-score", fmt.Sprint(lowest))
	r.want(t, 0)
	r = scoreCLI(t, "", "review", dir, "--skip-invalid", "--min-score", fmt.Sprint(lowest+1))
	r.want(t, 4)
	if !strings.Contains(r.stderr, fmt.Sprintf("below --min-score %d", lowest+1)) || !strings.Contains(r.stderr, "starprep: 4 answers: mean") {
		t.Errorf("stderr %q: want the summary and the threshold named", r.stderr)
	}
}

// TestReviewTableAt80Columns: on a terminal the table fits 80 columns,
// sources are file names with #N, and the summary follows.
func TestReviewTableAt80Columns(t *testing.T) {
	dir := reviewDir(t)
	long := filepath.Join(dir, "very", "deeply", "nested", "folder", "of", "sessions")
	if err := os.MkdirAll(long, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(long, "20261122-083251.yaml"), []byte("- question_id: recurring-customer-complaint-about-billing\n  text: I fixed it.\n- question_id: extra-mile\n  text: We tried.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := TestStreams()
	ios.SetTTY(false, true, true)
	f := NewFactory(ios)
	f.Getenv = func(string) string { return "" }
	if code := Run([]string{"--home", t.TempDir(), "review", dir}, f); code != 0 {
		t.Fatalf("exit %d", code)
	}
	page := out.String()
	for _, line := range strings.Split(strings.TrimSpace(page), "\n") {
		if w := len([]rune(line)); w > 80 {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
	for _, want := range []string{"session.yaml#1", "answers.jsonl", "20261122-083251#1", "angry-customer-time", "SCORE", "\n5 answers: mean"} {
		if !strings.Contains(page, want) {
			t.Errorf("table lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, dir) {
		t.Errorf("table shows folders:\n%s", page)
	}
}

// TestReviewProgressBar: with stderr on a terminal and stdout redirected a
// large review shows a progress bar on stderr, and clears it; piped, or
// with the table on the terminal, there is none.
func TestReviewProgressBar(t *testing.T) {
	dir := reviewDir(t)
	old := progressMinBytes
	progressMinBytes = 1 // every input counts as large here
	t.Cleanup(func() { progressMinBytes = old })
	for _, c := range []struct {
		name          string
		outTTY, errTT bool
		want          bool
	}{{"stdout redirected", false, true, true}, {"all piped", false, false, false}, {"table on the terminal", true, true, false}} {
		ios, _, out, errOut := TestStreams()
		ios.SetTTY(false, c.outTTY, c.errTT)
		f := NewFactory(ios)
		f.Getenv = func(string) string { return "" }
		if code := Run([]string{"--home", t.TempDir(), "review", dir, "--format", "jsonl"}, f); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, errOut.String())
		}
		if got := strings.Contains(errOut.String(), "reviewing"); got != c.want {
			t.Errorf("%s: progress bar shown %v, want %v; stderr %q", c.name, got, c.want, errOut.String())
		}
		if strings.Contains(out.String(), "reviewing") {
			t.Errorf("%s: the progress bar went to stdout", c.name)
		}
	}
}
