package suggest

import "testing"

func TestDistanceAndClosest(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"look_fr", "look_for", 1}, {"questoins", "questions", 2}, {"kitten", "sitting", 3}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
	if got := Closest("promt", []string{"text", "id"}); got != "" {
		t.Errorf("Closest(promt) = %q, want none", got)
	}
	if got := Closest("catgory", []string{"id", "category", "competencies"}); got != "category" {
		t.Errorf("Closest(catgory) = %q, want category", got)
	}
}
