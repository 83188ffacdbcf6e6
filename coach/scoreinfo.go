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

// CompanyTerms finds what the scorer uses of a company's notes by its slug
// (nil when there are none), so that a saved answer is scored as it was in
// the interview: with the company's values, products and channels counting.
// A nil CompanyTerms scores without company notes.
type CompanyTerms func(slug string) *star.CompanyInfo

// CompanyTermsIn reads company notes from home (and the examples), each
// once.
func CompanyTermsIn(home string, examples ...*questions.Company) CompanyTerms {
	store := CompaniesIn(home, examples...)
	seen := map[string]*star.CompanyInfo{}
	return func(slug string) *star.CompanyInfo {
		if slug == "" {
			return nil
		}
		if info, ok := seen[slug]; ok {
			return info
		}
		var info *star.CompanyInfo
		if e, err := store.Get(slug); err == nil {
			info = CompanyScoreInfo(e.Company)
		}
		seen[slug] = info
		return info
	}
}

func (ct CompanyTerms) of(slug string) *star.CompanyInfo {
	if ct == nil {
		return nil
	}
	return ct(slug)
}

// companyTerms finds company notes as the interview does: Home's notes,
// then the example company.
func (iv *Interview) companyTerms() CompanyTerms {
	var examples []*questions.Company
	if iv.ExampleCompany != nil {
		examples = append(examples, iv.ExampleCompany)
	}
	return CompanyTermsIn(iv.Home, examples...)
}

// companyTerms scores the session's answers with the company notes it was
// started with, already loaded.
func (se *session) companyTerms(slug string) *star.CompanyInfo {
	if se.company == nil || slug != se.company.Slug {
		return nil
	}
	return CompanyScoreInfo(se.company)
}
