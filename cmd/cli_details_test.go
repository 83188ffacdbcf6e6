package cmd

import (
	"strings"
	"testing"
)

// Every line a command writes to stderr starts with "starprep:", cobra's
// own suggestions included.
func wantPrefixed(t *testing.T, r qResult) {
	t.Helper()
	for _, line := range qLines(r.stderr) {
		if !strings.HasPrefix(line, "starprep: ") {
			t.Errorf("%s: a stderr line lacks the starprep: prefix: %q", r.description, line)
		}
	}
}

func TestShowExampleWrapsWithoutBreakingWords(t *testing.T) {
	t.Parallel()
	q, _ := qEmbeddedBank(t).Get("angry-customer-time")
	r := qRun(t, "questions", "show", "angry-customer-time", "--example")
	r.wantCode(t, exitOK)
	for _, line := range qLines(r.stdout) {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("a line is %d columns wide, so the terminal would break a word: %q", n, line)
		}
	}
	// The words come out whole and in order.
	if got, want := strings.Fields(r.stdout), strings.Fields(q.Example); !strings.Contains(strings.Join(got, " "), strings.Join(want, " ")) {
		t.Errorf("the example's words were changed by the wrapping:\n%s", r.stdout)
	}
}

func TestMisspeltFiltersGetADidYouMean(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"questions", "list", "--competency", "de-escalaton"}, []string{`no question probes the competency "de-escalaton"`, "did you mean --competency de-escalation?"}},
		{[]string{"questions", "list", "--category", "behavorial"}, []string{`unknown category "behavorial"`, "did you mean --category behavioral?"}},
		{[]string{"interview", "--category", "behavorial"}, []string{"did you mean --category behavioral?"}},
		{[]string{"questions", "list", "--catgory", "technical"}, []string{"unknown flag: --catgory", "did you mean --category?"}},
		{[]string{"interview", "--time-limt", "2m"}, []string{"did you mean --time-limit?"}},
		{[]string{"--hom", "x", "questions", "list"}, []string{"did you mean --home?"}},
	} {
		r := qRun(t, c.args...)
		r.wantUsage(t, c.want...)
		wantPrefixed(t, r)
	}
}

func TestUnknownCommandsAndHelpTopicsExit2WithPrefixedSuggestions(t *testing.T) {
	t.Parallel()
	r := qRun(t, "intervew")
	r.wantUsage(t, `unknown command "intervew" for "starprep"`, "did you mean: interview?")
	wantPrefixed(t, r)

	r = qRun(t, "help", "nonexist")
	r.wantUsage(t, `no help topic "nonexist"`)
	wantPrefixed(t, r)
	r = qRun(t, "help", "sesions")
	r.wantUsage(t, "did you mean: sessions?")
	r = qRun(t, "help", "questions", "lst")
	r.wantUsage(t, "did you mean: list?")

	r = qRun(t, "help", "interview")
	r.wantCode(t, exitOK)
	if !strings.Contains(r.stdout, "starprep interview [--count <n>]") {
		t.Errorf("help interview does not show its usage:\n%s", r.stdout)
	}

	r = qRun(t, "completion", "tcsh")
	r.wantUsage(t, `unknown command "tcsh" for "starprep completion"`)
	wantPrefixed(t, r)
	r = qRun(t, "sessions", "lsit")
	r.wantUsage(t, "did you mean: list?")
}

func TestEmptyNoColorDoesNotTurnColourOff(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		tty  bool
		env  map[string]string
		want bool
	}{
		{true, map[string]string{}, true},
		{true, map[string]string{"NO_COLOR": ""}, true}, // no-color.org: only a non-empty value counts
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{true, map[string]string{"TERM": "dumb"}, false},
		{false, map[string]string{}, false},
		{false, map[string]string{"CLICOLOR_FORCE": "1"}, true},
		{true, map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "0"}, false},
	} {
		if got := colorWanted(c.tty, env(c.env)); got != c.want {
			t.Errorf("terminal %v, env %v: colour %v, want %v", c.tty, c.env, got, c.want)
		}
	}
}

func TestScoreWordingAndExitCodes(t *testing.T) {
	t.Parallel()
	one := scoreFile(t, "one.yaml", "question_id: angry-customer-time\ntext: "+weakAnswer+"\n")
	two := scoreFile(t, "two.yaml", "- text: "+weakAnswer+"\n- text: "+weakAnswer+"\n")

	r := scoreCLI(t, "", "score", one+"#0")
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "answers are numbered from 1") || !strings.Contains(r.stderr, one+"#1") {
		t.Errorf("#0: %q", r.stderr)
	}
	r = scoreCLI(t, "", "score", one+"#3")
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "holds 1 answer; there is no answer #3") {
		t.Errorf("#3 of one: %q", r.stderr)
	}
	r = scoreCLI(t, "", "score", two)
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "holds 2 answers") || !strings.Contains(r.stderr, "starprep review "+two) || strings.Contains(r.stderr, "planned") {
		t.Errorf("a file of two answers: %q", r.stderr)
	}
	r = scoreCLI(t, "", "score", "-")
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, "no answer on standard input") || strings.Contains(r.stderr, "line shown") {
		t.Errorf("empty stdin: %q", r.stderr)
	}
	r = scoreCLI(t, "  \n\n", "score", "-")
	r.want(t, exitUsage)
}
