package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence, or the clitic split off one ("n't" of
// "didn't", "'d" of "I'd", "'s" of "it's"), which is a token of its own so
// that "I'd" reads as "I would" and "didn't" carries its negation.
type token struct {
	start, end int    // byte offsets in the sentence, as written
	word       string // lower case; a clitic keeps its apostrophe: "n't", "'d"
	stem       string // word with light suffix stripping, 'z' read as 's': what cues match
	clitic     bool
	punct      byte // the mark written right after the word: , ; : . ! ? or '-' for a spaced dash
	upper      bool // written with a capital letter
	number     bool // a figure: 40, 3.5, £60, 40%, 8:30
	quoted     bool // inside quotation marks: someone's words reported
	info       *wordInfo
}

// words counts the tokens that are words (not clitics).
func countTokenWords(toks []token) int {
	n := 0
	for i := range toks {
		if !toks[i].clitic {
			n++
		}
	}
	return n
}

// tokenize appends the tokens of sentence s to dst.
func tokenize(dst []token, s string) []token {
	lower := strings.ToLower(s)
	sameLen := len(lower) == len(s)
	inDouble, inSingle := false, false
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || (isCurrency(r) && i+size < len(s) && isDigitByte(s[i+size])):
			start, n := i, len(dst)
			i = scanWord(s, i)
			dst = appendWord(dst, s, lower, sameLen, start, i)
			for k := n; k < len(dst); k++ {
				dst[k].quoted = inDouble || inSingle
			}
			continue
		case r == '"':
			inDouble = !inDouble
		case r == '“':
			inDouble = true
		case r == '”':
			inDouble = false
		case r == '‘':
			inSingle = true
		case r == '’' || r == '\'':
			wordNext := i+size < len(s) && isWordRune(rune(s[i+size]))
			if !inSingle && (i == 0 || isSpace(s[i-1])) && wordNext {
				inSingle = true
			} else if inSingle && !wordNext {
				inSingle = false
			}
		case r == ',' || r == ';' || r == ':' || r == '.' || r == '!' || r == '?':
			if n := len(dst); n > 0 && dst[n-1].end == i && dst[n-1].punct == 0 {
				dst[n-1].punct = byte(r)
			} else if n > 0 && dst[n-1].punct == 0 && strings.TrimSpace(s[dst[n-1].end:i]) == "" {
				dst[n-1].punct = byte(r)
			}
		case r == '-' || r == '–' || r == '—':
			// A dash standing between spaces (or doubled) is a break in the
			// sentence; a hyphen inside a word only joins two words.
			spaced := i > 0 && isSpace(s[i-1]) || r != '-' || strings.HasPrefix(s[i:], "--")
			if n := len(dst); spaced && n > 0 && dst[n-1].punct == 0 {
				dst[n-1].punct = '-'
			}
		}
		i += size
	}
	return dst
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isCurrency(r rune) bool { return r == '£' || r == '$' || r == '€' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// scanWord returns the end of the word starting at i: letters and digits,
// with apostrophes, decimal points and thousands commas inside.
func scanWord(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	if isCurrency(r) {
		i += size
	}
	for i < len(s) {
		r, size = utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		next := i + size
		if next < len(s) {
			nr, _ := utf8.DecodeRuneInString(s[next:])
			switch {
			case isApostrophe(r) && isWordRune(nr):
				i = next
				continue
			case (r == '.' || r == ',' || r == ':') && isDigitByte(s[i-1]) && isDigitByte(s[next]):
				i = next
				continue
			}
		}
		if r == '%' && isDigitByte(s[i-1]) {
			i += size
		}
		break
	}
	return i
}

// clitics are the endings split off a word after an apostrophe.
var clitics = map[string]bool{"t": true, "d": true, "ll": true, "m": true, "re": true, "ve": true, "s": true}

// negatedBases are the words whose "n't" form does not end in "n" + "'t".
var negatedBases = map[string]string{"ca": "can", "wo": "will", "sha": "shall", "ai": "am", "don": "do"}

// appendWord appends the word s[start:end], splitting off a clitic.
func appendWord(dst []token, s, lower string, sameLen bool, start, end int) []token {
	lw := func(a, b int) string {
		if sameLen {
			return lower[a:b]
		}
		return strings.ToLower(s[a:b])
	}
	// Find a final clitic: the last apostrophe followed by a known ending.
	cut, clEnd := -1, end
	for k := end - 1; k > start; k-- {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !isApostrophe(r) {
			if s[k] >= utf8.RuneSelf {
				for k > start && !utf8.RuneStart(s[k]) {
					k--
				}
			}
			continue
		}
		if clitics[lw(k+size, end)] {
			cut = k
		}
		break
	}
	if cut < 0 {
		return append(dst, newToken(s, lw(start, end), start, end))
	}
	ending := lw(cut, clEnd)
	_, asize := utf8.DecodeRuneInString(s[cut:])
	endLetters := ending[asize:]
	base := lw(start, cut)
	baseEnd := cut
	if endLetters == "t" && strings.HasSuffix(base, "n") {
		// "didn't" → "did" + "n't"; "can't" → "can" + "n't".
		base = base[:len(base)-1]
		baseEnd--
		if full, ok := negatedBases[base]; ok {
			base = full
		}
		ending = "n't"
	} else {
		ending = "'" + endLetters
		switch ending {
		case "'s", "'d", "'ll", "'m", "'re", "'ve":
			ending = cliticSpelling[ending]
		}
	}
	if base != "" {
		dst = append(dst, newToken(s, base, start, baseEnd))
	}
	t := token{start: baseEnd, end: end, word: ending, stem: ending, clitic: true}
	t.info = lookupWord(ending)
	return append(dst, t)
}

// cliticSpelling gives each clitic one constant string, so that tokens
// share it rather than each holding a new one.
var cliticSpelling = map[string]string{"'s": "'s", "'d": "'d", "'ll": "'ll", "'m": "'m", "'re": "'re", "'ve": "'ve"}

func newToken(s, word string, start, end int) token {
	r, _ := utf8.DecodeRuneInString(s[start:])
	t := token{start: start, end: end, word: word, upper: unicode.IsUpper(r)}
	if isDigitByte(word[0]) || isCurrency(r) {
		t.number = true
		t.stem = word
		return t
	}
	t.stem = stem(word)
	t.info = lookupWord(word)
	return t
}

// stem strips common English suffixes so that inflections of one word meet
// ("apologised", "apologise", "apologising" → "apologis"), and reads 'z' as
// 's' so that British and American spellings meet ("apologiz" → "apologis").
// Suffixes are stripped only when at least four letters remain, so short
// words keep apart ("noted" is not "not").
func stem(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return w // accented and curly letters are rare: keep the word whole
		}
	}
	if n := len(w); n > 3 {
		switch w[n-1] {
		case 'g':
			if n > 6 && w[n-3:] == "ing" {
				w = w[:n-3]
			}
		case 'd':
			if n > 5 && w[n-2] == 'e' {
				w = w[:n-2]
			}
		case 's':
			switch {
			case n > 5 && w[n-3:] == "ies":
				w = w[:n-2]
			case n > 4 && w[n-2] == 'e' && w[n-3] != 's':
				w = w[:n-1]
			case w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
				w = w[:n-1]
			}
		}
	}
	if n := len(w); n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'e' && w[n-1] != 'o' {
		w = w[:n-1] // "stopped" → "stopp" → "stop"
	}
	if strings.IndexByte(w, 'z') >= 0 {
		w = strings.ReplaceAll(w, "z", "s")
	}
	return w
}

// countWords counts the words of s as a person would: runs of letters and
// digits, with apostrophes and hyphens inside a word.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w || (in && (isApostrophe(r) || r == '-'))
	}
	return n
}
