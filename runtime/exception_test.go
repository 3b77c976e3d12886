package runtime

import (
	"strings"
	"testing"
)

// TestTracebackRecursionCutoff: a run of identical entries shows three of them, then the
// count of the rest, as CPython's traceback module prints deep recursion.
func TestTracebackRecursionCutoff(t *testing.T) {
	mod := &TraceSite{File: "r.aio", Function: "<module>"}
	f := &TraceSite{File: "r.aio", Function: "f"}
	e := Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	th := NewThread(nil, nil, nil)
	for i := 0; i < 10; i++ {
		e.AddTraceback(th, uint64(100-i), Traceback{Site: f, Line: 2})
	}
	e.AddTraceback(th, 1, Traceback{Site: mod, Line: 4})
	source := func(file string, line int) string { return map[int]string{2: "    return f(n + 1)", 4: "f(0)"}[line] }
	got := FormatTraceback(th, e, source)
	want := `Traceback (most recent call last):
  File "r.aio", line 4, in <module>
    f(0)
  File "r.aio", line 2, in f
    return f(n + 1)
  File "r.aio", line 2, in f
    return f(n + 1)
  File "r.aio", line 2, in f
    return f(n + 1)
  [Previous line repeated 7 more times]
RecursionError: maximum recursion depth exceeded
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestCarets follows CPython 3.11's traceback markers (expectations printed by python3).
func TestCarets(t *testing.T) {
	for _, c := range []struct {
		line string
		sp   TraceSpan
		want string
	}{
		{"    return 1 / x", TraceSpan{Line: 1, Col: 12, EndLine: 1, EndCol: 17, Kind: SpanBinOp, A: 13, B: 16},
			"           ~~^~~\n"},
		{"total = len(x) + g(0) * 2", TraceSpan{Line: 1, Col: 18, EndLine: 1, EndCol: 22},
			"                     ^^^^\n"},
		{"print(d['a'][3])", TraceSpan{Line: 1, Col: 7, EndLine: 1, EndCol: 16, Kind: SpanSubscript, A: 13, B: 15},
			"          ~~~~~~^^^\n"},
		{"a ** b", TraceSpan{Line: 1, Col: 1, EndLine: 1, EndCol: 7, Kind: SpanBinOp, A: 2, B: 6},
			"    ~~^^~~\n"},
		{"f()", TraceSpan{Line: 1, Col: 1, EndLine: 1, EndCol: 4}, ""}, // the whole line: no marker
	} {
		var b strings.Builder
		writeCarets(&b, c.line, &c.sp)
		if b.String() != c.want {
			t.Errorf("%q: got %q, want %q", c.line, b.String(), c.want)
		}
	}
}
