package questions_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/questions"
)

// TestLookupMatchesParseBank: every question of the embedded bank, looked
// up alone, is exactly what parsing the whole bank gives, line included.
func TestLookupMatchesParseBank(t *testing.T) {
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatal(err)
	}
	l, err := questions.NewLookup(data.Questions, data.QuestionsPath)
	if err != nil {
		t.Fatalf("the embedded bank can no longer be looked up question by question: %v", err)
	}
	if l.Len() != len(bank.Questions) {
		t.Fatalf("lookup finds %d questions, the bank has %d", l.Len(), len(bank.Questions))
	}
	var wg sync.WaitGroup
	for _, want := range bank.Questions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, ok, err := l.Get(want.ID)
			if err != nil || !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %+v, %v, %v\nwant %+v", want.ID, got, ok, err, want)
			}
		}()
	}
	wg.Wait()
	if _, ok, err := l.Get("no-such-question"); ok || err != nil {
		t.Errorf("unknown id: %v %v", ok, err)
	}
}

// TestLookupProblems: a question with a mistake is an error naming its
// line in the file; a file not laid out as a bank is refused.
func TestLookupProblems(t *testing.T) {
	raw := []byte("version: 1\nquestions:\n  - id: good\n    text: Fine?\n    category: behavioral\n    competencies: [empathy]\n    difficulty: 1\n    star: true\n    look_for: [x]\n    keywords: [y]\n  - id: bad\n    text: Broken?\n    category: behavioral\n    competencies: [empathy]\n    difficulty: 9\n    star: true\n    look_for: [x]\n    keywords: [y]\n")
	l, err := questions.NewLookup(raw, "b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if q, ok, err := l.Get("good"); !ok || err != nil || q.Source != "b.yaml:3" {
		t.Errorf("good: %+v %v %v", q, ok, err)
	}
	if _, ok, err := l.Get("bad"); !ok || err == nil || err.Error() != "b.yaml:15: bad: difficulty 9 is out of range (1 easy .. 3 hard)" {
		t.Errorf("bad: %v %v", ok, err)
	}
	for _, bad := range []string{"questions:\n  - id: a\n", "version: 1\nquestions:\n  - text: no id first\n    id: a\n", "version: 1\nquestions:\n  - id: a\nother: 1\n"} {
		if _, err := questions.NewLookup([]byte(bad), "x.yaml"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
