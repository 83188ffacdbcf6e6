package star_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/star"
)

// The fuzz targets of the readers of outside data in star (issue 11): the
// answer files in every form, the rubric, the sentence splitter and the
// scorer on structured answers and every kind of question. Their seed
// corpora run in go test; findings are kept in testdata/fuzz.

// FuzzReadAnswers: any bytes, named as any kind of answer file, give
// answers or problems that name the file; never a panic, never answers and
// an error at once, never a source that is not the file's.
func FuzzReadAnswers(f *testing.F) {
	seeds := []string{
		"question_id: a\ntext: I listened.\n",
		"- text: a\n- star: {situation: s, task: t, action: a, result: r}\n",
		"id: s1\nstarted_at: 2026-11-22T10:15:03Z\nquestion_ids: [a]\nanswers:\n  - text: hi\n",
		`{"text":"a"}` + "\n" + `{"text":"b"}` + "\n",
		`[{"text":"a"},{"star":{"action":"b"}}]`,
		`{"id":"s","answers":[{"text":"a"}],"company":"x"}`,
		"\ufeff{\"text\":\"bom\"}",
		"\xff\xfet\x00e\x00x\x00t\x00:\x00 \x00h\x00i\x00\n\x00",
		"a: &a [*a]", "x: &x hello\ny: *x\n", "text: \"\\e]0;t\\a\"",
		"[1,2", "{\"text\":", "---\n---\ntext: x\n...\n", "\x00\x01",
	}
	for _, s := range seeds {
		for _, name := range []string{"a.yaml", "a.json", "a.jsonl", "-", "a.txt", "a"} {
			f.Add([]byte(s), name)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		if name == "" || strings.ContainsAny(name, "#\n") {
			return
		}
		items, err := star.ReadAnswers(bytes.NewReader(raw), name)
		shown := name
		if name == "-" {
			shown = "stdin"
		}
		if err != nil {
			if len(items) > 0 {
				t.Fatalf("answers and an error: %v", err)
			}
			var ye *yamlfile.Error
			if errors.As(err, &ye) {
				for _, p := range ye.Problems {
					if p.Path != shown {
						t.Fatalf("a problem names %q, not %q: %v", p.Path, shown, err)
					}
				}
			}
			return
		}
		if len(items) == 0 {
			t.Fatalf("no error and no answers for %q", raw)
		}
		for _, it := range items {
			if it.Source != shown && !strings.HasPrefix(it.Source, shown+"#") {
				t.Fatalf("source %q is not of %q", it.Source, shown)
			}
		}
	})
}

// FuzzParseRubric: any rubric text compiles or gives problems with
// lines; a rubric that compiles scores answers within 0..100.
func FuzzParseRubric(f *testing.F) {
	f.Add(data.Rubric)
	f.Add([]byte("version: 2\nchecks: &x [{id: a}]\ncues: *x\n"))
	f.Add([]byte("version: 1\n"))
	f.Add([]byte("a: &a [x,x]\nb: [*a,*a,*a]\n"))
	f.Add(bytes.Replace(data.Rubric, []byte("\ncues:"), []byte("\ncues: &c"), 1))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := star.ParseRubric(raw, "r.yaml")
		if err != nil {
			var ye *yamlfile.Error
			if !errors.As(err, &ye) && !strings.Contains(err.Error(), "tagger") {
				t.Fatalf("not a problem with the file: %v", err)
			}
			return
		}
		res := star.Score(r, nil, star.Answer{Text: "Last May a caller shouted. I listened and fixed it; she thanked me."})
		if res.Score < 0 || res.Score > 100 {
			t.Fatalf("score %d", res.Score)
		}
	})
}

// FuzzSegment: the sentence splitter returns sentences that are text of
// the input, in order, and never panics.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{"I rang. She said \"no.\" Then I fixed it!", "Situation: a\nTask: b", "- one\n- two\n\n1. three", "Mr. Smith paid $3.50 at 2 p.m. It worked.", "…?!", "\u202e\x1b[2J."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rest := text
		for _, s := range star.Segment(text) {
			i := strings.Index(rest, s.Text)
			if i < 0 {
				t.Fatalf("sentence %q is not in what is left of %q", s.Text, text)
			}
			rest = rest[i+len(s.Text):]
		}
	})
}

// FuzzScoreParts: structured answers and every kind of question score
// within 0..100, and every assigned sentence is text of the answer.
func FuzzScoreParts(f *testing.F) {
	f.Add("At a call centre.", "I owned it.", "I listened, then refunded her.", "She thanked me; CSAT rose 10%.", "angry-customer-time")
	f.Add("", "", "We would fix it.", "", "why-customer-service")
	f.Add("x", "y", "z", "w", "greatest-weakness")
	r := defaultRubric(f)
	b := bank(f)
	f.Fuzz(func(t *testing.T, s, tk, a, res, qid string) {
		var q *star.QuestionInfo
		if qq, ok := b.Get(qid); ok {
			q = info(qq)
		}
		ans := star.Answer{STAR: &star.Parts{Situation: s, Task: tk, Action: a, Result: res}}
		out := star.Score(r, q, ans)
		if out.Score < 0 || out.Score > 100 {
			t.Fatalf("score %d", out.Score)
		}
		all := s + "\n" + tk + "\n" + a + "\n" + res
		for _, c := range star.Components {
			for _, sen := range out.Components[c].Sentences {
				if !strings.Contains(all, sen) {
					t.Fatalf("sentence %q is not text of the answer", sen)
				}
			}
		}
	})
}
