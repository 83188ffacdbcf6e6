package coach

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/starprep/starprep/internal/yamlfile"
	"github.com/starprep/starprep/questions"
)

// Companies is the user's company research notes, one file per company in
// Dir ($STARPREP_HOME/companies/SLUG.yaml), with the examples that ship in
// the binary listed after them. A user's file of the same slug as an
// example hides the example.
type Companies struct {
	Dir      string
	Examples []*questions.Company
}

// CompaniesIn is the notes store under a user-data directory.
func CompaniesIn(home string, examples ...*questions.Company) *Companies {
	return &Companies{Dir: filepath.Join(home, "companies"), Examples: examples}
}

// CompanyEntry is one company's notes and where they come from.
type CompanyEntry struct {
	*questions.Company
	// Path is the notes file; for an example, its embedded name.
	Path string
	// Example is true for notes that ship with starprep.
	Example bool
}

// NoCompanyError: no notes for a slug, in the home or among the examples.
type NoCompanyError struct {
	Slug  string
	Dir   string
	Known []string // slugs that do have notes
}

func (e *NoCompanyError) Error() string {
	return fmt.Sprintf("no notes for company %q in %s", e.Slug, e.Dir)
}

// Path is where the notes of slug live. Callers check the slug first with
// questions.ValidSlug; Path refuses nothing itself.
func (cs *Companies) Path(slug string) string { return filepath.Join(cs.Dir, slug+".yaml") }

// Exists reports whether the user has notes of their own for slug.
func (cs *Companies) Exists(slug string) bool {
	if !questions.ValidSlug(slug) {
		return false
	}
	_, err := os.Lstat(cs.Path(slug))
	return err == nil
}

// example returns the shipped example of slug, or nil.
func (cs *Companies) example(slug string) *questions.Company {
	for _, ex := range cs.Examples {
		if ex.Slug == slug {
			return ex
		}
	}
	return nil
}

// IsExample reports whether slug names a shipped example.
func (cs *Companies) IsExample(slug string) bool { return cs.example(slug) != nil }

// Get loads the notes of slug: the user's file, else a shipped example.
// Problems in the file come back as a *yamlfile.Error (path:line); a slug
// with no notes as a *NoCompanyError.
func (cs *Companies) Get(slug string) (CompanyEntry, error) {
	if questions.ValidSlug(slug) {
		path := cs.Path(slug)
		raw, ok, err := readOptional(path, "company notes")
		if err != nil {
			return CompanyEntry{}, err
		}
		if ok {
			c, err := ParseCompanyFile(raw, path, slug)
			if err != nil {
				return CompanyEntry{}, err
			}
			return CompanyEntry{Company: c, Path: path}, nil
		}
		if ex := cs.example(slug); ex != nil {
			return CompanyEntry{Company: ex, Path: "example:" + slug, Example: true}, nil
		}
	}
	nf := &NoCompanyError{Slug: slug, Dir: cs.Dir}
	names, _ := yamlNames(cs.Dir)
	nf.Known = append(nf.Known, names...)
	for _, ex := range cs.Examples {
		if !slices.Contains(nf.Known, ex.Slug) {
			nf.Known = append(nf.Known, ex.Slug)
		}
	}
	return CompanyEntry{}, nf
}

// List returns every company: the user's, sorted by slug, then the examples
// not hidden by a file of the same slug. Files that do not parse are left
// out of the list and reported together in the error (a *yamlfile.Error);
// an I/O failure is returned as it is.
func (cs *Companies) List() ([]CompanyEntry, error) {
	names, err := yamlNames(cs.Dir)
	if err != nil {
		return nil, err
	}
	var out []CompanyEntry
	var bad []error
	for _, name := range names {
		path := filepath.Join(cs.Dir, name+".yaml")
		if !questions.ValidSlug(name) {
			bad = append(bad, nameProblem(path, "company slug"))
			continue
		}
		raw, _, err := readOptional(path, "company notes")
		var ye *yamlfile.Error
		if errors.As(err, &ye) {
			bad = append(bad, err)
			continue
		}
		if err != nil {
			return nil, err
		}
		c, err := ParseCompanyFile(raw, path, name)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		out = append(out, CompanyEntry{Company: c, Path: path})
	}
	for _, ex := range cs.Examples {
		if !slices.Contains(names, ex.Slug) {
			out = append(out, CompanyEntry{Company: ex, Path: "example:" + ex.Slug, Example: true})
		}
	}
	return out, problemsError(bad)
}

// Save writes the notes to Dir/SLUG.yaml atomically and returns the path.
func (cs *Companies) Save(c *questions.Company) (string, error) {
	if !questions.ValidSlug(c.Slug) {
		return "", fmt.Errorf("save company notes: slug %q cannot name a file", c.Slug)
	}
	raw, err := questions.MarshalCompany(c)
	if err != nil {
		return "", err
	}
	path := cs.Path(c.Slug)
	return path, writePrivate(filepath.Dir(cs.Dir), path, raw)
}

// SaveRaw writes notes exactly as the person wrote them (after an edit),
// once they have been checked.
func (cs *Companies) SaveRaw(slug string, raw []byte) (string, error) {
	if !questions.ValidSlug(slug) {
		return "", fmt.Errorf("save company notes: slug %q cannot name a file", slug)
	}
	path := cs.Path(slug)
	return path, writePrivate(filepath.Dir(cs.Dir), path, raw)
}

// ErrExampleOnly: the slug is a shipped example with no copy in the home.
var ErrExampleOnly = errors.New("is the example that ships with starprep, not notes of yours")

// Remove deletes the user's notes of slug.
func (cs *Companies) Remove(slug string) (string, error) {
	if !questions.ValidSlug(slug) || !cs.Exists(slug) {
		if cs.IsExample(slug) {
			return "", fmt.Errorf("%s %w", slug, ErrExampleOnly)
		}
		_, err := cs.Get(slug)
		if err == nil {
			err = &NoCompanyError{Slug: slug, Dir: cs.Dir}
		}
		return "", err
	}
	path := cs.Path(slug)
	if err := removePrivate(filepath.Dir(cs.Dir), path); err != nil {
		return "", fmt.Errorf("remove %s: %w", path, err)
	}
	return path, nil
}

// ParseCompanyFile reads notes from a file in the store: besides
// questions.ParseCompany's checks, the slug must match the file's name.
func ParseCompanyFile(raw []byte, path, slug string) (*questions.Company, error) {
	c, err := questions.ParseCompany(raw, path)
	if err != nil {
		return nil, err
	}
	if c.Slug != slug {
		return nil, mismatchProblem(path, keyLine(raw, path, "slug"), "slug", c.Slug, slug)
	}
	return c, nil
}

// keyLine is the line of a top-level key in a YAML file that parsed, or 0.
func keyLine(raw []byte, path, key string) int {
	docs, err := yamlfile.Documents(raw, path)
	if err != nil || len(docs) == 0 {
		return 0
	}
	if v := yamlfile.Value(yamlfile.Root(docs[0]), key); v != nil {
		return v.Line
	}
	return 0
}

// Label is how a company is named in lists: its name, marked when it is
// an example.
func (e CompanyEntry) Label() string {
	if e.Example && !strings.Contains(strings.ToLower(e.Name), "example") {
		return e.Name + " (example)"
	}
	return e.Name
}
