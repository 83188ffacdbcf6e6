package coach

import (
	"fmt"
	"slices"
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// The story bank in an interview: before a STAR question, the stories that
// fit it (told for it before, or proving one of its competencies) are
// offered. A story picked is shown, then the candidate tells it in their own
// words; the answer is saved with the story's id, so `stories coverage`
// counts the use.

// maxStoryOffers is how many stories are offered for one question.
const maxStoryOffers = 3

// storiesFor returns the stories that fit q, best first: told for it
// before, then by how many of its competencies they prove.
func storiesFor(home string, q questions.Question) []StoryEntry {
	list, err := StoriesIn(home).List()
	if err != nil || len(list) == 0 {
		return nil
	}
	type ranked struct {
		e    StoryEntry
		rank int
	}
	var fit []ranked
	for _, e := range list {
		rank := 0
		if slices.Contains(e.UsedFor, q.ID) {
			rank += 10
		}
		for _, c := range q.Competencies {
			if slices.Contains(e.Competencies, c) {
				rank++
			}
		}
		if rank > 0 {
			fit = append(fit, ranked{e, rank})
		}
	}
	slices.SortStableFunc(fit, func(a, b ranked) int { return b.rank - a.rank })
	out := make([]StoryEntry, 0, maxStoryOffers)
	for _, f := range fit[:min(len(fit), maxStoryOffers)] {
		out = append(out, f.e)
	}
	return out
}

// offerStory asks, for a first attempt at a STAR question, whether to tell
// it from a saved story; the story picked is shown and its id returned.
func (se *session) offerStory(sp answerSpec) (string, error) {
	if sp.followUp || sp.attempt > 1 || !sp.q.STAR || se.iv.Home == "" {
		return "", nil
	}
	fit := storiesFor(se.iv.Home, sp.q)
	if len(fit) == 0 {
		return "", nil
	}
	options := []string{"Tell it fresh"}
	for _, e := range fit {
		options = append(options, "From my story: "+shortenWords(e.Title, 40))
	}
	i, err := se.iv.Prompter.Select("Start from a saved story?", options, 0)
	if err != nil || i == 0 {
		return "", err
	}
	st := fit[i-1].Story
	se.printf("\n%s\n", wrap(fmt.Sprintf("Your story \"%s\". Read it, then tell it in your own words:", st.Title), 76, "", ""))
	for _, part := range []struct{ name, text string }{
		{"Situation", st.STAR.Situation}, {"Task", st.STAR.Task}, {"Action", st.STAR.Action}, {"Result", st.STAR.Result},
	} {
		if strings.TrimSpace(part.text) != "" {
			se.printf("%s\n", wrap(part.name+": "+part.text, 76, "  ", "    "))
		}
	}
	se.printf("\n")
	return st.ID, nil
}

// scoreInfo is what the scorer needs for q in this session: with a
// company chosen, its notes too, so that using its values, products,
// channels and metrics counts.
func (se *session) scoreInfo(q questions.Question, asked string) *star.QuestionInfo {
	info := questionInfo(q, asked)
	info.Company = CompanyScoreInfo(se.company)
	return info
}
