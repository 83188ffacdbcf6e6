package coach

import (
	"strings"

	"github.com/starprep/starprep/questions"
)

// Questions to ask the interviewer live here: the candidate picks them in
// step 5 of the checklist from the bank's `ask` questions and the company's
// notes (or writes their own), and the brief and the end of an interview
// show them. They are never answered and scored.

// AskCandidates are the questions a candidate can pick from for a company
// (nil for none): the company's own questions_to_ask first, then the bank's
// ask questions with the company's name filled in. Repeats are dropped.
func AskCandidates(bank *questions.Bank, company *questions.Company) []AskChoice {
	var out []AskChoice
	seen := map[string]bool{}
	add := func(a AskChoice) {
		key := strings.ToLower(strings.TrimSpace(a.Text))
		if key == "" || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, a)
	}
	name := ""
	if company != nil {
		name = company.ShortName()
		for _, q := range company.QuestionsToAsk {
			add(AskChoice{Text: q, From: FromNotes})
		}
	}
	if bank != nil {
		for _, q := range bank.Questions {
			if q.Category == "ask" {
				add(AskChoice{Text: questions.Fill(q.Text, name), ID: q.ID, From: FromBank})
			}
		}
	}
	return out
}

// QuestionsToAsk returns up to n questions the candidate could ask at the
// end of an interview for a company (slug "" and company nil for none): the
// ones chosen in the checklist first, then from the company's notes, then
// the bank's. A broken checklist.yaml in home comes back as its error
// (path:line). This is what an interview shows when it ends.
func QuestionsToAsk(home, slug string, company *questions.Company, bank *questions.Bank, n int) ([]AskChoice, error) {
	p, err := LoadChecklistProgress(ChecklistPath(home))
	if err != nil {
		return nil, err
	}
	return pickAsks(p.Asks(slug), AskCandidates(bank, company), n), nil
}

// pickAsks is chosen, then candidates not already chosen, up to n.
func pickAsks(chosen, candidates []AskChoice, n int) []AskChoice {
	out := make([]AskChoice, 0, n)
	seen := map[string]bool{}
	for _, list := range [][]AskChoice{chosen, candidates} {
		for _, a := range list {
			key := strings.ToLower(strings.TrimSpace(a.Text))
			if len(out) >= n || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, a)
		}
	}
	return out
}
