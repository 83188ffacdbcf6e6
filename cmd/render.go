package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/starprep/starprep/internal/termtext"
	"go.yaml.in/yaml/v3"
)

// This file is the only one that knows tablewriter.

// table is what a command wants shown as rows.
type table struct {
	headers []string
	rows    [][]string
	// rightAlign marks numeric columns by index.
	rightAlign map[int]bool
	// wrap wraps the widest column onto more lines instead of shortening it.
	wrap bool
}

// writeTable prints a bordered table on a terminal, and tab-separated rows
// without a header when piped, so `cut -f2` and awk work.
func writeTable(ios *IOStreams, t table) error {
	t = cleanTable(t)
	if !ios.IsStdoutTTY() {
		return writeTSV(ios.Out, t.rows)
	}
	return renderBox(ios.Out, t, ios.Width())
}

// renderBox draws t with unicode borders. Cells are not wrapped: callers
// shorten long cells to fit width, so every row stays on one line.
func renderBox(w io.Writer, t table, width int) error {
	t = fitColumns(cleanTable(t), width)
	align := make([]tw.Align, len(t.headers))
	for i := range align {
		align[i] = tw.AlignLeft
		if t.rightAlign[i] {
			align[i] = tw.AlignRight
		}
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	tbl.Header(t.headers)
	for _, r := range t.rows {
		if err := tbl.Append(append([]string(nil), r...)); err != nil {
			return fmt.Errorf("render table: %w", err)
		}
	}
	return tbl.Render()
}

// cleanTable puts every cell through termtext.Line before the columns are
// measured: text from files may hold escape sequences, tabs and newlines.
// A row of a wrapped column keeps its layout (it is made here).
func cleanTable(t table) table {
	out := t
	out.headers = cleanRow(t.headers)
	out.rows = make([][]string, len(t.rows))
	for i, r := range t.rows {
		out.rows[i] = cleanRow(r)
	}
	return out
}

func cleanRow(r []string) []string {
	cells := make([]string, len(r))
	for i, c := range r {
		cells[i] = termtext.Line(c)
	}
	return cells
}

func writeTSV(w io.Writer, rows [][]string) error {
	for _, r := range rows {
		cells := cleanRow(r)
		if _, err := fmt.Fprintln(w, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return nil
}

func writeMarkdownTable(w io.Writer, t table) error {
	line := func(cells []string) string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = termtext.Markdown(c)
		}
		return "| " + strings.Join(out, " | ") + " |\n"
	}
	var b strings.Builder
	b.WriteString(line(t.headers))
	seps := make([]string, len(t.headers))
	for i := range seps {
		seps[i] = "---"
		if t.rightAlign[i] {
			seps[i] = "---:"
		}
	}
	b.WriteString("| " + strings.Join(seps, " | ") + " |\n")
	for _, r := range t.rows {
		b.WriteString(line(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCSV writes a header and rows; cells that a spreadsheet would run as
// a formula are neutralised (termtext.CSVCell).
func writeCSV(w io.Writer, t table) error {
	cw := termtext.NewCSVWriter(w)
	if err := cw.Write(t.headers); err != nil {
		return err
	}
	for _, r := range t.rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// writeJSON prints v as indented JSON without HTML escaping (answers hold
// < and &); the few characters encoding/json leaves raw that a terminal
// must not see are written as \u escapes.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(termtext.EscapeJSON(b.Bytes()))
	return err
}

func writeYAML(w io.Writer, v any) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return enc.Close()
}

// checkFormat returns a usage error unless format is one of allowed.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return usageErrorf("--format %q is not one of: %s", format, strings.Join(allowed, ", "))
}

// fitColumns shortens (or, with t.wrap, wraps) the widest columns until the
// table fits width; borders and padding take 3 columns per cell, plus one.
func fitColumns(t table, width int) table {
	if len(t.headers) == 0 {
		return t
	}
	widths := make([]int, len(t.headers))
	measure := func(row []string) {
		for i, c := range row {
			if i < len(widths) {
				widths[i] = max(widths[i], len([]rune(c)))
			}
		}
	}
	measure(t.headers)
	for _, r := range t.rows {
		measure(r)
	}
	limits := append([]int(nil), widths...)
	const floor = 12
	for range widths {
		total := 1
		widest := 0
		for i, w := range limits {
			total += w + 3
			if w > limits[widest] {
				widest = i
			}
		}
		if total <= width || limits[widest] <= floor {
			break
		}
		limits[widest] = max(limits[widest]-(total-width), floor)
	}
	rows := make([][]string, 0, len(t.rows))
	for _, r := range t.rows {
		row := append([]string(nil), r...)
		var wrapped []string
		for i := range row {
			if i >= len(limits) || limits[i] >= widths[i] {
				continue
			}
			if t.wrap && wrapped == nil && i == len(row)-1 {
				wrapped = strings.Split(wrapIndent(row[i], limits[i]-2, "\n"), "\n")
				row[i] = wrapped[0]
				continue
			}
			row[i] = shorten(row[i], limits[i])
		}
		rows = append(rows, row)
		for _, l := range wrapped[min(1, len(wrapped)):] {
			if l == "" {
				continue
			}
			cont := make([]string, len(row))
			cont[len(row)-1] = l
			rows = append(rows, cont)
		}
	}
	t.rows = rows
	return t
}

// streamTable draws a bordered table a row at a time, in fixed column
// widths (content widths, without padding), so rows show as they come.
// Cells must already fit their column.
type streamTable struct {
	tbl *tablewriter.Table
}

func startStreamTable(w io.Writer, headers []string, widths []int, rightAlign map[int]bool) (*streamTable, error) {
	cols := tw.NewMapper[int, int]()
	align := make([]tw.Align, len(headers))
	for i, n := range widths {
		cols.Set(i, n+2)
		align[i] = tw.AlignLeft
		if rightAlign[i] {
			align[i] = tw.AlignRight
		}
	}
	tbl := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
		tablewriter.WithColumnWidths(cols),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapTruncate),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	if err := tbl.Start(); err != nil {
		return nil, fmt.Errorf("render table: %w", err)
	}
	tbl.Header(headers)
	return &streamTable{tbl: tbl}, nil
}

func (t *streamTable) append(row []string) error {
	if err := t.tbl.Append(cleanRow(row)); err != nil {
		return fmt.Errorf("render table: %w", err)
	}
	return nil
}

func (t *streamTable) close() error { return t.tbl.Close() }

// safeCell makes text from a user's file safe to print in one cell.
func safeCell(s string) string { return termtext.Line(s) }
