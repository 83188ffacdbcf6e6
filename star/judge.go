package star

import (
	"strings"
)

// Stage 6: the tagged answer is judged. The card follows the question; the
// parts of a STAR answer get their scores; each check of the card passes,
// fails or earns part credit; the score is the weighted sum, less
// penalties, capped by the band rule; tips come biggest gain first.

// judgement is everything the checks of one answer look at.
type judgement struct {
	r     *Rubric
	q     *QuestionInfo
	an    *analysis
	card  string
	parts [4]partView

	outcomeGroup int
	tooLong      bool
	// stemBits marks the answer's stems (see hasStem), once stemsMarked.
	stemBits    [16]uint64
	stemsMarked bool
}

// chooseCard picks the feedback card for an answer to q.
func chooseCard(r *Rubric, q *QuestionInfo, a Answer, an *analysis) string {
	switch {
	case a.FollowUp:
		return CardFollowUp
	case q == nil:
		return CardSTAR
	}
	category := q.Category
	switch {
	case q.STAR || category == "behavioral" || category == "situational" || category == "":
		if category == "situational" && !an.hasStory() && r.planMin > 0 {
			j := judgement{an: an}
			if steps, _ := j.planSteps(r.groupIndex("plan-steps")); steps >= r.planMin {
				return CardPlan
			}
		}
		if category == "" && !q.STAR && q.Text != "" {
			return CardDirect
		}
		return CardSTAR
	case category == "motivation":
		return CardMotivation
	case category == "strengths":
		return CardStrengths
	}
	return CardDirect
}

func (r *Rubric) groupIndex(name string) int {
	if g, ok := r.groups[name]; ok {
		return g
	}
	return -1
}

// hasStory: some clause tells part of a real story (tagged a part, and not
// itself what one would or usually does).
func (an *analysis) hasStory() bool {
	for i := range an.clauses {
		if an.clauses[i].part != clsNone && !an.clauses[i].facts.hypothetical() {
			return true
		}
	}
	return false
}

// company returns the chosen company, if any.
func (j *judgement) company() *CompanyInfo {
	if j.q == nil {
		return nil
	}
	return j.q.Company
}

// companyTerms are the company's name and the words of its notes the
// answer could use.
func (j *judgement) companyTerms() []string {
	c := j.company()
	if c == nil {
		return nil
	}
	var terms []string
	for _, list := range [][]string{c.Values, c.Products, c.Channels, c.Metrics} {
		terms = append(terms, list...)
	}
	return terms
}

// companyMentions counts the company's name and terms the answer uses.
func (j *judgement) companyMentions() int {
	c := j.company()
	if c == nil {
		return 0
	}
	n := 0
	if c.Name != "" && j.mentions(c.Name) {
		n++
	}
	for _, t := range j.companyTerms() {
		if j.mentions(t) {
			n++
		}
	}
	return n
}

// companyTermsList quotes up to n of the company's terms the answer does
// not use yet.
func (j *judgement) companyTermsList(n int) string {
	var out []string
	for _, t := range j.companyTerms() {
		if len(out) < n && !j.mentions(t) {
			out = append(out, "'"+t+"'")
		}
	}
	if len(out) == 0 {
		return "its values, products and how it supports customers"
	}
	return strings.Join(out, ", ")
}

// mentions reports whether the answer uses the words of a company term:
// at least half of its telling words, by stem ("jackets" is enough of
// "Waterproof jackets and rainwear"; words every answer uses, like
// "customer", do not count).
func (j *judgement) mentions(term string) bool {
	var want []string
	for _, st := range j.contentStems(term) {
		if !commonWords[st] {
			want = append(want, st)
		}
	}
	if len(want) == 0 {
		return false
	}
	found := 0
	for _, w := range want {
		if j.hasStem(w) {
			found++
		}
	}
	return found*2 >= len(want)
}

// commonWords are stems too common in customer-service answers to show
// that an answer is about one company.
var commonWords = map[string]bool{"customer": true, "make": true, "help": true, "time": true, "service": true,
	"support": true, "team": true, "everyone": true, "first": true, "call": true, "order": true, "own": true}

func (j *judgement) hasStem(st string) bool {
	if st == "" {
		return false
	}
	if !j.stemsMarked {
		// A bit per stem's length and first and last letters: most terms
		// asked about are not in the answer, and this tells so without a scan.
		for i := range j.an.toks {
			if w, bit := stemBit(j.an.toks[i].stem); bit != 0 {
				j.stemBits[w] |= bit
			}
		}
		j.stemsMarked = true
	}
	if w, bit := stemBit(st); j.stemBits[w]&bit == 0 {
		return false
	}
	for i := range j.an.toks {
		if j.an.toks[i].stem == st {
			return true
		}
	}
	return false
}

// stemBit is one of 1024 bits (a word of stemBits and a bit in it),
// chosen by a stem's length and first and last letters.
func stemBit(st string) (int, uint64) {
	if st == "" {
		return 0, 0
	}
	h := uint(len(st))*131 + uint(st[0])*31 + uint(st[len(st)-1])
	return int(h>>6) & 15, 1 << (h & 63)
}

// contentStems are the stems of a term's words, less short function words.
// The question's terms come back answer after answer, so each is read once.
func (j *judgement) contentStems(term string) []string {
	if v, ok := j.r.termStems.Load(term); ok {
		return v.([]string)
	}
	out := contentStems(term)
	j.r.termStems.Store(term, out)
	return out
}

func contentStems(term string) []string {
	var out []string
	for _, t := range tokenize(nil, term, nil) {
		if t.clitic || len(t.stem) < 3 || stopWords[t.word] {
			continue
		}
		out = append(out, t.stem)
	}
	return out
}

var stopWords = map[string]bool{"the": true, "and": true, "with": true, "for": true, "you": true,
	"your": true, "our": true, "are": true, "was": true, "that": true, "this": true, "from": true,
	"into": true, "about": true, "what": true, "how": true, "when": true, "why": true, "who": true,
	"did": true, "does": true, "have": true, "has": true, "had": true, "can": true, "would": true,
	"tell": true, "time": true, "describe": true, "example": true, "give": true, "they": true}

// relevanceResult is what the relevance check found.
type relevanceResult struct {
	found, want    int
	foundList      string
	missingList    string
	companyMissing string
}

// relevance counts the question's key words and competencies the answer
// uses (by stem), and with a company chosen, its terms too: each company
// term used counts as one found, up to two.
func (j *judgement) relevance() relevanceResult {
	var res relevanceResult
	// Only the first three of each list are named, so only they are quoted.
	var found, missing [3]string
	nFound, nMissing := 0, 0
	for _, list := range [2][]string{j.q.Keywords, j.q.Competencies} {
		for _, term := range list {
			stems := j.contentStems(term)
			if len(stems) == 0 {
				continue
			}
			res.want++
			hit := false
			for _, st := range stems {
				if j.hasStem(st) {
					hit = true
					break
				}
			}
			switch {
			case hit:
				res.found++
				if nFound < len(found) {
					found[nFound] = term
					nFound++
				}
			case nMissing < len(missing):
				missing[nMissing] = term
				nMissing++
			}
		}
	}
	// A relevant answer uses a few of the question's words, not all of them.
	res.want = max(1, min(res.want, 8))
	if c := j.company(); c != nil {
		used := 0
		for _, t := range j.companyTerms() {
			if used < 2 && j.mentions(t) {
				used++
				if nFound < len(found) {
					found[nFound] = t
					nFound++
				}
			}
		}
		res.found += used
		res.companyMissing = j.companyTermsList(3)
	}
	res.foundList = quoteList(found[:nFound])
	res.missingList = quoteList(missing[:nMissing])
	return res
}

// quoteList quotes terms and joins them: 'a', 'b', 'c'.
func quoteList(terms []string) string {
	if len(terms) == 0 {
		return ""
	}
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('\'')
		b.WriteString(t)
		b.WriteByte('\'')
	}
	return b.String()
}

// properNames counts capitalised words inside clauses (names of places,
// products, companies), not the first word of a sentence or "I".
func (j *judgement) properNames() int {
	n := 0
	for si := range j.an.sents {
		s := &j.an.sents[si]
		for k := s.tok0 + 1; k < s.tok1; k++ {
			t := &j.an.toks[k]
			if t.upper && t.word != "i" && !t.clitic && !t.number {
				n++
			}
		}
	}
	return n
}

// quoteClause returns the first words of clause c, in quotes.
func (j *judgement) quoteClause(c int, words int) string {
	cl := &j.an.clauses[c]
	s := j.an.sents[cl.sent].Text
	toks := j.an.toks[cl.tok0:cl.tok1]
	if len(toks) == 0 {
		return ""
	}
	end := cl.end
	cut := false
	n := 0
	for k := range toks {
		if toks[k].clitic {
			continue
		}
		n++
		if n == words && k+1 < len(toks) {
			end, cut = toks[k].end, true
			break
		}
	}
	q := strings.TrimRight(s[cl.start:end], ".,;:!? ")
	if cut {
		q += " …"
	}
	return "'" + q + "'"
}

// quoteHits counts the phrases of group g and quotes up to n distinct ones.
func (j *judgement) quoteHits(g int, n int) (int, []string) {
	if g < 0 {
		return 0, nil
	}
	count := 0
	var quotes []string
	for _, h := range j.an.hits {
		if h.group != g {
			continue
		}
		count++
		si := j.an.clauses[h.clause].sent
		s := j.an.sents[si].Text
		q := "'" + s[j.an.toks[h.tok0].start:j.an.toks[h.tok1-1].end] + "'"
		if len(quotes) < n && !contains(quotes, q) {
			quotes = append(quotes, q)
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
