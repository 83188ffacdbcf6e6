package coach

import "strings"

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func rule() string { return strings.Repeat("─", 60) }

// titleCase capitalises the first letter ("task" → "Task").
func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// shorten cuts s to at most n runes, ending with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// wrap breaks text into lines of at most width runes, keeping paragraph
// breaks. The first line starts with first, the others with rest.
func wrap(text string, width int, first, rest string) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := ""
		for _, w := range words {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, line)
	}
	for i := range out {
		switch {
		case i == 0:
			out[i] = first + out[i]
		case out[i] != "":
			out[i] = rest + out[i]
		}
	}
	return strings.Join(out, "\n")
}
