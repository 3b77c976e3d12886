package parser

import (
	"strings"
	"testing"
	"time"
)

// TestLimits feeds the parser pathological inputs: each must end quickly, in an error or a
// tree, never in a stack overflow or a hang. (The time limit is loose: machines are shared.)
func TestLimits(t *testing.T) {
	const n, long = 100000, 20000
	indented := func(depth int) string {
		var b strings.Builder
		for i := 0; i < depth; i++ {
			b.WriteString(strings.Repeat(" ", i) + "if x:\n")
		}
		b.WriteString(strings.Repeat(" ", depth) + "pass\n")
		return b.String()
	}
	tests := []struct {
		name, src string
		ok        bool
	}{
		{"parens", "x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n", false},
		{"open parens", "x = " + strings.Repeat("(", n) + "\n", false},
		{"brackets", "x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", false},
		{"braces", "x = " + strings.Repeat("{", n) + "\n", false},
		{"unary minus", "x = " + strings.Repeat("-", n) + "1\n", false},
		{"not", "x = " + strings.Repeat("not ", n) + "1\n", false},
		{"lambda", "x = " + strings.Repeat("lambda: ", n) + "1\n", false},
		{"await", "x = " + strings.Repeat("await ", n) + "1\n", false},
		{"conditional", "x = " + strings.Repeat("1 if 1 else ", n) + "1\n", false},
		{"power", "x = " + strings.Repeat("2 ** ", n) + "1\n", false},
		{"star", "f(" + strings.Repeat("*", n) + "a)\n", false},
		{"f-string", "x = " + strings.Repeat("f'{", 1000) + "\n", false},
		{"blocks", indented(200), false},
		{"unary minus, 900 deep", "x = " + strings.Repeat("-", 900) + "1\n", true},
		{"blocks, 90 deep", indented(90), true},
		{"long sum", "x = 1" + strings.Repeat(" + 1", long) + "\n", true},
		{"long attribute chain", "x = a" + strings.Repeat(".b", long) + "\n", true},
		{"long call chain", "x = f" + strings.Repeat("()", long) + "\n", true},
		{"long comparison", "x = a" + strings.Repeat(" < a", long) + "\n", true},
		{"many statements", strings.Repeat("x = 1\n", long), true},
		{"long line of statements", strings.Repeat("x = 1; ", long) + "\n", true},
		{"long list", "x = [" + strings.Repeat("1, ", long) + "]\n", true},
		{"long string concatenation", "x = " + strings.Repeat("'a' ", long) + "\n", true},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := ParseFile("x.aio", []byte(tt.src))
		if elapsed := time.Since(start); elapsed > 30*time.Second {
			t.Errorf("%s: took %v", tt.name, elapsed)
		}
		if (err == nil) != tt.ok {
			t.Errorf("%s: error %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}
