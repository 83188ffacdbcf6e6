package coach

import (
	"fmt"
	"slices"
	"strings"
)

// Script is a Prompter that plays back prepared replies, for tests and demos.
// Each reply says what kind of prompt it expects and, optionally, a piece of
// the prompt's message; a mismatch, or a prompt with no reply left, makes the
// prompt fail with an error that names it, so a flow that asks something
// unexpected fails loudly instead of hanging.
//
// A Script is also an AnswerBox (it answers with the Say replies, reports
// the text as a draft once, and records the clock the box would show) and
// a Pager (it keeps what it was asked to page).
type Script struct {
	Replies []Reply
	// Asked records every prompt message in order ("multiline: Situation ...";
	// an answer box reads "answer: Situation · 0:10 of 2:00", with
	// " | from: <text>" when it opened on a draft).
	Asked []string
	// Pages records the text of every Page call; Requests every answer box
	// opened.
	Pages    []string
	Requests []AnswerRequest
	next     int
}

// Reply is one scripted answer.
type Reply struct {
	Kind  string // "input", "multiline", "select" or "confirm"
	Match string // a substring the prompt's message must contain ("" = any)
	Text  string // input/multiline: the text; select: a substring of the option to pick
	Yes   bool   // confirm
	Err   error  // when set, the prompt returns this error (e.g. ErrInterrupted)

	// Ticks are, for a "multiselect" prompt, substrings of the options to
	// tick (all others are unticked); Keep leaves the defaults as they are.
	Ticks []string
	Keep  bool
}

// StopWhileTyping answers the next answer box with text as if it was typed
// and then Ctrl-C pressed: the box reports it as a draft and returns it
// with ErrInterrupted.
func StopWhileTyping(match, text string) Reply {
	return Reply{Kind: "multiline", Match: match, Text: text, Err: ErrInterrupted}
}

// Say answers the next text or multiline prompt whose message contains match.
func Say(match, text string) Reply { return Reply{Kind: "multiline", Match: match, Text: text} }

// Type answers the next one-line input prompt whose message contains match.
func Type(match, text string) Reply { return Reply{Kind: "input", Match: match, Text: text} }

// Pick chooses, at the next select prompt, the first option containing option.
func Pick(option string) Reply { return Reply{Kind: "select", Text: option} }

// Answer replies yes or no to the next confirm prompt.
func Answer(yes bool) Reply { return Reply{Kind: "confirm", Yes: yes} }

// Tick answers the next multiselect prompt, ticking the options containing
// each of options and unticking the rest.
func Tick(options ...string) Reply { return Reply{Kind: "multiselect", Ticks: options} }

// KeepTicks answers the next multiselect prompt with its defaults.
func KeepTicks() Reply { return Reply{Kind: "multiselect", Keep: true} }

// Interrupt makes the next prompt, of any kind, fail as if Ctrl-C was pressed.
func Interrupt() Reply { return Reply{Err: ErrInterrupted} }

// NewScript returns a Script playing replies in order.
func NewScript(replies ...Reply) *Script { return &Script{Replies: replies} }

// Remaining reports the replies not used yet.
func (s *Script) Remaining() []Reply { return s.Replies[s.next:] }

func (s *Script) take(kind, message string) (Reply, error) {
	s.Asked = append(s.Asked, kind+": "+message)
	if s.next >= len(s.Replies) {
		return Reply{}, fmt.Errorf("script: no reply left for %s prompt %q", kind, message)
	}
	r := s.Replies[s.next]
	s.next++
	if r.Err != nil && r.Kind == "" {
		return r, r.Err
	}
	want := r.Kind
	if isText(want) && isText(kind) {
		want = kind // text is text
	}
	if want != kind {
		return r, fmt.Errorf("script: reply %d is for a %s prompt, but the flow asked %s %q", s.next, r.Kind, kind, message)
	}
	if r.Match != "" && !strings.Contains(message, r.Match) {
		return r, fmt.Errorf("script: reply %d expected a prompt containing %q, got %q", s.next, r.Match, message)
	}
	return r, r.Err
}

func isText(kind string) bool { return kind == "input" || kind == "multiline" || kind == "answer" }

// Answer implements AnswerBox.
func (s *Script) Answer(req AnswerRequest) (string, error) {
	msg := req.Label
	if req.Now != nil && !req.Started.IsZero() {
		msg += " · " + clock(req.Now().Sub(req.Started), req.Limit)
	}
	if req.Initial != "" {
		msg += " | from: " + req.Initial
	}
	s.Requests = append(s.Requests, req)
	r, err := s.take("answer", msg)
	if r.Kind == "multiline" && req.Draft != nil {
		req.Draft(r.Text)
	}
	return r.Text, err
}

// Page implements Pager.
func (s *Script) Page(text string) error {
	s.Pages = append(s.Pages, text)
	return nil
}

// Input implements Prompter.
func (s *Script) Input(message, help string) (string, error) {
	r, err := s.take("input", message)
	return r.Text, err
}

// Multiline implements Prompter.
func (s *Script) Multiline(message, help string) (string, error) {
	r, err := s.take("multiline", message)
	return r.Text, err
}

// Select implements Prompter.
func (s *Script) Select(message string, options []string, defaultIndex int) (int, error) {
	r, err := s.take("select", message+" ["+strings.Join(options, " | ")+"]")
	if err != nil {
		return defaultIndex, err
	}
	for i, o := range options {
		if strings.Contains(strings.ToLower(o), strings.ToLower(r.Text)) {
			return i, nil
		}
	}
	return defaultIndex, fmt.Errorf("script: no option containing %q in %q", r.Text, options)
}

// Confirm implements Prompter.
func (s *Script) Confirm(message string, defaultValue bool) (bool, error) {
	r, err := s.take("confirm", message)
	return r.Yes, err
}

// MultiSelect implements Prompter.
func (s *Script) MultiSelect(message string, options []string, defaults []int) ([]int, error) {
	r, err := s.take("multiselect", message+" ["+strings.Join(options, " | ")+"]")
	if err != nil {
		return defaults, err
	}
	if r.Keep {
		return defaults, nil
	}
	var out []int
	for _, t := range r.Ticks {
		found := false
		for i, o := range options {
			if strings.Contains(strings.ToLower(o), strings.ToLower(t)) {
				if !slices.Contains(out, i) {
					out = append(out, i)
				}
				found = true
				break
			}
		}
		if !found {
			return defaults, fmt.Errorf("script: no option containing %q in %q", t, options)
		}
	}
	slices.Sort(out)
	return out, nil
}
