package cmd

import (
	"bytes"
	"context"
	"io"
	"os"

	"github.com/starprep/starprep/internal/termtext"
	"golang.org/x/term"
)

// IOStreams is the only way command code reaches the user's terminal.
//
// The rules (kept in sync with the README's "Scripting" section):
//   - data goes to Out; prompts' chrome, progress, warnings and errors go to ErrOut;
//   - decorations (table borders, colour, success lines) only when Out is a terminal;
//   - prompts only when CanPrompt; otherwise a command needs its flags or files;
//   - Out and ErrOut pass everything through termtext (text from files may
//     hold escape sequences): only starprep's own colours get through, and
//     only when colour is on. Code that drives the terminal itself (the
//     progress bar, the pager, the answer box, survey) writes to rawErr or
//     the tty files and cleans the text it shows with termtext.Clean.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// rawOut and rawErr are the streams under Out and ErrOut.
	rawOut, rawErr io.Writer
	safeOut        *termtext.Writer
	safeErr        *termtext.Writer

	inTTY, outTTY, errTTY bool
	color                 bool
	neverPrompt           bool
	width                 int

	// ttyIn and ttyOut are the real terminal files survey needs (it wants
	// descriptors); nil in tests.
	ttyIn, ttyOut *os.File

	// ctx is the command's context: a signal cancels it, and the prompts
	// close when it is.
	ctx context.Context
}

// Context is the running command's context.
func (s *IOStreams) Context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// saveTerminal notes the terminal's settings at start-up and returns a
// function that puts them back, for a command stopped by a signal while
// something else had changed them (a prompt in raw mode).
func saveTerminal() (restore func()) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return func() {}
	}
	state, err := term.GetState(fd)
	if err != nil {
		return func() {}
	}
	return func() {
		_ = term.Restore(fd, state)
		if term.IsTerminal(int(os.Stdout.Fd())) {
			// Show the cursor, end bracketed paste and the keyboard modes
			// the answer box turns on.
			_, _ = os.Stdout.WriteString("\x1b[?25h\x1b[?2004l\x1b[<u\x1b[>4;0m")
		}
	}
}

// System looks at the real process streams once.
func System() *IOStreams {
	s := newStreams(os.Stdin, os.Stdout, os.Stderr)
	s.ttyIn, s.ttyOut = os.Stdin, os.Stdout
	s.inTTY = term.IsTerminal(int(os.Stdin.Fd()))
	s.outTTY = term.IsTerminal(int(os.Stdout.Fd()))
	s.errTTY = term.IsTerminal(int(os.Stderr.Fd()))
	if s.outTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.width = w
		}
	}
	s.SetColor(colorWanted(s.outTTY, os.Getenv))
	if v := os.Getenv("STARPREP_NO_INPUT"); v != "" && v != "0" && v != "false" {
		s.neverPrompt = true
	}
	return s
}

// colorWanted decides colour from the environment: on for a terminal,
// unless NO_COLOR is set to a non-empty value (no-color.org: an empty one
// does not count) or TERM is dumb; CLICOLOR_FORCE (not 0) forces it on.
func colorWanted(outTTY bool, getenv func(string) string) bool {
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return true
	}
	return outTTY && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// TestStreams returns buffer-backed streams; everything reads as a non-terminal
// until the test says otherwise.
func TestStreams() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	s = newStreams(in, out, errOut)
	s.width = 80
	return s, in, out, errOut
}

func newStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, rawOut: out, rawErr: errOut, safeOut: termtext.NewWriter(out), safeErr: termtext.NewWriter(errOut)}
	s.Out, s.ErrOut = s.safeOut, s.safeErr
	return s
}

// Flush writes what the safe writers held back (half a UTF-8 sequence at
// the end of a write); Run calls it once a command is done.
func (s *IOStreams) Flush() {
	if s.safeOut != nil {
		_ = s.safeOut.Flush()
		_ = s.safeErr.Flush()
	}
}

// SetTTY marks the streams as terminals (or not), for tests.
func (s *IOStreams) SetTTY(in, out, err bool) { s.inTTY, s.outTTY, s.errTTY = in, out, err }

// SetColor turns colour on or off.
func (s *IOStreams) SetColor(on bool) {
	s.color = on
	if s.safeOut != nil {
		s.safeOut.AllowColor(on)
		s.safeErr.AllowColor(on)
	}
}

// SetNeverPrompt forbids prompting (--no-input).
func (s *IOStreams) SetNeverPrompt(v bool) { s.neverPrompt = s.neverPrompt || v }

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.inTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// ColorEnabled reports whether output may be coloured.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// CanPrompt reports whether the user can be asked questions: both ends are a
// terminal and prompting was not turned off.
func (s *IOStreams) CanPrompt() bool { return !s.neverPrompt && s.inTTY && s.outTTY }

// Width is the terminal width, or 80 when unknown.
func (s *IOStreams) Width() int {
	if s.width < 40 {
		return 80
	}
	return s.width
}
