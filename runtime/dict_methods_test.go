package runtime

import "testing"

// Expectations are CPython 3.11's; see builtins_test.go.
var dictCases = []evalCase{
	{"dict()", "{}"},
	{"dict(a=1, b=2)", "{'a': 1, 'b': 2}"},
	{"dict({1: 2}, a=3)", "{1: 2, 'a': 3}"},
	{"dict([('a', 1)], a=2)", "{'a': 2}"},
	{"dict(['ab', 'cd'])", "{'a': 'b', 'c': 'd'}"},
	{"dict('ab')", "ValueError: dictionary update sequence element #0 has length 1; 2 is required"},
	{"dict([1])", "TypeError: cannot convert dictionary update sequence element #0 to a sequence"},
	{"dict([(1, 2, 3)])", "ValueError: dictionary update sequence element #0 has length 3; 2 is required"},
	{"dict({}, {})", "TypeError: dict expected at most 1 argument, got 2"},
	{"dict(1)", "TypeError: 'int' object is not iterable"},
	{"dict(zip('abc', range(3)))", "{'a': 0, 'b': 1, 'c': 2}"},
	{"dict({1: 2}.items())", "{1: 2}"},
	{"dict([(1, 2), (3, 4), (1, 5)])", "{1: 5, 3: 4}"},
	{"{1: 2}.get(1)", "2"},
	{"{1: 2}.get(3)", "None"},
	{"{1: 2}.get(3, 'd')", "'d'"},
	{"{}.get()", "TypeError: get expected at least 1 argument, got 0"},
	{"{}.get(1, 2, 3)", "TypeError: get expected at most 2 arguments, got 3"},
	{"{}.get([])", "TypeError: unhashable type: 'list'"},
	{"{1: 2}.get(1.0)", "2"},
	{"d = {}; (d.setdefault('a', []), d.setdefault('a', 5), d)", "([], [], {'a': []})"},
	{"d = {}; d.setdefault('x'); d", "{'x': None}"},
	{"{}.setdefault()", "TypeError: setdefault expected at least 1 argument, got 0"},
	{"d = {1: 2}; (d.pop(1), d)", "(2, {})"},
	{"{}.pop(1)", "KeyError: 1"},
	{"{}.pop(1, 'd')", "'d'"},
	{"{}.pop()", "TypeError: pop expected at least 1 argument, got 0"},
	{"{}.pop([])", "KeyError: []"},
	{"d = {1: 2, 3: 4}; (d.popitem(), d)", "((3, 4), {1: 2})"},
	{"{}.popitem()", "KeyError: 'popitem(): dictionary is empty'"},
	{"d = {1: 2, 3: 4}; d.popitem(); d.popitem(); d.update(x=1); d", "{'x': 1}"},
	{"d = {1: 2}; d.update({3: 4}, x=5); d", "{1: 2, 3: 4, 'x': 5}"},
	{"d = {}; d.update([(1, 2)]); d", "{1: 2}"},
	{"{}.update(1)", "TypeError: 'int' object is not iterable"},
	{"{}.update({}, {})", "TypeError: update expected at most 1 argument, got 2"},
	{"d = {}; d.update(a=1); d", "{'a': 1}"},
	{"d = {}; d.update({1: 2}.items()); d", "{1: 2}"},
	{"{}.update([1])", "TypeError: cannot convert dictionary update sequence element #0 to a sequence"},
	{"{1: 2}.keys()", "dict_keys([1])"},
	{"list({1: 2, 3: 4}.values())", "[2, 4]"},
	{"{1: 2}.items()", "dict_items([(1, 2)])"},
	{"{1: 2}.values()", "dict_values([2])"},
	{"len({1: 2}.keys())", "1"},
	{"{}.keys(1)", "TypeError: dict.keys() takes no arguments (1 given)"},
	{"d = {1: 2}; e = d.copy(); e.clear(); (d, e)", "({1: 2}, {})"},
	{"{1: 2}.copy()", "{1: 2}"},
	{"dict.fromkeys('ab')", "{'a': None, 'b': None}"},
	{"dict.fromkeys([1, 2], [])", "{1: [], 2: []}"},
	{"{}.fromkeys('a', 0)", "{'a': 0}"},
	{"dict.fromkeys()", "TypeError: fromkeys expected at least 1 argument, got 0"},
	{"dict.fromkeys(1)", "TypeError: 'int' object is not iterable"},
	{"dict.fromkeys('a', 1, 2)", "TypeError: fromkeys expected at most 2 arguments, got 3"},
	{"dict.__getitem__({1: 2}, 1)", "2"},
	{"{}.__getitem__(1)", "KeyError: 1"},
	{"d = {}; d.__setitem__('k', 'v'); d", "{'k': 'v'}"},
	{"d = {1: 2}; d.__delitem__(1); d", "{}"},
	{"{}.__delitem__(1)", "KeyError: 1"},
	{"{1: 2}.__contains__(1)", "True"},
	{"{1: 2}.__len__()", "1"},
	{"{1: 2}.__or__({3: 4})", "{1: 2, 3: 4}"},
	{"{1: 2}.__or__([(3, 4)])", "NotImplemented"},
	{"d = {1: 2}; d.__ior__([(3, 4)]); d", "{1: 2, 3: 4}"},
	{"list(reversed({1: 2, 3: 4}))", "[3, 1]"},
	{"list(reversed({1: 2, 3: 4}.items()))", "[(3, 4), (1, 2)]"},
	{"list(reversed({1: 2, 3: 4}.values()))", "[4, 2]"},
	{"list(reversed({1: 2, 3: 4}.keys()))", "[3, 1]"},
	{"list({1: 2, 3: 4}.__reversed__())", "[3, 1]"},
	{"{1: 2}.__eq__({1: 2})", "True"},
	{"{1: 2}.__eq__(1)", "NotImplemented"},
	{"{1: 2}.__ne__({1: 3})", "True"},
	{"{1: 2}.keys().isdisjoint([2])", "True"},
	{"{1: 2}.keys().isdisjoint([1])", "False"},
	{"{1: 2}.items().isdisjoint([(1, 2)])", "False"},
	{"{1: 2}.keys().__len__()", "1"},
	{"{1: 2}.items().__contains__((1, 2))", "True"},
	{"list({1: 2}.values().__iter__())", "[2]"},
	{"d = {1: 2}; d.__init__([(3, 4)], x=1); d", "{1: 2, 3: 4, 'x': 1}"},
}

var _ = registerCases("dict", &dictCases)

func TestDictMethods(t *testing.T) { runCases(t, dictCases) }

// Popping most of a big dict squeezes out the holes it leaves, and the dict stays sound:
// every remaining key is found and new keys go after them.
func TestPopitemMany(t *testing.T) {
	th := NewThread(nil, nil, nil)
	d := NewDict()
	for i := int64(0); i < 1000; i++ {
		_ = d.Set(th, Int(i), Int(i))
	}
	for i := int64(999); i >= 100; i-- {
		k, v := d.popLast()
		if k.n != uint64(i) || v.n != uint64(i) {
			t.Fatalf("popped %d, want %d", k.n, i)
		}
	}
	if len(d.entries) > 2*d.Len()+8 {
		t.Errorf("%d entries kept for %d items", len(d.entries), d.Len())
	}
	for i := int64(2000); i < 2050; i++ {
		_ = d.Set(th, Int(i), Int(i))
	}
	keys := d.Keys()
	if len(keys) != 150 || keys[99].n != 99 || keys[100].n != 2000 {
		t.Fatalf("keys after pops and inserts: %d, [99]=%d [100]=%d", len(keys), keys[99].n, keys[100].n)
	}
	for _, k := range keys {
		if _, ok, _ := d.Get(th, k); !ok {
			t.Errorf("key %d lost", k.n)
		}
	}
}
