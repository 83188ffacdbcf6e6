//go:build unix

package infile

import (
	"os"
	"syscall"
)

// openNonBlocking opens path read-only; O_NONBLOCK keeps a FIFO from
// blocking the open (it has no effect on a regular file's reads).
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
