package star

import (
	"strconv"
	"unicode/utf8"
)

// A score result's JSON, written straight into a buffer. encoding/json
// reaches the same bytes (TestResultJSONIsEncodingJSON holds it to that)
// but through reflection and a second pass over the output, which cost a
// review of many answers as much as reading them; so results are written
// here, in the contract's field order, with encoding/json's escaping and
// HTML characters left as they are.

// AppendJSON appends r as one line of compact JSON (no newline), as
// encoding/json writes it with SetEscapeHTML(false).
func (r *Result) AppendJSON(b []byte) []byte {
	b = append(b, `{"schema":`...)
	b = appendJSONString(b, r.Schema)
	if r.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, r.Source)
	}
	if r.ID != "" {
		b = append(b, `,"id":`...)
		b = appendJSONString(b, r.ID)
	}
	if r.QuestionID != "" {
		b = append(b, `,"question_id":`...)
		b = appendJSONString(b, r.QuestionID)
	}
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = append(b, `,"band":`...)
	b = appendJSONString(b, r.Band)
	b = append(b, `,"words":`...)
	b = strconv.AppendInt(b, int64(r.Words), 10)
	if r.Kind != "" {
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, r.Kind)
	}
	if len(r.Components) > 0 {
		b = append(b, `,"components":`...)
		b = r.Components.appendJSON(b)
	}
	b = append(b, `,"checks":`...)
	if r.Checks == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Checks {
			if i > 0 {
				b = append(b, ',')
			}
			c := &r.Checks[i]
			b = append(b, `{"id":`...)
			b = appendJSONString(b, c.ID)
			b = append(b, `,"ok":`...)
			b = strconv.AppendBool(b, c.OK)
			b = append(b, `,"message":`...)
			b = appendJSONString(b, c.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"tips":`...)
	b = appendJSONStrings(b, r.Tips)
	return append(b, '}')
}

// appendJSON writes the parts in STAR order, then any others by name.
func (m ComponentMap) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	put := func(name string, c *Component) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, name)
		b = append(b, `:{"present":`...)
		b = strconv.AppendBool(b, c.Present)
		b = append(b, `,"score":`...)
		b = strconv.AppendInt(b, int64(c.Score), 10)
		b = append(b, `,"words":`...)
		b = strconv.AppendInt(b, int64(c.Words), 10)
		b = append(b, `,"sentences":`...)
		b = appendJSONStrings(b, c.Sentences)
		if len(c.Evidence) > 0 {
			b = append(b, `,"evidence":`...)
			b = appendJSONStrings(b, c.Evidence)
		}
		b = append(b, '}')
	}
	for _, name := range Components {
		if c, ok := m[name]; ok {
			put(name, &c)
		}
	}
	for _, name := range m.extraNames() {
		c := m[name]
		put(name, &c)
	}
	return append(b, '}')
}

func appendJSONStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off:
// quotes, backslashes and control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
