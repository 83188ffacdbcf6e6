//go:build !windows

package cmd

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/AlecAivazis/survey/v2/terminal"
	"github.com/hinshun/vt10x"
)

// typeInto feeds keys to readAnswer on a 20-column emulated screen and
// returns the lines read and what the screen shows.
func typeInto(t *testing.T, keys string) ([]string, error, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.WriteString(keys)
		w.Close()
	}()
	screen := vt10x.New(vt10x.WithSize(20, 8))
	rr := terminal.NewRuneReader(terminal.Stdio{In: r, Out: os.Stdout, Err: os.Stderr})
	lines, err := readAnswer(rr, screen, 20)
	var rows []string
	for _, l := range strings.Split(screen.String(), "\n") {
		if l = strings.TrimRight(l, " "); l != "" {
			rows = append(rows, l)
		}
	}
	return lines, err, strings.Join(rows, "|")
}

func TestReadAnswerEditsWrappedLines(t *testing.T) {
	cases := []struct {
		name, keys string
		lines      []string
		screen     string
	}{
		{"two lines", "one\rtwo\r\r\r", []string{"one", "two", "", ""}, "one|two"},
		{"wraps at the edge", "abcdefghijklmnopqrstuvwxyz\r\r\r", []string{"abcdefghijklmnopqrstuvwxyz", "", ""}, "abcdefghijklmnopqrst|uvwxyz"},
		{"backspace within a row", "hellp\x7fo\r\r\r", []string{"hello", "", ""}, "hello"},
		{"backspace back over the wrap", "abcdefghijklmnopqrstu\x7f\x7fXY\r\r\r", []string{"abcdefghijklmnopqrsXY", "", ""}, "abcdefghijklmnopqrsX|Y"},
		{"exactly one row, then more", "abcdefghijklmnopqrst\x7fT!\r\r\r", []string{"abcdefghijklmnopqrsT!", "", ""}, "abcdefghijklmnopqrsT|!"},
		{"arrow keys are ignored", "ab\x1b[Dc\r\r\r", []string{"abc", "", ""}, "abc"},
		{"CR LF counts once", "a\r\nb\r\n\r\n\r\n", []string{"a", "b", "", ""}, "a|b"},
		{"backspace on an empty line", "\x7f\x7fok\r\r\r", []string{"ok", "", ""}, "ok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, err, screen := typeInto(t, c.keys)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(lines, "\n") != strings.Join(c.lines, "\n") {
				t.Errorf("lines = %q, want %q", lines, c.lines)
			}
			if screen != c.screen {
				t.Errorf("screen = %q, want %q", screen, c.screen)
			}
		})
	}
}

func TestReadAnswerCtrlCAndEOF(t *testing.T) {
	lines, err, _ := typeInto(t, "half an answer\rmore\x03")
	if !errors.Is(err, terminal.InterruptErr) || len(lines) != 1 {
		t.Errorf("Ctrl-C: lines %q, err %v", lines, err)
	}
	if _, err, _ := typeInto(t, "no end"); err == nil {
		t.Error("input that stops without two empty lines should end with an error, not hang")
	}
}
