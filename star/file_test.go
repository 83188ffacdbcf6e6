package star_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// fileCase is one answer file and what a person expects to be read from it.
type fileCase struct {
	name    string
	path    string
	data    string
	sources []string
	texts   []string // Answer.Text of each item ("" for structured answers)
	check   func(t *testing.T, items []star.Item)
}

func TestParseAnswersForms(t *testing.T) {
	const prose = "Situation: It was the Christmas rush at the call centre.\nTask: I had to clear a backlog of 200 emails.\nAction: I sorted them by topic and answered the refunds first.\nResult: The backlog was gone by Friday.\n"
	cases := []fileCase{
		{
			name:    "one YAML answer",
			path:    "answers/mon.yaml",
			data:    "id: a1\nquestion_id: angry-customer-time\ncompany: northwind\nanswered_at: 2026-11-22T10:15:03Z\nduration_seconds: 95\ntext: |\n  Last May a caller rang.\n  I helped her.\n",
			sources: []string{"answers/mon.yaml"},
			texts:   []string{"Last May a caller rang.\nI helped her.\n"},
			check: func(t *testing.T, items []star.Item) {
				a := items[0].Answer
				if a.ID != "a1" || a.QuestionID != "angry-customer-time" || a.Company != "northwind" || a.DurationSeconds != 95 || a.AnsweredAt.IsZero() {
					t.Errorf("fields not read: %+v", a)
				}
			},
		},
		{
			name:    "structured YAML answer",
			path:    "a.yml",
			data:    "question_id: angry-customer-time\nstar:\n  situation: A caller was angry.\n  task: I had to calm him.\n  action: I listened.\n  result: He calmed down.\n",
			sources: []string{"a.yml"},
			texts:   []string{""},
			check: func(t *testing.T, items []star.Item) {
				p := items[0].Answer.STAR
				if p == nil || p.Situation != "A caller was angry." || p.Task != "I had to calm him." || p.Action != "I listened." || p.Result != "He calmed down." {
					t.Errorf("star parts not read: %+v", p)
				}
			},
		},
		{
			name:    "YAML list",
			path:    "answers/list.yaml",
			data:    "- question_id: a\n  text: one\n- question_id: b\n  star:\n    action: I did it.\n",
			sources: []string{"answers/list.yaml#1", "answers/list.yaml#2"},
			texts:   []string{"one", ""},
			check: func(t *testing.T, items []star.Item) {
				if items[1].Answer.QuestionID != "b" || items[1].Answer.STAR == nil || items[1].Answer.STAR.Action != "I did it." {
					t.Errorf("second answer: %+v", items[1].Answer)
				}
				if items[0].Line != 1 || items[1].Line != 3 {
					t.Errorf("lines %d, %d, want 1, 3", items[0].Line, items[1].Line)
				}
			},
		},
		{
			name:    "several YAML documents",
			path:    "docs.yaml",
			data:    "text: one\n---\ntext: two\n---\ntext: three\n",
			sources: []string{"docs.yaml#1", "docs.yaml#2", "docs.yaml#3"},
			texts:   []string{"one", "two", "three"},
		},
		{
			name:    "a comment-only document between answers",
			path:    "docs.yaml",
			data:    "text: one\n---\n# answer two was skipped\n---\ntext: three\n",
			sources: []string{"docs.yaml#1", "docs.yaml#2"},
			texts:   []string{"one", "three"},
		},
		{
			name:    "saved session",
			path:    "sessions/s1.yaml",
			data:    "id: s1\nstarted_at: 2026-11-22T10:00:00Z\nfinished: true\nmode: star\ncompany: northwind\nquestion_ids: [a, b]\nnext: 2\nanswers:\n  - question_id: a\n    text: one\n  - question_id: b\n    text: two\n",
			sources: []string{"sessions/s1.yaml#1", "sessions/s1.yaml#2"},
			texts:   []string{"one", "two"},
			check: func(t *testing.T, items []star.Item) {
				for _, it := range items {
					if it.Answer.Company != "northwind" {
						t.Errorf("%s: company %q, want the session's", it.Source, it.Answer.Company)
					}
				}
			},
		},
		{
			name:    "session with one answer",
			path:    "one.yaml",
			data:    "id: s2\nstarted_at: 2026-11-22T10:00:00Z\nfinished: false\nquestion_ids: [a]\nnext: 0\nanswers:\n  - question_id: a\n    text: only one\n",
			sources: []string{"one.yaml"},
			texts:   []string{"only one"},
		},
		{
			name:    "JSON object",
			path:    "a.json",
			data:    `{"question_id": "angry-customer-time", "star": {"action": "I listened."}, "text": ""}`,
			sources: []string{"a.json"},
			texts:   []string{""},
			check: func(t *testing.T, items []star.Item) {
				if a := items[0].Answer; a.QuestionID != "angry-customer-time" || a.STAR == nil || a.STAR.Action != "I listened." {
					t.Errorf("answer: %+v", a)
				}
			},
		},
		{
			name:    "JSON array",
			path:    "a.json",
			data:    "[\n  {\"text\": \"one\"},\n  {\"text\": \"two\"}\n]\n",
			sources: []string{"a.json#1", "a.json#2"},
			texts:   []string{"one", "two"},
		},
		{
			name:    "JSON session",
			path:    "s.json",
			data:    `{"id": "s1", "started_at": "2026-11-22T10:00:00Z", "finished": true, "question_ids": ["a", "b"], "next": 2, "answers": [{"text": "one"}, {"text": "two"}]}`,
			sources: []string{"s.json#1", "s.json#2"},
			texts:   []string{"one", "two"},
		},
		{
			name:    "JSON lines",
			path:    "out/answers.jsonl",
			data:    "{\"question_id\": \"a\", \"text\": \"one\"}\n\n{\"question_id\": \"b\", \"text\": \"two\"}\n",
			sources: []string{"out/answers.jsonl#1", "out/answers.jsonl#2"},
			texts:   []string{"one", "two"},
			check: func(t *testing.T, items []star.Item) {
				if items[0].Line != 1 || items[1].Line != 3 {
					t.Errorf("lines %d, %d, want 1, 3", items[0].Line, items[1].Line)
				}
			},
		},
		{
			name:    "plain text file",
			path:    "answer.txt",
			data:    "Last May a caller rang: her parcel was late.\n\nI rebooked it.\n",
			sources: []string{"answer.txt"},
			texts:   []string{"Last May a caller rang: her parcel was late.\n\nI rebooked it.\n"},
		},
		{
			name:    "labelled prose in a .txt file",
			path:    "answer.txt",
			data:    prose,
			sources: []string{"answer.txt"},
			texts:   []string{prose},
		},
		{
			name:    "labelled prose on stdin",
			path:    "-",
			data:    prose,
			sources: []string{"stdin"},
			texts:   []string{prose},
		},
		{
			name:    "prose on stdin that is not valid YAML",
			path:    "-",
			data:    "Situation: I was on the tills: it was busy.\nAction: I opened a second till.\n",
			sources: []string{"stdin"},
			texts:   []string{"Situation: I was on the tills: it was busy.\nAction: I opened a second till.\n"},
		},
		{
			name:    "labelled prose in a file without an extension",
			path:    "notes/answer",
			data:    prose,
			sources: []string{"notes/answer"},
			texts:   []string{prose},
		},
		{
			name:    "YAML answer on stdin",
			path:    "-",
			data:    "question_id: angry-customer-time\ntext: I helped.\n",
			sources: []string{"stdin"},
			texts:   []string{"I helped."},
		},
		{
			name:    "JSON answer on stdin",
			path:    "-",
			data:    `{"question_id": "angry-customer-time", "text": "I helped."}`,
			sources: []string{"stdin"},
			texts:   []string{"I helped."},
		},
		{
			name:    "JSON lines on stdin",
			path:    "-",
			data:    "{\"text\": \"one\"}\n{\"text\": \"two\"}\n",
			sources: []string{"stdin#1", "stdin#2"},
			texts:   []string{"one", "two"},
		},
		{
			name:    "a ticket number in prose on stdin",
			path:    "-",
			data:    "I found ticket #4821 in the CRM. It had never been escalated.\n",
			sources: []string{"stdin"},
			texts:   []string{"I found ticket #4821 in the CRM. It had never been escalated.\n"},
		},
		{
			name:    "a bullet list on stdin",
			path:    "-",
			data:    "- I called the courier.\n- I refunded the postage.\n",
			sources: []string{"stdin"},
			texts:   []string{"- I called the courier.\n- I refunded the postage.\n"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items, err := star.ParseAnswers([]byte(c.data), c.path)
			if err != nil {
				t.Fatalf("ParseAnswers(%q): %v", c.path, err)
			}
			var sources, texts []string
			for _, it := range items {
				sources = append(sources, it.Source)
				texts = append(texts, it.Answer.Text)
			}
			if !slices.Equal(sources, c.sources) {
				t.Errorf("sources %q, want %q", sources, c.sources)
			}
			if !slices.Equal(texts, c.texts) {
				t.Errorf("texts %q, want %q", texts, c.texts)
			}
			if c.check != nil && len(items) == len(c.sources) {
				c.check(t, items)
			}
		})
	}
}

// TestParseAnswersErrors: every bad file is an error that names the file and,
// where there is one, the line.
func TestParseAnswersErrors(t *testing.T) {
	cases := []struct {
		name   string
		path   string
		data   string
		prefix string   // the error starts with this
		want   []string // and mentions these
	}{
		{"misspelt field", "a.yaml", "question_id: x\ntxet: hello\n", "a.yaml:2: ", []string{`"txet"`, `"text"`}},
		{"misspelt star part", "a.yaml", "question_id: x\nstar:\n  situation: s\n  taks: t\n", "a.yaml:4: ", []string{`"taks"`, `"task"`}},
		{"misspelt field in a list", "l.yaml", "- text: one\n- text: two\n  qestion_id: b\n", "l.yaml:3: ", []string{`"qestion_id"`}},
		{"misspelt field in a session", "s.yaml", "answers:\n  - text: one\n    extra: 1\n", "s.yaml:3: ", []string{`"extra"`}},
		{"unknown field on JSON line 2", "a.jsonl", "{\"text\": \"one\"}\n{\"txet\": \"two\"}\n", "a.jsonl:2: ", []string{`"txet"`}},
		{"broken JSON line", "a.jsonl", "{\"text\": \"one\"}\n{\"text\": \n{\"text\": \"three\"}\n", "a.jsonl:2: ", nil},
		{"JSON syntax error", "a.json", "{\n\"text\": \"a\",\n}\n", "a.json:3: ", nil},
		{"unknown field in JSON", "a.json", "{\n  \"text\": \"one\",\n  \"bogus\": 1\n}\n", "a.json:3: ", []string{`"bogus"`}},
		{"empty file", "a.yaml", "", "a.yaml: ", []string{"empty"}},
		{"blank file", "a.txt", "  \n\n\t\n", "a.txt: ", []string{"empty"}},
		{"nothing on stdin", "-", "\n", "stdin: ", []string{"empty"}},
		{"answer with no words", "a.yaml", "question_id: a\ntext: \"  \"\n", "a.yaml:1: ", []string{"no words"}},
		{"second answer with no words", "l.yaml", "- text: one\n- question_id: b\n  text: \"\"\n", "l.yaml:2: ", []string{"answer 2", "no words"}},
		{"empty star parts", "a.yaml", "star:\n  situation: \"\"\n", "a.yaml:1: ", []string{"no words"}},
		{"JSON line with no words", "a.jsonl", "{\"text\": \"one\"}\n{\"text\": \"\"}\n", "a.jsonl:2: ", []string{"no words"}},
		{"JSON array item with no words", "a.json", "[\n  {\"text\": \"one\"},\n  {\"text\": \"\"}\n]\n", "a.json:3: ", []string{"no words"}},
		{"prose in a .yaml file", "a.yaml", "Situation: busy day.\nTask: fix it.\n", "a.yaml:1: ", []string{"answer"}},
		{"wrong type", "a.yaml", "question_id: a\nduration_seconds: long\ntext: hi\n", "a.yaml:2: ", []string{"long"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items, err := star.ParseAnswers([]byte(c.data), c.path)
			if err == nil {
				t.Fatalf("no error; items %+v", items)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, c.prefix) {
				t.Errorf("error %q does not start with %q", msg, c.prefix)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not mention %q", msg, w)
				}
			}
			var loc interface{ Location() (string, int) }
			if !errors.As(err, &loc) {
				t.Errorf("error %T has no Location (cmd would not exit 3)", err)
			}
		})
	}
}

// TestParseAnswersSkipped: a skipped question is an answer without words, and
// not an error.
func TestParseAnswersSkipped(t *testing.T) {
	items, err := star.ParseAnswers([]byte("- question_id: a\n  skipped: true\n- question_id: b\n  text: I helped.\n"), "s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || !items[0].Answer.Skipped {
		t.Errorf("items: %+v", items)
	}
}

// TestParseAnswersJSONLinesWrongTypeIsPlainWords: the message is for a
// person, not a Go programmer.
func TestParseAnswersJSONLinesWrongTypeIsPlainWords(t *testing.T) {
	_, err := star.ParseAnswers([]byte("{\"text\": \"one\"}\n{\"text\": 5}\n"), "a.jsonl")
	if err == nil {
		t.Fatal("no error for a number as text")
	}
	if !strings.HasPrefix(err.Error(), "a.jsonl:2: ") {
		t.Errorf("error %q does not name line 2", err)
	}
	if strings.Contains(err.Error(), "Go struct") {
		t.Errorf("%q: JSON type errors should be in plain words, not encoding/json's", err)
	}
}

// TestReadAnswers reads from a reader like a file.
func TestReadAnswers(t *testing.T) {
	items, err := star.ReadAnswers(strings.NewReader("text: from a reader\n"), "-")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Source != "stdin" || items[0].Answer.Text != "from a reader" {
		t.Errorf("items: %+v", items)
	}
}
