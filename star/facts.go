package star

import "strings"

// Stage 3: each clause is read for who does what, and when — the facts
// the tagger's features and the checks are built from.

// tense is the time and mood of a clause's main verb group.
type tense uint8

const (
	tNone           tense = iota // no finite verb: a fragment
	tPast                        // called, did call, couldn't find
	tPastPerfect                 // had called
	tPastProg                    // was calling
	tPastPassive                 // was refunded, got fixed
	tPresent                     // call, calls, is
	tPresentProg                 // am calling
	tPresentPerfect              // have called
	tWould                       // would, could, should, might, 'd call
	tFuture                      // will call, 'll call, am going to call
	tModal                       // can, may, must call
	tImperative                  // Call the depot. Be patient.
	tElidedPast                  // Called the depot. (subject left out, as in notes)
	tGerund                      // By listening first, ... / To calm him down, ...
	numTenses
)

var tenseNames = [numTenses]string{"none", "past", "past-perfect", "past-prog", "past-passive", "present",
	"present-prog", "present-perfect", "would", "future", "modal", "imperative", "elided-past", "nonfinite"}

// isPast: the clause narrates something that happened.
func (t tense) isPast() bool {
	switch t {
	case tPast, tPastPerfect, tPastProg, tPastPassive, tElidedPast:
		return true
	}
	return false
}

// clauseFacts is what a clause says, as far as words tell.
type clauseFacts struct {
	subj      subject
	tense     tense
	verb      verbClass // the main verb's class
	toVerb    verbClass // the verb after "needed to", "decided to", ...
	negated   bool
	ifClause  bool // opens with if, unless, whenever, when dealing with
	habitual  bool // always, usually, tend to, whenever
	generic   bool // customers, people, a customer, you (in general)
	opinion   bool // believe, important, key
	purpose   bool // opens with "To ..." or "In order to ..."
	able      bool // "was able to", "managed to": an outcome of one's own effort
	iCount    int
	weCount   int
	numbers   int
	measures  int
	feelings  int
	times     int
	question  bool
	exclaim   bool
	quoted    bool // most words are inside quotation marks
	firstWord string
}

// hypothetical: the clause says what would, could or will be done, or
// how things go in general, rather than telling what happened.
func (f *clauseFacts) hypothetical() bool {
	if f.ifClause {
		return true
	}
	switch f.tense {
	case tWould, tFuture, tImperative:
		return f.subj != subjThing && f.subj != subjPerson || f.tense == tImperative
	case tPresent, tPresentProg, tModal:
		return f.ifClause || f.habitual || f.generic || f.subj == subjI || f.subj == subjWe || f.subj == subjYou
	}
	return false
}

// othersPastStep: someone other than the speaker did or said something, in
// the past ("Jenna apologised", "they rang back").
func (f *clauseFacts) othersPastStep() bool {
	return f.tense == tPast && (f.subj == subjPerson || f.subj == subjThey) && (f.verb == vcDo || f.verb == vcSay)
}

// ownPastStep: the speaker (or the speaker's team) did something, in the
// past.
func (f *clauseFacts) ownPastStep() bool {
	if f.tense != tPast && f.tense != tElidedPast {
		return false
	}
	if f.subj != subjI && f.subj != subjWe && f.tense != tElidedPast {
		return false
	}
	switch f.verb {
	case vcDo, vcSay, vcOutcome, vcComplain:
		return true
	case vcIntent, vcMental:
		return f.toVerb == vcDo || f.toVerb == vcSay
	}
	return false
}

// readClause works out the facts of toks (one clause).
func readClause(toks []token) clauseFacts {
	var f clauseFacts
	quoted, words := 0, 0
	for i := range toks {
		t := &toks[i]
		if !t.clitic {
			words++
			if t.quoted {
				quoted++
			}
		}
		if t.number {
			f.numbers++
			if strings.HasSuffix(t.word, "%") {
				f.measures++
			}
		}
		if t.info != nil {
			fl := t.info.flags
			if fl&fSpeaker != 0 {
				f.iCount++
			}
			if fl&fSpeakers != 0 {
				f.weCount++
			}
			if fl&fNumber != 0 {
				f.numbers++
			}
			if fl&fMeasure != 0 {
				f.measures++
			}
			if fl&fFeeling != 0 {
				f.feelings++
			}
			if fl&fTime != 0 {
				f.times++
			}
			if fl&fHabitual != 0 {
				f.habitual = true
			}
			if fl&fOpinion != 0 {
				f.opinion = true
			}
		}
		switch t.punct {
		case '?':
			f.question = true
		case '!':
			f.exclaim = true
		}
	}
	f.quoted = words > 0 && quoted*2 > words
	// The clause's opening: connectors are skipped to find how it starts.
	start := 0
	for start < len(toks) && isOpener(toks[start].word) {
		if f.firstWord == "" {
			f.firstWord = toks[start].word
		}
		start++
	}
	if f.firstWord == "" && len(toks) > 0 {
		f.firstWord = toks[0].word
	}
	if start < len(toks) {
		switch w := toks[start].word; w {
		case "if", "unless", "suppose", "supposing", "whenever", "imagine":
			f.ifClause = true
		case "to":
			f.purpose = true
		case "in":
			f.purpose = start+2 < len(toks) && toks[start+1].word == "order" && toks[start+2].word == "to"
		}
	}
	if f.firstWord == "when" || f.firstWord == "while" {
		// "When dealing with upset customers" is how one works, not a moment.
		if start < len(toks) && (toks[start].info != nil && toks[start].info.form&formIng != 0 ||
			strings.HasSuffix(toks[start].word, "ing") || toks[start].word == "faced") {
			f.habitual = true
		}
	}
	// After a leading subordinate or purpose clause ("When I got there, I
	// apologised", "To sort it out, I called the depot"), the main clause is
	// what the clause says.
	main := -1
	if start < len(toks) && (isSubordinator(toks[start].word) || f.purpose || isGerundStart(toks[start]) || isPlacePreposition(toks[start].word)) {
		for k := start + 1; k < len(toks)-1; k++ {
			if toks[k].punct == ',' {
				if findVerb(toks, k+1) >= 0 && (isSubordinator(toks[start].word) || f.purpose || !subjectAndVerb(toks[start:k+1])) {
					main = k + 1
				}
				break
			}
		}
	}
	if main < 0 && f.purpose {
		// "To get the order out on time," on its own: what one set out to do.
		f.tense = tGerund
		if k := start + 1; k < len(toks) {
			if toks[start].word == "in" {
				k = start + 3
			}
			if k < len(toks) {
				f.verb = verbClassOf(&toks[k])
			}
		}
		return f
	}
	if main >= 0 {
		start = main
	}
	v := findVerb(toks, start)
	if v < 0 {
		if start < len(toks) && isGerundStart(toks[start]) {
			f.tense = tGerund
		}
		return f
	}
	f.subj = findSubject(toks, start, v)
	readVerbGroup(toks, v, &f)
	if f.subj == subjNone && f.tense != tImperative && f.tense != tElidedPast && f.tense != tGerund {
		f.subj = subjThing
	}
	if f.subj == subjGeneric || f.subj == subjYou {
		f.generic = f.tense == tPresent || f.tense == tPresentProg || f.tense == tModal || f.tense == tWould || f.tense == tFuture
	}
	return f
}

// isOpener: words that open a clause before its subject.
func isOpener(w string) bool {
	switch w {
	case "so", "then", "and", "but", "also", "next", "first", "firstly", "secondly", "finally", "eventually",
		"ultimately", "afterwards", "overall", "meanwhile", "however", "still", "now", "well", "yes", "no",
		"um", "uh", "anyway", "plus", "instead", "later", "basically", "honestly", "luckily", "unfortunately",
		"thankfully", "fortunately", "again", "actually", "obviously", "of", "course", "oh", "okay", "ok":
		return true
	}
	return false
}

func isSubordinator(w string) bool {
	switch w {
	case "when", "while", "after", "before", "as", "because", "since", "if", "once", "although", "though",
		"whenever", "until", "unless", "whereas":
		return true
	}
	return false
}

// subjectAndVerb: the stretch has a subject pronoun and a finite verb
// straight after it ("With his go-ahead I placed the order, ...": a
// leading phrase with a clause of its own, not "With the queue growing,").
func subjectAndVerb(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if k > 0 && bindsNext(toks[k-1].word) {
			continue // "At the bakery where I work,": a clause inside the phrase
		}
		if isSubjectPronoun(&toks[k]) && isFiniteVerbLike(toks, k+1) {
			return true
		}
	}
	return false
}

// verbClassOf is the class of a verb token (do for an unknown verb shape).
func verbClassOf(t *token) verbClass {
	if t.info != nil && t.info.class != vcNone {
		return t.info.class
	}
	if _, ok := guessVerb(t.word); ok || t.info == nil {
		return vcDo
	}
	return vcNone
}

func isGerundStart(t token) bool {
	if t.info != nil && t.info.form&formIng != 0 {
		return true
	}
	switch t.word {
	case "by", "after", "before", "since", "upon", "while", "with", "without", "despite":
		return true
	}
	return false
}
