package coach

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func briefHome(t *testing.T, notes string) *Brief {
	t.Helper()
	home := t.TempDir()
	writeFile(t, home, "companies/acme.yaml", notes)
	saveStories(t, home,
		story("angry-caller", false, "de-escalation", "empathy"),
		story("vague-one", true, "teamwork"),
		story("refund-mixup", false, "problem-solving"),
		story("black-friday", false, "resilience"),
		story("new-crm", false, "learning"),
	)
	writeFile(t, home, "checklist.yaml", `version: 1
strengths: [empathy, data-accuracy]
companies:
  acme:
    ticked:
      interview-day/what-to-bring: 2026-11-21
    asks:
      - {text: "How has the kitchen design service changed what customers call about?", from: notes}
      - {text: "What does training look like?", id: ask-training, from: bank}
`)
	d, _, err := LoadEvidence(ChecklistInput{Home: home, Company: "acme", Bank: shippedBank(t), Rubric: shippedRubric(t)})
	if err != nil {
		t.Fatal(err)
	}
	return BuildBrief(shippedChecklist(t), d, today)
}

func TestBriefMarkdown(t *testing.T) {
	b := briefHome(t, acmeNotes)
	var out bytes.Buffer
	if err := b.WriteMarkdown(&out); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	expectAll(t, md,
		"# Interview brief: Acme Home Supplies",
		"home improvement retail · Prepared 2026-11-22",
		"## The company in five lines",
		"- **Sells:** paint and decorating; garden tools; kitchen fittings",
		"- **Values:** Fix it first time; Every customer is a neighbour",
		"- **Latest news:** 2026-10-12: Acme launches a kitchen design service",
		"- **Support:** phone, live chat, email",
		"- **Measured by:** CSAT, first contact resolution",
		"## Your strongest stories",
		"Strengths to show: empathy (1 story), data-accuracy (0 stories).",
		"1. **Story ",
		"## Questions to ask",
		"1. How has the kitchen design service changed what customers call about?",
		"2. What does training look like?",
		"## On the day",
		"- [x] Pack what to bring",
		"- [ ] Plan your journey",
		"Checklist: ",
	)
	if n := strings.Count(md, "\n1. **") + strings.Count(md, "\n2. **") + strings.Count(md, "\n3. **") + strings.Count(md, "\n4. **") + strings.Count(md, "\n5. **"); n != MaxBriefStories {
		t.Errorf("%d stories shown, want the %d strongest", n, MaxBriefStories)
	}
	// The vague story scores lowest and is the one left out.
	if strings.Contains(md, "Story vague-one") {
		t.Errorf("the weakest story is in the brief:\n%s", md)
	}
	if lines := strings.Count(md, "\n"); lines > 60 {
		t.Errorf("the brief is %d lines: more than a page", lines)
	}
	for _, line := range strings.Split(md, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("a line of %d columns: %q", n, line)
		}
	}
}

func TestBriefSuggestsQuestionsWhenNoneChosenAndSaysWhatIsMissing(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "companies/thin.yaml", thinNotes)
	d, _, err := LoadEvidence(ChecklistInput{Home: home, Company: "thin", Bank: shippedBank(t), Rubric: shippedRubric(t)})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := BuildBrief(shippedChecklist(t), d, today).WriteMarkdown(&out); err != nil {
		t.Fatal(err)
	}
	expectAll(t, out.String(),
		"- **Values:** *not in your notes yet*",
		"- **Measured by:** *not in your notes yet*",
		"No stories yet: add some with `starprep stories add`.",
		"Suggestions; choose your own with `starprep checklist --company thin`.",
		"1. ",
	)
	if strings.Contains(out.String(), "{{company}}") {
		t.Errorf("a placeholder is left in:\n%s", out.String())
	}
}

// hostile notes: markup, an escape sequence and markdown in every field.
const hostileNotes = `name: "<script>alert(1)</script> & *Co*"
slug: acme
industry: "<b>bold</b>"
products: ["<img src=x onerror=alert(1)>", "a | b"]
values: ["\e]0;title\a [link](http://evil)"]
news:
  - {date: 2026-10-12, headline: "</dd><style>body{display:none}</style>"}
support:
  channels: ["chat\u202e"]
  metrics: ["CSAT"]
questions_to_ask: ["Why <this>?"]
`

func TestBriefHTMLIsOneSelfContainedEscapedPage(t *testing.T) {
	b := briefHome(t, hostileNotes)
	var out bytes.Buffer
	if err := b.WriteHTML(&out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	// Well-formed (the markup is XML-clean on purpose), one page, and every
	// piece of text from the notes arrived as text, not markup.
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(page, "<!DOCTYPE html>\n")))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	var elements []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, page)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elements = append(elements, tok.Name.Local)
			for _, a := range tok.Attr {
				if a.Name.Local == "src" || a.Name.Local == "href" || strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("<%s %s=%q>: the page must not load or run anything", tok.Name.Local, a.Name.Local, a.Value)
				}
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	count := map[string]int{}
	for _, e := range elements {
		count[e]++
	}
	for _, bad := range []string{"script", "img", "link", "iframe", "b", "a"} {
		if count[bad] > 0 {
			t.Errorf("%d <%s> elements in the page", count[bad], bad)
		}
	}
	if count["style"] != 1 || count["html"] != 1 || count["h2"] != 4 {
		t.Errorf("elements: %v", count)
	}
	for _, want := range []string{"<script>alert(1)</script> & *Co*", "<img src=x onerror=alert(1)>", "</dd><style>body{display:none}</style>"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text %q does not appear as text", want)
		}
	}
	if strings.ContainsAny(page, "\x1b\a\u202e") {
		t.Errorf("control characters reached the page")
	}
}

func TestBriefMarkdownEscapesTheNotes(t *testing.T) {
	b := briefHome(t, hostileNotes)
	var out bytes.Buffer
	if err := b.WriteMarkdown(&out); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	for _, want := range []string{`\<script\>alert(1)\</script\> & \*Co\*`, `\[link\](http://evil)`, `a \| b`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.ContainsAny(md, "\x1b\a\u202e") {
		t.Errorf("control characters reached the markdown")
	}
}
