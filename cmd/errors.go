package cmd

import (
	"context"
	"errors"
	"fmt"
)

// Exit codes, as documented in the README and DESIGN.md.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitData        = 3
	exitBelowScore  = 4
	exitInterrupted = 130 // SIGINT (Ctrl-C); 128 + the signal for the others: 143 SIGTERM, 129 SIGHUP
)

// UsageError is a bad flag or argument, or an interactive command run without
// a terminal. It maps to exit code 2.
type UsageError struct {
	msg  string
	hint string
}

func (e *UsageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &UsageError{msg: fmt.Sprintf(format, args...)}
}

func usageWithHint(hint, format string, args ...any) error {
	return &UsageError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// ErrBelowThreshold: at least one answer scored below --min-score (exit 4).
var ErrBelowThreshold = errors.New("below the minimum score")

// ErrCancelled: the user pressed Ctrl-C at a prompt (exit 130).
var ErrCancelled = errors.New("interrupted")

// silentError carries an exit code for a failure the command already reported.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// hintedError is an error with more advice for the user; it keeps the
// exit code of the error it wraps.
type hintedError struct {
	err  error
	hint string
}

func (e *hintedError) Error() string { return e.err.Error() }
func (e *hintedError) Unwrap() error { return e.err }

// located is implemented by data errors from questions/ and star/: they name
// the file and line of the first problem.
type located interface {
	Location() (path string, line int)
}

// exitCode is the single place that turns an error into an exit status.
func exitCode(err error) int {
	var usage *UsageError
	var loc located
	var silent *silentError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &silent):
		return silent.code
	case errors.Is(err, ErrCancelled), errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &usage):
		return exitUsage
	case errors.As(err, &loc):
		return exitData
	case errors.Is(err, ErrBelowThreshold):
		return exitBelowScore
	default:
		return exitError
	}
}
