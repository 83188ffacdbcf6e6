package star

// Answer files are read as a stream: a Splitter cuts a file into chunks
// (one JSON line, one element of a JSON array, one answer of a big YAML
// list, or a whole small file) without holding the file in memory, and each
// chunk decodes on its own, so `review` can decode in parallel. ReadAnswers
// and ParseAnswers collect a whole file for callers that want it all.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
)

// Item is one answer read from a file, with where it came from
// ("answers/mon.yaml#2"; the #N only when the file holds several).
type Item struct {
	Source string
	Line   int
	Answer Answer
}

// Record is one answer of a file, or the problem that kept it from being
// read: Err is then a *yamlfile.Error naming the file and line, and Item has
// only Source and Line.
type Record struct {
	Item
	Err error
}

// wholeFileLimit is the size up to which a YAML file is parsed in one piece;
// bigger ones are read answer by answer.
const wholeFileLimit = 4 << 20

type chunkForm uint8

const (
	formJSON     chunkForm = iota + 1 // one JSON answer object
	formYAMLFile                      // a whole .yaml file, strictly
	formLoose                         // stdin or a file without an extension: YAML answers, or else prose
	formText                          // one free-text answer
	formDecoded                       // a record decoded while splitting (a big YAML file, or a problem)
)

// Chunk is a piece of an answer file that decodes on its own, with
// Records. Its answers are numbered when it is cut, so chunks may be decoded
// on any goroutine, in any order.
type Chunk struct {
	name    string
	index   int  // the number of the chunk's answer in its file, from 1; 0 for a whole file
	several bool // the file holds more than one answer
	line    int
	data    []byte
	form    chunkForm
	company string
	decoded Record
	// Size is how many bytes of the input the chunk covers (for progress).
	Size int
}

// Records decodes the chunk. It is safe to call from several goroutines on
// different chunks.
func (c *Chunk) Records() []Record {
	switch c.form {
	case formJSON:
		src := c.source()
		a, err := decodeJSONAnswer(c.data, c.name, c.line)
		if err != nil {
			return []Record{{Item: Item{Source: src, Line: c.line}, Err: err}}
		}
		if a.Company == "" {
			a.Company = c.company
		}
		return []Record{checkWords(Record{Item: Item{Source: src, Line: c.line, Answer: a}}, c.name, c.index)}
	case formDecoded:
		r := c.decoded
		r.Source = c.source()
		return []Record{r}
	case formText:
		return []Record{checkWords(Record{Item: Item{Source: c.name, Line: 1, Answer: Answer{Text: string(c.data)}}}, c.name, 1)}
	case formYAMLFile, formLoose:
		recs, empty := decodeYAML(c.data, c.name, c.form == formYAMLFile, false, 0)
		if empty {
			return []Record{emptyRecord(c.name, "only comments or empty documents")}
		}
		for i := range recs {
			if len(recs) > 1 {
				recs[i].Source = fmt.Sprintf("%s#%d", c.name, i+1)
			} else {
				recs[i].Source = c.name
			}
			recs[i] = checkWords(recs[i], c.name, i+1)
		}
		return recs
	}
	return nil
}

func (c *Chunk) source() string {
	if c.several {
		return fmt.Sprintf("%s#%d", c.name, c.index)
	}
	return c.name
}

// checkWords turns an answer with no words into a problem (a skipped
// question has none, and is fine), and one longer than infile.MaxAnswer
// too: no spoken answer is that long, and the scorer's time grows with it.
func checkWords(r Record, name string, n int) Record {
	if r.Err == nil && r.Answer.Empty() && !r.Answer.Skipped {
		r.Err = problem(name, r.Line, fmt.Sprintf("answer %d has no words: give it `text:` or `star:` parts", n))
	}
	if r.Err == nil && answerSize(&r.Answer) > infile.MaxAnswer {
		r.Err = problem(name, r.Line, fmt.Sprintf("answer %d is %s long; the limit is %s (about 10,000 words): split it, or check it is an answer",
			n, infile.Size(int64(answerSize(&r.Answer))), infile.Size(infile.MaxAnswer)))
	}
	return r
}

// answerSize is the bytes of an answer's text and parts.
func answerSize(a *Answer) int {
	n := len(a.Text) + len(a.Question)
	if p := a.STAR; p != nil {
		n += len(p.Situation) + len(p.Task) + len(p.Action) + len(p.Result)
	}
	return n
}

func problem(name string, line int, msg string) error {
	return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: line, Message: msg}}}
}

func emptyRecord(name, why string) Record {
	return Record{Item: Item{Source: name}, Err: problem(name, 0, "no answer in the file ("+why+")")}
}

// Splitter cuts one answer file into chunks as it reads. The forms
// (DESIGN.md): a YAML file with one answer, a list of answers, several
// documents, or a saved session (answers: [...]); a .json file with an
// answer, a list or a session; a .jsonl file (or JSON lines on stdin) with
// one answer object per line; anything else is one free-text answer. path
// "-" means standard input and is named "stdin" in messages.
type Splitter struct {
	name, path string
	produce    func() (Chunk, error)
	count      int
	several    bool
	held       []Chunk
	heldErr    error
}

// NewSplitter reads the answers of the file at path from r. The text is
// decoded as infile.NewReader does (a byte-order mark dropped, UTF-16
// decoded), and no piece of it is held whole beyond the limits of infile.
func NewSplitter(r io.Reader, path string) *Splitter {
	s := &Splitter{name: path, path: path}
	if path == "-" {
		s.name = "stdin"
	}
	s.produce = s.start(infile.NewReader(r, s.name))
	return s
}

// Next returns the next chunk, or io.EOF after the last. Any other error is
// a failure to read (not a problem in the data, which comes back as a
// record).
func (s *Splitter) Next() (Chunk, error) {
	if len(s.held) > 0 {
		c := s.held[0]
		s.held = s.held[1:]
		return c, nil
	}
	if s.heldErr != nil {
		return Chunk{}, s.heldErr
	}
	c, err := s.produce()
	if err != nil {
		return Chunk{}, err
	}
	if c.index == 0 { // a whole file numbers its own answers
		return c, nil
	}
	s.count++
	c.index = s.count
	if s.count == 1 {
		// Whether sources get "#N" depends on there being a second answer.
		next, err := s.produce()
		if err != nil {
			s.heldErr = err
		} else {
			s.several = true
			s.count++
			next.index, next.several = s.count, true
			s.held = append(s.held, next)
		}
	}
	c.several = s.several
	return c, nil
}

// start looks at the start of the input and picks how to split it.
func (s *Splitter) start(r io.Reader) func() (Chunk, error) {
	ext := strings.ToLower(filepath.Ext(s.path))
	switch {
	case ext == ".jsonl":
		return s.jsonLines(r)
	case ext == ".json":
		return s.json(r)
	case ext == ".yaml" || ext == ".yml":
		return s.yaml(r)
	case s.path == "-":
		return s.sniff(r)
	case ext == "":
		return s.whole(r, formLoose)
	default:
		return s.whole(r, formText)
	}
}

// once returns a producer that gives c, then io.EOF.
func once(c Chunk, err error) func() (Chunk, error) {
	done := false
	return func() (Chunk, error) {
		if done {
			return Chunk{}, io.EOF
		}
		done = true
		return c, err
	}
}

// wholeLimit is how much text is read as one piece: one free-text answer,
// or answers in YAML on standard input (a bigger YAML file is streamed).
func wholeLimit(form chunkForm) int64 {
	if form == formText {
		return infile.MaxAnswer
	}
	return wholeFileLimit
}

// whole reads all of r as one chunk.
func (s *Splitter) whole(r io.Reader, form chunkForm) func() (Chunk, error) {
	data, err := io.ReadAll(io.LimitReader(r, wholeLimit(form)+1))
	if err != nil {
		return once(Chunk{}, fmt.Errorf("read %s: %w", s.name, err))
	}
	return s.wholeChunk(data, form)
}

// tooLong is the record of a text over its limit.
func (s *Splitter) tooLong(form chunkForm) Chunk {
	msg := fmt.Sprintf("the answer is longer than %s (about 10,000 words): split it, or check it is an answer", infile.Size(infile.MaxAnswer))
	if form != formText {
		msg = fmt.Sprintf("more than %s of text that is not JSON: put YAML answers in a .yaml file, or give JSON lines", infile.Size(wholeFileLimit))
	}
	return s.decodedChunk(Record{Item: Item{Source: s.name, Line: 1}, Err: problem(s.name, 0, msg)}, 0)
}

func (s *Splitter) wholeChunk(data []byte, form chunkForm) func() (Chunk, error) {
	if int64(len(data)) > wholeLimit(form) {
		return once(s.tooLong(form), nil)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return once(s.decodedChunk(emptyRecord(s.name, "it is empty"), len(data)), nil)
	}
	return once(Chunk{name: s.name, line: 1, data: data, form: form, Size: len(data)}, nil)
}

// decodedChunk carries a record found while splitting. It counts as one
// answer of the file (index is set by Next).
func (s *Splitter) decodedChunk(r Record, size int) Chunk {
	return Chunk{name: s.name, index: -1, line: r.Line, form: formDecoded, decoded: r, Size: size}
}

// sniff decides what standard input holds: JSON lines when its first line
// is a whole JSON object, JSON when it starts with { or [, and otherwise
// YAML answers or prose (read whole).
func (s *Splitter) sniff(r io.Reader) func() (Chunk, error) {
	var head []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		head = append(head, buf[:n]...)
		trimmed := bytes.TrimLeft(head, " \t\r\n")
		if len(trimmed) > 0 && trimmed[0] != '{' && trimmed[0] != '[' {
			rest, rerr := io.ReadAll(io.LimitReader(r, wholeFileLimit+1))
			if rerr != nil {
				return once(Chunk{}, fmt.Errorf("read %s: %w", s.name, rerr))
			}
			return s.wholeChunk(append(head, rest...), formLoose)
		}
		if len(trimmed) > 0 && trimmed[0] == '[' {
			return s.json(io.MultiReader(bytes.NewReader(head), r))
		}
		// { starts JSON lines when the first line is a whole object, else
		// one JSON object over several lines.
		if i := bytes.IndexByte(trimmed, '\n'); i >= 0 || err != nil || len(head) > sniffLimit {
			in := io.MultiReader(bytes.NewReader(head), r)
			if err != nil && !errors.Is(err, io.EOF) {
				return once(Chunk{}, fmt.Errorf("read %s: %w", s.name, err))
			}
			if len(trimmed) == 0 {
				return s.wholeChunk(head, formLoose)
			}
			first := trimmed
			if i >= 0 {
				first = trimmed[:i]
			}
			if jsonValid(bytes.TrimSpace(first)) {
				return s.jsonLines(in)
			}
			return s.json(in)
		}
	}
}

// sniffLimit bounds how much of standard input is read to tell JSON lines
// from one JSON object.
const sniffLimit = 16 << 20

// ReadAnswers reads every answer of one file. Problems with any answer come
// back together as one *yamlfile.Error naming the file and each line (and no
// items). A session with no answers yet gives no items and no error.
func ReadAnswers(r io.Reader, path string) ([]Item, error) {
	sp := NewSplitter(r, path)
	var items []Item
	var problems []yamlfile.Problem
	for {
		c, err := sp.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, rec := range c.Records() {
			var ye *yamlfile.Error
			switch {
			case rec.Err == nil && len(items) >= infile.MaxRecords:
				return nil, problem(sp.name, rec.Line, fmt.Sprintf("the file holds more than %d answers; review reads any number: starprep review %s", infile.MaxRecords, path))
			case rec.Err == nil:
				items = append(items, rec.Item)
			case errors.As(rec.Err, &ye):
				problems = append(problems, ye.Problems...)
				if len(problems) >= maxProblems {
					problems = append(problems, yamlfile.Problem{Path: sp.name, Message: fmt.Sprintf("stopped reading after %d problems", maxProblems)})
					return nil, &yamlfile.Error{Problems: problems}
				}
			default:
				return nil, rec.Err
			}
		}
	}
	if len(problems) > 0 {
		return nil, &yamlfile.Error{Problems: problems}
	}
	return items, nil
}

// maxProblems is how many problems of one file are reported before
// ReadAnswers stops reading it.
const maxProblems = 100

// ParseAnswers reads every answer in data, as ReadAnswers does.
func ParseAnswers(data []byte, path string) ([]Item, error) {
	return ReadAnswers(bytes.NewReader(data), path)
}
