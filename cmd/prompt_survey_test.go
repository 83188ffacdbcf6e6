package cmd

import "testing"

func TestMenuFilterTakesAFirstLetter(t *testing.T) {
	menu := []string{"Next question", "Retry this question", "Details: every check and tip",
		"Example answer, for comparison", "Answer a follow-up: How did it end?", "Stop here: see the summary"}
	for filter, want := range map[string][]string{
		"d":     {"Details: every check and tip"},
		"R":     {"Retry this question"},
		"a":     {"Answer a follow-up: How did it end?"},
		"retry": {"Retry this question"},
		"sum":   {"Stop here: see the summary"},
		"x":     nil,
	} {
		var got []string
		for i, o := range menu {
			if menuFilter(filter, o, i) {
				got = append(got, o)
			}
		}
		if len(got) != len(want) || (len(got) == 1 && got[0] != want[0]) {
			t.Errorf("typing %q leaves %q, want %q", filter, got, want)
		}
	}
}
