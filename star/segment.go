package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of an answer, as the person wrote it.
type Sentence struct {
	Text string
	// Label is the component named by an explicit label in the answer
	// ("Situation: ..."), or "" when there was none.
	Label string
	// Para counts paragraph breaks before the sentence (0 for the first paragraph).
	Para int
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "vs": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "st": true, "no": true, "approx": true, "dept": true, "inc": true, "ltd": true,
	"co": true, "jr": true, "sr": true, "u.s": true, "u.k": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mon": true, "tue": true,
	"wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "min": true, "hrs": true,
	"ave": true, "rd": true, "ref": true, "ext": true, "fig": true, "cf": true,
}

// labelWords map an explicit STAR label to its component.
var labelWords = map[string]string{
	"situation": "situation", "s": "situation", "context": "situation", "background": "situation",
	"task": "task", "t": "task", "goal": "task", "objective": "task", "challenge": "task",
	"action": "action", "actions": "action", "a": "action", "approach": "action",
	"what i did": "action", "steps": "action", "my job": "task", "my role": "task", "my task": "task",
	"for context": "situation", "the setup": "situation", "what happened": "result", "the payoff": "result",
	"result": "result", "results": "result", "r": "result", "outcome": "result", "impact": "result",
	"outcomes": "result", "lesson": "result", "learning": "result", "what i learned": "result",
}

// Segment splits free text into sentences. It knows abbreviations, decimals,
// "e.g.", bullet and numbered lists, line breaks, explicit STAR labels
// ("Situation:", "**Task:**", "S:"), and breaks long run-on sentences at
// "so I ..." and "and then".
func Segment(text string) []Sentence { return segment(nil, text) }

// segment appends the sentences of text to out, so that the scorer can
// reuse one buffer from answer to answer.
func segment(out []Sentence, text string) []Sentence {
	para := 0
	label := ""
	cs, ce := -1, -1 // the current chunk: text[cs:ce], lines kept as written
	prevLine := ""
	flush := func() {
		if cs < 0 {
			return
		}
		out = splitChunk(out, text[cs:ce], &label, para)
		cs, ce = -1, -1
	}
	for pos := 0; pos <= len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		raw := text[pos:end]
		lineStart := pos
		pos = end + 1
		ls := lineStart + (len(raw) - len(strings.TrimLeft(raw, " \t\r")))
		le := lineStart + len(strings.TrimRight(raw, " \t\r"))
		if ls >= le {
			flush()
			if len(out) > 0 {
				para++
			}
			prevLine = ""
			continue
		}
		line := text[ls:le]
		bullet := false
		if rest, ok := stripBullet(line); ok {
			ls += len(line) - len(rest)
			line, bullet = rest, true
		}
		if bullet || (cs >= 0 && lineBreakEnds(prevLine, line)) {
			flush()
		}
		if cs < 0 {
			cs = ls
		}
		ce = le
		prevLine = line
		if bullet {
			flush()
		}
	}
	flush()
	return out
}

// lineBreakEnds decides whether a single line break ends a sentence: the
// previous line ended with a full stop or a label, or the new line starts a
// new labelled part.
func lineBreakEnds(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"'”’)*`))
	if last == '.' || last == '!' || last == '?' || last == ':' {
		return true
	}
	_, _, ok := cutLabel(next)
	return ok
}

// stripBullet removes a list marker ("- ", "* ", "• ", "1. ", "2) ").
func stripBullet(line string) (string, bool) {
	for _, m := range []string{"- ", "* ", "• ", "– ", "· "} {
		if strings.HasPrefix(line, m) {
			return strings.TrimSpace(line[len(m):]), true
		}
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
		return strings.TrimSpace(line[i+2:]), true
	}
	return line, false
}

// cutLabel recognises an explicit STAR label at the start of s and returns
// the component and the rest of the text.
func cutLabel(s string) (component, rest string, ok bool) {
	t := strings.TrimLeft(s, "*_#> ")
	head := t
	if len(head) > 24 {
		head = head[:24] // a label is a word or two at the start
	}
	if !hasLabelMark(head) {
		// Most sentences have no colon or dash near the start; this skips
		// IndexAny, which walks head rune by rune for a set with non-ASCII dashes.
		return "", s, false
	}
	colon := strings.IndexAny(head, ":–—-")
	if colon <= 0 || colon > 18 {
		return "", s, false
	}
	if t[colon] != ':' && !(colon+1 < len(t) && t[colon-1] == ' ') {
		return "", s, false // a hyphen inside a word is not a label
	}
	word := strings.ToLower(strings.Trim(t[:colon], "*_ ()"))
	word = strings.TrimPrefix(word, "the ")
	c, found := labelWords[word]
	if !found {
		return "", s, false
	}
	rest = strings.TrimLeft(t[colon:], ":–—- ")
	rest = strings.TrimLeft(rest, "*_ ")
	return c, rest, true
}

// hasLabelMark reports whether s may hold one of the marks that end a
// label (":", "-", "–", "—"); both long dashes start with the byte 0xE2.
func hasLabelMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ':' || c == '-' || c == 0xE2 {
			return true
		}
	}
	return false
}

// questionLabel recognises a label asked as a question: "The result?".
func questionLabel(s string) (string, bool) {
	if !strings.HasSuffix(s, "?") || len(s) > 24 {
		return "", false
	}
	w := strings.ToLower(strings.Trim(s, "*_?! "))
	w = strings.TrimPrefix(w, "the ")
	w = strings.TrimPrefix(w, "and the ")
	c, ok := labelWords[w]
	return c, ok && len(w) > 1
}

// splitChunk splits one paragraph or list item into sentences.
func splitChunk(out []Sentence, chunk string, label *string, para int) []Sentence {
	start := 0
	emit := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if c, ok := questionLabel(s); ok { // "The result?"
			*label = c
			return
		}
		if c, rest, ok := cutLabel(s); ok {
			*label = c
			s = rest
			if strings.TrimSpace(strings.Trim(s, "*_")) == "" {
				return
			}
		}
		out = appendRunOn(out, s, *label, para)
	}
	marks := stopMarks{-2, -2, -2}
	for i := 0; ; i++ {
		if i = marks.next(chunk, i); i < 0 {
			break
		}
		ch := chunk[i]
		j := i + 1
		for j < len(chunk) && strings.ContainsRune(`.!?"'”’)*`, rune(chunk[j])) {
			j++
		}
		// A closing quote may be multi-byte.
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
	return out
}

// stopMarks finds the next full stop, exclamation or question mark for
// splitChunk with one vectorised strings.IndexByte per mark, remembering
// where each mark occurs next; a loop testing every byte of the answer for
// the three marks cost more than the rest of splitChunk.
//
// stopMarks[k] is where mark k ('.', '!', '?') occurs next; -1 when it
// does not occur again, -2 before the first search.
type stopMarks [3]int

// next returns the position of the first mark at or after from, or -1.
func (m *stopMarks) next(s string, from int) int {
	best := -1
	for k, c := range [3]byte{'.', '!', '?'} {
		if m[k] != -1 && m[k] < from {
			if j := strings.IndexByte(s[from:], c); j >= 0 {
				m[k] = from + j
			} else {
				m[k] = -1
			}
		}
		if m[k] >= 0 && (best < 0 || m[k] < best) {
			best = m[k]
		}
	}
	return best
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

// startsSentence: the next word begins with a capital letter, a digit, a
// quote or a label.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘*(`, r)
}

// isAbbreviation reports whether the text before a full stop ends with an
// abbreviation or a single initial.
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 && !isSpace(before[k-1]) && before[k-1] != '(' {
		k--
	}
	word := strings.Trim(before[k:], `"'(`)
	var buf [16]byte
	if len(word) <= len(buf) {
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if abbreviations[string(buf[:len(word)])] {
			return true
		}
	}
	w := word
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(before[k:])
		return unicode.IsUpper(r) // an initial: "J. Smith"
	}
	return false
}

// runOnBreaks are where a long sentence is split in two when both halves
// are long enough to stand alone, in order of preference.
var runOnBreaks = [...]string{", so I ", " so I ", ", and then ", " and then I ", "; then ", ", then I ", "; so ", ", which meant ", " and as a result ", ", and in the end ", " and in the end "}

const runOnMinWords = 22

// runOnByPair lists the joints by their first two bytes (see runOnPair).
var runOnByPair = func() (t [4][]int) {
	for k, b := range runOnBreaks {
		p := runOnPair(b[0], b[1])
		t[p] = append(t[p], k)
	}
	return t
}()

// runOnStart marks the bytes a joint starts with.
var runOnStart = func() (t [256]bool) {
	for _, b := range runOnBreaks {
		t[b[0]] = true
	}
	return t
}()

// runOnPair sorts a byte pair into the joints it may start: 1 for " s",
// 2 for " a", 3 for ", " and "; ", 0 for every other pair (no joint).
func runOnPair(a, b byte) int {
	switch {
	case a == ' ' && b == 's':
		return 1
	case a == ' ' && b == 'a':
		return 2
	case (a == ',' || a == ';') && b == ' ':
		return 3
	}
	return 0
}

// appendRunOn appends s to out as one sentence, or broken at "so I", "and
// then" and similar joints when it is a long run-on, keeping every piece
// verbatim and in order.
//
// The tests are ordered cheapest first (they are all needed for a split,
// and none has side effects): a count of spaces, the joints, and only then
// the count of words.
func appendRunOn(out []Sentence, s, label string, para int) []Sentence {
	if strings.Count(s, " ") < runOnMinWords-1 {
		return append(out, Sentence{Text: s, Label: label, Para: para})
	}
	// One pass over s finds where each joint first occurs, instead of one
	// strings.Index per joint (or per anchor word) over the same sentence,
	// each of which stops at every space. The joints are then tried in
	// their order of preference, exactly as a strings.Index per joint would
	// find them. Only a byte pair that starts some joint (" s", " a", ", ",
	// "; ") is compared in full. The joints are written as they appear
	// mid-sentence ("so I"), so the text is searched as it is, without a
	// lower-cased copy.
	var first [len(runOnBreaks)]int
	for k := range first {
		first[k] = -1
	}
	found := false
	for i := 0; i+1 < len(s); i++ {
		if !runOnStart[s[i]] {
			continue // most bytes start no joint
		}
		for _, k := range runOnByPair[runOnPair(s[i], s[i+1])] {
			if first[k] < 0 && strings.HasPrefix(s[i:], runOnBreaks[k]) {
				first[k] = i
				found = true
			}
		}
	}
	if !found || countWords(s) < runOnMinWords {
		return append(out, Sentence{Text: s, Label: label, Para: para})
	}
	for _, idx := range first {
		if idx < 0 {
			continue
		}
		cut := idx
		if s[cut] == ',' || s[cut] == ';' || s[cut] == '.' {
			cut++
		}
		left, right := strings.TrimSpace(s[:cut]), strings.TrimSpace(s[cut:])
		if countWords(left) >= 6 && countWords(right) >= 6 {
			out = appendRunOn(out, left, label, para)
			return appendRunOn(out, right, label, para)
		}
	}
	return append(out, Sentence{Text: s, Label: label, Para: para})
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return countWordsUnicode(s)
		}
		w := c < 128 && wordByte[c]
		if w && !in {
			n++
		}
		in = w || (in && (c == '\'' || c == '-'))
	}
	return n
}

func countWordsUnicode(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}
