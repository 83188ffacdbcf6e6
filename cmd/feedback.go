package cmd

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/starprep/starprep/internal/termtext"
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
	// More says where the checks and tips a card leaves out are: "" for
	// the interview's menu, "-" for nowhere, else a command.
	More string
}

// writeFeedback prints a score result for a person: the score and band, a
// table of the STAR components, the checks and the tips, best first.
func writeFeedback(w io.Writer, res star.Result, st feedbackStyle) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Score: %s  %s   (%d words)%s\n", paint(st.Color, bandColor(res.Band), fmt.Sprintf("%d/100", res.Score)), bandLabel(res.Band), res.Words, cardNote(res.Kind))

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
	if len(res.Components) > 0 {
		b.WriteString("\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	b.Reset()
	width := st.Width
	if width <= 0 {
		width = 80
	}
	if len(res.Components) > 0 { // none for an answer that is not a story
		if err := renderBox(w, t, width); err != nil {
			return err
		}
	}

	var failed, passed []star.Check
	for _, c := range res.Checks {
		if c.OK {
			passed = append(passed, c)
		} else {
			failed = append(failed, c)
		}
	}
	if len(failed) > 0 {
		b.WriteString("\nTo work on:\n")
		for _, c := range failed {
			fmt.Fprintf(&b, "  %s %s\n", paint(st.Color, "31", "✗"), wrapIndent(c.Message, width-4, "    "))
		}
	}
	if st.AllChecks && len(passed) > 0 {
		b.WriteString("\nDone well:\n")
		for _, c := range passed {
			fmt.Fprintf(&b, "  %s %s\n", paint(st.Color, "32", "✓"), wrapIndent(c.Message, width-4, "    "))
		}
	}
	tips := res.Tips
	if st.MaxTips > 0 && len(tips) > st.MaxTips {
		tips = tips[:st.MaxTips]
	}
	if len(tips) > 0 {
		b.WriteString("\nTips, biggest gain first:\n")
		for i, tip := range tips {
			fmt.Fprintf(&b, "  %d. %s\n", i+1, wrapIndent(tip, width-5, "     "))
		}
		if more := len(res.Tips) - len(tips); more > 0 {
			fmt.Fprintf(&b, "  (%d more with --format json)\n", more)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cardNote names the feedback card when it is not a STAR story's.
func cardNote(kind string) string {
	switch kind {
	case star.CardPlan:
		return "  · a plan: no time it happened yet"
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

// writeCard prints a score result briefly, so that it and the menu after
// it fit a 24-row terminal: the score and band, one line per STAR part
// (its score and the first sentence heard), the top tip in at most three
// lines, and how much more the details hold.
func writeCard(w io.Writer, res star.Result, st feedbackStyle) error {
	width := st.Width
	if width <= 0 {
		width = 80
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Score: %s  %s  (%d words)%s\n", paint(st.Color, bandColor(res.Band), fmt.Sprintf("%d/100", res.Score)), bandLabel(res.Band), res.Words, cardNote(res.Kind))
	for _, name := range star.Components {
		c, ok := res.Components[name]
		if !ok {
			continue // a card with no STAR parts (a motivation answer)
		}
		label := fmt.Sprintf("  %-10s", strings.ToUpper(name[:1])+name[1:])
		if !c.Present {
			fmt.Fprintf(&b, "%s  %s  %s\n", label, paint(st.Color, "31", "  ✗"), paint(st.Color, "31", "missing"))
			continue
		}
		heard := "-"
		if len(c.Sentences) > 0 {
			heard = c.Sentences[0]
			if len(c.Sentences) > 1 {
				heard = fmt.Sprintf("(%d) %s", len(c.Sentences), heard)
			}
		}
		fmt.Fprintf(&b, "%s  %3d  %s\n", label, c.Score, shorten(heard, width-20))
	}
	if len(res.Tips) > 0 {
		lines := strings.Split(wrapIndent("Top tip: "+res.Tips[0], width-3, ""), "\n")
		if len(lines) > 3 {
			lines = lines[:3]
			lines[2] = shorten(lines[2]+" …", width-3)
		}
		b.WriteString(strings.Join(lines, "\n  ") + "\n")
	}
	failed := 0
	for _, c := range res.Checks {
		if !c.OK {
			failed++
		}
	}
	var more []string
	if failed > 0 {
		more = append(more, fmt.Sprintf("%d check%s to work on", failed, pluralS(failed)))
	}
	if n := len(res.Tips) - 1; n > 0 {
		more = append(more, fmt.Sprintf("%d more tip%s", n, pluralS(n)))
	}
	if len(more) > 0 {
		line := strings.Join(more, ", ")
		switch where := st.More; where {
		case "":
			line += ": choose Details"
		case "-":
		default:
			line += ": " + where
		}
		fmt.Fprintf(&b, "  (%s)\n", wrapIndent(line, width-5, "   "))
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
	return termtext.Color(code, s) // only IO.Out and IO.ErrOut let it through
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
	n := 0 // runes in cur
	for _, word := range strings.Fields(text) {
		w := utf8.RuneCountInString(word)
		if n > 0 && n+1+w > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += w
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return strings.Join(lines, "\n"+prefix)
}
