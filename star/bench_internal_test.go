package star

import (
	"os"
	"testing"
)

const benchText = `Last December I was working on the phones for a broadband provider when a customer called, furious because his internet had been down for four days and he worked from home. It was my job to calm him down and get him back online before his shift on Monday. First I let him finish without interrupting and apologised for the trouble he had been through. Then I checked our CRM and found two earlier tickets that had never been escalated to the network team, which explained why nobody had called him back. I told him exactly what I had found, booked an engineer for eight the next morning, and set a reminder to call him at six that evening to confirm the slot. When I called back, I also credited a week of service to his account so he would not pay for days he could not use. As a result his line was fixed within 24 hours, he gave me 10 out of 10 on the post-call survey, and our repeat contacts for that area fell the following week. I learned that owning the follow-up myself is what turns an angry caller around.`

func BenchmarkSegment(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Segment(benchText)
	}
}

func benchRubric(b *testing.B) *Rubric {
	raw, err := os.ReadFile("../data/rubric.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r, err := ParseRubric(raw, "rubric.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return r
}

func BenchmarkAnalyse(b *testing.B) {
	r := benchRubric(b)
	a := Answer{Text: benchText}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		analyse(r, a)
	}
}

func BenchmarkAssign(b *testing.B) {
	r := benchRubric(b)
	an := analyse(r, Answer{Text: benchText})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		assign(r, &an)
	}
}

func BenchmarkJudge(b *testing.B) {
	r := benchRubric(b)
	an := analyse(r, Answer{Text: benchText})
	assign(r, &an)
	q := &QuestionInfo{Keywords: []string{"listen", "apologise", "calm", "solution", "follow up"}, Competencies: []string{"de-escalation", "empathy"}, STAR: true}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		judge(r, q, Answer{Text: benchText}, &an)
	}
}
