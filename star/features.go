package star

import "fmt"

// Stage 4: a clause's facts, its place in the answer and the rubric's cues
// found in it become features: named yes/no properties ("subj=i
// tense=past", "cue=lesson pos=late"), each of which the tagger weighs for
// every part. To add a feature, add it to a block here and retrain the
// tagger (see tagger.go).

// Flags are the clause's yes/no facts, each a feature.
const (
	flHypothetical = iota
	flHabitual
	flGeneric
	flOpinion
	flIf
	flPurpose
	flAble
	flNegated
	flQuestion
	flExclaim
	flQuoted
	flNumber
	flMeasure
	flFeeling
	flTime
	flOwnStep
	flI
	flWe
	flShort
	numFlags
)

var flagNames = [numFlags]string{"hypothetical", "habitual", "generic", "opinion", "if", "purpose", "able",
	"negated", "question", "exclaim", "quoted", "number", "measure", "feeling", "time", "own-step", "i", "we", "short"}

// firstWords are the clause openers that are features of their own.
var firstWords = []string{"so", "then", "and", "but", "also", "next", "first", "firstly", "finally",
	"eventually", "ultimately", "afterwards", "overall", "meanwhile", "however", "when", "while", "after",
	"before", "as", "because", "since", "once", "if", "to", "by", "in", "at", "during", "for", "with",
	"this", "that", "it", "there", "i", "we", "he", "she", "they", "the", "my", "our", "his", "her", "a",
	"one", "last", "what", "which", "luckily", "unfortunately", "thankfully", "now", "later", "within",
	"from", "without", "instead", "yes", "well", "honestly", "thanks", "from", "ever", "going", "looking",
	"overall", "always", "every", "customers", "people", "whenever", "although", "though", "until", "even"}

// posBins split the answer into five stretches by a clause's place, and a
// sixth for every clause of a short answer (under shortAnswerClauses), where
// a place means little.
const posBins = 6

const shortAnswerClauses = 6

// placeNames are features of where a clause stands.
const (
	plFirstClause = iota
	plLastClause
	plFirstSentence
	plLastSentence
	plInsideSentence // not the sentence's first clause
	plParaStart
	plBullet
	plLineStart
	numPlaces
)

var placeNames = [numPlaces]string{"first-clause", "last-clause", "first-sentence", "last-sentence",
	"inside-sentence", "para-start", "bullet", "line-start"}

// featureSpace names every fixed feature and gives each block its first id.
type featureSpace struct {
	names     []string
	firstWord map[string]int

	bias, subj, tense, verb, subjTense, subjVerb, tenseVerb, subjTenseVerb int
	toVerb, first, flag, pos, posTense, posSubj, posVerb, posFlag, place   int
	label, words, ctxPast, ctxHyp, ctxPastTense, ctxHypTense, prevTense    int
	habTense, genTense, ifTense                                            int
	nextTense, prevOwn, nextOwn                                            int
}

// ctxBins split the answer-wide shares (of past-tense and of hypothetical
// clauses) into four.
const ctxBins = 4

var features = newFeatureSpace()

func newFeatureSpace() *featureSpace {
	fs := &featureSpace{firstWord: map[string]int{}}
	block := func(n int, name func(i int) string) int {
		at := len(fs.names)
		for i := 0; i < n; i++ {
			fs.names = append(fs.names, name(i))
		}
		return at
	}
	fs.bias = block(1, func(int) string { return "bias" })
	fs.subj = block(int(numSubjects), func(i int) string { return "subj=" + subjectNames[i] })
	fs.tense = block(int(numTenses), func(i int) string { return "tense=" + tenseNames[i] })
	fs.verb = block(int(numVerbClasses), func(i int) string { return "verb=" + verbClassNames[i] })
	fs.subjTense = block(int(numSubjects)*int(numTenses), func(i int) string {
		return "subj=" + subjectNames[i/int(numTenses)] + " tense=" + tenseNames[i%int(numTenses)]
	})
	fs.subjVerb = block(int(numSubjects)*int(numVerbClasses), func(i int) string {
		return "subj=" + subjectNames[i/int(numVerbClasses)] + " verb=" + verbClassNames[i%int(numVerbClasses)]
	})
	fs.tenseVerb = block(int(numTenses)*int(numVerbClasses), func(i int) string {
		return "tense=" + tenseNames[i/int(numVerbClasses)] + " verb=" + verbClassNames[i%int(numVerbClasses)]
	})
	nTV := int(numTenses) * int(numVerbClasses)
	fs.subjTenseVerb = block(int(numSubjects)*nTV, func(i int) string {
		return "subj=" + subjectNames[i/nTV] + " tense=" + tenseNames[i%nTV/int(numVerbClasses)] +
			" verb=" + verbClassNames[i%int(numVerbClasses)]
	})
	fs.toVerb = block(int(numVerbClasses), func(i int) string { return "to-verb=" + verbClassNames[i] })
	var words []string
	for _, w := range firstWords {
		if _, dup := fs.firstWord[w]; !dup {
			fs.firstWord[w] = len(words)
			words = append(words, w)
		}
	}
	words = append(words, "other")
	fs.first = block(len(words), func(i int) string { return "first=" + words[i] })
	fs.flag = block(numFlags, func(i int) string { return flagNames[i] })
	fs.pos = block(posBins, func(i int) string { return fmt.Sprintf("pos=%d", i) })
	fs.posTense = block(posBins*int(numTenses), func(i int) string {
		return fmt.Sprintf("pos=%d tense=%s", i/int(numTenses), tenseNames[i%int(numTenses)])
	})
	fs.posSubj = block(posBins*int(numSubjects), func(i int) string {
		return fmt.Sprintf("pos=%d subj=%s", i/int(numSubjects), subjectNames[i%int(numSubjects)])
	})
	fs.posVerb = block(posBins*int(numVerbClasses), func(i int) string {
		return fmt.Sprintf("pos=%d verb=%s", i/int(numVerbClasses), verbClassNames[i%int(numVerbClasses)])
	})
	fs.posFlag = block(posBins*numFlags, func(i int) string {
		return fmt.Sprintf("pos=%d %s", i/numFlags, flagNames[i%numFlags])
	})
	fs.place = block(numPlaces, func(i int) string { return placeNames[i] })
	fs.label = block(numClasses, func(i int) string { return "label=" + classes[i] })
	fs.words = block(4, func(i int) string { return fmt.Sprintf("words=%d", i) })
	fs.ctxPast = block(ctxBins, func(i int) string { return fmt.Sprintf("answer-past=%d", i) })
	fs.ctxHyp = block(ctxBins, func(i int) string { return fmt.Sprintf("answer-hypothetical=%d", i) })
	fs.ctxPastTense = block(ctxBins*int(numTenses), func(i int) string {
		return fmt.Sprintf("answer-past=%d tense=%s", i/int(numTenses), tenseNames[i%int(numTenses)])
	})
	fs.ctxHypTense = block(ctxBins*int(numTenses), func(i int) string {
		return fmt.Sprintf("answer-hypothetical=%d tense=%s", i/int(numTenses), tenseNames[i%int(numTenses)])
	})
	fs.nextTense = block(int(numTenses)+1, func(i int) string {
		if i == int(numTenses) {
			return "next-tense=end"
		}
		return "next-tense=" + tenseNames[i]
	})
	fs.prevOwn = block(1, func(int) string { return "prev own-step" })
	fs.nextOwn = block(1, func(int) string { return "next own-step" })
	fs.habTense = block(int(numTenses), func(i int) string { return "habitual tense=" + tenseNames[i] })
	fs.genTense = block(int(numTenses), func(i int) string { return "generic tense=" + tenseNames[i] })
	fs.ifTense = block(int(numTenses), func(i int) string { return "if tense=" + tenseNames[i] })
	fs.prevTense = block(int(numTenses)+1, func(i int) string {
		if i == int(numTenses) {
			return "prev-tense=start"
		}
		return "prev-tense=" + tenseNames[i]
	})
	return fs
}

// cueFeatureName is the feature of a cue group: a phrase of it is in the clause.
func cueFeatureName(group string) string { return "cue=" + group }

// bin puts share (0..1) into one of n bins.
func bin(share float64, n int) int {
	b := int(share * float64(n))
	return max(0, min(n-1, b))
}

// clauseFeatures appends the ids of clause c's features to dst. cueBase is
// the id of the first cue feature (after the fixed ones).
func (an *analysis) clauseFeatures(dst []int32, c int, cueBase int, ctxPast, ctxHyp int) []int32 {
	fs := features
	cl := &an.clauses[c]
	f := &cl.facts
	n := len(an.clauses)
	rel := 0.0
	if n > 1 {
		rel = float64(c) / float64(n-1)
	}
	pos := bin(rel, posBins-1)
	if n < shortAnswerClauses {
		pos = posBins - 1
	}
	s, t, v := int(f.subj), int(f.tense), int(f.verb)
	add := func(id int) { dst = append(dst, int32(id)) }
	add(fs.bias)
	add(fs.subj + s)
	add(fs.tense + t)
	add(fs.verb + v)
	add(fs.subjTense + s*int(numTenses) + t)
	add(fs.subjVerb + s*int(numVerbClasses) + v)
	add(fs.tenseVerb + t*int(numVerbClasses) + v)
	add(fs.subjTenseVerb + (s*int(numTenses)+t)*int(numVerbClasses) + v)
	if f.toVerb != vcNone {
		add(fs.toVerb + int(f.toVerb))
	}
	if k, ok := fs.firstWord[f.firstWord]; ok {
		add(fs.first + k)
	} else {
		add(fs.first + len(fs.firstWord))
	}
	var flags [numFlags]bool
	flags[flHypothetical] = f.hypothetical()
	flags[flHabitual] = f.habitual
	flags[flGeneric] = f.generic
	flags[flOpinion] = f.opinion
	flags[flIf] = f.ifClause
	flags[flPurpose] = f.purpose
	flags[flAble] = f.able
	flags[flNegated] = f.negated
	flags[flQuestion] = f.question
	flags[flExclaim] = f.exclaim
	flags[flQuoted] = f.quoted
	flags[flNumber] = f.numbers > 0
	flags[flMeasure] = f.measures > 0
	flags[flFeeling] = f.feelings > 0
	flags[flTime] = f.times > 0
	flags[flOwnStep] = f.ownPastStep()
	flags[flI] = f.iCount > 0
	flags[flWe] = f.weCount > 0
	flags[flShort] = cl.words <= 4
	for k, on := range flags {
		if on {
			add(fs.flag + k)
			add(fs.posFlag + pos*numFlags + k)
		}
	}
	if f.habitual {
		add(fs.habTense + t)
	}
	if f.generic {
		add(fs.genTense + t)
	}
	if f.ifClause {
		add(fs.ifTense + t)
	}
	add(fs.pos + pos)
	add(fs.posTense + pos*int(numTenses) + t)
	add(fs.posSubj + pos*int(numSubjects) + s)
	add(fs.posVerb + pos*int(numVerbClasses) + v)
	sent := &an.sents[cl.sent]
	if c == 0 {
		add(fs.place + plFirstClause)
	}
	if c == n-1 {
		add(fs.place + plLastClause)
	}
	if cl.sent == 0 {
		add(fs.place + plFirstSentence)
	}
	if cl.sent == len(an.sents)-1 {
		add(fs.place + plLastSentence)
	}
	if c > 0 && an.clauses[c-1].sent == cl.sent {
		add(fs.place + plInsideSentence)
	} else {
		if cl.sent > 0 && an.sents[cl.sent-1].Para != sent.Para {
			add(fs.place + plParaStart)
		}
		if sent.Bullet {
			add(fs.place + plBullet)
		}
		if sent.LineStart {
			add(fs.place + plLineStart)
		}
	}
	if cl.label >= 0 {
		add(fs.label + cl.label)
	}
	switch {
	case cl.words <= 3:
		add(fs.words)
	case cl.words <= 8:
		add(fs.words + 1)
	case cl.words <= 16:
		add(fs.words + 2)
	default:
		add(fs.words + 3)
	}
	add(fs.ctxPast + ctxPast)
	add(fs.ctxHyp + ctxHyp)
	add(fs.ctxPastTense + ctxPast*int(numTenses) + t)
	add(fs.ctxHypTense + ctxHyp*int(numTenses) + t)
	if c == 0 {
		add(fs.prevTense + int(numTenses))
	} else {
		add(fs.prevTense + int(an.clauses[c-1].facts.tense))
	}
	if c+1 < n {
		add(fs.nextTense + int(an.clauses[c+1].facts.tense))
		if an.clauses[c+1].facts.ownPastStep() {
			add(fs.nextOwn)
		}
	} else {
		add(fs.nextTense + int(numTenses))
	}
	if c > 0 && an.clauses[c-1].facts.ownPastStep() {
		add(fs.prevOwn)
	}
	for g, count := range cl.cues {
		if count > 0 {
			add(cueBase + g)
		}
	}
	return dst
}

// contextBins returns the answer-wide bins of past-tense and of
// hypothetical clauses, weighted by words.
func (an *analysis) contextBins() (past, hyp int) {
	var pw, hw, all int
	for i := range an.clauses {
		c := &an.clauses[i]
		all += c.words
		if c.facts.tense.isPast() {
			pw += c.words
		}
		if c.facts.hypothetical() {
			hw += c.words
		}
	}
	if all == 0 {
		return 0, 0
	}
	share := func(x int) int {
		r := float64(x) / float64(all)
		switch {
		case r < 0.15:
			return 0
		case r < 0.4:
			return 1
		case r < 0.7:
			return 2
		}
		return 3
	}
	return share(pw), share(hw)
}
