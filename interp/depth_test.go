package interp_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/aio-lang/aio/interp"
)

// TestNestingLimits checks what a program nested too deeply reports, as CPython 3.11 does:
// only the exception's line, RecursionError past the compiler's limit of 3000 levels
// (statements and expressions both counting), MemoryError past the parser's stack.
func TestNestingLimits(t *testing.T) {
	const recursion = "RecursionError: maximum recursion depth exceeded during compilation\n"
	tests := []struct{ src, want string }{
		{"x = 1" + strings.Repeat("+1", 2998) + "\nprint(x)", ""},
		{"x = 1" + strings.Repeat("+1", 2999), recursion},
		{"x = 1" + strings.Repeat("+1", 500000), recursion},
		{"def f():\n    return 1" + strings.Repeat("+1", 2998), recursion},
		{"x = " + strings.Repeat("-", 3000) + "1", recursion},
		{"x = " + strings.Repeat("-", 6000) + "1", "MemoryError\n"},
		{"x = " + strings.Repeat("lambda: ", 3000) + "1", "MemoryError\n"},
		{"x = 1" + strings.Repeat("+1", 3000) + "\ndef f(a, a): pass", recursion},
	}
	for _, tt := range tests {
		it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard})
		err := it.Run(context.Background(), "deep.aio", []byte(tt.src))
		var perr *interp.Error
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%.40q…: %v", tt.src, err)
		case tt.want == "":
		case !errors.As(err, &perr):
			t.Errorf("%.40q…: error %v, want %q", tt.src, err, tt.want)
		case perr.Traceback() != tt.want:
			t.Errorf("%.40q…: report %.100q, want %q", tt.src, perr.Traceback(), tt.want)
		}
	}
}
