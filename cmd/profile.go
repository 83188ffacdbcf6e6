package cmd

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profile writes a CPU profile of the whole command to path (from
// STARPREP_CPUPROFILE), for `go tool pprof`; "" does nothing. The returned
// function stops it.
func profile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "starprep: warning: no CPU profile: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		_ = f.Close()
	}
}
