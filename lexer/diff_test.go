package lexer

import (
	"encoding/json"
	"flag"
	"math/rand"
	"os/exec"
	"strings"
	"testing"
)

var (
	diffN    = flag.Int("diffn", 3000, "number of snippets TestDifferential compiles")
	diffSeed = flag.Int64("diffseed", 1, "random seed of TestDifferential")
)

// pieces are the fragments TestDifferential strings together: tokens and near-tokens that
// exercise the scanner's states. There is no "\r": compile reads it unlike a file.
var pieces = []string{
	"x", "y1", "é", "€", "\u00a0", "\u2028", " ", " ", "  ", "\t", "\f", "\n", "\n", "\n",
	"(", ")", "[", "]", "{", "}", ",", ":", "=", "+", "**=", "->", "...", ".", "!", "$",
	"'", "\"", "'''", "\"\"\"", "'a'", "\"b\"", "r'\\d'", "b'x'", "f'{x}'", "'\\", "\\", "\\\n", "#c",
	"0", "00", "07", "1_", "1__2", "0x", "0x1f", "0o8", "0b2", "1e", "1e+", "1.5", ".5", "5j", "1if", "1else", "0_7", "1abc",
	"0b", "0o", "0_", "1e5j", "1jx", "00.5", "0e", "1.e", "9.j", "1_0", "0xfor",
	"if x:\n", "    ", "\tpass\n", "        y\n", "  z\n", "def f():\n", "\n    ", "\n\t", "\n \t", "\n\t ", "\f ",
}

// snippet builds a random source from pieces.
func snippet(r *rand.Rand) string {
	var b strings.Builder
	for n := 1 + r.Intn(12); n > 0; n-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return b.String()
}

// tokenizerMessages starts every message the scanner can give; errors that CPython gives
// with other messages come from its parser.
var tokenizerMessages = []string{
	"unindent does not match", "inconsistent use of tabs", "too many levels",
	"closing parenthesis", "unmatched '", "' was never closed", "too many nested parentheses",
	"unexpected character after line continuation", "unexpected EOF while parsing",
	"unterminated string literal", "unterminated triple-quoted", "invalid character",
	"invalid non-printable character", "invalid decimal literal", "invalid hexadecimal literal",
	"invalid octal literal", "invalid binary literal", "invalid imaginary literal",
	"invalid digit", "leading zeros",
}

func isTokenizerMessage(msg string) bool {
	for _, m := range tokenizerMessages {
		if strings.HasPrefix(msg, m) || strings.Contains(msg, m) && strings.HasPrefix(m, "'") {
			return true
		}
	}
	return false
}

const pyCompile = `
import json, sys, warnings
warnings.simplefilter("ignore")
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "x.aio", "exec")
        out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno or 0, e.offset or 0, max(e.end_offset or 0, 0)])
print(json.dumps(out))
`

// TestDifferential compiles thousands of random snippets with CPython and checks that
// wherever CPython's tokenizer fails, the scanner fails the same way (type, message, line
// and caret columns), and that the scanner accepts whatever CPython accepts.
func TestDifferential(t *testing.T) {
	python := pythonPath()
	if python == "" {
		t.Skip("python3 not installed")
	}
	n := *diffN
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewSource(*diffSeed))
	srcs := make([]string, n)
	for i := range srcs {
		srcs[i] = snippet(r)
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(python, "-c", pyCompile)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var want [][]any
	if err := json.Unmarshal(out, &want); err != nil || len(want) != n {
		t.Fatalf("bad python output: %v", err)
	}
	failures := 0
	for i, src := range srcs {
		_, err := Tokenize("x.aio", src, nil)
		var got []any
		if e, ok := err.(*Error); ok {
			end := max(e.EndCol, 0)
			got = []any{e.TypeName(), e.Msg, float64(e.Line), float64(e.Col), float64(end)}
		}
		w := want[i]
		switch {
		case w == nil && got == nil:
			continue
		case w == nil:
			t.Errorf("%q: python accepts it, the scanner says %v", src, got)
		case !isTokenizerMessage(w[1].(string)):
			continue // a parser error, or one the parser finds in a literal
		case got == nil || !sameError(got, w) && !before(w, got):
			t.Errorf("%q:\n got %v\nwant %v", src, got, w)
		default:
			continue
		}
		if failures++; failures > 30 {
			t.Fatal("too many failures")
		}
	}
}

// sameError compares [type, msg, line, col, endCol] tuples; an end column that CPython
// leaves unset (0) or sets to the column itself both mean one caret.
//
// The column of a continuation error is not compared: compile counts it unlike a file
// (TestErrors checks it against python3 running a file).
func sameError(got, want []any) bool {
	if want[1] == "unexpected character after line continuation character" {
		want = append(want[:3:3], got[3:]...)
	}
	if want[4] == float64(0) || want[4] == want[3] {
		want = append(want[:4:4], got[4])
		if got[4] != float64(0) && got[4] != got[3] {
			return false
		}
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// before reports whether CPython's error lies before the scanner's: its parser met an error
// in the tokens before the one the scanner stops at.
func before(want, got []any) bool {
	wl, gl := want[2].(float64), got[2].(float64)
	return wl < gl || wl == gl && want[3].(float64) < got[3].(float64)
}
