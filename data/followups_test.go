package data_test

import (
	"strings"
	"testing"

	"github.com/starprep/starprep/questions"
)

// Every gap an answer can have gets a follow-up that fits any story.
func TestDataGenericFollowUpsCoverEveryGap(t *testing.T) {
	t.Parallel()
	b := shippedBank(t)
	for _, gap := range questions.Gaps {
		list := b.GenericFollowUps[gap]
		if len(list) == 0 {
			t.Errorf("no generic follow-up for an answer that lacks %q", gap)
		}
		for _, fu := range list {
			if len(strings.Fields(fu)) < 4 {
				t.Errorf("%s: %q is too short to ask", gap, fu)
			}
		}
	}
}
