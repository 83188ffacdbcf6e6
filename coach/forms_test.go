package coach

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/questions"
)

var today = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func now() time.Time { return today }

// expectAll fails unless out contains every message, in order. Runs of
// white space count as one space, so wrapped lines still match.
func expectAll(t *testing.T, out string, messages ...string) {
	t.Helper()
	rest := strings.Join(strings.Fields(out), " ")
	for _, m := range messages {
		m = strings.Join(strings.Fields(m), " ")
		i := strings.Index(rest, m)
		if i < 0 {
			t.Errorf("output lacks %q (in order) in:\n%s", m, out)
			return
		}
		rest = rest[i+len(m):]
	}
}

// checkScriptUsed fails when replies were left over, or when a prompt's
// text would not fit on one row of an 80-column terminal.
func checkScriptUsed(t *testing.T, s *Script) {
	t.Helper()
	if r := s.Remaining(); len(r) > 0 {
		t.Errorf("%d scripted replies left unused: %+v\nasked: %q", len(r), r, s.Asked)
	}
	for _, a := range s.Asked {
		kind, msg, _ := strings.Cut(a, ": ")
		if kind == "input" || kind == "confirm" || kind == "multiline" {
			if n := len([]rune(msg)); n > maxPromptLen {
				t.Errorf("prompt of %d characters would wrap at 80 columns: %q", n, msg)
			}
		}
	}
}

func TestCompanyFormAsksAgainAtEveryFieldUntilValid(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "companies/thin.yaml", thinNotes)
	script := NewScript(
		Type("Company name", ""), Type("Company name", "Acme\x1b[31m"), Type("Company name", "Acme Home Supplies"),
		Type("Short name", "Acme!"), Type("Short name", "thin"), Type("Short name", "acme"),
		Type("Industry", strings.Repeat("retail ", 20)), Type("Industry", "home improvement retail"),
		Type("Product or service 1", "paint and decorating"), Type("Product or service 2", "Paint and decorating"),
		Type("Product or service 2", "garden tools"), Type("Product or service 3", ""),
		Type("Value 1", "Fix it\u202efirst time"), Type("Value 1", "Fix it first time"), Type("Value 2", ""),
		Type("News 1: date", "12/10/2026"), Type("News 1: date", "2027-01-01"), Type("News 1: date", "2026-10-12"),
		Type("News 1: headline", ""), Type("News 1: headline", "Acme launches a kitchen design service"),
		Type("News 1: what it means", strings.Repeat("busy ", 50)), Type("News 1: what it means", ""),
		Type("News 2: date", ""),
		Type("Support channels", "phone, "+strings.Repeat("x", 70)), Type("Support channels", "phone, live chat, , email"),
		Type("Support measures", "CSAT, "+strings.Repeat("y", 61)), Type("Support measures", "CSAT, first contact resolution"),
		Type("A question to ask them 1", "Why?"), Type("A question to ask them 1", "How busy are weekends in spring?"), Type("A question to ask them 2", ""),
		Type("Source 1", "acme.example.com"), Type("Source 1", "my cousin"), Type("Source 1", "https://example.com/acme"), Type("Source 2", ""),
		Type("Anything else", strings.Repeat("note ", 120)), Type("Anything else", ""),
		Answer(true),
	)
	var out bytes.Buffer
	store := CompaniesIn(home)
	c, err := (&CompanyForm{Prompter: script, Out: &out, Now: now, Store: store}).Run()
	if err != nil {
		t.Fatalf("%v\nasked: %q", err, script.Asked)
	}
	checkScriptUsed(t, script)
	expectAll(t, out.String(),
		"✗ the name is needed",
		"✗ the name has a control character",
		`✗ "Acme!": use lower-case letters`,
		"✗ you already have notes for thin",
		"✗ the industry is 139 characters; keep it to 80",
		`✗ you already gave "Paint and decorating"`,
		"✗ the value has a control character in it",
		`✗ "12/10/2026" is not a date: write it as YYYY-MM-DD, such as 2026-11-22`,
		"✗ 2027-01-01 is in the future",
		"✗ the headline is needed",
		"✗ the note is 249 characters; keep it to 200",
		"✗ the channel is 70 characters; keep it to 60",
		"✗ the measure is 61 characters; keep it to 60",
		"✗ write the whole question",
		`✗ "acme.example.com": give the full web address, starting with https://acme.example.com`,
		`✗ "my cousin" is not a web address`,
		"✗ the note is 599 characters; keep it to 500",
		"Acme Home Supplies: 8 of 9 sections filled in (still to find: notes).",
	)
	want := &questions.Company{Name: "Acme Home Supplies", Slug: "acme", Industry: "home improvement retail",
		Products: []string{"paint and decorating", "garden tools"}, Values: []string{"Fix it first time"},
		News:           []questions.NewsItem{{Date: "2026-10-12", Headline: "Acme launches a kitchen design service"}},
		Support:        questions.SupportInfo{Channels: []string{"phone", "live chat", "email"}, Metrics: []string{"CSAT", "first contact resolution"}},
		QuestionsToAsk: []string{"How busy are weekends in spring?"}, Sources: []string{"https://example.com/acme"}}
	if got, _ := questions.MarshalCompany(c); string(got) != string(must(questions.MarshalCompany(want))) {
		t.Errorf("notes =\n%s\nwant\n%s", got, must(questions.MarshalCompany(want)))
	}
	// What the form returns saves and loads back the same.
	path, err := store.Save(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := store.Get("acme")
	if err != nil || back.Path != path || back.Name != c.Name || len(back.News) != 1 {
		t.Fatalf("saved notes read back as %+v, %v", back, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("notes file mode %v, want 0600", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(store.Dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("companies dir mode %v, want 0700", fi.Mode().Perm())
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestCompanyFormCtrlCAndNoSave(t *testing.T) {
	for _, c := range []struct {
		name    string
		replies []Reply
		wantErr error
	}{
		{"Ctrl-C at the slug", []Reply{Type("Company name", "Acme"), Interrupt()}, ErrInterrupted},
		{"no at the end", append([]Reply{Type("name", "Acme"), Type("Short name", "")}, append(skipRest(), Answer(false))...), nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			var out bytes.Buffer
			script := NewScript(c.replies...)
			got, err := (&CompanyForm{Prompter: script, Out: &out, Now: now, Store: CompaniesIn(home)}).Run()
			if !errors.Is(err, c.wantErr) || got != nil {
				t.Fatalf("got %+v, %v; want nil, %v\nasked %q", got, err, c.wantErr, script.Asked)
			}
			checkScriptUsed(t, script)
			if _, err := os.Stat(CompaniesIn(home).Dir); !os.IsNotExist(err) {
				t.Errorf("the form wrote to the home")
			}
		})
	}
}

// skipRest answers every optional field of the company form with nothing.
func skipRest() []Reply {
	return []Reply{Type("Industry", ""), Type("Product", ""), Type("Value", ""), Type("News 1", ""),
		Type("channels", ""), Type("measures", ""), Type("question", ""), Type("Source", ""), Type("Anything", "")}
}

func TestStoryFormAsksAgainAtEveryFieldUntilValid(t *testing.T) {
	home := t.TempDir()
	saveStories(t, home, story("taken", false, "empathy"))
	script := NewScript(
		Type("Title", ""), Type("Title", "Late parcel before a wedding"),
		Type("Id", "Late Parcel"), Type("Id", "taken"), Type("Id", ""),
		Type("Competencies", ""), Type("Competencies", "empthy"), Type("Competencies", "Empathy, de-escalation, patience"),
		Say("Situation", ""), Say("Situation", "Too short"), Say("Situation", strongParts.Situation),
		Say("Task", "Mine."), Say("Task", strongParts.Task),
		Say("Action", "I did\x1b[2J things there"), Say("Action", strongParts.Action),
		Say("Result", strings.Repeat("word ", 700)), Say("Result", strongParts.Result),
		Type("Questions it answers", "angry-customer-tme"), Type("Questions it answers", "angry-customer-time, extra-mile"),
		Answer(true),
	)
	var out bytes.Buffer
	sf := &StoryForm{Prompter: script, Out: &out, Store: StoriesIn(home), Bank: shippedBank(t), Rubric: shippedRubric(t)}
	s, err := sf.Run()
	if err != nil {
		t.Fatalf("%v\nasked %q", err, script.Asked)
	}
	checkScriptUsed(t, script)
	expectAll(t, out.String(),
		"✗ the title is needed",
		`✗ "Late Parcel": use lower-case letters`,
		"✗ you already have a story taken",
		"✗ name at least one",
		`✗ "empthy" is not one of the bank's competencies: did you mean empathy?`,
		"✗ the situation is empty",
		"✗ the situation has 2 words; say a little more",
		"✗ the task has 1 word; say a little more (at least 3)",
		"✗ the action has a control character in it",
		"✗ the result is 3499 characters; keep it to 3000",
		`✗ no question "angry-customer-tme": did you mean angry-customer-time?`,
		"Told as written, it scores",
	)
	if s.ID != "late-parcel-before-a-wedding" || !slices.Equal(s.Competencies, []string{"empathy", "de-escalation", "patience"}) ||
		!slices.Equal(s.UsedFor, []string{"angry-customer-time", "extra-mile"}) || s.STAR.Action != strongParts.Action {
		t.Errorf("story = %+v", s)
	}
	if problems := questions.StoryProblems(s); len(problems) > 0 {
		t.Errorf("the form returned a story with problems: %v", problems)
	}
}

func TestStoryFormFromADraftKeepsOrRewritesParts(t *testing.T) {
	home := t.TempDir()
	draft := &questions.Story{Title: "Calmed an angry customer", Competencies: []string{"de-escalation"}, UsedFor: []string{"angry-customer-time"},
		Source: "20261120-090000#1", STAR: questions.StoryParts{Situation: strongParts.Situation, Task: "", Action: strongParts.Action, Result: "It was fine."}}
	script := NewScript(
		Type("Title", ""), Type("Id", "angry-caller"), Type("Competencies", ""),
		Pick("Keep it"),               // situation
		Say("Task", strongParts.Task), // no draft task: asked
		Pick("Keep it"),               // action
		Pick("Write it again"), Say("Result", strongParts.Result),
		Type("Questions it answers", ""),
		Answer(true),
	)
	var out bytes.Buffer
	s, err := (&StoryForm{Prompter: script, Out: &out, Store: StoriesIn(home), Bank: shippedBank(t), Draft: draft}).Run()
	if err != nil {
		t.Fatalf("%v\nasked %q", err, script.Asked)
	}
	checkScriptUsed(t, script)
	want := questions.StoryParts(strongParts)
	if s.Title != draft.Title || s.ID != "angry-caller" || s.STAR != want || !slices.Equal(s.UsedFor, draft.UsedFor) ||
		!slices.Equal(s.Competencies, draft.Competencies) || s.Source != draft.Source {
		t.Errorf("story = %+v", s)
	}
	expectAll(t, out.String(), "A new story from answer 20261120-090000#1.", "Situation, from your answer:", "Result, from your answer:", "It was fine.")
}

func TestEditLoop(t *testing.T) {
	const good = "name: Acme\nslug: acme\nproducts: [paint]\n"
	check := func(raw []byte, path string) error { _, err := ParseCompanyFile(raw, path, "acme"); return err }
	cases := []struct {
		name    string
		edits   []string // what each editor run leaves in the file
		replies []Reply
		want    EditResult
		wantErr error
		saved   string // the file afterwards
		shows   []string
	}{
		{name: "a valid change is saved", edits: []string{good + "values: [care]\n"}, want: EditSaved, saved: good + "values: [care]\n"},
		{name: "no change", edits: []string{good}, want: EditUnchanged, saved: good},
		{
			name:    "a mistake, then fixed",
			edits:   []string{good + "vaules: [care]\n", good + "values: [care]\n"},
			replies: []Reply{Pick("Edit again")},
			want:    EditSaved, saved: good + "values: [care]\n",
			shows: []string{"Your changes were not saved: the edited file has 1 problem.", `acme.yaml:4: unknown field "vaules" (did you mean "values"?)`},
		},
		{
			name:    "a mistake, then given up",
			edits:   []string{good + "news:\n  - {date: soon, headline: x}\n"},
			replies: []Reply{Pick("Discard")},
			want:    EditDiscarded, wantErr: ErrDiscarded, saved: good,
			shows: []string{`acme.yaml:5: news date "soon": write it as YYYY-MM-DD`, "Discarded. "},
		},
		{
			name:    "broken YAML, then the slug changed, then fixed",
			edits:   []string{good + "values: [care\n", "name: Acme\nslug: acme-ltd\n", good + "values: [care]\n"},
			replies: []Reply{Pick("Edit again"), Pick("Edit again")},
			want:    EditSaved, saved: good + "values: [care]\n",
			shows: []string{"acme.yaml:4:", `acme.yaml:2: slug "acme-ltd" does not match the file name (acme.yaml)`},
		},
		{name: "Ctrl-C at the menu keeps the file", edits: []string{good + "x: 1\n"}, replies: []Reply{Interrupt()}, want: EditUnchanged, wantErr: ErrInterrupted, saved: good},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			path := writeFile(t, home, "companies/acme.yaml", good)
			runs := 0
			edit := func(p string) error {
				if p == path {
					t.Fatalf("the editor was given the real file, not a copy")
				}
				if runs >= len(c.edits) {
					t.Fatalf("the editor ran %d times, want %d", runs+1, len(c.edits))
				}
				if err := os.WriteFile(p, []byte(c.edits[runs]), 0o600); err != nil {
					t.Fatal(err)
				}
				runs++
				return nil
			}
			var out bytes.Buffer
			script := NewScript(c.replies...)
			loop := &EditLoop{Prompter: script, Out: &out, Edit: edit}
			got, err := loop.Run(path, check, func(raw []byte) error { _, err := CompaniesIn(home).SaveRaw("acme", raw); return err })
			if got != c.want || !errors.Is(err, c.wantErr) || (c.wantErr == nil && err != nil) {
				t.Fatalf("Run = %v, %v; want %v, %v\n%s", got, err, c.want, c.wantErr, out.String())
			}
			checkScriptUsed(t, script)
			if runs != len(c.edits) {
				t.Errorf("the editor ran %d times, want %d", runs, len(c.edits))
			}
			after, _ := os.ReadFile(path)
			if string(after) != c.saved {
				t.Errorf("file afterwards:\n%s\nwant:\n%s", after, c.saved)
			}
			expectAll(t, out.String(), c.shows...)
		})
	}
}

func TestEditLoopEditorFailureSavesNothing(t *testing.T) {
	home := t.TempDir()
	path := writeFile(t, home, "stories/x.yaml", "id: x\n")
	loop := &EditLoop{Prompter: NewScript(), Out: &bytes.Buffer{}, Edit: func(p string) error {
		_ = os.WriteFile(p, []byte("id: y\n"), 0o600)
		return errors.New("vi exited with status 1")
	}}
	_, err := loop.Run(path, func([]byte, string) error { return nil }, func([]byte) error { t.Fatal("saved"); return nil })
	if err == nil || !strings.Contains(err.Error(), "nothing was saved") {
		t.Fatalf("err = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != "id: x\n" {
		t.Errorf("file changed to %q", after)
	}
}
