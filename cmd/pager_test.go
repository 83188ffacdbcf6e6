package cmd

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestScreenRowsCountsWhatTheScreenShows(t *testing.T) {
	text := "short\n" + strings.Repeat("x", 25) + "\n\x1b[31mred\x1b[0m\n"
	rows := screenRows(text, 10)
	if len(rows) != 5 || rows[0] != "short" || rows[1] != strings.Repeat("x", 10) || rows[3] != "xxxxx" || !strings.Contains(rows[4], "red") {
		t.Errorf("rows = %q, want a row per 10 columns and escape codes taking no room", rows)
	}
}

func TestMoreLineKeys(t *testing.T) {
	for key, want := range map[tea.KeyPressMsg]int{
		{Code: tea.KeySpace, Text: " "}: moreScreen,
		{Code: tea.KeyEnter}:            moreLine,
		{Code: 'q', Text: "q"}:          moreDone,
		{Code: tea.KeyEscape}:           moreDone,
		{Code: 'c', Mod: tea.ModCtrl}:   moreStop,
	} {
		m, cmd := moreModel{shown: 10, total: 40}.Update(key)
		if got := m.(moreModel); !got.answered || got.key != want || cmd == nil {
			t.Errorf("%s: answered %v, key %d, want %d and the line to close", key, got.answered, got.key, want)
		}
		if v := m.(moreModel).View(); v.Content != "" {
			t.Errorf("%s: the more line stays on the screen: %q", key, v.Content)
		}
	}
	m, _ := moreModel{shown: 10, total: 40}.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if m.(moreModel).answered || !strings.Contains(m.(moreModel).View().Content, "more (25%)") {
		t.Errorf("another key closed the more line: %+v", m)
	}
}
