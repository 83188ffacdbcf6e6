package star_test

import (
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// benchAnswer is a 200-word free-text answer.
const benchAnswer = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home. It was my job to calm him down and get him back online before his shift on Monday. First I let him finish without interrupting and apologised for the trouble he had been through. Then I checked our CRM and found two earlier tickets that had never been escalated to the network team, which explained why nobody had called him back. I told him exactly what I had found, booked an engineer for eight the next morning, and set a reminder to call him at six that evening to confirm the slot. When I called back, I also credited a week of service to his account so he would not pay for days he could not use. As a result his line was fixed within 24 hours, he gave me 10 out of 10 on the post-call survey, and our repeat contacts for that area fell the following week. I learned that owning the follow-up myself is what turns an angry caller around.`

func BenchmarkScore200Words(b *testing.B) {
	r := defaultRubric(b)
	q := info(mustQuestion(b, "angry-customer-time"))
	a := star.Answer{Text: benchAnswer}
	if n := len(strings.Fields(benchAnswer)); n < 190 || n > 210 {
		b.Fatalf("bench answer has %d words, want about 200", n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		star.Score(r, q, a)
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
