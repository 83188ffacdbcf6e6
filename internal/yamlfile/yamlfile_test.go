package yamlfile

import (
	"strings"
	"testing"
	"time"
)

func TestDocumentsBoundsNestingAndAliases(t *testing.T) {
	t.Parallel()
	laughs := "a: &a [x,x,x,x,x,x,x,x,x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		laughs += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",") + "]\n"
		prev = n
	}
	long := "t: &t " + strings.Repeat("word ", 20000) + "\nl: [" + strings.TrimSuffix(strings.Repeat("*t,", 500), ",") + "]\n"
	for name, c := range map[string]struct {
		text string
		line int
	}{
		"billion laughs":        {laughs, 2},
		"a long text 500 times": {long, 2},
		"nested 100 deep":       {"x: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", 1},
	} {
		start := time.Now()
		_, err := Documents([]byte(c.text), "f.yaml")
		e, ok := err.(*Error)
		if !ok || e.Problems[0].Line != c.line {
			t.Errorf("%s: %v, want a problem on line %d", name, err, c.line)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
	}
	// Aliases a person writes (a list used twice) are fine.
	if _, err := Documents([]byte("base: &b [calm, listen]\nagain: *b\nmore: *b\n"), "f.yaml"); err != nil {
		t.Errorf("a modest alias: %v", err)
	}
}
