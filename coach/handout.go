package coach

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/starprep/starprep/internal/termtext"
	"github.com/starprep/starprep/questions"
	"go.yaml.in/yaml/v3"
)

// SetFormats are the forms a set is written in.
var SetFormats = []string{"markdown", "yaml", "json", "csv"}

// SetSchema names the JSON form of a question set.
const SetSchema = "starprep.set/v1"

// WriteSet writes set in format: markdown is a handout to print or send,
// yaml a set file that `starprep interview --set` runs, json the same
// fields for programs, csv a row per question for a spreadsheet.
func WriteSet(w io.Writer, set *Set, format string) error {
	var b bytes.Buffer
	var err error
	switch format {
	case "markdown":
		writeHandout(&b, set)
	case "yaml":
		err = writeSetYAML(&b, set)
	case "json":
		err = writeSetJSON(&b, set)
	case "csv":
		err = writeSetCSV(&b, set)
	default:
		return fmt.Errorf("unknown set format %q", format)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// setFile is the yaml and json form; it is a question bank (version and
// questions) with the set's own fields, so ParseSet and --bank read it.
type setFile struct {
	Schema         string               `yaml:"-" json:"schema"`
	Version        int                  `yaml:"version" json:"version"`
	Title          string               `yaml:"title" json:"title"`
	MadeWith       string               `yaml:"made_with,omitempty" json:"made_with,omitempty"`
	Seed           int64                `yaml:"seed" json:"seed"`
	Company        string               `yaml:"company,omitempty" json:"company,omitempty"`
	Questions      []questions.Question `yaml:"questions" json:"questions"`
	QuestionsToAsk []string             `yaml:"questions_to_ask,omitempty" json:"questions_to_ask,omitempty"`
}

func newSetFile(set *Set) setFile {
	f := setFile{Schema: SetSchema, Version: 1, Title: setTitle(set), MadeWith: set.Spec.MadeWith, Seed: set.Spec.Seed,
		Questions: set.Questions, QuestionsToAsk: set.Ask}
	if set.Spec.Company != nil {
		f.Company = set.Spec.Company.Slug
	}
	return f
}

func setTitle(set *Set) string {
	if c := set.Spec.Company; c != nil {
		return "Interview practice: " + c.Name
	}
	return "Interview practice"
}

func writeSetYAML(b *bytes.Buffer, set *Set) error {
	b.WriteString("# A starprep question set. Practise it with: starprep interview --set FILE\n")
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	if err := enc.Encode(newSetFile(set)); err != nil {
		return err
	}
	return enc.Close()
}

func writeSetJSON(b *bytes.Buffer, set *Set) error {
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(newSetFile(set)); err != nil {
		return err
	}
	b.Write(termtext.EscapeJSON(raw.Bytes()))
	return nil
}

// setCSVHeader are the columns of --format csv; lists are joined with "; ".
var setCSVHeader = []string{"n", "id", "category", "competencies", "difficulty", "star", "text", "look_for", "follow_ups", "example"}

func writeSetCSV(b *bytes.Buffer, set *Set) error {
	cw := termtext.NewCSVWriter(b)
	_ = cw.Write(setCSVHeader)
	for i, q := range set.Questions {
		_ = cw.Write([]string{strconv.Itoa(i + 1), q.ID, q.Category, strings.Join(q.Competencies, "; "), strconv.Itoa(q.Difficulty),
			strconv.FormatBool(q.STAR), flat(q.Text), strings.Join(q.LookFor, "; "), strings.Join(q.FollowUps, "; "), flat(q.Example)})
	}
	// The questions to ask the interviewer come last, with no id.
	for i, a := range set.Ask {
		_ = cw.Write([]string{strconv.Itoa(len(set.Questions) + i + 1), "", "ask", "", "", "false", flat(a), "", "", ""})
	}
	return cw.Flush()
}

// flat puts text on one line for a spreadsheet cell.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeHandout writes the Markdown handout: how to answer with STAR, then
// each question with what interviewers listen for and room for notes.
func writeHandout(b *bytes.Buffer, set *Set) {
	company := "this company"
	if c := set.Spec.Company; c != nil {
		company = c.Name
	}
	fmt.Fprintf(b, "# %s\n\n", setTitle(set))
	n := len(set.Questions)
	fmt.Fprintf(b, "%d question%s for a customer service interview. Answer each one out loud, as you would in the room, then jot down notes under it: the story you will tell and the numbers that prove it.\n\n", n, plural(n))
	b.WriteString(`## How to answer with STAR

Most of these questions ask for a real example from your own work. Tell it in four parts:

- **Situation**: where and when it happened, and who the customer was. Two or three sentences are enough.
- **Task**: what you were responsible for, in one sentence.
- **Action**: what you did, step by step, in the first person: "I checked the order history", not "we sorted it out". Spend most of the answer here.
- **Result**: how it ended, with a measure if you have one (a survey score, a wait time, a refund saved), and what you learned.

Aim for one to two minutes a story, about 200 to 300 words. Talk about something that happened, not what you would do.

## Questions

`)
	for i, q := range set.Questions {
		text := questions.Fill(q.Text, company)
		fmt.Fprintf(b, "### %d. %s\n\n", i+1, mdEscape(text))
		kind := "a STAR story"
		if !q.STAR {
			kind = "a short, specific answer"
		}
		fmt.Fprintf(b, "*%s · %s · difficulty %d of 3 · %s*\n\n", title(q.Category), mdEscape(strings.Join(q.Competencies, ", ")), q.Difficulty, kind)
		if len(q.LookFor) > 0 {
			b.WriteString("What interviewers listen for:\n\n")
			for _, l := range q.LookFor {
				fmt.Fprintf(b, "- %s\n", mdEscape(l))
			}
			b.WriteString("\n")
		}
		if len(q.FollowUps) > 0 {
			fmt.Fprintf(b, "They may follow up with: %s\n\n", mdEscape(strings.Join(fillAll(q.FollowUps, company), " / ")))
		}
		b.WriteString("Your notes:\n\n")
		if q.STAR {
			b.WriteString("- Situation:\n- Task:\n- Action:\n- Result:\n\n")
		} else {
			b.WriteString("- Main point:\n- Example or detail:\n- Tie to the role:\n\n")
		}
		if set.Spec.WithAnswers && strings.TrimSpace(q.Example) != "" {
			b.WriteString("**Example answer** (coach's copy):\n\n")
			for _, line := range strings.Split(strings.TrimSpace(questions.Fill(q.Example, company)), "\n") {
				fmt.Fprintf(b, "> %s\n", mdEscape(line))
			}
			b.WriteString("\n")
		}
	}
	if len(set.Ask) > 0 {
		fmt.Fprintf(b, "## Questions to ask the interviewer\n\nPick three or four, and have one ready about %s itself.\n\n", mdEscape(company))
		for i, a := range set.Ask {
			fmt.Fprintf(b, "%d. %s\n", i+1, mdEscape(a))
		}
		b.WriteString("\n")
	}
	b.WriteString("---\n\n")
	if set.Spec.MadeWith != "" {
		fmt.Fprintf(b, "Made with `%s`; the same command makes the same set again, and with `--format yaml -o set.yaml` a file to practise with `starprep interview --set set.yaml`.\n", set.Spec.MadeWith)
	}
}

func fillAll(list []string, company string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = questions.Fill(s, company)
	}
	return out
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdEscape keeps text from a bank or company notes from turning into
// Markdown markup it never meant (or reaching a terminal raw).
func mdEscape(s string) string { return termtext.Markdown(s) }
