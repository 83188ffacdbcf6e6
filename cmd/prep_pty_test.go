//go:build !windows

package cmd

// The preparation commands on the real binary, through a pseudo-terminal
// behind a terminal emulator (the harness of interview_pty_test.go).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
)

func TestCompanyAddOnPTY(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	s := startOnPTY(t, bin, home, "company", "add")

	s.expect("Company name")
	s.send("\r") // nothing: asked again
	s.expect("the name is needed")
	s.expect("Company name")
	s.send("Acme Home Supplies\r")
	s.expect("Short name (slug) (Enter for: acme-home-supplies)")
	s.send("acme\r")
	s.expect("Industry (optional)")
	s.send("home improvement retail\r")
	s.expect("Product or service 1")
	s.send("paint and decorating\r")
	s.expect("Product or service 2")
	s.send("\r")
	s.expect("Value 1")
	s.send("Fix it first time\r")
	s.expect("Value 2")
	s.send("\r")
	s.expect("News 1: date (YYYY-MM-DD)")
	s.send("last week\r")
	s.expect(`"last week" is not a date`)
	s.expect("News 1: date (YYYY-MM-DD)")
	s.send("2026-10-12\r")
	s.expect("News 1: headline")
	s.send("Acme launches a kitchen design service\r")
	s.expect("News 1: what it means for support")
	s.send("\r")
	s.expect("News 2: date")
	s.send("\r")
	s.expect("Support channels, comma-separated")
	s.send("phone, live chat\r")
	s.expect("Support measures, comma-separated")
	s.send("CSAT\r")
	s.expect("A question to ask them 1")
	s.send("\r")
	s.expect("Source 1 (web address)")
	s.send("example.com/acme\r")
	s.expect("give the full web address")
	s.expect("Source 1 (web address)")
	s.send("https://example.com/acme\r")
	s.expect("Source 2")
	s.send("\r")
	s.expect("Anything else to remember")
	s.send("\r")
	s.expect("7 of 9 sections filled in")
	s.expect("Save the notes?")
	s.send("y\r")
	s.expect("Saved ")
	s.expect("starprep checklist --company acme")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\nscreen:\n%s", code, s.term.String())
	}
	e, err := coach.CompaniesIn(home).Get("acme")
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Acme Home Supplies" || len(e.News) != 1 || e.News[0].Date != "2026-10-12" || strings.Join(e.Support.Channels, ",") != "phone,live chat" || e.Sources[0] != "https://example.com/acme" {
		t.Errorf("saved notes = %+v", e.Company)
	}
}

// fakeEditor puts a "vi" first on PATH (the editor starprep runs when
// neither $VISUAL nor $EDITOR is set): its first run adds a misspelt field,
// its second turns it into notes.
func fakeEditor(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	state := filepath.Join(dir, "runs")
	script := `#!/bin/sh
n=$(cat "` + state + `" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "` + state + `"
if [ $n = 1 ]; then printf 'valuse: [care]\n' >> "$1"
else sed 's/^valuse:.*/notes: Edited on a terminal./' "$1" > "$1.new" && mv "$1.new" "$1"; fi
`
	if err := os.WriteFile(filepath.Join(dir, "vi"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestCompanyEditOnPTYWithAScriptedEditor(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	path := put(t, home, "companies/acme.yaml", acmeYAML)
	fakeEditor(t)
	s := startOnPTY(t, bin, home, "company", "edit", "acme")

	s.expect("Your changes were not saved: the edited file has 1 problem.")
	s.expect(`acme.yaml:13: unknown field "valuse" (did you mean "values"?)`)
	s.expect("What now?")
	s.send("\r") // the default: edit again
	s.expect("Saved ")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\nscreen:\n%s", code, s.term.String())
	}
	saved, _ := os.ReadFile(path)
	if !strings.HasSuffix(string(saved), "notes: Edited on a terminal.\n") || !strings.HasPrefix(string(saved), "# my research") {
		t.Errorf("saved notes:\n%s", saved)
	}
}

func TestChecklistOnPTY(t *testing.T) {
	bin := buildBinary(t)
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	s := startOnPTY(t, bin, home, "checklist", "--company", "acme")

	s.expect("Preparation checklist for Acme Home Supplies: 6 of 49 done.")
	s.expect("Which step?")
	s.send("\r") // the first open step: research
	s.expect("Step 1 of 6 · Research the company")
	s.expect("run: starprep company edit acme")
	s.expect("Tick what you have done:")
	s.send(" \r") // tick the first hand item, save
	s.expect("Saved. Research the company: 7 of 9 done.")
	s.expect("Which step?")
	s.send("\r") // the next open step: strengths
	s.expect("Step 2 of 6 · Know your strengths and weaknesses")
	s.expect("Your 3 strengths")
	s.send("empthy, resilience\r")
	s.expect("did you mean empathy?")
	s.expect("Your 3 strengths")
	s.send("empathy, resilience, teamwork\r")
	s.expect("Tick what you have done:")
	s.send("\r") // nothing ticked
	s.expect("Saved. Know your strengths and weaknesses: 1 of 8 done.")
	s.expect("Which step?")
	s.send("\x03") // Ctrl-C: what was saved stays
	s.expect("interrupted")
	if code := s.wait(); code != 130 {
		t.Fatalf("exit %d, want 130\nscreen:\n%s", code, s.term.String())
	}
	p, err := coach.LoadChecklistProgress(coach.ChecklistPath(home))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Strengths, ",") != "empathy,resilience,teamwork" || len(p.Companies["acme"].Ticked) != 1 {
		t.Errorf("progress = %+v %+v", p, p.Companies["acme"])
	}
}
