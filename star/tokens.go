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
	word   string // lower case; a clitic keeps its apostrophe: "n't", "'d"
	stem   string // word with light suffix stripping, 'z' read as 's': what cues match
	info   *wordInfo
	cue    *cueEntry // the cue phrases that start with this word
	start  int       // byte offsets in the sentence, as written
	end    int
	punct  byte // the mark written right after the word: , ; : . ! ? or '-' for a spaced dash
	clitic bool
	upper  bool // written with a capital letter
	number bool // a figure: 40, 3.5, £60, 40%, 8:30
	quoted bool // inside quotation marks: someone's words reported
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

// tokenize appends the tokens of sentence s to dst. dict is the rubric's
// dictionary (nil: the lexicon, and no cues).
func tokenize(dst []token, s string, dict *dictionary) []token {
	// dst may hold the sentences before: only this one's tokens take its
	// punctuation.
	base := len(dst)
	inDouble, inSingle := false, false
	i := 0
	for i < len(s) {
		if c := s[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case asciiWord[s[i]] || r >= utf8.RuneSelf && isWordRune(r) || (isCurrency(r) && i+size < len(s) && isDigitByte(s[i+size])):
			start, n := i, len(dst)
			var apostrophe bool
			i, apostrophe = scanWord(s, i)
			dst = appendWord(dst, s, start, i, apostrophe, dict)
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
			if n := len(dst); n > base && dst[n-1].end == i && dst[n-1].punct == 0 {
				dst[n-1].punct = byte(r)
			} else if n > base && dst[n-1].punct == 0 && strings.TrimSpace(s[dst[n-1].end:i]) == "" {
				dst[n-1].punct = byte(r)
			}
		case r == '-' || r == '–' || r == '—':
			// A dash standing between spaces (or doubled) is a break in the
			// sentence; a hyphen inside a word only joins two words.
			spaced := i > 0 && isSpace(s[i-1]) || r != '-' || strings.HasPrefix(s[i:], "--")
			if n := len(dst); spaced && n > base && dst[n-1].punct == 0 {
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

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// scanWord returns the end of the word starting at i: letters and digits,
// with apostrophes, decimal points and thousands commas inside; and whether
// an apostrophe was inside.
func scanWord(s string, i int) (int, bool) {
	apostrophe := false
	if !asciiWord[s[i]] {
		if r, size := utf8.DecodeRuneInString(s[i:]); isCurrency(r) {
			i += size // "£60", "$50"
		}
	}
	for i < len(s) {
		for i < len(s) && asciiWord[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf && c != '\'' && c != '.' && c != ',' && c != ':' && c != '%' {
			break // a space or a mark: the word ends
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
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
				apostrophe = true
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
	return i, apostrophe
}

// clitics are the endings split off a word after an apostrophe.
var clitics = map[string]bool{"t": true, "d": true, "ll": true, "m": true, "re": true, "ve": true, "s": true}

// negatedBases are the words whose "n't" form does not end in "n" + "'t".
var negatedBases = map[string]string{"ca": "can", "wo": "will", "sha": "shall", "ai": "am", "don": "do"}

// appendWord appends the word s[start:end], splitting off a clitic.
func appendWord(dst []token, s string, start, end int, apostrophe bool, dict *dictionary) []token {
	lw := func(a, b int) string { return lowerWord(s[a:b], dict) }
	if !apostrophe {
		return appendToken(dst, s, lw(start, end), start, end, dict)
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
		return appendToken(dst, s, lw(start, end), start, end, dict)
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
		switch endLetters {
		case "s":
			ending = "'s"
		case "d":
			ending = "'d"
		case "ll":
			ending = "'ll"
		case "m":
			ending = "'m"
		case "re":
			ending = "'re"
		case "ve":
			ending = "'ve"
		}
	}
	if base != "" {
		dst = appendToken(dst, s, base, start, baseEnd, dict)
	}
	return appendToken(dst, s, ending, baseEnd, end, dict)
}

// appendToken appends the token for word, written as s[start:end]. It is
// filled in place: a token is too big to copy around for every word.
func appendToken(dst []token, s, word string, start, end int, dict *dictionary) []token {
	dst = append(dst, token{})
	t := &dst[len(dst)-1]
	t.start, t.end, t.word = start, end, word
	c := s[start]
	if c < utf8.RuneSelf {
		t.upper = 'A' <= c && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(s[start:])
		t.upper = unicode.IsUpper(r)
		if isCurrency(r) {
			c = '0'
		}
	}
	if isDigitByte(c) {
		t.number = true
		t.stem = word
		return dst
	}
	t.clitic = word[0] == '\'' && len(word) > 1 || word == "n't"
	if dict != nil {
		if e, ok := dict.words[word]; ok {
			t.info, t.stem, t.cue = e.info, e.stem, e.cue
			return dst
		}
		t.stem = stem(word)
		t.cue = dict.cues.byStem[t.stem]
		return dst
	}
	t.stem = stem(word)
	t.info = lookupWord(word)
	return dst
}

// lowerWord returns w in lower case: w itself when it has no capitals, the
// dictionary's own spelling when it knows the word (so that a capital does
// not cost a new string), else a new string.
func lowerWord(w string, dict *dictionary) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return w
	}
	var buf [32]byte
	if len(w) > len(buf) {
		return toLower(w)
	}
	b := buf[:len(w)]
	for i := range b {
		b[i] = lowerByte[w[i]]
	}
	if dict != nil {
		if e, ok := dict.words[string(b)]; ok {
			return e.word
		}
	}
	return string(b)
}

// lowerByte maps A–Z to a–z and every other byte to itself.
var lowerByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// toLower lower-cases ASCII text by table, and other text by the Unicode
// rules.
func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		b[i] = lowerByte[c]
	}
	return string(b)
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
