package lexer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	plex "github.com/alecthomas/participle/v2/lexer"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

var typeNames = func() map[plex.TokenType]string {
	m := map[plex.TokenType]string{}
	for name, typ := range symbols {
		m[typ] = name
	}
	return m
}()

// dump renders tokens one per line as "line:col offset Type value".
func dump(toks []plex.Token, err error) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%d:%d %d %s %q\n", t.Pos.Line, t.Pos.Column, t.Pos.Offset, typeNames[t.Type], t.Value)
	}
	if err != nil {
		fmt.Fprintf(&b, "error:\n%v\n", err)
	}
	return b.String()
}

// TestGolden compares the token dump of each testdata/*.aio file with its .tokens file.
// Run with -update to rewrite them after checking the differences.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got := dump(Tokenize(filepath.Base(file), string(src), nil))
		golden := strings.TrimSuffix(file, ".aio") + ".tokens"
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s: token dump differs from %s:\n%s", file, golden, diffLines(string(want), got))
		}
	}
}

// diffLines shows the first differing line of two dumps.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, wl, gl)
		}
	}
	return "(same lines)"
}
