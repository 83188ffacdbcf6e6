package star

import "strings"

// msgVars are the values a rubric message may name ({words}, {quote}, ...).
type msgVars struct {
	words, min, max, share, i, we, quote, keywords, found, company, companyTerms string
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
	case "company":
		return v.company, true
	case "company_terms":
		return v.companyTerms, true
	}
	return "", false
}

// fill replaces {name} placeholders; unknown ones are left as they are.
func fill(msg string, vars *msgVars) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(msg[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(msg[:i])
		if v, ok := vars.get(msg[i+1 : i+j]); ok {
			b.WriteString(v)
		} else {
			b.WriteString(msg[i : i+j+1])
		}
		msg = msg[i+j+1:]
	}
	b.WriteString(msg)
	return b.String()
}
