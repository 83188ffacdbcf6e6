package star

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// jsonCases are answer lines where a fast JSON decoder might part ways
// with encoding/json.
var jsonCases = []string{
	`{"text": "plain"}`,
	`{"Text": "key in another case", "QUESTION_ID": "a"}`,
	`{"text": "one", "text": "two"}`,
	`{"text": "tab\tquote\" slash\/ \u00e9 \ud83d\ude00 \u0000 end"}`,
	"{\"text\": \"bad utf-8 \xff\xfe here\"}",
	`{"text": null, "star": null}`,
	`{"star": {"situation": "s", "action": "a"}}`,
	`{"star": {}}`,
	`{"text": "t", "duration_seconds": 95, "attempt": 2, "follow_up": true, "skipped": false}`,
	`{"text": "t", "duration_seconds": 1e3}`,
	`{"text": "t", "duration_seconds": 99999999999999999999}`,
	`{"text": "t", "duration_seconds": "95"}`,
	`{"text": "t", "answered_at": "2026-11-22T10:15:03Z"}`,
	`{"text": "t", "answered_at": "2026-11-22 10:15"}`,
	`{"text": "t", "comments": [{"by": "coach", "at": "2026-11-23T09:00:00Z", "text": "good"}]}`,
	`{"text": "t", "comments": [{"txt": "x"}]}`,
	`{"text": "t", "extra": 1}`,
	`{"text": "t"} {"text": "u"}`,
	`{"text": "t",}`,
	`{"text": 5}`,
	`{"star": "not an object"}`,
	`{"text": "t"}   `,
	`{"text":"t","story":"s","company":"c","id":"i","question":"q?"}`,
}

// TestDecodeJSONAnswerAgrees: the fast path decodes every line exactly as
// encoding/json does, and fails on the same lines.
func TestDecodeJSONAnswerAgrees(t *testing.T) {
	for _, line := range jsonCases {
		checkDecodeAgrees(t, []byte(line))
	}
}

func FuzzDecodeJSONAnswer(f *testing.F) {
	for _, line := range jsonCases {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkDecodeAgrees(t, raw) })
}

func checkDecodeAgrees(t *testing.T, raw []byte) {
	t.Helper()
	var want Answer
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	wantErr := dec.Decode(&want)
	if wantErr == nil && dec.More() {
		wantErr = errMore
	}
	if len(raw) == 0 || raw[0] != '{' {
		return // refused before decoding
	}
	got, err := decodeJSONAnswer(raw, "a.jsonl", 1)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, encoding/json says %v", raw, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decoded\n%+v\nencoding/json\n%+v", raw, got, want)
	}
}

var errMore = errors.New("more than one value")
