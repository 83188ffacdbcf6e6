package infile

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"
)

// FuzzDecode: any bytes decode to text without NUL, or are refused with a
// problem; the stream reader agrees with the whole-file one on text it
// accepts.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"text: hi\n", "\ufeffa", "\xff\xfea\x00", "\xfe\xff\x00a", "a\x00b\x00c\x00d\x00", "\xff\xfe\x00\x00", "\x00\x00\xfe\xff", "\xff\xfe\x00\xd8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, err := Decode(raw, "a.yaml")
		if err != nil {
			return
		}
		if bytes.IndexByte(out, 0) >= 0 {
			t.Fatalf("decoded text holds NUL: %q", out)
		}
		streamed, serr := io.ReadAll(NewReader(bytes.NewReader(raw), "a.yaml"))
		if serr == nil && len(raw) <= 1024 && utf8.Valid(out) && !bytes.Equal(streamed, out) {
			t.Fatalf("stream %q, whole %q", streamed, out)
		}
	})
}
