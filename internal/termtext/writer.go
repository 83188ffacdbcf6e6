package termtext

import (
	"bytes"
	"crypto/rand"
	"io"
	"strings"
	"unicode/utf8"
)

// Writer passes everything written to it through Clean on its way to the
// underlying writer, so no control byte of a file's text reaches a terminal
// or a pipe whatever the code that printed it. starprep's own colours get
// through only when colour is allowed and only as Color writes them: each
// colour code is preceded by a mark made of random private-use characters
// at start-up, which no file can know; the mark is removed, and a colour
// code without it is shown like any other escape. A UTF-8 sequence, a
// mark or a carriage return cut by the end of one Write is held until the
// next one (or Flush).
type Writer struct {
	w       io.Writer
	color   bool
	pending []byte
	buf     []byte
}

// NewWriter returns a Writer over w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// AllowColor lets starprep's own colour codes through (or not).
func (w *Writer) AllowColor(on bool) { w.color = on }

// Unwrap is the writer underneath.
func (w *Writer) Unwrap() io.Writer { return w.w }

func (w *Writer) Write(p []byte) (int, error) {
	if len(w.pending) == 0 && allSafe(p) {
		return w.w.Write(p)
	}
	data := p
	if len(w.pending) > 0 {
		data = append(w.pending, p...)
		w.pending = nil
	}
	out := w.buf[:0]
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c >= 0x20 && c < 0x7f, c == '\n', c == '\t':
			out = append(out, c)
			i++
			continue
		case c == '\r':
			if i+1 == len(data) {
				w.pending = append(w.pending, c)
				i++
				continue
			}
			if data[i+1] != '\n' {
				out = append(out, "␍"...)
			}
			i++
			continue
		case c == colorMark[0]:
			rest := data[i:]
			if len(rest) < len(colorMark) && colorMark[:len(rest)] == string(rest) {
				w.pending = append(w.pending, rest...)
				i = len(data)
				continue
			}
			if len(rest) >= len(colorMark) && string(rest[:len(colorMark)]) == colorMark {
				rest = rest[len(colorMark):]
				n, complete := sgrLen(rest)
				if !complete {
					w.pending = append(w.pending, data[i:]...)
					i = len(data)
					continue
				}
				i += len(colorMark)
				if w.color && n > 0 {
					out = append(out, rest[:n]...)
				}
				i += n // without colour the code is dropped with its mark
				continue
			}
			if !utf8.FullRune(rest) {
				w.pending = append(w.pending, rest...)
				i = len(data)
				continue
			}
		case c >= 0x80 && !utf8.FullRune(data[i:]):
			w.pending = append(w.pending, data[i:]...)
			i = len(data)
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if v, ok := visible(r); ok && !(r == utf8.RuneError && size > 1) {
			out = append(out, v...)
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	w.buf = out
	if _, err := w.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what a Write held back (an unfinished UTF-8 sequence comes
// out as U+FFFD, a lone carriage return as ␍).
func (w *Writer) Flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	rest := w.pending
	w.pending = nil
	_, err := io.WriteString(w.w, clean(string(rest), true))
	return err
}

// allSafe reports whether p can be written as it is: printable text,
// newlines and tabs, whole UTF-8 characters none of which Clean changes.
// (Most output is: this keeps a review's megabytes from being copied.)
func allSafe(p []byte) bool {
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c >= 0x20 && c < 0x7f, c == '\n', c == '\t':
			i++
			continue
		case c < 0x80, c == colorMark[0], !utf8.FullRune(p[i:]):
			return false
		}
		r, size := utf8.DecodeRune(p[i:])
		if _, bad := visible(r); bad && !(r == utf8.RuneError && size > 1) {
			return false
		}
		i += size
	}
	return true
}

func needsWorkBytes(p []byte) bool {
	for _, b := range p {
		if (b < 0x20 && b != '\n' && b != '\t') || b >= 0x7f {
			return true
		}
	}
	return false
}

// sgrLen is the length of the colour sequence at the start of p (ESC [
// params m) when its every parameter is one starprep uses, 0 when p starts
// with anything else; complete is false when p ends before the sequence
// could be told.
func sgrLen(p []byte) (n int, complete bool) {
	if len(p) < 2 {
		return 0, false
	}
	if p[1] != '[' {
		return 0, true
	}
	param := 0
	digits := 0
	for i := 2; i < len(p) && i < 32; i++ {
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			param = param*10 + int(c-'0')
			digits++
			if digits > 2 {
				return 0, true
			}
		case c == ';' || c == 'm':
			if !allowedSGR(param) {
				return 0, true
			}
			if c == 'm' {
				return i + 1, true
			}
			param, digits = 0, 0
		default:
			return 0, true
		}
	}
	if len(p) < 32 {
		return 0, false
	}
	return 0, true
}

// allowedSGR: reset, bold, faint, italic, underline, reverse, their
// resets, and the standard and bright foreground colours. Conceal (8),
// blink and backgrounds are not needed and not let through.
func allowedSGR(n int) bool {
	switch {
	case n <= 4, n == 7, n == 22, n == 23, n == 24, n == 27, n == 39:
		return true
	case n >= 30 && n <= 37, n >= 90 && n <= 97:
		return true
	}
	return false
}

// colorMark precedes each of starprep's own colour codes (Color); it is
// random private-use characters, so text from a file cannot forge it.
var colorMark = func() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	var s strings.Builder
	for _, x := range b {
		s.WriteRune(0xe000 + rune(x)) // U+E000..U+E0FF: three bytes, EE 80|83 xx
	}
	return s.String()
}()

// Color wraps s in one of the SGR colour codes (code "31", "1", "7") the
// way Writer lets through when colour is allowed. Where the text does not
// go through a Writer, it must not be coloured this way.
func Color(code, s string) string {
	return colorMark + "\x1b[" + code + "m" + s + colorMark + "\x1b[0m"
}

// CleanKeepColor is Clean for text that starprep has already coloured
// (feedback it lays out itself): with color, its own colour codes stay.
func CleanKeepColor(s string, color bool) string {
	if !needsWork(s) {
		return s
	}
	var b bytes.Buffer
	w := NewWriter(&b)
	w.AllowColor(color)
	_, _ = w.Write([]byte(s))
	_ = w.Flush()
	return b.String()
}
