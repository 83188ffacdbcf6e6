package coach

import (
	"errors"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
)

// The fuzz targets of the files coach reads (issue 11): saved sessions,
// checklist progress and question sets. Any bytes give a value or
// problems naming the file, never a panic; a session that reads is saved
// and read back the same. Seed corpora run in go test.

func locatedIn(t *testing.T, err error, path string) {
	t.Helper()
	var ye *yamlfile.Error
	if !errors.As(err, &ye) {
		t.Fatalf("not a problem with the file: %v", err)
	}
	for _, p := range ye.Problems {
		if p.Path != path {
			t.Fatalf("a problem names %q, not %q", p.Path, path)
		}
	}
}

func FuzzParseSession(f *testing.F) {
	f.Add([]byte("id: 20261122-101503\nstarted_at: 2026-11-22T10:15:03Z\nmode: star\nquestion_ids: [a, b]\nnext: 1\nanswers:\n  - question_id: a\n    text: hi\ndraft: {question_id: b, part: task, text: x, seconds: 3}\n"))
	f.Add([]byte("id: x\nnext: 9\nquestion_ids: []\ntime_limit: -2m\n"))
	f.Add([]byte("id: &a x\nquestion_ids: [*a, *a]\n"))
	f.Add([]byte("\ufeffid: x\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := ParseSession(raw, "s.yaml")
		if err != nil {
			locatedIn(t, err, "s.yaml")
			return
		}
		out, err := encodeSession(s)
		if err != nil {
			t.Fatalf("a session that reads does not write: %v", err)
		}
		if _, err := ParseSession(out, "s.yaml"); err != nil {
			t.Fatalf("a session written back does not read: %v\n%s", err, out)
		}
	})
}

func FuzzParseChecklistProgress(f *testing.F) {
	f.Add([]byte("version: 1\nstrengths: [empathy]\nticked: {a/b: \"2026-12-01\"}\ncompanies:\n  acme:\n    asks: [{text: Why?, from: own}]\n"))
	f.Add([]byte("version: 1\nticked: {x: 2026-13-45}\n"))
	f.Add([]byte("version: 2\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, err := ParseChecklistProgress(raw, "checklist.yaml"); err != nil {
			locatedIn(t, err, "checklist.yaml")
		}
	})
}

func FuzzParseSet(f *testing.F) {
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("[shouting-customer, angry-customer-time]"))
	f.Add([]byte("questions: [shouting-customer]\n"))
	f.Add([]byte("version: 1\ntitle: t\nseed: 3\nquestions:\n  - id: mine\n    text: Why?\n    category: motivation\n    competencies: [motivation]\n    difficulty: 1\n"))
	f.Add([]byte("- nope\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, err := ParseSet(raw, "set.yaml", bank); err != nil {
			var ye *yamlfile.Error
			if !errors.As(err, &ye) {
				return // an unknown id is a plain error with its own hint
			}
			locatedIn(t, err, "set.yaml")
		}
		_, _ = SetIDs(raw, "set.yaml")
	})
}
