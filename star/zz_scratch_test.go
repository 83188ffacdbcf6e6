package star

import (
	"fmt"
	"os"
	"testing"
)

func TestZZScratch(t *testing.T) {
	b, _ := os.ReadFile("/tmp/seg.txt")
	for _, s := range Segment(string(b)) {
		fmt.Printf("%q label=%q para=%d\n", s.Text, s.Label, s.Para)
	}
}
