package runtime

import "testing"

// Expectations are CPython 3.11's; see builtins_test.go.
var tupleCases = []evalCase{
	{"tuple()", "()"},
	{"tuple([1, 2])", "(1, 2)"},
	{"tuple('ab')", "('a', 'b')"},
	{"tuple(1)", "TypeError: 'int' object is not iterable"},
	{"tuple(1, 2)", "TypeError: tuple expected at most 1 argument, got 2"},
	{"tuple(x=1)", "TypeError: tuple() takes no keyword arguments"},
	{"(1, 2, 1).count(1)", "2"},
	{"(1,).count()", "TypeError: tuple.count() takes exactly one argument (0 given)"},
	{"(1, 2).index(2)", "1"},
	{"(1, 2).index(3)", "ValueError: tuple.index(x): x not in tuple"},
	{"(1, 2, 3).index(3, 1, 2)", "ValueError: tuple.index(x): x not in tuple"},
	{"(1, 2, 3).index(3, 1)", "2"},
	{"(1, 2).index(2, 5)", "ValueError: tuple.index(x): x not in tuple"},
	{"(1, 2).__getitem__(0)", "1"},
	{"(1, 2).__add__((3,))", "(1, 2, 3)"},
	{"(1, 2).__add__([3])", "TypeError: can only concatenate tuple (not \"list\") to tuple"},
	{"(1,).__mul__(3)", "(1, 1, 1)"},
	{"(1,).__rmul__(2)", "(1, 1)"},
	{"(1, 2).__contains__(2)", "True"},
	{"(1, 2).__len__()", "2"},
	{"(1, 2).__eq__((1, 2))", "True"},
	{"(1, 2).__ge__((1, 3))", "False"},
	{"list(reversed((1, 2, 3)))", "[3, 2, 1]"},
	{"tuple(range(3))", "(0, 1, 2)"},
}

var _ = registerCases("tuple", &tupleCases)

func TestTupleMethods(t *testing.T) { runCases(t, tupleCases) }
