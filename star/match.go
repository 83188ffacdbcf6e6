package star

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence: where it sits in the lower-cased
// sentence, its stem (lower case, light suffix stripping), which is always
// a prefix of the word, and what the lexicon knows of it.
//
// A token holds no pointers: the scorer appends a couple of hundred per
// answer, and pointer stores into the heap pay for the garbage collector's
// write barrier whenever it is marking.
type token struct {
	start, end int32
	stemEnd    int32    // the stem is lower[start:stemEnd]
	entry      uint32   // the lexicon entry's id; 0 for a word the rubric and the scorer do not know
	flags      wordFlag // the entry's word classes, and wNegator for an "n't" word
}

// stem returns the token's stem; lower is the sentence it was read from.
func (t *token) stem(lower string) string { return lower[t.start:t.stemEnd] }

// tokenize appends the words of lower (an already lower-cased sentence) to
// dst. Apostrophes stay inside words ("didn't"); digits are words.
func tokenize(dst []token, lower string, lex *phraseIndex) []token {
	start := -1
	for i := 0; i < len(lower); {
		c := lower[i]
		if asciiWordByte[c] {
			// A run of letters and digits, in a tight loop: the table has
			// 256 entries, so indexing it needs no bounds check.
			if start < 0 {
				start = i
			}
			for i++; i < len(lower) && asciiWordByte[lower[i]]; i++ {
			}
			continue
		}
		var inWord bool
		size := 1
		if c < utf8.RuneSelf {
			// The other ASCII bytes are neither letters nor digits, so the
			// unicode tables need not be asked: only an apostrophe, a per
			// cent sign, or a decimal point or thousands comma between
			// digits continues a word.
			inWord = start >= 0 && (c == '\'' || c == '%' || ((c == '.' || c == ',') && i+1 < len(lower) && isDigitByte(lower[i+1]) && isDigitByte(lower[i-1])))
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(lower[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && r == '’')
		}
		if c == '%' && start < 0 && i > 0 && isDigitByte(lower[i-1]) {
			inWord = true // a per cent sign straight after a digit is a word
		}
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			dst = appendToken(dst, lower, start, i, lex)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = appendToken(dst, lower, start, len(lower), lex)
	}
	return dst
}

// appendToken appends the word lower[start:end], stemmed and looked up.
func appendToken(dst []token, lower string, start, end int, lex *phraseIndex) []token {
	w := lower[start:end]
	for len(w) > 0 && (w[len(w)-1] == '\'') {
		w = w[:len(w)-1]
	}
	st := stem(w)
	t := token{start: int32(start), end: int32(end), stemEnd: int32(start + len(st))}
	if lex != nil {
		if e := lex.lookup(st); e != nil {
			t.entry, t.flags = e.id, e.flags
		}
	}
	// Negators cancel a negatable cue standing up to three words after them.
	if strings.HasSuffix(st, "n't") || strings.HasSuffix(st, "n’t") {
		t.flags |= wNegator
	}
	return append(dst, t)
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

// asciiWordByte is wordByte for every byte value (false from 0x80 up).
var asciiWordByte = func() (t [256]bool) {
	copy(t[:], wordByte[:])
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
	return stemASCII(w)
}

// stemASCII is stem for a word known to be ASCII. The suffix rules are
// picked by the last letter, so a word is tested against only those that
// can apply.
func stemASCII(w string) string {
	// Suffixes are stripped only when at least four letters remain, so that
	// short words keep apart ("noted" is not "not", "asked" stays whole).
	if n := len(w); n > 3 {
		switch w[n-1] {
		case 'g':
			if n > 6 && w[n-3:] == "ing" {
				w = w[:n-3]
			}
		case 'd':
			if n > 5 && w[n-2] == 'e' {
				w = w[:n-2] // -ed; and -ied: "replied" → "repli", as "replies" below
			}
		case 's':
			switch {
			case n > 5 && w[n-3:] == "ies":
				w = w[:n-2]
			case n > 4 && w[n-2] == 'e' && w[n-3] != 's': // -es but not -ses
				w = w[:n-1]
			case w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' && w[n-2] != '\'':
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
	return w
}

// phrase is a cue of one or more words.
type phrase struct {
	// rest are the lexicon ids of the words after the first: every word of
	// every phrase has an entry, so a word matches by its id.
	rest      []uint32
	group     int
	negatable bool
	firstPers bool
}

// lexEntry is everything known about one stem: the word classes the
// scorer's features use and the cue phrases that start with it. One lookup
// per word finds both.
type lexEntry struct {
	flags wordFlag
	id    uint32 // 1, 2, ... in order of creation: the index in phraseIndex.entries
	// single are the one-word cues; the longer ones are in phraseIndex.multi
	// by their first two words, so a common first word ("I") does not mean
	// trying every "I ..." cue.
	single   []phrase
	hasMulti bool
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
	byStem  map[string]*lexEntry
	entries []*lexEntry // by id; entries[0] is nil
	// stems holds the same entries as byStem in an open-addressing table
	// (a power of two long, at most half full) keyed by stemKey. Scoring
	// looks up every word of an answer; this table does it in a fraction
	// of the time of the Go map, which hashes every byte with a seed and
	// then compares the strings.
	stems     []lexSlot
	stemShift uint // 64 - log2(len(stems)): hash >> stemShift is a slot
	// multi holds the cues of two words or more by the ids of their first
	// two words, in a table of the same kind.
	multi []multiSlot
	nMult int
}

type lexSlot struct {
	key   stemKey
	stem  string
	entry *lexEntry // nil: an empty slot
}

// stemKey packs a stem's first 15 bytes and its length into two words, so
// that the lexicon compares two words instead of two strings: for a stem
// of up to 15 bytes (nearly all), equal keys mean equal stems.
type stemKey struct{ lo, hi uint64 }

// keyLen is how many bytes of a stem its key holds.
const keyLen = 15

func keyOf(s string) stemKey {
	// Bytes are shifted in from the end so that every shift is by a
	// constant: s[0] ends up lowest.
	var k stemKey
	lo, hi := s, ""
	if len(s) > 8 {
		lo, hi = s[:8], s[8:min(len(s), keyLen)]
	}
	for i := len(lo) - 1; i >= 0; i-- {
		k.lo = k.lo<<8 | uint64(lo[i])
	}
	for i := len(hi) - 1; i >= 0; i-- {
		k.hi = k.hi<<8 | uint64(hi[i])
	}
	k.hi |= uint64(len(s)&0xff) << 56
	return k
}

// hash mixes both words (multiplicative hashing); the top bits are the
// best mixed, so a table takes its slot from them.
func (k stemKey) hash() uint64 {
	return (k.lo ^ k.hi*0x9E3779B97F4A7C15) * 0xC2B2AE3D27D4EB4F
}

type multiSlot struct {
	key     uint64 // first id << 32 | second id; 0: an empty slot
	phrases []phrase
}

func newPhraseIndex() *phraseIndex {
	x := &phraseIndex{byStem: map[string]*lexEntry{}, entries: []*lexEntry{nil}}
	for flag, words := range builtinWords {
		for _, w := range words {
			x.entry(stem(w)).flags |= flag
		}
	}
	return x
}

// lookup returns the entry of stem st, or nil.
func (x *phraseIndex) lookup(st string) *lexEntry {
	if len(x.stems) == 0 {
		return nil
	}
	k := keyOf(st)
	mask := uint64(len(x.stems) - 1)
	for i := k.hash() >> x.stemShift; ; i = (i + 1) & mask {
		sl := &x.stems[i]
		if sl.entry == nil {
			return nil
		}
		if sl.key == k && (len(st) <= keyLen || sl.stem == st) {
			return sl.entry
		}
	}
}

// entry returns the entry of stem st, making it when there is none.
func (x *phraseIndex) entry(st string) *lexEntry {
	e := x.byStem[st]
	if e == nil {
		e = &lexEntry{id: uint32(len(x.entries))}
		x.entries = append(x.entries, e)
		x.byStem[st] = e
		if 2*len(x.byStem) > len(x.stems) {
			x.stems = make([]lexSlot, 2*max(len(x.stems), 64))
			x.stemShift = uint(64 - bits.TrailingZeros(uint(len(x.stems))))
			for st, e := range x.byStem {
				x.insertStem(st, e)
			}
		} else {
			x.insertStem(st, e)
		}
	}
	return e
}

func (x *phraseIndex) insertStem(st string, e *lexEntry) {
	k := keyOf(st)
	mask := uint64(len(x.stems) - 1)
	i := k.hash() >> x.stemShift
	for x.stems[i].entry != nil {
		i = (i + 1) & mask
	}
	x.stems[i] = lexSlot{key: k, stem: st, entry: e}
}

// multiKey is the key of a cue of two words or more: the ids of the first two.
func multiKey(first, second uint32) uint64 {
	return uint64(first)<<32 | uint64(second)
}

// multiSlotOf returns the slot of key in x.multi: the one holding it, or the
// empty one where it would go.
func (x *phraseIndex) multiSlotOf(key uint64) *multiSlot {
	mask := uint64(len(x.multi) - 1)
	// Fibonacci hashing spreads the ids, which are small and dense.
	for i := (key * 0x9E3779B97F4A7C15 >> 32) & mask; ; i = (i + 1) & mask {
		if sl := &x.multi[i]; sl.key == key || sl.key == 0 {
			return sl
		}
	}
}

// multiAt returns the cues of two words or more that start with the words
// of ids first and second, longest first.
func (x *phraseIndex) multiAt(first, second uint32) []phrase {
	if second == 0 || len(x.multi) == 0 {
		return nil
	}
	return x.multiSlotOf(multiKey(first, second)).phrases
}

// add compiles a phrase; false when it has no words.
func (x *phraseIndex) add(text string, group int, negatable, firstPerson bool) bool {
	lower := strings.ToLower(text)
	toks := tokenize(nil, lower, nil)
	if len(toks) == 0 {
		return false
	}
	e := x.entry(toks[0].stem(lower))
	rest := make([]uint32, len(toks)-1)
	for i, t := range toks[1:] {
		rest[i] = x.entry(t.stem(lower)).id
	}
	p := phrase{rest: rest, group: group, negatable: negatable, firstPers: firstPerson}
	if len(rest) == 0 {
		e.single = append(e.single, p)
		return true
	}
	e.hasMulti = true
	if 2*(x.nMult+1) > len(x.multi) {
		old := x.multi
		x.multi = make([]multiSlot, 2*max(len(old), 64))
		for _, sl := range old {
			if sl.key != 0 {
				*x.multiSlotOf(sl.key) = sl
			}
		}
	}
	sl := x.multiSlotOf(multiKey(e.id, rest[0]))
	if sl.key == 0 {
		sl.key = multiKey(e.id, rest[0])
		x.nMult++
	}
	sl.phrases = append(sl.phrases, p)
	return true
}

// finish orders each first word's phrases longest first, so that the most
// specific cue of a group wins.
func (x *phraseIndex) finish() {
	for _, sl := range x.multi {
		ps := sl.phrases
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].rest) > len(ps[j-1].rest); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
}

// has reports whether token t belongs to a word class.
func (t *token) has(f wordFlag) bool { return t.flags&f != 0 }

// hit is one cue found in a sentence.
type hit struct {
	group      int
	start, end int32 // token indexes, end exclusive
}

// isNegator: negators cancel a negatable cue standing up to three words
// after them ("not", "never", ..., and "n't" words, marked by tokenize).
func isNegator(t *token) bool { return t.has(wNegator) }

// match appends every cue found in toks to dst. A group matches at most once
// per starting word (the longest phrase wins).
func (x *phraseIndex) match(dst []hit, toks []token) []hit {
	for i := range toks {
		e := x.entries[toks[i].entry]
		if e == nil || (len(e.single) == 0 && !e.hasMulti) {
			continue
		}
		var seenGroups uint64
		if e.hasMulti && i+1 < len(toks) {
			if cands := x.multiAt(e.id, toks[i+1].entry); len(cands) > 0 {
				dst, seenGroups = matchAt(dst, toks, i, cands, seenGroups)
			}
		}
		if len(e.single) > 0 {
			dst, _ = matchAt(dst, toks, i, e.single, seenGroups)
		}
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
			if toks[i+1+j].entry != p.rest[j] {
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
		if isNegator(&toks[k]) {
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
