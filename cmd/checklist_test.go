package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
)

func TestChecklistStatusShowsBarsAndTheNextAction(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	put(t, home, "checklist.yaml", "version: 1\ncompanies:\n  acme:\n    ticked:\n      company-research/customer-voice: 2026-11-20\n")
	code, out, errOut := runIn(t, home, false, nil, "checklist", "status", "--company", "acme")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	for _, want := range []string{
		"Preparation checklist for Acme Home Supplies: 7 of 49 done (14%)\n",
		" 1 Research the company                     ###############.....  7/9\n",
		"   next: Note two or three recent news items, such as launches, expansions, aw…\n",
		" 2 Know your strengths and weaknesses       ....................  0/8\n",
		"Next: Note two or three recent news items, such as launches, expansions, awards\n      or problems\n",
		"      your notes list 1 dated news item; aim for 2\n",
		"  $ starprep company edit acme\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	// The terminal gets unicode bars.
	_, tty, _ := runIn(t, home, true, nil, "checklist", "status", "--company", "acme")
	if !strings.Contains(tty, "███████████████░░░░░  7/9") {
		t.Errorf("terminal status:\n%s", tty)
	}
	// --items lists every item with how it is known.
	_, items, _ := runIn(t, home, false, nil, "checklist", "status", "--company", "acme", "--items")
	for _, want := range []string{"   [x] List the main products or services and who buys them\n       your notes list 2 products\n",
		"   [x] Read what customers say", "       ticked by you on 2026-11-20\n", "   [ ] Pack what to bring"} {
		if !strings.Contains(items, want) {
			t.Errorf("--items lacks %q:\n%s", want, items)
		}
	}
}

func TestChecklistStatusJSON(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	code, out, _ := runIn(t, home, false, nil, "checklist", "status", "--company", "acme", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var st coach.ChecklistStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Schema != "starprep.checklist/v1" || st.Company != "acme" || len(st.Steps) != 6 || st.Total != 49 || st.Next == nil || st.Next.Command == "" {
		t.Errorf("status = %+v", st)
	}
	it := st.Steps[0].Items[0]
	if it.ID != "products" || !it.Done || it.By != "evidence" || it.Detail != "your notes list 2 products" {
		t.Errorf("first item = %+v", it)
	}
}

func TestChecklistNeedsATerminalAndACompanyWithNotes(t *testing.T) {
	home := t.TempDir()
	cases := []struct {
		args []string
		tty  bool
		code int
		want string
	}{
		{[]string{"checklist"}, false, 2, "to see where you stand without a terminal: starprep checklist status"},
		{[]string{"checklist", "--company", "acme"}, false, 2, "starprep checklist status --company acme"},
		{[]string{"checklist", "--company", "acme"}, true, 2, `no notes for company "acme"`},
		{[]string{"checklist", "status", "--company", "Acme Ltd"}, false, 2, `--company "Acme Ltd": use lower-case letters`},
		{[]string{"checklist", "status", "--format", "csv"}, false, 2, `--format "csv" is not one of: table, json`},
		{[]string{"checklist", "statsu"}, false, 2, `unknown command "statsu"`},
	}
	for _, c := range cases {
		code, out, errOut := runIn(t, home, c.tty, nil, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, want %d\nstderr %s", c.args, code, c.code, errOut)
		}
		if out != "" {
			t.Errorf("%v: stdout %q", c.args, out)
		}
	}
}

func TestChecklistWalkInProcess(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	script := coach.NewScript(
		coach.Pick("6. Get ready"), coach.Tick("Pack what to bring", "calming routine"),
		coach.Pick("Done for now"),
	)
	code, out, errOut := runIn(t, home, true, script, "checklist", "--company", "acme")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s\nasked %q", code, out, errOut, script.Asked)
	}
	if !strings.Contains(out, "Saved. Get ready for the interview day: 2 of 7 done.") {
		t.Errorf("out:\n%s", out)
	}
	raw, err := os.ReadFile(filepath.Join(home, "checklist.yaml"))
	if err != nil || !strings.Contains(string(raw), "interview-day/what-to-bring: \"2026-11-22\"") {
		t.Errorf("progress file:\n%s %v", raw, err)
	}
	if fi, _ := os.Stat(filepath.Join(home, "checklist.yaml")); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	// A broken progress file stops the walk before anything is asked, and
	// is left as it was.
	broken := "version: 1\nticked: [\n"
	path := put(t, home, "checklist.yaml", broken)
	code, _, errOut = runIn(t, home, true, nil, "checklist", "--company", "acme")
	if code != 3 || !strings.Contains(errOut, "checklist.yaml:2:") {
		t.Errorf("broken progress: exit %d\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != broken {
		t.Errorf("the broken progress file changed:\n%s", after)
	}
}
