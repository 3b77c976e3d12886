package runtime

import "testing"

// TestTracebackRecursionCutoff: a run of identical entries shows three of them, then the
// count of the rest, as CPython's traceback module prints deep recursion.
func TestTracebackRecursionCutoff(t *testing.T) {
	mod := &TraceSite{File: "r.aio", Function: "<module>"}
	f := &TraceSite{File: "r.aio", Function: "f"}
	e := Errorf(RecursionErrorType, "maximum recursion depth exceeded")
	for i := 0; i < 10; i++ {
		e.AddTraceback(uint64(100-i), &Traceback{Site: f, Line: 2})
	}
	e.AddTraceback(1, &Traceback{Site: mod, Line: 4})
	source := func(file string, line int) string { return map[int]string{2: "    return f(n + 1)", 4: "f(0)"}[line] }
	got := FormatTraceback(NewThread(nil, nil, nil), e, source)
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
