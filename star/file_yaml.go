package star

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// answerKeys are the fields that make a YAML mapping an answer or a session
// rather than plain text that happens to contain a colon ("Situation: ...").
var answerKeys = []string{"id", "question_id", "question", "text", "star", "answers", "answered_at"}

// yaml splits a .yaml file. A file up to wholeFileLimit is one chunk (a
// saved session, say); a bigger one is read a piece at a time: each YAML
// document, and each item of a list at the top of a document, is decoded
// while splitting, so memory holds one answer, not the file.
func (s *Splitter) yaml(r io.Reader) func() (Chunk, error) {
	head, err := io.ReadAll(io.LimitReader(r, wholeFileLimit+1))
	if err != nil {
		return once(Chunk{}, fmt.Errorf("read %s: %w", s.name, err))
	}
	if len(head) <= wholeFileLimit {
		return s.wholeChunk(head, formYAMLFile)
	}
	br := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(head), r), 64<<10)
	p := &yamlPieces{r: br}
	var queue []Chunk
	any := false
	n := 0 // answers so far
	return func() (Chunk, error) {
		for len(queue) == 0 {
			piece, start, err := p.next()
			if errors.Is(err, errPieceTooBig) {
				n++
				any = true
				queue = append(queue, s.decodedChunk(Record{Item: Item{Source: s.name, Line: start},
					Err: problem(s.name, start, fmt.Sprintf("answer %d (or this YAML document) is larger than %s: split it, or check it is an answer", n, infile.Size(infile.MaxRecord)))}, 0))
				continue
			}
			if errors.Is(err, io.EOF) {
				if !any {
					any = true
					return s.decodedChunk(emptyRecord(s.name, "only comments or empty documents"), 0), nil
				}
				return Chunk{}, io.EOF
			}
			if err != nil {
				return Chunk{}, fmt.Errorf("read %s: %w", s.name, err)
			}
			recs, _ := decodeYAML(piece, s.name, true, true, start-1)
			for i, rec := range recs {
				size := 0
				if i == 0 {
					size = len(piece)
				}
				n++
				rec = checkWords(rec, s.name, n)
				queue = append(queue, s.decodedChunk(rec, size))
			}
			any = any || len(recs) > 0
		}
		c := queue[0]
		queue = queue[1:]
		return c, nil
	}
}

// yamlPieces cuts YAML text at document markers and, in a document that is
// a list, before each top-level item ("- " at the start of a line). YAML
// keeps the content of a top-level list item indented, and "---" at the
// start of a line always starts a document, so each piece parses alone.
type yamlPieces struct {
	r    *bufio.Reader
	line int // lines read so far
	// pending is a line read ahead that starts the next piece: a list item
	// when pendingItem, else a document marker.
	pending     []byte
	pendingItem bool
	eof         bool
}

// errPieceTooBig: a piece is over infile.MaxRecord; its lines are passed
// over up to the next piece.
var errPieceTooBig = errors.New("a YAML piece is too big")

// next returns a piece and the line it starts on, or io.EOF.
func (p *yamlPieces) next() ([]byte, int, error) {
	var piece []byte
	start := p.line + 1
	root := byte(0) // 0 unknown, '-' a list, 'm' anything else
	items := 0
	tooBig := false
	if p.pending != nil {
		piece, start = p.pending, p.line
		p.pending = nil
		if p.pendingItem {
			root, items = '-', 1
		} else {
			root = markerRoot(piece)
		}
	}
	for !p.eof {
		raw, long, err := readLine(p.r, infile.MaxRecord)
		if long {
			tooBig, piece = true, nil
		}
		if errors.Is(err, io.EOF) {
			p.eof = true
		} else if err != nil {
			return nil, 0, err
		}
		if len(raw) == 0 {
			break
		}
		p.line++
		switch {
		case isMarker(raw, "---"):
			if tooBig {
				p.pending, p.pendingItem = raw, false
				return nil, start, errPieceTooBig
			}
			if hasContent(piece) {
				p.pending, p.pendingItem = raw, false
				return piece, start, nil
			}
			piece = append(piece, raw...)
			root = markerRoot(raw)
			continue
		case isMarker(raw, "..."):
			if tooBig {
				return nil, start, errPieceTooBig
			}
			piece = append(piece, raw...)
			if hasContent(piece) {
				return piece, start, nil
			}
			piece, start, root = nil, p.line+1, 0
			continue
		}
		if root == 0 && isContent(raw) {
			root = 'm'
			if isItem(raw) {
				root = '-'
			}
		}
		if root == '-' && isItem(raw) {
			if items++; items > 1 {
				p.pending, p.pendingItem = raw, true
				if tooBig {
					return nil, start, errPieceTooBig
				}
				return piece, start, nil
			}
		}
		if tooBig {
			continue
		}
		piece = append(piece, raw...)
		if len(piece) > infile.MaxRecord {
			tooBig, piece = true, nil
		}
	}
	if tooBig {
		return nil, start, errPieceTooBig
	}
	if !hasContent(piece) {
		return nil, 0, io.EOF
	}
	return piece, start, nil
}

// readLine reads a line with its newline, keeping at most max bytes of
// it (long reports that more were passed over), so a file without
// newlines cannot fill the memory.
func readLine(r *bufio.Reader, max int) (line []byte, long bool, err error) {
	for {
		part, err := r.ReadSlice('\n')
		if len(line)+len(part) <= max {
			line = append(line, part...)
		} else {
			long = true
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, long, err
		}
	}
}

// markerRoot: "--- |" starts a document on the marker line; a bare "---"
// leaves it to the next line.
func markerRoot(line []byte) byte {
	if len(bytes.TrimSpace(line[3:])) > 0 {
		return 'm'
	}
	return 0
}

// isItem: the line starts an item of a list at the left margin.
func isItem(line []byte) bool {
	return line[0] == '-' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t' || line[1] == '\n' || line[1] == '\r')
}

func isMarker(line []byte, m string) bool {
	return bytes.HasPrefix(line, []byte(m)) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\n' || line[3] == '\r')
}

// isContent: not blank, not a comment, not a directive.
func isContent(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) > 0 && t[0] != '#' && t[0] != '%'
}

func hasContent(piece []byte) bool {
	for _, l := range bytes.Split(piece, []byte{'\n'}) {
		if isContent(l) && !isMarker(l, "---") {
			return true
		}
	}
	return false
}

// decodeYAML reads the answers of YAML text, one record per answer; a
// problem with one answer is that answer's record. strict is false for
// stdin and files without an extension, whose text may be prose: then
// anything that is not answers is one free-text answer. piece says the text
// is a part of a bigger file; offset is added to every line. empty reports
// text with no document at all.
func decodeYAML(data []byte, name string, strict, piece bool, offset int) (recs []Record, empty bool) {
	prose := []Record{{Item: Item{Line: 1, Answer: Answer{Text: string(data)}}}}
	docs, err := yamlfile.Documents(data, name)
	if err != nil {
		if !strict {
			return prose, false // plain text, not YAML
		}
		return []Record{errRecord(shiftLines(err, offset))}, false
	}
	if len(docs) == 0 {
		return nil, true
	}
	session := false
	for _, doc := range docs {
		root := yamlfile.Root(doc)
		switch root.Kind {
		case yaml.ScalarNode:
			if !strict {
				// Prose: keep it exactly as written ("ticket #4821" is not a comment).
				return prose, false
			}
			if len(docs) > 1 || piece {
				recs = append(recs, errRecord(problem(name, root.Line, "expected an answer (a mapping with text: or star:), found plain text")))
				continue
			}
			recs = append(recs, Record{Item: Item{Line: root.Line, Answer: Answer{Text: root.Value}}})
		case yaml.SequenceNode:
			if !strict && !allMappings(root) {
				return prose, false // a bullet list of prose
			}
			for _, el := range root.Content {
				recs = append(recs, decodeYAMLAnswer(el, name, ""))
			}
		case yaml.MappingNode:
			if !hasAnyKey(root, answerKeys) {
				if !strict {
					return prose, false // "Situation: ..." prose
				}
				recs = append(recs, errRecord(problem(name, root.Line, "not an answer: expected fields such as question_id, text or star")))
				continue
			}
			if list := yamlfile.Value(root, "answers"); list != nil {
				session = true
				recs = append(recs, decodeYAMLSession(root, list, name)...)
				continue
			}
			recs = append(recs, decodeYAMLAnswer(root, name, ""))
		default:
			recs = append(recs, errRecord(problem(name, root.Line, "expected an answer (a mapping with text: or star:)")))
		}
	}
	for i := range recs {
		if recs[i].Line > 0 {
			recs[i].Line += offset
		}
		recs[i].Err = shiftLines(recs[i].Err, offset)
	}
	return recs, len(recs) == 0 && !session
}

// decodeYAMLSession reads a saved session: its own fields strictly, then
// each answer on its own. A session stopped before its first answer has
// none, and that is not a problem.
func decodeYAMLSession(root, list *yaml.Node, name string) []Record {
	var recs []Record
	fields := *root
	fields.Content = nil
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "answers" {
			fields.Content = append(fields.Content, root.Content[i], root.Content[i+1])
		}
	}
	var s Session
	if err := yamlfile.Strict(&fields, name, &s); err != nil {
		recs = append(recs, errRecord(err))
	}
	switch {
	case list.Kind == yaml.SequenceNode:
		for _, el := range list.Content {
			recs = append(recs, decodeYAMLAnswer(el, name, s.Company))
		}
	case list.Kind == yaml.ScalarNode && list.Tag == "!!null":
	default:
		recs = append(recs, errRecord(problem(name, list.Line, "answers: expected a list of answers")))
	}
	return recs
}

func decodeYAMLAnswer(n *yaml.Node, name, company string) Record {
	if n.Kind != yaml.MappingNode {
		return errRecord(problem(name, n.Line, "expected an answer (a mapping with text: or star:)"))
	}
	var a Answer
	if err := yamlfile.Strict(n, name, &a); err != nil {
		r := errRecord(err)
		r.Line = n.Line
		return r
	}
	if a.Company == "" {
		a.Company = company
	}
	return Record{Item: Item{Line: n.Line, Answer: a}}
}

// errRecord is a record for a problem; its line is the problem's.
func errRecord(err error) Record {
	r := Record{Err: err}
	var loc interface{ Location() (string, int) }
	if errors.As(err, &loc) {
		_, r.Line = loc.Location()
	}
	return r
}

// shiftLines moves the lines of a *yamlfile.Error by offset.
func shiftLines(err error, offset int) error {
	var ye *yamlfile.Error
	if offset == 0 || !errors.As(err, &ye) {
		return err
	}
	out := &yamlfile.Error{Problems: append([]yamlfile.Problem(nil), ye.Problems...)}
	for i := range out.Problems {
		if out.Problems[i].Line > 0 {
			out.Problems[i].Line += offset
		}
	}
	return out
}

func allMappings(seq *yaml.Node) bool {
	for _, n := range seq.Content {
		if n.Kind != yaml.MappingNode || !hasAnyKey(n, answerKeys) {
			return false
		}
	}
	return len(seq.Content) > 0
}

func hasAnyKey(m *yaml.Node, keys []string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		for _, k := range keys {
			if m.Content[i].Value == k {
				return true
			}
		}
	}
	return false
}
