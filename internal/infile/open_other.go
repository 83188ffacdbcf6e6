//go:build !unix

package infile

import "os"

func openNonBlocking(path string) (*os.File, error) { return os.Open(path) }
