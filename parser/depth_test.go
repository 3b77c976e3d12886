package parser

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/ast"
)

// depthCases are programs at the nesting limits of CPython 3.11: its parser's stack
// (MemoryError), its compiler's recursion limit (RecursionError, counting statements and
// expressions), or within both. want is the error's type, "" for none.
var depthCases = []struct{ name, src, want string }{
	{"sum 2998", "x = 1" + strings.Repeat("+1", 2998), ""},
	{"sum 2999", "x = 1" + strings.Repeat("+1", 2999), "RecursionError"},
	{"sum 500000", "x = 1" + strings.Repeat("+1", 500000), "RecursionError"},
	{"sum in def 2997", "def f():\n x = 1" + strings.Repeat("+1", 2997), ""},
	{"sum in def 2998", "def f():\n x = 1" + strings.Repeat("+1", 2998), "RecursionError"},
	{"sum in ifs", "if 1:\n if 1:\n  if 1:\n   x = 1" + strings.Repeat("+1", 2996), "RecursionError"},
	{"sum in lambda", "f = lambda: 1" + strings.Repeat("+1", 2998), "RecursionError"},
	{"sum as index", "a[1" + strings.Repeat("+1", 2998) + "] = 1", "RecursionError"},
	{"attributes", "x = a" + strings.Repeat(".b", 2999), "RecursionError"},
	{"calls", "x = f" + strings.Repeat("()", 2999), "RecursionError"},
	{"minus 2998", "x = " + strings.Repeat("-", 2998) + "1", ""},
	{"minus 2999", "x = " + strings.Repeat("-", 2999) + "1", "RecursionError"},
	{"minus 5967", "x = " + strings.Repeat("-", 5967) + "1", "RecursionError"},
	{"minus 5968", "x = " + strings.Repeat("-", 5968) + "1", "MemoryError"},
	{"minus 10**6", "x = " + strings.Repeat("-", 1000000) + "1", "MemoryError"},
	{"not 5968", "x = " + strings.Repeat("not ", 5968) + "1", "MemoryError"},
	{"conditional 5967", "x = " + strings.Repeat("1 if 1 else ", 5967) + "1", "RecursionError"},
	{"conditional 5968", "x = " + strings.Repeat("1 if 1 else ", 5968) + "1", "MemoryError"},
	{"lambda 2983", "x = " + strings.Repeat("lambda: ", 2983) + "1", ""},
	{"lambda 2984", "x = " + strings.Repeat("lambda: ", 2984) + "1", "MemoryError"},
	{"power 2983", "x = " + strings.Repeat("2 ** ", 2983) + "1", ""},
	{"power 2984", "x = " + strings.Repeat("2 ** ", 2984) + "1", "MemoryError"},
	{"minus power 1990", "x = " + strings.Repeat("-2 ** ", 1990) + "1", "MemoryError"},
	{"paren 5957", "x = (" + strings.Repeat("-", 5957) + "1)", "RecursionError"},
	{"paren 5958", "x = (" + strings.Repeat("-", 5958) + "1)", "MemoryError"},
	{"parens 5930", "x = ((" + strings.Repeat("-", 5930) + "1))", "MemoryError"},
	{"list 5957", "x = [" + strings.Repeat("-", 5957) + "1]", "MemoryError"},
	{"call 5962", "x = f(" + strings.Repeat("-", 5962) + "1)", "MemoryError"},
	{"nested parens", "x = " + strings.Repeat("-(", 50) + strings.Repeat("-", 4518) + "1" + strings.Repeat(")", 50), "MemoryError"},
	{"f-string 5946", "x = f'{" + strings.Repeat("-", 5946) + "1}'", "RecursionError"},
	{"f-string 5947", "x = f'{" + strings.Repeat("-", 5947) + "1}'", "MemoryError"},
	{"deep then lexical error", "x = " + strings.Repeat("-", 7000) + "1\n$", "MemoryError"},
	// The depth pass comes after the future pass and before the symbol table.
	{"deep before duplicate argument", "x = 1" + strings.Repeat("+1", 3000) + "\ndef f(a, a): pass", "RecursionError"},
	{"deep after duplicate argument", "def f(a, a): pass\nx = 1" + strings.Repeat("+1", 3000), "RecursionError"},
	{"deep after return outside function", "return 5\nx = 1" + strings.Repeat("+1", 3000), "RecursionError"},
	{"deep after nonlocal", "nonlocal x\nx = 1" + strings.Repeat("+1", 3000), "RecursionError"},
	{"deep after future error", "from __future__ import braces\nx = 1" + strings.Repeat("+1", 3000), "SyntaxError"},
	{"deep after syntax error", "x = 1" + strings.Repeat("+1", 3000) + "\n)", "SyntaxError"},
	// Postponed annotations are not compiled, but the symbol table visits them, in its turn.
	{"annotation", "x: " + strings.Repeat("-", 2999) + "int", "RecursionError"},
	{"postponed annotation 2998", "from __future__ import annotations\nx: " + strings.Repeat("-", 2998) + "int", ""},
	{"postponed annotation 2999", "from __future__ import annotations\nx: " + strings.Repeat("-", 2999) + "int", "RecursionError"},
	{"postponed parameter annotation", "from __future__ import annotations\ndef f(a: " + strings.Repeat("-", 2999) + "int): pass", "RecursionError"},
	{"postponed return annotation", "from __future__ import annotations\ndef f() -> " + strings.Repeat("-", 2999) + "int: pass", "RecursionError"},
	{"postponed annotation in class", "from __future__ import annotations\nclass C:\n x: " + strings.Repeat("-", 2998) + "int", "RecursionError"},
	{"postponed annotation after duplicate argument", "from __future__ import annotations\ndef f(a, a): pass\nx: " + strings.Repeat("-", 3500) + "int", "SyntaxError"},
	{"postponed annotation before duplicate argument", "from __future__ import annotations\nx: " + strings.Repeat("-", 3500) + "int\ndef f(a, a): pass", "RecursionError"},
}

// depthError parses and checks src and names the type of the error, "" for none.
func depthError(src string) string {
	m, err := ParseFile("x.py", []byte(src))
	if err == nil {
		err = Check(m, []byte(src))
	}
	var le *LimitError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &le):
		return le.Type
	}
	return "SyntaxError"
}

func TestDepthLimits(t *testing.T) {
	for _, tt := range depthCases {
		if got := depthError(tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestDepthLimitsCPython checks depthCases against CPython itself.
func TestDepthLimitsCPython(t *testing.T) {
	var srcs []string
	for _, tt := range depthCases {
		srcs = append(srcs, tt.src)
	}
	var got []string
	// Each program runs as a script, stopped before its first statement: compile() called
	// from Python code starts deeper, by three levels a frame.
	runPython(t, `
import json, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
def run(src):
    lines = src.split('\n')
    n = 1 if lines[0].startswith('from __future__') else 0
    src = '\n'.join(lines[:n] + ['raise SystemExit'] + lines[n:])
    r = subprocess.run([sys.executable, '-'], input=src, capture_output=True, text=True)
    last = (r.stderr.strip().splitlines() or [''])[-1]
    return last.split(':')[0]
with ThreadPoolExecutor(4) as ex:
    print(json.dumps(list(ex.map(run, json.load(sys.stdin)))))
`, srcs, &got)
	for i, tt := range depthCases {
		if got[i] != tt.want {
			t.Errorf("%s: CPython raises %q, want %q", tt.name, got[i], tt.want)
		}
	}
}

// TestDeepTreeCheckedQuickly checks that Check gives up on a pathologically deep tree as
// soon as it is too deep, rather than walking it all: a sum of a million terms once took
// seconds to refuse, and Go's stack deep recursion.
func TestDeepTreeCheckedQuickly(t *testing.T) {
	var x ast.Expr = &ast.Constant{Value: int64(1)}
	for i := 0; i < 1000000; i++ {
		x = &ast.BinOp{X: x, Op: ast.Add, Y: &ast.Constant{Value: int64(1)}}
	}
	m := &ast.Module{File: "x.py", Body: []ast.Stmt{&ast.Assign{Targets: []ast.Expr{&ast.Name{ID: "x"}}, Value: x}}}
	start := time.Now()
	err := Check(m, nil)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("Check took %v", d)
	}
	if le, ok := err.(*LimitError); !ok || le.Type != "RecursionError" {
		t.Errorf("Check: %v, want RecursionError", err)
	}
}
