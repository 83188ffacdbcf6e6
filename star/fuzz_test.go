package star_test

import (
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// FuzzScore: any text scores without panicking, within 0..100, and every
// assigned sentence is verbatim in the answer.
func FuzzScore(f *testing.F) {
	for _, seed := range []string{"Last year a customer rang, furious. I listened, then I refunded her. She thanked me.", "", "Situation: x\nTask: y", "- a\n- b\n1. c", "İstanbul. ÉCOLE! a.m. 3.5%", "we we we. I would. not not not"} {
		f.Add(seed)
	}
	r := defaultRubric(f)
	q := info(mustQuestion(f, "angry-customer-time"))
	f.Fuzz(func(t *testing.T, text string) {
		res := star.Score(r, q, star.Answer{Text: text})
		if res.Score < 0 || res.Score > 100 {
			t.Fatalf("score %d out of range", res.Score)
		}
		for _, c := range star.Components {
			for _, s := range res.Components[c].Sentences {
				if !strings.Contains(text, s) {
					t.Fatalf("sentence %q is not verbatim in %q", s, text)
				}
			}
		}
	})
}

// FuzzParseAnswers: any file content either parses or returns an error;
// it never panics.
func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{"text: hi", "- text: a\n- text: b", "answers: [{text: a}]", "{\"text\":\"a\"}", "[1,2", "---\n---\ntext: x", "a: &a [*a, *a]"} {
		f.Add(seed, "a.yaml")
		f.Add(seed, "-")
	}
	f.Fuzz(func(t *testing.T, data, path string) {
		items, err := star.ParseAnswers([]byte(data), path)
		if err == nil && len(items) == 0 {
			t.Fatalf("no error and no answers for %q", data)
		}
	})
}
