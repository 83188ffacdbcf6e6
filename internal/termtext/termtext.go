// Package termtext makes text that came from a file safe to show: on a
// terminal, in a table, in a spreadsheet, in Markdown. Text from question
// banks, company notes, answers, sessions and file names is written by
// other people (coaches, scripts, whoever sent the file), so it may hold
// escape sequences that set a window title, write the clipboard (OSC 52),
// clear the screen or move the cursor, raw C1 bytes that some terminals read
// as escapes, or bidi overrides that show text in another order than it is
// stored.
//
// Clean is the one function every such text goes through before a person
// sees it: control characters and bidi controls are shown visibly (ESC as
// ␛, U+202E as <U+202E>), bytes that are not UTF-8 become U+FFFD, and
// newlines and tabs are kept. Line is the same for a one-line place (a
// table cell). Writer applies Clean to everything written through it, which
// is how the command streams guarantee it; CSV, Markdown and JSON add what
// their formats need.
//
// It imports nothing else from this module.
package termtext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// visible returns how r is shown, and whether it must be replaced at all.
// Newline and tab are left to the caller (Clean keeps them, Line does not).
func visible(r rune) (string, bool) {
	switch {
	case r < 0x20:
		return string(rune(0x2400 + r)), true // ␀ … ␟: ESC is ␛
	case r == 0x7f:
		return "␡", true
	case r >= 0x80 && r <= 0x9f: // C1 controls (U+009B is CSI on some terminals)
		return fmt.Sprintf("<U+%04X>", r), true
	case isBidi(r), r == 0x2028, r == 0x2029, r == 0xfeff:
		return fmt.Sprintf("<U+%04X>", r), true
	case r == utf8.RuneError:
		return "\uFFFD", true
	}
	return "", false
}

// isBidi: the explicit bidi formatting characters, which reorder what is
// shown without changing what is stored ("Trojan source").
func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Unsafe reports whether s holds anything Clean would change other than a
// carriage return before a newline.
func Unsafe(s string) bool { return Clean(s) != strings.ReplaceAll(s, "\r\n", "\n") }

// needsWork is a quick test: only ASCII printable text, newline and tab
// pass untouched.
func needsWork(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if (b < 0x20 && b != '\n' && b != '\t') || b >= 0x7f {
			return true
		}
	}
	return false
}

// Clean makes text from a file safe to print on a terminal, keeping its
// lines and tabs: every other control character, every bidi control, and
// U+2028, U+2029 and U+FEFF are shown visibly; a carriage return before a
// newline is dropped (Windows line ends), one elsewhere is shown as ␍;
// invalid UTF-8 becomes U+FFFD.
func Clean(s string) string {
	if !needsWork(s) {
		return s
	}
	return clean(s, true)
}

// Line is Clean for a place that holds one line (a table cell, a menu
// option, a file name in a message): newlines, carriage returns and tabs
// become spaces as well.
func Line(s string) string {
	if !needsWork(s) && !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return clean(s, false)
}

func clean(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			switch {
			case !multiline:
				b.WriteByte(' ')
			case i+1 < len(s) && s[i+1] == '\n':
				// dropped: the newline follows
			default:
				b.WriteString("␍")
			}
		default:
			if v, ok := visible(r); ok && !(r == utf8.RuneError && size > 1) {
				b.WriteString(v)
			} else {
				b.WriteString(s[i : i+size])
			}
		}
		i += size
	}
	return b.String()
}
