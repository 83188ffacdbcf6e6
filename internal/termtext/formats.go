package termtext

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CSVCell makes a cell safe for a spreadsheet: it is cleaned as a Line,
// and a cell that a spreadsheet would read as a formula (its first
// character, after any spaces, is = + - @, or it starts with a tab or a
// carriage return) gets a leading apostrophe, as OWASP's CSV injection
// guidance recommends. Plain numbers ("-3", "+4.5") are left as they are.
func CSVCell(s string) string {
	s = Line(s)
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return s
	}
	switch t[0] {
	case '=', '+', '-', '@':
		if isPlainNumber(t) {
			return s
		}
		return "'" + s
	}
	return s
}

// isPlainNumber: an optional sign, digits and at most one decimal point.
func isPlainNumber(s string) bool {
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// CSVWriter writes rows with every cell passed through CSVCell; it is the
// one CSV writer of the project's outputs.
type CSVWriter struct {
	cw  *csv.Writer
	row []string
}

// NewCSVWriter returns a CSVWriter over w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{cw: csv.NewWriter(w)} }

// Write writes one row (the slice is not kept).
func (c *CSVWriter) Write(row []string) error {
	c.row = c.row[:0]
	for _, cell := range row {
		c.row = append(c.row, CSVCell(cell))
	}
	return c.cw.Write(c.row)
}

// Flush writes any buffered rows and returns the first error met.
func (c *CSVWriter) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// markdownSpecial are the characters that can start Markdown (or HTML)
// markup inside a line; each is escaped with a backslash, which CommonMark
// allows before any ASCII punctuation.
var markdownSpecial = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`,
)

// Markdown makes text from a file plain text inside one line of Markdown:
// cleaned as a Line, markup characters escaped, and a start that would
// begin a list, a heading, a heading rule or a numbered item escaped too.
func Markdown(s string) string {
	s = markdownSpecial.Replace(Line(s))
	t := strings.TrimLeft(s, " ")
	lead := s[:len(s)-len(t)]
	if t != "" && (t[0] == '-' || t[0] == '+' || t[0] == '=' || t[0] == '#') {
		return lead + `\` + t
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') {
		return lead + t[:i] + `\` + t[i:]
	}
	return s
}

// EscapeJSON rewrites, inside encoded JSON, the characters encoding/json
// leaves as they are but a terminal must not see raw (DEL, C1 controls,
// bidi controls, U+FEFF) as \u escapes: the JSON means the same, and every
// byte of it is safe to print. It returns b itself when there is nothing
// to change.
func EscapeJSON(b []byte) []byte {
	i := firstJSONEscape(b)
	if i == len(b) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	i = 0
	for i < len(b) && b[i] < 0x7f {
		i++
	}
	out.Write(b[:i])
	for i < len(b) {
		c := b[i]
		if c < 0x7f {
			out.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if c == 0x7f || jsonEscaped(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[i : i+size])
		}
		i += size
	}
	return out.Bytes()
}

// HTML cleans an HTML page or fragment made with html/template, whose
// escaping leaves control and bidi characters as they are: each is shown
// as Clean shows it, with the marker itself escaped ("&lt;U+202E&gt;"), so
// it reads the same in text and in attribute values.
func HTML(b []byte) []byte {
	if !needsWorkBytes(b) {
		return b
	}
	return []byte(htmlMarkers.Replace(Clean(string(b))))
}

// htmlMarkers escapes each <U+XXXX> marker Clean writes.
var htmlMarkers = func() *strings.Replacer {
	var pairs []string
	for _, r := range []rune{0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff} {
		m := fmt.Sprintf("<U+%04X>", r)
		pairs = append(pairs, m, "&lt;"+m[1:len(m)-1]+"&gt;")
	}
	for r := rune(0x80); r <= 0x9f; r++ {
		m := fmt.Sprintf("<U+%04X>", r)
		pairs = append(pairs, m, "&lt;"+m[1:len(m)-1]+"&gt;")
	}
	return strings.NewReplacer(pairs...)
}()

// jsonEscaped: what EscapeJSON writes as \u escapes.
func jsonEscaped(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidi(r) || r == 0xfeff || r == 0x2028 || r == 0x2029
}

// firstJSONEscape is where the first character EscapeJSON changes is, or
// len(b): most results have none, and are passed on without a copy.
func firstJSONEscape(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if c == 0x7f || jsonEscaped(r) {
			return i
		}
		i += size
	}
	return len(b)
}
