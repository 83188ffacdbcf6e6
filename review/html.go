package review

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/termtext"
	"github.com/starprep/starprep/star"
)

//go:embed report.html.tmpl
var reportTemplate string

// report is parsed once; html/template escapes everything that comes from
// the answers (text, sources, comments) for the place it lands in.
var report = template.Must(template.New("report").Parse(reportTemplate))

type htmlOut struct{}

// NewHTML writes one self-contained page (no scripts, styles inline, no
// outside assets) a coach can send: a summary with inline SVG charts of
// the score distribution and of how often each STAR part is missing, then
// a card per answer with its parts, checks, tips and reviewer comments.
// The cards are written as they come and the summary last; the page's
// style shows the summary first.
func NewHTML() Output { return htmlOut{} }

func (htmlOut) Begin(w io.Writer) error { return report.ExecuteTemplate(w, "head", nil) }

// NewEncoder writes a card; html/template escapes what it must, and
// termtext.HTML shows control and bidi characters from the answers visibly.
func (htmlOut) NewEncoder() Encoder {
	var buf bytes.Buffer
	return encoderFunc(func(s *Scored) ([]byte, error) {
		buf.Reset()
		err := report.ExecuteTemplate(&buf, "card", newCard(s))
		return termtext.HTML(buf.Bytes()), err
	})
}

func (htmlOut) Write(w io.Writer, s *Scored, enc []byte) error { return plain{}.Write(w, s, enc) }

func (htmlOut) End(w io.Writer, r *Report) error {
	var buf bytes.Buffer
	if err := report.ExecuteTemplate(&buf, "tail", newSummaryView(r.Summary)); err != nil {
		return err
	}
	_, err := w.Write(termtext.HTML(buf.Bytes()))
	return err
}

// card is what the card template shows of one answer.
type card struct {
	R            *star.Result
	Anchor       string
	QuestionText string
	Company      string
	When         string
	BandLabel    string
	Parts        []cardPart
	Text         string
	Comments     []cardComment
}

type cardPart struct {
	Name string
	star.Component
}

type cardComment struct {
	By, At, Text string
}

func newCard(s *Scored) card {
	r := &s.Result
	c := card{R: r, Anchor: "answer-" + strings.Join(strings.Fields(r.Source), "-"), BandLabel: bandLabel(r.Band)}
	if a := s.Answer; a != nil {
		c.Company = a.Company
		c.QuestionText = a.Question
		if !a.AnsweredAt.IsZero() {
			c.When = a.AnsweredAt.UTC().Format("2 Jan 2006 15:04 UTC")
		}
		for _, cm := range a.Comments {
			cc := cardComment{By: cm.By, Text: cm.Text}
			if !cm.At.IsZero() {
				cc.At = cm.At.UTC().Format(time.DateOnly)
			}
			c.Comments = append(c.Comments, cc)
		}
		c.Text = answerText(a)
	}
	if c.QuestionText == "" && s.Question != nil {
		c.QuestionText = s.Question.Text
	}
	for _, name := range star.Components {
		if comp, ok := r.Components[name]; ok {
			c.Parts = append(c.Parts, cardPart{Name: strings.ToUpper(name[:1]) + name[1:], Component: comp})
		}
	}
	return c
}

// answerText is the answer as given, for a card without STAR parts.
func answerText(a *star.Answer) string {
	if strings.TrimSpace(a.Text) != "" || a.STAR == nil {
		return a.Text
	}
	var parts []string
	for _, p := range []string{a.STAR.Situation, a.STAR.Task, a.STAR.Action, a.STAR.Result} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	return strings.Join(parts, "\n\n")
}

func bandLabel(band string) string {
	if band == star.BandNeedsWork {
		return "needs work"
	}
	return band
}

// summaryView is what the summary template shows.
type summaryView struct {
	S       star.Summary
	Median  string
	Hist    histogram
	Miss    missingChart
	Bands   []bandRow
	Weakest []star.CompetencySummary
	Failed  []failedRow
}

type bandRow struct {
	Band, Label string
	Count       int
}

type failedRow struct {
	ID    string
	Count int
}

// histogram is the score distribution as SVG bars, one per ten points.
type histogram struct {
	Width, Height, Base, LabelY int
	Bars                        []histBar
}

type histBar struct {
	X, Y, W, H, TextX, CountY int
	Count                     int
	Label, Range, Color       string
}

// missingChart is a horizontal bar per STAR part: how many STAR answers
// lack it.
type missingChart struct {
	Width, Height, Left, Track int
	Bars                       []missBar
}

type missBar struct {
	Y, H, W, TextY, ValueX int
	Count                  int
	Label, Percent         string
}

func newSummaryView(s star.Summary) summaryView {
	v := summaryView{S: s, Median: strconv.FormatFloat(s.Median, 'f', -1, 64)}
	for _, b := range []string{star.BandStrong, star.BandGood, star.BandNeedsWork, star.BandIncomplete} {
		v.Bands = append(v.Bands, bandRow{Band: b, Label: bandLabel(b), Count: s.Bands[b]})
	}
	v.Weakest = s.Competencies[:min(5, len(s.Competencies))]
	for id, n := range s.FailedChecks {
		v.Failed = append(v.Failed, failedRow{ID: id, Count: n})
	}
	slices.SortFunc(v.Failed, func(a, b failedRow) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.ID, b.ID)
	})
	v.Failed = v.Failed[:min(8, len(v.Failed))]

	// Scores: ten bars over a 360×180 box, labels under them.
	h := histogram{Width: 360, Height: 180, Base: 150, LabelY: 166}
	most := 1
	for _, n := range s.Distribution {
		most = max(most, n)
	}
	const barW, gap, top = 30, 6, 18
	for i, n := range s.Distribution {
		height := n * (h.Base - top) / most
		x := i * (barW + gap)
		label := strconv.Itoa(i * 10)
		if i == 9 {
			label = "90+"
		}
		h.Bars = append(h.Bars, histBar{X: x, Y: h.Base - height, W: barW, H: height, TextX: x + barW/2,
			CountY: h.Base - height - 4, Count: n, Label: label, Range: fmt.Sprintf("%d–%d", i*10, min(i*10+9, 100)), Color: decileColor(i)})
	}
	v.Hist = h

	m := missingChart{Width: 360, Height: 4*34 + 6, Left: 72, Track: 200}
	for i, c := range star.Components {
		n := s.Missing[c]
		w, pct := 0, 0
		if s.STARAnswers > 0 {
			w = n * m.Track / s.STARAnswers
			pct = (100*n + s.STARAnswers/2) / s.STARAnswers
		}
		y := 6 + i*34
		m.Bars = append(m.Bars, missBar{Y: y, H: 22, W: w, TextY: y + 15, ValueX: m.Left + m.Track + 6, Count: n,
			Label: strings.ToUpper(c[:1]) + c[1:], Percent: strconv.Itoa(pct)})
	}
	v.Miss = m
	return v
}

// decileColor colours a range of scores by the band most of it falls in.
func decileColor(i int) string {
	switch {
	case i >= 8:
		return "#1b7f4c"
	case i >= 6:
		return "#2f6fb3"
	case i >= 4:
		return "#b7791f"
	default:
		return "#b83a3a"
	}
}
