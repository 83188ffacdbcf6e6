package coach

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
)

func walkFor(t *testing.T, home, company string, script *Script) (*ChecklistWalk, *bytes.Buffer) {
	t.Helper()
	d, _, err := LoadEvidence(ChecklistInput{Home: home, Company: company, Bank: shippedBank(t), Rubric: shippedRubric(t), Examples: []*questions.Company{example(t)}})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	return &ChecklistWalk{Prompter: script, Out: &out, Now: now, Checklist: shippedChecklist(t), Data: d, Path: ChecklistPath(home), Width: 80}, &out
}

func TestChecklistWalkTicksStrengthsAndQuestionsToAsk(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "companies/acme.yaml", acmeNotes)
	saveStories(t, home, story("angry-caller", false, "empathy"))
	script := NewScript(
		// Step 1: the notes prove most items; tick one by hand.
		Pick("1. Research the company"),
		Tick("Read what customers say"),
		// Step 2: strengths, asked again on a misspelling; then hand ticks.
		Pick("2. Know your strengths"),
		Type("strengths", "patience, empathy, resilience, teamwork, learning, metrics"),
		Type("strengths", "empthy, resilience"), Type("strengths", "Empathy, resilience, data accuracy"),
		Tick("three words", "requirement in the job advert"),
		// Step 5: questions to ask, one of them our own; then hand ticks.
		Pick("5. Prepare questions to ask"),
		Tick("kitchen design service", "typical day"),
		Type("question of your own", "Why?"), Type("question of your own", "How do new people learn the returns policy?"), Type("question of your own", ""),
		Tick("Remove any question"),
		Pick("Done for now"),
	)
	w, out := walkFor(t, home, "acme", script)
	st, err := w.Run()
	if err != nil {
		t.Fatalf("%v\nasked %q", err, script.Asked)
	}
	checkScriptUsed(t, script)
	// 8 at the start: 7 research items from the notes, and the one story's
	// measured result.
	expectAll(t, out.String(),
		"Preparation checklist for Acme Home Supplies: 8 of 49 done.",
		"Step 1 of 6 · Research the company",
		"From your own data:",
		"[✓] List the main products or services and who buys them",
		"[ ] Write a two- or three-sentence answer",
		"not practised in a mock interview yet",
		"run: starprep interview --category motivation --company acme",
		"Saved. Research the company: 8 of 9 done.",
		"✗ that is 6: choose the 3 you can best prove",
		`✗ "empthy" is not one of the bank's competencies: did you mean empathy?`,
		"Saved. Know your strengths and weaknesses: 3 of 8 done.",
		"(the first is from your notes)",
		"✗ write the whole question",
		"Saved. Prepare questions to ask: 3 of 7 done.",
		"15 of 49 done (30%). Next: Write a two- or three-sentence answer",
	)
	if st.Done != 15 {
		t.Errorf("done = %d, want 15", st.Done)
	}
	p, err := LoadChecklistProgress(ChecklistPath(home))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Strengths, []string{"empathy", "resilience", "data-accuracy"}) {
		t.Errorf("strengths = %v", p.Strengths)
	}
	if p.Ticked["strengths-weaknesses/three-words"] != "2026-11-22" || p.Ticked["strengths-weaknesses/advert-gaps"] != "2026-11-22" {
		t.Errorf("person ticks = %v", p.Ticked)
	}
	acme := p.Companies["acme"]
	if acme == nil || acme.Ticked["company-research/customer-voice"] != "2026-11-22" || acme.Ticked["questions-to-ask/cut-obvious"] != "2026-11-22" {
		t.Fatalf("acme progress = %+v", acme)
	}
	var texts []string
	for _, a := range acme.Asks {
		texts = append(texts, a.From+": "+a.Text)
	}
	want := []string{
		"notes: How has the kitchen design service changed what customers call about?",
		"bank: Could you walk me through a typical day for someone in this role?",
		"own: How do new people learn the returns policy?",
	}
	if !slices.Equal(texts, want) {
		t.Errorf("asks =\n%s\nwant\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
}

func TestChecklistWalkUntickAndKeepWhatWasSavedOnCtrlC(t *testing.T) {
	home := t.TempDir()
	writeFile(t, home, "checklist.yaml", "version: 1\nticked:\n  strengths-weaknesses/three-words: 2026-11-01\n  strengths-weaknesses/advert-gaps: 2026-11-01\n")
	script := NewScript(
		Pick("2. Know your strengths"),
		Type("strengths", "empathy, resilience, teamwork"), // saved at once
		Tick("requirement in the job advert"),              // three-words unticked; advert-gaps kept
		Pick("3. Prepare STAR stories"),
		Interrupt(), // Ctrl-C at the ticks of step 3
	)
	w, _ := walkFor(t, home, "", script)
	_, err := w.Run()
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted\nasked %q", err, script.Asked)
	}
	checkScriptUsed(t, script)
	p, err := LoadChecklistProgress(ChecklistPath(home))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Strengths, []string{"empathy", "resilience", "teamwork"}) {
		t.Errorf("strengths = %v", p.Strengths)
	}
	if _, ok := p.Ticked["strengths-weaknesses/three-words"]; ok || p.Ticked["strengths-weaknesses/advert-gaps"] != "2026-11-01" {
		t.Errorf("ticks = %v: want three-words unticked and advert-gaps kept with its first day", p.Ticked)
	}
}

func TestChecklistWalkWithoutCompanyKeepsCompanyStepsGeneral(t *testing.T) {
	home := t.TempDir()
	script := NewScript(Pick("6. Get ready"), Tick("Pack what to bring"), Pick("Done"))
	w, out := walkFor(t, home, "", script)
	if _, err := w.Run(); err != nil {
		t.Fatal(err)
	}
	expectAll(t, out.String(), "Preparation checklist for no particular company", "add --company SLUG")
	p, _ := LoadChecklistProgress(ChecklistPath(home))
	if p.General == nil || p.General.Ticked["interview-day/what-to-bring"] != "2026-11-22" || len(p.Companies) != 0 {
		t.Errorf("progress = %+v", p)
	}
}

func TestNextOpenStepMovesOnFromTheStepJustDone(t *testing.T) {
	st := &ChecklistStatus{Steps: []StepStatus{{Done: 1, Total: 2}, {Done: 2, Total: 2}, {Done: 0, Total: 3}, {Done: 1, Total: 1}}}
	for _, c := range []struct{ last, want int }{{-1, 0}, {0, 2}, {2, 0}, {1, 2}, {3, 0}} {
		if got := nextOpenStep(st, c.last); got != c.want {
			t.Errorf("after step %d: %d, want %d", c.last, got, c.want)
		}
	}
	done := &ChecklistStatus{Steps: []StepStatus{{Done: 1, Total: 1}}}
	if got := nextOpenStep(done, 0); got != 1 {
		t.Errorf("all done: %d, want 1 (Done for now)", got)
	}
}
