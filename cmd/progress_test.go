package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/star"
)

var (
	weakParts   = star.Parts{Situation: "It was busy.", Action: "We fixed it."}
	strongParts = star.Parts{
		Situation: "Last spring at a phone company a customer called about a double charge of 240 dollars on his bill.",
		Task:      "I had to find the cause and get the money back before the call ended, as our first contact resolution target asked.",
		Action:    "I listened without interrupting, checked the billing history in the CRM, found the duplicate payment and raised a refund while he was still on the line. I emailed him the ticket number and called him back three days later to check the money had arrived.",
		Result:    "The refund arrived in three days and he rated the call 5 out of 5 in the CSAT survey. I learned that repeating the facts back calms people faster than an apology.",
	}
)

// progressHome is a home with three sessions: a weak one, a strong one, and
// a strong one for northwind.
func progressHome(t *testing.T) string {
	home := t.TempDir()
	d := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	writeTestSession(t, home, "20261101-090000", d, "", weakParts)
	writeTestSession(t, home, "20261108-090000", d.AddDate(0, 0, 7), "", strongParts)
	writeTestSession(t, home, "20261115-090000", d.AddDate(0, 0, 14), "northwind", strongParts)
	return home
}

func TestProgressJSON(t *testing.T) {
	home := progressHome(t)
	f, out, errOut := testFactory(t, false)
	if code := Run([]string{"progress", "--home", home, "--bank", testBankFile, "--format", "json"}, f); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Schema   string `json:"schema"`
		Sessions []struct {
			ID       string `json:"id"`
			Answered int    `json:"answered"`
			FirstTry *int   `json:"first_try"`
		} `json:"sessions"`
		Components []struct {
			Name    string `json:"name"`
			Average int    `json:"average"`
			Answers int    `json:"answers"`
		} `json:"components"`
		Competencies []struct {
			Name    string `json:"name"`
			Answers int    `json:"answers"`
		} `json:"competencies"`
		WeakestPart string `json:"weakest_part"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Schema != "starprep.progress/v1" || len(got.Sessions) != 3 {
		t.Fatalf("got %+v", got)
	}
	if got.Sessions[0].FirstTry == nil || got.Sessions[1].FirstTry == nil || *got.Sessions[1].FirstTry <= *got.Sessions[0].FirstTry {
		t.Errorf("the trend does not show the better second session: %+v", got.Sessions)
	}
	if len(got.Components) != 4 || got.Components[0].Name != "situation" || got.Components[3].Answers != 3 {
		t.Errorf("components = %+v", got.Components)
	}
	if len(got.Competencies) != 2 || got.Competencies[0].Answers != 3 {
		t.Errorf("competencies = %+v (want de-escalation and problem-solving, 3 answers each)", got.Competencies)
	}
	if got.WeakestPart == "" {
		t.Error("no weakest part")
	}

	// --company keeps that company's sessions only.
	f, out, _ = testFactory(t, false)
	Run([]string{"progress", "--home", home, "--format", "json", "--company", "northwind"}, f)
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got.Sessions) != 1 || got.Sessions[0].ID != "20261115-090000" {
		t.Errorf("--company northwind: %+v, %v", got.Sessions, err)
	}
}

func TestProgressTableOnTerminalAndPiped(t *testing.T) {
	home := progressHome(t)
	f, out, _ := testFactory(t, true)
	if code := Run([]string{"progress", "--home", home, "--bank", testBankFile}, f); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tty := out.String()
	for _, want := range []string{"3 sessions", "┌", "Score trend", "█", "By STAR part", "Situation", "By competency", "de-escalation", "interview --drill"} {
		if !strings.Contains(tty, want) {
			t.Errorf("terminal output lacks %q:\n%s", want, tty)
		}
	}
	if !strings.ContainsAny(tty, "▁▂▃▄▅▆▇") {
		t.Errorf("no sparkline of the trend:\n%s", tty)
	}
	for _, line := range strings.Split(tty, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line is %d columns wide: %q", n, line)
		}
	}

	f, out, _ = testFactory(t, false)
	Run([]string{"progress", "--home", home, "--bank", testBankFile}, f)
	piped := out.String()
	for _, line := range strings.Split(piped, "\n") {
		for _, r := range line {
			if r > 127 {
				t.Fatalf("piped output is not plain ASCII: %q", line)
			}
		}
	}
	if !strings.Contains(piped, "STARTED") || !strings.Contains(piped, "#") || !strings.Contains(piped, "Score trend") {
		t.Errorf("piped output:\n%s", piped)
	}
}

func TestProgressEmptyAndBrokenFiles(t *testing.T) {
	home := t.TempDir()
	f, out, errOut := testFactory(t, true)
	if code := Run([]string{"progress", "--home", home}, f); code != 0 || out.Len() != 0 || !strings.Contains(errOut.String(), "no interviews yet") {
		t.Errorf("empty home: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	f, out, _ = testFactory(t, false)
	Run([]string{"progress", "--home", home, "--format", "json"}, f)
	if !strings.Contains(out.String(), `"sessions": []`) {
		t.Errorf("empty JSON: %s", out)
	}

	// A broken file is named on stderr and the rest still count.
	writeTestSession(t, home, "20261101-090000", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), "", strongParts)
	os.WriteFile(filepath.Join(home, "sessions", "bad.yaml"), []byte("id: bad\nnext: lots\n"), 0o644)
	f, out, errOut = testFactory(t, false)
	if code := Run([]string{"progress", "--home", home, "--format", "json"}, f); code != 0 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), "bad.yaml:2:") || !strings.Contains(out.String(), "20261101-090000") {
		t.Errorf("stderr %q, stdout %s", errOut, out)
	}
	f, _, errOut = testFactory(t, false)
	if code := Run([]string{"progress", "--home", home, "--format", "csv"}, f); code != 2 || !strings.Contains(errOut.String(), "--format") {
		t.Errorf("--format csv: exit %d, %q", code, errOut)
	}
}
