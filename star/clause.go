package star

import "strings"

// Stage 2: sentences become clauses. One sentence often carries two parts
// of a story ("The printer had jammed, so I wrote the labels by hand"), so
// the tagger labels clauses, and clauses of one sentence that get the same
// part are joined again for the result. A cut is only a candidate: it
// costs nothing when both sides get the same part.

// minClauseWords is the fewest words either side of a cut may have.
const minClauseWords = 3

// longSentenceWords: past this many words a sentence is a run-on (a
// dictated answer, say), and clause openers are cut even without a comma.
const longSentenceWords = 16

// clauseCuts returns the token indexes where sentence toks is cut into
// clauses (each index starts a clause), in order, not including 0.
func clauseCuts(dst []int, toks []token) []int {
	n := len(toks)
	total, commas := 0, 0
	for k := range toks {
		if !toks[k].clitic {
			total++
		}
		if toks[k].punct == ',' || toks[k].punct == ';' {
			commas++
		}
	}
	long := total >= longSentenceWords
	// A long stretch with hardly a comma is speech written down, or lines
	// run together: a new subject starts a clause even with nothing before
	// it.
	unpunctuated := total >= 2*longSentenceWords && total >= 3*longSentenceWords/2*(commas+1)
	wordsSince, wordsBefore := 0, 0 // since the last cut, and before k
	leftHasVerb := false
	// A long leading purpose or "By ...ing" clause is a clause of its own
	// ("To get her the parts before the weekend, I called the depot").
	if n > 0 && (toks[0].word == "to" || toks[0].word == "by") {
		leftHasVerb = purposeWords(toks) >= 6
	}
	for k := 0; k < n; k++ {
		t := &toks[k]
		if k > 0 && wordsSince >= minClauseWords && total-wordsBefore >= minClauseWords &&
			(toks[k-1].punct != 0 || long || t.word == "so" || t.word == "and") && cutBefore(toks, k, long, unpunctuated, leftHasVerb) {
			dst = append(dst, k)
			wordsSince, leftHasVerb = 0, false
		}
		if !t.clitic {
			wordsSince++
			wordsBefore++
		}
		if !leftHasVerb && isFiniteVerbLike(toks, k) {
			leftHasVerb = true
		}
	}
	return dst
}

// cutBefore decides whether a clause starts at token k.
func cutBefore(toks []token, k int, long, unpunctuated, leftHasVerb bool) bool {
	prev, t := &toks[k-1], &toks[k]
	if prev.punct == 0 && !unpunctuated {
		switch t.word {
		case "so", "and", "but", "then", "which":
		default:
			return false // most words open no clause
		}
	}
	next := func(d int) *token {
		if k+d < len(toks) {
			return &toks[k+d]
		}
		return nil
	}
	switch prev.punct {
	case ';', '-':
		return true
	case ':':
		return leftHasVerb
	case ',':
		switch t.word {
		case "so", "but", "which", "then", "whereas", "yet", "although", "though", "however", "meaning":
			return true
		case "and":
			return startsClause(next(1))
		case "as":
			n1 := next(1)
			return n1 != nil && (n1.word == "a" && next(2) != nil && next(2).word == "result")
		}
		// "When the tills went down, I switched to paper": a leading clause
		// with a verb of its own, then a subject and its verb.
		return leftHasVerb && isSubjectStart(t) && verbWithin(toks, k+1, 3)
	}
	if prev.punct == 0 || prev.punct == '.' {
		switch {
		case t.word == "so" && isSubjectPronoun(next(1)):
			return long || prev.punct == 0 && leftHasVerb
		case t.word == "and" && next(1) != nil && (next(1).word == "then" || next(1).word == "so"):
			return long || leftHasVerb
		case leftHasVerb && (t.word == "and" || t.word == "but") && isSubjectPronoun(next(1)) && (long || verbWithin(toks, k+2, 2)):
			return true // "We split the queue and we worked late"; not "my colleagues and I found ..."
		case long && leftHasVerb && t.word == "and" && next(1) != nil && isAdverb(next(1).word) && isSubjectPronoun(next(2)):
			return true // "... and suddenly they were fine"
		case long && t.word == "then" && isSubjectPronoun(next(1)):
			return true
		case long && t.word == "which" && leftHasVerb:
			return true
		case long && leftHasVerb && t.upper && !prev.upper && t.word != "i" && startsClause(t) &&
			!bindsNext(prev.word) && !isVerbForm(prev) && verbWithin(toks, k+1, 4):
			// A capital where a full stop was left out: "... the customer's
			// trust We processed the backlog".
			return true
		case unpunctuated && leftHasVerb && isSubjectPronoun(t) && t.word != "it" && t.word != "you" &&
			verbWithin(toks, k+1, 2) && !bindsNext(prev.word) && !isVerbForm(prev) && !isAdverb(prev.word) &&
			!strings.HasSuffix(prev.word, "ly"):
			// A run-on with no punctuation: "... the improvements I had to ..."
			return true
		}
	}
	return false
}

// startsClause: after ", and" the words start a clause of their own.
func startsClause(t *token) bool {
	if t == nil {
		return false
	}
	switch t.word {
	case "then", "so", "as", "eventually", "finally", "in", "by", "after", "afterwards", "later", "now", "since",
		"when", "while", "before", "once", "because", "if", "suddenly":
		return true
	}
	return isSubjectStart(t)
}

// isVerbForm: the word is a verb ("ensured we ...", "said she ...").
func isVerbForm(t *token) bool {
	if t.info != nil {
		return t.info.form != 0 || t.info.flags&(fModal|fAuxBe|fAuxHave|fAuxDo) != 0
	}
	_, ok := guessVerb(t.word)
	return ok
}

// isSubjectStart: the word can open a clause's subject.
func isSubjectStart(t *token) bool {
	if t == nil {
		return false
	}
	if isSubjectPronoun(t) {
		return true
	}
	switch t.word {
	case "the", "my", "our", "his", "her", "their", "this", "that", "there", "it", "everyone", "nobody":
		return true
	}
	return false
}

func isSubjectPronoun(t *token) bool {
	if t == nil {
		return false
	}
	switch t.word {
	case "i", "we", "he", "she", "they", "it", "you":
		return true
	}
	return false
}

// verbWithin reports whether a finite verb stands within d tokens from k.
func verbWithin(toks []token, k, d int) bool {
	for j := k; j < len(toks) && j < k+d; j++ {
		if isFiniteVerbLike(toks, j) {
			return true
		}
	}
	return false
}

// isFiniteVerbLike: the token is an auxiliary, a modal, or a past or
// present form of a verb (not an "-ing" form or a bare infinitive after "to").
func isFiniteVerbLike(toks []token, k int) bool {
	t := &toks[k]
	if t.info != nil {
		if t.info.flags&(fAuxBe|fAuxHave|fAuxDo|fModal) != 0 && t.info.form&formIng == 0 {
			return t.word != "be" && t.word != "been"
		}
		if t.info.form&(formPast|formS) != 0 {
			return true
		}
		return false
	}
	if t.clitic || t.number {
		return false
	}
	f, ok := guessVerb(t.word)
	return ok && f&formPast != 0 && !(k > 0 && toks[k-1].word == "to")
}

// purposeWords counts the words of a leading clause up to its comma.
func purposeWords(toks []token) int {
	n := 0
	for k := range toks {
		if !toks[k].clitic {
			n++
		}
		if toks[k].punct == ',' {
			return n
		}
	}
	return 0
}

// bindsNext: a word that a following "I ..." belongs to ("that I", "when I").
func bindsNext(w string) bool {
	switch w {
	case "that", "when", "because", "if", "so", "and", "but", "what", "where", "how", "why", "which", "who",
		"until", "before", "after", "as", "than", "while", "since", "once", "whether", "unless", "though",
		"although", "whenever", "or", "nor", "then", "said", "told", "think", "thought", "knew",
		"know", "felt", "feel", "hoped", "wish", "realised", "realized", "noticed", "saw", "guess", "suppose":
		return true
	}
	return false
}
