package cmd

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressMinBytes is how much input makes a review long enough for a
// progress bar (about 13,000 answers of 200 words); tests lower it.
var progressMinBytes int64 = 16 << 20

// progressBar shows how much of a long review's input is done, on stderr.
// It appears only when stderr is a terminal and stdout is not (with the
// table on the same terminal the rows show the progress), and only for a
// large input of known size; it is cleared when done.
type progressBar struct {
	io  *IOStreams
	bar *progressbar.ProgressBar
}

func newProgressBar(io *IOStreams) *progressBar {
	if !io.IsStderrTTY() || io.IsStdoutTTY() {
		return nil
	}
	return &progressBar{io: io}
}

// update is called by the review with the bytes done and in all.
func (p *progressBar) update(done, total int64) {
	if p.bar == nil {
		if total < progressMinBytes {
			return
		}
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.io.rawErr), // it draws with \r and ANSI codes
			progressbar.OptionSetVisibility(true),
			progressbar.OptionSetDescription("reviewing"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true),
		)
	}
	_ = p.bar.Set64(done)
}

// finish clears the bar; it may be called more than once.
func (p *progressBar) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
		p.bar = nil
	}
}
