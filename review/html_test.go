package review_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/starprep/starprep/review"
	"golang.org/x/net/html"
)

// hostile is text from an answer file that must reach the page as text.
const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'too'`

// htmlReport reviews the class folder plus a file of hostile text.
func htmlReport(t *testing.T) (page string, answers int) {
	t.Helper()
	dir, sources := classDir(t)
	evil := filepath.Join(dir, "thu", `<b>evil</b>.yaml`)
	if err := os.MkdirAll(filepath.Dir(evil), 0o755); err != nil {
		t.Fatal(err)
	}
	body := "question_id: \"</script><svg onload=alert(1)>\"\nquestion: '" + strings.ReplaceAll(hostile, "'", "''") + "'\n" +
		"text: '" + strings.ReplaceAll(hostile, "'", "''") + " I called the customer back the next day.'\n" +
		"comments:\n  - by: '<i>coach</i>'\n    text: '" + strings.ReplaceAll(hostile, "'", "''") + "'\n"
	if err := os.WriteFile(evil, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _, err := run(t, review.Options{Paths: []string{dir}, Output: review.NewHTML(), SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	return out, len(sources) + 1
}

// walk calls f for every element.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// checkPage asserts what a coach sending the page relies on: one card per
// answer, the summary with two charts, nothing fetched from elsewhere, no
// script, and the answers' text shown as text.
func checkPage(t *testing.T, page string, answers int) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("not HTML: %v", err)
	}
	cards, svgs, summaries := 0, 0, 0
	var hostileShown, commentShown bool
	walk(doc, func(n *html.Node) {
		switch {
		case n.Data == "script", n.Data == "iframe", n.Data == "object", n.Data == "embed", n.Data == "link", n.Data == "img":
			t.Errorf("page has a <%s> element", n.Data)
		case n.Data == "article" && hasClass(n, "card"):
			cards++
			if strings.Contains(text(n), hostile+" I called") {
				hostileShown = true
			}
		case n.Data == "blockquote" && hasClass(n, "comment") && strings.Contains(text(n), hostile):
			commentShown = true
		case n.Data == "svg":
			svgs++
			if !strings.Contains(attr(n, "viewBox"), " ") || len(attr(n, "aria-label")) == 0 {
				t.Errorf("svg without a viewBox or label: %v", n.Attr)
			}
		case n.Data == "section" && hasClass(n, "summary"):
			summaries++
			if !strings.Contains(text(n), "answers") || !strings.Contains(text(n), "Weakest competencies") {
				t.Errorf("summary: %q", text(n))
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
			}
		}
	})
	if cards != answers || svgs != 2 || summaries != 1 {
		t.Errorf("%d cards (want %d), %d charts (want 2), %d summaries (want 1)", cards, answers, svgs, summaries)
	}
	if !hostileShown || !commentShown {
		t.Errorf("the hostile answer text shown as text: %v, in the comment: %v", hostileShown, commentShown)
	}
	if strings.Contains(page, "url(") || strings.Contains(page, "@import") {
		t.Error("the style loads something from elsewhere")
	}
}

// TestHTMLReport parses the page as a browser would.
func TestHTMLReport(t *testing.T) {
	page, answers := htmlReport(t)
	checkPage(t, page, answers)
}

// TestHTMLReportEmpty: no answers still makes a whole page that says so.
func TestHTMLReportEmpty(t *testing.T) {
	dir, _ := classDir(t)
	_, out, _, err := run(t, review.Options{Paths: []string{filepath.Join(dir, "mon/20261121-090000.yaml")}, Output: review.NewHTML()})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "No answers were found") || !strings.HasSuffix(out, "</html>\n") {
		t.Errorf("empty report:\n%s", out)
	}
}

// TestHTMLReportInChromium renders the page in headless Chromium and checks
// the DOM it built: the page loads from a file, offline, without scripts.
// In CI (STARPREP_REQUIRE_CHROMIUM=1, set by .ci/run) a missing browser is a
// failure; elsewhere the test is skipped with a message.
func TestHTMLReportInChromium(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("STARPREP_REQUIRE_CHROMIUM") != "" {
			t.Fatalf("chromium is required (STARPREP_REQUIRE_CHROMIUM is set) but not found: %v; install it with: apt-get install -y chromium", err)
		}
		t.Skip("chromium not found: install it (apt-get install -y chromium) to render the report in a browser")
	}
	page, answers := htmlReport(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync"}
	chrome := func(args ...string) []byte {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		all := append(append(append([]string{}, flags...), "--user-data-dir="+t.TempDir()), args...)
		cmd := exec.CommandContext(ctx, browser, all...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
		}
		return out
	}
	dom := chrome("--dump-dom", "file://"+file)
	checkPage(t, string(dom), answers)
	chrome("--window-size=900,1400", "--screenshot="+shot, "file://"+file)
	info, err := os.Stat(shot)
	if err != nil || info.Size() < 20<<10 {
		t.Errorf("screenshot %v, %d bytes: the page did not render", err, info.Size())
	}
}
