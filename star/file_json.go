package star

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	gojson "github.com/goccy/go-json"
	"github.com/starprep/starprep/internal/infile"
)

const (
	// blockSize is how much of a JSON lines file is read at a time (the
	// first blocks are smaller, for small files); each line's chunk points
	// into its block, so lines are never copied.
	blockSize      = 1 << 20
	firstBlockSize = 64 << 10
	// maxLine bounds one JSON line, so a file without newlines cannot take
	// all the memory; a longer line is one problem, and the lines after it
	// are read as usual.
	maxLine = infile.MaxJSONLine
)

// jsonLines splits one answer object per line. Blank lines are skipped; a
// bad line is one bad record, and the lines after it are read as usual.
func (s *Splitter) jsonLines(r io.Reader) func() (Chunk, error) {
	var block []byte // the unread part of the current block
	size := firstBlockSize
	line := 0
	eof, any := false, false
	skipping := false // the rest of an over-long line is being passed over
	return func() (Chunk, error) {
		for {
			if skipping {
				if i := bytes.IndexByte(block, '\n'); i >= 0 {
					block, skipping = block[i+1:], false
				} else if eof {
					return Chunk{}, io.EOF
				} else {
					block = block[:0]
				}
			}
			if !skipping {
				if i := bytes.IndexByte(block, '\n'); i >= 0 || (eof && len(block) > 0) {
					if i < 0 {
						i = len(block)
					}
					raw := block[:i]
					size := i + 1
					block = block[min(i+1, len(block)):]
					line++
					raw = bytes.TrimSpace(raw)
					if len(raw) == 0 {
						continue
					}
					any = true
					return Chunk{name: s.name, index: -1, line: line, data: raw, form: formJSON, Size: size}, nil
				}
				if eof {
					if !any {
						any = true
						return s.decodedChunk(emptyRecord(s.name, "it is empty"), 0), nil
					}
					return Chunk{}, io.EOF
				}
				if len(block) >= maxLine {
					line++
					skipping, block, any = true, block[:0], true
					return s.decodedChunk(Record{Item: Item{Source: s.name, Line: line},
						Err: problem(s.name, line, fmt.Sprintf("the line is longer than %s; one answer is at most %s: is this really a .jsonl file?", infile.Size(maxLine), infile.Size(infile.MaxAnswer)))}, 0), nil
				}
			}
			// Start a new block with the unfinished line.
			next := make([]byte, len(block), max(size, 2*len(block)))
			size = min(2*size, blockSize)
			copy(next, block)
			for len(next) < cap(next) {
				n, err := r.Read(next[len(next):cap(next)])
				next = next[:len(next)+n]
				if errors.Is(err, io.EOF) {
					eof = true
					break
				}
				if err != nil {
					return Chunk{}, fmt.Errorf("read %s: %w", s.name, err)
				}
			}
			block = next
		}
	}
}

// json splits a JSON file: the elements of an array, the answers of a
// session, or one answer object. Only one element is held at a time.
func (s *Splitter) json(r io.Reader) func() (Chunk, error) {
	t := &lineTracker{r: r, line: 1, keep: -1, limit: infile.MaxRecord}
	dec := json.NewDecoder(t)
	var queue []Chunk
	started, done := false, false
	var fail func(err error) Chunk
	fail = func(err error) Chunk {
		done = true
		var se *json.SyntaxError
		line := 0
		if errors.As(err, &se) {
			line = t.lineOf(se.Offset)
		} else if errors.Is(err, errRecordTooBig) {
			line = t.lineOf(t.base)
			err = fmt.Errorf("an answer (or the fields of the session) is larger than %s: is this the right file?", infile.Size(infile.MaxRecord))
		} else if errors.Is(err, io.ErrUnexpectedEOF) {
			line = t.lineOf(t.base + int64(len(t.buf))) // where it ends
			err = errors.New("the JSON ends too early (a missing ] or })")
		}
		return s.decodedChunk(Record{Item: Item{Source: s.name, Line: line}, Err: problem(s.name, line, jsonMessage(err))}, 0)
	}
	// elements streams the rest of an array whose [ was read.
	elements := func(company string) (Chunk, bool, error) {
		if !dec.More() {
			if _, err := dec.Token(); err != nil { // ]
				return fail(err), true, nil
			}
			return Chunk{}, false, nil
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if isReadError(err) {
				return Chunk{}, true, fmt.Errorf("read %s: %w", s.name, err)
			}
			return fail(err), true, nil
		}
		end := dec.InputOffset()
		line := t.lineAt(end - int64(len(raw)))
		return Chunk{name: s.name, index: -1, line: line, data: raw, form: formJSON, company: company, Size: len(raw)}, true, nil
	}
	var obj *jsonObject
	inArray := false
	var company string
	return func() (Chunk, error) {
		if len(queue) > 0 {
			c := queue[0]
			queue = queue[1:]
			return c, nil
		}
		if done {
			return Chunk{}, io.EOF
		}
		if !started {
			started = true
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				done = true
				return s.decodedChunk(emptyRecord(s.name, "it is empty"), 0), nil
			}
			if err != nil {
				if isReadError(err) {
					return Chunk{}, fmt.Errorf("read %s: %w", s.name, err)
				}
				return fail(err), nil
			}
			switch tok {
			case json.Delim('['):
				inArray = true
			case json.Delim('{'):
				start := dec.InputOffset() - 1
				obj = &jsonObject{start: start, line: t.lineOf(start)}
				t.keepFrom(start)
			default:
				return fail(errors.New("expected an answer object ({...}), a list of answers ([...]) or a session")), nil
			}
		}
		for {
			if inArray {
				c, ok, err := elements(company)
				if err != nil || ok {
					return c, err
				}
				inArray = false
				if obj == nil { // the file's own array ended
					done = true
					return s.end(dec, t, fail)
				}
				continue
			}
			// Inside the top-level object: the next key, or its end.
			if !dec.More() {
				if _, err := dec.Token(); err != nil { // }
					return fail(err), nil
				}
				done = true
				c := s.finishObject(obj, dec, t)
				next, err := s.end(dec, t, fail)
				if err == nil {
					queue = append(queue, next)
				}
				if c.form != 0 {
					return c, nil
				}
				if len(queue) > 0 {
					queue = queue[1:]
					return next, nil
				}
				return Chunk{}, io.EOF
			}
			keyTok, err := dec.Token()
			if err != nil {
				return fail(err), nil
			}
			key, _ := keyTok.(string)
			keyLine := t.lineOf(dec.InputOffset())
			if key == "answers" && !obj.session {
				obj.session = true
				t.keepFrom(-1)
				tok, err := dec.Token()
				if err != nil {
					return fail(err), nil
				}
				if tok == nil { // answers: null, a plan-only session
					continue
				}
				if tok != json.Delim('[') {
					return fail(fmt.Errorf("field answers: expected a list of answers")), nil
				}
				inArray = true
				continue
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return fail(err), nil
			}
			obj.fields = append(obj.fields, jsonField{key: key, line: keyLine, value: v})
			if key == "company" {
				// A session's company goes with the answers after it (the
				// files starprep writes put it first).
				_ = json.Unmarshal(v, &company)
			}
		}
	}
}

// end checks nothing but white space follows the top-level value.
func (s *Splitter) end(dec *json.Decoder, t *lineTracker, fail func(error) Chunk) (Chunk, error) {
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			line := t.lineOf(dec.InputOffset())
			return s.decodedChunk(Record{Item: Item{Source: s.name, Line: line},
				Err: problem(s.name, line, "more than one JSON value: use a .jsonl file for one answer per line")}, 0), nil
		}
		return fail(err), nil
	}
	return Chunk{}, io.EOF
}

// jsonObject is the top-level object of a .json file while it is read: a
// session (it has answers) or one answer.
type jsonObject struct {
	start   int64
	line    int
	session bool
	fields  []jsonField
}

type jsonField struct {
	key   string
	line  int
	value json.RawMessage
}

// finishObject turns a whole top-level object into its last chunk: the
// answer itself, or a problem with the session's own fields. The zero Chunk
// means nothing more to give.
func (s *Splitter) finishObject(obj *jsonObject, dec *json.Decoder, t *lineTracker) Chunk {
	if !obj.session {
		raw := t.bytesFrom(obj.start, dec.InputOffset())
		return Chunk{name: s.name, index: -1, line: obj.line, data: raw, form: formJSON, Size: len(raw)}
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range obj.fields {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(f.value)
	}
	b.WriteByte('}')
	var sess Session
	d := json.NewDecoder(&b)
	d.DisallowUnknownFields()
	if err := d.Decode(&sess); err != nil {
		line := obj.line
		name := ""
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			name = te.Field
		} else if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			name = strings.Trim(f, `"`)
		}
		for _, f := range obj.fields {
			if f.key == name {
				line = f.line
			}
		}
		return s.decodedChunk(Record{Item: Item{Source: s.name, Line: line}, Err: problem(s.name, line, "session: "+jsonMessage(err))}, 0)
	}
	return Chunk{}
}

// lineTracker counts the lines of what a json.Decoder reads, so a stream
// offset can be turned into a line number without keeping the whole input.
type lineTracker struct {
	r    io.Reader
	buf  []byte // bytes read from base on
	base int64
	line int   // the line number at base
	keep int64 // when >= 0, bytes from keep on are kept (a top-level object)
	// limit bounds what is held at once: one element, or the top-level
	// object being kept (0: no bound).
	limit int
}

// errRecordTooBig: one value of a JSON file is over the limit.
var errRecordTooBig = errors.New("a JSON value is too big")

func (t *lineTracker) Read(p []byte) (int, error) {
	if t.limit > 0 && len(t.buf) > t.limit {
		return 0, errRecordTooBig
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// lineAt is the line of offset off, which must not be before an earlier
// call's; what comes before it is forgotten.
func (t *lineTracker) lineAt(off int64) int {
	line := t.lineOf(off)
	cut := off
	if t.keep >= 0 {
		cut = min(cut, t.keep)
	}
	k := int(min(max(cut-t.base, 0), int64(len(t.buf))))
	t.line += bytes.Count(t.buf[:k], []byte{'\n'})
	t.buf = t.buf[k:]
	t.base += int64(k)
	return line
}

// lineOf is the line of offset off, forgetting nothing.
func (t *lineTracker) lineOf(off int64) int {
	k := int(min(max(off-t.base, 0), int64(len(t.buf))))
	return t.line + bytes.Count(t.buf[:k], []byte{'\n'})
}

// keepFrom keeps the bytes from off on until keepFrom(-1).
func (t *lineTracker) keepFrom(off int64) {
	if off >= 0 {
		t.lineAt(off)
	}
	t.keep = off
}

func (t *lineTracker) bytesFrom(from, to int64) []byte {
	i := int(min(max(from-t.base, 0), int64(len(t.buf))))
	j := int(min(max(to-t.base, 0), int64(len(t.buf))))
	return bytes.Clone(t.buf[i:j])
}

// isReadError tells a failure to read from a problem in the JSON.
func isReadError(err error) bool {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	return !errors.Is(err, errRecordTooBig) && !errors.As(err, &se) && !errors.As(err, &te) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF)
}

func jsonValid(b []byte) bool { return json.Valid(b) }

// decodeJSONAnswer decodes one answer object strictly; problems name the
// line within the file (the object starts on line). goccy/go-json decodes
// the same as encoding/json about three times as fast; when it finds a
// problem, encoding/json decodes again for the message and position people
// are used to.
func decodeJSONAnswer(raw []byte, name string, line int) (Answer, error) {
	var a Answer
	if len(raw) == 0 || raw[0] != '{' {
		return a, problem(name, line, "expected an answer object ({...}) with text or star")
	}
	fast := gojson.NewDecoder(bytes.NewReader(raw))
	fast.DisallowUnknownFields()
	if err := fast.Decode(&a); err == nil && !fast.More() {
		return a, nil
	}
	a = Answer{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(&a)
	if err == nil && dec.More() {
		return a, problem(name, line, "more than one JSON value: use a .jsonl file for one answer per line")
	}
	if err == nil {
		return a, nil
	}
	at := 0
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		at = int(se.Offset)
	case errors.As(err, &te):
		at = int(te.Offset)
	default:
		// encoding/json gives no position for an unknown field: find it.
		if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			if i := bytes.Index(raw, []byte(f+":")); i >= 0 {
				at = i
			} else if i := bytes.Index(raw, []byte(f)); i >= 0 {
				at = i
			}
		}
	}
	at = min(max(at, 0), len(raw))
	return Answer{}, problem(name, line+bytes.Count(raw[:at], []byte{'\n'}), jsonMessage(err))
}

// jsonMessage rewords encoding/json's errors for a person.
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := map[string]string{"string": "text", "int": "a whole number", "bool": "true or false",
			"time.Time": "a time such as 2026-11-22T10:15:03Z"}[te.Type.String()]
		if want == "" {
			want = "a " + te.Type.Kind().String()
			if strings.HasPrefix(te.Type.String(), "[]") {
				want = "a list"
			} else if te.Type.Kind().String() == "struct" || te.Type.Kind().String() == "ptr" {
				want = "an object"
			}
		}
		field := te.Field
		if field == "" {
			field = "value"
		}
		return fmt.Sprintf("field %s: expected %s, found a JSON %s", field, want, te.Value)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return "unknown field " + f + " (see the answer format in the README)"
	}
	return strings.TrimPrefix(msg, "json: ")
}
