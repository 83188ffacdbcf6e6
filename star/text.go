package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 1 of scoring: free text becomes sentences. The splitter knows
// abbreviations, decimals, bullet and numbered lists, line breaks inside a
// sentence, and the labels people write ("Situation:", "**Task:**", "The
// result?"). Clauses (stage 2, clause.go) are cut from these sentences.

// Sentence is one sentence of an answer, verbatim.
type Sentence struct {
	Text string
	// Label is the STAR part named by a label the person wrote
	// ("Situation: ...", "## Task"), or "" when none applies.
	Label string
	// Para counts the blank lines (paragraph breaks) before the sentence.
	Para int
	// Bullet is true for a sentence in a list item.
	Bullet bool
	// LineStart is true when the sentence begins a line of its own.
	LineStart bool
	// Offset is where Text starts in the text given to Segment.
	Offset int
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "vs": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"no": true, "approx": true, "dept": true, "inc": true, "ltd": true, "co": true, "jr": true, "sr": true,
	"u.s": true, "u.k": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true,
	"wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "min": true, "hrs": true, "ave": true,
	"rd": true, "ref": true, "ext": true, "fig": true, "cf": true, "etc": true, "a.m": true, "p.m": true,
}

// labelWords map the words of a STAR label to its part.
var labelWords = map[string]string{
	"situation": "situation", "s": "situation", "context": "situation", "background": "situation",
	"for context": "situation", "the setup": "situation", "setting": "situation", "the problem": "situation",
	"problem": "situation", "task": "task", "t": "task", "goal": "task", "objective": "task",
	"my job": "task", "my role": "task", "my task": "task", "my goal": "task", "the goal": "task",
	"challenge": "task", "target": "task", "action": "action", "actions": "action", "a": "action",
	"approach": "action", "what i did": "action", "steps": "action", "steps taken": "action",
	"action steps": "action", "actions taken": "action", "result": "result", "results": "result", "r": "result",
	"outcome": "result", "outcomes": "result", "impact": "result", "lesson": "result", "learning": "result",
	"what i learned": "result", "what happened": "result", "the payoff": "result", "resolution": "result",
	"lessons learned": "result", "takeaway": "result",
}

// Segment splits free text into sentences, verbatim and in order.
func Segment(text string) []Sentence { return segment(nil, text) }

// segment appends the sentences of text to out.
func segment(out []Sentence, text string) []Sentence {
	sg := segmenter{text: text, out: out}
	sg.run()
	return sg.out
}

// segmenter walks the text line by line, gathering lines into chunks (a
// paragraph, or one list item) and chunks into sentences.
type segmenter struct {
	text string
	out  []Sentence

	para       int
	label      string
	labelScope labelScope
	labelKind  lineKind // the kind of line an inline label was written on
}

// labelScope says how long a written label lasts.
type labelScope uint8

const (
	scopeNone    labelScope = iota
	scopeHeading            // a label on a line of its own: until the next label
	scopeInline             // a label before text: until a blank line or a line of another kind
)

// lineKind tells plain lines from list items (by their marker).
type lineKind string

func (sg *segmenter) run() {
	cs, ce := -1, -1 // the current chunk: text[cs:ce], line breaks kept
	chunkKind := lineKind("")
	prevLine := ""
	flush := func() {
		if cs >= 0 {
			sg.splitChunk(cs, ce, chunkKind)
		}
		cs, ce = -1, -1
	}
	for pos := 0; pos <= len(sg.text); {
		end := strings.IndexByte(sg.text[pos:], '\n')
		if end < 0 {
			end = len(sg.text)
		} else {
			end += pos
		}
		raw := sg.text[pos:end]
		lineStart := pos
		pos = end + 1
		ls := lineStart + len(raw) - len(strings.TrimLeft(raw, " \t\r"))
		le := lineStart + len(strings.TrimRight(raw, " \t\r"))
		if ls >= le { // a blank line
			flush()
			if len(sg.out) > 0 {
				sg.para++
			}
			if sg.labelScope == scopeInline {
				sg.label, sg.labelScope = "", scopeNone
			}
			prevLine = ""
			continue
		}
		line := sg.text[ls:le]
		kind := lineKind("")
		if rest, marker, ok := stripBullet(line); ok {
			ls += len(line) - len(rest)
			line, kind = rest, lineKind(marker)
		}
		if kind != "" || (cs >= 0 && lineBreakEnds(prevLine, line)) {
			flush()
		}
		if cs < 0 {
			// A label written before text lasts while the lines are of its kind.
			if sg.labelScope == scopeInline && kind != sg.labelKind {
				sg.label, sg.labelScope = "", scopeNone
			}
			cs, chunkKind = ls, kind
		}
		ce = le
		prevLine = line
		if kind != "" {
			flush()
		}
	}
	flush()
}

// lineBreakEnds decides whether a single line break ends a sentence: the
// previous line ended with a full stop or a label, or the new line starts a
// labelled part.
func lineBreakEnds(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"'”’)*_`))
	if last == '.' || last == '!' || last == '?' || last == ':' {
		return true
	}
	if _, _, ok := cutLabel(prev); ok {
		return true // "## Situation" or "**Task**" on a line of its own
	}
	if _, _, ok := cutLabel(next); ok {
		return true
	}
	// Lines written one idea each, without full stops: a line that starts
	// with a capital ends the one before, unless the line before stopped
	// mid-phrase ("... and then" / "I called ...").
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	lastWord := toLower(prev[strings.LastIndexAny(prev, " \t")+1:])
	switch lastWord {
	case "and", "but", "so", "then", "that", "because", "when", "as", "if", "to", "the", "a", "an", "of",
		"with", "where", "which", "while", "for", "from", "in", "on", "at", "by", "or", "my", "our", "his", "her":
		return false
	}
	return !strings.HasPrefix(next, "I ") || countWords(prev) >= 6
}

// stripBullet removes a list marker ("- ", "* ", "• ", "1. ", "2) ") and
// returns the marker's kind.
func stripBullet(line string) (rest, marker string, ok bool) {
	for _, m := range []string{"- ", "* ", "• ", "– ", "· ", "o "} {
		if strings.HasPrefix(line, m) && (m != "o " || len(line) > 2 && unicode.IsUpper(rune(line[2]))) {
			return strings.TrimSpace(line[len(m):]), m[:len(m)-1], true
		}
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
		return strings.TrimSpace(line[i+2:]), "1" + line[i:i+1], true
	}
	return line, "", false
}

// cutLabel recognises a STAR label at the start of s ("Situation:", "**Task**
// -", "## Result", "S -") and returns the part and the text after it.
func cutLabel(s string) (part, rest string, ok bool) {
	if !mayHoldLabel(s) {
		return "", s, false
	}
	t := strings.TrimLeft(s, "*_#> ")
	heading := len(t) < len(s) && strings.ContainsAny(s[:len(s)-len(t)], "#*_")
	end := strings.IndexAny(t, ":–—-")
	if end < 0 && heading {
		// "## Result" or "**Task**" with no colon: the label is the whole line.
		word := labelKey(t)
		if p, found := labelWords[word]; found && len(word) > 1 {
			return p, "", true
		}
		return "", s, false
	}
	if end <= 0 || end > 20 {
		return "", s, false
	}
	if t[end] != ':' && !(t[end-1] == ' ' || t[end-1] == '*' || t[end-1] == '_') {
		return "", s, false // a hyphen inside a word is not a label
	}
	word := labelKey(t[:end])
	p, found := labelWords[word]
	if !found {
		return "", s, false
	}
	if len(word) == 1 && t[end] != ':' && t[end-1] != ' ' {
		return "", s, false
	}
	rest = strings.TrimLeft(t[end:], ":–—- ")
	rest = strings.TrimLeft(rest, "*_ ")
	return p, rest, true
}

// mayHoldLabel: a label is a word or two followed by a colon or a dash,
// or a heading marked with # * or _; most sentences have none of these
// near their start.
func mayHoldLabel(s string) bool {
	for i := 0; i < len(s) && i < 26; i++ {
		switch s[i] {
		case ':', '-', '#', '*', '_', 0xE2: // 0xE2 starts the long dashes
			return true
		}
	}
	return false
}

func labelKey(s string) string {
	w := toLower(strings.Trim(s, "*_#() "))
	return strings.TrimPrefix(w, "the ")
}

// questionLabel recognises a label asked as a question: "The result?".
func questionLabel(s string) (string, bool) {
	if !strings.HasSuffix(s, "?") || len(s) > 26 {
		return "", false
	}
	w := toLower(strings.Trim(s, "*_?! "))
	w = strings.TrimPrefix(w, "and ")
	w = strings.TrimPrefix(w, "the ")
	p, ok := labelWords[w]
	return p, ok && len(w) > 1
}

// splitChunk splits one paragraph or list item into sentences.
func (sg *segmenter) splitChunk(from, to int, kind lineKind) {
	chunk := sg.text[from:to]
	start := 0
	first := true
	emit := func(s string) {
		offset := from + start + len(s) - len(strings.TrimLeft(s, " \t\r\n"))
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		lineStart := first
		first = false
		if p, ok := questionLabel(s); ok { // "The result?"
			sg.label, sg.labelScope = p, scopeHeading
			return
		}
		if p, rest, ok := cutLabel(s); ok {
			sg.label = p
			offset += len(s) - len(rest) // rest is the end of s
			s = rest
			if strings.TrimSpace(strings.Trim(s, "*_")) == "" {
				sg.labelScope = scopeHeading
				return
			}
			sg.labelScope, sg.labelKind = scopeInline, kind
		}
		sg.out = append(sg.out, Sentence{Text: s, Label: sg.label, Para: sg.para, Bullet: kind != "", LineStart: lineStart, Offset: offset})
	}
	for i := 0; i < len(chunk); i++ {
		ch := chunk[i]
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
		j := i + 1
		for j < len(chunk) && strings.IndexByte(`.!?"')*`, chunk[j]) >= 0 {
			j++
		}
		for j < len(chunk) && (strings.HasPrefix(chunk[j:], "”") || strings.HasPrefix(chunk[j:], "’")) {
			j += len("”")
		}
		if j >= len(chunk) {
			break
		}
		if !isSpace(chunk[j]) {
			continue // "3.5", "e.g.,", "a.m.)"
		}
		k := j
		for k < len(chunk) && isSpace(chunk[k]) {
			k++
		}
		if k >= len(chunk) {
			break
		}
		if ch == '.' && !startsSentence(chunk[k:]) {
			continue
		}
		if ch == '.' && isAbbreviation(chunk[start:i]) && !(endsWithWord(chunk[start:i], "no") && !isDigitByte(chunk[k])) {
			continue
		}
		emit(chunk[start:j])
		start = k
		i = k - 1
	}
	emit(chunk[start:])
}

// endsWithWord reports whether s ends with the word w, in any case ("No" in
// "No. 5" is an abbreviation only before a number).
func endsWithWord(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[len(s)-len(w):], w) {
		return false
	}
	return len(s) == len(w) || isSpace(s[len(s)-len(w)-1])
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// startsSentence: the next word begins with a capital letter, a digit, a
// quote, a bracket or a label mark.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘*(£$€#`, r)
}

// isAbbreviation reports whether the text before a full stop ends with an
// abbreviation or a single initial.
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 && !isSpace(before[k-1]) && before[k-1] != '(' {
		k--
	}
	word := strings.Trim(before[k:], `"'(`)
	if abbreviations[toLower(word)] {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) && r != 'I' // an initial: "J. Smith"; "I." ends a sentence
	}
	return false
}
