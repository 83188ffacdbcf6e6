// Command starprep prepares people for customer service interviews.
package main

import (
	"os"

	"github.com/starprep/starprep/cmd"
)

func main() { os.Exit(cmd.Main()) }
