package cmd

// Text taller than the screen (an example answer, the full feedback, a
// long list) is shown a screen at a time, as `more` does: a screenful, then
// a line that waits for a key. What was shown stays in the terminal's
// scrollback, so a person can scroll back to compare it with their answer.

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/internal/termtext"
)

// How a person answers the "more" line.
const (
	moreScreen = iota // Space: the next screenful
	moreLine          // Enter: one more line
	moreDone          // q: skip the rest
	moreStop          // Ctrl-C: stop the command
)

// pageTo writes text to the streams' output: a screen at a time when both
// ends are a terminal that may be prompted, at once otherwise.
func pageTo(ios *IOStreams, text string) error {
	if !ios.CanPrompt() || ios.ttyIn == nil || ios.ttyOut == nil {
		_, err := io.WriteString(ios.Out, text) // Out cleans it
		return err
	}
	return pageText(ios.Context(), ios.ttyIn, ios.ttyOut, text, ios.ColorEnabled())
}

// pageText writes text to the terminal out a screen at a time, reading
// keys from in. Ctrl-C returns coach.ErrInterrupted.
func pageText(ctx context.Context, in, out *os.File, text string, color bool) error {
	text = termtext.CleanKeepColor(text, color) // it goes to the terminal itself
	width, height := termSize(out)
	rows := screenRows(text, width)
	if len(rows) < height {
		_, err := io.WriteString(out, text)
		return err
	}
	page := height - 1 // the last row is for the "more" line
	shown, step := 0, page
	for shown < len(rows) {
		end := min(shown+step, len(rows))
		if _, err := io.WriteString(out, strings.Join(rows[shown:end], "\n")+"\n"); err != nil {
			return err
		}
		shown = end
		if shown == len(rows) {
			break
		}
		key, err := askMore(ctx, in, out, shown, len(rows), color)
		if err != nil {
			return err
		}
		switch key {
		case moreScreen:
			step = page
		case moreLine:
			step = 1
		case moreDone:
			fmt.Fprintf(out, "  (%d more line%s not shown)\n", len(rows)-shown, pluralS(len(rows)-shown))
			return nil
		case moreStop:
			return coach.ErrInterrupted
		}
	}
	return nil
}

// screenRows splits text into the rows it takes on a screen width columns
// wide (escape sequences take no room).
func screenRows(text string, width int) []string {
	text = strings.TrimSuffix(text, "\n")
	var rows []string
	for _, line := range strings.Split(text, "\n") {
		if ansi.StringWidth(line) <= width {
			rows = append(rows, line)
			continue
		}
		rows = append(rows, strings.Split(ansi.Hardwrap(line, width, true), "\n")...)
	}
	return rows
}

// moreModel is the "more" line: it waits for one key.
type moreModel struct {
	shown, total int
	color        bool
	key          int
	answered     bool
}

func (m moreModel) Init() tea.Cmd { return nil }

func (m moreModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch k.String() {
	case "space", " ", "pgdown", "f":
		m.key = moreScreen
	case "enter", "down", "j":
		m.key = moreLine
	case "q", "esc":
		m.key = moreDone
	case "ctrl+c":
		m.key = moreStop
	default:
		return m, nil
	}
	m.answered = true
	return m, tea.Quit
}

func (m moreModel) View() tea.View {
	if m.answered {
		return tea.NewView("") // the line erases itself
	}
	line := fmt.Sprintf("── more (%d%%): Space next screen · Enter next line · q skip the rest ──", m.shown*100/m.total)
	if m.color {
		line = "\x1b[7m" + line + "\x1b[0m"
	}
	return tea.NewView(line)
}

// askMore shows the "more" line and returns the key pressed.
func askMore(ctx context.Context, in, out *os.File, shown, total int, color bool) (int, error) {
	width, height := termSize(out)
	p := tea.NewProgram(moreModel{shown: shown, total: total, color: color},
		tea.WithInput(in), tea.WithOutput(out), tea.WithWindowSize(width, height),
		tea.WithContext(ctx), tea.WithoutSignalHandler())
	final, err := p.Run()
	if err != nil {
		return moreStop, nil // interrupted or the terminal went away
	}
	m, _ := final.(moreModel)
	if !m.answered {
		return moreStop, nil
	}
	return m.key, nil
}
