package star

import "strings"

// Stage 3, continued: finding a clause's main verb group and its subject
// among the words, for readClause (facts.go). Plural nouns in "-s",
// possessives, relative clauses and leading phrases are told from the
// verb and subject they sit beside.

// findVerb returns the index of the first token of the clause's main verb
// group, or -1.
func findVerb(toks []token, start int) int {
	for k := start; k < len(toks); k++ {
		t := &toks[k]
		if (t.word == "which" || t.word == "who") && k > start && toks[k-1].punct == ',' {
			// A relative clause between commas is not the main verb's:
			// "My part, which I asked for, was to ..."
			if end := nextComma(toks, k); end > 0 {
				k = end
				continue
			}
		}
		prevTo := k > 0 && toks[k-1].word == "to"
		if t.info != nil {
			fl := t.info.flags
			if fl&(fModal|fAuxDo) != 0 {
				return k
			}
			if fl&(fAuxBe|fAuxHave) != 0 && t.info.form&(formIng) == 0 && t.word != "be" && t.word != "been" {
				return k
			}
			if t.word == "'s" && k > start && isPronounLike(&toks[k-1]) {
				return k
			}
			if t.info.form&(formPast|formS) != 0 && !prevTo {
				if t.info.form&formPP != 0 && k > start && isDeterminer(&toks[k-1]) {
					continue // "the closed ticket"
				}
				if t.info.form&formPast == 0 && pluralNounLike(toks, start, k) {
					continue // "the pet supplies shop ... called", "Orders from there took"
				}
				return k
			}
			if t.info.form&formBase != 0 && !prevTo {
				// A base form is a verb after a subject ("I listen") or at the
				// start (an instruction: "Listen first").
				if k == start || (k > start && isSubjectWord(&toks[k-1])) {
					return k
				}
			}
			continue
		}
		if t.clitic || t.number || prevTo {
			continue
		}
		if f, ok := guessVerb(t.word); ok && f&formPast != 0 {
			if k > start && isDeterminer(&toks[k-1]) {
				continue
			}
			return k
		}
		// An unknown word straight after a subject pronoun is its verb
		// ("so I spat", "she snapped"): read as past, as stories mostly are.
		if k > start && isSubjectPronoun(&toks[k-1]) && !strings.HasSuffix(t.word, "ly") && !isAdverb(t.word) {
			return k
		}
	}
	return -1
}

// pluralNounLike: an "-s" word at k that reads as a plural noun rather than
// a present verb: after a determiner or a figure ("the orders", "two
// orders"), or with no subject before it and a past verb later in the
// clause ("Orders from there usually took four days").
func pluralNounLike(toks []token, start, k int) bool {
	if k > start {
		prev := &toks[k-1]
		if isDeterminer(prev) || prev.number {
			return true
		}
		if isSubjectPronoun(prev) || isPronounLike(prev) ||
			prev.info != nil && prev.info.flags&(fPersonNoun|fCustomerNoun|fPronoun) != 0 {
			return false
		}
	}
	for j := k + 1; j < len(toks); j++ {
		if isDeterminer(&toks[j-1]) {
			continue
		}
		if t := &toks[j]; t.info != nil && t.info.form&formPast != 0 {
			return true
		} else if f, ok := guessVerb(t.word); t.info == nil && !t.number && ok && f&formPast != 0 {
			return true
		}
	}
	return false
}

// nextComma is the index of the next token after k written with a comma,
// or -1.
func nextComma(toks []token, k int) int {
	for j := k; j < len(toks)-1; j++ {
		if toks[j].punct == ',' {
			return j
		}
	}
	return -1
}

func isDeterminer(t *token) bool {
	return t.info != nil && t.info.flags&fDeterminer != 0 && t.word != "that"
}

func isPlacePreposition(w string) bool {
	switch w {
	case "from", "in", "on", "to", "at", "over", "up", "down", "out", "near", "through", "during", "inside", "outside":
		return true
	}
	return false
}

// isPossessive: a word that stands before a noun, never as a subject.
func isPossessive(w string) bool {
	switch w {
	case "my", "your", "his", "her", "its", "our", "their":
		return true
	}
	return false
}

func isPronounLike(t *token) bool {
	switch t.word {
	case "it", "that", "he", "she", "there", "what", "who", "here", "this", "everything", "nothing", "which":
		return true
	}
	return false
}

func isSubjectWord(t *token) bool {
	if isPossessive(t.word) {
		return false // "her order had gone", "his go-ahead"
	}
	if t.info != nil && t.info.flags&fPronoun != 0 {
		return true
	}
	return t.info != nil && t.info.flags&(fPersonNoun|fThingNoun) != 0
}

// findSubject reads who acts in the verb group at v: the nearest subject
// word before it in the clause.
func findSubject(toks []token, start, v int) subject {
	for k := v - 1; k >= start; k-- {
		t := &toks[k]
		if t.info != nil {
			fl := t.info.flags
			if fl&fPronoun != 0 && t.info.subj != subjNone {
				if t.info.subj == subjPerson && (t.word == "him" || t.word == "her") && k > start {
					continue // an object: "told her"
				}
				if t.word == "there" && k > start && isPlacePreposition(toks[k-1].word) {
					continue // "Orders from there took"
				}
				return t.info.subj
			}
			if fl&(fPersonNoun|fCustomerNoun) != 0 {
				if k > start && toks[k-1].info != nil && toks[k-1].info.flags&fIndefinite != 0 &&
					toks[k-1].word != "a" && toks[k-1].word != "an" {
					return subjGeneric // "every caller", "any customer" ("a customer" may be one)
				}
				if strings.HasSuffix(t.word, "s") && fl&fCustomerNoun != 0 && k > start && !isDeterminer(&toks[k-1]) {
					return subjGeneric
				}
				return subjPerson
			}
			if fl&fThingNoun != 0 {
				return subjThing
			}
			if t.info.form&formS != 0 && t.info.form&formPast == 0 {
				return subjThing // an "-s" word read as a plural noun: "Returns caused ..."
			}
			continue
		}
		if isAdverb(t.word) || strings.HasSuffix(t.word, "ly") || t.clitic {
			continue // "I quickly realised", "she still felt"
		}
		if t.upper && (k > 0 || k == v-1 && !strings.HasSuffix(t.word, "s")) {
			return subjPerson // a name: "Sarah rang back", "Jenna apologised"
		}
		if !t.number {
			return subjThing
		}
	}
	if start < len(toks) && toks[start].upper && start < v && toks[start].info == nil {
		return subjPerson
	}
	return subjNone
}

// readVerbGroup reads tense and verb class from the verb group at v.
func readVerbGroup(toks []token, v int, f *clauseFacts) {
	t := &toks[v]
	// next returns the next verb-ish token after k, skipping adverbs and
	// negators ("would always", "didn't really").
	next := func(k int) int {
		for j := k + 1; j < len(toks) && j <= k+4; j++ {
			u := &toks[j]
			if u.info != nil && u.info.flags&fNegator != 0 {
				f.negated = true
				continue
			}
			if u.info != nil && (u.info.form != 0 || u.info.flags&(fAuxBe|fAuxHave|fModal) != 0) {
				return j
			}
			if _, ok := guessVerb(u.word); ok && !u.clitic {
				return j
			}
			if u.word == "to" || u.word == "able" || u.word == "going" {
				return j
			}
			if u.info != nil && u.info.flags&(fHabitual) != 0 || strings.HasSuffix(u.word, "ly") || isAdverb(u.word) {
				continue
			}
			return -1
		}
		return -1
	}
	classOf := func(k int) verbClass {
		if k < 0 {
			return vcNone
		}
		return verbClassOf(&toks[k])
	}
	formOf := func(k int) verbForm {
		if k < 0 {
			return 0
		}
		u := &toks[k]
		if u.info != nil && u.info.form != 0 {
			return u.info.form
		}
		if g, ok := guessVerb(u.word); ok {
			return g
		}
		if u.info == nil && k == v {
			return formPast // an unknown verb after its subject (findVerb)
		}
		return 0
	}
	// afterTo reads "needed to call": the class of the verb after "to".
	afterTo := func(k int) {
		if k >= 0 && k+1 < len(toks) && toks[k].word == "to" {
			f.toVerb = classOf(k + 1)
		}
	}
	fl := wordFlag(0)
	if t.info != nil {
		fl = t.info.flags
	}
	switch {
	case fl&fHypoModal != 0:
		n := next(v)
		switch {
		case t.word == "'d" && (formOf(n)&formPP != 0 && formOf(n)&formBase == 0 || n >= 0 && toks[n].word == "been"):
			f.tense, f.verb = tPastPerfect, classOf(n)
		case t.word == "could" && f.negated:
			f.tense, f.verb = tPast, classOf(n) // "I couldn't find it" happened
		default:
			f.tense, f.verb = tWould, classOf(n)
			if n >= 0 && toks[n].word == "have" {
				f.verb = classOf(next(n))
			}
		}
	case fl&fFutureModal != 0:
		f.tense, f.verb = tFuture, classOf(next(v))
	case fl&fModal != 0:
		f.tense, f.verb = tModal, classOf(next(v))
	case fl&fAuxHave != 0:
		n := next(v)
		past := t.info.form&formPast != 0
		switch {
		case n >= 0 && toks[n].word == "to":
			f.verb = vcIntent
			afterTo(n)
			f.tense = tPresent
			if past {
				f.tense = tPast
			}
		case formOf(n)&formPP != 0:
			f.verb = classOf(n)
			f.tense = tPresentPerfect
			if past {
				f.tense = tPastPerfect
			}
		default:
			f.verb = vcState
			f.tense = tPresent
			if past {
				f.tense = tPast
			}
		}
	case fl&fAuxBe != 0 || t.word == "'s":
		past := t.info != nil && t.info.form&formPast != 0
		n := next(v)
		switch {
		case n >= 0 && toks[n].word == "going" && n+1 < len(toks) && toks[n+1].word == "to":
			f.tense, f.verb = tFuture, classOf(n+2)
			if past {
				f.tense, f.verb = tPast, vcIntent
			}
		case n >= 0 && toks[n].word == "able" && n+1 < len(toks) && toks[n+1].word == "to":
			f.able = true
			f.verb = classOf(n + 2)
			f.tense = tPresent
			if past {
				f.tense = tPast
			}
		case formOf(n)&formIng != 0 && (toks[n].info == nil || toks[n].info.flags&fAuxBe == 0):
			f.verb = classOf(n)
			f.tense = tPresentProg
			if past {
				f.tense = tPastProg
			}
		case formOf(n)&formPP != 0:
			f.verb = classOf(n)
			f.tense = tPresent
			if past {
				f.tense = tPastPassive
			}
		default:
			f.verb = vcState
			f.tense = tPresent
			if past {
				f.tense = tPast
			}
		}
	case fl&fAuxDo != 0:
		n := next(v)
		f.verb = classOf(n)
		if n < 0 || formOf(n)&formBase == 0 {
			f.verb = vcDo // "what I did was call him": did is the verb
		}
		f.tense = tPresent
		if t.info.form&formPast != 0 {
			f.tense = tPast
		}
	default:
		form := formOf(v)
		f.verb = classOf(v)
		subjectless := f.subj == subjNone
		switch {
		case form&formPast != 0 && subjectless:
			f.tense = tElidedPast
		case form&formPast != 0:
			f.tense = tPast
		case subjectless && form&formBase != 0:
			f.tense = tImperative
		default:
			f.tense = tPresent
		}
		// "needed to", "decided to", "tried to": what they set out to do.
		n := next(v)
		if n >= 0 && toks[n].word == "to" {
			afterTo(n)
		}
		if toks[v].info != nil && (toks[v].info.lemma == "manage" || toks[v].info.lemma == "get") && n >= 0 && toks[n].word == "to" {
			f.able = true
		}
	}
}

func isAdverb(w string) bool {
	switch w {
	case "also", "then", "just", "still", "even", "really", "first", "finally", "immediately", "quickly",
		"soon", "already", "never", "always", "once", "again", "actually", "personally", "eventually", "all",
		"both", "simply", "only", "right", "straight", "instantly", "gently", "calmly", "politely":
		return true
	}
	return false
}
