package cmd

import (
	"github.com/spf13/cobra"
	"github.com/starprep/starprep/internal/answergen"
)

// newGenAnswersCmd is a hidden command that writes made-up answers in bulk,
// so anyone can reproduce the review figures in the README.
func newGenAnswersCmd(f *Factory) *cobra.Command {
	opts := answergen.Options{}
	c := &cobra.Command{
		Use:    "gen-answers [--count <n>] [--seed <n>] [--format jsonl|json|yaml]",
		Short:  "Write made-up answers for benchmarks (for developers)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format, answergen.Formats...); err != nil {
				return err
			}
			if opts.N < 0 {
				return usageErrorf("--count must not be negative, got %d", opts.N)
			}
			bank, err := f.Bank()
			if err != nil {
				return err
			}
			for _, q := range bank.Questions {
				switch {
				case q.STAR:
					opts.StoryIDs = append(opts.StoryIDs, q.ID)
				case q.Category == "motivation" || q.Category == "strengths":
					opts.OtherIDs = append(opts.OtherIDs, q.ID)
				}
			}
			return answergen.Write(f.IO.Out, opts)
		},
	}
	c.Flags().IntVarP(&opts.N, "count", "n", 1000, "number of `answers`")
	c.Flags().Uint64Var(&opts.Seed, "seed", 1, "`seed` of the content (the same seed gives the same bytes)")
	c.Flags().StringVar(&opts.Format, "format", "jsonl", "`format`: jsonl, json or yaml")
	return c
}
