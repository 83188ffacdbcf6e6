package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/starprep/starprep/coach"
	"github.com/starprep/starprep/data"
	"github.com/starprep/starprep/internal/infile"
	"github.com/starprep/starprep/questions"
	"github.com/starprep/starprep/star"
)

// Factory carries every dependency a command may need. Cheap values are
// fields; values that may fail are loaded on first use and then kept.
type Factory struct {
	IO *IOStreams
	// Prompter asks the user questions; nil means "build the terminal one".
	Prompter coach.Prompter
	// Now is the clock (fixed in tests).
	Now func() time.Time
	// Getenv reads the environment (a map in tests).
	Getenv func(string) string
	// Process is true in the real process (Main), where process-wide
	// settings such as the garbage collector's may be changed.
	Process bool

	// Set from the global flags before any command runs.
	Home      string
	BankFiles []string

	bankOnce sync.Once
	bank     *questions.Bank
	bankErr  error

	rubricMu sync.Mutex
	rubrics  map[string]*star.Rubric

	lookupOnce sync.Once
	lookup     *questions.Lookup
}

// NewFactory returns a factory over the given streams and the real clock and
// environment.
func NewFactory(io *IOStreams) *Factory {
	return &Factory{IO: io, Now: time.Now, Getenv: os.Getenv}
}

// Bank is the embedded question bank with every --bank file merged over it,
// in the order given.
func (f *Factory) Bank() (*questions.Bank, error) {
	f.bankOnce.Do(func() {
		b, err := questions.ParseBank(data.Questions, data.QuestionsPath)
		if err != nil {
			f.bankErr = fmt.Errorf("the embedded question bank is broken (please report this): %w", err)
			return
		}
		for _, path := range f.BankFiles {
			raw, err := infile.ReadFile(path, infile.MaxDataFile, "a question bank")
			if err != nil {
				f.bankErr = infile.Wrap(err, "read question bank")
				return
			}
			extra, err := questions.ParseBank(raw, path)
			if err != nil {
				f.bankErr = err
				return
			}
			b = b.Merge(extra)
		}
		f.bank = b
	})
	return f.bank, f.bankErr
}

// Rubric is the scoring rubric in path, or the built-in one for "". It is
// loaded the first time a command asks for it, and kept.
func (f *Factory) Rubric(path string) (*star.Rubric, error) {
	f.rubricMu.Lock()
	defer f.rubricMu.Unlock()
	if r, ok := f.rubrics[path]; ok {
		return r, nil
	}
	r, err := loadRubric(path)
	if err != nil {
		return nil, err
	}
	if f.rubrics == nil {
		f.rubrics = map[string]*star.Rubric{}
	}
	f.rubrics[path] = r
	return r, nil
}

// QuestionInfo is what the scorer needs about question id; nil, nil when
// the bank has no such question. Without --bank files only that question of
// the embedded bank is parsed (score and review need few), so start-up
// stays cheap. It is safe to call from several goroutines.
func (f *Factory) QuestionInfo(id string) (*star.QuestionInfo, error) {
	if id == "" {
		return nil, nil
	}
	if len(f.BankFiles) == 0 {
		f.lookupOnce.Do(func() {
			// A bank laid out otherwise is read whole below.
			f.lookup, _ = questions.NewLookup(data.Questions, data.QuestionsPath)
		})
	}
	if f.lookup != nil && len(f.BankFiles) == 0 {
		q, ok, err := f.lookup.Get(id)
		if err != nil {
			return nil, fmt.Errorf("the embedded question bank is broken (please report this): %w", err)
		}
		if !ok {
			return nil, nil
		}
		return infoOf(q), nil
	}
	bank, err := f.Bank()
	if err != nil {
		return nil, err
	}
	q, _ := questionInfo(bank, id)
	return q, nil
}

// resolveHome picks the user-data directory: --home, then STARPREP_HOME, then
// $XDG_DATA_HOME/starprep, then ~/.local/share/starprep.
func resolveHome(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if h := getenv("STARPREP_HOME"); h != "" {
		return h, nil
	}
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "starprep"), nil
	}
	home := getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("no home directory to keep your answers in: set STARPREP_HOME or pass --home")
		}
	}
	return filepath.Join(home, ".local", "share", "starprep"), nil
}
