package lexer

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// FuzzLex scans arbitrary input and checks the scanner's invariants: it terminates, returns
// either tokens ending in EOF or an *Error, and every token lies where its position says.
// Every string and f-string token is also decoded or split, and every f-string field lexed.
func FuzzLex(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/corpus/*.aio")
	more, _ := filepath.Glob("testdata/*.aio")
	for _, file := range append(seeds, more...) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, tt := range errorTests {
		f.Add(tt.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkFragment(t, src)
		toks, err := Tokenize("fuzz.aio", src, nil)
		lines := newLineIndex(src)
		checkTokens(t, lines, toks)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			_ = e.Error()
			return
		}
		if len(toks) == 0 || toks[len(toks)-1].Type != EOF {
			t.Fatalf("no EOF at the end of %d tokens", len(toks))
		}
		for _, tok := range toks {
			switch tok.Type {
			case String:
				_, _, _ = DecodeString(tok.Value)
			case FString:
				parts, _ := SplitFString(tok)
				checkParts(t, lines, parts)
			}
		}
	})
}

// checkFragment lexes all of src as a fragment placed at line 3, column 5, offset 7.
func checkFragment(t *testing.T, src string) {
	t.Helper()
	start := plex.Position{Filename: "fuzz.aio", Offset: 7, Line: 3, Column: 5}
	toks, err := LexFragment("fuzz.aio", src, start)
	for _, tok := range toks {
		p := tok.Pos
		if p.Offset < 7 || p.Offset-7+len(tok.Value) > len(src) || p.Line < 3 || p.Line == 3 && p.Column < 5 {
			t.Fatalf("fragment token %q at %v is outside the fragment", tok.Value, p)
		}
	}
	if err == nil && (len(toks) == 0 || toks[len(toks)-1].Type != EOF) {
		t.Fatal("fragment tokens do not end with EOF")
	}
	if e, ok := err.(*Error); err != nil && (!ok || e.Line < 3 && e.Line != 0) {
		t.Fatalf("fragment error %#v", err)
	}
}

// checkTokens verifies that each token's value is the source text at its offset, and that its
// line and column agree with the offset.
func checkTokens(t *testing.T, lines lineIndex, toks []plex.Token) {
	t.Helper()
	src := lines.src
	last := 0
	for _, tok := range toks {
		p := tok.Pos
		if p.Offset < last || p.Offset+len(tok.Value) > len(src) || src[p.Offset:p.Offset+len(tok.Value)] != tok.Value {
			t.Fatalf("token %q at offset %d does not match the source", tok.Value, p.Offset)
		}
		last = p.Offset
		if tok.Type == EOF || tok.Type == Dedent {
			continue // they sit at the start of the line after the last
		}
		if line, col := lines.lineCol(p.Offset); line != p.Line || col != p.Column {
			t.Fatalf("token %q at offset %d is at %d:%d, not %d:%d", tok.Value, p.Offset, line, col, p.Line, p.Column)
		}
	}
}

// checkParts verifies f-string field positions and lexes each field.
func checkParts(t *testing.T, lines lineIndex, parts []FPart) {
	t.Helper()
	src := lines.src
	for _, p := range parts {
		if !p.Field {
			continue
		}
		off := p.Pos.Offset
		if off+len(p.Expr) > len(src) || src[off:off+len(p.Expr)] != p.Expr {
			t.Fatalf("field %q at offset %d does not match the source", p.Expr, off)
		}
		if line, col := lines.lineCol(off); line != p.Pos.Line || col != p.Pos.Column {
			t.Fatalf("field %q at offset %d is at %d:%d, not %d:%d", p.Expr, off, line, col, p.Pos.Line, p.Pos.Column)
		}
		toks, _ := LexFragment("fuzz.aio", p.Expr, p.Pos)
		for _, tok := range toks {
			if tok.Pos.Offset < off || tok.Pos.Offset > off+len(p.Expr) {
				t.Fatalf("fragment token %q at offset %d is outside field %q", tok.Value, tok.Pos.Offset, p.Expr)
			}
			if line, col := lines.lineCol(tok.Pos.Offset); line != tok.Pos.Line || col != tok.Pos.Column {
				t.Fatalf("fragment token %q is at %d:%d, not %d:%d", tok.Value, line, col, tok.Pos.Line, tok.Pos.Column)
			}
		}
		checkParts(t, lines, p.Spec)
	}
}

// lineIndex computes lines and columns from byte offsets independently of the scanner, with
// universal newlines and a byte order mark not counted.
type lineIndex struct {
	src    string
	starts []int // offset of each line's first byte
}

func newLineIndex(src string) lineIndex {
	starts := []int{0}
	if strings.HasPrefix(src, "\ufeff") {
		starts[0] = 3
	}
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
		case src[i] == '\n' || src[i] == '\r':
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src, starts}
}

func (x lineIndex) lineCol(off int) (line, col int) {
	line = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
	start := x.starts[line-1]
	if off < start { // inside the byte order mark
		return line, 1
	}
	return line, 1 + utf8.RuneCountInString(x.src[start:off])
}

// TestPathological checks that hostile inputs end quickly, with the expected error if any.
func TestPathological(t *testing.T) {
	random := make([]byte, 1<<20)
	seed := uint32(1)
	for i := range random {
		seed = seed*1664525 + 1013904223
		random[i] = byte(seed >> 24)
	}
	tests := []struct {
		name, src, msg string
	}{
		{"100k open parens", strings.Repeat("(", 100000), "too many nested parentheses"},
		{"100k close parens", strings.Repeat(")", 100000), "unmatched ')'"},
		{"1MB line", "x = " + strings.Repeat("abcdefghijklmn + ", 60000) + "0x\n", "invalid hexadecimal literal"},
		{"1MB string line", "x = '" + strings.Repeat("a", 1<<20), "unterminated string literal (detected at line 1)"},
		{"1MB of newlines in a bracket", "x = (" + strings.Repeat("\n", 1<<20), "'(' was never closed"},
		{"1000 indentation levels", nestedBlocks(1000), "too many levels of indentation"},
		{"random bytes", string(random), "Non-UTF-8 code starting with"},
		{"valid random runes", strings.ToValidUTF8(strings.ReplaceAll(string(random), "\x00", ""), "?"), "invalid"},
		{"512k backslash lines", strings.Repeat("\\\n", 1<<19) + "x\n", ""},
		{"99 levels, then 20k lines", nestedBlocks(98) + strings.Repeat("x\n", 20000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Tokenize("p.aio", tt.src, nil)
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
			switch {
			case tt.msg == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.msg != "" && (err == nil || !strings.Contains(err.(*Error).Msg, tt.msg)):
				t.Errorf("got %v, want an error containing %q", err, tt.msg)
			}
		})
	}
}
