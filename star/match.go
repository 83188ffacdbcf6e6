package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence: its stem (lower case, light suffix
// stripping) and where it sits in the lower-cased sentence.
type token struct {
	stem       string
	start, end int32
}

// tokenize appends the words of lower (an already lower-cased sentence) to
// dst. Apostrophes stay inside words ("didn't"); digits are words.
func tokenize(dst []token, lower string) []token {
	start := -1
	for i := 0; i < len(lower); {
		r, size := rune(lower[i]), 1
		if r >= utf8.RuneSelf {
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
			dst = append(dst, token{stem: stem(strings.TrimRight(lower[start:i], "'’")), start: int32(start), end: int32(i)})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, token{stem: stem(strings.TrimRight(lower[start:], "'’")), start: int32(start), end: int32(len(lower))})
	}
	return dst
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// stem strips common English suffixes so that inflections of one word meet:
// "apologised", "apologise", "apologising" → "apologis". It returns a
// substring of w and never allocates.
func stem(w string) string {
	if strings.ContainsRune(w, '’') {
		return w // curly apostrophes are rare; leave the word whole
	}
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-2] // "replied" → "repli", as "replies" below
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "ed"):
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

// phrase is a cue of one or more words.
type phrase struct {
	rest      []string // stems after the first
	group     int
	negatable bool
	firstPers bool
}

// phraseIndex finds cue phrases by their first word's stem.
type phraseIndex struct {
	byFirst map[string][]phrase
}

func newPhraseIndex() *phraseIndex { return &phraseIndex{byFirst: map[string][]phrase{}} }

// add compiles a phrase; false when it has no words.
func (x *phraseIndex) add(text string, group int, negatable, firstPerson bool) bool {
	toks := tokenize(nil, strings.ToLower(text))
	if len(toks) == 0 {
		return false
	}
	rest := make([]string, len(toks)-1)
	for i, t := range toks[1:] {
		rest[i] = t.stem
	}
	first := toks[0].stem
	x.byFirst[first] = append(x.byFirst[first], phrase{rest: rest, group: group, negatable: negatable, firstPers: firstPerson})
	return true
}

// finish orders each first word's phrases longest first, so that the most
// specific cue of a group wins.
func (x *phraseIndex) finish() {
	for k, ps := range x.byFirst {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].rest) > len(ps[j-1].rest); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		x.byFirst[k] = ps
	}
}

// hit is one cue found in a sentence.
type hit struct {
	group      int
	start, end int32 // token indexes, end exclusive
}

// negators cancel a negatable cue standing up to three words after them.
var negators = map[string]bool{"not": true, "no": true, "never": true, "without": true, "hardly": true,
	"nobody": true, "nothing": true, "neither": true, "nor": true, "cannot": true}

func isNegator(stem string) bool {
	return negators[stem] || strings.HasSuffix(stem, "n't") || strings.HasSuffix(stem, "n’t")
}

// match appends every cue found in toks to dst. A group matches at most once
// per starting word (the longest phrase wins).
func (x *phraseIndex) match(dst []hit, toks []token) []hit {
	for i := range toks {
		cands := x.byFirst[toks[i].stem]
		if len(cands) == 0 {
			continue
		}
		var seenGroups uint64
		for _, p := range cands {
			if i+1+len(p.rest) > len(toks) {
				continue
			}
			ok := true
			for j, s := range p.rest {
				if toks[i+1+j].stem != s {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			bit := uint64(1) << (uint(p.group) % 64)
			if seenGroups&bit != 0 {
				continue
			}
			seenGroups |= bit
			if p.negatable && negatedAt(toks, i) {
				continue
			}
			if p.firstPers && !firstPersonBefore(toks, i) {
				continue
			}
			dst = append(dst, hit{group: p.group, start: int32(i), end: int32(i + 1 + len(p.rest))})
		}
	}
	return dst
}

// negatedAt reports whether a negator stands within three words before i.
func negatedAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if isNegator(toks[k].stem) {
			return true
		}
	}
	return false
}

// firstPersonBefore reports whether "I" or "we" stands within four words
// before i, or i starts the sentence (a bullet such as "Called the courier").
func firstPersonBefore(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].stem {
		case "i", "we", "i'd", "we'd", "i've", "we've", "i'll", "we'll":
			return true
		}
	}
	return false
}
