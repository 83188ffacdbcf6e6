package coach

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/questions"
)

// ChecklistWalk takes the person through the six steps: they pick a step,
// see each item with how it stands (proved by their data, ticked by them,
// or open, with the command that does it), name their strengths, choose
// questions to ask, and tick what they have done by hand. Progress is saved
// after every change. Run it with Run.
type ChecklistWalk struct {
	Prompter  Prompter
	Out       io.Writer
	Now       func() time.Time
	Checklist *questions.Checklist
	Data      *EvidenceData
	// Path is the progress file (ChecklistPath of the home).
	Path  string
	Width int
}

// Run walks the checklist until the person is done for now, and returns
// where they stand. Ctrl-C (ErrInterrupted) stops it; what was saved stays.
func (w *ChecklistWalk) Run() (*ChecklistStatus, error) {
	if w.Width < 40 {
		w.Width = 80
	}
	st := BuildChecklistStatus(w.Checklist, w.Data)
	fmt.Fprintf(w.Out, "Preparation checklist for %s: %d of %d done.\n", st.Label(), st.Done, st.Total)
	if w.Data.CompanySlug == "" {
		fmt.Fprintln(w.Out, wrapWords("Steps 1, 5 and 6 are about one employer: add --company SLUG to work on them for it.", w.Width-1, ""))
	}
	fmt.Fprintln(w.Out, wrapWords("[✓] is proved by your own notes, stories and practice, [x] is ticked by you. Progress is saved as you go, in "+w.Path+".", w.Width-1, ""))
	last := -1 // the step just worked on
	for {
		options := make([]string, 0, len(st.Steps)+1)
		def := nextOpenStep(st, last)
		titleWidth := 0
		for _, s := range st.Steps {
			titleWidth = max(titleWidth, len([]rune(s.Title)))
		}
		titleWidth = min(titleWidth, 44, w.Width-20)
		for i, s := range st.Steps {
			mark := " "
			if s.Done == s.Total {
				mark = "✓"
			}
			title := shortenWords(s.Title, titleWidth)
			pad := strings.Repeat(" ", max(0, titleWidth-len([]rune(title))))
			options = append(options, fmt.Sprintf("%s %d. %s%s %2d/%d", mark, i+1, title, pad, s.Done, s.Total))
		}
		options = append(options, "Done for now")
		i, err := w.Prompter.Select("Which step?", options, def)
		if err != nil {
			return st, err
		}
		if i >= len(st.Steps) {
			break
		}
		if err := w.step(i, st); err != nil {
			return st, err
		}
		last = i
		st = BuildChecklistStatus(w.Checklist, w.Data)
		s := st.Steps[i]
		fmt.Fprintf(w.Out, "Saved. %s: %d of %d done.\n", s.Title, s.Done, s.Total)
	}
	fmt.Fprintf(w.Out, "\n%d of %d done (%d%%).\n", st.Done, st.Total, st.Percent())
	if st.Next != nil {
		fmt.Fprintf(w.Out, "Next: %s\n  $ %s\n", wrapWords(st.Next.Text, w.Width-7, "      "), st.Next.Command)
	} else {
		fmt.Fprintln(w.Out, "Everything is done: good luck in the interview.")
	}
	return st, nil
}

// nextOpenStep is the first step after last (wrapping round) that is not
// done, or len(Steps) ("Done for now") when every step is.
func nextOpenStep(st *ChecklistStatus, last int) int {
	n := len(st.Steps)
	for k := 1; k <= n; k++ {
		i := (last + k + n) % n
		if last < 0 {
			i = k - 1
		}
		if st.Steps[i].Done < st.Steps[i].Total {
			return i
		}
	}
	return n
}

func (w *ChecklistWalk) rule() string { return strings.Repeat("─", min(60, w.Width-1)) }

func (w *ChecklistWalk) step(i int, st *ChecklistStatus) error {
	def := w.Checklist.Steps[i]
	ss := st.Steps[i]
	fmt.Fprintf(w.Out, "\n%s\nStep %d of %d · %s\n", w.rule(), i+1, len(st.Steps), def.Title)
	if def.Why != "" {
		fmt.Fprintf(w.Out, "%s\n", wrapWords(def.Why, w.Width-1, ""))
	}
	// Items proved by evidence are listed here; the ones ticked by hand
	// are listed in the prompt that ticks them.
	shown := false
	for _, it := range ss.Items {
		if it.By == ByEvidence {
			if !shown {
				fmt.Fprintln(w.Out, "\nFrom your own data:")
				shown = true
			}
			w.showItem(it)
		}
	}
	for _, it := range def.Items {
		if it.Evidence == nil {
			continue
		}
		var err error
		switch it.Evidence.Kind {
		case "strengths":
			err = w.strengths(it.Evidence.Needed())
		case "asks":
			if it.Evidence.ForCompany {
				continue // the same choice serves both items
			}
			err = w.asks()
		}
		if err != nil {
			return err
		}
	}
	return w.tick(def, ss)
}

// showItem shows an item proved (or not yet) by the user's data: on one
// row, with what is missing and the command that does it below when open.
func (w *ChecklistWalk) showItem(it ItemStatus) {
	mark := "[ ]"
	if it.Done {
		mark = "[✓]"
	}
	fmt.Fprintf(w.Out, "%s %s\n", mark, shortenWords(it.Text, w.Width-5))
	if it.Done {
		return
	}
	fmt.Fprintf(w.Out, "      %s\n", wrapWords(it.Detail, w.Width-7, "      "))
	if it.Command != "" && !strings.HasPrefix(it.Command, "starprep checklist") {
		fmt.Fprintf(w.Out, "      run: %s\n", it.Command)
	}
}

// tick asks which hand items are done.
func (w *ChecklistWalk) tick(def questions.ChecklistStep, ss StepStatus) error {
	var items []questions.ChecklistItem
	var options []string
	var defaults []int
	for j, it := range def.Items {
		if it.Evidence != nil {
			continue
		}
		if ss.Items[j].Done {
			defaults = append(defaults, len(items))
		}
		items = append(items, it)
		options = append(options, it.Text)
	}
	if len(items) == 0 {
		fmt.Fprintln(w.Out, wrapWords("Everything in this step is worked out from your own data; the commands above get it done.", w.Width-1, ""))
		return nil
	}
	picked, err := w.Prompter.MultiSelect("Tick what you have done:", options, defaults)
	if err != nil {
		return err
	}
	today := w.Now().Format(time.DateOnly)
	changed := false
	for j, it := range items {
		was := w.Data.Progress.TickedOn(def, it, w.Data.CompanySlug) != ""
		now := slices.Contains(picked, j)
		switch {
		case now && !was:
			w.Data.Progress.SetTicked(def, it, w.Data.CompanySlug, today)
			changed = true
		case !now && was:
			w.Data.Progress.SetTicked(def, it, w.Data.CompanySlug, "")
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return w.Data.Progress.Save(w.Path)
}

// strengths asks for the strengths the candidate claims.
func (w *ChecklistWalk) strengths(need int) error {
	f := form{p: w.Prompter, out: w.Out}
	current := w.Data.Progress.Strengths
	var known []string
	if w.Data.Bank != nil {
		known = w.Data.Bank.Competencies()
	}
	msg := withDefault(fmt.Sprintf("Your %d strengths", need), strings.Join(current, ", "))
	help := "Comma-separated. Use the bank's competencies where they fit, so your stories can back them: " + strings.Join(known, ", ")
	var list []string
	_, err := f.text(msg, help, func(s string) (string, error) {
		list = nil
		if s == "" {
			list = current
			return s, nil
		}
		var err error
		if list, err = competencyList(s, known); err != nil {
			return "", err
		}
		if len(list) > 5 {
			return "", invalidf("that is %d: choose the %d you can best prove", len(list), need)
		}
		return s, nil
	})
	if err != nil {
		return err
	}
	if slices.Equal(list, current) {
		return nil
	}
	if len(list) < need && len(list) > 0 {
		fmt.Fprintf(w.Out, "  Noted %s; name %d to tick the item.\n", strings.Join(list, ", "), need)
	}
	w.Data.Progress.Strengths = list
	return w.Data.Progress.Save(w.Path)
}

// asks lets the candidate choose questions to ask from the company's notes
// and the bank, and add their own.
func (w *ChecklistWalk) asks() error {
	var company *questions.Company
	if w.Data.Company != nil {
		company = w.Data.Company.Company
	}
	slug := w.Data.CompanySlug
	current := w.Data.Progress.Asks(slug)
	var options []AskChoice
	for _, a := range current {
		if a.From == FromOwn {
			options = append(options, a)
		}
	}
	options = append(options, AskCandidates(w.Data.Bank, company)...)
	var labels []string
	var defaults []int
	fromNotes := 0
	for i, a := range options {
		labels = append(labels, a.Text)
		if a.From == FromNotes {
			fromNotes++
		}
		for _, c := range current {
			if strings.EqualFold(c.Text, a.Text) {
				defaults = append(defaults, i)
			}
		}
	}
	intro := "Choose 3 or 4 questions to ask the interviewer"
	switch {
	case fromNotes == 1:
		intro += " (the first is from your notes)"
	case fromNotes > 1:
		intro += fmt.Sprintf(" (the first %d are from your notes)", fromNotes)
	}
	fmt.Fprintf(w.Out, "\n%s.\n", wrapWords(intro, w.Width-2, ""))
	picked, err := w.Prompter.MultiSelect("Questions to ask:", labels, defaults)
	if err != nil {
		return err
	}
	var chosen []AskChoice
	for _, i := range picked {
		chosen = append(chosen, options[i])
	}
	f := form{p: w.Prompter, out: w.Out}
	own, err := f.list(func(int) string { return "Add a question of your own (Enter to finish)" },
		"Write it as you would ask it.", maxListEntries, func(s string) (string, error) {
			for _, c := range chosen {
				if strings.EqualFold(c.Text, s) {
					return "", invalidf("you chose that one already")
				}
			}
			return checkQuestion(s)
		})
	if err != nil {
		return err
	}
	for _, q := range own {
		chosen = append(chosen, AskChoice{Text: q, From: FromOwn})
	}
	if len(chosen) > 6 {
		fmt.Fprintf(w.Out, "  %s\n", wrapWords(fmt.Sprintf("%d questions: pick the 3 or 4 sharpest to ask first; keep the rest as spares.", len(chosen)), w.Width-3, "  "))
	}
	if slices.Equal(chosen, current) {
		return nil
	}
	w.Data.Progress.SetAsks(slug, chosen)
	return w.Data.Progress.Save(w.Path)
}

// wrapWords wraps text at width (in characters), continuing lines with
// prefix.
func wrapWords(text string, width int, prefix string) string {
	width = max(width, 20)
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(text) {
		wr := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(wr) > width {
			lines = append(lines, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, wr...)
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return strings.Join(lines, "\n"+prefix)
}
