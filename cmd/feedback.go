package cmd

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/starprep/starprep/star"
)

// feedbackStyle says how much of a score result to show.
type feedbackStyle struct {
	Width int
	Color bool
	// MaxTips limits the tips shown (0: all).
	MaxTips int
	// AllChecks lists passed checks too; otherwise only failed ones.
	AllChecks bool
}

// writeFeedback prints a score result for a person: the score and band, a
// table of the STAR components, the checks and the tips, best first.
func writeFeedback(w io.Writer, res star.Result, st feedbackStyle) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Score: %s  %s   (%d words)%s\n\n", paint(st.Color, bandColor(res.Band), fmt.Sprintf("%d/100", res.Score)),
		bandLabel(res.Band), res.Words, cardNote(res.Kind))
	width := st.Width
	if width <= 0 {
		width = 80
	}
	if len(res.Components) > 0 {
		if err := writePartTable(w, &b, res, width); err != nil {
			return err
		}
	}
	return writeChecksAndTips(w, &b, res, st, width)
}

// cardNote names the feedback card when it is not a STAR story's.
func cardNote(kind string) string {
	switch kind {
	case star.CardPlan:
		return "  · judged as a plan: no time it happened yet"
	case star.CardMotivation:
		return "  · judged as a motivation answer"
	case star.CardStrengths:
		return "  · judged as a strengths answer"
	case star.CardDirect:
		return "  · judged as a direct answer"
	case star.CardFollowUp:
		return "  · judged as a follow-up answer"
	}
	return ""
}

// writePartTable prints the four STAR parts of a story card.
func writePartTable(w io.Writer, b *strings.Builder, res star.Result, width int) error {
	t := table{headers: []string{"PART", "FOUND", "SCORE", "WORDS", "WHAT WE HEARD"}, rightAlign: map[int]bool{2: true, 3: true}}
	for _, name := range star.Components {
		c := res.Components[name]
		found := "missing"
		if c.Present {
			found = "yes"
		}
		heard := "-"
		if len(c.Sentences) > 0 {
			heard = c.Sentences[0]
			if len(c.Sentences) > 1 {
				heard = fmt.Sprintf("(%d) %s", len(c.Sentences), heard)
			}
		}
		t.rows = append(t.rows, []string{strings.ToUpper(name[:1]) + name[1:], found, strconv.Itoa(c.Score), strconv.Itoa(c.Words), heard})
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	b.Reset()
	return renderBox(w, t, width)
}

// writeChecksAndTips prints what to work on, what went well, and the tips.
func writeChecksAndTips(w io.Writer, b *strings.Builder, res star.Result, st feedbackStyle, width int) error {
	var failed, passed []star.Check
	for _, c := range res.Checks {
		if c.OK {
			passed = append(passed, c)
		} else {
			failed = append(failed, c)
		}
	}
	if len(failed) > 0 {
		if len(res.Components) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("To work on:\n")
		for _, c := range failed {
			fmt.Fprintf(b, "  %s %s\n", paint(st.Color, "31", "✗"), wrapIndent(c.Message, width-4, "    "))
		}
	}
	if st.AllChecks && len(passed) > 0 {
		b.WriteString("\nDone well:\n")
		for _, c := range passed {
			fmt.Fprintf(b, "  %s %s\n", paint(st.Color, "32", "✓"), wrapIndent(c.Message, width-4, "    "))
		}
	}
	tips := res.Tips
	if st.MaxTips > 0 && len(tips) > st.MaxTips {
		tips = tips[:st.MaxTips]
	}
	if len(tips) > 0 {
		b.WriteString("\nTips, biggest gain first:\n")
		for i, tip := range tips {
			fmt.Fprintf(b, "  %d. %s\n", i+1, wrapIndent(tip, width-5, "     "))
		}
		if more := len(res.Tips) - len(tips); more > 0 {
			fmt.Fprintf(b, "  (%d more with --format json)\n", more)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func bandLabel(band string) string {
	switch band {
	case star.BandStrong:
		return "strong"
	case star.BandGood:
		return "good"
	case star.BandNeedsWork:
		return "needs work"
	default:
		return "incomplete"
	}
}

func bandColor(band string) string {
	switch band {
	case star.BandStrong, star.BandGood:
		return "32"
	case star.BandNeedsWork:
		return "33"
	default:
		return "31"
	}
}

// paint wraps s in an ANSI colour when colour is on.
func paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// shorten cuts s to at most n runes, ending with an ellipsis when cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// wrapIndent wraps text at width, indenting continuation lines.
func wrapIndent(text string, width int, prefix string) string {
	if width < 20 {
		width = 20
	}
	var lines []string
	var cur strings.Builder
	for _, word := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len([]rune(word)) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return strings.Join(lines, "\n"+prefix)
}
