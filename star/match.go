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
	entry      *lexEntry // nil for a word the rubric and the scorer do not know
}

// tokenize appends the words of lower (an already lower-cased sentence) to
// dst. Apostrophes stay inside words ("didn't"); digits are words.
func tokenize(dst []token, lower string, lex *phraseIndex) []token {
	start := -1
	emit := func(end int) {
		w := lower[start:end]
		for len(w) > 0 && (w[len(w)-1] == '\'') {
			w = w[:len(w)-1]
		}
		st := stem(w)
		var e *lexEntry
		if lex != nil {
			e = lex.byStem[st]
		}
		dst = append(dst, token{stem: st, start: int32(start), end: int32(end), entry: e})
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

// wordByte marks the ASCII bytes that are always inside a word.
var wordByte = func() (t [128]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// stem strips common English suffixes so that inflections of one word meet:
// "apologised", "apologise", "apologising" → "apologis". It returns a
// substring of w and never allocates.
func stem(w string) string {
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

// phrase is a cue of one or more words.
type phrase struct {
	rest      []string // stems after the first
	group     int
	negatable bool
	firstPers bool
}

// lexEntry is everything known about one stem: the word classes the
// scorer's features use and the cue phrases that start with it. One map
// lookup per word finds both.
type lexEntry struct {
	flags wordFlag
	// single are the one-word cues; multi the longer ones by their second
	// word, so a common first word ("I") does not mean trying every "I ..." cue.
	single []phrase
	multi  map[string][]phrase
}

// wordFlag marks the word classes the scorer's features look for.
type wordFlag uint16

const (
	wI             wordFlag = 1 << iota // I, I'm, myself: the speaker
	wWe                                 // we, we're, ourselves
	wOtherSubject                       // he, she, they, the customer: someone else acting
	wIrregularPast                      // told, took, went: past without -ed
	wStative                            // was, had, knew: a state, not a step
	wNumberWord                         // two, dozen, half
	wMeasure                            // CSAT, score, survey: evidence of a result
	wNegator                            // not, never, without
	wGeneral                            // is, always, believe: talk outside a story
	wBeVerb                             // was, were: with -ing, a scene being set
)

// builtinWords are the word classes, by word (stemmed when the lexicon is built).
var builtinWords = map[wordFlag][]string{
	wI:            {"i", "i'm", "i've", "i'd", "i'll", "myself", "i’m", "i’ve", "i’d"},
	wWe:           {"we", "we're", "we've", "we'd", "we'll", "ourselves", "we’re", "we’ve", "we’d"},
	wOtherSubject: {"he", "she", "they", "it", "there", "customer", "manager", "team", "this", "that"},
	wIrregularPast: {"was", "were", "had", "did", "went", "told", "took", "made", "gave", "got", "came", "said",
		"knew", "felt", "found", "kept", "left", "sent", "spoke", "saw", "thought", "wrote", "brought", "bought",
		"began", "ran", "rang", "paid", "held", "met", "stood", "sat", "understood", "led", "caught", "taught",
		"chose", "drove", "heard", "meant", "lost", "won", "built", "spent", "dealt", "became", "grew", "rose",
		"fell", "broke", "forgot", "sold", "threw", "could", "put", "set", "let", "stuck", "woke", "hung", "shut"},
	wStative: {"was", "were", "had", "could", "knew", "felt", "meant", "worked", "used", "loved", "liked",
		"hated", "seemed", "looked"},
	wNumberWord: {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
		"dozen", "half", "doubled", "tripled", "double", "triple"},
	wMeasure: {"csat", "nps", "fcr", "sla", "aht", "score", "scores", "rating", "ratings", "survey", "surveys",
		"percent", "star", "stars", "review", "reviews"},
	wNegator: {"not", "no", "never", "without", "hardly", "nobody", "nothing", "neither", "nor", "cannot"},
	wGeneral: {"is", "are", "am", "i'm", "always", "usually", "believe", "think"},
	wBeVerb:  {"was", "were"},
}

// phraseIndex is the lexicon: cue phrases by their first word's stem, and
// the built-in word classes.
type phraseIndex struct {
	byStem map[string]*lexEntry
}

func newPhraseIndex() *phraseIndex {
	x := &phraseIndex{byStem: map[string]*lexEntry{}}
	for flag, words := range builtinWords {
		for _, w := range words {
			x.entry(stem(w)).flags |= flag
		}
	}
	return x
}

func (x *phraseIndex) entry(st string) *lexEntry {
	e := x.byStem[st]
	if e == nil {
		e = &lexEntry{}
		x.byStem[st] = e
	}
	return e
}

// add compiles a phrase; false when it has no words.
func (x *phraseIndex) add(text string, group int, negatable, firstPerson bool) bool {
	toks := tokenize(nil, strings.ToLower(text), nil)
	if len(toks) == 0 {
		return false
	}
	rest := make([]string, len(toks)-1)
	for i, t := range toks[1:] {
		rest[i] = t.stem
	}
	e := x.entry(toks[0].stem)
	p := phrase{rest: rest, group: group, negatable: negatable, firstPers: firstPerson}
	if len(rest) == 0 {
		e.single = append(e.single, p)
		return true
	}
	if e.multi == nil {
		e.multi = map[string][]phrase{}
	}
	e.multi[rest[0]] = append(e.multi[rest[0]], p)
	return true
}

// finish orders each first word's phrases longest first, so that the most
// specific cue of a group wins.
func (x *phraseIndex) finish() {
	for _, e := range x.byStem {
		for _, ps := range e.multi {
			for i := 1; i < len(ps); i++ {
				for j := i; j > 0 && len(ps[j].rest) > len(ps[j-1].rest); j-- {
					ps[j], ps[j-1] = ps[j-1], ps[j]
				}
			}
		}
	}
}

// has reports whether token t belongs to a word class.
func (t token) has(f wordFlag) bool { return t.entry != nil && t.entry.flags&f != 0 }

// hit is one cue found in a sentence.
type hit struct {
	group      int
	start, end int32 // token indexes, end exclusive
}

// isNegator: negators cancel a negatable cue standing up to three words after them.
func isNegator(t token) bool {
	return t.has(wNegator) || strings.HasSuffix(t.stem, "n't") || strings.HasSuffix(t.stem, "n’t")
}

// match appends every cue found in toks to dst. A group matches at most once
// per starting word (the longest phrase wins).
func (x *phraseIndex) match(dst []hit, toks []token) []hit {
	for i := range toks {
		e := toks[i].entry
		if e == nil || (len(e.single) == 0 && len(e.multi) == 0) {
			continue
		}
		var seenGroups uint64
		if len(e.multi) > 0 && i+1 < len(toks) {
			dst, seenGroups = matchAt(dst, toks, i, e.multi[toks[i+1].stem], seenGroups)
		}
		dst, _ = matchAt(dst, toks, i, e.single, seenGroups)
	}
	return dst
}

// matchAt tries the candidate phrases (longest first) at word i.
func matchAt(dst []hit, toks []token, i int, cands []phrase, seenGroups uint64) ([]hit, uint64) {
	for _, p := range cands {
		if i+1+len(p.rest) > len(toks) {
			continue
		}
		ok := true
		for j := 1; j < len(p.rest); j++ { // rest[0] matched by the lookup
			if toks[i+1+j].stem != p.rest[j] {
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
	return dst, seenGroups
}

// negatedAt reports whether a negator stands within three words before i.
func negatedAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if isNegator(toks[k]) {
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
		if toks[k].has(wI | wWe) {
			return true
		}
	}
	return false
}
