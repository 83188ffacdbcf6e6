package review

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/starprep/starprep/internal/termtext"
	"github.com/starprep/starprep/star"
)

// plain is the part of an Output that writes each result's bytes as they
// are, and nothing at the end.
type plain struct{}

func (plain) Begin(io.Writer) error { return nil }
func (plain) Write(w io.Writer, _ *Scored, enc []byte) error {
	_, err := w.Write(enc)
	return err
}
func (plain) End(io.Writer, *Report) error { return nil }

// encoderFunc adapts a function with its own buffer to an Encoder.
type encoderFunc func(s *Scored) ([]byte, error)

func (f encoderFunc) Encode(s *Scored) ([]byte, error) { return f(s) }

// jsonEncoder encodes results as encoding/json writes the contract (HTML
// not escaped, as answers hold < and &), through Result.AppendJSON, and
// indents them as an indenting json.Encoder would; characters that could
// act on a terminal (C1 controls, bidi overrides) are written as \u
// escapes by termtext.EscapeJSON, so the JSON means the same.
func jsonEncoder(prefix, indent string) Encoder {
	var compact []byte
	var buf bytes.Buffer
	return encoderFunc(func(s *Scored) ([]byte, error) {
		compact = s.Result.AppendJSON(compact[:0])
		if prefix == "" && indent == "" {
			compact = append(compact, '\n')
			return termtext.EscapeJSON(compact), nil
		}
		buf.Reset()
		if err := json.Indent(&buf, compact, prefix, indent); err != nil {
			return nil, err
		}
		buf.WriteByte('\n')
		return termtext.EscapeJSON(buf.Bytes()), nil
	})
}

type jsonLines struct{ plain }

// NewJSONLines writes one score result per line.
func NewJSONLines() Output { return jsonLines{} }

func (jsonLines) NewEncoder() Encoder { return jsonEncoder("", "") }

// jsonDoc writes {"schema": ..., "results": [...], "summary": {...}},
// laid out as encoding/json indents it, the results as they come and the
// summary last.
type jsonDoc struct{ n int }

// NewJSON writes the review document (schema starprep.review/v1).
func NewJSON() Output { return &jsonDoc{} }

func (d *jsonDoc) Begin(w io.Writer) error {
	_, err := fmt.Fprintf(w, "{\n  \"schema\": %q,\n  \"results\": [", star.ReviewSchema)
	return err
}

func (d *jsonDoc) NewEncoder() Encoder { return jsonEncoder("    ", "  ") }

func (d *jsonDoc) Write(w io.Writer, _ *Scored, enc []byte) error {
	sep := ",\n    "
	if d.n == 0 {
		sep = "\n    "
	}
	d.n++
	if _, err := io.WriteString(w, sep); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(enc, []byte("\n")))
	return err
}

func (d *jsonDoc) End(w io.Writer, r *Report) error {
	closing := "\n  ],\n"
	if d.n == 0 {
		closing = "],\n"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(r.Summary); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s  \"summary\": %s\n}\n", closing, termtext.EscapeJSON(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))))
	return err
}

// csvHeader are the columns of --format csv; the part scores are empty for
// an answer scored without STAR parts.
var csvHeader = []string{"source", "id", "question_id", "score", "band", "words", "situation", "task", "action", "result", "failed_checks", "missing"}

type csvOut struct{}

// NewCSV writes a header and a row per result.
func NewCSV() Output { return csvOut{} }

func (csvOut) Begin(w io.Writer) error {
	cw := termtext.NewCSVWriter(w)
	_ = cw.Write(csvHeader)
	return cw.Flush()
}

// NewEncoder writes rows whose cells a spreadsheet would run as formulas
// neutralised (termtext.CSVCell).
func (csvOut) NewEncoder() Encoder {
	var buf bytes.Buffer
	cw := termtext.NewCSVWriter(&buf)
	return encoderFunc(func(s *Scored) ([]byte, error) {
		buf.Reset()
		r := &s.Result
		row := []string{r.Source, r.ID, r.QuestionID, strconv.Itoa(r.Score), r.Band, strconv.Itoa(r.Words)}
		for _, c := range star.Components {
			cell := ""
			if comp, ok := r.Components[c]; ok {
				cell = strconv.Itoa(comp.Score)
			}
			row = append(row, cell)
		}
		var failed []string
		for _, ck := range r.Checks {
			if !ck.OK {
				failed = append(failed, ck.ID)
			}
		}
		row = append(row, strings.Join(failed, ";"), strings.Join(MissingParts(r), ";"))
		_ = cw.Write(row)
		err := cw.Flush()
		return buf.Bytes(), err
	})
}

func (csvOut) Write(w io.Writer, s *Scored, enc []byte) error { return plain{}.Write(w, s, enc) }
func (csvOut) End(io.Writer, *Report) error                   { return nil }

// tsv is the table when piped: tab-separated rows without a header, so cut
// and awk work; the summary goes to the person, not the pipe.
type tsv struct{ plain }

// NewTSV writes source, question, score, band and missing parts, one line
// per result, separated by tabs.
func NewTSV() Output { return tsv{} }

func (tsv) NewEncoder() Encoder {
	var buf []byte
	return encoderFunc(func(s *Scored) ([]byte, error) {
		r := &s.Result
		buf = buf[:0]
		for i, cell := range []string{r.Source, r.QuestionID, strconv.Itoa(r.Score), r.Band, strings.Join(MissingParts(r), ",")} {
			if i > 0 {
				buf = append(buf, '\t')
			}
			buf = append(buf, termtext.Line(cell)...)
		}
		return append(buf, '\n'), nil
	})
}

type markdown struct{}

// NewMarkdown writes a Markdown table and the summary under it.
func NewMarkdown() Output { return markdown{} }

func (markdown) Begin(w io.Writer) error {
	_, err := io.WriteString(w, "| SOURCE | QUESTION | SCORE | BAND | MISSING |\n| --- | --- | ---: | --- | --- |\n")
	return err
}

func (markdown) NewEncoder() Encoder {
	var buf []byte
	return encoderFunc(func(s *Scored) ([]byte, error) {
		r := &s.Result
		missing := strings.Join(MissingParts(r), ", ")
		if missing == "" {
			missing = "-"
		}
		buf = buf[:0]
		buf = append(buf, '|')
		for _, cell := range []string{r.Source, r.QuestionID, strconv.Itoa(r.Score), r.Band, missing} {
			buf = append(buf, ' ')
			buf = append(buf, termtext.Markdown(cell)...)
			buf = append(buf, " |"...)
		}
		return append(buf, '\n'), nil
	})
}

func (markdown) Write(w io.Writer, s *Scored, enc []byte) error { return plain{}.Write(w, s, enc) }

func (markdown) End(w io.Writer, r *Report) error {
	_, err := fmt.Fprintf(w, "\n%s\n", strings.Join(SummaryLines(r.Summary), "  \n"))
	return err
}

// MissingParts names the STAR parts a result lacks, in STAR order; none for
// a result scored without STAR parts.
func MissingParts(r *star.Result) []string {
	var miss []string
	for _, c := range star.Components {
		if comp, ok := r.Components[c]; ok && !comp.Present {
			miss = append(miss, c)
		}
	}
	return miss
}

// ShortSource is a source as a table shows it: the file name and its #N,
// without the folders.
func ShortSource(source string) string {
	return filepath.Base(source)
}

// SummaryLines says what a summary holds, for a person: the scores, then
// the parts most often missing and the weakest competencies.
func SummaryLines(s star.Summary) []string {
	if s.Answers == 0 {
		line := "no answers"
		if s.Skipped > 0 {
			line += fmt.Sprintf(" (%d skipped)", s.Skipped)
		}
		if s.Invalid > 0 {
			line += fmt.Sprintf("; %d could not be read", s.Invalid)
		}
		return []string{line}
	}
	line := fmt.Sprintf("%d answers: mean %.1f, median %s, range %d–%d", s.Answers, s.Mean, strconv.FormatFloat(s.Median, 'f', -1, 64), s.Min, s.Max)
	if s.Skipped > 0 {
		line += fmt.Sprintf("; %d skipped", s.Skipped)
	}
	if s.Invalid > 0 {
		line += fmt.Sprintf("; %d could not be read", s.Invalid)
	}
	if s.MinScore > 0 {
		line += fmt.Sprintf("; %d below %d", s.BelowMin, s.MinScore)
	}
	bands := fmt.Sprintf("bands: strong %d, good %d, needs work %d, incomplete %d", s.Bands[star.BandStrong], s.Bands[star.BandGood], s.Bands[star.BandNeedsWork], s.Bands[star.BandIncomplete])
	lines := []string{line, bands}
	var missing []string
	for _, c := range star.Components {
		if n := s.Missing[c]; n > 0 {
			missing = append(missing, fmt.Sprintf("%s %d", c, n))
		}
	}
	if len(missing) > 0 {
		lines = append(lines, fmt.Sprintf("missing parts (of %d STAR answers): %s", s.STARAnswers, strings.Join(missing, ", ")))
	}
	var weak []string
	for _, c := range s.Competencies[:min(3, len(s.Competencies))] {
		weak = append(weak, fmt.Sprintf("%s %.1f", c.Name, c.Mean))
	}
	if len(weak) > 0 {
		lines = append(lines, "weakest competencies: "+strings.Join(weak, ", "))
	}
	return lines
}
