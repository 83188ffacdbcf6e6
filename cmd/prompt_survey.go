package cmd

// This is the only file that imports survey/v2. survey is no longer
// maintained; keeping it behind coach.Prompter means replacing it touches
// this file alone.
//
// Prompts need a terminal on both ends (survey asks the terminal for the
// cursor position and hangs on a pipe), so commands check IO.CanPrompt
// before building a prompter.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/starprep/starprep/coach"
	"golang.org/x/term"
)

// surveyPrompter asks through survey/v2 on the terminal.
type surveyPrompter struct {
	in    *os.File
	out   *os.File
	err   io.Writer
	color bool
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
	return &surveyPrompter{in: in, out: out, err: ios.ErrOut, color: ios.ColorEnabled()}
}

func (p *surveyPrompter) ask(q survey.Prompt, response any) error {
	err := survey.AskOne(q, response, survey.WithStdio(p.in, p.out, p.err))
	switch {
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
	err := p.ask(&survey.Input{Message: message, Help: help}, &s)
	return s, err
}

// Multiline implements coach.Prompter with multilinePrompt below.
func (p *surveyPrompter) Multiline(message, help string) (string, error) {
	var s string
	err := p.ask(&multilinePrompt{Message: message, Help: help}, &s)
	return s, err
}

// multilinePrompt is survey's Multiline with two fixes: the help line shows
// above the prompt, and the screen is cleaned up properly when the answer is
// done (survey.Multiline's erase moves up one line whatever it is asked,
// which leaves the typed text and blank lines behind). Typing starts on the
// line below the prompt; two empty lines in a row finish the answer.
type multilinePrompt struct {
	survey.Renderer
	Message string
	Help    string
}

type multilineData struct {
	Message, Help, Answer string
	ShowAnswer            bool
	Config                *survey.PromptConfig
}

var multilineTemplate = `
{{- if .ShowAnswer }}
  {{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
  {{- color "default+hb"}}{{ .Message }}{{color "reset"}}{{"\n"}}
  {{- if .Answer }}{{- color "cyan"}}{{ .Answer }}{{color "reset"}}{{"\n"}}{{ end }}
  {{- "\n" }}
{{- else }}
  {{- if .Help }}{{ color "default+d" }}  {{ .Help }}{{ color "reset" }}{{"\n"}}{{ end }}
  {{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
  {{- color "default+hb"}}{{ .Message }} {{color "reset"}}
  {{- color "cyan"}}[Enter 2 empty lines to finish]{{color "reset"}}{{"\n"}}
{{- end }}`

func (m *multilinePrompt) Prompt(config *survey.PromptConfig) (any, error) {
	if err := m.Render(multilineTemplate, multilineData{Message: m.Message, Help: m.Help, Config: config}); err != nil {
		return "", err
	}
	rr := m.NewRuneReader()
	_ = rr.SetTermMode()
	defer func() { _ = rr.RestoreTermMode() }()

	width := termWidth(m.Stdio().Out)
	var lines []string
	for {
		line, err := rr.ReadLine(0)
		if err != nil {
			return string(line), err
		}
		// survey's line reader does not leave the cursor below a line that
		// wrapped; step past the rest so the next line starts below it.
		if n := rowsToSkip(string(line), width); n > 0 {
			fmt.Fprint(m.Stdio().Out, strings.Repeat("\r\n", n))
		}
		lines = append(lines, string(line))
		n := len(lines)
		if n >= 2 && lines[n-1] == "" && lines[n-2] == "" {
			break
		}
	}
	// Count what was typed, so Cleanup erases it with the prompt.
	m.AppendRenderedText(strings.Join(lines, "\n") + "\n")
	return strings.TrimSpace(strings.Join(lines, "\n")), nil
}

func (m *multilinePrompt) Cleanup(config *survey.PromptConfig, val any) error {
	answer, _ := val.(string)
	if answer != "" {
		width := max(40, termWidth(m.Stdio().Out))
		lines := strings.Split(answer, "\n")
		for i, l := range lines {
			lines[i] = "  " + wrapIndent(l, width-3, "  ")
		}
		answer = strings.Join(lines, "\n")
	}
	return m.Render(multilineTemplate, multilineData{Message: m.Message, Answer: answer, ShowAnswer: true, Config: config})
}

// Select implements coach.Prompter.
func (p *surveyPrompter) Select(message string, options []string, defaultIndex int) (int, error) {
	var i int
	q := &survey.Select{Message: message, Options: options, PageSize: len(options)}
	if defaultIndex >= 0 && defaultIndex < len(options) {
		q.Default = defaultIndex
	}
	err := p.ask(q, &i)
	return i, err
}

// Confirm implements coach.Prompter.
func (p *surveyPrompter) Confirm(message string, defaultValue bool) (bool, error) {
	var b bool
	err := p.ask(&survey.Confirm{Message: message, Default: defaultValue}, &b)
	return b, err
}

// termWidth is the width of the terminal behind out, 80 if unknown.
func termWidth(out terminal.FileWriter) int {
	if w, _, err := term.GetSize(int(out.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}

// rowsToSkip is how far survey's line reader left the cursor short of the
// row below a line typed from the first column. On Enter it walks back to the
// line's start and moves one row down: right for a line of one row, but a
// wrapped line takes ceil(w/width) rows, and a line filling its last row
// exactly leaves the terminal's cursor on that row, so survey's walk back
// goes one row too far.
func rowsToSkip(text string, width int) int {
	w := terminal.StringWidth(text)
	if w == 0 || width <= 0 {
		return 0
	}
	rows := (w + width - 1) / width
	if w%width == 0 {
		return rows
	}
	return rows - 1
}
