package runtime

import "testing"

// Expectations are CPython 3.11's; see builtins_test.go.
var rangeSliceCases = []evalCase{
	{"range(5)", "range(0, 5)"},
	{"range(1, 5)", "range(1, 5)"},
	{"range(1, 10, 2)", "range(1, 10, 2)"},
	{"range(10, 0, -3)", "range(10, 0, -3)"},
	{"list(range(10, 0, -3))", "[10, 7, 4, 1]"},
	{"range()", "TypeError: range expected at least 1 argument, got 0"},
	{"range(1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
	{"range(1, 2, 0)", "ValueError: range() arg 3 must not be zero"},
	{"range(1, 2, 3, 4)", "TypeError: range expected at most 3 arguments, got 4"},
	{"range(x=1)", "TypeError: range() takes no keyword arguments"},
	{"range(True)", "range(0, 1)"},
	{"range(1, 10, 2).start", "1"},
	{"range(1, 10, 2).stop", "10"},
	{"range(1, 10, 2).step", "2"},
	{"range(5).step", "1"},
	{"range(3).count(1)", "1"},
	{"range(3).count(5)", "0"},
	{"range(3).count(1.0)", "1"},
	{"range(0, 10, 2).count(3)", "0"},
	{"range(3).count()", "TypeError: range.count() takes exactly one argument (0 given)"},
	{"range(10).index(3)", "3"},
	{"range(10, 0, -2).index(4)", "3"},
	{"range(5).index(5)", "ValueError: 5 is not in range"},
	{"range(3).index(1.0)", "1"},
	{"range(3).index('a')", "ValueError: sequence.index(x): x not in sequence"},
	{"range(3).index(True)", "1"},
	{"range(10, 0, -2).index(3)", "ValueError: 3 is not in range"},
	{"range(10).index(1000000000000000000000)", "ValueError: 1000000000000000000000 is not in range"},
	{"range(10).count(1000000000000000000000)", "0"},
	{"len(range(1, 10, 3))", "3"},
	{"list(reversed(range(1, 10, 3)))", "[7, 4, 1]"},
	{"list(reversed(range(0)))", "[]"},
	{"list(reversed(range(5, 0, -2)))", "[1, 3, 5]"},
	{"range(0, 10, 3).__getitem__(-1)", "9"},
	{"range(10).__contains__(3)", "True"},
	{"range(10).__len__()", "10"},
	{"range(3).__eq__(range(0, 3))", "True"},
	{"slice(5)", "slice(None, 5, None)"},
	{"slice(1, 5)", "slice(1, 5, None)"},
	{"slice(1, 5, 2)", "slice(1, 5, 2)"},
	{"slice()", "TypeError: slice expected at least 1 argument, got 0"},
	{"slice(1, 2, 3, 4)", "TypeError: slice expected at most 3 arguments, got 4"},
	{"slice(x=1)", "TypeError: slice() takes no keyword arguments"},
	{"slice(5).stop", "5"},
	{"slice(5).start", "None"},
	{"slice(1, 2, 3).step", "3"},
	{"slice(1, 'a', None)", "slice(1, 'a', None)"},
	{"slice(None, None, -1).indices(5)", "(4, -1, -1)"},
	{"slice(-100, 100, 3).indices(10)", "(0, 10, 3)"},
	{"slice(1).indices(-1)", "ValueError: length should not be negative"},
	{"slice(1).indices('a')", "TypeError: 'str' object cannot be interpreted as an integer"},
	{"slice(0, 1, 0).indices(5)", "ValueError: slice step cannot be zero"},
	{"slice(None).indices(0)", "(0, 0, 1)"},
	{"slice(-3, None).indices(10)", "(7, 10, 1)"},
	{"[1, 2, 3, 4][slice(1, 3)]", "[2, 3]"},
	{"slice(1).indices()", "TypeError: slice.indices() takes exactly one argument (0 given)"},
}

var _ = registerCases("range", &rangeSliceCases)

func TestRangeSlice(t *testing.T) { runCases(t, rangeSliceCases) }

// Range bounds are int64: where CPython would build a bigger range, Aio raises the
// OverflowError that CPython's len() of such a range gives.
func TestRangeBeyondInt64(t *testing.T) {
	for _, src := range []string{
		"range(9223372036854775808)",
		"range(-9223372036854775808, 9223372036854775807, 4611686018427387904)",
	} {
		want := "OverflowError: Python int too large to convert to C ssize_t"
		if got := runProgram(src); got != want {
			t.Errorf("%s: got %s, want %s", src, got, want)
		}
	}
}
