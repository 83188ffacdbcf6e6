package cmd

// The answer box: a multi-line editor for long answers, built on the
// textarea of charm.land/bubbles run as a small inline bubbletea program
// between survey's prompts. It edits as people expect (cursor keys,
// Home/End, earlier lines, word wrap that follows a resize, paste), shows a
// clock that ticks while the person types, finishes on Ctrl-D, and reports
// the text as it grows so the interview can keep a draft.
//
// When it finishes, the box erases itself and the answer is printed in its
// place as plain, word-wrapped text, so the transcript reads like the rest
// of the interview whatever the answer's length.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/internal/termtext"
)

// answerKeys is the key line under the box.
const answerKeys = "Ctrl-D: done · Enter: new line · arrows, Home/End: move · Ctrl-C: stop"

// answerKeysHints is the shorter key line of a box that offers hints.
const answerKeysHints = "Ctrl-D: done · Enter: new line · ? alone: hints · Ctrl-C: stop"

// maxAnswerRunes bounds what the box takes: about 10,000 words, under
// infile.MaxAnswer for any text that is mostly ASCII.
const maxAnswerRunes = 60000

// tickMsg moves the clock on.
type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// answerModel is the bubbletea model of the box.
type answerModel struct {
	req   coach.AnswerRequest
	ta    textarea.Model
	color bool
	// width and height are the terminal's.
	width, height int

	// How it ended: finished (Ctrl-D), stopped (Ctrl-C) or hints ("?").
	finished, stopped, hints bool
	reported                 string // the text last passed to req.Draft
}

func newAnswerModel(req coach.AnswerRequest, width, height int, color bool) answerModel {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = maxAnswerRunes // an answer beyond it could not be read back (infile.MaxAnswer)
	ta.DynamicHeight = true
	ta.MinHeight = 3
	ta.MaxContentHeight = 5000                         // the viewport scrolls; the text is not capped
	ta.KeyMap.DeleteCharacterForward.SetKeys("delete") // ctrl+d finishes instead
	ta.SetVirtualCursor(false)                         // the terminal's own cursor
	st := textarea.Styles{}
	st.Focused.Base, st.Blurred.Base = lipgloss.NewStyle(), lipgloss.NewStyle()
	if color {
		st.Focused.Prompt = lipgloss.NewStyle().Foreground(lipgloss.Color("6"))
		st.Focused.Placeholder = lipgloss.NewStyle().Faint(true)
	}
	st.Cursor = textarea.CursorStyle{Shape: tea.CursorBlock, Blink: true}
	ta.SetStyles(st)
	ta.SetValue(req.Initial)
	ta.Focus() // before the program starts: in Init it would change a copy
	m := answerModel{req: req, ta: ta, color: color, reported: req.Initial}
	m.resize(width, height)
	return m
}

// resize fits the box to a terminal of the given size: the text wraps one
// column short of the edge, and the box leaves room for its header, the
// key line and a spare row.
func (m *answerModel) resize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 8)
	m.ta.MaxHeight = max(3, m.height-4)
	m.ta.SetWidth(m.width - 1)
	m.ta.SetHeight(m.ta.Height())
}

func (m answerModel) Init() tea.Cmd { return tick() }

func (m answerModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tickMsg:
		m.report(true)
		return m, tick()
	case tea.PasteMsg:
		// One line break per CR LF, and none for a paste's last newline.
		text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(msg.Content)
		var cmd tea.Cmd
		m.ta, cmd = m.ta.Update(tea.PasteMsg{Content: text})
		m.report(false)
		return m, cmd
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c":
			m.stopped = true
			m.report(false)
			return m, tea.Quit
		case "ctrl+d":
			m.finished = true
			return m, tea.Quit
		case "?":
			if m.req.Hints && strings.TrimSpace(m.ta.Value()) == "" {
				m.hints = true
				return m, tea.Quit
			}
		}
	}
	var cmd tea.Cmd
	m.ta, cmd = m.ta.Update(msg)
	m.report(false)
	return m, cmd
}

// report passes the text to the draft keeper when it changed, and with
// always set (once a second) in any case, so that the keeper can write what
// it held back.
func (m *answerModel) report(always bool) {
	if m.req.Draft == nil {
		return
	}
	if v := m.ta.Value(); always || v != m.reported {
		m.reported = v
		m.req.Draft(v)
	}
}

// header is the label and the clock, with a gentle notice once the time
// limit has passed.
func (m answerModel) header() string {
	h := "? " + m.req.Label
	if m.req.Now == nil || m.req.Started.IsZero() {
		return h
	}
	el := m.req.Now().Sub(m.req.Started)
	h += " · " + answerClock(el, m.req.Limit)
	if m.req.Limit > 0 && el > m.req.Limit {
		h += " · past your time: wrap up"
	}
	return h
}

func (m answerModel) View() tea.View {
	if m.finished || m.stopped || m.hints {
		return tea.NewView("") // erased; the answer is printed in its place
	}
	var b strings.Builder
	b.WriteString(ansi.Truncate(m.header(), m.width-1, "…") + "\n")
	help := m.req.Help
	if help == "" {
		help = " "
	}
	b.WriteString(ansi.Truncate("  "+help, m.width-1, "…") + "\n")
	b.WriteString(m.ta.View())
	b.WriteString("\n  " + m.keys())
	v := tea.NewView(b.String())
	if c := m.ta.Cursor(); c != nil {
		c.Position.Y += 2 // below the header and the help line
		v.Cursor = c
	}
	return v
}

// keys is the longest key line that fits the width.
func (m answerModel) keys() string {
	candidates := []string{answerKeys}
	if m.req.Hints {
		full := strings.Replace(answerKeys, " · Ctrl-C", " · ? alone: hints · Ctrl-C", 1)
		candidates = []string{full, answerKeysHints}
	}
	candidates = append(candidates, "Ctrl-D: done · Enter: new line · Ctrl-C: stop", "Ctrl-D: done · Ctrl-C: stop")
	for _, k := range candidates {
		if ansi.StringWidth(k)+2 < m.width {
			return k
		}
	}
	return ansi.Truncate("Ctrl-D: done", m.width-3, "")
}

func answerClock(el, limit time.Duration) string {
	el = el.Round(time.Second)
	s := fmt.Sprintf("%d:%02d", int(el/time.Minute), int(el%time.Minute/time.Second))
	if limit > 0 {
		limit = limit.Round(time.Second)
		s += fmt.Sprintf(" of %d:%02d", int(limit/time.Minute), int(limit%time.Minute/time.Second))
	}
	return s
}

// runAnswerBox opens the box on the terminal (in, out) and returns the
// text: with coach.ErrInterrupted on Ctrl-C, "?" when hints were asked for.
// The finished answer is printed where the box was.
func runAnswerBox(ctx context.Context, in, out *os.File, req coach.AnswerRequest, color bool) (string, error) {
	width, height := termSize(out)
	start := newAnswerModel(req, width, height, color)
	// Signals are Main's: a signal cancels ctx, which ends the program
	// (ErrProgramKilled) after it has put the terminal back.
	p := tea.NewProgram(start, tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(width, height),
		tea.WithContext(ctx), tea.WithoutSignalHandler())
	final, err := p.Run()
	m, ok := final.(answerModel)
	if !ok {
		m = start
	}
	text := m.ta.Value()
	switch {
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled):
		m.stopped = true
	case err != nil:
		return text, fmt.Errorf("answer box: %w", err)
	}
	if m.hints {
		return "?", nil
	}
	printAnswer(out, m, text)
	if m.stopped {
		return text, coach.ErrInterrupted
	}
	return text, nil
}

// printAnswer leaves the answer in the transcript: the header without the
// notice, then the text wrapped at the width of the terminal.
func printAnswer(w io.Writer, m answerModel, text string) {
	h := "? " + m.req.Label
	if m.req.Now != nil && !m.req.Started.IsZero() {
		h += " · " + answerClock(m.req.Now().Sub(m.req.Started), m.req.Limit)
	}
	var b strings.Builder
	b.WriteString(h + "\n")
	if t := strings.TrimSpace(termtext.Clean(text)); t != "" { // pasted text may hold escapes
		for _, line := range strings.Split(t, "\n") {
			b.WriteString("  " + wrapIndent(line, m.width-3, "  ") + "\n")
		}
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}
