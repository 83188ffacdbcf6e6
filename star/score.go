package star

// How an answer is scored (the contract of this file):
//
//  1. The answer becomes sentences: free text through Segment, a structured
//     answer field by field (each sentence keeps its field as its part).
//  2. Each sentence is tokenised once and matched against the rubric's cue
//     phrases (whole words, stemmed, negation-aware).
//  3. Free-text sentences are assigned to situation, task, action, result or
//     none by the most likely sequence (Viterbi) over the cue signals,
//     built-in features (first person + past tense, numbers, position,
//     explicit labels) and the rubric's transition weights, so a sentence's
//     neighbours and place in the story count as well as its words.
//  4. Each STAR part gets a 0–100 score for depth and concreteness; each
//     check passes, fails or earns partial credit.
//  5. The score is the weighted sum, normalised to 0–100, less penalties.
//     Tips are ordered by how many points fixing them would add.
//
// Score is pure and deterministic: the same rubric, question and answer
// always give the same Result, with the same order of checks and tips.

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// sentInfo is what the scorer knows about one sentence.
type sentInfo struct {
	text               string
	lower              string
	tok0, tok1         int // tokens[tok0:tok1]
	hit0, hit1         int // hits[hit0:hit1]
	words              int
	label              int // explicit or structured part, -1 when none
	class              int
	iCount, weCount    int
	firstPast, wePast  bool
	otherPast, stative bool
	progressive        bool
	hypothetical       bool
	generalPresent     bool
	numbers, measures  int
	groupHits          []int8 // per cue group, how many hits (capped)
	para               int
}

type analysis struct {
	sents      []sentInfo
	cells      []viterbiCell // one per sentence: assign's buffer, from the scratch
	toks       []token
	hits       []hit
	words      int
	structured bool
}

// Score scores one answer against the rubric. q may be nil when the
// question is unknown (relevance is then not checked). A question that does
// not expect a STAR story (q.STAR false) is scored as a direct answer:
// length, relevance, detail, filler and blame, with the parts still reported.
func Score(r *Rubric, q *QuestionInfo, a Answer) Result {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	an := sc.analyse(r, a)
	if !an.structured {
		assign(r, &an)
	}
	return judge(r, q, a, &an)
}

// scratch holds the working buffers of one scoring, reused through a pool
// so that scoring many answers does not churn the garbage collector. Nothing
// in a Result points into it.
type scratch struct {
	raw       []Sentence
	cells     []viterbiCell
	sents     []sentInfo
	toks      []token
	hits      []hit
	groupHits []int8
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow returns buf resized to n, reusing its memory when it is big enough.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

func analyse(r *Rubric, a Answer) analysis { return new(scratch).analyse(r, a) }

func (sc *scratch) analyse(r *Rubric, a Answer) analysis {
	var an analysis
	raw := sc.raw[:0]
	if a.STAR != nil && strings.TrimSpace(a.STAR.Situation+a.STAR.Task+a.STAR.Action+a.STAR.Result) != "" {
		an.structured = true
		for i, field := range []string{a.STAR.Situation, a.STAR.Task, a.STAR.Action, a.STAR.Result} {
			n := len(raw)
			raw = segment(raw, field)
			for k := n; k < len(raw); k++ {
				raw[k].Label = Components[i]
			}
		}
		if strings.TrimSpace(a.Text) != "" {
			raw = segment(raw, a.Text)
		}
	} else {
		raw = segment(raw, a.Text)
	}
	sc.raw = raw
	sc.sents = grow(sc.sents, len(raw))
	an.sents = sc.sents
	an.toks = sc.toks[:0]
	an.hits = sc.hits[:0]
	sc.cells = grow(sc.cells, len(raw))
	an.cells = sc.cells
	sc.groupHits = grow(sc.groupHits, len(raw)*len(r.groupNames))
	groupHits := sc.groupHits
	defer func() { sc.toks, sc.hits = an.toks, an.hits }() // keep grown buffers
	// Lower-case a free-text answer once and slice each sentence out of it;
	// Segment's sentences are verbatim and in order.
	lowerAll := ""
	if !an.structured {
		if l := toLower(a.Text); len(l) == len(a.Text) {
			lowerAll = l
		}
	}
	cursor := 0
	for i, s := range raw {
		si := &an.sents[i]
		si.text = s.Text
		si.lower = ""
		if lowerAll != "" {
			if at := strings.Index(a.Text[cursor:], s.Text); at >= 0 {
				start := cursor + at
				si.lower = lowerAll[start : start+len(s.Text)]
				cursor = start + len(s.Text)
			}
		}
		if si.lower == "" {
			si.lower = toLower(s.Text)
		}
		si.label = classIndex(s.Label)
		si.para = s.Para
		si.tok0 = len(an.toks)
		an.toks = tokenize(an.toks, si.lower, r.phrases)
		si.tok1 = len(an.toks)
		si.words = si.tok1 - si.tok0
		an.words += si.words
		si.hit0 = len(an.hits)
		an.hits = r.phrases.match(an.hits, an.toks[si.tok0:si.tok1])
		si.hit1 = len(an.hits)
		si.groupHits = groupHits[i*len(r.groupNames) : (i+1)*len(r.groupNames)]
		for _, h := range an.hits[si.hit0:si.hit1] {
			if si.groupHits[h.group] < 100 {
				si.groupHits[h.group]++
			}
		}
		features(si, an.toks[si.tok0:si.tok1])
		if r.grp.hypothetical >= 0 && si.groupHits[r.grp.hypothetical] > 0 && !si.firstPast {
			si.hypothetical = true
		}
	}
	return an
}

func features(si *sentInfo, toks []token) {
	lower := si.lower // not reloaded after every store through si
	for k := range toks {
		t := &toks[k]
		// The word's classes are read once, not once per test.
		fl := t.flags
		w := lower[t.start:t.end]
		switch {
		case fl&wI != 0:
			si.iCount++
		case fl&wWe != 0:
			si.weCount++
		}
		if fl&wNumberWord != 0 || containsDigit(w) {
			si.numbers++
		}
		if fl&wMeasure != 0 || w[len(w)-1] == '%' {
			si.measures++
		}
		if fl&wBeVerb != 0 && k+1 < len(toks) {
			if nx := lower[toks[k+1].start:toks[k+1].end]; len(nx) > 4 && strings.HasSuffix(nx, "ing") {
				si.progressive = true
			}
		}
		if fl&wGeneral != 0 {
			si.generalPresent = true
		}
		past := fl&wIrregularPast != 0 || (len(w) > 3 && strings.HasSuffix(w, "ed"))
		if !past || k == 0 {
			continue
		}
		var subject wordFlag // the classes of the nearest subject before the verb
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if f := toks[j].flags; f&(wI|wWe|wOtherSubject) != 0 {
				subject = f
				break
			}
		}
		if subject == 0 {
			continue
		}
		first := subject&(wI|wWe) != 0
		switch {
		case fl&wStative != 0 && first && !(t.stem(lower) == "had" && k+1 < len(toks) && toks[k+1].stem(lower) == "to"): // "I had to" is a task
			si.stative = true
		case subject&wI != 0:
			si.firstPast = true
		case subject&wWe != 0:
			si.wePast = true
		default:
			si.otherPast = true
		}
	}
	if si.firstPast || si.wePast {
		si.generalPresent = false
	}
}

func containsDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			return true
		}
	}
	return false
}

// assign labels free-text sentences with the most likely sequence of parts.
func assign(r *Rubric, an *analysis) {
	n := len(an.sents)
	if n == 0 {
		return
	}
	const states = numClasses
	cells := an.cells
	if len(cells) != n {
		cells = make([]viterbiCell, n)
	}
	clear(cells)
	for i := range an.sents {
		si := &an.sents[i]
		e := &cells[i].emit
		for g, c := range si.groupHits {
			if c == 0 {
				continue
			}
			m := float64(min(c, 2))
			for k := 0; k < states; k++ {
				e[k] += r.groupSignal[g][k] * m
			}
		}
		add := func(f int, times float64) {
			if times == 0 {
				return
			}
			v := &r.feature[f]
			for k := 0; k < states; k++ {
				e[k] += v[k] * times
			}
		}
		if si.firstPast {
			add(featFirstPersonPast, 1)
		}
		if si.wePast && !si.firstPast {
			add(featWePast, 1)
		}
		add(featNumber, float64(min(si.numbers, 2)))
		add(featMeasure, float64(min(si.measures, 2)))
		if si.otherPast && !si.firstPast {
			add(featOtherPast, 1)
		}
		if si.stative && !si.firstPast {
			add(featStativePast, 1)
		}
		if si.progressive {
			add(featPastProgressive, 1)
		}
		if si.generalPresent {
			add(featPresentGeneral, 1)
		}
		cells[i].evidence = *e
		if si.label >= 0 {
			cells[i].evidence[si.label] += r.labelWeight
		}
		// Position: the first and last fifth of the answer, strongest at the ends.
		rel := float64(i) / float64(max(n-1, 1))
		switch {
		case i == 0:
			add(featPositionStart, 1)
		case rel < 0.2:
			add(featPositionStart, 0.5)
		}
		switch {
		case n > 2 && i == n-1:
			add(featPositionEnd, 1)
		case n > 3 && rel > 0.8:
			add(featPositionEnd, 0.5)
		}
		if si.label >= 0 {
			e[si.label] += r.labelWeight
		}
	}
	// Viterbi over the five parts.
	for k := 0; k < states; k++ {
		cells[0].score[k] = r.trans[numClasses][k] + cells[0].emit[k]
	}
	for i := 1; i < n; i++ {
		for k := 0; k < states; k++ {
			best, arg := math.Inf(-1), 0
			for p := 0; p < states; p++ {
				v := cells[i-1].score[p] + r.trans[p][k]
				if v > best {
					best, arg = v, p
				}
			}
			cells[i].score[k] = best + cells[i].emit[k]
			cells[i].back[k] = int8(arg)
		}
	}
	best, arg := math.Inf(-1), 0
	for k := 0; k < states; k++ {
		if cells[n-1].score[k] > best {
			best, arg = cells[n-1].score[k], k
		}
	}
	for i := n - 1; i >= 0; i-- {
		an.sents[i].class = arg
		arg = int(cells[i].back[arg])
	}
	// A part is only found when at least one of its sentences has evidence
	// of its own; sentences put there by their place in the story alone go
	// to the part their words point to most.
	for c := 0; c < clsNone; c++ {
		supported := false
		for i := range an.sents {
			if an.sents[i].class == c && cells[i].evidence[c] >= minEvidence {
				supported = true
				break
			}
		}
		if supported {
			continue
		}
		for i := range an.sents {
			if an.sents[i].class != c {
				continue
			}
			best, arg := math.Inf(-1), clsNone
			for k := 0; k < states; k++ {
				if k != c && cells[i].evidence[k] > best {
					best, arg = cells[i].evidence[k], k
				}
			}
			if best <= 0 {
				arg = clsNone
				if i > 0 {
					arg = an.sents[i-1].class
				}
				if arg == c {
					arg = clsNone
				}
			}
			an.sents[i].class = arg
		}
	}
}

// viterbiCell is assign's working state for one sentence.
type viterbiCell struct {
	emit     [numClasses]float64 // cue, feature, position and label signals
	evidence [numClasses]float64 // the same without position: the sentence's own words and label
	score    [numClasses]float64 // best path score ending in each part
	back     [numClasses]int8    // the part before it on that path
}

// Where a check's {quote} comes from, when it is made only on demand.
const (
	quoteNone         = iota
	quoteHypothetical // the first "I would ..."
	quoteResult       // the result's first words
)

// minEvidence is how strongly a sentence's own words must point to a part
// for the part to count as present.
const minEvidence = 1.0

// judge computes part scores, checks, the overall score and tips.
func judge(r *Rubric, q *QuestionInfo, a Answer, an *analysis) Result {
	res := Result{Schema: ScoreSchema, ID: a.ID, QuestionID: a.QuestionID, Words: an.words,
		Components: make(ComponentMap, 4), Checks: make([]Check, 0, len(r.checks))}
	if res.QuestionID == "" && q != nil {
		res.QuestionID = q.ID
	}
	if an.structured {
		for i := range an.sents {
			an.sents[i].class = an.sents[i].label
			if an.sents[i].class < 0 {
				an.sents[i].class = clsNone
			}
		}
	}
	// partSents[c] are the indexes of the sentences of part c, in order. A
	// counting sort puts them all in one buffer, on the stack for an answer
	// of up to 64 sentences, instead of growing five slices.
	var partWords [numClasses]int
	var partStart [numClasses + 1]int
	for _, s := range an.sents {
		partWords[s.class] += s.words
		partStart[s.class+1]++
	}
	for c := 1; c <= numClasses; c++ {
		partStart[c] += partStart[c-1]
	}
	var sentBuf [64]int
	order := sentBuf[:]
	if len(an.sents) > len(order) {
		order = make([]int, len(an.sents))
	}
	next := partStart
	for i, s := range an.sents {
		order[next[s.class]] = i
		next[s.class]++
	}
	var partSents [numClasses][]int
	for c := range partSents {
		partSents[c] = order[partStart[c]:partStart[c+1]]
	}
	has := func(part int, group int) bool {
		if group < 0 {
			return false
		}
		for _, i := range partSents[part] {
			if an.sents[i].groupHits[group] > 0 {
				return true
			}
		}
		return false
	}
	hasGroup := func(part int, name string) bool {
		for g, n := range r.groupNames {
			if n == name {
				return has(part, g)
			}
		}
		return false
	}
	sum := func(part int, f func(s *sentInfo) int) int {
		t := 0
		for _, i := range partSents[part] {
			t += f(&an.sents[i])
		}
		return t
	}
	total := max(an.words, 1)

	// Part scores.
	var partScore [4]int
	var present [4]bool
	for c := 0; c < 4; c++ {
		present[c] = partWords[c] > 0
	}
	if present[clsSituation] {
		s := 45
		if hasGroup(clsSituation, "setting") {
			s += 20
		}
		if hasGroup(clsSituation, "problem") || sum(clsSituation, func(s *sentInfo) int { return s.numbers }) > 0 {
			s += 20
		}
		if partWords[clsSituation] >= 12 {
			s += 15
		}
		if float64(partWords[clsSituation])/float64(total) > 0.45 && an.words > 120 {
			s -= 25 // the background crowds out the story
		}
		partScore[clsSituation] = clamp(s)
	}
	if present[clsTask] {
		s := 55
		if hasGroup(clsTask, "responsibility") {
			s += 25
		}
		if partWords[clsTask] >= 6 && partWords[clsTask] <= 70 {
			s += 20
		}
		partScore[clsTask] = clamp(s)
	}
	hypotheticalAction := false // the actions are mostly "I would ..."
	if present[clsAction] {
		s := 30
		steps := sum(clsAction, func(s *sentInfo) int {
			if s.firstPast {
				return 1
			}
			return 0
		})
		s += min(steps*8, 40)
		if r.grp.concrete > 0 && has(clsAction, r.grp.concrete) {
			s += 15
		}
		if partWords[clsAction] >= 60 {
			s += 15
		}
		i := sum(clsAction, func(s *sentInfo) int { return s.iCount })
		we := sum(clsAction, func(s *sentInfo) int { return s.weCount })
		if i+we > 0 && we > i {
			s -= 25
		}
		hyp := sum(clsAction, func(s *sentInfo) int {
			if s.hypothetical {
				return 1
			}
			return 0
		})
		if hyp*2 > len(partSents[clsAction]) {
			s -= 30
			hypotheticalAction = true
		}
		partScore[clsAction] = clamp(s)
	}
	resultEvidence := 0.0 // 0 none, 0.5 an outcome, 1 a measure or concrete feedback
	if present[clsResult] {
		s := 35
		outcome := has(clsResult, r.grp.outcome)
		measured := sum(clsResult, func(s *sentInfo) int { return s.numbers + s.measures }) > 0 ||
			(r.grp.feedback > 0 && has(clsResult, r.grp.feedback))
		if outcome {
			s += 25
			resultEvidence = 0.5
		}
		if measured {
			s += 25
			resultEvidence = 1
		}
		if has(clsResult, r.grp.lesson) {
			s += 15
		}
		if partWords[clsResult] < 8 && !measured {
			s = min(s, 45) // "it went well"
		}
		partScore[clsResult] = clamp(s)
	}
	// The four parts' sentences share one array, in part order; each part's
	// slice is capped at its end, so appending to one cannot spill into the next.
	texts := make([]string, partStart[clsNone])
	for c := 0; c < 4; c++ {
		sents := texts[partStart[c]:partStart[c+1]:partStart[c+1]]
		for k, i := range partSents[c] {
			sents[k] = an.sents[i].text
		}
		res.Components[Components[c]] = Component{Present: present[c], Score: partScore[c], Words: partWords[c], Sentences: sents}
	}

	direct := q != nil && !q.STAR
	var points, maxPoints, penalty float64
	type tipCand struct {
		gain float64
		text string
		ord  int
	}
	var tipBuf [16]tipCand // on the stack: an answer rarely earns more tips
	tips := tipBuf[:0]
	partTip := [4]bool{} // a tip about this part was given already
	addTip := func(gain float64, text string) {
		if text != "" && gain > 0.01 {
			tips = append(tips, tipCand{gain, text, len(tips)})
		}
	}
	pastEventExtra := 0.0
	tooLong := false // past twice the longest good length
	if !direct {
		for c := 0; c < 4; c++ {
			w := r.compWeight[c]
			maxPoints += w
			points += w * float64(partScore[c]) / 100
			switch {
			case !present[c]:
				addTip(w, r.parts[c].Missing)
				partTip[c] = true
			case c == clsAction && hypotheticalAction:
				// The fix is a real example, which the past-event tip asks for.
				pastEventExtra = w * float64(100-partScore[c]) / 100
				partTip[c] = true
			case partScore[c] < 70:
				quote := quoteOf(an, partSents[c], 8) // only here: a quote allocates
				addTip(w*float64(100-partScore[c])/100, fill(r.parts[c].Weak, &msgVars{quote: quote}))
				partTip[c] = true
			}
		}
	}

	// Checks.
	iTotal, weTotal := 0, 0
	hypSents, storySents := 0, 0
	anyFirstPast := false
	for _, s := range an.sents {
		iTotal += s.iCount
		weTotal += s.weCount
		if s.class != clsNone {
			storySents++
			if s.hypothetical {
				hypSents++
			}
		}
		anyFirstPast = anyFirstPast || s.firstPast || s.wePast
	}
	words := strconv.Itoa(an.words)
	for _, ck := range r.checks {
		credit := 1.0
		vars := &msgVars{words: words}
		quoteFrom := quoteNone
		tip := ck.Tip
		switch ck.Kind {
		case "length":
			lo, hi := ck.min, ck.max
			if direct {
				lo, hi = lo/3, hi*2/3 // a direct answer is shorter: about 50–230 words by default
			}
			vars.min, vars.max = strconv.Itoa(int(lo)), strconv.Itoa(int(hi))
			switch w := float64(an.words); {
			case w < lo:
				credit = w / lo
				tip = ck.TipShort
			case w > hi:
				credit = math.Max(0, 1-(w-hi)/(hi/2))
				tip = ck.TipLong
				tooLong = w > 2*hi
			}
		case "action-share":
			if direct {
				continue
			}
			share := float64(partWords[clsAction]) / float64(total)
			vars.share = percentText(int(math.Round(share * 100)))
			credit = math.Min(1, share/ck.min)
		case "ownership":
			vars.i, vars.we = strconv.Itoa(iTotal), strconv.Itoa(weTotal)
			if iTotal+weTotal > 0 {
				share := float64(weTotal) / float64(iTotal+weTotal)
				if share > ck.max {
					credit = math.Max(0, 1-(share-ck.max)/(1-ck.max))
				}
			}
		case "past-event":
			if direct {
				continue
			}
			if storySents > 0 {
				share := float64(hypSents) / float64(storySents)
				if share > ck.max {
					credit = math.Max(0, 1-(share-ck.max)/(1-ck.max))
				}
			}
			if !anyFirstPast && an.words > 0 {
				credit = 0
			}
			quoteFrom = quoteHypothetical
		case "concrete-detail":
			n := 0
			for _, s := range an.sents {
				n += min(s.numbers, 2)
				if r.grp.concrete > 0 {
					n += int(min(s.groupHits[r.grp.concrete], 2))
				}
			}
			credit = math.Min(1, float64(n)/ck.min)
		case "quantified-result":
			if direct {
				continue
			}
			credit = resultEvidence
			quoteFrom = quoteResult
		case "lesson":
			if direct {
				continue
			}
			credit = 0
			for _, s := range an.sents {
				if s.groupHits[r.grp.lesson] > 0 {
					credit = 1
				}
			}
		case "relevance":
			if q == nil || len(q.Keywords)+len(q.Competencies) == 0 {
				continue
			}
			var found, want int
			found, want, vars.keywords, vars.found = relevance(an, q)
			if vars.found == "" {
				vars.found = "none of its key words"
			}
			credit = math.Min(1, (float64(found)/float64(want))/ck.min)
		case "filler":
			n, quotes := countGroup(an, r.grp.fillerTerms, 3)
			rate := float64(n) * 100 / float64(total)
			if rate > ck.max && n >= 2 {
				credit = math.Max(0, 1-(rate-ck.max)/math.Max(ck.max, 1))
			}
			vars.quote = strings.Join(quotes, ", ")
		case "blame":
			n, quotes := countGroup(an, r.grp.blame, 2)
			if n > 0 {
				credit = 0
			}
			vars.quote = strings.Join(quotes, ", ")
		}
		ok := credit >= 0.999
		// A quote allocates, so it is made only when a message that will be
		// filled names it: the check's message, or its tip when it fails.
		if quoteFrom != quoteNone && (strings.Contains(ck.Message, "{quote}") || !ok && strings.Contains(tip, "{quote}")) {
			switch quoteFrom {
			case quoteHypothetical:
				vars.quote = firstHitQuote(an, r.grp.hypothetical, 6)
				if vars.quote == "" {
					vars.quote = "no past event"
				}
			case quoteResult:
				vars.quote = quoteOf(an, partSents[clsResult], 8)
				if vars.quote == "" {
					vars.quote = "nothing yet"
				}
			}
		}
		res.Checks = append(res.Checks, Check{ID: ck.ID, OK: ok, Message: fill(ck.Message, vars)})
		if ck.Penalty {
			penalty += ck.Weight * (1 - credit)
			if !ok {
				addTip(ck.Weight*(1-credit)*1.5, fill(tip, vars))
			}
			continue
		}
		maxPoints += ck.Weight
		points += ck.Weight * credit
		// The part's own tip already says this; the points still count.
		repeats := (ck.Kind == "action-share" && partTip[clsAction]) ||
			(ck.Kind == "quantified-result" && partTip[clsResult]) ||
			(ck.Kind == "past-event" && !present[clsAction])
		gain := ck.Weight * (1 - credit)
		if ck.Kind == "past-event" {
			gain += pastEventExtra
		}
		if !ok && !repeats {
			addTip(gain, fill(tip, vars))
		}
	}
	score := 0.0
	if maxPoints > 0 {
		score = 100*points/maxPoints - penalty
	}
	if an.words == 0 {
		score = 0
	}
	res.Score = clamp(int(math.Round(score)))
	if tooLong {
		// Over twice a spoken two minutes, no answer is good, however complete.
		res.Score = min(res.Score, r.bandGood-1)
	}
	missing := 0
	for c := 0; c < 4; c++ {
		if !present[c] {
			missing++
		}
	}
	switch {
	case res.Score >= r.bandStrong && (missing == 0 || direct):
		res.Band = BandStrong
	case res.Score >= r.bandGood && (missing == 0 || direct):
		res.Band = BandGood
	case res.Score >= r.bandNeeds && missing <= 1:
		res.Band = BandNeedsWork
	default:
		res.Band = BandIncomplete
	}
	// Larger gains first, then in the order given. slices.SortStableFunc
	// sorts in place, where sort.SliceStable allocates a swapper.
	slices.SortStableFunc(tips, func(a, b tipCand) int {
		if a.gain != b.gain {
			if a.gain > b.gain {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ord, b.ord)
	})
	res.Tips = make([]string, 0, len(tips))
	for _, t := range tips {
		res.Tips = append(res.Tips, t.text)
	}
	return res
}

// slice returns the sentence's text between two offsets of its lower-cased
// form; when lower-casing changed the length (rare letters), the lower-cased
// text is quoted instead.
func (s *sentInfo) slice(a, b int32) string {
	if len(s.lower) != len(s.text) {
		return s.lower[a:b]
	}
	return s.text[a:b]
}

// percents are "0%" to "100%", made once rather than at every scoring.
var percents = func() (t [101]string) {
	for i := range t {
		t[i] = strconv.Itoa(i) + "%"
	}
	return t
}()

func percentText(n int) string {
	if n >= 0 && n < len(percents) {
		return percents[n]
	}
	return strconv.Itoa(n) + "%"
}

func clamp(v int) int { return max(0, min(100, v)) }

// quoteOf returns the first words of the part's first sentence, in quotes.
func quoteOf(an *analysis, sents []int, words int) string {
	if len(sents) == 0 {
		return ""
	}
	s := an.sents[sents[0]]
	toks := an.toks[s.tok0:s.tok1]
	if len(toks) == 0 {
		return ""
	}
	end := int32(len(s.lower))
	if len(toks) > words {
		end = toks[words-1].end
	}
	q := strings.TrimRight(s.slice(0, end), ".,;:!? ")
	if int(end) < len(s.lower) {
		q += " …"
	}
	return "'" + q + "'"
}

// firstHitQuote quotes the first match of group with a few words after it.
func firstHitQuote(an *analysis, group int, words int) string {
	if group < 0 {
		return ""
	}
	for _, s := range an.sents {
		for _, h := range an.hits[s.hit0:s.hit1] {
			if h.group != group {
				continue
			}
			toks := an.toks[s.tok0:s.tok1]
			end := min(int(h.start)+words, len(toks))
			return "'" + s.slice(toks[h.start].start, toks[end-1].end) + " …'"
		}
	}
	return ""
}

// countGroup counts matches of group and quotes up to n distinct ones.
func countGroup(an *analysis, group int, n int) (int, []string) {
	if group <= 0 {
		return 0, nil
	}
	count := 0
	var quotes []string
	for _, s := range an.sents {
		for _, h := range an.hits[s.hit0:s.hit1] {
			if h.group != group {
				continue
			}
			count++
			toks := an.toks[s.tok0:s.tok1]
			q := "'" + s.slice(toks[h.start].start, toks[h.end-1].end) + "'"
			if len(quotes) < n && !contains(quotes, q) {
				quotes = append(quotes, q)
			}
		}
	}
	return count, quotes
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// relevance counts the question's keywords and competencies found in the
// answer (by stem); it returns how many were found, how many were looked
// for, and up to three that were not found and three that were, quoted and
// joined by commas.
//
// A term is found when any of its words (ignoring short function words)
// is a word of the answer, as sameWord compares them. All the terms' words
// are looked for in one pass over the answer.
func relevance(an *analysis, q *QuestionInfo) (found, want int, missing, foundTerms string) {
	// The terms' words and the quoted lists live in stack buffers.
	var wordBuf [32]termWord
	var termBuf [16]termSpan
	words, terms := wordBuf[:0], termBuf[:0]
	var look stemSet // the filter bits of the words looked for
	var tokBuf [8]token
	for _, list := range [2][]string{q.Keywords, q.Competencies} {
		for _, term := range list {
			lower := lowerASCII(term)
			toks := tokenize(tokBuf[:0], lower, nil)
			if len(toks) == 0 {
				continue
			}
			span := termSpan{term: term, w0: len(words)}
			for i := range toks {
				st := toks[i].stem(lower)
				if len(st) < 3 || st == "the" || st == "and" || st == "with" {
					continue
				}
				k, bit := stemBit(st)
				look[k] |= bit
				words = append(words, termWord{stem: st, bucket: k, bit: bit})
			}
			span.w1 = len(words)
			terms = append(terms, span)
		}
	}
	left := len(words) // words not found yet
	for _, si := range an.sents {
		toks := an.toks[si.tok0:si.tok1]
		for j := 0; j < len(toks) && left > 0; j++ {
			st := toks[j].stem(si.lower)
			if st == "" {
				continue // never so: a word starts with a letter or digit
			}
			k, bit := stemBit(st)
			if look[k]&bit == 0 {
				continue // no word looked for has this length and first and last letters
			}
			for w := range words {
				if !words[w].found && words[w].bucket == k && words[w].bit == bit && sameWord(st, words[w].stem) {
					words[w].found = true
					left--
				}
			}
		}
	}
	// The quoted lists are built in stack buffers and made strings once.
	var missBuf, foundBuf [128]byte
	miss, fnd := missBuf[:0], foundBuf[:0]
	nMiss, nFound := 0, 0
	for _, t := range terms {
		want++
		hit := false
		for _, w := range words[t.w0:t.w1] {
			hit = hit || w.found
		}
		if hit {
			found++
			if nFound < 3 {
				fnd = appendQuoted(fnd, nFound, t.term)
				nFound++
			}
		} else if nMiss < 3 {
			miss = appendQuoted(miss, nMiss, t.term)
			nMiss++
		}
	}
	// A relevant answer uses a few of the question's words, not all of them:
	// past eight, more listed words do not raise the bar.
	want = max(1, min(want, 8))
	return found, want, string(miss), string(fnd)
}

// termSpan is one of the question's terms and its words in relevance's list.
type termSpan struct {
	term   string
	w0, w1 int
}

// termWord is one word relevance looks for.
type termWord struct {
	stem   string
	bucket int    // stemBit's
	bit    uint64 // stemBit's
	found  bool
}

// appendQuoted appends 'term' to a list of n quoted terms, after ", ".
func appendQuoted(b []byte, n int, term string) []byte {
	if n > 0 {
		b = append(b, ", "...)
	}
	b = append(b, '\'')
	b = append(b, term...)
	return append(b, '\'')
}

// stemSet is a filter of stems: set[len & 15] has a bit for the first and
// last letters of each stem, read as sameWord reads them ('z' as 's'). Two
// stems that sameWord finds alike have the same bit, so a stem whose bit is
// clear is not in the set.
type stemSet [16]uint64

func stemBit(st string) (int, uint64) {
	first, last := uint64(foldZ[st[0]]), uint64(foldZ[st[len(st)-1]])
	return len(st) & 15, 1 << ((first*7 + last) & 63)
}

// foldZ maps each byte to itself and 'z' to 's', as sameWord compares them.
var foldZ = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	t['z'] = 's'
	return t
}()

// msgVars are the values a rubric message may name ({words}, {quote}, ...).
type msgVars struct {
	words, min, max, share, i, we, quote, keywords, found string
}

func (v *msgVars) get(name string) (string, bool) {
	switch name {
	case "words":
		return v.words, true
	case "min":
		return v.min, true
	case "max":
		return v.max, true
	case "share":
		return v.share, true
	case "i":
		return v.i, true
	case "we":
		return v.we, true
	case "quote":
		return v.quote, true
	case "keywords":
		return v.keywords, true
	case "found":
		return v.found, true
	}
	return "", false
}

// fill replaces {name} placeholders; unknown ones are left as they are.
func fill(msg string, vars *msgVars) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	// The message is built in a stack buffer and made a string once, rather
	// than grown step by step in a strings.Builder.
	var buf [256]byte
	b := buf[:0]
	for {
		i := strings.IndexByte(msg, '{')
		if i < 0 {
			b = append(b, msg...)
			break
		}
		j := strings.IndexByte(msg[i:], '}')
		if j < 0 {
			b = append(b, msg...)
			break
		}
		name := msg[i+1 : i+j]
		b = append(b, msg[:i]...)
		if v, ok := vars.get(name); ok {
			b = append(b, v...)
		} else {
			b = append(b, msg[i:i+j+1]...)
		}
		msg = msg[i+j+1:]
	}
	return string(b)
}

// toLower is strings.ToLower, faster for ASCII text (nearly every answer):
// a table lookup per byte into a stack buffer, copied out in chunks, where
// strings.ToLower writes each capital separately through a strings.Builder.
func toLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var chunk [128]byte
	for len(s) > b.Len() {
		part := s[b.Len():min(b.Len()+len(chunk), len(s))]
		dst := chunk[:len(part)]
		var high byte
		for k := range dst {
			c := part[k]
			high |= c
			dst[k] = lowerByte[c]
		}
		if high >= utf8.RuneSelf {
			return strings.ToLower(s) // Unicode case rules
		}
		b.Write(dst)
	}
	return b.String()
}

// lowerByte maps each byte to itself, A–Z to a–z.
var lowerByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// lowerASCII lower-cases s, without allocating when it is lower case already.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// sameWord compares stems treating British and American spellings alike
// ("apologis" and "apologiz").
func sameWord(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == 'z' {
			x = 's'
		}
		if y == 'z' {
			y = 's'
		}
		if x != y {
			return false
		}
	}
	return true
}
