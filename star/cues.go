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

// cueIndex finds the phrases of every group in a sentence.
type cueIndex struct {
	groups []cueGroup
	first  map[string][]cuePhrase // by the stem of the phrase's first word
}

type cuePhrase struct {
	rest  []string // the stems of the phrase's other words
	group int
}

// cueHit is one phrase found: its group and its tokens in the answer.
type cueHit struct {
	group      int
	tok0, tok1 int
}

func newCueIndex() *cueIndex { return &cueIndex{first: map[string][]cuePhrase{}} }

// addGroup adds a group and returns its index.
func (x *cueIndex) addGroup(g cueGroup) int {
	x.groups = append(x.groups, g)
	return len(x.groups) - 1
}

// add compiles one phrase of group g; false when it has no words.
func (x *cueIndex) add(text string, g int) bool {
	toks := tokenize(nil, text)
	if len(toks) == 0 {
		return false
	}
	p := cuePhrase{group: g}
	for _, t := range toks[1:] {
		p.rest = append(p.rest, t.stem)
	}
	x.first[toks[0].stem] = append(x.first[toks[0].stem], p)
	return true
}

// finish orders each first word's phrases longest first, so that the most
// specific phrase of a group is the one found.
func (x *cueIndex) finish() {
	for k, ps := range x.first {
		slices.SortStableFunc(ps, func(a, b cuePhrase) int { return len(b.rest) - len(a.rest) })
		x.first[k] = ps
	}
}

// match appends the cues found in toks[from:to] (one sentence) to dst. A
// group is found at most once per starting word.
func (x *cueIndex) match(dst []cueHit, toks []token, from, to int) []cueHit {
	for i := from; i < to; i++ {
		cands := x.first[toks[i].stem]
		if len(cands) == 0 {
			continue
		}
		var seen uint64
		for _, p := range cands {
			end := i + 1 + len(p.rest)
			if end > to || !stemsAt(toks, i+1, p.rest) {
				continue
			}
			bit := uint64(1) << (uint(p.group) % 64)
			if seen&bit != 0 {
				continue
			}
			seen |= bit
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

func stemsAt(toks []token, i int, stems []string) bool {
	for j, st := range stems {
		if toks[i+j].stem != st {
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
