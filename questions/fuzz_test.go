package questions_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
)

// The fuzz targets of the question bank, the fast lookup into it, company
// notes, stories and the checklist (issue 11): any bytes give a value or
// problems with the file's name and never a panic. Seed corpora run in go
// test; findings are kept in testdata/fuzz.

// located checks that err is problems with the file named path.
func located(t *testing.T, err error, path string) {
	t.Helper()
	var ye *yamlfile.Error
	if !errors.As(err, &ye) {
		t.Fatalf("not a problem with the file: %v", err)
	}
	for _, p := range ye.Problems {
		if p.Path != path {
			t.Fatalf("a problem names %q, not %q: %v", p.Path, path, err)
		}
	}
}

var yamlSeeds = [][]byte{
	[]byte("a: &a [*a]"), []byte("x: &x [y,y,y]\nz: [*x,*x,*x,*x]\n"), []byte("version: 1\nquestions:\n  - id: x\n    txet: hi\n"),
	[]byte("\ufeffversion: 1\n"), []byte("[[[[[[[[[[]]]]]]]]]]"), []byte("text: \"\\e]0;x\\a\"\n"), []byte("---\n---\n"), []byte("\x00"),
}

func FuzzParseBank(f *testing.F) {
	f.Add(data.Questions)
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := questions.ParseBank(raw, "bank.yaml")
		if err != nil {
			located(t, err, "bank.yaml")
			return
		}
		for _, id := range b.IDs() {
			if _, ok := b.Get(id); !ok {
				t.Fatalf("listed id %q is not found", id)
			}
		}
	})
}

// FuzzLookup: the lookup that parses one question at a time agrees with
// the whole bank on every id it finds.
func FuzzLookup(f *testing.F) {
	f.Add(data.Questions, "shouting-customer")
	for _, s := range yamlSeeds {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, raw []byte, id string) {
		l, err := questions.NewLookup(raw, "bank.yaml")
		if err != nil || l == nil {
			return // a bank laid out otherwise is read whole instead
		}
		q, ok, err := l.Get(id)
		if err != nil || !ok {
			return
		}
		b, berr := questions.ParseBank(raw, "bank.yaml")
		if berr != nil {
			return
		}
		if whole, found := b.Get(id); !found || whole.Text != q.Text {
			t.Fatalf("lookup found %q for %q, the bank %q (%v)", q.Text, id, whole.Text, found)
		}
	})
}

func FuzzParseCompany(f *testing.F) {
	f.Add(data.ExampleCompany)
	f.Add([]byte("name: Acme\nslug: acme\nnews: [{date: 2026-13-01, headline: x}]\nsources: [javascript:alert(1)]\n"))
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, err := questions.ParseCompany(raw, "acme.yaml")
		if err != nil {
			located(t, err, "acme.yaml")
			return
		}
		if !questions.ValidSlug(c.Slug) {
			t.Fatalf("slug %q accepted", c.Slug)
		}
		if _, err := questions.MarshalCompany(c); err != nil {
			t.Fatalf("accepted notes do not write back: %v", err)
		}
	})
}

func FuzzParseStory(f *testing.F) {
	f.Add([]byte("id: late\ntitle: Late parcel\ncompetencies: [empathy]\nstar: {situation: s, task: t, action: a, result: r}\n"))
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := questions.ParseStory(raw, "late.yaml")
		if err != nil {
			located(t, err, "late.yaml")
			return
		}
		out, err := questions.MarshalStory(s)
		if err != nil {
			t.Fatalf("an accepted story does not write back: %v", err)
		}
		if _, err := questions.ParseStory(out, "late.yaml"); err != nil && !bytes.Equal(out, raw) {
			t.Fatalf("a story written back does not read again: %v\n%s", err, out)
		}
	})
}

func FuzzParseChecklist(f *testing.F) {
	f.Add(data.Checklist)
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if _, err := questions.ParseChecklist(raw, "checklist.yaml"); err != nil {
			located(t, err, "checklist.yaml")
		}
	})
}
