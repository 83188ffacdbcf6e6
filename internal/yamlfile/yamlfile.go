// Package yamlfile decodes the user's YAML files strictly and reports every
// problem as path:line: message, so questions/ and star/ give the same kind of
// error for a question bank, company notes, a rubric or an answer file.
//
// It imports nothing else from this module.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/starprep/starprep/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Problem is one thing wrong in a file. Line is 0 when the problem is about
// the file as a whole.
type Problem struct {
	Path    string
	Line    int
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Message)
}

// Error is every problem found in one or more files. It reports the first
// problem's position through Location, which cmd/ maps to exit code 3.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Location is the path and line of the first problem.
func (e *Error) Location() (string, int) {
	if len(e.Problems) == 0 {
		return "", 0
	}
	return e.Problems[0].Path, e.Problems[0].Line
}

// Problems collects problems while validating a file.
type Problems struct {
	Path string
	list []Problem
}

// Add records a problem at a node (nil for the whole file).
func (ps *Problems) Add(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	ps.list = append(ps.list, Problem{Path: ps.Path, Line: line, Message: fmt.Sprintf(format, args...)})
}

// AddLine records a problem at a line.
func (ps *Problems) AddLine(line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Path: ps.Path, Line: line, Message: fmt.Sprintf(format, args...)})
}

// Merge appends the problems of err when it is an *Error, or err itself.
func (ps *Problems) Merge(err error) {
	var ye *Error
	if errors.As(err, &ye) {
		ps.list = append(ps.list, ye.Problems...)
		return
	}
	if err != nil {
		ps.list = append(ps.list, Problem{Path: ps.Path, Message: err.Error()})
	}
}

// DropLinesOf removes the problems recorded on a line that err (an *Error)
// already reports, so one mistake is not reported twice by two checks.
func (ps *Problems) DropLinesOf(err error) {
	var ye *Error
	if !errors.As(err, &ye) {
		return
	}
	lines := map[int]bool{}
	for _, p := range ye.Problems {
		lines[p.Line] = true
	}
	kept := ps.list[:0]
	for _, p := range ps.list {
		if !lines[p.Line] {
			kept = append(kept, p)
		}
	}
	ps.list = kept
}

// Len is how many problems were recorded.
func (ps *Problems) Len() int { return len(ps.list) }

// Err returns nil when there were no problems, else an *Error with the
// problems sorted by line.
func (ps *Problems) Err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), ps.list...)
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Path != list[j].Path {
			return list[i].Path < list[j].Path
		}
		return list[i].Line < list[j].Line
	})
	return &Error{Problems: list}
}

// ErrEmpty is reported for a file with no YAML document in it.
var ErrEmpty = errors.New("the file is empty")

// yaml.v3 gives positions only inside its message text ("yaml: line 3: ..."
// for syntax errors, "line 4: field x not found ..." for type errors), so the
// line is read back from there.
var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func problemFromText(path, text string) Problem {
	if m := lineRe.FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Problem{Path: path, Line: n, Message: friendly(m[2])}
	}
	return Problem{Path: path, Message: friendly(strings.TrimPrefix(text, "yaml: "))}
}

var notFoundRe = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
var cannotRe = regexp.MustCompile("^cannot unmarshal !!(\\w+) `?(.*?)`? into (\\S+)$")

// friendly rewords the decoder's Go-flavoured messages for a person editing YAML.
func friendly(msg string) string {
	if m := notFoundRe.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown field %q (check the spelling; see the format in the README)", m[1])
	}
	if m := cannotRe.FindStringSubmatch(msg); m != nil {
		want := m[3]
		switch {
		case strings.HasPrefix(want, "[]"):
			want = "a list"
		case want == "int" || strings.HasPrefix(want, "int"):
			want = "a whole number"
		case strings.HasPrefix(want, "float"):
			want = "a number"
		case want == "bool":
			want = "true or false"
		case want == "string":
			want = "text"
		case strings.HasPrefix(want, "map") || strings.Contains(want, "."):
			want = "a mapping of fields"
		}
		kind := map[string]string{"str": "text", "int": "a number", "seq": "a list", "map": "a mapping", "bool": "true/false", "float": "a number"}[m[1]]
		if kind == "" {
			kind = m[1]
		}
		if m[2] != "" && m[1] != "seq" && m[1] != "map" {
			return fmt.Sprintf("expected %s, found %s %q", want, kind, m[2])
		}
		return fmt.Sprintf("expected %s, found %s", want, kind)
	}
	return msg
}

// Documents parses data into its YAML documents (a file may hold several,
// separated by ---). Syntax errors come back as an *Error.
func Documents(data []byte, path string) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p := problemFromText(path, err.Error())
			if line := firstBadLine(data); line > 0 {
				p.Line = line
			}
			return nil, &Error{Problems: []Problem{p}}
		}
		if n.Kind == 0 || (n.Kind == yaml.DocumentNode && len(n.Content) == 0) {
			continue // a comment-only document
		}
		if r := Root(&n); r.Kind == yaml.ScalarNode && r.Tag == "!!null" && r.Value == "" {
			continue // yaml.v3 gives a document of only comments a null scalar
		}
		if err := checkSize(&n, path, len(data)); err != nil {
			return nil, err
		}
		docs = append(docs, &n)
	}
	return docs, nil
}

// MaxDepth is how deeply YAML may nest; starprep's formats need a handful
// of levels.
const MaxDepth = 64

// checkSize refuses a document nested deeper than MaxDepth, or whose
// aliases would expand it far beyond the file's own size (a "billion
// laughs" file, or one text repeated thousands of times): what aliases add
// is counted in nodes and in bytes of text, as decoding would expand them.
func checkSize(doc *yaml.Node, path string, fileSize int) error {
	w := sizeWalk{costs: map[*yaml.Node]cost{}, active: map[*yaml.Node]bool{}}
	own := w.walk(doc, 0, false)
	if w.tooDeep != nil {
		return &Error{Problems: []Problem{{Path: path, Line: w.tooDeep.Line, Message: fmt.Sprintf("nested more than %d levels deep: this is not a file starprep reads", MaxDepth)}}}
	}
	maxNodes := 2*own.nodes + 100_000
	maxBytes := 2*int64(fileSize) + 1<<20
	if w.bad != nil || w.added.nodes > maxNodes || w.added.bytes > maxBytes {
		at := w.bad
		if at == nil {
			at = w.firstAlias
		}
		line := 0
		if at != nil {
			line = at.Line
		}
		return &Error{Problems: []Problem{{Path: path, Line: line, Message: "its aliases (*name) expand the file far beyond its size: write the text out instead of repeating an alias"}}}
	}
	return nil
}

type cost struct {
	nodes int
	bytes int64
}

func (c cost) plus(d cost) cost {
	const cap = 1 << 40 // no overflow, however deep the aliases go
	return cost{nodes: min(c.nodes+d.nodes, cap), bytes: min(c.bytes+d.bytes, cap)}
}

type sizeWalk struct {
	costs      map[*yaml.Node]cost // what an anchored node expands to
	active     map[*yaml.Node]bool
	added      cost // what aliases add
	firstAlias *yaml.Node
	bad        *yaml.Node // an alias that loops
	tooDeep    *yaml.Node
}

// walk returns what n costs once expanded; viaAlias says n is reached
// through an alias (its cost is then added, not owned).
func (w *sizeWalk) walk(n *yaml.Node, depth int, viaAlias bool) cost {
	if n == nil {
		return cost{}
	}
	if depth > MaxDepth {
		if w.tooDeep == nil {
			w.tooDeep = n
		}
		return cost{}
	}
	if n.Kind == yaml.AliasNode {
		if w.firstAlias == nil {
			w.firstAlias = n
		}
		target := n.Alias
		if target == nil || w.active[target] {
			w.bad = n
			return cost{}
		}
		c, ok := w.costs[target]
		if !ok {
			w.active[target] = true
			c = w.walk(target, depth, true)
			delete(w.active, target)
			w.costs[target] = c
		}
		if !viaAlias {
			w.added = w.added.plus(c)
		}
		return c
	}
	c := cost{nodes: 1, bytes: int64(len(n.Value))}
	for _, child := range n.Content {
		c = c.plus(w.walk(child, depth+1, viaAlias))
	}
	return c
}

// firstBadLine finds the line a syntax error is on. yaml.v3 often reports
// the line where the enclosing block began (and 0-based), so the file's
// prefixes are parsed instead: the shortest prefix that fails ends on the
// line with the mistake. It returns 0 when it cannot tell.
func firstBadLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		prefix := bytes.Join(lines[:n], nil)
		dec := yaml.NewDecoder(bytes.NewReader(prefix))
		for {
			var node yaml.Node
			err := dec.Decode(&node)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				return true
			}
		}
	}
	if !fails(len(lines)) {
		return 0
	}
	lo, hi := 1, len(lines) // fails(hi) holds; find the smallest
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// Strict decodes one node into v (a pointer to a struct), refusing unknown
// fields (with a suggestion for a misspelt one) and wrong types. Every problem
// is reported with its line; nothing is decoded when there is one.
func Strict(n *yaml.Node, path string, v any) error {
	ps := Problems{Path: path}
	checkKeys(&ps, Root(n), reflect.TypeOf(v))
	if err := n.Decode(v); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				if !strings.Contains(e, " not found in type ") { // already reported by checkKeys
					ps.list = append(ps.list, problemFromText(path, e))
				}
			}
		} else {
			ps.list = append(ps.list, problemFromText(path, err.Error()))
		}
	}
	return ps.Err()
}

// checkKeys walks node and type together: the keys a mapping may hold are the
// yaml tags of the struct it decodes into.
func checkKeys(ps *Problems, n *yaml.Node, t reflect.Type) {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		if t.Kind() != reflect.Pointer && n != nil && n.Kind == yaml.SequenceNode {
			for _, item := range n.Content {
				checkKeys(ps, item, t.Elem())
			}
			return
		}
		t = t.Elem()
	}
	if t == nil || n == nil || n.Kind != yaml.MappingNode {
		return
	}
	switch t.Kind() {
	case reflect.Map:
		for i := 1; i < len(n.Content); i += 2 {
			checkKeys(ps, n.Content[i], t.Elem())
		}
	case reflect.Struct:
		if t == nodeType {
			return // checked by whoever decodes it further
		}
		fields := map[string]reflect.Type{}
		var names []string
		structFields(t, fields, &names)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				if s := suggest.Closest(k.Value, names); s != "" {
					ps.Add(k, "unknown field %q (did you mean %q?)", k.Value, s)
				} else {
					ps.Add(k, "unknown field %q (allowed: %s)", k.Value, strings.Join(names, ", "))
				}
				continue
			}
			checkKeys(ps, n.Content[i+1], ft)
		}
	}
}

var nodeType = reflect.TypeOf(yaml.Node{})

// structFields lists the yaml keys of struct t, with the fields of inline
// (embedded) structs as its own.
func structFields(t reflect.Type, fields map[string]reflect.Type, names *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if strings.Contains(opts, "inline") && f.Anonymous && f.Type.Kind() == reflect.Struct {
			structFields(f.Type, fields, names)
			continue
		}
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
		*names = append(*names, name)
	}
}

// Value returns the value node of key in mapping m, or nil.
func Value(m *yaml.Node, key string) *yaml.Node {
	if m == nil {
		return nil
	}
	if m.Kind == yaml.DocumentNode && len(m.Content) > 0 {
		m = m.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// Root returns the top node of a document.
func Root(doc *yaml.Node) *yaml.Node {
	if doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		return doc.Content[0]
	}
	return doc
}
