package cmd

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/starprep/starprep/coach"
)

// keys turns a small script into key presses: text is typed as it is, and
// <left>, <up>, <home>, <enter>, <bs>, <ctrl+d>, <ctrl+c> are those keys.
func keys(script string) []tea.Msg {
	special := map[string]tea.KeyPressMsg{
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd}, "enter": {Code: tea.KeyEnter}, "bs": {Code: tea.KeyBackspace},
		"ctrl+d": {Code: 'd', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	}
	var out []tea.Msg
	for script != "" {
		if strings.HasPrefix(script, "<") {
			end := strings.IndexByte(script, '>')
			out = append(out, special[script[1:end]])
			script = script[end+1:]
			continue
		}
		r := []rune(script)[0]
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		script = script[len(string(r)):]
	}
	return out
}

// feed runs msgs through the box's Update, as the program would.
func feed(m answerModel, msgs ...tea.Msg) answerModel {
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(answerModel)
	}
	return m
}

func TestAnswerBoxEditsAsAPersonExpects(t *testing.T) {
	cases := []struct{ name, script, want string }{
		{"fix a typo with Left", "At my job I hlped<left><left><left><left>e<ctrl+d>", "At my job I helped"},
		{"Right moves back", "abd<left><left><right>c<ctrl+d>", "abcd"},
		{"Up reaches the line before", "first line<enter>second<up><home>The <ctrl+d>", "The first line\nsecond"},
		{"Backspace joins lines", "one<enter><bs> two<ctrl+d>", "one two"},
		{"Home and End", "middle<home>[<end>]<ctrl+d>", "[middle]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := feed(newAnswerModel(coach.AnswerRequest{Label: "Action"}, 80, 24, false), keys(c.script)...)
			if !m.finished || m.ta.Value() != c.want {
				t.Errorf("finished %v, text %q; want %q", m.finished, m.ta.Value(), c.want)
			}
		})
	}
}

func TestAnswerBoxPasteResizeHintsAndStop(t *testing.T) {
	var drafts []string
	req := coach.AnswerRequest{Label: "Situation", Hints: true, Draft: func(s string) { drafts = append(drafts, s) }}
	m := newAnswerModel(req, 80, 24, false)

	// A paste with Windows line ends keeps one break per line.
	m = feed(m, tea.PasteMsg{Content: "Line one\r\nLine two\r\n"})
	if got := m.ta.Value(); got != "Line one\nLine two\n" {
		t.Errorf("after a paste: %q", got)
	}
	if len(drafts) == 0 || drafts[len(drafts)-1] != m.ta.Value() {
		t.Errorf("the paste was not reported as a draft: %q", drafts)
	}
	// A resize re-wraps the text at the new width.
	long := strings.Repeat("word ", 30)
	m = feed(newAnswerModel(req, 80, 24, false), tea.PasteMsg{Content: long})
	wide := strings.Count(m.ta.View(), "\n")
	m = feed(m, tea.WindowSizeMsg{Width: 40, Height: 24})
	if narrow := strings.Count(m.ta.View(), "\n"); narrow <= wide {
		t.Errorf("at 40 columns the text takes %d rows, at 80 %d: it did not re-wrap", narrow, wide)
	}
	for _, line := range strings.Split(m.View().Content, "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("a line of the box is %d columns wide at 40: %q", w, line)
		}
	}
	// ? alone asks for hints; ? in a sentence is text.
	if m := feed(newAnswerModel(req, 80, 24, false), keys("?")...); !m.hints {
		t.Error("? in an empty box did not ask for the hints")
	}
	if m := feed(newAnswerModel(req, 80, 24, false), keys("Why?<ctrl+d>")...); m.hints || m.ta.Value() != "Why?" {
		t.Errorf("? inside an answer: hints %v, text %q", m.hints, m.ta.Value())
	}
	// Ctrl-C stops with the text kept.
	if m := feed(newAnswerModel(req, 80, 24, false), keys("half an answer<ctrl+c>")...); !m.stopped || m.ta.Value() != "half an answer" {
		t.Errorf("Ctrl-C: stopped %v, text %q", m.stopped, m.ta.Value())
	}
}

func TestAnswerBoxClockAndTimeNotice(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	req := coach.AnswerRequest{Label: "Result", Started: now.Add(-75 * time.Second), Limit: 2 * time.Minute, Now: func() time.Time { return now }}
	m := newAnswerModel(req, 80, 24, false)
	if h := m.header(); h != "? Result · 1:15 of 2:00" {
		t.Errorf("header = %q", h)
	}
	now = now.Add(50 * time.Second)
	if h := m.header(); !strings.HasPrefix(h, "? Result · 2:05 of 2:00 · past your time") {
		t.Errorf("header after the limit = %q", h)
	}
	// The draft keeper hears from the box once a second as well.
	var calls int
	req.Draft = func(string) { calls++ }
	m = feed(newAnswerModel(req, 80, 24, false), tickMsg(now), tickMsg(now))
	if calls != 2 {
		t.Errorf("two ticks reported the draft %d times", calls)
	}
}
