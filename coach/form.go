package coach

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/starprep/starprep/internal/suggest"
	"github.com/starprep/starprep/questions"
)

// form asks for values one at a time and asks again, saying what is wrong,
// until each answer is valid. A prompt error (Ctrl-C) ends the form.
type form struct {
	p   Prompter
	out io.Writer
}

// invalid is a message for the person about what they typed.
type invalid string

func (e invalid) Error() string { return string(e) }

func invalidf(format string, args ...any) error { return invalid(fmt.Sprintf(format, args...)) }

// text asks for one line. check gets the trimmed text and returns the value
// to keep or an error saying what is wrong.
func (f form) text(message, help string, check func(string) (string, error)) (string, error) {
	help = wrapWords(help, 76, "  ")
	for {
		s, err := f.p.Input(message, help)
		if err != nil {
			return "", err
		}
		v, problem := check(strings.TrimSpace(s))
		if problem == nil {
			return v, nil
		}
		f.problem(problem)
	}
}

func (f form) problem(err error) {
	fmt.Fprintf(f.out, "  ✗ %s\n", wrapWords(err.Error(), 74, "    "))
}

// list asks for entries one per prompt until an empty one, up to max.
// message gets the entry's number.
func (f form) list(message func(n int) string, help string, max int, check func(string) (string, error)) ([]string, error) {
	var out []string
	for len(out) < max {
		v, err := f.text(message(len(out)+1), help, func(s string) (string, error) {
			if s == "" {
				return "", nil
			}
			for _, prev := range out {
				if strings.EqualFold(prev, s) {
					return "", invalidf("you already gave %q", s)
				}
			}
			return check(s)
		})
		if err != nil {
			return nil, err
		}
		if v == "" {
			break
		}
		out = append(out, v)
	}
	return out, nil
}

// commaList asks for comma-separated entries on one line; each is checked.
// An empty line gives def.
func (f form) commaList(message, help string, def []string, required bool, check func(string) (string, error)) ([]string, error) {
	var list []string
	_, err := f.text(message, help, func(s string) (string, error) {
		list = nil
		if s == "" {
			if len(def) > 0 {
				list = def
				return s, nil
			}
			if required {
				return "", invalidf("give at least one, separated by commas")
			}
			return "", nil
		}
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			v, err := check(part)
			if err != nil {
				return "", err
			}
			dup := false
			for _, prev := range list {
				dup = dup || strings.EqualFold(prev, v)
			}
			if !dup {
				list = append(list, v)
			}
		}
		if required && len(list) == 0 {
			return "", invalidf("give at least one, separated by commas")
		}
		return s, nil
	})
	return list, err
}

// plainText checks a line of text a person typed: no control characters
// (escape sequences pasted by accident), at most max characters.
func plainText(s string, max int, what string) error {
	if !utf8.ValidString(s) {
		return invalidf("the %s has bytes that are not text", what)
	}
	for _, r := range s {
		if unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return invalidf("the %s has a control character in it; type it again as plain text", what)
		}
	}
	if n := utf8.RuneCountInString(s); n > max {
		return invalidf("the %s is %d characters; keep it to %d", what, n, max)
	}
	return nil
}

// required checks a non-empty line of plain text.
func required(what string, max int) func(string) (string, error) {
	return func(s string) (string, error) {
		if s == "" {
			return "", invalidf("the %s is needed", what)
		}
		return s, plainText(s, max, what)
	}
}

// optional checks a line of plain text that may be empty.
func optional(what string, max int) func(string) (string, error) {
	return func(s string) (string, error) { return s, plainText(s, max, what) }
}

// maxPromptLen keeps a prompt on one row of an 80-column terminal with
// survey's "? " before it and " [? for help]" after it: a prompt that wraps
// is redrawn wrongly.
const maxPromptLen = 62

// withDefault is a prompt message that says what Enter keeps.
func withDefault(message, def string) string {
	if def == "" {
		return message
	}
	room := maxPromptLen - utf8.RuneCountInString(message) - len(" (Enter for: )")
	return fmt.Sprintf("%s (Enter for: %s)", message, shortenWords(def, max(room, 10)))
}

// multiline text (a STAR part): the trimmed text, or what is wrong.
func (f form) multiline(message, help string, check func(string) error) (string, error) {
	help = wrapWords(help, 76, "  ")
	for {
		s, err := f.p.Multiline(message, help)
		if err != nil {
			return "", err
		}
		s = strings.TrimSpace(strings.ReplaceAll(s, "\t", " "))
		if problem := check(s); problem != nil {
			f.problem(problem)
			continue
		}
		return s, nil
	}
}

// paragraph checks multi-line text: at least min words, no control
// characters other than line breaks, at most max characters.
func paragraph(what string, minWords, max int) func(string) error {
	return func(s string) error {
		if n := len(strings.Fields(s)); n < minWords {
			if n == 0 {
				return invalidf("the %s is empty", what)
			}
			return invalidf("the %s has %d word%s; say a little more (at least %d)", what, n, map[bool]string{true: "", false: "s"}[n == 1], minWords)
		}
		for _, line := range strings.Split(s, "\n") {
			if err := plainText(strings.TrimRight(line, "\r"), max, what); err != nil {
				return err
			}
		}
		if n := utf8.RuneCountInString(s); n > max {
			return invalidf("the %s is %d characters; keep it to %d", what, n, max)
		}
		return nil
	}
}

// competencyList reads comma-separated competencies ("Problem solving,
// empathy" → problem-solving, empathy). A name close to one of known but not
// in it is taken for a typo; other new names are kept (a strength of the
// candidate's own).
func competencyList(s string, known []string) ([]string, error) {
	var list []string
	for _, part := range strings.Split(s, ",") {
		c := questions.Slugify(part, questions.MaxSlugLen)
		if c == "" {
			continue
		}
		if len(known) > 0 && !slices.Contains(known, c) {
			if near := suggest.Closest(c, known); near != "" {
				return nil, invalidf("%q is not one of the bank's competencies: did you mean %s?", c, near)
			}
		}
		if !slices.Contains(list, c) {
			list = append(list, c)
		}
	}
	return list, nil
}
