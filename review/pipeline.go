package review

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/star"
)

// Options say what to review and how.
type Options struct {
	// Paths are files, directories (searched recursively for .yaml, .yml,
	// .json and .jsonl files) and "-" for Stdin.
	Paths []string
	Stdin io.Reader
	// Rubric scores the answers.
	Rubric *star.Rubric
	// Question finds what the scorer needs about a question: nil, nil when
	// the bank has no such question. It is called from several goroutines.
	Question func(id string) (*star.QuestionInfo, error)
	// Jobs is how many workers decode, score and encode (at least 1).
	Jobs int
	// MinScore is the threshold counted in the summary (0: none).
	MinScore int
	// SkipInvalid goes on past an answer that cannot be read (warning on
	// Warn) instead of stopping with its problem.
	SkipInvalid bool
	// Output encodes the results, written to Out as they come.
	Output Output
	Out    io.Writer
	// Warn gets warnings, one per line (skipped answers).
	Warn io.Writer
	// Progress, when not nil, is called now and then with the bytes of
	// input done so far and in all (-1 when not known, as for stdin).
	Progress func(done, total int64)
}

// Scored is one answer and its result, as an Output sees it.
type Scored struct {
	Result star.Result
	Answer *star.Answer
	// Question is what the bank says about the question; nil when unknown.
	Question *star.QuestionInfo
}

// Output turns results into bytes. Encoders run on the workers, Write,
// Begin and End on the writing goroutine, in that order.
type Output interface {
	Begin(w io.Writer) error
	// NewEncoder gives each worker its own encoder; nil when Write does
	// all the work.
	NewEncoder() Encoder
	// Write writes one result, with what its Encoder made of it.
	Write(w io.Writer, s *Scored, encoded []byte) error
	End(w io.Writer, r *Report) error
}

// Encoder encodes one result; the bytes are valid until the next call.
type Encoder interface {
	Encode(s *Scored) ([]byte, error)
}

// Report is what a run found, beyond the results.
type Report struct {
	Summary star.Summary
	// UnknownQuestions lists (up to 10) question ids of answers the bank
	// does not have; UnknownAnswers counts those answers.
	UnknownQuestions []string
	UnknownAnswers   int
}

const (
	batchChunks = 64
	batchBytes  = 128 << 10
	maxWarnings = 50
)

// batch is a run of chunks that one worker handles, and what it made.
type batch struct {
	chunks  []star.Chunk
	readErr error // the file could not be read; chunks before it are kept
	path    string
	size    int64
	done    chan struct{}
	out     []entry
	buf     []byte // every entry's encoded bytes, one after another
}

type entry struct {
	scored     Scored
	start, end int
	err        error
	fatal      bool // err is not a problem with the answer (a broken bank)
	skipped    bool
	unknown    bool
}

// ErrNoInput: no answer file was found in the paths given.
var ErrNoInput = errors.New("no answer files found in the paths given")

// Run reviews every answer of opts.Paths, writing results in input order.
// It stops at the first answer that cannot be read (a *yamlfile.Error
// naming file and line) unless opts.SkipInvalid, and at once when ctx is
// cancelled (returning ctx.Err()); what was written by then is whole
// results. The Report comes back in every case, as far as the run got.
func Run(ctx context.Context, opts Options) (*Report, error) {
	inputs, notes, err := expand(opts.Paths)
	if err != nil {
		return nil, err
	}
	jobs := max(opts.Jobs, 1)
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	if opts.Warn == nil {
		opts.Warn = io.Discard
	}
	for _, n := range notes {
		fmt.Fprintf(opts.Warn, "starprep: warning: %s\n", n)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var total int64
	for _, in := range inputs {
		if in.size < 0 {
			total = -1
			break
		}
		total += in.size
	}
	work := make(chan *batch, jobs)
	order := make(chan *batch, 2*jobs+2)
	go feed(ctx, inputs, opts.Stdin, work, order)
	var wg sync.WaitGroup
	qc := &questionCache{lookup: opts.Question, known: map[string]*star.QuestionInfo{}}
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := worker{rubric: opts.Rubric, questions: qc, enc: opts.Output.NewEncoder()}
			for b := range work {
				if ctx.Err() == nil {
					w.process(b)
				}
				close(b.done)
			}
		}()
	}
	bw := bufio.NewWriterSize(opts.Out, 64<<10)
	wr := &writer{opts: &opts, w: bw, tally: star.NewTally(opts.MinScore), report: &Report{}, unknown: map[string]bool{}}
	err = wr.run(ctx, order, total)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	wr.report.Summary = wr.tally.Summary()
	if err != nil {
		cancel()
		return wr.report, err
	}
	wg.Wait()
	return wr.report, nil
}

// feed reads the inputs one after another and hands out batches: to the
// writer first, so it knows their order, then to the workers.
func feed(ctx context.Context, inputs []input, stdin io.Reader, work, order chan<- *batch) {
	defer close(order)
	defer close(work)
	send := func(b *batch) bool {
		b.done = make(chan struct{})
		select {
		case order <- b:
		case <-ctx.Done():
			return false
		}
		select {
		case work <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, in := range inputs {
		var r io.Reader = stdin
		var f *os.File
		if in.err != nil {
			if !send(&batch{path: in.path, readErr: in.err}) {
				return
			}
			continue
		}
		if in.path != "-" {
			var err error
			if f, err = infile.Open(in.path); err != nil {
				if !send(&batch{path: in.path, readErr: infile.Wrap(err, "read answers")}) {
					return
				}
				continue
			}
			r = f
		}
		sp := star.NewSplitter(r, in.path)
		b := &batch{path: in.path}
		for {
			if ctx.Err() != nil {
				closeFile(f)
				return
			}
			c, err := sp.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.readErr = err
				break
			}
			b.chunks = append(b.chunks, c)
			b.size += int64(c.Size)
			if len(b.chunks) >= batchChunks || b.size >= batchBytes {
				if !send(b) {
					closeFile(f)
					return
				}
				b = &batch{path: in.path}
			}
		}
		closeFile(f)
		if (len(b.chunks) > 0 || b.readErr != nil) && !send(b) {
			return
		}
	}
}

func closeFile(f *os.File) {
	if f != nil {
		_ = f.Close()
	}
}

// skippable: a problem with one answer or one file, which SkipInvalid
// passes over: it cannot be read as an answer, is not a regular file, is
// a link that loops or leads nowhere, or may not be read.
func skippable(err error) bool {
	var ye *yamlfile.Error
	var le *LinkError
	return errors.As(err, &ye) || errors.As(err, &le) || errors.Is(err, infile.ErrNotRegular) || errors.Is(err, fs.ErrPermission)
}

// questionCache keeps what the scorer needs about each known question, so
// it is built once per question, not once per answer.
type questionCache struct {
	lookup func(string) (*star.QuestionInfo, error)
	mu     sync.RWMutex
	known  map[string]*star.QuestionInfo
}

func (qc *questionCache) get(id string) (*star.QuestionInfo, bool, error) {
	if id == "" || qc.lookup == nil {
		return nil, true, nil
	}
	qc.mu.RLock()
	q, ok := qc.known[id]
	qc.mu.RUnlock()
	if ok {
		return q, true, nil
	}
	q, err := qc.lookup(id)
	if err != nil || q == nil {
		return nil, false, err
	}
	qc.mu.Lock()
	qc.known[id] = q
	qc.mu.Unlock()
	return q, true, nil
}

type worker struct {
	rubric    *star.Rubric
	questions *questionCache
	enc       Encoder
}

// process decodes, scores and encodes a batch.
func (w *worker) process(b *batch) {
	for i := range b.chunks {
		for _, rec := range b.chunks[i].Records() {
			e := entry{err: rec.Err, skipped: rec.Err == nil && rec.Answer.Skipped}
			if e.err != nil || e.skipped {
				b.out = append(b.out, e)
				continue
			}
			a := rec.Answer
			q, known, err := w.questions.get(a.QuestionID)
			if err != nil {
				e.err, e.fatal = err, true
				b.out = append(b.out, e)
				continue
			}
			e.unknown = !known
			e.scored = Scored{Result: star.Score(w.rubric, q, a), Answer: &a, Question: q}
			e.scored.Result.Source = rec.Source
			if w.enc != nil {
				enc, err := w.enc.Encode(&e.scored)
				if err != nil {
					e.err, e.fatal = fmt.Errorf("encode the result of %s: %w", rec.Source, err), true
				}
				e.start = len(b.buf)
				b.buf = append(b.buf, enc...)
				e.end = len(b.buf)
			}
			b.out = append(b.out, e)
		}
	}
	b.chunks = nil // the input is no longer needed
}

// writer is the last stage: it writes in order and keeps the tally.
type writer struct {
	opts     *Options
	w        *bufio.Writer
	tally    *star.Tally
	report   *Report
	unknown  map[string]bool
	warnings int
}

func (wr *writer) run(ctx context.Context, order <-chan *batch, total int64) error {
	if err := wr.opts.Output.Begin(wr.w); err != nil {
		return err
	}
	var done int64
	flushed := time.Now()
	for b := range order {
		select {
		case <-b.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		for i := range b.out {
			if err := wr.entry(&b.out[i], b.buf); err != nil {
				return err
			}
		}
		if b.readErr != nil {
			if err := wr.invalid(b.readErr); err != nil {
				return err
			}
		}
		done += b.size
		if wr.opts.Progress != nil {
			wr.opts.Progress(done, total)
		}
		// Whoever watches the output (a person at the table, tail -f) sees
		// it move at least a few times a second.
		if time.Since(flushed) > 250*time.Millisecond {
			if err := wr.w.Flush(); err != nil {
				return err
			}
			flushed = time.Now()
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if wr.warnings > maxWarnings {
		fmt.Fprintf(wr.opts.Warn, "starprep: warning: %d more answers could not be read and were skipped (not listed)\n", wr.warnings-maxWarnings)
	}
	wr.report.Summary = wr.tally.Summary()
	return wr.opts.Output.End(wr.w, wr.report)
}

func (wr *writer) entry(e *entry, buf []byte) error {
	switch {
	case e.fatal:
		return e.err
	case e.err != nil:
		return wr.invalid(e.err)
	case e.skipped:
		wr.tally.Skipped++
		return nil
	}
	res := &e.scored.Result
	if e.unknown {
		wr.report.UnknownAnswers++
		if id := res.QuestionID; !wr.unknown[id] && len(wr.unknown) < 10 {
			wr.unknown[id] = true
			wr.report.UnknownQuestions = append(wr.report.UnknownQuestions, id)
		}
	}
	var comps []string
	if q := e.scored.Question; q != nil {
		comps = q.Competencies
	}
	wr.tally.Add(res, comps)
	return wr.opts.Output.Write(wr.w, &e.scored, buf[e.start:e.end])
}

// invalid handles an answer or file that could not be read: with
// SkipInvalid a warning, otherwise the end of the run.
func (wr *writer) invalid(err error) error {
	if !wr.opts.SkipInvalid || !skippable(err) {
		return err
	}
	wr.tally.Invalid++
	wr.warnings++
	if wr.warnings <= maxWarnings {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(wr.opts.Warn, "starprep: warning: skipped: %s\n", line)
		}
	}
	return nil
}
