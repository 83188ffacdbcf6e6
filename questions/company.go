package questions

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/starprep/starprep/internal/yamlfile"
	"go.yaml.in/yaml/v3"
)

// Company is the candidate's research notes on one employer.
type Company struct {
	Name           string      `yaml:"name" json:"name"`
	Slug           string      `yaml:"slug" json:"slug"`
	Industry       string      `yaml:"industry,omitempty" json:"industry,omitempty"`
	Products       []string    `yaml:"products,omitempty" json:"products,omitempty"`
	Values         []string    `yaml:"values,omitempty" json:"values,omitempty"`
	News           []NewsItem  `yaml:"news,omitempty" json:"news,omitempty"`
	Support        SupportInfo `yaml:"support,omitempty" json:"support,omitempty"`
	QuestionsToAsk []string    `yaml:"questions_to_ask,omitempty" json:"questions_to_ask,omitempty"`
	Notes          string      `yaml:"notes,omitempty" json:"notes,omitempty"`
	Sources        []string    `yaml:"sources,omitempty" json:"sources,omitempty"`
}

// NewsItem is one dated piece of company news.
type NewsItem struct {
	Date     string `yaml:"date" json:"date"` // YYYY-MM-DD
	Headline string `yaml:"headline" json:"headline"`
	Note     string `yaml:"note,omitempty" json:"note,omitempty"`
}

// SupportInfo is how the company's customer service works.
type SupportInfo struct {
	Channels []string `yaml:"channels,omitempty" json:"channels,omitempty"`
	Metrics  []string `yaml:"metrics,omitempty" json:"metrics,omitempty"`
}

// ParseCompany reads one company notes file.
func ParseCompany(data []byte, path string) (*Company, error) {
	docs, err := yamlfile.Documents(data, path)
	if err != nil {
		return nil, err
	}
	ps := yamlfile.Problems{Path: path}
	if len(docs) != 1 {
		ps.Add(nil, "company notes are one YAML mapping with at least name and slug")
		return nil, ps.Err()
	}
	var c Company
	if err := yamlfile.Strict(docs[0], path, &c); err != nil {
		return nil, err
	}
	root := yamlfile.Root(docs[0])
	if strings.TrimSpace(c.Name) == "" {
		ps.Add(root, "name is missing")
	}
	if !ValidSlug(c.Slug) {
		at := yamlfile.Value(root, "slug")
		if at == nil {
			at = root
		}
		ps.Add(at, "slug %q: use lower-case letters, digits and single hyphens, at most %d characters (it names the file)", c.Slug, MaxSlugLen)
	}
	if news := yamlfile.Value(root, "news"); news != nil {
		for i, n := range c.News {
			if i >= len(news.Content) {
				break
			}
			if _, err := time.Parse(time.DateOnly, n.Date); err != nil {
				ps.Add(news.Content[i], "news date %q: write it as YYYY-MM-DD", n.Date)
			}
			if strings.TrimSpace(n.Headline) == "" {
				ps.Add(news.Content[i], "news item has no headline")
			}
		}
	}
	for _, list := range []struct {
		key  string
		node *yaml.Node
		vals []string
	}{
		{"products", yamlfile.Value(root, "products"), c.Products},
		{"values", yamlfile.Value(root, "values"), c.Values},
		{"questions_to_ask", yamlfile.Value(root, "questions_to_ask"), c.QuestionsToAsk},
		{"sources", yamlfile.Value(root, "sources"), c.Sources},
		{"support.channels", yamlfile.Value(yamlfile.Value(root, "support"), "channels"), c.Support.Channels},
		{"support.metrics", yamlfile.Value(yamlfile.Value(root, "support"), "metrics"), c.Support.Metrics},
	} {
		for i, v := range list.vals {
			at := list.node
			if at != nil && i < len(at.Content) {
				at = at.Content[i]
			}
			if strings.TrimSpace(v) == "" {
				ps.Add(at, "%s has an empty entry", list.key)
			} else if list.key == "sources" && !IsWebAddress(v) {
				ps.Add(at, "source %q: give the web address it came from, starting with https:// or http://", v)
			}
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// String is a one-line label for a company.
func (c *Company) String() string { return fmt.Sprintf("%s (%s)", c.Name, c.Slug) }

// MaxSlugLen is the longest company slug or story id: it names a file.
const MaxSlugLen = 64

// ValidSlug reports whether s can name a company or story: lower-case
// letters and digits in words joined by single hyphens, at most MaxSlugLen
// long. Such a name never leaves the directory it is joined to.
func ValidSlug(s string) bool { return len(s) <= MaxSlugLen && slugRe.MatchString(s) }

var nonSlugRun = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify makes a slug from a name ("Northwind Outfitters (UK)" →
// "northwind-outfitters-uk"), cut at a word to at most max characters. It
// returns "" when the name has no letters or digits.
func Slugify(name string, max int) string {
	s := strings.Trim(nonSlugRun.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if max > 0 && len(s) > max {
		s = s[:max]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		}
		s = strings.Trim(s, "-")
	}
	return s
}

// IsWebAddress reports whether s is an absolute http or https address.
func IsWebAddress(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}

// ShortName is the company's name without a trailing note in brackets
// ("Northwind Outfitters (example)" → "Northwind Outfitters").
func (c *Company) ShortName() string {
	name := strings.TrimSpace(c.Name)
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	return name
}

// Section is one part of the notes format and whether it is filled in.
type Section struct {
	Name   string `json:"name"`
	Filled bool   `json:"filled"`
}

// Sections lists the parts of the notes a candidate should research, in
// the order of the format, and whether each is filled in.
func (c *Company) Sections() []Section {
	return []Section{
		{"industry", strings.TrimSpace(c.Industry) != ""},
		{"products", len(c.Products) > 0},
		{"values", len(c.Values) > 0},
		{"news", len(c.News) > 0},
		{"support channels", len(c.Support.Channels) > 0},
		{"support metrics", len(c.Support.Metrics) > 0},
		{"questions to ask", len(c.QuestionsToAsk) > 0},
		{"notes", strings.TrimSpace(c.Notes) != ""},
		{"sources", len(c.Sources) > 0},
	}
}

// Missing lists the names of the sections not filled in.
func (c *Company) Missing() []string {
	var out []string
	for _, s := range c.Sections() {
		if !s.Filled {
			out = append(out, s.Name)
		}
	}
	return out
}

// LatestNews returns the news items newest first (dates are YYYY-MM-DD, so
// they sort as text).
func (c *Company) LatestNews() []NewsItem {
	news := slices.Clone(c.News)
	slices.SortStableFunc(news, func(a, b NewsItem) int { return strings.Compare(b.Date, a.Date) })
	return news
}

// Term is one thing from the notes an answer can mention to show it knows
// the company.
type Term struct {
	Kind string `json:"kind"` // value, product, channel or metric
	Text string `json:"text"`
}

// Terms lists the company's values, products, support channels and the
// metrics its support team is judged by, in that order: what a relevance
// check can credit an answer for using, and a tip can suggest.
func (c *Company) Terms() []Term {
	var out []Term
	for _, g := range []struct {
		kind string
		list []string
	}{{"value", c.Values}, {"product", c.Products}, {"channel", c.Support.Channels}, {"metric", c.Support.Metrics}} {
		for _, t := range g.list {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, Term{Kind: g.kind, Text: t})
			}
		}
	}
	return out
}

// MarshalCompany encodes notes as the YAML a person reads and edits, with a
// comment at the top saying how to check it.
func MarshalCompany(c *Company) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# Company research notes for starprep. Edit with `starprep company edit " + c.Slug + "`,\n")
	buf.WriteString("# which checks the file before saving it.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("encode company notes: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode company notes: %w", err)
	}
	return buf.Bytes(), nil
}
