package star_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// wire mirrors the score result contract field by field for encoding/json,
// with the parts in STAR order: the independent reading AppendJSON is held to.
type wireComponents struct {
	Situation *star.Component `json:"situation,omitempty"`
	Task      *star.Component `json:"task,omitempty"`
	Action    *star.Component `json:"action,omitempty"`
	Result    *star.Component `json:"result,omitempty"`
}

type wire struct {
	Schema     string          `json:"schema"`
	Source     string          `json:"source,omitempty"`
	ID         string          `json:"id,omitempty"`
	QuestionID string          `json:"question_id,omitempty"`
	Score      int             `json:"score"`
	Band       string          `json:"band"`
	Words      int             `json:"words"`
	Kind       string          `json:"kind,omitempty"`
	Components *wireComponents `json:"components,omitempty"`
	Checks     []star.Check    `json:"checks"`
	Tips       []string        `json:"tips"`
}

func wireOf(r star.Result) wire {
	w := wire{r.Schema, r.Source, r.ID, r.QuestionID, r.Score, r.Band, r.Words, r.Kind, nil, r.Checks, r.Tips}
	if len(r.Components) > 0 {
		w.Components = &wireComponents{}
		for name, dst := range map[string]**star.Component{"situation": &w.Components.Situation, "task": &w.Components.Task,
			"action": &w.Components.Action, "result": &w.Components.Result} {
			if c, ok := r.Components[name]; ok {
				*dst = &c
			}
		}
	}
	return w
}

func encodingJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestResultJSONIsEncodingJSON: the results of the whole corpus, and of
// answers full of quotes, control characters, invalid UTF-8 and HTML,
// come out byte for byte as encoding/json writes the contract.
func TestResultJSONIsEncodingJSON(t *testing.T) {
	r := embeddedRubric(t)
	var results []star.Result
	for _, e := range star.LoadCorpus(t) {
		text, _ := e.Text()
		results = append(results, star.Score(r, nil, star.Answer{ID: e.ID, Text: text}))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	nasty := []string{"\"", "\\", "\n", "\t", "\x00", "\x1f", "\b", "\f", "<b>&amp;</b>", "\u2028", "\u2029", "\xff", "é", "😀", "'", "\x7f"}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		b.WriteString("Last week a customer rang, so I called the depot. ")
		for k := 0; k < 20; k++ {
			b.WriteString(nasty[rng.IntN(len(nasty))])
			b.WriteString(" word ")
		}
		res := star.Score(r, nil, star.Answer{ID: b.String()[:10], Text: b.String()})
		res.Source = nasty[rng.IntN(len(nasty))] + "file.yaml#2"
		results = append(results, res)
	}
	motivation := star.Score(r, bankQuestion(t, "why-this-company"), star.Answer{Text: "Because I like <your> \"brand\"."})
	results = append(results, motivation, star.Result{Schema: star.ScoreSchema})
	for _, res := range results {
		got := res.AppendJSON(nil)
		want := encodingJSON(t, wireOf(res))
		if !bytes.Equal(got, want) {
			t.Fatalf("AppendJSON differs from encoding/json:\n got %s\nwant %s", got, want)
		}
		// And json.Marshal of a Result (its components through their own
		// marshaler) agrees too.
		if via := encodingJSON(t, res); !bytes.Equal(via, want) {
			t.Fatalf("encoding/json of a Result differs from the contract:\n got %s\nwant %s", via, want)
		}
	}
}
