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
	"sync"
	"unicode"

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

// multilinePrompt replaces survey's Multiline, whose screen handling breaks
// on long answers: its erase moves up one line whatever it is asked, and its
// line reader loses track of lines that wrap or scroll the screen. This one
// shows the help line above the prompt, reads the answer with readAnswer
// (which lets the terminal wrap and echoes what is typed itself), and then
// redraws the prompt with the answer wrapped at word boundaries.
type multilinePrompt struct {
	survey.Renderer
	Message string
	Help    string
	// tall is set when the answer took more rows than the screen holds: the
	// top has scrolled away, so the typed text is left as it is.
	tall bool
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
  {{- if .Help }}  {{ .Help }}{{"\n"}}{{ end }}
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

	out := m.Stdio().Out
	width, height := termSize(out)
	lines, err := readAnswer(rr, out, width)
	if err != nil {
		return strings.Join(lines, "\n"), err
	}
	rows := 2 // the help line and the prompt
	for _, l := range lines {
		rows += max(1, (terminal.StringWidth(l)+width-1)/width)
	}
	m.tall = rows >= height
	// Count what was typed, so Cleanup erases it with the prompt.
	m.AppendRenderedText(strings.Join(lines, "\n") + "\n")
	return strings.TrimSpace(strings.Join(lines, "\n")), nil
}

func (m *multilinePrompt) Cleanup(config *survey.PromptConfig, val any) error {
	if m.tall {
		_, err := fmt.Fprint(m.Stdio().Out, "\r\n")
		return err
	}
	answer, _ := val.(string)
	if answer != "" {
		width, _ := termSize(m.Stdio().Out)
		lines := strings.Split(answer, "\n")
		for i, l := range lines {
			lines[i] = "  " + wrapIndent(l, max(40, width)-3, "  ")
		}
		answer = strings.Join(lines, "\n")
	}
	return m.Render(multilineTemplate, multilineData{Message: m.Message, Answer: answer, ShowAnswer: true, Config: config})
}

// readAnswer reads lines until two empty lines in a row, echoing what is
// typed: the terminal wraps long lines itself, Enter starts a new line,
// Backspace deletes within the line (across wrapped rows too), Ctrl-C
// returns terminal.InterruptErr. Arrow keys and other controls are ignored.
func readAnswer(rr *terminal.RuneReader, out io.Writer, width int) ([]string, error) {
	var lines []string
	var line []rune
	var widths []int // display width of each rune of line
	col := 0         // display width of line so far
	lastCR := false
	for {
		r, _, err := rr.ReadRune()
		if err != nil {
			var pe *os.PathError
			if errors.Is(err, io.EOF) || errors.As(err, &pe) {
				return lines, err
			}
			continue // an escape sequence survey does not know (Alt+key)
		}
		if r == '\n' && lastCR { // CR LF from a paste: one line break
			lastCR = false
			continue
		}
		lastCR = r == '\r'
		switch {
		case r == terminal.KeyInterrupt:
			fmt.Fprint(out, "\r\n")
			return lines, terminal.InterruptErr
		case r == '\r' || r == '\n':
			fmt.Fprint(out, "\r\n")
			lines = append(lines, string(line))
			line, widths, col = nil, nil, 0
			if n := len(lines); n >= 2 && lines[n-1] == "" && lines[n-2] == "" {
				return lines, nil
			}
		case r == terminal.KeyBackspace || r == terminal.KeyDelete:
			if len(line) == 0 {
				continue
			}
			w := widths[len(widths)-1]
			line, widths = line[:len(line)-1], widths[:len(widths)-1]
			fmt.Fprint(out, eraseBack(col, col-w, width, line))
			col -= w
		case r == terminal.KeyTab:
			line, widths, col = append(line, ' '), append(widths, 1), col+1
			fmt.Fprint(out, " ")
		case r < ' ' || r == 0x7f || unicode.IsControl(r):
			// arrows, Home/End and the like: the answer is typed forwards
		default:
			w := terminal.StringWidth(string(r))
			if w == 0 {
				continue
			}
			line, widths, col = append(line, r), append(widths, w), col+w
			fmt.Fprint(out, string(r))
		}
	}
}

// rowOf is the row, counted from the line's first, where the cursor is after
// n columns of text: a line that exactly fills a row leaves the cursor at the
// end of that row until the next character arrives.
func rowOf(n, width int) int {
	if n > 0 && n%width == 0 {
		return n/width - 1
	}
	return n / width
}

// eraseBack moves the cursor from after `from` columns back to after `to`
// columns and clears what followed. line is the text left, to redraw its
// last character when the cursor must end at the end of a full row.
func eraseBack(from, to, width int, line []rune) string {
	var b strings.Builder
	if up := rowOf(from, width) - to/width; up > 0 {
		fmt.Fprintf(&b, "\x1b[%dA", up)
	}
	fmt.Fprintf(&b, "\x1b[%dG\x1b[K", to%width+1)
	if to > 0 && to%width == 0 && len(line) > 0 {
		last := line[len(line)-1]
		fmt.Fprintf(&b, "\x1b[1A\x1b[%dG%c", width-terminal.StringWidth(string(last))+1, last)
	}
	return b.String()
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
	for i, o := range options {
		short[i] = shorten(o, max(20, width-8))
	}
	q := &survey.MultiSelect{Message: message, Options: short, PageSize: max(5, min(len(short), height-6))}
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
