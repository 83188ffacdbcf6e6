package star_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// BenchmarkScoreCorpus scores the corpus answers one after another and
// reports the cost per answer and per 200 words of real text.
func BenchmarkScoreCorpus(b *testing.B) {
	r := defaultRubric(b)
	bk := bank(b)
	var answers []star.Answer
	var infos []*star.QuestionInfo
	words := 0
	for _, e := range star.LoadCorpus(b) {
		text, _ := e.Text()
		q, _ := bk.Get(e.QuestionID)
		answers = append(answers, star.Answer{Text: text})
		infos = append(infos, info(q))
		words += len(strings.Fields(text))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(answers)
		star.Score(r, infos[k], answers[k])
	}
	b.StopTimer()
	perAnswer := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	avgWords := float64(words) / float64(len(answers))
	b.ReportMetric(perAnswer/avgWords*200/1000, "µs/200words")
}

// BenchmarkScoreUnpunctuated scores a long dictated answer with no
// punctuation at all; its cost per word should stay flat as it grows.
func BenchmarkScoreUnpunctuated(b *testing.B) {
	for _, n := range []int{2000, 20000} {
		b.Run(strconv.Itoa(n)+"words", func(b *testing.B) {
			r := defaultRubric(b)
			q := info(mustQuestion(b, "angry-customer-time"))
			unit := strings.Fields("so i called the depot and i asked them where the parcel was and then i rang the customer back and she was happy with that")
			var sb strings.Builder
			for i := 0; i < n; i++ {
				sb.WriteString(unit[i%len(unit)])
				sb.WriteByte(' ')
			}
			a := star.Answer{Text: sb.String()}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				star.Score(r, q, a)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/word")
		})
	}
}

func mustQuestion(t testing.TB, id string) questions.Question {
	t.Helper()
	q, ok := bank(t).Get(id)
	if !ok {
		t.Fatalf("no question %s", id)
	}
	return q
}
