package coach

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// StoryForm asks for a story: a title, an id, the competencies it proves,
// its four STAR parts and the questions it answers. With Draft (from a
// saved answer) each part it already has is shown and kept or rewritten.
// Run it with Run.
type StoryForm struct {
	Prompter Prompter
	Out      io.Writer
	Store    *Stories
	Bank     *questions.Bank
	Rubric   *star.Rubric
	// Draft prefills the form (StoryFromAnswer); nil for a new story.
	Draft *questions.Story
}

// Run asks for the story and returns it (not yet saved), or nil when the
// person chose not to save it.
func (sf *StoryForm) Run() (*questions.Story, error) {
	f := form{p: sf.Prompter, out: sf.Out}
	d := sf.Draft
	if d == nil {
		d = &questions.Story{}
		fmt.Fprintln(sf.Out, "A new story for your story bank: one real event you can tell in STAR shape.")
	} else {
		fmt.Fprintf(sf.Out, "A new story from answer %s.\n", d.Source)
	}
	s := &questions.Story{Source: d.Source}
	var err error
	titleCheck := required("title", 100)
	if d.Title != "" {
		titleCheck = func(v string) (string, error) {
			if v == "" {
				v = d.Title
			}
			return required("title", 100)(v)
		}
	}
	if s.Title, err = f.text(withDefault("Title", d.Title), "A few words you will recognise it by: Late parcel before a wedding.", titleCheck); err != nil {
		return nil, err
	}
	suggested := questions.Slugify(s.Title, 40)
	if s.ID, err = f.text(withDefault("Id", suggested), "Lower-case letters, digits and hyphens; it names the file.", sf.checkID(suggested)); err != nil {
		return nil, err
	}
	if s.Competencies, err = sf.competencies(f, d.Competencies); err != nil {
		return nil, err
	}
	for _, part := range questions.StoryPartNames {
		text, err := sf.part(f, part, d.STAR.Get(part))
		if err != nil {
			return nil, err
		}
		s.STAR.Set(part, text)
	}
	if s.UsedFor, err = sf.usedFor(f, d.UsedFor); err != nil {
		return nil, err
	}
	if sf.Rubric != nil {
		res := ScoreStory(sf.Rubric, sf.Bank, s)
		fmt.Fprintf(sf.Out, "\nTold as written, it scores %d/100 (%s).\n", res.Score, res.Band)
		if len(res.Tips) > 0 {
			fmt.Fprintf(sf.Out, "Tip: %s\n", res.Tips[0])
		}
	}
	fmt.Fprintf(sf.Out, "It goes in %s.\n", sf.Store.Path(s.ID))
	ok, err := sf.Prompter.Confirm("Save the story?", true)
	if err != nil || !ok {
		return nil, err
	}
	return s, nil
}

func (sf *StoryForm) checkID(suggested string) func(string) (string, error) {
	return func(s string) (string, error) {
		if s == "" {
			s = suggested
		}
		switch {
		case s == "":
			return "", invalidf("type an id of lower-case letters and digits, such as late-parcel")
		case !questions.ValidSlug(s):
			return "", invalidf("%q: use lower-case letters, digits and single hyphens (at most %d), such as late-parcel", s, questions.MaxSlugLen)
		case sf.Store.Exists(s):
			return "", invalidf("you already have a story %s: choose another id, or change it with starprep stories edit %s", s, s)
		}
		return s, nil
	}
}

func (sf *StoryForm) competencies(f form, def []string) ([]string, error) {
	var known []string
	if sf.Bank != nil {
		known = sf.Bank.Competencies()
	}
	help := "What the story proves, comma-separated."
	if len(known) > 0 {
		help += " The bank's: " + strings.Join(known, ", ")
	}
	var list []string
	msg := withDefault("Competencies it proves", strings.Join(def, ", "))
	_, err := f.text(msg, help, func(s string) (string, error) {
		list = nil
		if s == "" {
			if len(def) == 0 {
				return "", invalidf("name at least one, such as de-escalation or empathy")
			}
			list = slices.Clone(def)
			return s, nil
		}
		var err error
		if list, err = competencyList(s, known); err != nil {
			return "", err
		}
		if len(list) == 0 {
			return "", invalidf("name at least one, such as de-escalation or empathy")
		}
		return s, nil
	})
	return list, err
}

// part asks for one STAR part, or offers to keep the draft's.
func (sf *StoryForm) part(f form, part, draft string) (string, error) {
	label := strings.ToUpper(part[:1]) + part[1:]
	if strings.TrimSpace(draft) != "" {
		fmt.Fprintf(sf.Out, "\n%s, from your answer:\n%s\n", label, indentText(draft, "  "))
		i, err := sf.Prompter.Select(label+":", []string{"Keep it", "Write it again"}, 0)
		if err != nil {
			return "", err
		}
		if i == 0 {
			return draft, nil
		}
	}
	return f.multiline(label, upperFirst(questions.PartReminder(part))+". "+partHelp(part), paragraph(part, 3, 3000))
}

func partHelp(part string) string {
	switch part {
	case "situation":
		return "Set the scene briefly: the job, the customer, what went wrong."
	case "task":
		return "One or two sentences: what was yours to do."
	case "action":
		return "The heart of the story: each step you took, in order, with \"I\"."
	case "result":
		return "What changed because of what you did: a number if you have one, and the lesson."
	}
	return ""
}

func (sf *StoryForm) usedFor(f form, def []string) ([]string, error) {
	msg := withDefault("Questions it answers (optional)", strings.Join(def, ", "))
	return f.commaList(msg, "Question ids, comma-separated, as starprep questions list shows them: angry-customer-time, extra-mile.", def, false, func(id string) (string, error) {
		if sf.Bank == nil {
			return id, nil
		}
		if _, ok := sf.Bank.Get(id); ok {
			return id, nil
		}
		if near := sf.Bank.Closest(id); len(near) > 0 {
			return "", invalidf("no question %q: did you mean %s?", id, strings.Join(near, ", "))
		}
		return "", invalidf("no question %q in the bank (see the ids with starprep questions list)", id)
	})
}

func indentText(s, prefix string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}
