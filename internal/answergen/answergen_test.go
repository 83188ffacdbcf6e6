package answergen

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// TestWrite: the same seed gives the same bytes; every format reads back as
// answers of about 200 words on average, of both shapes and varied quality.
func TestWrite(t *testing.T) {
	opts := Options{N: 400, Seed: 3, StoryIDs: []string{"story-a", "story-b"}, OtherIDs: []string{"why-us"}}
	var a, b bytes.Buffer
	if err := Write(&a, opts); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave different answers")
	}
	for _, format := range Formats {
		var buf bytes.Buffer
		o := opts
		o.Format = format
		if err := Write(&buf, o); err != nil {
			t.Fatal(err)
		}
		items, err := star.ParseAnswers(buf.Bytes(), "gen."+format)
		if err != nil || len(items) != opts.N {
			t.Fatalf("%s: %d answers, %v", format, len(items), err)
		}
		words, structured, motivation, we := 0, 0, 0, 0
		for _, it := range items {
			text := it.Answer.Text
			if p := it.Answer.STAR; p != nil {
				structured++
				text = p.Situation + " " + p.Task + " " + p.Action + " " + p.Result
			}
			if it.Answer.QuestionID == "why-us" {
				motivation++
			}
			if strings.Count(text, "We ") > 3 {
				we++
			}
			words += len(strings.Fields(text))
		}
		if avg := words / len(items); avg < 170 || avg > 240 {
			t.Errorf("%s: %d words an answer on average, want about 200", format, avg)
		}
		if structured < opts.N/6 || motivation == 0 || we == 0 {
			t.Errorf("%s: %d structured, %d motivation, %d mostly-we answers of %d: not varied", format, structured, motivation, we, opts.N)
		}
	}
	if !json.Valid(bytes.SplitN(a.Bytes(), []byte("\n"), 2)[0]) {
		t.Error("the first JSON line is not valid JSON")
	}
}
