package star

import "slices"

// Cue phrases: the rubric's named groups of phrases ("setting", "lesson",
// "blame", ...), matched as whole words on stems ("apologised" matches
// "apologise"), aware of negation ("I didn't follow up" is not a
// follow-up) and, where a group asks, only after "I" or "we".

// cueGroup is one compiled group of the rubric's cues.
type cueGroup struct {
	id        string
	negatable bool
	// firstPerson: a phrase counts only after "I" or "we" (or opening a
	// clause, as in a bullet "Called the courier").
	firstPerson bool
	// unquoted: a phrase inside quotation marks does not count (a customer's
	// words reported are not the speaker's).
	unquoted bool
}

// cueIndex finds the phrases of every group in a sentence. Phrases are
// found by their first word's stem, and phrases of two or more words by
// their first two ("i was", "i would", ... are not all tried at every "I").
type cueIndex struct {
	groups []cueGroup
	byStem map[string]*cueEntry // every stem of a phrase's words
}

// cueEntry is what the index holds for one stem of a phrase's words: a
// number (so that matching compares numbers, not strings), its one-word
// phrases, and the longer phrases that start with it, by their second
// word's number.
type cueEntry struct {
	id     uint32
	single []cuePhrase
	pairs  map[uint32][]cuePhrase
}

type cuePhrase struct {
	rest  []uint32 // the stem numbers of the phrase's other words
	group int
}

// cueHit is one phrase found: its group and its tokens in the answer.
type cueHit struct {
	group      int
	tok0, tok1 int
	clause     int // the clause it was found in (set by read)
}

func newCueIndex() *cueIndex {
	return &cueIndex{byStem: map[string]*cueEntry{}}
}

// addGroup adds a group and returns its index.
func (x *cueIndex) addGroup(g cueGroup) int {
	x.groups = append(x.groups, g)
	return len(x.groups) - 1
}

// add compiles one phrase of group g; false when it has no words.
func (x *cueIndex) add(text string, g int) bool {
	toks := tokenize(nil, text, nil)
	if len(toks) == 0 {
		return false
	}
	p := cuePhrase{group: g}
	for _, t := range toks[1:] {
		p.rest = append(p.rest, x.entry(t.stem).id)
	}
	e := x.entry(toks[0].stem)
	if len(p.rest) == 0 {
		e.single = append(e.single, p)
		return true
	}
	if e.pairs == nil {
		e.pairs = map[uint32][]cuePhrase{}
	}
	e.pairs[p.rest[0]] = append(e.pairs[p.rest[0]], p)
	return true
}

// entry returns the stem's entry, numbering a new stem from 1.
func (x *cueIndex) entry(stem string) *cueEntry {
	e := x.byStem[stem]
	if e == nil {
		e = &cueEntry{id: uint32(len(x.byStem) + 1)}
		x.byStem[stem] = e
	}
	return e
}

// finish orders each pair's phrases longest first, so that the most
// specific phrase of a group is the one found.
func (x *cueIndex) finish() {
	for _, e := range x.byStem {
		for k, ps := range e.pairs {
			slices.SortStableFunc(ps, func(a, b cuePhrase) int { return len(b.rest) - len(a.rest) })
			e.pairs[k] = ps
		}
	}
}

// match appends the cues found in toks[from:to] (one sentence) to dst. A
// group is found at most once per starting word.
func (x *cueIndex) match(dst []cueHit, toks []token, from, to int) []cueHit {
	for i := from; i < to; i++ {
		e := toks[i].cue
		if e == nil {
			continue
		}
		var seen uint64
		if i+1 < to && e.pairs != nil && toks[i+1].cue != nil {
			dst = x.matchAt(dst, e.pairs[toks[i+1].cue.id], toks, from, to, i, &seen)
		}
		if len(e.single) > 0 {
			dst = x.matchAt(dst, e.single, toks, from, to, i, &seen)
		}
	}
	return dst
}

// dictionary is what the tokenizer looks a word up in: the lexicon's entry,
// the stem and the cue entry of each word it knows, so that a known word
// costs one lookup. A rubric builds one over its cues; nil is the lexicon
// alone.
type dictionary struct {
	words map[string]dictEntry
	cues  *cueIndex
}

type dictEntry struct {
	word string
	info *wordInfo
	stem string
	cue  *cueEntry
}

// newDictionary lists every lexicon word and every word of the cue phrases.
func newDictionary(x *cueIndex, phrases []string) *dictionary {
	d := &dictionary{words: make(map[string]dictEntry, len(lexicon)+len(phrases)), cues: x}
	add := func(w string) {
		if _, ok := d.words[w]; ok || w == "" || isDigitByte(w[0]) {
			return
		}
		st := stem(w)
		d.words[w] = dictEntry{word: w, info: lookupWord(w), stem: st, cue: x.byStem[st]}
	}
	for w := range lexicon {
		add(w)
	}
	for _, p := range phrases {
		for _, t := range tokenize(nil, p, nil) {
			add(t.word)
		}
	}
	return d
}

// matchAt tries the candidate phrases at token i (longest first).
func (x *cueIndex) matchAt(dst []cueHit, cands []cuePhrase, toks []token, from, to, i int, seen *uint64) []cueHit {
	for _, p := range cands {
		end := i + 1 + len(p.rest)
		if end > to || len(p.rest) > 1 && !stemsAt(toks, i+2, p.rest[1:]) {
			continue
		}
		{
			bit := uint64(1) << (uint(p.group) % 64)
			if *seen&bit != 0 {
				continue
			}
			*seen |= bit
			g := &x.groups[p.group]
			if g.negatable && negatedBefore(toks, from, i) {
				continue
			}
			if g.firstPerson && !firstPersonBefore(toks, from, i) {
				continue
			}
			if g.unquoted && toks[i].quoted {
				continue
			}
			dst = append(dst, cueHit{group: p.group, tok0: i, tok1: end})
		}
	}
	return dst
}

func stemsAt(toks []token, i int, ids []uint32) bool {
	for j, id := range ids {
		if c := toks[i+j].cue; c == nil || c.id != id {
			return false
		}
	}
	return true
}

// negatedBefore reports whether a negator stands within three words before
// token i of the sentence starting at from.
func negatedBefore(toks []token, from, i int) bool {
	for k := i - 1; k >= from && k >= i-3; k-- {
		if toks[k].info != nil && toks[k].info.flags&fNegator != 0 {
			return true
		}
	}
	return false
}

// firstPersonBefore reports whether "I" or "we" stands within four words
// before token i, or i opens its sentence.
func firstPersonBefore(toks []token, from, i int) bool {
	if i == from {
		return true
	}
	for k := i - 1; k >= from && k >= i-4; k-- {
		if w := toks[k].word; w == "i" || w == "we" {
			return true
		}
	}
	return false
}
