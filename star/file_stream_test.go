package star_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// records splits and decodes a whole input, as review does.
func records(t *testing.T, data, path string) []star.Record {
	t.Helper()
	sp := star.NewSplitter(strings.NewReader(data), path)
	var out []star.Record
	for {
		c, err := sp.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, c.Records()...)
	}
}

// TestSplitterOneBadRecord: a bad record is one problem with its line; the
// answers around it are read.
func TestSplitterOneBadRecord(t *testing.T) {
	cases := []struct {
		name, path, data string
		sources          []string // "" for the bad one
		badLine          int
	}{
		{"JSON lines", "a.jsonl", "{\"text\": \"one\"}\n{\"txet\": \"two\"}\n\n{\"text\": \"three\"}\n{\"text\": \n{\"text\": \"five\"}\n",
			[]string{"a.jsonl#1", "", "a.jsonl#3", "", "a.jsonl#5"}, 2},
		{"JSON array", "a.json", "[\n  {\"text\": \"one\"},\n  {\"text\": 5},\n  {\"text\": \"three\"}\n]\n",
			[]string{"a.json#1", "", "a.json#3"}, 3},
		{"JSON session", "s.json", "{\"id\": \"s1\", \"company\": \"northwind\",\n \"answers\": [\n  {\"text\": \"one\"},\n  {\"bogus\": 1}\n]}\n",
			[]string{"s.json#1", ""}, 4},
		{"YAML list", "l.yaml", "- text: one\n- text: two\n  qestion_id: b\n- text: three\n",
			[]string{"l.yaml#1", "", "l.yaml#3"}, 3},
		{"YAML session", "s.yaml", "id: s1\nanswers:\n  - text: one\n  - text: two\n    extra: 1\n",
			[]string{"s.yaml#1", ""}, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			recs := records(t, c.data, c.path)
			var got []string
			for _, r := range recs {
				if r.Err != nil {
					got = append(got, "")
					continue
				}
				got = append(got, r.Source)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.sources) {
				t.Fatalf("sources %q, want %q", got, c.sources)
			}
			for _, r := range recs {
				if r.Err != nil {
					if want := fmt.Sprintf("%s:%d: ", c.path, c.badLine); !strings.HasPrefix(r.Err.Error(), want) {
						t.Errorf("problem %q does not start with %q", r.Err, want)
					}
					break
				}
			}
		})
	}
}

// TestSplitterSessionWithoutAnswers: a session stopped before its first
// answer holds no answers, and is not a problem.
func TestSplitterSessionWithoutAnswers(t *testing.T) {
	for path, data := range map[string]string{
		"plan.yaml":  "id: s1\nstarted_at: 2026-11-22T10:00:00Z\nfinished: false\nquestion_ids: [a, b]\nnext: 0\nanswers: []\n",
		"plan2.yaml": "id: s1\nquestion_ids: [a]\nnext: 0\nanswers:\n",
		"plan.json":  `{"id": "s1", "question_ids": ["a"], "next": 0, "answers": []}`,
		"plan2.json": `{"id": "s1", "question_ids": ["a"], "next": 0, "answers": null}`,
	} {
		if recs := records(t, data, path); len(recs) != 0 {
			t.Errorf("%s: %d records, want none: %+v", path, len(recs), recs)
		}
	}
}

// TestSplitterJSONSessionCompany: a JSON session's company goes with its answers.
func TestSplitterJSONSessionCompany(t *testing.T) {
	recs := records(t, `{"id": "s1", "company": "northwind", "answers": [{"text": "one"}, {"text": "two", "company": "other"}]}`, "s.json")
	if len(recs) != 2 || recs[0].Answer.Company != "northwind" || recs[1].Answer.Company != "other" {
		t.Errorf("records %+v", recs)
	}
}

// TestSplitterBigYAML: a YAML list too big to parse whole is read item by
// item, with the same sources and lines as a small one.
func TestSplitterBigYAML(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	b.WriteString("# many answers\n")
	n := 0
	for b.Len() < 4<<20+64<<10 {
		n++
		fmt.Fprintf(&b, "- id: a%d\n  text: |\n    Answer number %d.\n    - not a new item, part of the text\n", n, n)
	}
	b.WriteString("- id: last\n  text: \"\"\n")
	recs := records(t, b.String(), "big.yaml")
	if len(recs) != n+1 {
		t.Fatalf("%d records, want %d", len(recs), n+1)
	}
	for i, r := range recs[:n] {
		if r.Err != nil || r.Answer.ID != fmt.Sprintf("a%d", i+1) || r.Source != fmt.Sprintf("big.yaml#%d", i+1) || r.Line != 2+4*i {
			t.Fatalf("record %d: %+v (err %v)", i, r.Item, r.Err)
		}
		if !strings.HasPrefix(r.Answer.Text, fmt.Sprintf("Answer number %d.\n- not", i+1)) {
			t.Fatalf("record %d text %q", i, r.Answer.Text)
		}
	}
	last := recs[n]
	if want := fmt.Sprintf("big.yaml:%d: answer %d has no words", 2+4*n, n+1); last.Err == nil || !strings.HasPrefix(last.Err.Error(), want) {
		t.Errorf("last record: %v, want %q", last.Err, want)
	}
}

// TestSplitterBigYAMLDocuments: several documents, each read on its own.
func TestSplitterBigYAMLDocuments(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	n := 0
	for b.Len() < 4<<20+64<<10 {
		n++
		fmt.Fprintf(&b, "---\nid: d%d\ntext: Document %d.\n", n, n)
	}
	b.WriteString("---\n# nothing here\n---\nanswers:\n  - text: in a session\n")
	recs := records(t, b.String(), "docs.yml")
	if len(recs) != n+1 || recs[n].Answer.Text != "in a session" || recs[n-1].Answer.ID != fmt.Sprintf("d%d", n) || recs[1].Line != 5 {
		t.Fatalf("%d records (want %d); last %+v", len(recs), n+1, recs[len(recs)-1])
	}
}
