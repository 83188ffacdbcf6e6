package coach

import (
	"hash/fnv"
	"slices"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// checkGaps maps the scorer's checks to the gap (questions.Gaps) a failed
// one shows. Checks not named here say nothing a follow-up could ask about.
var checkGaps = map[string]string{
	"quantified-result": "measure",
	"lesson":            "lesson",
	"ownership":         "ownership",
	"past-event":        "real-event",
	"concrete-detail":   "detail",
	"action-share":      "action",
}

// AnswerGaps lists what a scored story lacks, most telling first (the order
// of questions.Gaps): its missing STAR parts and its failed checks.
func AnswerGaps(res star.Result) []string {
	lacks := map[string]bool{}
	for _, c := range star.Components {
		if comp, ok := res.Components[c]; ok && !comp.Present {
			lacks[c] = true
		}
	}
	for _, ch := range res.Checks {
		if g, ok := checkGaps[ch.ID]; ok && !ch.OK {
			lacks[g] = true
		}
	}
	var out []string
	for _, g := range questions.Gaps {
		if lacks[g] {
			out = append(out, g)
		}
	}
	return out
}

// nextFollowUp picks the follow-up to offer after a question's latest
// attempt, "" for none. For a story it asks first about what the answer
// lacks (one generic follow-up per gap), then the question's own
// follow-ups, then generic ones that fit any story; other questions get
// their own follow-ups only.
func (se *session) nextFollowUp(p *progress) string {
	if len(p.followUps) >= maxFollowUps {
		return ""
	}
	generic := se.iv.Bank.GenericFollowUps
	asked := func(text string) bool { return slices.Contains(p.followUps, text) }
	fill := func(text string) string { return questions.Fill(text, se.companyName()) }
	// pick takes one of a gap's follow-ups, the same one for a question
	// each time, so that different questions ask it in different words.
	pick := func(gap string) string {
		list := generic[gap]
		if len(list) == 0 || slices.ContainsFunc(list, func(t string) bool { return asked(fill(t)) }) {
			return ""
		}
		h := fnv.New32a()
		h.Write([]byte(p.q.ID))
		return fill(list[int(h.Sum32()%uint32(len(list)))])
	}
	if p.q.STAR {
		for _, gap := range AnswerGaps(p.last) {
			if fu := pick(gap); fu != "" {
				return fu
			}
		}
	}
	for _, fu := range p.q.FollowUps {
		if fu = fill(fu); !asked(fu) {
			return fu
		}
	}
	if p.q.STAR {
		return pick("any")
	}
	return ""
}

// followUpHelp is the reminder shown with a follow-up: a question about
// what the candidate would do is answered as a short plan, not a story.
func followUpHelp(fu string) string {
	switch {
	case questions.AsksHypothetical(fu):
		return "Say what you would do and why, in a few sentences: no need for the STAR parts."
	case questions.AsksForStory(fu):
		return "A short story of its own: where you were, what you did, how it ended."
	default:
		return "Answer in a few sentences, as you would say it."
	}
}
