package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
)

const acmeYAML = `# my research
name: Acme Home Supplies
slug: acme
industry: home improvement retail
products: [paint and decorating, garden tools]
values: [Fix it first time]
news:
  - {date: 2026-10-12, headline: Acme launches a kitchen design service}
support:
  channels: [phone, live chat]
  metrics: [CSAT]
sources: [https://example.com/acme]
`

// runIn runs starprep with --home home and returns the exit code, stdout and
// stderr.
func runIn(t *testing.T, home string, tty bool, script *coach.Script, args ...string) (int, string, string) {
	t.Helper()
	f, out, errOut := testFactory(t, tty)
	if script != nil {
		f.Prompter = script
	} else {
		f.Prompter = coach.NewScript() // any prompt fails the run
	}
	code := Run(append([]string{"--home", home}, args...), f)
	return code, out.String(), errOut.String()
}

func put(t *testing.T, home, rel, content string) string {
	t.Helper()
	p := filepath.Join(home, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompanyListShowsCompletenessAndTheExample(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	code, out, _ := runIn(t, home, false, nil, "company", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "acme\tAcme Home Supplies\t7/9\tquestions to ask, notes\nnorthwind\tNorthwind Outfitters (example)\t9/9\t-\n"
	if out != want {
		t.Errorf("piped list =\n%q\nwant\n%q", out, want)
	}
	code, out, _ = runIn(t, home, false, nil, "company", "list", "--format", "json")
	var rows []companySummary
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 2 || rows[0].Filled != 7 || !rows[1].Example {
		t.Errorf("json list: exit %d\n%s", code, out)
	}
	code, out, errOut := runIn(t, home, true, nil, "company", "list")
	if code != 0 || !strings.Contains(out, "█") || !strings.Contains(errOut, "Copy the example: starprep company add --from northwind --slug SLUG") {
		t.Errorf("terminal list: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
}

func TestCompanyShow(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runIn(t, home, true, nil, "company", "show", "northwind")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Northwind Outfitters (example)\nnorthwind · online apparel retail\n", "This example ships with starprep",
		"starprep company add --from northwind --slug SLUG", "\nNews\n  2026-09-15  Northwind launches", "  Measured by: CSAT,", "Notes complete: 9 of 9 sections"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	code, out, _ = runIn(t, home, false, nil, "company", "show", "northwind", "--format", "json")
	var c map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil || c["slug"] != "northwind" || c["support"] == nil {
		t.Errorf("json: exit %d\n%s", code, out)
	}
	code, out, _ = runIn(t, home, false, nil, "company", "show", "northwind", "--format", "yaml")
	if code != 0 || !strings.Contains(out, "questions_to_ask:") {
		t.Errorf("yaml: exit %d\n%s", code, out)
	}
}

func TestCompanyAddFromFileAndExample(t *testing.T) {
	home := t.TempDir()
	src := put(t, t.TempDir(), "acme.yaml", acmeYAML)
	code, out, errOut := runIn(t, home, false, nil, "company", "add", "--from", src)
	if code != 0 || !strings.Contains(out, "(7 of 9 sections filled in)") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	saved, _ := os.ReadFile(filepath.Join(home, "companies", "acme.yaml"))
	if string(saved) != acmeYAML {
		t.Errorf("the file's own text (and comments) were not kept:\n%s", saved)
	}
	if fi, _ := os.Stat(filepath.Join(home, "companies", "acme.yaml")); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	// Again: refused without --replace, done with it.
	code, _, errOut = runIn(t, home, false, nil, "company", "add", "--from", src)
	if code != 2 || !strings.Contains(errOut, "notes for acme already exist") || !strings.Contains(errOut, "starprep company edit acme") {
		t.Errorf("second add: exit %d\n%s", code, errOut)
	}
	if code, _, _ = runIn(t, home, false, nil, "company", "add", "--from", src, "--replace"); code != 0 {
		t.Errorf("--replace: exit %d", code)
	}
	// The example, under a slug of our own.
	code, out, _ = runIn(t, home, false, nil, "company", "add", "--from", "northwind", "--slug", "my-shop")
	if code != 0 || !strings.Contains(out, "Copied the example to") || !strings.Contains(out, "starprep company edit my-shop") {
		t.Errorf("copy the example: exit %d\n%s", code, out)
	}
	e, err := coach.CompaniesIn(home).Get("my-shop")
	if err != nil || !strings.HasPrefix(e.Name, "Northwind") {
		t.Errorf("copied notes: %+v %v", e, err)
	}
	// From standard input.
	f, out2, errOut2 := testFactory(t, false)
	f.IO.In.(interface{ WriteString(string) (int, error) }).WriteString(strings.ReplaceAll(acmeYAML, "slug: acme", "slug: acme-two"))
	if code := Run([]string{"--home", home, "company", "add", "--from", "-"}, f); code != 0 {
		t.Errorf("--from -: exit %d\n%s%s", code, out2, errOut2)
	}
}

func TestCompanyAddRefusesBadInput(t *testing.T) {
	home := t.TempDir()
	bad := put(t, t.TempDir(), "bad.yaml", "name: Acme\nslug: acme\nnews:\n  - {date: last week, headline: x}\n")
	cases := []struct {
		args []string
		tty  bool
		code int
		want string
	}{
		{[]string{"company", "add"}, false, 2, "to add notes from a file: starprep company add --from FILE"},
		{[]string{"--no-input", "company", "add"}, true, 2, "starprep company add --from FILE"},
		{[]string{"company", "add", "--from", bad}, false, 3, `bad.yaml:4: news date "last week": write it as YYYY-MM-DD`},
		{[]string{"company", "add", "--from", "missing.yaml"}, false, 2, "read missing.yaml"},
		{[]string{"company", "add", "--from", bad, "--slug", "../x"}, false, 2, `--slug "../x": use lower-case letters`},
		{[]string{"company", "add", "--slug", "acme"}, true, 2, "--slug goes with --from"},
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
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("a refused add wrote %v", entries)
	}
}

func TestCompanyAddFormInProcess(t *testing.T) {
	home := t.TempDir()
	script := coach.NewScript(
		coach.Type("Company name", "Acme Home Supplies"), coach.Type("Short name", "acme"), coach.Type("Industry", ""),
		coach.Type("Product", "paint"), coach.Type("Product", ""), coach.Type("Value", ""), coach.Type("News 1", ""),
		coach.Type("channels", "phone"), coach.Type("measures", "CSAT"), coach.Type("question", ""), coach.Type("Source", ""),
		coach.Type("Anything", ""), coach.Answer(true),
	)
	code, out, errOut := runIn(t, home, true, script, "company", "add")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s\nasked %q", code, out, errOut, script.Asked)
	}
	if !strings.Contains(out, "Next: work through the checklist for it: starprep checklist --company acme") {
		t.Errorf("out:\n%s", out)
	}
	if _, err := coach.CompaniesIn(home).Get("acme"); err != nil {
		t.Error(err)
	}
	// Ctrl-C in the form: exit 130 and nothing written.
	home2 := t.TempDir()
	code, _, errOut = runIn(t, home2, true, coach.NewScript(coach.Type("Company name", "Acme"), coach.Interrupt()), "company", "add")
	if code != 130 || !strings.Contains(errOut, "interrupted") {
		t.Errorf("Ctrl-C: exit %d %s", code, errOut)
	}
	if entries, _ := os.ReadDir(home2); len(entries) != 0 {
		t.Errorf("an interrupted form wrote %v", entries)
	}
}

func TestCompanyEditInProcessWithAScriptedEditor(t *testing.T) {
	home := t.TempDir()
	path := put(t, home, "companies/acme.yaml", acmeYAML)
	// The first run of the "editor" breaks the file, the second fixes it.
	editor := editTwiceScript(t)
	f, out, errOut := testFactory(t, true)
	f.Getenv = func(k string) string { return map[string]string{"EDITOR": editor}[k] }
	script := coach.NewScript(coach.Pick("Edit again"))
	f.Prompter = script
	if code := Run([]string{"--home", home, "company", "edit", "acme"}, f); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"Your changes were not saved: the edited file has 1 problem.", `acme.yaml:13: unknown field "valuse" (did you mean "values"?)`, "Saved " + path} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	saved, _ := os.ReadFile(path)
	if !strings.Contains(string(saved), "notes: Edited twice.") || !strings.HasPrefix(string(saved), "# my research") {
		t.Errorf("saved:\n%s", saved)
	}
}

func TestCompanyEditDiscardKeepsTheFileAndExits3(t *testing.T) {
	home := t.TempDir()
	path := put(t, home, "companies/acme.yaml", acmeYAML)
	editor := writeEditorScript(t, `printf 'news: [{date: soon, headline: x}]\n' >> "$1"`)
	f, out, _ := testFactory(t, true)
	f.Getenv = func(k string) string { return map[string]string{"VISUAL": editor}[k] }
	f.Prompter = coach.NewScript(coach.Pick("Discard"))
	if code := Run([]string{"--home", home, "company", "edit", "acme"}, f); code != 3 {
		t.Errorf("exit %d, want 3\n%s", code, out)
	}
	if after, _ := os.ReadFile(path); string(after) != acmeYAML {
		t.Errorf("the notes changed:\n%s", after)
	}
}

// editTwiceScript is an $EDITOR whose first run adds a misspelt field and
// whose second run turns it into notes.
func editTwiceScript(t *testing.T) string {
	t.Helper()
	state := filepath.Join(t.TempDir(), "runs")
	return writeEditorScript(t, `n=$(cat "`+state+`" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "`+state+`"
if [ $n = 1 ]; then printf 'valuse: [care]\n' >> "$1"; else sed 's/^valuse:.*/notes: Edited twice./' "$1" > "$1.new"; mv "$1.new" "$1"; fi`)
}

func writeEditorScript(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(p, []byte("#!/bin/sh\nset -e\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompanyEditAndRemoveRefusals(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	cases := []struct {
		args []string
		tty  bool
		code int
		want string
	}{
		{[]string{"company", "edit", "acme"}, false, 2, "to replace the notes from a file: starprep company add --from FILE --replace"},
		{[]string{"company", "edit", "northwind"}, true, 2, "copy it first, then edit your copy: starprep company add --from northwind"},
		{[]string{"company", "edit", "nobody"}, true, 2, "companies with notes: acme, northwind"},
		{[]string{"company", "edit", "../etc"}, true, 2, `company slug "../etc": use lower-case letters`},
		{[]string{"company", "remove", "acme"}, false, 2, "starprep company remove acme --yes"},
		{[]string{"company", "remove", "northwind", "--yes"}, false, 2, "northwind is the example that ships with starprep"},
		{[]string{"company", "show", "nobody"}, false, 2, `no notes for company "nobody"`},
		{[]string{"company", "shwo", "acme"}, false, 2, "did you mean: show?"},
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
	if after, _ := os.ReadFile(filepath.Join(home, "companies", "acme.yaml")); string(after) != acmeYAML {
		t.Error("the notes changed")
	}
}

func TestCompanyRemove(t *testing.T) {
	home := t.TempDir()
	path := put(t, home, "companies/acme.yaml", acmeYAML)
	code, out, _ := runIn(t, home, true, coach.NewScript(coach.Answer(false)), "company", "remove", "acme")
	if code != 0 || !strings.Contains(out, "Kept.") {
		t.Errorf("no: exit %d %s", code, out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("removed after no")
	}
	code, _, errOut := runIn(t, home, true, coach.NewScript(coach.Answer(true)), "company", "remove", "acme")
	if code != 0 || !strings.Contains(errOut, "Removed ") {
		t.Errorf("yes: exit %d %s", code, errOut)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("not removed")
	}
}

func TestBrokenNotesInTheHomeExit3WithPathLineAndStayUntouched(t *testing.T) {
	const broken = "name: Acme\nslug: acme\nproducts: [paint\n"
	for _, args := range [][]string{
		{"company", "list"},
		{"company", "show", "acme"},
		{"checklist", "status", "--company", "acme"},
		{"brief", "--company", "acme"},
	} {
		home := t.TempDir()
		path := put(t, home, "companies/acme.yaml", broken)
		code, _, errOut := runIn(t, home, false, nil, args...)
		if code != 3 || !strings.Contains(errOut, "acme.yaml:3:") {
			t.Errorf("%v: exit %d, want 3 naming acme.yaml:3\n%s", args, code, errOut)
		}
		if after, _ := os.ReadFile(path); string(after) != broken {
			t.Errorf("%v changed the file", args)
		}
	}
}

func TestCompletionOffersCompaniesAndStories(t *testing.T) {
	home := t.TempDir()
	put(t, home, "companies/acme.yaml", acmeYAML)
	put(t, home, "stories/double-charge.yaml", storyYAML)
	for args, want := range map[string]string{
		"__complete company edit ":    "acme\tAcme Home Supplies\nnorthwind\tNorthwind Outfitters (example)\n",
		"__complete brief --company ": "acme\tAcme Home Supplies\n",
		"__complete stories show ":    "double-charge\tDouble charge on a broadband bill\n",
	} {
		_, out, _ := runIn(t, home, false, nil, append(strings.Fields(args), "")...)
		if !strings.Contains(out, want) {
			t.Errorf("%s: %q, want %q", args, out, want)
		}
	}
}

func TestCompanyEditWithAMissingEditorSaysWhatToSet(t *testing.T) {
	home := t.TempDir()
	path := put(t, home, "companies/acme.yaml", acmeYAML)
	f, _, errOut := testFactory(t, true)
	f.Getenv = func(k string) string { return map[string]string{"EDITOR": "no-such-editor-here --wait"}[k] }
	f.Prompter = coach.NewScript()
	if code := Run([]string{"--home", home, "company", "edit", "acme"}, f); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), `the shell could not run "no-such-editor-here --wait": set $EDITOR`) || !strings.Contains(errOut.String(), "nothing was saved") {
		t.Errorf("stderr: %s", errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != acmeYAML {
		t.Error("the notes changed")
	}
}
