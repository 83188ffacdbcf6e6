// Package infile reads files that other people wrote (question banks,
// rubrics, company notes, stories, answers, sessions) without trusting
// them: only regular files are opened (a FIFO or a device is refused before
// it is opened, so nothing hangs on /dev/zero or a pipe), every read is
// bounded by a limit that says what it is for, and the text is decoded the
// same way everywhere: a UTF-8 byte-order mark is dropped, UTF-16 (with a
// byte-order mark, or recognisable without one) is decoded, and UTF-32 or
// binary data is refused with a message that says what to do.
//
// Problems with a file's content come back as a *yamlfile.Error naming
// the file (exit code 3 in cmd/); a file that cannot be read as a file at
// all as a *NotRegularError (exit code 1).
package infile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/starprep/starprep/internal/yamlfile"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The limits. Each is far above what a person writes and far below what
// takes a machine down.
const (
	// MaxDataFile bounds a question bank, rubric, company notes, story,
	// checklist progress, session or question set file.
	MaxDataFile = 4 << 20
	// MaxAnswerFile bounds an answer file read whole (by score).
	MaxAnswerFile = 16 << 20
	// MaxAnswer bounds one answer: its text and STAR parts together (about
	// 10,000 words, over an hour of speech).
	MaxAnswer = 64 << 10
	// MaxJSONLine bounds one line of a JSON lines file.
	MaxJSONLine = 1 << 20
	// MaxRecord bounds one piece of a file read as a stream: an element of
	// a JSON array, a document or list item of a big YAML file.
	MaxRecord = 4 << 20
	// MaxRecords bounds how many answers are held in memory at once from
	// one file (score; review streams, so it has no such bound).
	MaxRecords = 10000
)

// ErrNotRegular is wrapped by a *NotRegularError.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError: the path is a FIFO, device, socket or folder, which
// starprep never opens to read as data.
type NotRegularError struct {
	Path string
	Kind string // "a named pipe (FIFO)", "a device", ...
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a file: starprep reads answers and data only from regular files (or - for standard input)", e.Path, e.Kind)
}

func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// KindOf names what a non-regular mode is ("a named pipe (FIFO)").
func KindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// CheckRegular returns a *NotRegularError unless info is a regular file.
func CheckRegular(path string, info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return &NotRegularError{Path: path, Kind: KindOf(info.Mode())}
}

// Open opens path for reading when it is a regular file (following
// symbolic links). It looks before it opens, and opens without blocking so
// that a file swapped for a FIFO in between cannot hang it either.
func Open(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := CheckRegular(path, info); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, CheckRegular(path, info)
	}
	return f, nil
}

// ReadFile reads the regular file at path, at most limit bytes, and
// decodes it (Decode). what names the kind of file in the message when it
// is too big ("question bank").
func ReadFile(path string, limit int64, what string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path, limit, what)
}

// ReadAll reads r (named name in messages) to the end, at most limit
// bytes, and decodes it.
func ReadAll(r io.Reader, name string, limit int64, what string) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, TooBig(name, what, limit)
	}
	return Decode(raw, name)
}

// TooBig is the problem of a file over its limit.
func TooBig(name, what string, limit int64) error {
	return Problem(name, 0, fmt.Sprintf("the file is larger than %s, the limit for %s: is it the right file?", Size(limit), what))
}

// Problem is a *yamlfile.Error with one problem.
func Problem(name string, line int, msg string) error {
	return &yamlfile.Error{Problems: []yamlfile.Problem{{Path: name, Line: line, Message: msg}}}
}

// Size writes a byte count for people: "64 KiB", "4 MiB".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// encoding is what the start of a text says it is encoded in.
type encoding int

const (
	encUTF8 encoding = iota
	encUTF8BOM
	encUTF16LE
	encUTF16BE
	encUTF32
)

// sniff looks at the first bytes of a text.
func sniff(head []byte) encoding {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xfe, 0xff}):
		return encUTF32
	case bytes.HasPrefix(head, []byte{0xef, 0xbb, 0xbf}):
		return encUTF8BOM
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return encUTF16LE
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return encUTF16BE
	}
	// Without a mark: UTF-16 of mostly ASCII text has a zero in every
	// other byte; UTF-32 in three of four.
	n := min(len(head), 1024) &^ 1
	if n < 4 {
		return encUTF8
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case even*10 >= pairs*9 && odd*10 >= pairs*4:
		return encUTF32
	case odd*10 >= pairs*4 && even*10 < pairs:
		return encUTF16LE
	case even*10 >= pairs*4 && odd*10 < pairs:
		return encUTF16BE
	}
	return encUTF8
}

func utf16Decoder(e encoding) transform.Transformer {
	order := unicode.LittleEndian
	if e == encUTF16BE {
		order = unicode.BigEndian
	}
	return unicode.UTF16(order, unicode.UseBOM).NewDecoder()
}

// Decode turns a file's bytes into UTF-8 text: a UTF-8 byte-order mark is
// dropped, UTF-16 is decoded; UTF-32 and text with NUL bytes (a binary
// file) are refused with a *yamlfile.Error.
func Decode(raw []byte, name string) ([]byte, error) {
	switch sniff(raw) {
	case encUTF8BOM:
		raw = raw[3:]
	case encUTF16LE, encUTF16BE:
		out, _, err := transform.Bytes(utf16Decoder(sniff(raw)), raw)
		if err != nil {
			return nil, Problem(name, 0, "the file looks like UTF-16 text but cannot be decoded: save it as UTF-8")
		}
		raw = out
	case encUTF32:
		return nil, Problem(name, 0, "the file is UTF-32 text, which starprep does not read: save it as UTF-8")
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return nil, Problem(name, 1+bytes.Count(raw[:i], []byte{'\n'}), "the file holds NUL bytes: it is not a text file (save it as UTF-8 text)")
	}
	return raw, nil
}

// NewReader decodes a stream as Decode does a whole file: the first bytes
// tell the encoding; UTF-16 is decoded as it is read. A UTF-32 stream, or
// one with a NUL byte in its first kilobyte, reads as a *yamlfile.Error.
func NewReader(r io.Reader, name string) io.Reader {
	br := bufio.NewReaderSize(r, 4096)
	head, err := br.Peek(1024)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return br // the error comes again on Read
	}
	switch sniff(head) {
	case encUTF8BOM:
		_, _ = br.Discard(3)
	case encUTF16LE, encUTF16BE:
		return &checked{r: transform.NewReader(br, utf16Decoder(sniff(head))), name: name}
	case encUTF32:
		return errReader{Problem(name, 0, "the file is UTF-32 text, which starprep does not read: save it as UTF-8")}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errReader{Problem(name, 0, "the file holds NUL bytes: it is not a text file (save it as UTF-8 text)")}
	}
	return br
}

// checked turns a decoding failure into a problem with the file.
type checked struct {
	r    io.Reader
	name string
}

func (c *checked) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		return n, Problem(c.name, 0, "the file looks like UTF-16 text but cannot be decoded: save it as UTF-8")
	}
	return n, err
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Wrap adds context to a failure to read (doing, such as "read question
// bank"); a problem with the file's content, or a refusal that names the
// file, is returned as it is, so its message starts with the path.
func Wrap(err error, doing string) error {
	var ye *yamlfile.Error
	var nr *NotRegularError
	if err == nil || errors.As(err, &ye) || errors.As(err, &nr) {
		return err
	}
	return fmt.Errorf("%s: %w", doing, err)
}
