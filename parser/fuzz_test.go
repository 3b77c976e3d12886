package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// FuzzParse checks that no input makes the parser panic or hang, that errors are always
// *lexer.Error values with a message, and that trees keep the span invariants.
func FuzzParse(f *testing.F) {
	for _, p := range testPrograms(f) {
		f.Add(p.src)
	}
	files, _ := filepath.Glob("testdata/errors/*.aio")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, src := range strings.Split(string(data), "---\n") {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ParseFile("fuzz.aio", []byte(src))
		if err != nil {
			var le *lexer.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %T is not a *lexer.Error: %v", err, err)
			}
			if le.Line < 0 || le.Msg == "" {
				t.Fatalf("error without message or with a bad position: %#v", le)
			}
			_ = le.Error()
			return
		}
		checkSpans(t, m)
		_ = ast.Dump(m)
	})
}

// checkSpans checks that every node of m has a valid span.
func checkSpans(t *testing.T, m *ast.Module) {
	t.Helper()
	ast.Inspect(m, func(n ast.Node) bool {
		start, end := n.Pos(), n.End()
		if !start.IsValid() || end.Line < start.Line || end.Line == start.Line && end.Col < start.Col {
			t.Fatalf("%T has span %v-%v", n, start, end)
		}
		return true
	})
}
