package review_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/answergen"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/review"
	"github.com/starprep/starprep/star"
)

// benchData is the bank, the rubric and generated answers, made once.
var benchData = sync.OnceValues(func() (*fixture, error) {
	bank, err := questions.ParseBank(data.Questions, data.QuestionsPath)
	if err != nil {
		return nil, err
	}
	rubric, err := star.ParseRubric(data.Rubric, data.RubricPath)
	if err != nil {
		return nil, err
	}
	fx := &fixture{bank: bank, rubric: rubric, opts: answergen.Options{Seed: 7, Format: "jsonl"}}
	for _, q := range bank.Questions {
		switch {
		case q.STAR:
			fx.opts.StoryIDs = append(fx.opts.StoryIDs, q.ID)
		case q.Category == "motivation" || q.Category == "strengths":
			fx.opts.OtherIDs = append(fx.opts.OtherIDs, q.ID)
		}
	}
	return fx, nil
})

type fixture struct {
	bank   *questions.Bank
	rubric *star.Rubric
	opts   answergen.Options
}

func (fx *fixture) info(id string) (*star.QuestionInfo, error) {
	q, ok := fx.bank.Get(id)
	if !ok {
		return nil, nil
	}
	return &star.QuestionInfo{ID: q.ID, Text: q.Text, Keywords: q.Keywords, Competencies: q.Competencies, STAR: q.STAR}, nil
}

// answersFile writes n generated answers in format to a temporary file.
func answersFile(b testing.TB, fx *fixture, n int, format string) string {
	b.Helper()
	opts := fx.opts
	opts.N, opts.Format = n, format
	p := filepath.Join(b.TempDir(), "answers."+format)
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := answergen.Write(f, opts); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkReview runs the whole pipeline over 10,000 generated answers of
// about 200 words; answers/s is the figure to compare with the README.
func BenchmarkReview(b *testing.B) {
	fx, err := benchData()
	if err != nil {
		b.Fatal(err)
	}
	const n = 10000
	files := map[string]string{}
	for _, f := range []string{"jsonl", "json", "yaml"} {
		files[f] = answersFile(b, fx, n, f)
	}
	outputs := map[string]func() review.Output{
		"jsonl": review.NewJSONLines, "json": review.NewJSON, "csv": review.NewCSV,
		"markdown": review.NewMarkdown, "html": review.NewHTML, "tsv": review.NewTSV,
	}
	cases := []struct{ input, output string }{
		{"jsonl", "jsonl"}, {"jsonl", "json"}, {"jsonl", "csv"}, {"jsonl", "html"}, {"jsonl", "markdown"},
		{"json", "jsonl"}, {"yaml", "jsonl"},
	}
	for _, c := range cases {
		for _, jobs := range []int{1, 2} {
			b.Run(fmt.Sprintf("in=%s/out=%s/jobs=%d", c.input, c.output, jobs), func(b *testing.B) {
				for b.Loop() {
					_, err := review.Run(context.Background(), review.Options{Paths: []string{files[c.input]}, Rubric: fx.rubric,
						Question: fx.info, Jobs: jobs, Output: outputs[c.output](), Out: io.Discard, Warn: io.Discard})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "answers/s")
			})
		}
	}
}

// BenchmarkStages times each stage a worker runs, per answer, on one core:
// decoding a JSON line, scoring, and encoding the result as JSON.
func BenchmarkStages(b *testing.B) {
	fx, err := benchData()
	if err != nil {
		b.Fatal(err)
	}
	opts := fx.opts
	opts.N = 2000
	var buf bytes.Buffer
	if err := answergen.Write(&buf, opts); err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	answers := make([]star.Answer, len(lines))
	results := make([]star.Result, len(lines))
	for i, l := range lines {
		if err := json.Unmarshal(l, &answers[i]); err != nil {
			b.Fatal(err)
		}
		q, _ := fx.info(answers[i].QuestionID)
		results[i] = star.Score(fx.rubric, q, answers[i])
	}
	sp := star.NewSplitter(bytes.NewReader(buf.Bytes()), "a.jsonl")
	var chunks []star.Chunk
	for {
		c, err := sp.Next()
		if err != nil {
			break
		}
		chunks = append(chunks, c)
	}
	b.Run("decode", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if recs := chunks[i%len(chunks)].Records(); len(recs) != 1 || recs[0].Err != nil {
				b.Fatal(recs)
			}
			i++
		}
	})
	b.Run("score", func(b *testing.B) {
		i := 0
		for b.Loop() {
			a := answers[i%len(answers)]
			q, _ := fx.info(a.QuestionID)
			star.Score(fx.rubric, q, a)
			i++
		}
	})
	b.Run("encode", func(b *testing.B) {
		enc := json.NewEncoder(io.Discard)
		enc.SetEscapeHTML(false)
		i := 0
		for b.Loop() {
			if err := enc.Encode(&results[i%len(results)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
