package review_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/review"
	"github.com/starprep/starprep/star"
)

const strongText = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days. It was my job to calm him down and get him back online before Monday. First I let him finish and apologised. Then I checked our CRM and found two earlier tickets that had never been escalated, so I booked an engineer for the next morning and called him back that evening to confirm. As a result his line was fixed within 24 hours and he gave me 10 out of 10 on the survey. I learned that owning the follow-up turns an angry caller around.`

// classDir writes answers in every form review reads, as a coach's folder
// might hold them, and returns the folder and the sources in the order
// review must give them.
func classDir(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	strong, _ := json.Marshal(strongText)
	files := map[string]string{
		// A saved session with two answers, and one stopped before its first.
		"mon/20261120-100000.yaml": "id: s1\nstarted_at: 2026-11-20T10:00:00Z\nfinished: true\ncompany: northwind\nquestion_ids: [angry-customer-time, extra-mile]\nnext: 2\nanswers:\n" +
			"  - question_id: angry-customer-time\n    text: " + string(strong) + "\n    comments:\n      - {by: coach, text: Good use of numbers.}\n" +
			"  - question_id: extra-mile\n    text: We did our best and it was fine.\n",
		"mon/20261121-090000.yaml": "id: s2\nstarted_at: 2026-11-21T09:00:00Z\nfinished: false\nquestion_ids: [shouting-customer]\nnext: 0\nanswers: []\n",
		// JSON lines with a bad second line.
		"tue/answers.jsonl": `{"question_id":"shouting-customer","text":"I would stay calm and listen."}` + "\n" +
			`{"question_id":"shouting-customer","txet":"typo"}` + "\n" +
			`{"question_id":"why-customer-service","text":"I enjoy helping people and I like your company."}` + "\n",
		// A JSON list, one answer structured.
		"tue/list.json": "[\n  {\"question_id\": \"angry-customer-time\", \"star\": {\"situation\": \"A caller was angry about a late refund.\", \"action\": \"I checked the order and refunded it.\"}},\n  {\"text\": \"We sorted it.\"}\n]\n",
		// A YAML list with a skipped question.
		"wed/list.yaml": "- question_id: extra-mile\n  skipped: true\n- question_id: extra-mile\n  text: I stayed late to finish a customer's refund and called her the next day.\n",
		"notes.txt":     "not an answer file: ignored in a folder\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(s string) string { return filepath.Join(dir, s) }
	return dir, []string{
		j("mon/20261120-100000.yaml#1"), j("mon/20261120-100000.yaml#2"),
		j("tue/answers.jsonl#1"), j("tue/answers.jsonl#3"),
		j("tue/list.json#1"), j("tue/list.json#2"),
		j("wed/list.yaml#2"),
	}
}

func run(t *testing.T, opts review.Options) (*review.Report, string, string, error) {
	t.Helper()
	fx, err := benchData()
	if err != nil {
		t.Fatal(err)
	}
	var out, warn bytes.Buffer
	opts.Rubric, opts.Question, opts.Out, opts.Warn = fx.rubric, fx.info, &out, &warn
	if opts.Jobs == 0 {
		opts.Jobs = 3
	}
	rep, err := review.Run(context.Background(), opts)
	return rep, out.String(), warn.String(), err
}

// TestRunMixedFolder: every form, in sorted file order and file order
// within; the bad line skipped alone; the plan-only session adds nothing;
// the summary agrees with the results.
func TestRunMixedFolder(t *testing.T) {
	dir, sources := classDir(t)
	rep, out, warn, err := run(t, review.Options{Paths: []string{dir}, Output: review.NewJSONLines(), SkipInvalid: true, MinScore: 60})
	if err != nil {
		t.Fatal(err)
	}
	var results []star.Result
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r star.Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a JSON line: %v\n%s", err, line)
		}
		results = append(results, r)
	}
	var got []string
	for _, r := range results {
		got = append(got, r.Source)
	}
	if !slices.Equal(got, sources) {
		t.Fatalf("sources\n%q\nwant\n%q", got, sources)
	}
	if want := filepath.Join(dir, "tue/answers.jsonl") + ":2: "; !strings.Contains(warn, "warning: skipped: "+want) {
		t.Errorf("warnings %q do not name %s", warn, want)
	}
	if results[0].Score <= results[1].Score {
		t.Errorf("the full STAR story (%d) should beat the vague one (%d)", results[0].Score, results[1].Score)
	}

	s := rep.Summary
	if s.Answers != len(sources) || s.Invalid != 1 || s.Skipped != 1 {
		t.Errorf("answers %d invalid %d skipped %d, want %d, 1, 1", s.Answers, s.Invalid, s.Skipped, len(sources))
	}
	want := star.Summarize(results, 60)
	if s.Mean != want.Mean || s.Median != want.Median || s.Min != want.Min || s.Max != want.Max || s.BelowMin != want.BelowMin {
		t.Errorf("summary mean %v median %v range %d–%d below %d; the results say %v %v %d–%d %d",
			s.Mean, s.Median, s.Min, s.Max, s.BelowMin, want.Mean, want.Median, want.Min, want.Max, want.BelowMin)
	}
	below := 0
	bands := 0
	missing := map[string]int{}
	for _, r := range results {
		if r.Score < 60 {
			below++
		}
		for _, p := range review.MissingParts(&r) {
			missing[p]++
		}
	}
	for _, n := range s.Bands {
		bands += n
	}
	if s.BelowMin != below || bands != s.Answers {
		t.Errorf("below %d (want %d), bands add up to %d (want %d)", s.BelowMin, below, bands, s.Answers)
	}
	for _, c := range star.Components {
		if s.Missing[c] != missing[c] {
			t.Errorf("missing %s: %d, the results say %d", c, s.Missing[c], missing[c])
		}
	}
	if len(s.Competencies) == 0 || s.Competencies[0].Mean > s.Competencies[len(s.Competencies)-1].Mean {
		t.Errorf("competencies, weakest first: %+v", s.Competencies)
	}
	if dist := s.Distribution; sum(dist[:]) != s.Answers {
		t.Errorf("distribution %v does not add up to %d", dist, s.Answers)
	}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// TestRunStopsAtInvalid: without SkipInvalid the review stops at the bad
// record, naming it; the results before it are written whole.
func TestRunStopsAtInvalid(t *testing.T) {
	dir, sources := classDir(t)
	rep, out, _, err := run(t, review.Options{Paths: []string{dir}, Output: review.NewJSONLines()})
	var ye *yamlfile.Error
	if !errors.As(err, &ye) {
		t.Fatalf("error %v, want a *yamlfile.Error", err)
	}
	if path, line := ye.Location(); path != filepath.Join(dir, "tue/answers.jsonl") || line != 2 {
		t.Errorf("problem at %s:%d, want tue/answers.jsonl:2", path, line)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 || !strings.HasSuffix(out, "\n") {
		t.Fatalf("want the 3 results before the bad line, whole; got %d lines:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var r star.Result
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Source != sources[i] {
			t.Errorf("line %d: %v, source %q want %q", i+1, err, r.Source, sources[i])
		}
	}
	if rep == nil || rep.Summary.Answers != 3 {
		t.Errorf("report %+v, want the 3 answers so far", rep)
	}
}

// TestRunJSONDocument: the streamed document is what encoding/json makes
// of the whole thing at once.
func TestRunJSONDocument(t *testing.T) {
	dir, _ := classDir(t)
	for _, paths := range [][]string{{dir}, {filepath.Join(dir, "mon/20261121-090000.yaml")}} {
		rep, out, _, err := run(t, review.Options{Paths: paths, Output: review.NewJSON(), SkipInvalid: true})
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Schema  string            `json:"schema"`
			Results []json.RawMessage `json:"results"`
			Summary star.Summary      `json:"summary"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		results := make([]star.Result, len(doc.Results))
		for i, raw := range doc.Results {
			if err := json.Unmarshal(raw, &results[i]); err != nil {
				t.Fatal(err)
			}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Schema  string        `json:"schema"`
			Results []star.Result `json:"results"`
			Summary star.Summary  `json:"summary"`
		}{star.ReviewSchema, append([]star.Result{}, results...), rep.Summary}); err != nil {
			t.Fatal(err)
		}
		if out != want.String() {
			t.Errorf("%v: streamed JSON differs from encoding/json's:\n%s\nwant\n%s", paths, out, want.String())
		}
	}
}

// TestRunOtherFormats: CSV parses with a row per answer; TSV has five
// columns; Markdown is a table with the summary under it.
func TestRunOtherFormats(t *testing.T) {
	dir, sources := classDir(t)
	_, out, _, err := run(t, review.Options{Paths: []string{dir}, Output: review.NewCSV(), SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != len(sources)+1 || rows[0][0] != "source" || rows[1][0] != sources[0] {
		t.Fatalf("csv: %v, %d rows:\n%s", err, len(rows), out)
	}
	_, out, _, err = run(t, review.Options{Paths: []string{dir}, Output: review.NewTSV(), SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if f := strings.Split(line, "\t"); len(f) != 5 || f[0] != sources[i] {
			t.Errorf("tsv line %d: %q", i+1, line)
		}
	}
	_, out, _, err = run(t, review.Options{Paths: []string{dir}, Output: review.NewMarkdown(), SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	if lines[0] != "| SOURCE | QUESTION | SCORE | BAND | MISSING |" || !strings.HasPrefix(lines[2], "| "+sources[0]+" |") ||
		!strings.Contains(out, "\n\n7 answers: mean") {
		t.Errorf("markdown:\n%s", out)
	}
}

// TestRunCancelled: a cancelled review stops and returns the context's
// error, with only whole lines written.
func TestRunCancelled(t *testing.T) {
	fx, err := benchData()
	if err != nil {
		t.Fatal(err)
	}
	path := answersFile(t, fx, 3000, "jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	calls := 0
	_, err = review.Run(ctx, review.Options{Paths: []string{path}, Rubric: fx.rubric, Question: fx.info, Jobs: 2,
		Output: review.NewJSONLines(), Out: &out, Progress: func(done, total int64) {
			if calls++; calls == 3 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) == 0 || len(lines) >= 3000 || !strings.HasSuffix(out.String(), "\n") {
		t.Fatalf("%d lines written; want some, not all, and whole", len(lines))
	}
	for _, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Fatalf("a line is not whole JSON: %q", l)
		}
	}
}
