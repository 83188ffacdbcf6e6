package cmd

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/star"
)

const storyYAML = `id: double-charge
title: Double charge on a broadband bill
competencies: [problem-solving, empathy]
star:
  situation: Last spring at a phone company a customer called about a double charge of 240 dollars on his bill.
  task: I had to find the cause and get the money back before the call ended.
  action: I listened, checked the billing history in our CRM and found the duplicate. I raised a refund while he was on the line and called him back three days later.
  result: The refund arrived in three days and he rated the call 5 out of 5. I learned to repeat the facts back before I start.
used_for: [angry-customer-time]
`

func TestStoriesFromFileListShowCoverageRemove(t *testing.T) {
	home := t.TempDir()
	src := put(t, t.TempDir(), "s.yaml", storyYAML)
	code, out, errOut := runIn(t, home, false, nil, "stories", "add", "--from", src)
	if code != 0 || !strings.Contains(out, "Saved ") || !strings.Contains(out, "scores ") {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "warning") {
		t.Errorf("a warning for a story whose questions exist: %s", errOut)
	}
	other := put(t, t.TempDir(), "o.yaml", strings.NewReplacer("id: double-charge", "id: other", "[angry-customer-time]", "[angry-customer-tim]").Replace(storyYAML))
	if code, _, errOut = runIn(t, home, false, nil, "stories", "add", "--from", other); code != 0 || !strings.Contains(errOut, "warning: used_for names questions the bank does not have: angry-customer-tim") {
		t.Errorf("unknown question: exit %d %s", code, errOut)
	}
	_, _ = coach.StoriesIn(home).Remove("other")
	if code, _, errOut = runIn(t, home, false, nil, "stories", "add", "--from", src); code != 2 || !strings.Contains(errOut, "starprep stories edit double-charge") {
		t.Errorf("second add: exit %d %s", code, errOut)
	}
	code, out, _ = runIn(t, home, false, nil, "stories", "list")
	if code != 0 || !strings.HasPrefix(out, "double-charge\tDouble charge on a broadband bill\tproblem-solving, empathy\t") || !strings.HasSuffix(out, "\t1\n") {
		t.Errorf("list: exit %d %q", code, out)
	}
	code, out, _ = runIn(t, home, false, nil, "stories", "list", "--format", "json")
	var rows []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 1 || rows[0]["score"].(float64) < 50 {
		t.Errorf("list json: exit %d %s", code, out)
	}
	code, out, _ = runIn(t, home, true, nil, "stories", "show", "double-charge")
	for _, want := range []string{"Double charge on a broadband bill (double-charge)\nproves: problem-solving, empathy\nanswers: angry-customer-time\n", "\nAction\n  I listened,", "Told as written it scores "} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runIn(t, home, true, nil, "stories", "coverage")
	for _, want := range []string{"COMPETENCY", "problem-solving", "thin", "missing", "No story proves:", "Only one story proves: problem-solving, empathy.", "Add a story: starprep stories add"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("coverage lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("coverage line of %d columns: %q", n, line)
		}
	}
	code, out, _ = runIn(t, home, false, nil, "stories", "coverage", "--format", "json")
	var cov coach.Coverage
	if code != 0 || json.Unmarshal([]byte(out), &cov) != nil || cov.Schema != "starprep.coverage/v1" || len(cov.Stories) != 1 {
		t.Errorf("coverage json: exit %d %s", code, out)
	}
	if code, _, errOut = runIn(t, home, false, nil, "stories", "remove", "double-charge"); code != 2 || !strings.Contains(errOut, "--yes") {
		t.Errorf("remove without --yes: exit %d %s", code, errOut)
	}
	if code, _, _ = runIn(t, home, false, nil, "stories", "remove", "double-charge", "--yes"); code != 0 {
		t.Errorf("remove --yes: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(home, "stories", "double-charge.yaml")); !os.IsNotExist(err) {
		t.Error("not removed")
	}
}

func TestStoriesRefusals(t *testing.T) {
	home := t.TempDir()
	bad := put(t, t.TempDir(), "bad.yaml", strings.Replace(storyYAML, "  task: I had to find the cause and get the money back before the call ended.\n", "", 1))
	broken := put(t, home, "stories/broken.yaml", "id: broken\ntitle: [\n")
	cases := []struct {
		args []string
		tty  bool
		code int
		want string
	}{
		{[]string{"stories", "add"}, false, 2, "to add a story from a file: starprep stories add --from FILE"},
		{[]string{"stories", "add", "--from-answer", "20261122-101503#2"}, false, 2, "starprep stories add --from FILE"},
		{[]string{"stories", "add", "--from", bad}, false, 3, "bad.yaml:5: star.task is empty"},
		{[]string{"stories", "add", "--from", bad, "--from-answer", "x#1"}, false, 2, "cannot be combined"},
		{[]string{"stories", "add", "--from-answer", "nosuch#1"}, true, 2, "no saved session"},
		{[]string{"stories", "edit", "broken"}, false, 2, "starprep stories add --from FILE --replace"},
		{[]string{"stories", "show", "nobody"}, false, 2, "your stories: broken"},
		{[]string{"stories", "show", "../x"}, false, 2, `story id "../x"`},
		{[]string{"stories", "list"}, false, 3, "broken.yaml:2:"},
		{[]string{"stories", "coverage"}, false, 3, "broken.yaml:2:"},
		{[]string{"stories", "cover"}, false, 2, "did you mean: coverage?"},
	}
	for _, c := range cases {
		code, _, errOut := runIn(t, home, c.tty, nil, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, want %d\nstderr %s", c.args, code, c.code, errOut)
		}
	}
	if after, _ := os.ReadFile(broken); string(after) != "id: broken\ntitle: [\n" {
		t.Error("the broken story changed")
	}
}

func TestStoriesAddFromAnswerInProcess(t *testing.T) {
	home := t.TempDir()
	parts := star.Parts{Situation: "At a broadband provider a customer had called six times about her line dropping every evening.",
		Task: "I took the seventh call and made it my job to fix it for good.", Action: "I read the case history, ran a line test and booked an engineer for the next morning.",
		Result: "The fault was a junction box; she had no drop-outs for a month and rated the call 10 out of 10."}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s := &star.Session{ID: "20261120-090000", StartedAt: at, Finished: true, QuestionIDs: []string{"angry-customer-time"}, Next: 1,
		Answers: []star.Answer{{QuestionID: "angry-customer-time", Question: "Tell me about a time you calmed an angry customer.", STAR: &parts, AnsweredAt: at}}}
	if err := coach.Save(coach.SessionsDir(home).Path(s.ID), s); err != nil {
		t.Fatal(err)
	}
	script := coach.NewScript(
		coach.Type("Title", ""), coach.Type("Id", ""), coach.Type("Competencies", ""),
		coach.Pick("Keep"), coach.Pick("Keep"), coach.Pick("Keep"), coach.Pick("Keep"),
		coach.Type("Questions it answers", ""), coach.Answer(true),
	)
	code, out, errOut := runIn(t, home, true, script, "stories", "add", "--from-answer", "20261120-090000#1")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s\nasked %q", code, out, errOut, script.Asked)
	}
	e, err := coach.StoriesIn(home).Get("calmed-an-angry-customer")
	if err != nil || e.Source != "20261120-090000#1" || e.STAR.Result != parts.Result || len(e.UsedFor) != 1 {
		t.Errorf("story %+v %v", e, err)
	}
}

func TestBriefWritesMarkdownAndHTMLAtomically(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	put(t, home, "stories/double-charge.yaml", storyYAML)
	code, out, _ := runIn(t, home, false, nil, "brief", "--company", "acme")
	for _, want := range []string{"# Interview brief: Acme Home Supplies\n", "- **Sells:** paint and decorating; garden tools\n",
		"1. **Double charge on a broadband bill** (", "## Questions to ask\n\nSuggestions; choose your own with `starprep checklist --company acme`.", "## On the day\n\n- [ ] "} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runIn(t, home, false, nil, "brief", "--company", "northwind")
	if code != 0 || !strings.Contains(out, "> These are the example notes that ship with starprep, not your own research.") {
		t.Errorf("brief of the example: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "acme.html")
	code, out, errOut := runIn(t, home, false, nil, "brief", "--company", "acme", "--format", "html", "-o", dest)
	if code != 0 || out != "" || !strings.Contains(errOut, "Wrote the brief for Acme Home Supplies to "+dest) {
		t.Fatalf("exit %d\n%q\n%s", code, out, errOut)
	}
	page, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(strings.TrimPrefix(string(page), "<!DOCTYPE html>\n")))
	dec.Strict, dec.Entity = true, xml.HTMLEntity
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the page is not well-formed: %v", err)
		}
	}
	if !strings.Contains(string(page), "<title>Interview brief: Acme Home Supplies</title>") {
		t.Errorf("page:\n%s", page)
	}
	if fi, _ := os.Stat(dest); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left beside the brief: %v", entries)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"brief"}, "brief needs --company SLUG"},
		{[]string{"brief", "--company", "nobody"}, `no notes for company "nobody"`},
		{[]string{"brief", "--company", "acme", "--format", "pdf"}, `--format "pdf"`},
		{[]string{"brief", "--company", "acme", "-o", dir}, "is a directory"},
	} {
		if code, _, errOut := runIn(t, home, false, nil, c.args...); code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %s", c.args, code, errOut)
		}
	}
	if code, _, errOut := runIn(t, home, false, nil, "brief", "--company", "acme", "-o", filepath.Join(dir, "no", "such", "dir.md")); code != 1 || !strings.Contains(errOut, "write ") {
		t.Errorf("-o into a missing directory: exit %d %s", code, errOut)
	}
}
