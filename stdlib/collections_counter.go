package stdlib

import (
	"sort"

	"github.com/aio-lang/aio/runtime"
)

// collections.Counter, a dict of counts, following CPython 3.11's Lib/collections: a
// missing key counts zero, updates add, and the operators keep positive counts only.

// counterType is made by init: its methods refer to it.
var counterType *runtime.Class

func init() { counterType = newCounterType() }

func newCounterType() *runtime.Class {
	c := newPyClass("collections", "Counter", runtime.DictType, dictMethods(map[string]dictFn{
		"__init__": counterInit,
		"update":   counterUpdater("Counter.update", runtime.OpAdd),
		"subtract": counterUpdater("Counter.subtract", runtime.OpSub),
		"__missing__": oneArgFn("__missing__", func(*runtime.Thread, runtime.Value, *runtime.Dict, runtime.Value) (runtime.Value, error) {
			return runtime.Int(0), nil
		}),
		"__delitem__": oneArgFn("__delitem__", counterDelItem),
		"__repr__":    counterRepr,
		"most_common": counterMostCommon,
		"elements":    counterElements,
		"total":       counterTotal,
		"copy":        counterCopy,
		"__eq__":      counterCompare(runtime.CmpEq),
		"__ne__":      counterCompare(runtime.CmpNe),
		"__le__":      counterCompare(runtime.CmpLe),
		"__lt__":      counterCompare(runtime.CmpLt),
		"__ge__":      counterCompare(runtime.CmpGe),
		"__gt__":      counterCompare(runtime.CmpGt),
		"__add__":     counterBinary("__add__", counterSum),
		"__sub__":     counterBinary("__sub__", counterDiff),
		"__or__":      counterBinary("__or__", counterMax),
		"__and__":     counterBinary("__and__", counterMin),
		"__pos__":     counterUnary(counterSum),
		"__neg__":     counterUnary(counterDiff),
		"__iadd__":    counterInplace(false, counterSum),
		"__isub__":    counterInplace(false, counterDiff),
		"__ior__":     counterInplace(false, counterRaise),
		"__iand__":    counterInplace(true, counterLower),
	}))
	c.Dict.SetStr("fromkeys", runtime.Ref(&runtime.ClassMethod{Fn: builtin("collections", "fromkeys", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedErrorType, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
	})}))
	return c
}

// counterArgs checks the (iterable=None, /, **kwds) signature of __init__, update and
// subtract.
func counterArgs(fname string, args []runtime.Value) error {
	if len(args) > 1 {
		return runtime.TypeErrorf("%s() takes from 1 to 2 positional arguments but %d were given", fname, len(args)+1)
	}
	return nil
}

// counterInit is __init__, which calls self.update, as CPython's does: a subclass's update
// sees the initial counts.
func counterInit(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := counterArgs("Counter.__init__", args); err != nil {
		return runtime.Value{}, err
	}
	return runtime.CallMethodValue(th, self.Type().Lookup("update"), self, args, kw...)
}

// counterUpdater is update (op OpAdd) or subtract (OpSub): counts from a mapping, or one per
// element of an iterable, then from the keywords, added to or taken from the counts there
// are.
func counterUpdater(fname string, op runtime.BinaryOp) dictFn {
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := counterArgs(fname, args); err != nil {
			return runtime.Value{}, err
		}
		t, err := newTally(th, self, d)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(args) == 1 && !args[0].IsNone() {
			if err := t.count(args[0], op); err != nil {
				return runtime.Value{}, err
			}
		}
		if len(kw) > 0 {
			kwds := runtime.NewDict()
			for _, k := range kw {
				kwds.SetStr(k.Name, k.Value)
			}
			return runtime.None, t.count(runtime.Ref(kwds), op)
		}
		return runtime.None, nil
	}
}

// tally reads and writes a Counter's counts for update and subtract: on the dict itself, or
// through self.get and self[k] = v when a subclass overrides them, as CPython does.
type tally struct {
	th   *runtime.Thread
	self runtime.Value
	d    *runtime.Dict
	get  runtime.Value // self.get when overridden
}

func newTally(th *runtime.Thread, self runtime.Value, d *runtime.Dict) (*tally, error) {
	t := &tally{th: th, self: self, d: d}
	cls := self.Type()
	if isDictMethod(cls.Lookup("get")) && isDictMethod(cls.Lookup("__setitem__")) {
		return t, nil
	}
	var err error
	t.get, err = runtime.GetAttr(th, self, "get")
	return t, err
}

// add stores self[k] = self.get(k, 0) + n, or with n first when countFirst is set, or
// self.get(k, 0) - n for OpSub: the exact expressions of CPython's update and subtract.
func (t *tally) add(k, n runtime.Value, op runtime.BinaryOp, countFirst bool) error {
	var old runtime.Value
	var err error
	if t.get.IsValid() {
		old, err = runtime.Call(t.th, t.get, []runtime.Value{k, runtime.Int(0)}, nil)
	} else {
		var ok bool
		if old, ok, err = t.d.Get(t.th, k); !ok {
			old = runtime.Int(0)
		}
	}
	if err != nil {
		return err
	}
	a, b := old, n
	if countFirst {
		a, b = n, old
	}
	v, err := runtime.Binary(t.th, op, a, b)
	if err != nil {
		return err
	}
	if t.get.IsValid() {
		return runtime.SetItem(t.th, t.self, k, v)
	}
	return t.d.Set(t.th, k, v)
}

// count adds (or subtracts) the counts of a mapping, or one for each element of an iterable.
// update into an empty Counter copies a mapping as dict.update does.
func (t *tally) count(src runtime.Value, op runtime.BinaryOp) error {
	if m, ok := src.Object().(*runtime.Dict); ok {
		if op == runtime.OpAdd && t.d.Len() == 0 {
			return dictUpdate(t.th, t.self, src)
		}
		for _, p := range dictPairs(m) {
			if err := t.add(p[0], p[1], op, op == runtime.OpAdd); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := runtime.Iter(t.th, src)
	if err != nil {
		return err
	}
	for {
		x, ok, err := it.Next(t.th)
		if err != nil || !ok {
			return err
		}
		if err := t.add(x, runtime.Int(1), op, false); err != nil {
			return err
		}
		if err := t.th.Tick(); err != nil { // an endless iterable meets the step brake
			return err
		}
	}
}

func counterDelItem(th *runtime.Thread, self runtime.Value, d *runtime.Dict, k runtime.Value) (runtime.Value, error) {
	_, _, err := d.Delete(th, k) // a missing key is no error
	return runtime.None, err
}

// sortedCounts returns the items by count, largest first and ties in insertion order, as
// most_common does.
func sortedCounts(th *runtime.Thread, d *runtime.Dict) ([]pair, error) {
	items := dictPairs(d)
	var err error
	sort.SliceStable(items, func(i, j int) bool {
		if err != nil {
			return false
		}
		var less bool
		less, err = runtime.Less(th, items[j][1], items[i][1])
		return less
	})
	return items, err
}

func pairTuples(items []pair) []runtime.Value {
	out := make([]runtime.Value, len(items))
	for i, p := range items {
		out[i] = runtime.NewTuple([]runtime.Value{p[0], p[1]})
	}
	return out
}

func counterMostCommon(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n runtime.Value
	if err := runtime.UnpackArgs("most_common", args, kw, "n?", &n); err != nil {
		return runtime.Value{}, err
	}
	items, err := sortedCounts(th, d)
	if err != nil {
		return runtime.Value{}, err
	}
	if n.IsValid() && !n.IsNone() {
		k, err := toIndex(th, n)
		if err != nil {
			return runtime.Value{}, err
		}
		items = items[:min(max(int(k), 0), len(items))]
	}
	return runtime.NewList(pairTuples(items)), nil
}

// counterRepr lists the counts in most_common order, or in the dict's order when counts do
// not compare.
func counterRepr(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	name := self.Type().Name
	if d.Len() == 0 {
		return str(name + "()"), nil
	}
	s, err := reprGuarded(th, self, func() (string, error) {
		items, err := sortedCounts(th, d)
		if err != nil {
			if !runtime.AsException(err).Matches(runtime.TypeErrorType) {
				return "", err
			}
			items = dictPairs(d)
		}
		byCount := runtime.NewDict()
		for _, p := range items {
			if err := byCount.Set(th, p[0], p[1]); err != nil {
				return "", err
			}
		}
		return runtime.Repr(th, runtime.Ref(byCount))
	})
	return str(name + "(" + s + ")"), err
}

// counterElements repeats each key as many times as its count.
func counterElements(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("elements", args, kw); err != nil {
		return runtime.Value{}, err
	}
	var out []runtime.Value
	for _, p := range dictPairs(d) {
		n, err := toIndex(th, p[1])
		if err != nil {
			return runtime.Value{}, err
		}
		for ; n > 0; n-- {
			out = append(out, p[0])
		}
	}
	it, err := runtime.Iter(th, runtime.NewList(out))
	return runtime.Ref(it), err
}

func counterTotal(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("total", args, kw); err != nil {
		return runtime.Value{}, err
	}
	total := runtime.Int(0)
	var err error
	d.Items(func(_, v runtime.Value) bool {
		total, err = runtime.Binary(th, runtime.OpAdd, total, v)
		return err == nil
	})
	return total, err
}

// counterCopy is self.__class__(self), so a subclass copies to its own class.
func counterCopy(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("copy", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Call(th, runtime.Ref(self.Type()), []runtime.Value{self}, nil)
}

// counterCompare compares two Counters count by count, a missing key counting zero. Against
// other dicts == and != are dict's, which CPython reaches by the reflected dict.__eq__ once
// Counter's gives up; ordering them is an error.
func counterCompare(op runtime.CompareOp) dictFn {
	name := map[runtime.CompareOp]string{runtime.CmpEq: "__eq__", runtime.CmpNe: "__ne__"}[op]
	return oneArgFn("compare", func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value) (runtime.Value, error) {
		if !isInstance(other, counterType) {
			if name == "" {
				return runtime.NotImplemented, nil
			}
			return callDictMethod(th, name, self, []runtime.Value{other})
		}
		var r bool
		var err error
		switch op {
		case runtime.CmpEq, runtime.CmpNe:
			r, err = countsAll(th, runtime.CmpEq, self, other)
			r = r == (op == runtime.CmpEq)
		case runtime.CmpLe, runtime.CmpGe:
			r, err = countsAll(th, op, self, other)
		default: // a < b is a <= b and a != b
			orEqual := map[runtime.CompareOp]runtime.CompareOp{runtime.CmpLt: runtime.CmpLe, runtime.CmpGt: runtime.CmpGe}[op]
			if r, err = countsAll(th, orEqual, self, other); r && err == nil {
				r, err = countsAll(th, runtime.CmpEq, self, other)
				r = !r
			}
		}
		return runtime.Bool(r), err
	})
}

// countsAll reports whether self[k] op other[k] for every key of either Counter.
func countsAll(th *runtime.Thread, op runtime.CompareOp, self, other runtime.Value) (bool, error) {
	for _, c := range []runtime.Value{self, other} {
		for _, k := range c.Object().(*runtime.Dict).Keys() {
			a, err := runtime.GetItem(th, self, k)
			if err != nil {
				return false, err
			}
			b, err := runtime.GetItem(th, other, k)
			if err != nil {
				return false, err
			}
			if ok, err := compareTrue(th, op, a, b); !ok || err != nil {
				return false, err
			}
		}
	}
	return true, nil
}

// compareTrue reports whether a op b holds.
func compareTrue(th *runtime.Thread, op runtime.CompareOp, a, b runtime.Value) (bool, error) {
	r, err := runtime.Compare(th, op, a, b)
	if err != nil {
		return false, err
	}
	return runtime.Truth(th, r)
}

// A countFn combines the count on the left of a Counter operator with the one on the right.
type countFn func(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error)

func counterSum(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error) {
	return runtime.Binary(th, runtime.OpAdd, a, b)
}

func counterDiff(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error) {
	return runtime.Binary(th, runtime.OpSub, a, b)
}

// counterMax is `b if a < b else a`, as Counter.__or__ writes it.
func counterMax(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error) {
	lt, err := compareTrue(th, runtime.CmpLt, a, b)
	if lt {
		return b, err
	}
	return a, err
}

// counterMin is `a if a < b else b`, as Counter.__and__ writes it.
func counterMin(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error) {
	lt, err := compareTrue(th, runtime.CmpLt, a, b)
	if lt {
		return a, err
	}
	return b, err
}

// counterBinary is one of + - | & between Counters; with any other operand dict's operator
// applies (dict | dict is a dict).
func counterBinary(name string, f countFn) dictFn {
	return oneArgFn(name, func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value) (runtime.Value, error) {
		if !isInstance(other, counterType) {
			return callDictMethod(th, name, self, []runtime.Value{other})
		}
		return combineCounts(th, self, d, other, f)
	})
}

// counterUnary is +c (adding c to an empty Counter) or -c (subtracting it from one).
func counterUnary(f countFn) dictFn {
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("unary", args, kw); err != nil {
			return runtime.Value{}, err
		}
		empty := runtime.NewDictOf(counterType)
		return combineCounts(th, runtime.Ref(empty), empty, self, f)
	}
}

// combineCounts makes the plain Counter of f(self[k], other[k]) for self's keys, then of
// f(0, other[k]) for the keys only other has, keeping the positive results. That last
// expression is what each of CPython's four operators computes for such keys: other[k]
// kept if positive for + and |, negated if negative for -, dropped for &.
func combineCounts(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value, f countFn) (runtime.Value, error) {
	result := runtime.NewDictOf(counterType)
	keep := func(k, a, b runtime.Value) error {
		n, err := f(th, a, b)
		if err != nil {
			return err
		}
		if pos, err := compareTrue(th, runtime.CmpGt, n, runtime.Int(0)); !pos || err != nil {
			return err
		}
		return result.Set(th, k, n)
	}
	for _, p := range dictPairs(d) {
		b, err := runtime.GetItem(th, other, p[0])
		if err == nil {
			err = keep(p[0], p[1], b)
		}
		if err != nil {
			return runtime.Value{}, err
		}
	}
	for _, p := range dictPairs(other.Object().(*runtime.Dict)) {
		if _, mine, err := d.Get(th, p[0]); mine || err != nil {
			if err != nil {
				return runtime.Value{}, err
			}
			continue
		}
		if err := keep(p[0], runtime.Int(0), p[1]); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.Ref(result), nil
}

// counterRaise and counterLower decide the in-place | and &: the new count for self[k], if
// it changes.
func counterRaise(th *runtime.Thread, mine, theirs runtime.Value) (runtime.Value, error) {
	if gt, err := compareTrue(th, runtime.CmpGt, theirs, mine); !gt || err != nil {
		return runtime.Value{}, err
	}
	return theirs, nil
}

func counterLower(th *runtime.Thread, mine, theirs runtime.Value) (runtime.Value, error) {
	if lt, err := compareTrue(th, runtime.CmpLt, theirs, mine); !lt || err != nil {
		return runtime.Value{}, err
	}
	return theirs, nil
}

// counterInplace is += -= |= &=: self[k] = f(self[k], other[k]) for each key of other (of
// self for &=), skipping keys where f gives no value, then dropping the counts that are not
// positive. Like CPython's, it takes any operand with items().
func counterInplace(overSelf bool, f countFn) dictFn {
	return oneArgFn("inplace", func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value) (runtime.Value, error) {
		src := other
		if overSelf {
			src = self
		}
		pairs, err := itemPairs(th, src)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, p := range pairs {
			if err := updateCount(th, self, other, p, overSelf, f); err != nil {
				return runtime.Value{}, err
			}
		}
		return self, keepPositive(th, self, d)
	})
}

// updateCount applies an in-place operator to one item p, of self's when overSelf is set,
// of other's otherwise.
func updateCount(th *runtime.Thread, self, other runtime.Value, p pair, overSelf bool, f countFn) error {
	k, mine, theirs := p[0], p[1], p[1]
	var err error
	if overSelf {
		theirs, err = runtime.GetItem(th, other, k)
	} else {
		mine, err = runtime.GetItem(th, self, k)
	}
	if err != nil {
		return err
	}
	n, err := f(th, mine, theirs)
	if err != nil || !n.IsValid() {
		return err
	}
	return runtime.SetItem(th, self, k, n)
}

// keepPositive deletes the keys whose count is not above zero.
func keepPositive(th *runtime.Thread, self runtime.Value, d *runtime.Dict) error {
	for _, p := range dictPairs(d) {
		pos, err := compareTrue(th, runtime.CmpGt, p[1], runtime.Int(0))
		if err == nil && !pos {
			err = runtime.DelItem(th, self, p[0])
		}
		if err != nil {
			return err
		}
	}
	return nil
}
