package star

import "strings"

// SplitParts cuts a free-text answer into the four STAR parts, in reading
// order and keeping every word: each clause goes to the part the scorer
// hears it as, except that a clause that steps back to an earlier part
// (or belongs to none) stays with the part before it. It is how an answer
// becomes a story's four fields. A structured answer comes back as it is.
func SplitParts(r *Rubric, a Answer) Parts {
	if a.STAR != nil && strings.TrimSpace(a.STAR.Situation+a.STAR.Task+a.STAR.Action+a.STAR.Result) != "" {
		return *a.STAR
	}
	an := read(r, Answer{Text: a.Text})
	an.tag(r.tagger)
	defer an.release()
	type piece struct{ sent, start, end int }
	var fields [4][]piece
	cur := 0
	for c := range an.clauses {
		cl := &an.clauses[c]
		if p := cl.part; p < clsNone && p > cur {
			cur = p
		}
		f := fields[cur]
		if k := len(f); k > 0 && f[k-1].sent == cl.sent {
			f[k-1].end = cl.end // the next clause of the same sentence, as written
			continue
		}
		fields[cur] = append(f, piece{cl.sent, cl.start, cl.end})
	}
	var out [4]string
	for i, f := range fields {
		texts := make([]string, len(f))
		for k, p := range f {
			texts[k] = an.sents[p.sent].Text[p.start:p.end]
		}
		out[i] = strings.Join(texts, " ")
	}
	return Parts{Situation: out[0], Task: out[1], Action: out[2], Result: out[3]}
}
