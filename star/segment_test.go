package star_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/star"
)

// segCase is one free-text input and the sentences a reader would see in it.
type segCase struct {
	name string
	in   string
	want []string // sentence texts, whitespace-normalised
	// labels, when set, are the explicit STAR labels of the sentences.
	labels []string
	// paras, when set, are the paragraph numbers of the sentences.
	paras []int
}

var segCases = []segCase{
	{
		name: "title abbreviations and U.S.",
		in:   "I spoke to Mr. Patel and Dr. Jones in the U.S. office about it. They agreed to a refund.",
		want: []string{"I spoke to Mr. Patel and Dr. Jones in the U.S. office about it.", "They agreed to a refund."},
	},
	{
		name: "initial",
		in:   "I put her through to J. Smith in billing. He sorted it.",
		want: []string{"I put her through to J. Smith in billing.", "He sorted it."},
	},
	{
		name: "decimals and prices",
		in:   "The refund was 3.5 times the usual amount. I paid back £12.99. She left happy.",
		want: []string{"The refund was 3.5 times the usual amount.", "I paid back £12.99.", "She left happy."},
	},
	{
		name: "e.g. mid-sentence",
		in:   "We logged it in our tools, e.g. Zendesk and the CRM, to track it. Then it was done.",
		want: []string{"We logged it in our tools, e.g. Zendesk and the CRM, to track it.", "Then it was done."},
	},
	{
		name: "e.g. before a capital",
		in:   "I used every channel, e.g. Live chat and email, to reach her. She replied that day.",
		want: []string{"I used every channel, e.g. Live chat and email, to reach her.", "She replied that day."},
	},
	{
		name: "no at the end of a sentence",
		in:   "I had to tell her no. She was upset.",
		want: []string{"I had to tell her no.", "She was upset."},
	},
	{
		name: "No. before a number",
		in:   "I quoted order No. 5521 back to her. She agreed.",
		want: []string{"I quoted order No. 5521 back to her.", "She agreed."},
	},
	{
		name: "question and exclamation marks",
		in:   "Why did it fail? Because nobody had escalated it! I fixed that.",
		want: []string{"Why did it fail?", "Because nobody had escalated it!", "I fixed that."},
	},
	{
		name: "full stop inside quotes",
		in:   `She said "I want a refund." Then I checked her order.`,
		want: []string{`She said "I want a refund."`, "Then I checked her order."},
	},
	{
		name: "bullet lists of every kind",
		in:   "I did five things.\n- I called the courier\n* I emailed the customer\n• I logged the ticket\n1. I checked the order\n2) I refunded the postage",
		want: []string{"I did five things.", "I called the courier", "I emailed the customer", "I logged the ticket", "I checked the order", "I refunded the postage"},
	},
	{
		name: "bullets after a line without a full stop",
		in:   "What I did\n- rang the depot\n- rebooked the delivery",
		want: []string{"What I did", "rang the depot", "rebooked the delivery"},
	},
	{
		name: "line breaks inside a sentence join it",
		in:   "She said the parcel had\narrived broken and wanted\na new one. I checked the stock.",
		want: []string{"She said the parcel had arrived broken and wanted a new one.", "I checked the stock."},
	},
	{
		name: "line break after a full stop ends a sentence",
		in:   "I checked the order.\nit had shipped late.",
		want: []string{"I checked the order.", "it had shipped late."},
	},
	{
		name: "windows line endings",
		in:   "I checked the order.\r\nIt had shipped late.\r\n",
		want: []string{"I checked the order.", "It had shipped late."},
	},
	{
		name:  "paragraphs are counted",
		in:    "A customer rang. She was upset.\n\nI listened.\n  \nShe calmed down.",
		want:  []string{"A customer rang.", "She was upset.", "I listened.", "She calmed down."},
		paras: []int{0, 0, 1, 2},
	},
	{
		name:   "explicit labels",
		in:     "Situation: A customer called about a lost parcel.\n**Task:** I had to find it by Friday.\nA: I rang the depot. Then I rebooked it.\nThe result? She got it on Thursday.",
		want:   []string{"A customer called about a lost parcel.", "I had to find it by Friday.", "I rang the depot.", "Then I rebooked it.", "She got it on Thursday."},
		labels: []string{"situation", "task", "action", "action", "result"},
	},
	{
		name:   "one-letter and dash labels",
		in:     "S: It was the Christmas rush.\nT: I had to clear the queue.\nAction - I split it by channel.\nR: We cleared it by noon.",
		want:   []string{"It was the Christmas rush.", "I had to clear the queue.", "I split it by channel.", "We cleared it by noon."},
		labels: []string{"situation", "task", "action", "result"},
	},
	{
		name:   "labels on one line",
		in:     "Situation: The tills went down. Task: I had to keep the queue moving. Result: Nobody left.",
		want:   []string{"The tills went down.", "I had to keep the queue moving.", "Nobody left."},
		labels: []string{"situation", "task", "result"},
	},
	{
		name:   "label words in a sentence are not labels",
		in:     "The situation was tense. My task was simple: find the parcel.",
		want:   []string{"The situation was tense.", "My task was simple: find the parcel."},
		labels: []string{"", ""},
	},
	{
		name: "run-ons stay one sentence (clauses are cut later)",
		in:   "I listened to the customer for a long time about the delayed order, so I decided to call the warehouse.",
		want: []string{"I listened to the customer for a long time about the delayed order, so I decided to call the warehouse."},
	},
	{
		name:   "a heading label lasts until the next label",
		in:     "## Situation\n\nA customer's parcel was lost.\n\nShe had waited a week.\n\n## Action\n\nI rang the depot.",
		want:   []string{"A customer's parcel was lost.", "She had waited a week.", "I rang the depot."},
		labels: []string{"situation", "situation", "action"},
	},
	{
		name:   "an inline label ends at a blank line",
		in:     "Task: find the parcel by Friday.\n\nI rang the depot first.",
		want:   []string{"find the parcel by Friday.", "I rang the depot first."},
		labels: []string{"task", ""},
	},
	{
		name:   "an inline label does not carry into a list after it",
		in:     "Goal: cut the queue before lunch.\n- I split the calls by topic\n- I took the billing ones myself",
		want:   []string{"cut the queue before lunch.", "I split the calls by topic", "I took the billing ones myself"},
		labels: []string{"task", "", ""},
	},
	{
		name:   "a label on a list item carries to the items after it",
		in:     "- Action: I called the courier\n- I rebooked the delivery",
		want:   []string{"I called the courier", "I rebooked the delivery"},
		labels: []string{"action", "action"},
	},
	{
		name:   "a heading label carries into its list",
		in:     "Action:\n- I called the courier\n- I rebooked the delivery\nResult:\n- It came on Friday",
		want:   []string{"I called the courier", "I rebooked the delivery", "It came on Friday"},
		labels: []string{"action", "action", "result"},
	},
	{
		name: "lines without full stops, one idea each",
		in:   "I was responsible for the returns desk\nI logged every return that week\nThe backlog fell by half",
		want: []string{"I was responsible for the returns desk", "I logged every return that week", "The backlog fell by half"},
	},
	{
		name: "several blank lines make no empty sentences",
		in:   "\n\nI listened.\n\n\n\nShe calmed down.\n\n",
		want: []string{"I listened.", "She calmed down."},
	},
	{
		name: "empty",
		in:   " \n\n\t ",
		want: nil,
	},
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSegment(t *testing.T) {
	for _, c := range segCases {
		t.Run(c.name, func(t *testing.T) {
			got := star.Segment(c.in)
			var texts, labels []string
			var paras []int
			for _, s := range got {
				texts = append(texts, normSpace(s.Text))
				labels = append(labels, s.Label)
				paras = append(paras, s.Para)
			}
			if !slices.Equal(texts, c.want) {
				t.Fatalf("Segment(%q)\n got: %q\nwant: %q", c.in, texts, c.want)
			}
			if c.labels != nil && !slices.Equal(labels, c.labels) {
				t.Errorf("labels: got %q, want %q", labels, c.labels)
			}
			if c.paras != nil && !slices.Equal(paras, c.paras) {
				t.Errorf("paragraphs: got %v, want %v", paras, c.paras)
			}
		})
	}
}

// TestSegmentVerbatim: every sentence is a piece of the input exactly as the
// person wrote it (DESIGN.md: "sentences ... verbatim"), so scripts can find
// it in the answer.
func TestSegmentVerbatim(t *testing.T) {
	for _, c := range segCases {
		t.Run(c.name, func(t *testing.T) {
			for _, s := range star.Segment(c.in) {
				if s.Text == "" {
					t.Errorf("empty sentence in %q", c.in)
				}
				if !strings.Contains(c.in, s.Text) {
					t.Errorf("sentence %q is not verbatim in %q", s.Text, c.in)
				}
			}
		})
	}
}

// TestSegmentKeepsEveryWord: apart from labels and list markers, no word of
// the input is lost or repeated.
func TestSegmentKeepsEveryWord(t *testing.T) {
	in := "Last May I was on the returns desk. A man brought back a kettle, e.g. the 1.7 litre one, without a receipt.\n\n- I checked the card payment\n- I found the sale\n\nIn the end he left with a new kettle and then he came back the next week to say thanks to the whole team, so I passed that on to my manager and the team."
	var got []string
	for _, s := range star.Segment(in) {
		got = append(got, strings.Fields(s.Text)...)
	}
	var want []string
	for _, w := range strings.Fields(in) {
		if w != "-" {
			want = append(want, w)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("words differ\n got: %q\nwant: %q", got, want)
	}
}
