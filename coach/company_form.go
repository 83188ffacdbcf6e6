package coach

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/starprep/starprep/questions"
)

// CompanyForm asks for a company's research notes field by field: name,
// slug, industry, products, values, dated news, support channels and the
// metrics the team is judged by, questions to ask, sources and a line of
// notes. Every answer is checked as it is typed; a wrong one is explained
// and asked again. Run it with Run.
type CompanyForm struct {
	Prompter Prompter
	Out      io.Writer
	Now      func() time.Time
	// Store is where the notes will go: a slug that already has notes
	// there is refused.
	Store *Companies
}

// Limits on what a form accepts, so notes stay readable.
const (
	maxNameLen     = 80
	maxEntryLen    = 200
	maxListEntries = 20
	maxNoteLen     = 500
)

// Run asks for the notes and returns them (not yet saved), or nil when the
// person chose not to save. A prompt error (Ctrl-C: ErrInterrupted) stops it.
func (cf *CompanyForm) Run() (*questions.Company, error) {
	f := form{p: cf.Prompter, out: cf.Out}
	fmt.Fprintln(cf.Out, "New company notes. Press Enter to skip an optional field; you can add to")
	fmt.Fprintln(cf.Out, "everything later with `starprep company edit`.")
	fmt.Fprintln(cf.Out)
	c := &questions.Company{}
	var err error
	if c.Name, err = f.text("Company name", "The employer's name as you would say it in the interview.", required("name", maxNameLen)); err != nil {
		return nil, err
	}
	suggested := questions.Slugify(c.Name, 40)
	if c.Slug, err = f.text(withDefault("Short name (slug)", suggested),
		"Lower-case letters, digits and hyphens (acme-retail). It names the notes file, and --company takes it.", cf.checkSlug(suggested)); err != nil {
		return nil, err
	}
	if c.Industry, err = f.text("Industry (optional)", "What the company does, in a few words: online apparel retail, broadband, banking.", optional("industry", maxNameLen)); err != nil {
		return nil, err
	}
	fmt.Fprintln(cf.Out, "\nList one entry per prompt; an empty one moves on.")
	if c.Products, err = f.list(func(n int) string { return fmt.Sprintf("Product or service %d", n) },
		"What customers buy: the best-sellers and the things support hears about most.", maxListEntries, required("product", maxEntryLen)); err != nil {
		return nil, err
	}
	if c.Values, err = f.list(func(n int) string { return fmt.Sprintf("Value %d", n) },
		"Its stated values or mission, in your own words (see the About and Careers pages).", maxListEntries, required("value", maxEntryLen)); err != nil {
		return nil, err
	}
	if c.News, err = cf.news(f); err != nil {
		return nil, err
	}
	if c.Support.Channels, err = f.commaList("Support channels, comma-separated",
		"How customers reach support, such as phone, live chat, email, social media. Try the help centre and contact page yourself.", nil, false, required("channel", 60)); err != nil {
		return nil, err
	}
	if c.Support.Metrics, err = f.commaList("Support measures, comma-separated",
		"What the support team is judged by, such as CSAT, first contact resolution, response time. Job adverts and careers pages often name them.", nil, false, required("measure", 60)); err != nil {
		return nil, err
	}
	if c.QuestionsToAsk, err = f.list(func(n int) string { return fmt.Sprintf("A question to ask them %d", n) },
		"Something you want to know about this company or the role; the checklist adds the bank's ideas.", maxListEntries, checkQuestion); err != nil {
		return nil, err
	}
	if c.Sources, err = f.list(func(n int) string { return fmt.Sprintf("Source %d (web address)", n) },
		"The pages you took facts from, starting with https://.", maxListEntries, checkSource); err != nil {
		return nil, err
	}
	if c.Notes, err = f.text("Anything else to remember (one line, optional)", "More notes can go in later with starprep company edit.", optional("note", maxNoteLen)); err != nil {
		return nil, err
	}
	fmt.Fprintln(cf.Out)
	filled := len(c.Sections()) - len(c.Missing())
	fmt.Fprintf(cf.Out, "%s: %d of %d sections filled in", c.Name, filled, len(c.Sections()))
	if m := c.Missing(); len(m) > 0 {
		fmt.Fprintf(cf.Out, " (still to find: %s)", strings.Join(m, ", "))
	}
	fmt.Fprintln(cf.Out, ".")
	fmt.Fprintf(cf.Out, "They go in %s.\n", cf.Store.Path(c.Slug))
	ok, err := cf.Prompter.Confirm("Save the notes?", true)
	if err != nil || !ok {
		return nil, err
	}
	return c, nil
}

func (cf *CompanyForm) checkSlug(suggested string) func(string) (string, error) {
	return func(s string) (string, error) {
		if s == "" {
			s = suggested
		}
		switch {
		case s == "":
			return "", invalidf("type a short name of lower-case letters and digits, such as acme")
		case !questions.ValidSlug(s):
			return "", invalidf("%q: use lower-case letters, digits and single hyphens (at most %d), such as acme-retail", s, questions.MaxSlugLen)
		case cf.Store.Exists(s):
			return "", invalidf("you already have notes for %s: choose another name, or change them with starprep company edit %s", s, s)
		}
		return s, nil
	}
}

func (cf *CompanyForm) news(f form) ([]questions.NewsItem, error) {
	var out []questions.NewsItem
	today := cf.Now().Format(time.DateOnly)
	for len(out) < maxListEntries {
		n := len(out) + 1
		date, err := f.text(fmt.Sprintf("News %d: date (YYYY-MM-DD)", n), "A launch, an expansion, an award or a problem from the last months. Enter with no date moves on.",
			func(s string) (string, error) {
				if s == "" {
					return "", nil
				}
				d, err := time.Parse(time.DateOnly, s)
				if err != nil {
					return "", invalidf("%q is not a date: write it as YYYY-MM-DD, such as %s", s, today)
				}
				if d.Format(time.DateOnly) > today {
					return "", invalidf("%s is in the future: give the day the news came out", s)
				}
				return s, nil
			})
		if err != nil {
			return nil, err
		}
		if date == "" {
			return out, nil
		}
		item := questions.NewsItem{Date: date}
		if item.Headline, err = f.text(fmt.Sprintf("News %d: headline", n), "What happened, in one line.", required("headline", maxEntryLen)); err != nil {
			return nil, err
		}
		if item.Note, err = f.text(fmt.Sprintf("News %d: what it means for support (optional)", n), "New kinds of contact it may bring, or a question you could ask about it.", optional("note", maxEntryLen)); err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	return out, nil
}

func checkQuestion(s string) (string, error) {
	if err := plainText(s, maxEntryLen, "question"); err != nil {
		return "", err
	}
	if len(strings.Fields(s)) < 3 {
		return "", invalidf("write the whole question, as you would ask it")
	}
	return s, nil
}

func checkSource(s string) (string, error) {
	if err := plainText(s, maxEntryLen, "source"); err != nil {
		return "", err
	}
	if !questions.IsWebAddress(s) {
		if !strings.Contains(s, "://") && strings.Contains(s, ".") && !strings.Contains(s, " ") {
			return "", invalidf("%q: give the full web address, starting with https://%s", s, s)
		}
		return "", invalidf("%q is not a web address: give one starting with https://", s)
	}
	return s, nil
}
