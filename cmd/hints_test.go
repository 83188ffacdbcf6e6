package cmd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Every hint and message that tells the user to run `starprep ...` must name
// a command that exists, with flags that exist. This walks the string
// literals of every non-test Go file and the embedded YAML data, and checks
// each mention against a fresh command tree.

// mention is one "starprep ..." found in a source.
type mention struct {
	where string // file:line
	text  string // from "starprep" to the end of the mention
}

// mentionRe finds "starprep" followed by the rest of the line. The mention
// ends at a backtick, a quote or the end of the line (cut below).
var mentionRe = regexp.MustCompile(`\bstarprep( [^\n]*)`)

func mentionsIn(text, where string, lineOf func(off int) int) []mention {
	var out []mention
	for _, m := range mentionRe.FindAllStringSubmatchIndex(text, -1) {
		rest := text[m[2]:m[3]]
		if i := strings.IndexAny(rest, "`\"'<"); i >= 0 {
			rest = rest[:i]
		}
		out = append(out, mention{where: where + ":" + strconv.Itoa(lineOf(m[0])), text: "starprep" + rest})
	}
	return out
}

// goMentions reads the string literals of the Go files under root.
func goMentions(t *testing.T, root string) []mention {
	t.Helper()
	var out []mention
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			pos := fset.Position(lit.Pos())
			out = append(out, mentionsIn(s, pos.Filename, func(off int) int { return pos.Line + strings.Count(s[:off], "\n") })...)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// yamlMentions reads the shipped data files.
func yamlMentions(t *testing.T, dir string) []mention {
	t.Helper()
	var out []mention
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	more, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	for _, path := range append(files, more...) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(raw)
		out = append(out, mentionsIn(s, path, func(off int) int { return strings.Count(s[:off], "\n") + 1 })...)
	}
	return out
}

// readmeMentions reads the README's commands: lines of code blocks and
// spans in backticks.
func readmeMentions(t *testing.T, path string) []mention {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []mention
	inCode := false
	for i, line := range strings.Split(string(raw), "\n") {
		where := path + ":" + strconv.Itoa(i+1)
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if inCode {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "$ "); ok && strings.HasPrefix(rest, "starprep ") {
				rest, _, _ = strings.Cut(rest, " #") // a comment after the command
				out = append(out, mention{where: where, text: rest})
			}
			continue
		}
		for _, m := range regexp.MustCompile("`(starprep [^`]+)`").FindAllStringSubmatch(line, -1) {
			out = append(out, mention{where: where, text: m[1]})
		}
	}
	return out
}

// placeholderRe is a word standing for a value: FILE, SLUG, ID, SESSION#N,
// <id>, ANSWERS_DIR, %s.
var placeholderRe = regexp.MustCompile(`^(?:[A-Z][A-Z0-9_#]*|<[^>]+>|%[sdvq]|\[.*\])$`)

// proseWords may follow "starprep" when a sentence talks about the tool
// rather than naming a command ("starprep reads version 1"). A new sentence
// of that kind adds its verb here; a misspelt command never should.
var proseWords = map[string]bool{
	"gets": true, "or": true, "reads": true, "does": true, "bank": true, "command": true,
	"mock": true, "preparation": true, "question": true, "{{.Version}}": true,
}

// checkMention walks the command path of a mention and returns what is
// wrong with it, or "".
func checkMention(root *cobra.Command, text string) string {
	words := strings.Fields(strings.TrimPrefix(text, "starprep"))
	cmd := root
	positional := 0
	for i := 0; i < len(words); i++ {
		w := strings.TrimRight(words[i], ".,;:)!?")
		trailing := w != words[i]
		if w == "" || w == "|" || w == "||" || w == "&&" || w == ">" || w == "#" || strings.HasPrefix(w, "(") {
			return ""
		}
		if cmd == root && positional == 0 && (proseWords[w] || placeholderRe.MatchString(w)) {
			return "" // prose, or "starprep <command> --help"
		}
		if w == "--help" || w == "-h" {
			continue
		}
		if strings.HasPrefix(w, "-") && strings.Trim(w, "-),.") != "" { // a lone "-" is standard input
			name, _, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
			var fl *pflag.Flag
			for c := cmd; c != nil && fl == nil; c = c.Parent() {
				for _, set := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
					if fl != nil || (c != cmd && set == c.Flags()) {
						continue
					}
					if strings.HasPrefix(w, "--") {
						fl = set.Lookup(name)
					} else if len(name) == 1 {
						fl = set.ShorthandLookup(name)
					}
				}
			}
			if fl == nil {
				return "no flag " + w + " on " + cmd.CommandPath()
			}
			if !hasValue && fl.NoOptDefVal == "" && !trailing {
				i++ // the flag's value
			}
		} else if sub := findSub(cmd, w); sub != nil && positional == 0 {
			cmd = sub
		} else {
			if cmd == root {
				return "no command " + w
			}
			if cmd.HasSubCommands() && positional == 0 && !placeholderRe.MatchString(w) && cmd.Args != nil {
				if err := cmd.Args(cmd, []string{w}); err != nil || isGroup(cmd) {
					return "no command " + w + " under " + cmd.CommandPath()
				}
			}
			positional++
		}
		if trailing {
			return "" // the sentence goes on
		}
	}
	return ""
}

func findSub(c *cobra.Command, name string) *cobra.Command {
	for _, s := range c.Commands() {
		if s.Name() == name || s.HasAlias(name) {
			return s
		}
	}
	return nil
}

// isGroup reports whether a command only holds subcommands.
func isGroup(c *cobra.Command) bool {
	return c.HasSubCommands() && strings.HasSuffix(c.Use, "<command>")
}

func TestEveryNamedCommandExists(t *testing.T) {
	f, _, _ := testFactory(t, false)
	root := NewRootCmd(f)
	// cobra adds these when the command runs; add them now.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()

	mentions := append(goMentions(t, ".."), yamlMentions(t, filepath.Join("..", "data"))...)
	mentions = append(mentions, readmeMentions(t, filepath.Join("..", "README.md"))...)
	if len(mentions) < 40 {
		t.Fatalf("found only %d mentions of starprep commands: is the walk broken?", len(mentions))
	}
	checked := 0
	for _, m := range mentions {
		if strings.TrimSpace(strings.TrimPrefix(m.text, "starprep")) == "" {
			continue
		}
		checked++
		if problem := checkMention(root, m.text); problem != "" {
			t.Errorf("%s: %q: %s", m.where, m.text, problem)
		}
	}
	t.Logf("checked %d mentions of starprep commands", checked)
}

func TestCheckMentionCatchesMistakes(t *testing.T) {
	f, _, _ := testFactory(t, false)
	root := NewRootCmd(f)
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"starprep company show northwind", true},
		{"starprep company add --from FILE --replace", true},
		{"starprep checklist status --company acme", true},
		{"starprep stories add --from-answer SESSION#N", true},
		{"starprep brief --company acme --format html -o brief.html", true},
		{"starprep interview --category strengths to practise", true},
		{"starprep checklist", true},
		{"starprep compnay list", false},
		{"starprep company shwo northwind", false},
		{"starprep stories cover", false},
		{"starprep checklist --compnay acme", false},
		{"starprep brief --company acme --fromat html", false},
		{"starprep company add --from FILE --overwrite", false},
	} {
		got := checkMention(root, c.text)
		if (got == "") != c.ok {
			t.Errorf("%q: problem %q, want ok=%v", c.text, got, c.ok)
		}
	}
}
