package termtext

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, clean, line string }{
		{"plain text", "plain text", "plain text"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab", "two lines and a tab"},
		{"windows\r\nline", "windows\nline", "windows  line"},
		{"title \x1b]0;owned\x07 here", "title ␛]0;owned␇ here", "title ␛]0;owned␇ here"},
		{"clip \x1b]52;c;aGk=\x1b\\", "clip ␛]52;c;aGk=␛\\", "clip ␛]52;c;aGk=␛\\"},
		{"\x1b[2Jclear", "␛[2Jclear", "␛[2Jclear"},
		{"nul\x00byte", "nul␀byte", "nul␀byte"},
		{"csi \u009b31m", "csi <U+009B>31m", "csi <U+009B>31m"},
		{"raw \x9b byte", "raw \uFFFD byte", "raw \uFFFD byte"},
		{"evil\u202Etxt.exe", "evil<U+202E>txt.exe", "evil<U+202E>txt.exe"},
		{"iso\u2066late\u2069", "iso<U+2066>late<U+2069>", "iso<U+2066>late<U+2069>"},
		{"bom\ufeff", "bom<U+FEFF>", "bom<U+FEFF>"},
		{"over\rwrite", "over␍write", "over write"},
		{"del\x7f", "del␡", "del␡"},
		{"café 👩‍💻 ①", "café 👩‍💻 ①", "café 👩‍💻 ①"},
		{"a real \uFFFD stays", "a real \uFFFD stays", "a real \uFFFD stays"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.clean {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.clean)
		}
		if got := Line(c.in); got != c.line {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

// safe reports the first byte or rune a terminal must not get raw.
func firstUnsafe(s string) (string, bool) {
	for i, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidi(r) || r == 0xfeff {
			return s[i:min(i+8, len(s))], true
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return s[i:min(i+8, len(s))], true
			}
		}
	}
	return "", false
}

func TestWriterSplitsAndColour(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	w := NewWriter(&out)
	in := "é\x1b]0;x\x07 \u202e ok\r\n"
	// Every way of cutting the input into two writes gives the same text.
	want := Clean(in)
	for cut := 0; cut <= len(in); cut++ {
		out.Reset()
		w.Write([]byte(in[:cut]))
		w.Write([]byte(in[cut:]))
		w.Flush()
		if out.String() != want {
			t.Fatalf("cut at %d: %q, want %q", cut, out.String(), want)
		}
	}
	out.Reset()
	w.AllowColor(true)
	w.Write([]byte(Color("31", "red") + " \x1b[31mforged\x1b[0m \x1b[2J"))
	w.Flush()
	if got, want := out.String(), "\x1b[31mred\x1b[0m ␛[31mforged␛[0m ␛[2J"; got != want {
		t.Errorf("with colour: %q, want %q", got, want)
	}
	// A mark and its code cut across two writes still colour.
	out.Reset()
	c := Color("32", "green")
	for cut := 0; cut <= len(c); cut++ {
		out.Reset()
		w.Write([]byte(c[:cut]))
		w.Write([]byte(c[cut:]))
		w.Flush()
		if got := out.String(); got != "\x1b[32mgreen\x1b[0m" {
			t.Fatalf("cut at %d: %q", cut, got)
		}
	}
	out.Reset()
	w.AllowColor(false)
	w.Write([]byte(Color("31", "plain")))
	if got := out.String(); got != "plain" {
		t.Errorf("without colour: %q, want the text alone", got)
	}
}

func TestCSVCell(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
		"+SUM(A1)":           "'+SUM(A1)",
		"-2+3":               "'-2+3",
		"@SUM(1)":            "'@SUM(1)",
		"\t=1":               "' =1",
		"  =1":               "'  =1",
		"-3":                 "-3",
		"+4.5":               "+4.5",
		"plain":              "plain",
		"":                   "",
		"line\nbreak":        "line break",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"a | b":                `a \| b`,
		"<script>x</script>":   `\<script\>x\</script\>`,
		"# heading":            `\# heading`,
		"- item":               `\- item`,
		"12. numbered":         `12\. numbered`,
		"[link](javascript:x)": `\[link\](javascript:x)`,
		"*bold* and `code`":    "\\*bold\\* and \\`code\\`",
		"ticket #4821":         "ticket #4821",
		"two\nlines":           "two lines",
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeJSON(t *testing.T) {
	t.Parallel()
	v := map[string]string{"text": "a\u009bb\u202ec\x7fd\ufeff \x1b plain é"}
	raw, _ := json.Marshal(v)
	esc := EscapeJSON(raw)
	if s, bad := firstUnsafe(string(esc)); bad {
		t.Fatalf("escaped JSON still holds %q: %s", s, esc)
	}
	var back map[string]string
	if err := json.Unmarshal(esc, &back); err != nil || back["text"] != v["text"] {
		t.Fatalf("escaped JSON means something else: %v %q", err, back["text"])
	}
	plain := []byte(`{"a":"b"}`)
	if got := EscapeJSON(plain); &got[0] != &plain[0] {
		t.Error("plain JSON was copied")
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "a\x1b[2Jb", "\u202e", "\r\n\r", "\xff\xfe", "\x1b[31", "é"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		for _, out := range []string{Clean(s), Line(s)} {
			if bad, ok := firstUnsafe(out); ok {
				t.Fatalf("%q gave %q, which holds %q", s, out, bad)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("%q gave invalid UTF-8 %q", s, out)
			}
		}
		if strings.ContainsAny(Line(s), "\n\r\t") {
			t.Fatalf("Line(%q) kept a line break or tab", s)
		}
		if Clean(Clean(s)) != Clean(s) {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
		// The Writer gives what Clean gives, however the text is cut.
		var out bytes.Buffer
		w := NewWriter(&out)
		cut = min(max(cut, 0), len(s))
		w.Write([]byte(s[:cut]))
		w.Write([]byte(s[cut:]))
		w.Flush()
		if bad, ok := firstUnsafe(out.String()); ok {
			t.Fatalf("Writer passed %q of %q", bad, s)
		}
		if c := strings.TrimLeft(CSVCell(s), " "); c != "" && strings.ContainsRune("=+-@", rune(c[0])) && !isPlainNumber(c) {
			t.Fatalf("CSVCell(%q) = %q starts a formula", s, c)
		}
	})
}
