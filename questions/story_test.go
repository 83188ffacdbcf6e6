package questions

import (
	"strings"
	"testing"
)

const goodStory = `id: late-parcel
title: Late parcel before a wedding
competencies: [empathy, problem-solving]
star:
  situation: A customer's dress had not arrived two days before her wedding.
  task: I had to get it to her in time.
  action: I traced the parcel, found it at the depot and booked a same-day courier.
  result: It arrived the next morning and she wrote to thank the team.
used_for: [late-delivery]
`

func TestParseStory(t *testing.T) {
	t.Parallel()
	s, err := ParseStory([]byte(goodStory), "late-parcel.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "late-parcel" || s.STAR.Get("action") == "" || len(s.UsedFor) != 1 {
		t.Errorf("story = %+v", s)
	}
	// It survives a round trip through the file format.
	raw, err := MarshalStory(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseStory(raw, "again.yaml")
	if err != nil || back.STAR != s.STAR || back.Title != s.Title {
		t.Errorf("round trip: %+v, %v\n%s", back, err, raw)
	}
	if !strings.HasPrefix(string(raw), "# A story from your own experience") {
		t.Errorf("no explaining comment:\n%s", raw)
	}
}

func TestParseStoryProblems(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, yaml, want string }{
		{"empty", "", "a story is one YAML mapping"},
		{"a list", "- a\n", "a story is a mapping"},
		{"syntax", "id: x\ntitle: [oops\n", "s.yaml:2:"},
		{"misspelt field", strings.Replace(goodStory, "title:", "tilte:", 1), `s.yaml:2: unknown field "tilte" (did you mean "title"?)`},
		{"bad id", strings.Replace(goodStory, "id: late-parcel", "id: ../late", 1), `s.yaml:1: id "../late": use lower-case letters`},
		{"no competencies", strings.Replace(goodStory, "competencies: [empathy, problem-solving]", "competencies: []", 1), "s.yaml:3: list at least one competency"},
		{"a bad competency", strings.Replace(goodStory, "empathy,", "Empathy Skills,", 1), `s.yaml:3: competency "Empathy Skills"`},
		{"an empty part", strings.Replace(goodStory, "task: I had to get it to her in time.", "task: \"\"", 1), "s.yaml:6: star.task is empty: what you were responsible for"},
		{"a missing part", strings.Replace(goodStory, "  result: It arrived the next morning and she wrote to thank the team.\n", "", 1), "s.yaml:5: star.result is empty"},
		{"a bad question id", strings.Replace(goodStory, "[late-delivery]", "[Late Delivery]", 1), `s.yaml:9: used_for "Late Delivery"`},
	}
	for _, c := range cases {
		_, err := ParseStory([]byte(c.yaml), "s.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Northwind Outfitters (UK)": "northwind-outfitters-uk",
		"  Acme!! ":                 "acme",
		"Café Düsseldorf":           "caf-d-sseldorf",
		"日本":                        "",
		"A very long company name that goes on and on": "a-very-long-company-name-that-goes-on",
	} {
		if got := Slugify(in, 40); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
		if got := Slugify(in, 40); got != "" && !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", in, got)
		}
	}
}

func TestCompanyChecksAndHelpers(t *testing.T) {
	t.Parallel()
	base := "name: Acme (example)\nslug: acme\n"
	for _, c := range []struct{ yaml, want string }{
		{base + "sources: [example.com/about]\n", `c.yaml:3: source "example.com/about": give the web address`},
		{base + "products: [paint, \"\"]\n", "c.yaml:3: products has an empty entry"},
		{base + "support:\n  channels: [phone, \" \"]\n", "c.yaml:4: support.channels has an empty entry"},
		{"name: Acme\nslug: " + strings.Repeat("a", 65) + "\n", "at most 64 characters"},
	} {
		if _, err := ParseCompany([]byte(c.yaml), "c.yaml"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.yaml, err, c.want)
		}
	}
	c, err := ParseCompany([]byte(base+"products: [paint]\nvalues: [care]\nsupport: {channels: [chat], metrics: [CSAT]}\nnews:\n  - {date: 2026-01-01, headline: old}\n  - {date: 2026-06-01, headline: new}\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.ShortName() != "Acme" || c.LatestNews()[0].Headline != "new" {
		t.Errorf("short name %q, latest %v", c.ShortName(), c.LatestNews())
	}
	var terms []string
	for _, tm := range c.Terms() {
		terms = append(terms, tm.Kind+":"+tm.Text)
	}
	if got := strings.Join(terms, ","); got != "value:care,product:paint,channel:chat,metric:CSAT" {
		t.Errorf("terms = %s", got)
	}
	if got := strings.Join(c.Missing(), ","); got != "industry,questions to ask,notes,sources" {
		t.Errorf("missing = %s", got)
	}
	raw, err := MarshalCompany(c)
	if err != nil {
		t.Fatal(err)
	}
	if back, err := ParseCompany(raw, "again.yaml"); err != nil || len(back.News) != 2 || back.Support.Metrics[0] != "CSAT" {
		t.Errorf("round trip: %+v %v\n%s", back, err, raw)
	}
}
