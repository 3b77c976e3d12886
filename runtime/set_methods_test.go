package runtime

import "testing"

// Expectations are CPython 3.11's; see builtins_test.go.
var setCases = []evalCase{
	{"set()", "set()"},
	{"set([3, 1, 2])", "{1, 2, 3}"},
	{"set(1)", "TypeError: 'int' object is not iterable"},
	{"set([], [])", "TypeError: set expected at most 1 argument, got 2"},
	{"set(x=1)", "TypeError: set() takes no keyword arguments"},
	{"frozenset([1, 2])", "frozenset({1, 2})"},
	{"frozenset()", "frozenset()"},
	{"set({1: 2, 3: 4})", "{1, 3}"},
	{"set(range(10))", "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}"},
	{"frozenset(x=1)", "TypeError: frozenset() takes no keyword arguments"},
	{"s = set(); s.add(0); s.add(8); s.add(16); s.add(24); s.add(32); (s, set(s), s.copy(), frozenset(s), s.union())", "({0, 32, 8, 16, 24}, {0, 32, 16, 8, 24}, {0, 32, 16, 8, 24}, frozenset({0, 32, 16, 8, 24}), {0, 32, 16, 8, 24})"},
	{"s = {1}; s.add(2); s", "{1, 2}"},
	{"s = {1, 2}; s.remove(1); s", "{2}"},
	{"{1}.remove(3)", "KeyError: 3"},
	{"s = {1}; s.discard(5); s", "{1}"},
	{"s = {1, 2, 3}; (s.pop(), s.pop(), s)", "(1, 2, {3})"},
	{"set().pop()", "KeyError: 'pop from an empty set'"},
	{"s = {1}; s.clear(); s", "set()"},
	{"set().add()", "TypeError: set.add() takes exactly one argument (0 given)"},
	{"{frozenset([1])}.__contains__({1})", "True"},
	{"s = {frozenset([1])}; s.remove({1}); s", "set()"},
	{"{1}.remove([])", "TypeError: unhashable type: 'list'"},
	{"{1}.discard({2})", "None"},
	{"s = set(range(10)); (s.pop(), s.pop(), s.add(0), s.pop(), s)", "(0, 1, None, 2, {0, 3, 4, 5, 6, 7, 8, 9})"},
	{"s = set(range(0, 64, 8)); (s.pop(), s.add(100), s.pop(), s.pop(), s)", "(0, None, 32, 100, {8, 40, 16, 48, 24, 56})"},
	{"{1, 2}.union([3], (4,), {5: 6})", "{1, 2, 3, 4, 5}"},
	{"{1}.union()", "{1}"},
	{"frozenset([1]).union({2})", "frozenset({1, 2})"},
	{"{1}.union([2], x=1)", "TypeError: set.union() takes no keyword arguments"},
	{"{1}.union(1)", "TypeError: 'int' object is not iterable"},
	{"{1, 2, 3}.intersection([2, 3, 4], {3})", "{3}"},
	{"{1, 2}.intersection()", "{1, 2}"},
	{"{1, 2}.intersection({2: 0})", "{2}"},
	{"frozenset([1, 2]).intersection([2])", "frozenset({2})"},
	{"{1, 2, 3}.difference([1], {2})", "{3}"},
	{"{1, 2}.difference()", "{1, 2}"},
	{"{1, 2}.difference({1: 0})", "{2}"},
	{"{1, 2}.symmetric_difference([2, 3])", "{1, 3}"},
	{"{1, 2}.symmetric_difference()", "TypeError: set.symmetric_difference() takes exactly one argument (0 given)"},
	{"{1, 2}.symmetric_difference({2: 0, 3: 0})", "{1, 3}"},
	{"{1, 2}.issubset([1, 2, 3])", "True"},
	{"{1, 4}.issubset({1, 2})", "False"},
	{"{1, 2}.issuperset([1])", "True"},
	{"{1}.issuperset({1, 2})", "False"},
	{"{1}.issuperset([2])", "False"},
	{"{1, 2}.isdisjoint([3])", "True"},
	{"{1, 2}.isdisjoint({2: 0})", "False"},
	{"{1}.isdisjoint(1)", "TypeError: 'int' object is not iterable"},
	{"{1}.isdisjoint({1, 5, 6})", "False"},
	{"s = {1, 2}; s.update([3], {4}); s", "{1, 2, 3, 4}"},
	{"s = {1, 2, 3}; s.intersection_update([2, 3], [3]); s", "{3}"},
	{"s = {1, 2, 3}; s.difference_update([1], {2}); s", "{3}"},
	{"s = {1, 2}; s.symmetric_difference_update([2, 3]); s", "{1, 3}"},
	{"s = {1}; s.update(1)", "TypeError: 'int' object is not iterable"},
	{"s = {1, 2}; s.symmetric_difference_update({2: 0, 5: 0}); s", "{1, 5}"},
	{"s = {1}; s.intersection_update(); s", "{1}"},
	{"set([8, 16, 0, 24, 32, 40])", "{32, 0, 8, 40, 16, 24}"},
	{"{0, 8, 16}.union([24, 32, 40, 48])", "{0, 32, 8, 40, 16, 48, 24}"},
	{"a = set(range(0, 200, 8)); b = set(range(0, 200, 12)); (a.difference(b), b.difference(a))", "({128, 32, 160, 64, 8, 136, 40, 104, 16, 176, 80, 112, 152, 56, 88, 184}, {132, 36, 108, 12, 60, 84, 180, 156})"},
	{"a = set(range(0, 200, 8)); b = set(range(0, 200, 12)); (a.symmetric_difference(b), b.symmetric_difference(a))", "({128, 64, 132, 8, 136, 12, 80, 16, 84, 152, 88, 56, 156, 184, 32, 160, 36, 104, 40, 108, 176, 112, 180, 60}, {128, 64, 132, 8, 136, 12, 16, 80, 84, 152, 88, 156, 184, 32, 160, 36, 40, 104, 108, 176, 112, 180, 56, 60})"},
	{"a = set(range(0, 200, 8)); b = set(range(0, 200, 12)); (a.intersection(b), b.intersection(a), a.union(b), b.union(a))", "({0, 96, 192, 72, 168, 48, 144, 120, 24}, {0, 96, 192, 72, 168, 48, 144, 120, 24}, {0, 128, 132, 8, 136, 12, 16, 144, 24, 152, 156, 32, 160, 36, 40, 168, 48, 176, 180, 184, 56, 60, 64, 192, 72, 80, 84, 88, 96, 104, 108, 112, 120}, {0, 128, 132, 8, 136, 12, 144, 16, 24, 152, 156, 32, 160, 36, 168, 40, 48, 176, 180, 56, 184, 60, 192, 64, 72, 80, 84, 88, 96, 104, 108, 112, 120})"},
	{"a = set(range(0, 400, 4)); a.difference([0, 4, 8])", "{256, 260, 264, 12, 268, 16, 272, 20, 276, 24, 280, 28, 284, 32, 288, 36, 292, 40, 296, 44, 300, 48, 304, 52, 308, 56, 312, 60, 316, 64, 320, 68, 324, 72, 328, 76, 332, 80, 336, 84, 340, 88, 344, 92, 348, 96, 352, 100, 356, 104, 360, 108, 364, 112, 368, 116, 372, 120, 376, 124, 380, 128, 384, 132, 388, 136, 392, 140, 396, 144, 148, 152, 156, 160, 164, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 212, 216, 220, 224, 228, 232, 236, 240, 244, 248, 252}"},
	{"a = set(range(0, 400, 4)); a.difference({0, 4, 8})", "{256, 260, 264, 12, 268, 16, 272, 20, 276, 24, 280, 28, 284, 32, 288, 36, 292, 40, 296, 44, 300, 48, 304, 52, 308, 56, 312, 60, 316, 64, 320, 68, 324, 72, 328, 76, 332, 80, 336, 84, 340, 88, 344, 92, 348, 96, 352, 100, 356, 104, 360, 108, 364, 112, 368, 116, 372, 120, 376, 124, 380, 128, 384, 132, 388, 136, 392, 140, 396, 144, 148, 152, 156, 160, 164, 168, 172, 176, 180, 184, 188, 192, 196, 200, 204, 208, 212, 216, 220, 224, 228, 232, 236, 240, 244, 248, 252}"},
	{"a = set(range(0, 400, 4)); a.difference_update(range(0, 300, 4)); a", "{300, 304, 308, 312, 316, 320, 324, 328, 332, 336, 340, 344, 348, 352, 356, 360, 364, 368, 372, 376, 380, 384, 388, 392, 396}"},
	{"a = set(range(0, 64, 8)); b = set(range(0, 2000, 8)); a.difference_update(b); a.update([1, 9, 17]); a", "{1, 9, 17}"},
	{"a = set(range(0, 64, 8)); a.symmetric_difference_update(range(32, 128, 16)); a", "{0, 64, 96, 8, 40, 16, 112, 80, 24, 56}"},
	{"a = set(range(5)); a.difference_update(a); a", "set()"},
	{"a = set(range(0, 40, 8)); a.update({1: 0, 9: 0, 17: 0, 25: 0, 33: 0}); a", "{0, 32, 1, 33, 8, 9, 16, 17, 24, 25}"},
	{"frozenset(range(0, 80, 16)).union(range(8, 80, 16))", "frozenset({0, 64, 8, 72, 16, 24, 32, 40, 48, 56})"},
	{"{1}.__or__({2})", "{1, 2}"},
	{"{1}.__or__([2])", "NotImplemented"},
	{"{1, 2}.__and__({2})", "{2}"},
	{"{1, 2}.__sub__({2})", "{1}"},
	{"{1, 2}.__xor__({2, 3})", "{1, 3}"},
	{"{1}.__ror__({2})", "{1, 2}"},
	{"{1, 2}.__rsub__({2, 3})", "{3}"},
	{"s = {1}; s.__ior__({2}); s", "{1, 2}"},
	{"s = {1, 2}; s.__iand__({2}); s", "{2}"},
	{"s = {1, 2}; s.__isub__({2}); s", "{1}"},
	{"s = {1, 2}; s.__ixor__({2, 3}); s", "{1, 3}"},
	{"{1}.__ior__([2])", "NotImplemented"},
	{"{1}.__eq__({1})", "True"},
	{"{1}.__eq__(frozenset([1]))", "True"},
	{"{1}.__le__({1, 2})", "True"},
	{"{1}.__gt__({1})", "False"},
	{"{1}.__eq__([1])", "NotImplemented"},
	{"{1}.__len__()", "1"},
	{"{1, 2}.__contains__(2)", "True"},
	{"frozenset([1]).__or__({2})", "frozenset({1, 2})"},
	{"set.add(frozenset(), 1)", "TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'frozenset' object"},
	{"frozenset([1]).copy()", "frozenset({1})"},
	{"list({3, 1, 2}.__iter__())", "[1, 2, 3]"},
	{"s = {1, 2}; s.__init__([3]); s", "{3}"},
}

var _ = registerCases("set", &setCases)

func TestSetMethods(t *testing.T) { runCases(t, setCases) }

// Popping every element of a big set takes linear time thanks to the finger, and leaves the
// elements in table order.
func TestSetPopAll(t *testing.T) {
	th := NewThread(nil, nil, nil)
	s := NewSet()
	for i := int64(0); i < 100000; i++ {
		_ = s.Add(th, Int(i*7))
	}
	want := s.Elems()
	for i := range want {
		if got := s.pop(); !got.Is(want[i]) {
			t.Fatalf("pop %d gave %d, want %d", i, got.n, want[i].n)
		}
	}
	if s.Len() != 0 {
		t.Errorf("%d left", s.Len())
	}
}
