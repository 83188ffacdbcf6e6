package star_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/star"
)

// editRubric applies one text edit to the built-in rubric.
func editRubric(t *testing.T, old, new string) string {
	t.Helper()
	src := string(data.Rubric)
	i := strings.Index(src, old)
	if i < 0 {
		t.Fatalf("%q is not in data/rubric.yaml", old)
	}
	if strings.Count(src, old) != 1 {
		t.Fatalf("%q is in data/rubric.yaml more than once", old)
	}
	return src[:i] + new + src[i+len(old):]
}

// lineOf is the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not found", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestParseRubricBuiltin(t *testing.T) {
	if _, err := star.ParseRubric(data.Rubric, data.RubricPath); err != nil {
		t.Fatalf("the built-in rubric does not load: %v", err)
	}
}

func TestParseRubricErrors(t *testing.T) {
	const path = "coach/rubric.yaml"
	type rcase struct {
		name string
		old  string
		new  string
		// at is the text whose line the error must name ("": any line).
		at   string
		want []string // the message holds each of these
	}
	starLength := "    cards: [star]\n    weight: 8\n    min: 150\n"
	cases := []rcase{
		{
			name: "misspelt field",
			old:  starLength,
			new:  "    cards: [star]\n    wieght: 8\n    min: 150\n",
			at:   "    wieght: 8",
			want: []string{`"wieght"`, `"weight"`},
		},
		{
			name: "unknown top-level field",
			old:  "version: 2\n",
			new:  "version: 2\nthresholds: {}\n",
			at:   "thresholds:",
			want: []string{`"thresholds"`},
		},
		{
			name: "unknown check kind",
			old:  "    kind: blame\n",
			new:  "    kind: blaming\n",
			at:   "  - id: blame\n",
			want: []string{"blame", `"blaming"`, "unknown kind"},
		},
		{
			name: "fail and tip on a length check",
			old:  starLength,
			new:  starLength + "    fail: too short\n",
			at:   "  - id: length\n    kind: length\n    cards: [star]",
			want: []string{"length", "fail_short"},
		},
		{
			name: "check without a pass message",
			old:  "    pass: \"says what you learned or do differently now\"\n",
			new:  "",
			at:   "  - id: lesson\n    kind: lesson",
			want: []string{"lesson", "pass"},
		},
		{
			name: "bands out of order",
			old:  "  strong: 80\n",
			new:  "  strong: 50\n",
			at:   "  strong: 50",
			want: []string{"bands", "strong", "good"},
		},
		{
			name: "unknown credit kind",
			old:  "{kind: steps, each: 8, max: 40}",
			new:  "{kind: stepz, each: 8, max: 40}",
			at:   "{kind: stepz",
			want: []string{"action", `"stepz"`, "unknown kind"},
		},
		{
			name: "a check names a cue group that is not there",
			old:  "    group: lesson\n",
			new:  "    group: lessons\n",
			at:   "  - id: lesson\n    kind: lesson",
			want: []string{`"lessons"`, "does not define"},
		},
		{
			name: "a group the tagger reads is removed",
			old:  "  - id: habitual ",
			new:  "  - id: habits ",
			at:   "",
			want: []string{`"habitual"`, "tagger"},
		},
		{
			name: "unknown card",
			old:  "    kind: lesson\n    cards: [star]\n",
			new:  "    kind: lesson\n    cards: [stars]\n",
			at:   "  - id: lesson\n    kind: lesson",
			want: []string{`"stars"`, "motivation"},
		},
		{
			name: "a cap that is not a band",
			old:  "  plan-only: needs-work\n",
			new:  "  plan-only: ok\n",
			at:   "  plan-only: ok",
			want: []string{"plan-only", `"ok"`},
		},
		{
			name: "length min above max",
			old:  "    min: 150\n    max: 350\n",
			new:  "    min: 350\n    max: 150\n",
			at:   "  - id: length\n    kind: length\n    cards: [star]",
			want: []string{"length", "min", "max"},
		},
		{
			name: "wrong type",
			old:  starLength,
			new:  "    cards: [star]\n    weight: heavy\n    min: 150\n",
			at:   "    weight: heavy",
			want: []string{"heavy"},
		},
		{
			name: "a version 1 rubric",
			old:  "version: 2\n",
			new:  "version: 1\n",
			at:   "version: 1",
			want: []string{"version 1", "built-in rubric"},
		},
		{
			name: "not YAML",
			old:  "version: 2\n",
			new:  "version: 2\nbands: [\n",
			at:   "",
			want: []string{path},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := editRubric(t, c.old, c.new)
			_, err := star.ParseRubric([]byte(text), path)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if c.at != "" {
				prefix := fmt.Sprintf("%s:%d: ", path, lineOf(t, text, c.at))
				if !strings.HasPrefix(msg, prefix) && !strings.Contains(msg, "\n"+prefix) {
					t.Errorf("error does not start with %q:\n%s", prefix, msg)
				}
			} else if !strings.HasPrefix(msg, path) {
				t.Errorf("error does not name the file: %s", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not mention %q:\n%s", w, msg)
				}
			}
			// cmd maps errors with a location to exit code 3.
			var loc interface{ Location() (string, int) }
			if !errors.As(err, &loc) {
				t.Errorf("error %T has no Location", err)
			} else if p, _ := loc.Location(); p != path {
				t.Errorf("Location path %q, want %q", p, path)
			}
		})
	}
}

// TestParseRubricReportsEveryProblem: two mistakes, two messages, in line order.
func TestParseRubricReportsEveryProblem(t *testing.T) {
	text := editRubric(t, "    kind: blame\n", "    kind: blaming\n")
	text = strings.Replace(text, "  strong: 80\n", "  strong: 50\n", 1)
	_, err := star.ParseRubric([]byte(text), "r.yaml")
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) < 2 {
		t.Fatalf("one message for two problems: %s", err)
	}
	bands := lineOf(t, text, "  strong: 50")
	blame := lineOf(t, text, "  - id: blame\n")
	if !strings.HasPrefix(lines[0], fmt.Sprintf("r.yaml:%d:", bands)) {
		t.Errorf("first message is not the bands problem at line %d: %s", bands, lines[0])
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("r.yaml:%d:", blame)) {
		t.Errorf("no message at line %d for the unknown kind: %s", blame, err)
	}
}

// TestRubricOverride: a coach's rubric changes the outcome.
func TestRubricOverride(t *testing.T) {
	short := "Last week a customer rang because her parcel was late. It was my job to find it. I checked the tracking, called the depot and rebooked the delivery for the next morning. It arrived by ten and she thanked me. I learned to check the depot first."
	builtin := embeddedRubric(t)
	before := star.Score(builtin, nil, star.Answer{Text: short})
	if findCheck(t, before, "length").OK {
		t.Fatalf("control: a %d-word answer passes the built-in length check", before.Words)
	}

	text := editRubric(t, "    min: 150\n    max: 350\n", "    min: 20\n    max: 60\n")
	custom, err := star.ParseRubric([]byte(text), "short.yaml")
	if err != nil {
		t.Fatalf("valid override rejected: %v", err)
	}
	after := star.Score(custom, nil, star.Answer{Text: short})
	ck := findCheck(t, after, "length")
	if !ck.OK {
		t.Errorf("%d words fails a 20–60 word length check: %q", after.Words, ck.Message)
	}
	if !strings.Contains(ck.Message, "20") || !strings.Contains(ck.Message, "60") {
		t.Errorf("length message does not show the new limits: %q", ck.Message)
	}
	if after.Score <= before.Score {
		t.Errorf("passing length under the override did not raise the score: %d -> %d", before.Score, after.Score)
	}
	if tipWith(after, "too short") {
		t.Errorf("still told the answer is too short: %q", after.Tips)
	}
	// And the strong story is now too long.
	if findCheck(t, star.Score(custom, nil, star.Answer{Text: strongStory}), "length").OK {
		t.Error("a 196-word answer passes a 20–60 word length check")
	}
}

// TestRubricOverrideBands: the bands come from the rubric.
func TestRubricOverrideBands(t *testing.T) {
	q := bankQuestion(t, "angry-customer-time")
	before := star.Score(embeddedRubric(t), q, star.Answer{Text: strongStory})
	if before.Band != star.BandStrong {
		t.Fatalf("control: band %q for the strong story (score %d)", before.Band, before.Score)
	}
	text := editRubric(t, "  strong: 80\n", "  strong: 100\n")
	r, err := star.ParseRubric([]byte(text), "strict.yaml")
	if err != nil {
		t.Fatal(err)
	}
	after := star.Score(r, q, star.Answer{Text: strongStory})
	if after.Score < 100 && after.Band == star.BandStrong {
		t.Errorf("score %d is strong under a rubric that needs 100", after.Score)
	}
}

// TestParseRubricWrongTypeIsPlainWords: a coach editing YAML reads "a
// number", not a Go type name.
func TestParseRubricWrongTypeIsPlainWords(t *testing.T) {
	text := editRubric(t, "    cards: [star]\n    weight: 8\n    min: 150\n", "    cards: [star]\n    weight: heavy\n    min: 150\n")
	_, err := star.ParseRubric([]byte(text), "r.yaml")
	if err == nil {
		t.Fatal("no error for weight: heavy")
	}
	if strings.Contains(err.Error(), "float64") {
		t.Errorf("message names a Go type: %s", err)
	}
	if !strings.Contains(err.Error(), "number") {
		t.Errorf("message does not say a number is expected: %s", err)
	}
}
