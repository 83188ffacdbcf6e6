package star_test

import (
	"testing"

	"github.com/starprep/starprep/star"
)

func TestSummarize(t *testing.T) {
	mk := func(score int, band string, found ...string) star.Result {
		r := star.Result{Score: score, Band: band, Components: star.ComponentMap{}, Checks: []star.Check{{ID: "length", OK: score > 50}}}
		for _, c := range found {
			r.Components[c] = star.Component{Present: true, Score: score}
		}
		return r
	}
	s := star.Summarize([]star.Result{
		mk(90, star.BandStrong, "situation", "task", "action", "result"),
		mk(40, star.BandIncomplete, "action"),
		mk(70, star.BandGood, "situation", "action", "result"),
	}, 60)
	if s.Answers != 3 || s.Min != 40 || s.Max != 90 || s.Median != 70 || s.Mean != 66.7 {
		t.Errorf("answers %d min %d max %d median %v mean %v; want 3, 40, 90, 70, 66.7", s.Answers, s.Min, s.Max, s.Median, s.Mean)
	}
	if s.BelowMin != 1 || s.Bands[star.BandStrong] != 1 || s.Bands[star.BandNeedsWork] != 0 {
		t.Errorf("below min %d, bands %v", s.BelowMin, s.Bands)
	}
	if s.Parts["action"].Found != 1 || s.Parts["task"].Found < 0.33 || s.Parts["task"].Found > 0.34 {
		t.Errorf("parts found: %+v", s.Parts)
	}
	if s.FailedChecks["length"] != 1 {
		t.Errorf("failed checks %v, want length: 1", s.FailedChecks)
	}
	if empty := star.Summarize(nil, 0); empty.Answers != 0 || len(empty.Bands) != 4 {
		t.Errorf("empty summary: %+v", empty)
	}
}
