package cmd

// This is the only file that imports survey/v2, which asks the menus,
// choices and short inputs; long answers go to the answer box
// (prompt_answer.go) and long text to the pager (pager.go). survey is no
// longer maintained; keeping it behind coach.Prompter means replacing it
// touches this file alone.
//
// Prompts need a terminal on both ends (survey asks the terminal for the
// cursor position and hangs on a pipe), so commands check IO.CanPrompt
// before building a prompter.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/muesli/cancelreader"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/internal/termtext"
	"golang.org/x/term"
)

// surveyPrompter asks through survey/v2 on the terminal.
type surveyPrompter struct {
	in    *os.File
	out   *os.File
	err   io.Writer
	color bool
	ctx   func() context.Context
}

// newSurveyPrompter prompts on the process's terminal.
func newSurveyPrompter(ios *IOStreams) coach.Prompter {
	if !ios.ColorEnabled() {
		core.DisableColor = true
	}
	in, out := ios.ttyIn, ios.ttyOut
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stdout
	}
	return &surveyPrompter{in: in, out: out, err: ios.ErrOut, color: ios.ColorEnabled(), ctx: ios.Context}
}

// cancelIn is the terminal's input as survey reads it: a read that a
// signal can cut short (survey puts the terminal back as it returns).
type cancelIn struct {
	cancelreader.CancelReader
	fd uintptr
}

func (c cancelIn) Fd() uintptr { return c.fd }

func (p *surveyPrompter) ask(q survey.Prompt, response any) error {
	ctx := p.ctx()
	if ctx.Err() != nil {
		return coach.ErrInterrupted
	}
	var in terminal.FileReader = p.in
	if cr, err := cancelreader.NewReader(p.in); err == nil {
		stop := context.AfterFunc(ctx, func() { cr.Cancel() })
		defer func() { stop(); cr.Close() }()
		in = cancelIn{CancelReader: cr, fd: p.in.Fd()}
	}
	err := survey.AskOne(q, response, survey.WithStdio(in, p.out, p.err))
	switch {
	case ctx.Err() != nil:
		return coach.ErrInterrupted
	case err == nil:
		return nil
	case errors.Is(err, terminal.InterruptErr), errors.Is(err, io.EOF):
		// Ctrl-C, or Ctrl-D / the terminal went away.
		return coach.ErrInterrupted
	default:
		return fmt.Errorf("prompt: %w", err)
	}
}

// Input implements coach.Prompter; "?" shows help.
func (p *surveyPrompter) Input(message, help string) (string, error) {
	var s string
	err := p.ask(&survey.Input{Message: termtext.Line(message), Help: termtext.Line(help)}, &s)
	return s, err
}

// Multiline implements coach.Prompter with the answer box
// (prompt_answer.go): survey's own multi-line prompt cannot move the
// cursor and loses track of lines that wrap.
func (p *surveyPrompter) Multiline(message, help string) (string, error) {
	return p.Answer(coach.AnswerRequest{Label: message, Help: help})
}

// Answer implements coach.AnswerBox.
func (p *surveyPrompter) Answer(req coach.AnswerRequest) (string, error) {
	req.Label, req.Help, req.Initial = termtext.Line(req.Label), termtext.Line(req.Help), termtext.Clean(req.Initial)
	return runAnswerBox(p.ctx(), p.in, p.out, req, p.color)
}

// Page implements coach.Pager: text taller than the screen is shown a
// screen at a time.
func (p *surveyPrompter) Page(text string) error {
	return pageText(p.ctx(), p.in, p.out, text, p.color)
}

// Select implements coach.Prompter.
func (p *surveyPrompter) Select(message string, options []string, defaultIndex int) (int, error) {
	var i int
	options = cleanOptions(options)
	q := &survey.Select{Message: termtext.Line(message), Options: options, PageSize: len(options), Filter: menuFilter}
	if defaultIndex >= 0 && defaultIndex < len(options) {
		q.Default = defaultIndex
	}
	err := p.ask(q, &i)
	return i, err
}

// Confirm implements coach.Prompter.
func (p *surveyPrompter) Confirm(message string, defaultValue bool) (bool, error) {
	var b bool
	err := p.ask(&survey.Confirm{Message: termtext.Line(message), Default: defaultValue}, &b)
	return b, err
}

// cleanOptions makes menu options (story titles, questions from a bank)
// safe to show on one line.
func cleanOptions(options []string) []string {
	out := make([]string, len(options))
	for i, o := range options {
		out[i] = termtext.Line(o)
	}
	return out
}

// menuFilter narrows a menu as the person types: one letter keeps the
// options that start with it (menus give each option its own first
// letter, so a letter and Enter choose), more letters keep the options that
// contain them.
func menuFilter(filter, option string, _ int) bool {
	filter, option = strings.ToLower(filter), strings.ToLower(option)
	if len([]rune(filter)) == 1 {
		return strings.HasPrefix(option, filter)
	}
	return strings.Contains(option, filter)
}

// termSize is the size of the terminal behind out, 80x24 if unknown.
func termSize(out terminal.FileWriter) (width, height int) {
	if w, h, err := term.GetSize(int(out.Fd())); err == nil && w > 0 && h > 0 {
		return w, h
	}
	return 80, 24
}

// multiSelectHint is a key hint short enough to keep the prompt on one row
// of an 80-column terminal (survey's own takes two, wrapped mid-word).
var multiSelectHint = sync.OnceFunc(func() {
	t := survey.MultiSelectQuestionTemplate
	start, end := strings.Index(t, "[Use arrows"), strings.Index(t, "help{{end}}]")
	if start > 0 && end > start {
		survey.MultiSelectQuestionTemplate = t[:start] + "[space: tick or untick, enter: save, type: filter]" + t[end+len("help{{end}}]"):]
	}
})

// MultiSelect implements coach.Prompter. Options are shortened to fit one
// row each (survey miscounts wrapped rows when it redraws).
func (p *surveyPrompter) MultiSelect(message string, options []string, defaults []int) ([]int, error) {
	multiSelectHint()
	width, height := termSize(p.out)
	short := make([]string, len(options))
	for i, o := range cleanOptions(options) {
		short[i] = shorten(o, max(20, width-8))
	}
	q := &survey.MultiSelect{Message: termtext.Line(message), Options: short, PageSize: max(5, min(len(short), height-6))}
	if len(defaults) > 0 {
		q.Default = defaults
	}
	var picked []core.OptionAnswer
	if err := p.ask(q, &picked); err != nil {
		return defaults, err
	}
	out := make([]int, len(picked))
	for i, a := range picked {
		out[i] = a.Index
	}
	return out, nil
}
