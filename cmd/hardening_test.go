//go:build linux

package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/starprep/starprep/data"
	"golang.org/x/text/encoding/unicode"
)

// The table of bad inputs and faults (issue 11): files that are hostile,
// huge, in the wrong encoding or not files at all, and processes that get
// in each other's way. Each runs the real binary and checks what a person
// would notice: the exit code, that the message names the file (and the
// line), that no panic trace is printed, that no control byte of the input
// reaches the output, and that the files in the home are as they were.

// escapes is text a hostile file might hold: a window title (OSC 0), a
// clipboard write (OSC 52), clear screen, a colour, C1 CSI as UTF-8 and as
// a raw byte, a bidi override, NUL-free so that YAML accepts it quoted.
const escapes = `\e]0;owned\a \e]52;c;aGk=\a \e[2J \e[31m \u009b31m \u202e`

// badCase is one row of the table.
type badCase struct {
	name  string
	issue int // the issue's finding (1-13) it covers, or 0
	// files are written under the work folder before the run ("home/..."
	// is the user's data folder); setup may add FIFOs and links.
	files map[string]string
	setup func(t *testing.T, dir string)
	args  []string // "{dir}" is replaced by the work folder
	stdin string
	// signal, when set, is sent once the command has started.
	signal syscall.Signal
	code   int
	// names is what the message must name: the file, and its line.
	names []string
	// out must be in stdout (or stderr), notOut must not.
	out, notOut []string
	// writes: the command may change the home (atomically).
	writes bool
}

func TestHardeningBadInputs(t *testing.T) {
	bin := buildBinary(t)
	rubric := string(data.Rubric)
	utf16le := func(s string, bom bool) string {
		p := unicode.IgnoreBOM
		if bom {
			p = unicode.UseBOM
		}
		b, _ := unicode.UTF16(unicode.LittleEndian, p).NewEncoder().Bytes([]byte(s))
		return string(b)
	}
	answer := "question_id: shouting-customer\ntext: Last May a caller shouted about a late parcel. I listened, traced it in the courier portal and rebooked it. I called her back the next day and she thanked me.\n"
	jsonAnswer := `{"question_id": "shouting-customer", "text": "Last May a caller shouted. I listened, traced the parcel and rebooked it; she thanked me."}`
	session := func(id, extra string) string {
		return "id: " + id + "\nstarted_at: 2026-11-22T10:15:03Z\nmode: free\nquestion_ids: [shouting-customer]\nnext: 1\nfinished: true\n" + extra +
			"answers:\n  - question_id: shouting-customer\n    text: I listened, traced the parcel and called her back the next day.\n"
	}
	evilBank := "version: 1\nquestions:\n  - id: evil-q\n    text: \"Hi " + escapes + " there\"\n    category: situational\n    competencies: [empathy]\n    difficulty: 2\n"
	mkfifo := func(rel string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, rel)
			os.MkdirAll(filepath.Dir(p), 0o700)
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	link := func(target, rel string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, rel)
			os.MkdirAll(filepath.Dir(p), 0o700)
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
		}
	}
	sparse := func(rel string, size int64) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(size); err != nil {
				t.Fatal(err)
			}
		}
	}
	aliasAnswers := func() string {
		var b strings.Builder
		b.WriteString("- question_id: shouting-customer\n  text: &t " + strings.Repeat("I listened to the caller and fixed it. ", 400) + "\n")
		for i := 0; i < 5000; i++ {
			fmt.Fprintf(&b, "- {question_id: shouting-customer, text: *t}\n")
		}
		return b.String()
	}()
	manyAnswers := strings.Repeat(jsonAnswer+"\n", 10001)
	cases := []badCase{
		// 1: two processes, one session id (TestHardeningTwoProcesses has the race itself).
		{name: "a second --resume of a session another process is answering", issue: 1,
			files: map[string]string{"home/sessions/20261122-101503.yaml": strings.Replace(session("20261122-101503", ""), "finished: true", "finished: false", 1)},
			args:  []string{"sessions", "remove", "20261122-101503", "--yes"}, setup: holdSessionLock("20261122-101503"),
			code: 1, names: []string{"session 20261122-101503", "process"}},
		// 2: a home that is a file.
		{name: "home is a file: stories add", issue: 2, files: map[string]string{"homefile": "not a folder\n", "story.yaml": "id: late\ntitle: Late parcel\ncompetencies: [empathy]\nstar: {situation: s, task: t, action: a, result: r}\n"},
			args: []string{"--home", "{dir}/homefile", "stories", "add", "--from", "{dir}/story.yaml"}, code: 1, names: []string{"homefile"}},
		{name: "home is a file: progress", issue: 2, files: map[string]string{"homefile": "x\n"},
			args: []string{"--home", "{dir}/homefile", "progress"}, code: 0, names: []string{"homefile"}},
		// 3: rubric aliases.
		{name: "rubric with cues aliasing checks", issue: 3, files: map[string]string{"r.yaml": "version: 2\nchecks: &x [{id: a}]\ncues: *x\n"},
			args: []string{"score", "--rubric", "{dir}/r.yaml", "-"}, stdin: "I listened.", code: 3, names: []string{"r.yaml:2"}},
		{name: "full rubric whose checks alias its cues", issue: 3, files: map[string]string{"r.yaml": strings.Replace(strings.Replace(rubric, "\ncues:", "\ncues: &c", 1), "\nchecks:", "\nchecks: *c\nunused:", 1)},
			args: []string{"score", "--rubric", "{dir}/r.yaml", "-"}, stdin: "I listened.", code: 3, names: []string{"r.yaml:"}},
		{name: "rubric billion laughs", issue: 3, files: map[string]string{"r.yaml": "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"},
			args: []string{"review", "--rubric", "{dir}/r.yaml", "-"}, stdin: jsonAnswer, code: 3, names: []string{"r.yaml:2"}},
		// 4: escape sequences from files.
		{name: "question text with escapes: questions show", issue: 4, files: map[string]string{"bank.yaml": evilBank},
			args: []string{"--bank", "{dir}/bank.yaml", "questions", "show", "evil-q"}, code: 0, out: []string{"␛]0;owned", "<U+202E>"}},
		{name: "question text with escapes: questions list csv", issue: 4, files: map[string]string{"bank.yaml": evilBank},
			args: []string{"--bank", "{dir}/bank.yaml", "questions", "list", "--format", "csv"}, code: 0, out: []string{"evil-q"}},
		{name: "question text with escapes: questions list markdown", issue: 4, files: map[string]string{"bank.yaml": evilBank},
			args: []string{"--bank", "{dir}/bank.yaml", "questions", "list", "--format", "markdown"}, code: 0, out: []string{"evil-q"}},
		{name: "answer ids with escapes: score", issue: 4, files: map[string]string{"a.yaml": "id: \"x" + escapes + "\"\nquestion_id: \"q" + escapes + "\"\ntext: I listened and fixed it.\n"},
			args: []string{"score", "{dir}/a.yaml"}, code: 0, out: []string{"Score:"}},
		{name: "answer ids with escapes: review csv", issue: 4, files: map[string]string{"a.yaml": "id: \"x" + escapes + "\"\nquestion_id: \"q" + escapes + "\"\ntext: I listened and fixed it.\n"},
			args: []string{"review", "{dir}/a.yaml", "--format", "csv"}, code: 0, out: []string{"␛]0;owned"}},
		{name: "answer with escapes: review markdown and html", issue: 4, files: map[string]string{"a.yaml": "question_id: \"q" + escapes + "\"\ntext: \"I listened " + escapes + " and fixed it.\"\n"},
			args: []string{"review", "{dir}/a.yaml", "--format", "html"}, code: 0, out: []string{"&lt;U+202E&gt;"}},
		{name: "answer with escapes: review json", issue: 4, files: map[string]string{"a.yaml": "question_id: shouting-customer\ntext: \"I listened " + escapes + " and fixed it.\"\n"},
			args: []string{"review", "{dir}/a.yaml", "--format", "json"}, code: 0, out: []string{`\u202e`, `\u001b]0;`}},
		{name: "company name with escapes: company list", issue: 4, files: map[string]string{"home/companies/acme.yaml": "name: \"Acme" + escapes + "\"\nslug: acme\n"},
			args: []string{"company", "list"}, code: 0, out: []string{"acme"}},
		{name: "session fields with escapes: progress", issue: 4, files: map[string]string{"home/sessions/20261122-101503.yaml": session("20261122-101503", "company: \"x"+escapes+"\"\n")},
			args: []string{"progress"}, code: 0},
		{name: "file name with escapes: review", issue: 4, files: map[string]string{"d/\x1b]0;owned\a.yaml": answer},
			args: []string{"review", "{dir}/d"}, code: 0, out: []string{"␛]0;owned␇.yaml"}},
		// 5: devices and huge files.
		{name: "review /dev/zero", issue: 5, args: []string{"review", "/dev/zero"}, code: 1, names: []string{"/dev/zero"}},
		{name: "score /dev/zero", issue: 5, args: []string{"score", "/dev/zero"}, code: 1, names: []string{"/dev/zero"}},
		{name: "--bank /dev/zero", issue: 5, args: []string{"--bank", "/dev/zero", "questions", "list"}, code: 1, names: []string{"/dev/zero"}},
		{name: "--rubric /dev/zero", issue: 5, args: []string{"score", "--rubric", "/dev/zero", "-"}, stdin: "I listened.", code: 1, names: []string{"/dev/zero"}},
		{name: "coach set --exclude /dev/zero", issue: 5, args: []string{"coach", "set", "--count", "2", "--exclude", "/dev/zero"}, code: 1, names: []string{"/dev/zero"}},
		{name: "a 200 MB answer file", issue: 5, setup: sparse("big.jsonl", 200<<20), args: []string{"review", "{dir}/big.jsonl"}, code: 3, names: []string{"big.jsonl"}},
		{name: "a 17 MB answer file for score", issue: 5, files: map[string]string{"big.yaml": "text: " + strings.Repeat("word ", 17<<18) + "\n"}, args: []string{"score", "{dir}/big.yaml"}, code: 3, names: []string{"big.yaml"}},
		{name: "an answer of 70 KiB", issue: 5, files: map[string]string{"long.txt": strings.Repeat("I listened. ", 6000)}, args: []string{"score", "{dir}/long.txt"}, code: 3, names: []string{"long.txt"}},
		// 6: FIFOs.
		{name: "a FIFO in a reviewed folder", issue: 6, files: map[string]string{"d/a.yaml": answer}, setup: mkfifo("d/pipe.yaml"), args: []string{"review", "{dir}/d"}, code: 1, names: []string{"pipe.yaml"}},
		{name: "a FIFO in a reviewed folder, --skip-invalid", issue: 6, files: map[string]string{"d/a.yaml": answer}, setup: mkfifo("d/pipe.yaml"), args: []string{"review", "{dir}/d", "--skip-invalid"}, code: 0, names: []string{"pipe.yaml"}, out: []string{"a.yaml"}},
		{name: "a FIFO in the sessions folder: progress", issue: 6, files: map[string]string{"home/sessions/20261122-101503.yaml": session("20261122-101503", "")}, setup: mkfifo("home/sessions/20261123-090000.yaml"), args: []string{"progress"}, code: 0, names: []string{"20261123-090000.yaml"}},
		{name: "a FIFO in the sessions folder: sessions list", issue: 6, setup: mkfifo("home/sessions/20261123-090000.yaml"), args: []string{"sessions", "list"}, code: 0, names: []string{"20261123-090000.yaml"}},
		{name: "a FIFO as company notes", issue: 6, setup: mkfifo("home/companies/acme.yaml"), args: []string{"company", "list"}, code: 3, names: []string{"acme.yaml"}},
		// 7: alias expansion.
		{name: "answers whose aliases expand one text 5000 times", issue: 7, files: map[string]string{"a.yaml": aliasAnswers}, args: []string{"review", "{dir}/a.yaml", "--format", "jsonl"}, code: 3, names: []string{"a.yaml:3"}},
		// 8: CSV formulas.
		{name: "a formula in a review csv cell", issue: 8, files: map[string]string{"a.yaml": "id: \"=cmd|' /C calc'!A0\"\nquestion_id: \"+SUM(A1)\"\ntext: I listened.\n"}, args: []string{"review", "{dir}/a.yaml", "--format", "csv"}, code: 0, out: []string{`'=cmd|`, `'+SUM(A1)`}},
		{name: "a formula in a question csv cell", issue: 8, files: map[string]string{"bank.yaml": "version: 1\nquestions:\n  - id: f\n    text: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n    category: technical\n    competencies: [crm-tools]\n    difficulty: 1\n"},
			args: []string{"--bank", "{dir}/bank.yaml", "questions", "list", "--format", "csv"}, code: 0, out: []string{`'@SUM(1+1)`}},
		// 9: links out of a reviewed folder.
		{name: "a link to /etc/passwd in a reviewed folder", issue: 9, files: map[string]string{"d/a.yaml": answer}, setup: link("/etc/passwd", "d/p.yaml"), args: []string{"review", "{dir}/d", "--format", "json"}, code: 0, names: []string{"p.yaml"}, notOut: []string{"root:"}},
		{name: "a session that links to /etc/shadow", issue: 9, setup: link("/etc/shadow", "home/sessions/20261122-101503.yaml"), args: []string{"sessions", "list"}, code: 0, names: []string{"20261122-101503.yaml"}, notOut: []string{"root:"}},
		// 10: long lines and links that go nowhere.
		{name: "a JSON line over 1 MiB", issue: 10, files: map[string]string{"a.jsonl": jsonAnswer + "\n" + `{"text": "` + strings.Repeat("x", 2<<20) + "\"}\n" + jsonAnswer + "\n"}, args: []string{"review", "{dir}/a.jsonl"}, code: 3, names: []string{"a.jsonl:2"}},
		{name: "a JSON line over 1 MiB, --skip-invalid keeps the next line", issue: 10, files: map[string]string{"a.jsonl": jsonAnswer + "\n" + `{"text": "` + strings.Repeat("x", 2<<20) + "\"}\n" + jsonAnswer + "\n"}, args: []string{"review", "{dir}/a.jsonl", "--skip-invalid", "--format", "jsonl"}, code: 0, names: []string{"a.jsonl:2"}, out: []string{"a.jsonl#3"}},
		{name: "a link loop and a dangling link, --skip-invalid", issue: 10, files: map[string]string{"d/a.yaml": answer}, setup: func(t *testing.T, dir string) {
			link("loop.yaml", "d/loop.yaml")(t, dir)
			link("gone.json", "d/dangling.json")(t, dir)
			link("..", "d/sub/up")(t, dir)
		}, args: []string{"review", "{dir}/d", "--skip-invalid"}, code: 0, names: []string{"loop.yaml", "dangling.json", "sub/up"}},
		{name: "a link loop stops a review", issue: 10, setup: link("loop.yaml", "d/loop.yaml"), args: []string{"review", "{dir}/d"}, code: 1, names: []string{"loop.yaml"}},
		// 11: signals stop a command that waits for input.
		{name: "SIGTERM while score waits on a pipe", issue: 11, args: []string{"score", "-"}, signal: syscall.SIGTERM, code: 143, names: []string{"SIGTERM"}},
		{name: "SIGINT while review waits on a pipe", issue: 11, args: []string{"review", "-"}, signal: syscall.SIGINT, code: 130, names: []string{"interrupted"}},
		// 12: encodings.
		{name: "a UTF-16 answer with a byte-order mark", issue: 12, files: map[string]string{"a.yaml": utf16le(answer, true)}, args: []string{"score", "{dir}/a.yaml", "--format", "json"}, code: 0, out: []string{`"words": 31,`, `"Last May a caller shouted about a late parcel."`}},
		{name: "a UTF-16 text answer without one", issue: 12, files: map[string]string{"a.txt": utf16le("Last May a caller shouted. I listened and rebooked the parcel.", false)}, args: []string{"score", "{dir}/a.txt", "--format", "json"}, code: 0, out: []string{`"words": 11,`}},
		{name: "a byte-order mark in JSON", issue: 12, files: map[string]string{"a.json": "\ufeff" + jsonAnswer}, args: []string{"review", "{dir}/a.json", "--format", "jsonl"}, code: 0, out: []string{`"source":`}},
		{name: "a byte-order mark in JSON lines", issue: 12, files: map[string]string{"a.jsonl": "\ufeff" + jsonAnswer + "\n"}, args: []string{"review", "{dir}/a.jsonl", "--format", "jsonl"}, code: 0, out: []string{`"source":`}},
		{name: "a byte-order mark in a question bank", issue: 12, files: map[string]string{"bank.yaml": "\ufeffversion: 1\nquestions:\n  - id: bom-q\n    text: Why this job?\n    category: motivation\n    competencies: [motivation]\n    difficulty: 1\n"}, args: []string{"questions", "validate", "{dir}/bank.yaml"}, code: 0},
		{name: "UTF-32 is refused", issue: 12, files: map[string]string{"a.yaml": "\xff\xfe\x00\x00q\x00\x00\x00"}, args: []string{"score", "{dir}/a.yaml"}, code: 3, names: []string{"a.yaml", "UTF-32"}},
		// 13: a full disk (TestHardeningFullDisk has the interview itself).
		{name: "a story saved into a full home", issue: 13, files: map[string]string{"story.yaml": "id: late\ntitle: Late parcel\ncompetencies: [empathy]\nstar: {situation: s, task: t, action: a, result: r}\n"},
			setup: fullHome, args: []string{"stories", "add", "--from", "{dir}/story.yaml"}, code: 1, names: []string{"late.yaml", "no space left"}},
		// Other bad inputs.
		{name: "an empty answer file", files: map[string]string{"a.yaml": ""}, args: []string{"score", "{dir}/a.yaml"}, code: 3, names: []string{"a.yaml"}},
		{name: "a binary answer file", files: map[string]string{"a.yaml": "text: hi\x00\x01\x02\n"}, args: []string{"score", "{dir}/a.yaml"}, code: 3, names: []string{"a.yaml:1", "NUL"}},
		{name: "YAML nested 100 deep", files: map[string]string{"a.yaml": "text: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"}, args: []string{"score", "{dir}/a.yaml"}, code: 3, names: []string{"a.yaml:1"}},
		{name: "a YAML syntax error", files: map[string]string{"bank.yaml": "version: 1\nquestions:\n  - id: x\n    text: [unclosed\n"}, args: []string{"questions", "validate", "{dir}/bank.yaml"}, code: 3, names: []string{"bank.yaml:"}},
		{name: "an unknown field in a bank", files: map[string]string{"bank.yaml": "version: 1\nquestions:\n  - id: x\n    txet: hi\n"}, args: []string{"--bank", "{dir}/bank.yaml", "questions", "list"}, code: 3, names: []string{"bank.yaml:4"}},
		{name: "a JSON file cut short", files: map[string]string{"a.json": "[" + jsonAnswer + ",\n{\"text\": \"I"}, args: []string{"review", "{dir}/a.json"}, code: 3, names: []string{"a.json:2"}},
		{name: "one JSON value of 5 MiB", files: map[string]string{"a.json": `[{"text": "` + strings.Repeat("x", 5<<20) + `"}]`}, args: []string{"review", "{dir}/a.json"}, code: 3, names: []string{"a.json:1"}},
		{name: "a 5 MiB YAML file with no newline", files: map[string]string{"a.yaml": "- text: " + strings.Repeat("x", 5<<20)}, args: []string{"review", "{dir}/a.yaml"}, code: 3, names: []string{"a.yaml:1"}},
		{name: "10001 answers for score", files: map[string]string{"a.jsonl": manyAnswers}, args: []string{"score", "{dir}/a.jsonl"}, code: 3, names: []string{"a.jsonl:10001"}},
		{name: "a broken session file", files: map[string]string{"home/sessions/20261122-101503.yaml": "id: [\n"}, args: []string{"sessions", "list"}, code: 0, names: []string{"20261122-101503.yaml:"}},
		{name: "company notes whose slug is not their name", files: map[string]string{"home/companies/acme.yaml": "name: Acme\nslug: other\n"}, args: []string{"company", "show", "acme"}, code: 3, names: []string{"acme.yaml:2"}},
		{name: "broken checklist progress", files: map[string]string{"home/checklist.yaml": "version: 1\nticked: [\n"}, args: []string{"checklist", "status"}, code: 3, names: []string{"checklist.yaml:"}},
		{name: "a story file too big", files: map[string]string{"home/stories/big.yaml": "id: big\ntitle: " + strings.Repeat("x", 5<<20) + "\n"}, args: []string{"stories", "list"}, code: 3, names: []string{"big.yaml"}},
		{name: "stdin of 20 MB of prose", stdin: strings.Repeat("I listened. ", 20<<17), args: []string{"score", "-"}, code: 3, names: []string{"stdin"}},
		{name: "a version 1 rubric", files: map[string]string{"r.yaml": "version: 1\n"}, args: []string{"score", "--rubric", "{dir}/r.yaml", "-"}, stdin: "I listened.", code: 3, names: []string{"r.yaml:1"}},
		{name: "path traversal in --company", args: []string{"brief", "--company", "../../etc/passwd"}, code: 2, names: []string{"../../etc/passwd"}},
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	covered := map[int]bool{}
	for _, c := range cases {
		covered[c.issue] = true
	}
	for i := 1; i <= 13; i++ {
		if !covered[i] {
			t.Errorf("finding %d of the issue has no case", i)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			home := filepath.Join(dir, "home")
			if err := os.MkdirAll(home, 0o700); err != nil {
				t.Fatal(err)
			}
			for rel, content := range c.files {
				p := filepath.Join(dir, rel)
				if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			before := snapshot(t, home)
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "{dir}", dir)
			}
			stdout, stderr, code := runBinary(t, bin, home, args, c.stdin, c.signal)
			all := stdout + stderr
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %.2000s\nstderr: %.2000s", code, c.code, stdout, stderr)
			}
			for _, n := range c.names {
				if !strings.Contains(stderr, strings.ReplaceAll(n, "{dir}", dir)) && !strings.Contains(stdout, n) {
					t.Errorf("the message does not name %q:\n%.2000s", n, stderr)
				}
			}
			for _, o := range c.out {
				if !strings.Contains(all, o) {
					t.Errorf("the output lacks %q:\n%.3000s", o, all)
				}
			}
			for _, o := range c.notOut {
				if strings.Contains(all, o) {
					t.Errorf("the output has %q", o)
				}
			}
			if strings.Contains(all, "panic:") || strings.Contains(all, "goroutine ") {
				t.Errorf("a panic trace was printed:\n%.3000s", all)
			}
			if bad, ok := unsafeBytes(all); ok {
				t.Errorf("a control byte of the input reached the output: %q in\n%.2000s", bad, all)
			}
			if after := snapshot(t, home); !c.writes && !sameFiles(before, after) {
				t.Errorf("the home changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// runBinary runs starprep in home; a signal, when given, is sent once it
// has started (and the input stays open until then).
func runBinary(t *testing.T, bin, home string, args []string, stdin string, sig syscall.Signal) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = []string{"HOME=" + home, "STARPREP_HOME=" + home, "NO_COLOR=1", "PATH=" + os.Getenv("PATH")}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	var w *os.File
	if sig != 0 {
		r, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdin, w = r, pw
		defer pw.Close()
		defer r.Close()
	} else {
		cmd.Stdin = strings.NewReader(stdin)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if sig != 0 {
		time.Sleep(300 * time.Millisecond)
		_ = cmd.Process.Signal(sig)
	}
	err := cmd.Wait()
	_ = w
	if ctx.Err() != nil {
		t.Fatalf("%v did not finish in 30s (killed)", args)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// unsafeBytes finds what a terminal must not get raw: C0 controls other
// than newline and tab, DEL, C1 controls, bidi controls, bytes that are not
// UTF-8.
func unsafeBytes(s string) (string, bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		bad := (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) ||
			r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			(r == utf8.RuneError && size == 1)
		if bad {
			return s[max(0, i-20):min(len(s), i+10)], true
		}
		i += size
	}
	return "", false
}

// fileState is what snapshot keeps of one file.
type fileState struct {
	mode fs.FileMode
	sum  [32]byte
	link string
}

// snapshot records every file, folder and link under dir (the home's lock
// files aside, which a command may create and whose contents mean nothing).
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == ".lock" || rel == ".locks" || strings.HasPrefix(rel, ".locks/") {
			return nil
		}
		info, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		st := fileState{mode: info.Mode()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			st.link, _ = os.Readlink(p)
		case info.Mode().IsRegular():
			raw, _ := os.ReadFile(p)
			st.sum = sha256.Sum256(raw)
		}
		out[rel] = st
		return nil
	})
	return out
}

func sameFiles(a, b map[string]fileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// holdSessionLock starts a helper that holds the lock of session id, as
// an interview answering it would, for the length of the test.
func holdSessionLock(id string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		c := helper(t, "hold-lock", filepath.Join(dir, "home"), "STARPREP_HELPER_LOCK=.locks/session-"+id+".lock")
		startHelper(t, c)
	}
}

// startHelper starts a helper that takes a lock and waits until it says so.
func startHelper(t *testing.T, c *exec.Cmd) {
	t.Helper()
	out, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Process.Kill(); _ = c.Wait() })
	buf := make([]byte, 16)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "locked") {
		t.Fatalf("the helper did not take the lock: %q", buf[:n])
	}
}

var _ = json.Valid
