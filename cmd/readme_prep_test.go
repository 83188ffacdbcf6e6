package cmd

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/questions"
)

// The README's examples of the preparation files must be files starprep
// accepts.
func TestReadmePreparationExamplesParse(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	parsers := map[string]func(b []byte) error{
		"name: Acme":      func(b []byte) error { _, err := questions.ParseCompany(b, "README company notes"); return err },
		"id: queue-storm": func(b []byte) error { _, err := questions.ParseStory(b, "README story"); return err },
		"version: 1\nstrengths:": func(b []byte) error {
			_, err := coach.ParseChecklistProgress(b, "README checklist progress")
			return err
		},
	}
	found := map[string]bool{}
	for _, m := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(raw), -1) {
		for start, parse := range parsers {
			if strings.HasPrefix(m[1], start) {
				found[start] = true
				if err := parse([]byte(m[1])); err != nil {
					t.Errorf("the README example starting %q does not parse:\n%v", start, err)
				}
			}
		}
	}
	for start := range parsers {
		if !found[start] {
			t.Errorf("no README example starting %q", start)
		}
	}
}
