package star

// This file keeps the scorer's text functions exactly as they were before the
// performance work (commit 8275e31), as the reference that the faster ones
// must agree with byte for byte (see equivalence_test.go). Only the names differ.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// refSegment splits free text into sentences. It knows abbreviations, decimals,
// "e.g.", bullet and numbered lists, line breaks, explicit STAR labels
// ("Situation:", "**Task:**", "S:"), and breaks long run-on sentences at
// "so I ..." and "and then".
func refSegment(text string) []Sentence {
	var out []Sentence
	para := 0
	label := ""
	cs, ce := -1, -1 // the current chunk: text[cs:ce], lines kept as written
	prevLine := ""
	flush := func() {
		if cs < 0 {
			return
		}
		out = refSplitChunk(out, text[cs:ce], &label, para)
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
		if rest, ok := refStripBullet(line); ok {
			ls += len(line) - len(rest)
			line, bullet = rest, true
		}
		if bullet || (cs >= 0 && refLineBreakEnds(prevLine, line)) {
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

// reflineBreakEnds decides whether a single line break ends a sentence: the
// previous line ended with a full stop or a label, or the new line starts a
// new labelled part.
func refLineBreakEnds(prev, next string) bool {
	prev = strings.TrimSpace(prev)
	if prev == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"'”’)*`))
	if last == '.' || last == '!' || last == '?' || last == ':' {
		return true
	}
	_, _, ok := refCutLabel(next)
	return ok
}

// refstripBullet removes a list marker ("- ", "* ", "• ", "1. ", "2) ").
func refStripBullet(line string) (string, bool) {
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

// refcutLabel recognises an explicit STAR label at the start of s and returns
// the component and the rest of the text.
func refCutLabel(s string) (component, rest string, ok bool) {
	t := strings.TrimLeft(s, "*_#> ")
	head := t
	if len(head) > 24 {
		head = head[:24] // a label is a word or two at the start
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

// refquestionLabel recognises a label asked as a question: "The result?".
func refQuestionLabel(s string) (string, bool) {
	if !strings.HasSuffix(s, "?") || len(s) > 24 {
		return "", false
	}
	w := strings.ToLower(strings.Trim(s, "*_?! "))
	w = strings.TrimPrefix(w, "the ")
	w = strings.TrimPrefix(w, "and the ")
	c, ok := labelWords[w]
	return c, ok && len(w) > 1
}

// refsplitChunk splits one paragraph or list item into sentences.
func refSplitChunk(out []Sentence, chunk string, label *string, para int) []Sentence {
	start := 0
	emit := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if c, ok := refQuestionLabel(s); ok { // "The result?"
			*label = c
			return
		}
		if c, rest, ok := refCutLabel(s); ok {
			*label = c
			s = rest
			if strings.TrimSpace(strings.Trim(s, "*_")) == "" {
				return
			}
		}
		for _, part := range refSplitRunOn(s) {
			out = append(out, Sentence{Text: part, Label: *label, Para: para})
		}
	}
	for i := 0; i < len(chunk); i++ {
		ch := chunk[i]
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
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
		if !refIsSpace(chunk[j]) {
			continue // "3.5", "e.g.,", "a.m.)"
		}
		k := j
		for k < len(chunk) && refIsSpace(chunk[k]) {
			k++
		}
		if k >= len(chunk) {
			break
		}
		if ch == '.' && !refStartsSentence(chunk[k:]) {
			continue
		}
		if ch == '.' && refIsAbbreviation(chunk[start:i]) && !(refEndsWithWord(chunk[start:i], "no") && !isDigitByte(chunk[k])) {
			continue
		}
		emit(chunk[start:j])
		start = k
		i = k - 1
	}
	emit(chunk[start:])
	return out
}

// refendsWithWord reports whether s ends with the word w, in any case ("No" in
// "No. 5" is an abbreviation only before a number).
func refEndsWithWord(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[len(s)-len(w):], w) {
		return false
	}
	return len(s) == len(w) || refIsSpace(s[len(s)-len(w)-1])
}

func refIsSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// refstartsSentence: the next word begins with a capital letter, a digit, a
// quote or a label.
func refStartsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘*(`, r)
}

// refisAbbreviation reports whether the text before a full stop ends with an
// abbreviation or a single initial.
func refIsAbbreviation(before string) bool {
	k := len(before)
	for k > 0 && !refIsSpace(before[k-1]) && before[k-1] != '(' {
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

// refRunOnBreaks are where a long sentence is split in two when both halves
// are long enough to stand alone.
var refRunOnBreaks = []string{", so I ", " so I ", ", and then ", " and then I ", "; then ", ", then I ", "; so ", ", which meant ", " and as a result ", ", and in the end ", " and in the end "}

const refRunOnMinWords = 22

// refRunOnAnchors: every joint in refRunOnBreaks contains one of these, so a
// sentence without any is not searched joint by joint.
var refRunOnAnchors = []string{" so ", " then", " meant ", " result ", " end "}

func refHasRunOnAnchor(s string) bool {
	for _, a := range refRunOnAnchors {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

// refsplitRunOn breaks a run-on sentence at "so I", "and then" and similar
// joints, keeping every piece verbatim.
func refSplitRunOn(s string) []string {
	if strings.Count(s, " ") < refRunOnMinWords-1 || refCountWords(s) < refRunOnMinWords {
		return []string{s}
	}
	if !refHasRunOnAnchor(s) {
		return []string{s}
	}
	// The joints are written as they appear mid-sentence ("so I"), so the
	// text is searched as it is, without a lower-cased copy.
	lower := s
	for _, b := range refRunOnBreaks {
		idx := strings.Index(lower, b)
		if idx < 0 {
			continue
		}
		cut := idx
		if lower[cut] == ',' || lower[cut] == ';' || lower[cut] == '.' {
			cut++
		}
		left, right := strings.TrimSpace(s[:cut]), strings.TrimSpace(s[cut:])
		if refCountWords(left) >= 6 && refCountWords(right) >= 6 {
			return append(refSplitRunOn(left), refSplitRunOn(right)...)
		}
	}
	return []string{s}
}

func refCountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return refCountWordsUnicode(s)
		}
		w := c < 128 && wordByte[c]
		if w && !in {
			n++
		}
		in = w || (in && (c == '\'' || c == '-'))
	}
	return n
}

func refCountWordsUnicode(s string) int {
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

// refToken is a token as it was: its stem as a string, its entry as a pointer.
type refToken struct {
	stem       string
	start, end int32
	entry      *lexEntry // nil for a word the rubric and the scorer do not know
}

func (t refToken) has(f wordFlag) bool { return t.entry != nil && t.entry.flags&f != 0 }

// refIsNegator: negators cancel a negatable cue standing up to three words after them.
func refIsNegator(t refToken) bool {
	return t.has(wNegator) || strings.HasSuffix(t.stem, "n't") || strings.HasSuffix(t.stem, "n’t")
}

// refNegatedAt reports whether a negator stands within three words before i.
func refNegatedAt(toks []refToken, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if refIsNegator(toks[k]) {
			return true
		}
	}
	return false
}

// refFirstPersonBefore reports whether "I" or "we" stands within four words
// before i, or i starts the sentence (a bullet such as "Called the courier").
func refFirstPersonBefore(toks []refToken, i int) bool {
	if i == 0 {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].has(wI | wWe) {
			return true
		}
	}
	return false
}

// refTokenize is tokenize as it was: a closure per word and a Go map lookup.
func refTokenize(dst []refToken, lower string, lex *phraseIndex) []refToken {
	start := -1
	emit := func(end int) {
		w := lower[start:end]
		for len(w) > 0 && (w[len(w)-1] == '\'') {
			w = w[:len(w)-1]
		}
		st := refStem(w)
		var e *lexEntry
		if lex != nil {
			e = lex.byStem[st]
		}
		dst = append(dst, refToken{stem: st, start: int32(start), end: int32(end), entry: e})
	}
	for i := 0; i < len(lower); {
		r, size := rune(lower[i]), 1
		if r < utf8.RuneSelf {
			if wordByte[r] {
				if start < 0 {
					start = i
				}
				i++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(lower[i:])
		}
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(start >= 0 && (r == '\'' || r == '’' || r == '%' || ((r == '.' || r == ',') && i+size < len(lower) && isDigitByte(lower[i+size]) && isDigitByte(lower[i-1]))))
		if r == '%' && start < 0 && i > 0 && isDigitByte(lower[i-1]) {
			inWord = true
		}
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			emit(i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		emit(len(lower))
	}
	return dst
}

// refStem strips common English suffixes so that inflections of one word meet:
// "apologised", "apologise", "apologising" → "apologis". It returns a
// substring of w and never allocates.
func refStem(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return w // curly apostrophes and accents are rare; leave the word whole
		}
	}
	// Suffixes are stripped only when at least four letters remain, so that
	// short words keep apart ("noted" is not "not", "asked" stays whole).
	n := len(w)
	switch {
	case n > 6 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 5 && strings.HasSuffix(w, "ied"):
		w = w[:n-2] // "replied" → "repli", as "replies" below
	case n > 5 && strings.HasSuffix(w, "ies"):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		w = w[:n-1]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' && w[n-2] != '\'':
		w = w[:n-1]
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'e' && w[n-1] != 'o' {
		w = w[:n-1] // "stopped" → "stopp" → "stop"
	}
	return w
}

// refRelevance is relevance as it was, over the answer's stems: each term
// tokenized and every answer word compared with each of its words.
func refRelevance(answerStems []string, q *QuestionInfo) (found, want int, missing, foundTerms []string) {
	terms := append(append([]string(nil), q.Keywords...), q.Competencies...)
	var buf []refToken
	for _, term := range terms {
		buf = refTokenize(buf[:0], lowerASCII(term), nil)
		if len(buf) == 0 {
			continue
		}
		want++
		if refContainsStems(answerStems, buf) {
			found++
			if len(foundTerms) < 3 {
				foundTerms = append(foundTerms, "'"+term+"'")
			}
		} else if len(missing) < 3 {
			missing = append(missing, "'"+term+"'")
		}
	}
	want = max(1, min(want, 8))
	return found, want, missing, foundTerms
}

func refContainsStems(answerStems []string, term []refToken) bool {
	for _, t := range term {
		if len(t.stem) < 3 || t.stem == "the" || t.stem == "and" || t.stem == "with" {
			continue
		}
		for _, at := range answerStems {
			if sameWord(at, t.stem) {
				return true
			}
		}
	}
	return false
}
