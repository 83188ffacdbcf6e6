package coach

import (
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// ScoreInfo is what the scorer needs from a bank question; asked is the
// text as it was put to the candidate (with the company filled in), "" for
// the bank's own text. The question's category picks the feedback card.
func ScoreInfo(q questions.Question, asked string) *star.QuestionInfo {
	if asked == "" {
		asked = q.Text
	}
	return &star.QuestionInfo{ID: q.ID, Text: asked, Keywords: q.Keywords, Competencies: q.Competencies,
		STAR: q.STAR, Category: q.Category}
}

// CompanyScoreInfo is what the scorer uses of a company's notes: its name,
// values, products, support channels and the metrics its team is judged by.
func CompanyScoreInfo(c *questions.Company) *star.CompanyInfo {
	if c == nil {
		return nil
	}
	return &star.CompanyInfo{Name: c.Name, Values: c.Values, Products: c.Products,
		Channels: c.Support.Channels, Metrics: c.Support.Metrics}
}
