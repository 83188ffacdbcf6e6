package star

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Reading an answer: its sentences cut into clauses, each clause read for
// its facts (facts.go) and the rubric's cues found in it, with the buffers
// kept from one answer to the next.

// analysis is one answer read: its sentences, their clauses and tokens,
// the cues found, and (after tagging) each clause's part.
type analysis struct {
	dict   *dictionary
	ending []int // the rubric's endingGroups
	// othersOnly: every step told is someone else's (see othersStory).
	othersOnly bool
	sents      []sentInfo
	clauses    []clauseInfo
	toks       []token
	hits       []cueHit
	words      int
	structured bool

	// Working buffers, kept from one answer to the next (see analysisPool):
	// nothing in a Result points into them.
	segBuf  []Sentence
	cueBuf  []uint8
	featBuf []int32
	feats   [][]int32
	bounds  []boundary
	vit     []viterbiCell
	cutBuf  []int
}

// analysisPool keeps analyses, so that scoring answer after answer (a
// review of thousands) reuses their buffers instead of making garbage.
var analysisPool = sync.Pool{New: func() any { return new(analysis) }}

// reset empties an for a new answer, keeping its buffers.
func (an *analysis) reset(d *dictionary) {
	clear(an.toks) // drop the last answer's strings
	clear(an.sents)
	*an = analysis{dict: d, sents: an.sents[:0], clauses: an.clauses[:0], toks: an.toks[:0], hits: an.hits[:0],
		segBuf: an.segBuf[:0], cueBuf: an.cueBuf, featBuf: an.featBuf[:0], feats: an.feats[:0],
		bounds: an.bounds[:0], vit: an.vit, cutBuf: an.cutBuf[:0]}
}

// release gives an back to the pool; an must not be used after.
func (an *analysis) release() { analysisPool.Put(an) }

// grow returns buf with length n, zeroed, reusing its memory when it can.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

type sentInfo struct {
	Sentence
	tok0, tok1       int // its tokens: toks[tok0:tok1]
	clause0, clause1 int // its clauses: clauses[clause0:clause1]
}

// clauseInfo is one clause of a sentence.
type clauseInfo struct {
	sent       int // index in sents
	tok0, tok1 int // its tokens
	start, end int // byte offsets in its sentence's text
	words      int // words, as a person counts them
	label      int // the part a written label or a structured field gives, or -1
	facts      clauseFacts
	cues       []uint8 // per cue group of the rubric, how many phrases were found
	part       int     // the part the tagger gave it
	// emit is how strongly the clause's own features point to each part.
	emit [numClasses]float64
}

// text returns the clause's words as written.
func (an *analysis) clauseText(c int) string {
	cl := &an.clauses[c]
	return an.sents[cl.sent].Text[cl.start:cl.end]
}

// read reads an answer: a structured one field by field (each clause keeps
// its field's part as its label), a free-text one as written.
func read(r *Rubric, a Answer) *analysis {
	an := analysisPool.Get().(*analysis)
	an.reset(r.dict)
	an.ending = r.endingGroups
	// Sized from the text once, rather than grown token by token.
	size := len(a.Text) + 8
	if a.STAR != nil {
		size += len(a.STAR.Situation) + len(a.STAR.Task) + len(a.STAR.Action) + len(a.STAR.Result)
	}
	an.toks = slices.Grow(an.toks, size/5+8)
	an.clauses = slices.Grow(an.clauses, size/40+4)
	an.sents = slices.Grow(an.sents, size/60+4)
	if a.STAR != nil && strings.TrimSpace(a.STAR.Situation+a.STAR.Task+a.STAR.Action+a.STAR.Result) != "" {
		an.structured = true
		for i, field := range []string{a.STAR.Situation, a.STAR.Task, a.STAR.Action, a.STAR.Result} {
			an.segBuf = segment(an.segBuf[:0], field)
			for _, s := range an.segBuf {
				s.Label = Components[i]
				an.addSentence(s)
			}
		}
	}
	if strings.TrimSpace(a.Text) != "" {
		an.segBuf = segment(an.segBuf[:0], a.Text)
		for _, s := range an.segBuf {
			an.addSentence(s)
		}
	}
	an.presentAsPast()
	own, others, _ := an.steps()
	an.othersOnly = own == 0 && others >= 2
	ngroups := len(r.cues.groups)
	an.cueBuf = grow(an.cueBuf, len(an.clauses)*ngroups)
	cueBuf := an.cueBuf
	for c := range an.clauses {
		an.clauses[c].cues = cueBuf[c*ngroups : (c+1)*ngroups : (c+1)*ngroups]
	}
	for si := range an.sents {
		s := &an.sents[si]
		from := len(an.hits)
		an.hits = r.cues.match(an.hits, an.toks, s.tok0, s.tok1)
		for k := from; k < len(an.hits); k++ {
			h := &an.hits[k]
			c := an.clauseOf(si, h.tok0)
			h.clause = c
			if an.clauses[c].cues[h.group] < 255 {
				an.clauses[c].cues[h.group]++
			}
		}
	}
	return an
}

// presentAsPast reads a story told in the present ("So she comes in, she's
// holding the receipt, and I ask her ...") as the past it is: most clauses
// in the present, about a particular person, with nothing that marks what
// one would or usually does.
func (an *analysis) presentAsPast() {
	var present, past, specific, other int
	for c := range an.clauses {
		f := &an.clauses[c].facts
		switch f.tense {
		case tPresent, tPresentProg:
			present++
			if f.subj == subjPerson {
				specific++
			}
		case tPast, tPastPerfect, tPastProg, tPastPassive, tElidedPast:
			past++
		case tWould, tFuture, tModal, tImperative:
			other++
		}
		if f.habitual || f.generic || f.ifClause || f.opinion {
			other++
		}
	}
	if present < 3 || present <= past || other > 1 || specific == 0 {
		return
	}
	for c := range an.clauses {
		f := &an.clauses[c].facts
		switch f.tense {
		case tPresent:
			f.tense = tPast
		case tPresentProg:
			f.tense = tPastProg
		}
	}
}

// addSentence tokenizes s, cuts it into clauses and reads each.
func (an *analysis) addSentence(s Sentence) {
	si := len(an.sents)
	tok0 := len(an.toks)
	an.toks = tokenize(an.toks, s.Text, an.dict)
	// Token offsets are kept relative to the sentence.
	an.sents = append(an.sents, sentInfo{Sentence: s, tok0: tok0, tok1: len(an.toks), clause0: len(an.clauses)})
	defer func() { an.sents[si].clause1 = len(an.clauses) }()
	toks := an.toks[tok0:]
	if len(toks) == 0 {
		return
	}
	an.cutBuf = clauseCuts(append(an.cutBuf[:0], 0), toks)
	label := -1
	if s.Label != "" {
		label = classIndex(s.Label)
	}
	starts := an.cutBuf
	for k, a := range starts {
		b := len(toks)
		if k+1 < len(starts) {
			b = starts[k+1]
		}
		cl := clauseInfo{sent: si, tok0: tok0 + a, tok1: tok0 + b, label: label}
		if k > 0 {
			cl.start = toks[a].start
		}
		cl.end = len(s.Text)
		if b < len(toks) {
			cl.end = toks[b].start
		}
		for cl.end > cl.start && isSpace(s.Text[cl.end-1]) {
			cl.end--
		}
		cl.words = countTokenWords(toks[a:b])
		cl.facts = readClause(toks[a:b])
		an.words += cl.words
		an.clauses = append(an.clauses, cl)
	}
}

// clauseOf returns the clause of sentence si that holds token tok.
func (an *analysis) clauseOf(si, tok int) int {
	s := &an.sents[si]
	cs := an.clauses[s.clause0:s.clause1]
	k := sort.Search(len(cs), func(i int) bool { return cs[i].tok0 > tok })
	return s.clause0 + max(k-1, 0)
}

// hasCue: clause c has a cue of one of the groups.
func (an *analysis) hasCue(c int, groups []int) bool {
	for _, g := range groups {
		if an.clauses[c].cues[g] > 0 {
			return true
		}
	}
	return false
}

// steps counts the story's steps the speaker took and those someone else
// took ("Jenna apologised", "they rang back"), and finds the first of the
// others'.
func (an *analysis) steps() (own, others, firstOther int) {
	firstOther = -1
	for c := range an.clauses {
		f := &an.clauses[c].facts
		switch {
		case f.ownPastStep():
			own++
		case f.othersPastStep():
			others++
			if firstOther < 0 {
				firstOther = c
			}
		}
	}
	return own, others, firstOther
}

// othersStory: every step told is someone else's.
func (an *analysis) othersStory() bool { return an.othersOnly }
