package coach

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Evidence rules tick checklist items from what the user's own data shows:
// company notes, the story bank, scored interview answers, the strengths
// they claimed and the questions they chose to ask. Each kind of rule
// (questions.EvidenceKinds) is one type here; compileEvidence builds it from
// the checklist's YAML, which ParseChecklist has already validated.

// EvidenceData is the user's data the rules read.
type EvidenceData struct {
	// CompanySlug is the chosen company ("" for none); Company its notes
	// (nil when none was chosen).
	CompanySlug string
	Company     *CompanyEntry
	// KnownCompanies are the slugs with notes in the home, for hints.
	KnownCompanies []string
	Stories        []StoryEntry
	History        *History
	Bank           *questions.Bank
	Rubric         *star.Rubric
	Progress       *ChecklistProgress
}

// Proof is what a rule found.
type Proof struct {
	Met bool
	// Detail says what was found, or what is missing, in a few words.
	Detail string
	// Command is the starprep command that gets the item done (when not met).
	Command string
}

type evidenceRule interface {
	prove(d *EvidenceData) Proof
}

func compileEvidence(e *questions.Evidence) evidenceRule {
	switch e.Kind {
	case "notes":
		return notesRule{field: e.Field, min: e.Needed()}
	case "answers":
		return answersRule{spec: e}
	case "stories":
		return storiesRule{min: e.Needed()}
	case "story-themes":
		return themesRule{themes: e.Competencies}
	case "story-results":
		return resultsRule{}
	case "strengths":
		return strengthsRule{min: e.Needed()}
	case "strengths-backed":
		return backedRule{}
	case "asks":
		return asksRule{min: e.Needed(), forCompany: e.ForCompany}
	}
	return unknownRule{kind: e.Kind}
}

type unknownRule struct{ kind string }

func (r unknownRule) prove(*EvidenceData) Proof {
	return Proof{Detail: fmt.Sprintf("starprep does not know evidence of kind %q", r.kind)}
}

func quantity(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// noCompany is the proof of a company rule when no company was chosen or
// its notes are only the shipped example.
func noCompany(d *EvidenceData) (Proof, bool) {
	switch {
	case d.CompanySlug == "" && len(d.KnownCompanies) == 0:
		return Proof{Detail: "needs the notes of the company you are interviewing with", Command: "starprep company add"}, true
	case d.CompanySlug == "":
		return Proof{Detail: "needs a company: run the checklist for one", Command: "starprep checklist --company " + d.KnownCompanies[0]}, true
	case d.Company == nil:
		return Proof{Detail: "no notes for " + d.CompanySlug, Command: "starprep company add"}, true
	case d.Company.Example:
		return Proof{Detail: d.CompanySlug + " is the shipped example, not your research: copy it and make it yours",
			Command: "starprep company add --from " + d.CompanySlug}, true
	}
	return Proof{}, false
}

type notesRule struct {
	field string
	min   int
}

func (r notesRule) prove(d *EvidenceData) Proof {
	if p, stop := noCompany(d); stop {
		return p
	}
	c := d.Company
	edit := "starprep company edit " + d.CompanySlug
	count := func(n int, one, many, what string) Proof {
		if n >= r.min {
			return Proof{Met: true, Detail: "your notes list " + quantity(n, one, many)}
		}
		if n == 0 {
			return Proof{Detail: "your notes list no " + many + " yet" + what, Command: edit}
		}
		return Proof{Detail: fmt.Sprintf("your notes list %s; aim for %d%s", quantity(n, one, many), r.min, what), Command: edit}
	}
	switch r.field {
	case "saved":
		return Proof{Met: true, Detail: "saved in " + d.Company.Path}
	case "products":
		return count(len(c.Products), "product", "products", "")
	case "values":
		return count(len(c.Values), "value", "values", "")
	case "news":
		p := count(len(c.News), "dated news item", "dated news items", "")
		if p.Met {
			p.Detail += ", the latest from " + c.LatestNews()[0].Date
		}
		return p
	case "channels":
		p := count(len(c.Support.Channels), "support channel", "support channels", "")
		if p.Met {
			p.Detail = "support channels: " + strings.Join(c.Support.Channels, ", ")
		}
		return p
	case "metrics":
		p := count(len(c.Support.Metrics), "support measure", "support measures", " (CSAT, first contact resolution, ...)")
		if p.Met {
			p.Detail = "support is measured by " + strings.Join(c.Support.Metrics, ", ")
		}
		return p
	case "sources":
		return count(len(c.Sources), "source", "sources", " (the pages you read)")
	case "questions":
		return count(len(c.QuestionsToAsk), "question to ask", "questions to ask", "")
	}
	return Proof{Detail: "unknown notes field " + r.field}
}

// bandRank orders bands: higher is better.
var bandRank = map[string]int{star.BandIncomplete: 0, star.BandNeedsWork: 1, star.BandGood: 2, star.BandStrong: 3}

type answersRule struct{ spec *questions.Evidence }

// counts reports whether an answer to q counts for the rule.
func (r answersRule) counts(q questions.Question) bool {
	e := r.spec
	if slices.Contains(e.Questions, q.ID) || slices.Contains(e.Categories, q.Category) {
		return true
	}
	for _, c := range q.Competencies {
		if slices.Contains(e.Competencies, c) {
			return true
		}
	}
	return false
}

func (r answersRule) prove(d *EvidenceData) Proof {
	e := r.spec
	if e.ForCompany {
		if p, stop := noCompany(d); stop && d.Company == nil {
			return p
		}
	}
	best := map[string]int{} // question id -> best band rank
	bestScore := 0
	if d.History != nil && d.Bank != nil {
		for _, rec := range d.History.Records {
			if rec.FollowUp || (e.ForCompany && rec.Company != d.CompanySlug) {
				continue
			}
			q, ok := d.Bank.Get(rec.QuestionID)
			if !ok || !r.counts(q) {
				continue
			}
			if prev, seen := best[rec.QuestionID]; !seen || bandRank[rec.Band] > prev {
				best[rec.QuestionID] = bandRank[rec.Band]
			}
			bestScore = max(bestScore, rec.Score)
		}
	}
	need := bandRank[e.Band]
	n := 0
	for _, rank := range best {
		if rank >= need {
			n++
		}
	}
	what := "question"
	if e.Band != "" {
		what = "question answered to " + e.Band + " or better"
	}
	whats := strings.Replace(what, "question", "questions", 1)
	if n >= e.Needed() {
		return Proof{Met: true, Detail: fmt.Sprintf("practised: %s, best score %d", quantity(n, what, whats), bestScore)}
	}
	// A rule that names questions leaves the command to the checklist
	// item, which knows how to reach them.
	cmd := ""
	if len(e.Categories) > 0 || len(e.Competencies) > 0 {
		cmd = "starprep interview"
		if len(e.Categories) > 0 {
			cmd += " --category " + strings.Join(e.Categories, ",")
		} else {
			cmd += " --competency " + strings.Join(e.Competencies, ",")
		}
		if e.ForCompany && d.CompanySlug != "" {
			cmd += " --company " + d.CompanySlug
		}
	}
	if n == 0 && len(best) == 0 {
		return Proof{Detail: "not practised in a mock interview yet", Command: cmd}
	}
	return Proof{Detail: fmt.Sprintf("%d of %d so far (%s)", n, e.Needed(), whats), Command: cmd}
}

type storiesRule struct{ min int }

func (r storiesRule) prove(d *EvidenceData) Proof {
	n := len(d.Stories)
	if n >= r.min {
		return Proof{Met: true, Detail: quantity(n, "story", "stories") + " in your story bank"}
	}
	return Proof{Detail: fmt.Sprintf("%s in your story bank so far; aim for %d", quantity(n, "story", "stories"), r.min), Command: "starprep stories add"}
}

// storyCompetencies counts, per competency, the stories that prove it.
func storyCompetencies(stories []StoryEntry) map[string]int {
	out := map[string]int{}
	for _, s := range stories {
		for _, c := range s.Competencies {
			out[c]++
		}
	}
	return out
}

type themesRule struct{ themes []string }

func (r themesRule) prove(d *EvidenceData) Proof {
	have := storyCompetencies(d.Stories)
	var missing []string
	for _, t := range r.themes {
		if have[t] == 0 {
			missing = append(missing, t)
		}
	}
	if len(missing) == 0 {
		return Proof{Met: true, Detail: fmt.Sprintf("your stories cover all %d themes", len(r.themes))}
	}
	return Proof{Detail: "no story yet for " + strings.Join(missing, ", "), Command: "starprep stories coverage"}
}

// measureRe finds what makes a result concrete: a number (digits or words),
// a share, a rating, or a measure CSR teams are judged by.
var measureRe = regexp.MustCompile(`(?i)\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|dozen|half|twice|double|doubled|tripled|percent|per cent|csat|nps|fcr|sla|first contact resolution|handle time|response time|out of|stars?|rated|rating)\b`)

// HasMeasure reports whether a result says something concrete or measured.
func HasMeasure(result string) bool { return measureRe.MatchString(result) }

type resultsRule struct{}

func (resultsRule) prove(d *EvidenceData) Proof {
	if len(d.Stories) == 0 {
		return Proof{Detail: "no stories yet", Command: "starprep stories add"}
	}
	var vague []string
	for _, s := range d.Stories {
		if !HasMeasure(s.STAR.Result) {
			vague = append(vague, s.ID)
		}
	}
	if len(vague) == 0 {
		return Proof{Met: true, Detail: "every story's result has a number or a measure"}
	}
	return Proof{Detail: fmt.Sprintf("%s without a number or measure in the result: %s", quantity(len(vague), "story", "stories"), strings.Join(vague, ", ")),
		Command: "starprep stories edit " + vague[0]}
}

type strengthsRule struct{ min int }

func (r strengthsRule) prove(d *EvidenceData) Proof {
	have := d.Progress.Strengths
	if len(have) >= r.min {
		return Proof{Met: true, Detail: "your strengths: " + strings.Join(have, ", ")}
	}
	cmd := "starprep checklist"
	if len(have) == 0 {
		return Proof{Detail: fmt.Sprintf("you have not named your %d strengths yet", r.min), Command: cmd}
	}
	return Proof{Detail: fmt.Sprintf("you named %s; name %d", quantity(len(have), "strength", "strengths"), r.min), Command: cmd}
}

type backedRule struct{}

func (backedRule) prove(d *EvidenceData) Proof {
	if len(d.Progress.Strengths) == 0 {
		return Proof{Detail: "name your strengths first", Command: "starprep checklist"}
	}
	have := storyCompetencies(d.Stories)
	var missing, backed []string
	for _, s := range d.Progress.Strengths {
		if have[s] == 0 {
			missing = append(missing, s)
		} else {
			backed = append(backed, fmt.Sprintf("%s (%d)", s, have[s]))
		}
	}
	if len(missing) == 0 {
		return Proof{Met: true, Detail: "a story proves each strength: " + strings.Join(backed, ", ")}
	}
	return Proof{Detail: "no story proves " + strings.Join(missing, ", ") + " yet", Command: "starprep stories add"}
}

type asksRule struct {
	min        int
	forCompany bool
}

// CompanySpecific reports whether a chosen question is about the company:
// it comes from the notes or names the company.
func CompanySpecific(a AskChoice, c *questions.Company) bool {
	if a.From == FromNotes {
		return true
	}
	if c == nil {
		return false
	}
	name := strings.ToLower(c.ShortName())
	text := strings.ToLower(a.Text)
	if name != "" && strings.Contains(text, name) {
		return true
	}
	first, _, _ := strings.Cut(name, " ")
	return len(first) >= 4 && strings.Contains(text, first)
}

func (r asksRule) prove(d *EvidenceData) Proof {
	asks := d.Progress.Asks(d.CompanySlug)
	cmd := "starprep checklist"
	if d.CompanySlug != "" {
		cmd += " --company " + d.CompanySlug
	}
	if r.forCompany {
		if p, stop := noCompany(d); stop && d.Company == nil {
			return p
		}
		var c *questions.Company
		if d.Company != nil {
			c = d.Company.Company
		}
		n := 0
		for _, a := range asks {
			if CompanySpecific(a, c) {
				n++
			}
		}
		if n >= r.min {
			return Proof{Met: true, Detail: quantity(n, "chosen question is", "chosen questions are") + " about the company"}
		}
		return Proof{Detail: "none of your chosen questions comes from your notes or names the company", Command: cmd}
	}
	if len(asks) >= r.min {
		return Proof{Met: true, Detail: quantity(len(asks), "question", "questions") + " chosen to ask"}
	}
	if len(asks) == 0 {
		return Proof{Detail: fmt.Sprintf("choose at least %d questions to ask", r.min), Command: cmd}
	}
	return Proof{Detail: fmt.Sprintf("%s chosen; choose at least %d", quantity(len(asks), "question", "questions"), r.min), Command: cmd}
}
