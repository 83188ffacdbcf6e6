package coach

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/termtext"
	"github.com/starprep/starprep/questions"
)

// Brief is one page to read on the way to an interview: the company in
// five lines, the candidate's strongest stories with what they prove, the
// questions to ask and the list for the day. Build it with BuildBrief, write
// it with WriteMarkdown or WriteHTML.
type Brief struct {
	Date        string // the day it was made, YYYY-MM-DD
	CompanyName string
	Slug        string
	Industry    string
	Example     bool
	// Facts are the five lines about the company, in order.
	Facts []BriefFact
	// Strengths are the strengths claimed, with how many stories prove each.
	Strengths []BriefStrength
	Stories   []BriefStory
	// Asks are the questions to ask; Chosen is false when none were chosen
	// in the checklist and these are suggestions.
	Asks   []AskChoice
	Chosen bool
	DayOf  []BriefItem
	Done   int
	Total  int
	Next   *NextAction
}

// BriefFact is one line about the company.
type BriefFact struct {
	Label, Text string
	Missing     bool // the notes do not say
}

// BriefStrength is a claimed strength and the stories that prove it.
type BriefStrength struct {
	Name    string
	Stories int
}

// BriefStory is one of the strongest stories.
type BriefStory struct {
	ID, Title    string
	Competencies []string
	Score        int
	Band         string
	// Result is the story's result, shortened to a line or two.
	Result string
}

// BriefItem is one thing for the day.
type BriefItem struct {
	Text string
	Done bool
}

// MaxBriefStories is how many stories a brief shows.
const MaxBriefStories = 4

// BuildBrief gathers the brief from the user's data. d must have a company
// (LoadEvidence with a slug).
func BuildBrief(cl *questions.Checklist, d *EvidenceData, now time.Time) *Brief {
	c := d.Company
	b := &Brief{Date: now.Format(time.DateOnly), CompanyName: c.Name, Slug: d.CompanySlug, Industry: c.Industry, Example: c.Example}
	fact := func(label string, list []string, sep string) BriefFact {
		if len(list) == 0 {
			return BriefFact{Label: label, Text: "not in your notes yet", Missing: true}
		}
		return BriefFact{Label: label, Text: strings.Join(list, sep)}
	}
	b.Facts = append(b.Facts, fact("Sells", c.Products, "; "), fact("Values", c.Values, "; "))
	if news := c.LatestNews(); len(news) > 0 {
		b.Facts = append(b.Facts, BriefFact{Label: "Latest news", Text: news[0].Date + ": " + news[0].Headline})
	} else {
		b.Facts = append(b.Facts, fact("Latest news", nil, ""))
	}
	b.Facts = append(b.Facts, fact("Support", c.Support.Channels, ", "), fact("Measured by", c.Support.Metrics, ", "))

	have := storyCompetencies(d.Stories)
	for _, s := range d.Progress.Strengths {
		b.Strengths = append(b.Strengths, BriefStrength{Name: s, Stories: have[s]})
	}
	var stories []BriefStory
	for _, e := range d.Stories {
		bs := BriefStory{ID: e.ID, Title: e.Title, Competencies: e.Competencies, Result: firstSentences(e.STAR.Result, 160)}
		if d.Rubric != nil {
			res := ScoreStory(d.Rubric, d.Bank, e.Story)
			bs.Score, bs.Band = res.Score, res.Band
		}
		stories = append(stories, bs)
	}
	slices.SortStableFunc(stories, func(x, y BriefStory) int { return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.ID, y.ID)) })
	b.Stories = stories[:min(len(stories), MaxBriefStories)]

	chosen := d.Progress.Asks(d.CompanySlug)
	b.Chosen = len(chosen) > 0
	if b.Chosen {
		b.Asks = chosen
	} else {
		b.Asks = pickAsks(nil, AskCandidates(d.Bank, c.Company), 4)
	}
	st := BuildChecklistStatus(cl, d)
	b.Done, b.Total, b.Next = st.Done, st.Total, st.Next
	if ss, ok := st.Step("interview-day"); ok {
		for _, it := range ss.Items {
			b.DayOf = append(b.DayOf, BriefItem{Text: it.Text, Done: it.Done})
		}
	}
	return b
}

// firstSentences is text cut to whole sentences within max characters (at
// least the first one, shortened at a word when it alone is longer).
func firstSentences(text string, max int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len([]rune(text)) <= max {
		return text
	}
	out := ""
	for _, s := range strings.SplitAfter(text, ". ") {
		if len([]rune(out+s)) > max {
			break
		}
		out += s
	}
	if out == "" {
		return shortenWords(text, max)
	}
	return strings.TrimSpace(out)
}

// plain makes text from a user's file safe to print on one line
// (termtext.Line), runs of white space made one space.
func plain(s string) string { return strings.Join(strings.Fields(termtext.Line(s)), " ") }

// md makes plain text safe inside a markdown line.
func md(s string) string { return termtext.Markdown(plain(s)) }

// briefWidth is where the markdown brief wraps, so it reads well in a
// terminal as well as rendered.
const briefWidth = 78

// item writes one markdown line, wrapped at briefWidth with continuation
// lines indented to stay in the list item.
func item(s *strings.Builder, line, indent string) {
	rest := strings.TrimLeft(line, " ")
	lead := line[:len(line)-len(rest)]
	s.WriteString(lead + wrapWords(rest, briefWidth-len(lead), indent))
	s.WriteString("\n")
}

// WriteMarkdown writes the brief as one page of markdown.
func (b *Brief) WriteMarkdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# Interview brief: %s\n\n", md(b.CompanyName))
	sub := "Prepared " + b.Date
	if b.Industry != "" {
		sub = md(b.Industry) + " · " + sub
	}
	s.WriteString(sub + "\n")
	if b.Example {
		s.WriteString("\n> These are the example notes that ship with starprep, not your own research.\n")
	}
	s.WriteString("\n## The company in five lines\n\n")
	for _, f := range b.Facts {
		text := md(f.Text)
		if f.Missing {
			text = "*" + text + "*"
		}
		item(&s, fmt.Sprintf("- **%s:** %s", f.Label, text), "  ")
	}
	s.WriteString("\n## Your strongest stories\n\n")
	if len(b.Strengths) > 0 {
		var parts []string
		for _, st := range b.Strengths {
			parts = append(parts, fmt.Sprintf("%s (%s)", md(st.Name), quantity(st.Stories, "story", "stories")))
		}
		item(&s, fmt.Sprintf("Strengths to show: %s.", strings.Join(parts, ", ")), "")
		s.WriteString("\n")
	}
	if len(b.Stories) == 0 {
		s.WriteString("No stories yet: add some with `starprep stories add`.\n")
	}
	for i, st := range b.Stories {
		item(&s, fmt.Sprintf("%d. **%s** (%d, %s): proves %s", i+1, md(st.Title), st.Score, st.Band, md(strings.Join(st.Competencies, ", "))), "   ")
		if st.Result != "" {
			item(&s, "   Result: "+md(st.Result), "   ")
		}
	}
	s.WriteString("\n## Questions to ask\n\n")
	if !b.Chosen {
		fmt.Fprintf(&s, "Suggestions; choose your own with `starprep checklist --company %s`.\n\n", b.Slug)
	}
	for i, a := range b.Asks {
		item(&s, fmt.Sprintf("%d. %s", i+1, md(a.Text)), "   ")
	}
	if len(b.DayOf) > 0 {
		s.WriteString("\n## On the day\n\n")
		for _, it := range b.DayOf {
			mark := " "
			if it.Done {
				mark = "x"
			}
			item(&s, fmt.Sprintf("- [%s] %s", mark, md(it.Text)), "      ")
		}
	}
	last := fmt.Sprintf("Checklist: %d of %d done.", b.Done, b.Total)
	if b.Next != nil {
		last += fmt.Sprintf(" Next: %s:", md(b.Next.Text))
	}
	s.WriteString("\n")
	item(&s, last, "")
	if b.Next != nil {
		fmt.Fprintf(&s, "`%s`\n", b.Next.Command) // whole, to copy
	}
	_, err := io.WriteString(w, s.String())
	return err
}
