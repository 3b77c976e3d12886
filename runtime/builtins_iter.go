package runtime

import (
	"fmt"
	"math"
)

// The builtins that make or consume iterators (iter, next, enumerate, zip, map, filter,
// reversed, sorted, all, any) and the lazy iterator objects they return, which carry
// CPython's class names.

// StopValuer is implemented by iterators that finish with a value, as generators do: when
// next() exhausts one, the StopIteration it raises carries StopValue(). It is asked right
// after Next reported the end, and must describe that call: the return value if the call
// finished the body, None if the iterator had already finished (CPython delivers a
// generator's return value once).
type StopValuer interface {
	StopValue() Value
}

var (
	enumerateType       = iterClass("enumerate")
	zipType             = iterClass("zip")
	mapType             = iterClass("map")
	filterType          = iterClass("filter")
	reversedType        = iterClass("reversed")
	listReverseIterType = iterClass("list_reverseiterator")
	callableIterType    = iterClass("callable_iterator")
	dictReverseIterType = [3]*Class{iterClass("dict_reversekeyiterator"),
		iterClass("dict_reversevalueiterator"), iterClass("dict_reverseitemiterator")}
)

func init() {
	enumerateType.New = newEnumerate
	zipType.New = newZip
	mapType.New = newMap
	filterType.New = newFilter
	reversedType.New = newReversed
	iterClasses := []*Class{enumerateType, zipType, mapType, filterType, reversedType,
		listReverseIterType, callableIterType, listIterType, tupleIterType, rangeIterType,
		strIterType, bytesIterType, setIterType, IteratorType}
	iterClasses = append(iterClasses, dictIterTypes[:]...)
	iterClasses = append(iterClasses, dictReverseIterType[:]...)
	for _, c := range iterClasses {
		addIterMethods(c)
	}
}

// addIterMethods gives a built-in iterator class __iter__ and __next__, for code that calls
// them by name.
func addIterMethods(c *Class) {
	addMethod(c, "__iter__", func(th *Thread, it Iterator, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs(c.Name+".__iter__", args, kw); err != nil {
			return Value{}, err
		}
		return Ref(it), nil
	})
	addMethod(c, "__next__", func(th *Thread, it Iterator, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs(c.Name+".__next__", args, kw); err != nil {
			return Value{}, err
		}
		x, ok, err := it.Next(th)
		if err != nil || ok {
			return x, err
		}
		return Value{}, stopIteration(it)
	})
}

// stopIteration is the exception that reports the end of it.
func stopIteration(it Iterator) *Exception {
	if sv, ok := it.(StopValuer); ok {
		return StopIterationWith(sv.StopValue())
	}
	return NewException(StopIterationType)
}

// iterValue is the Python value of an iterator that Iter returned: an object whose class
// defines __next__ is itself, not its Go adapter.
func iterValue(it Iterator) Value {
	if u, ok := it.(*userIter); ok {
		return u.obj
	}
	return Ref(it)
}

// forEach calls f with each item of the iterable v.
func forEach(th *Thread, v Value, f func(Value) error) error {
	it, err := Iter(th, v)
	if err != nil {
		return err
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := f(x); err != nil {
			return err
		}
		if err := th.Tick(); err != nil {
			return err
		}
	}
}

// anyItem reports whether pred holds for some item of the iterable, stopping at the first.
func anyItem(th *Thread, v Value, pred func(Value) (bool, error)) (bool, error) {
	found := false
	err := forEach(th, v, func(x Value) error {
		ok, err := pred(x)
		if err == nil && ok {
			found = true
			return errStopIteration
		}
		return err
	})
	if err == errStopIteration {
		err = nil
	}
	return found, err
}

// errStopIteration ends a forEach early; it never reaches Python code.
var errStopIteration = NewException(StopIterationType)

// drain collects the remaining items of an iterator.
func drain(th *Thread, it Iterator) ([]Value, error) {
	var out []Value
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return out, err
		}
		out = append(out, x)
		if err := th.Tick(); err != nil {
			return nil, err
		}
	}
}

func builtinIter(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("iter", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	if len(args) == 2 {
		if !isCallable(args[0]) {
			return Value{}, TypeErrorf("iter(v, w): v must be callable")
		}
		return Ref(&callableIter{fn: args[0], sentinel: args[1]}), nil
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	return iterValue(it), nil
}

func builtinNext(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("next", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	v := args[0]
	if cls := v.Type(); cls.user {
		// A user __next__'s own StopIteration, value and all, is what next() raises.
		m := cls.Lookup("__next__")
		if !m.IsValid() {
			return Value{}, TypeErrorf("'%s' object is not an iterator", cls.Name)
		}
		x, err := CallMethodValue(th, m, v, nil)
		if err != nil && len(args) == 2 && AsException(err).Matches(StopIterationType) {
			return args[1], nil
		}
		return x, err
	}
	it, ok := v.o.(Iterator)
	if !ok {
		return Value{}, TypeErrorf("'%s' object is not an iterator", v.Type().Name)
	}
	x, ok, err := it.Next(th)
	switch {
	case err != nil || ok:
		return x, err
	case len(args) == 2:
		return args[1], nil
	}
	return Value{}, stopIteration(it)
}

// enumerateIter is enumerate(iterable, start).
type enumerateIter struct {
	it Iterator
	n  Value // an int, big once it outgrows int64
}

func (e *enumerateIter) Type() *Class { return enumerateType }

func (e *enumerateIter) Next(th *Thread) (Value, bool, error) {
	x, ok, err := e.it.Next(th)
	if err != nil || !ok {
		return Value{}, false, err
	}
	i := e.n
	if n, ok := i.SmallInt(); ok && n < math.MaxInt64 {
		e.n = Int(n + 1)
	} else if e.n, err = Binary(th, OpAdd, i, Int(1)); err != nil {
		return Value{}, false, err
	}
	return Pair(i, x), true, nil
}

func newEnumerate(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	var iterable Value
	start := Int(0)
	if err := UnpackArgs("enumerate", args, kw, "iterable?", &iterable, "start?", &start); err != nil {
		return Value{}, err
	}
	if !iterable.IsValid() {
		return Value{}, TypeErrorf("enumerate() missing required argument 'iterable'")
	}
	if !IsInt(start) {
		i, err := toIndex(th, start)
		if err != nil {
			return Value{}, err
		}
		start = Int(i)
	} else if i, ok := AsInt64(start); ok {
		start = Int(i) // True counts from 1
	}
	it, err := Iter(th, iterable)
	if err != nil {
		return Value{}, err
	}
	return Ref(&enumerateIter{it: it, n: start}), nil
}

// zipIter is zip(*iterables, strict=False).
type zipIter struct {
	its    []Iterator
	strict bool
}

func (z *zipIter) Type() *Class { return zipType }

func (z *zipIter) Next(th *Thread) (Value, bool, error) {
	if len(z.its) == 0 {
		return Value{}, false, nil
	}
	items := make([]Value, len(z.its))
	for i, it := range z.its {
		x, ok, err := it.Next(th)
		if err != nil {
			return Value{}, false, err
		}
		if !ok {
			if z.strict {
				return Value{}, false, z.unequal(th, i)
			}
			return Value{}, false, nil
		}
		items[i] = x
	}
	return NewTuple(items), true, nil
}

// unequal checks, in strict mode, that argument i ran out together with all the others.
func (z *zipIter) unequal(th *Thread, i int) error {
	rangeOf := func(i int) string {
		if i == 1 {
			return " 1"
		}
		return fmt.Sprintf("s 1-%d", i)
	}
	if i > 0 {
		return ValueErrorf("zip() argument %d is shorter than argument%s", i+1, rangeOf(i))
	}
	for j := 1; j < len(z.its); j++ {
		_, ok, err := z.its[j].Next(th)
		if err != nil {
			return err
		}
		if ok {
			return ValueErrorf("zip() argument %d is longer than argument%s", j+1, rangeOf(j))
		}
	}
	return nil
}

func newZip(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs("zip", kw, "strict"); err != nil {
		return Value{}, err
	}
	z := &zipIter{}
	for _, k := range kw {
		strict, err := Truth(th, k.Value)
		if err != nil {
			return Value{}, err
		}
		z.strict = strict
	}
	for _, a := range args {
		it, err := Iter(th, a)
		if err != nil {
			return Value{}, err
		}
		z.its = append(z.its, it)
	}
	return Ref(z), nil
}

// mapIter is map(func, *iterables).
type mapIter struct {
	fn  Value
	its []Iterator
}

func (m *mapIter) Type() *Class { return mapType }

func (m *mapIter) Next(th *Thread) (Value, bool, error) {
	args := make([]Value, len(m.its))
	for i, it := range m.its {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		args[i] = x
	}
	r, err := Call(th, m.fn, args, nil)
	return r, err == nil, err
}

func newMap(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("map", kw); err != nil {
		return Value{}, err
	}
	if len(args) < 2 {
		return Value{}, TypeErrorf("map() must have at least two arguments.")
	}
	m := &mapIter{fn: args[0]}
	for _, a := range args[1:] {
		it, err := Iter(th, a)
		if err != nil {
			return Value{}, err
		}
		m.its = append(m.its, it)
	}
	return Ref(m), nil
}

// filterIter is filter(func, iterable); a func of None (or bool) keeps the true items.
type filterIter struct {
	fn Value
	it Iterator
}

func (f *filterIter) Type() *Class { return filterType }

func (f *filterIter) Next(th *Thread) (Value, bool, error) {
	for {
		x, ok, err := f.it.Next(th)
		if err != nil || !ok {
			return Value{}, false, err
		}
		if err := th.Tick(); err != nil { // a long run of rejected items
			return Value{}, false, err
		}
		test := x
		if !f.fn.IsNone() && f.fn.o != BoolType {
			if test, err = Call(th, f.fn, []Value{x}, nil); err != nil {
				return Value{}, false, err
			}
		}
		keep, err := Truth(th, test)
		if err != nil {
			return Value{}, false, err
		}
		if keep {
			return x, true, nil
		}
	}
}

func newFilter(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("filter", kw); err != nil {
		return Value{}, err
	}
	if err := checkPositional("filter", len(args), 2, 2); err != nil {
		return Value{}, err
	}
	it, err := Iter(th, args[1])
	if err != nil {
		return Value{}, err
	}
	return Ref(&filterIter{fn: args[0], it: it}), nil
}

// reversedIter is reversed(seq) over the sequence protocol: seq[len-1], …, seq[0].
type reversedIter struct {
	seq Value
	i   int
}

func (r *reversedIter) Type() *Class { return reversedType }

func (r *reversedIter) Next(th *Thread) (Value, bool, error) {
	if r.i < 0 {
		return Value{}, false, nil
	}
	x, err := GetItem(th, r.seq, Int(int64(r.i)))
	r.i--
	if err != nil {
		if e := AsException(err); e.Matches(IndexErrorType) || e.Matches(StopIterationType) {
			r.i = -1
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return x, true, nil
}

// listReverseIter walks a list backwards, stopping if the list shrinks under it.
type listReverseIter struct {
	l *List
	i int
}

func (r *listReverseIter) Type() *Class { return listReverseIterType }

func (r *listReverseIter) Next(*Thread) (Value, bool, error) {
	if r.i < 0 || r.i >= len(r.l.Items) {
		r.i = -1
		return Value{}, false, nil
	}
	r.i--
	return r.l.Items[r.i+1], true, nil
}

// newDictReverseIter is reversed(d), reversed(d.values()) and so on: the dict iterator run
// from the last entry back.
func newDictReverseIter(d *Dict, kind int) *dictIter {
	return &dictIter{d: d, kind: kind, i: len(d.entries) - 1, step: -1, size: d.Len()}
}

func newReversed(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("reversed", args, kw, 1, 1); err != nil {
		return Value{}, err
	}
	seq := args[0]
	switch o := seq.o.(type) {
	case *List:
		return Ref(&listReverseIter{l: o, i: len(o.Items) - 1}), nil
	case *Range:
		n := o.Len()
		return Ref(&rangeIter{next: o.Start + (n-1)*o.Step, step: -o.Step, left: n}), nil
	case *Dict:
		return Ref(newDictReverseIter(o, 0)), nil
	case *dictView:
		return Ref(newDictReverseIter(o.d, o.kind)), nil
	case *Tuple, *Str, *Bytes, *ByteArray:
		n, err := Len(th, seq)
		return Ref(&reversedIter{seq: seq, i: n - 1}), err
	}
	t := seq.Type()
	if t.user {
		if m := t.Lookup("__reversed__"); m.IsValid() && !m.IsNone() {
			return CallMethodValue(th, m, seq, nil)
		} else if !m.IsValid() && t.Lookup("__getitem__").IsValid() {
			n, err := Len(th, seq)
			if err != nil {
				return Value{}, err
			}
			return Ref(&reversedIter{seq: seq, i: n - 1}), nil
		}
	}
	return Value{}, TypeErrorf("'%s' object is not reversible", t.Name)
}

// callableIter is iter(func, sentinel): func() until it returns sentinel.
type callableIter struct {
	fn, sentinel Value
	done         bool
}

func (c *callableIter) Type() *Class { return callableIterType }

func (c *callableIter) Next(th *Thread) (Value, bool, error) {
	if c.done {
		return Value{}, false, nil
	}
	x, err := Call(th, c.fn, nil, nil)
	if err != nil {
		if AsException(err).Matches(StopIterationType) {
			c.done = true
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	stop, err := itemEqual(th, x, c.sentinel)
	if err != nil {
		return Value{}, false, err
	}
	c.done = stop
	return x, !stop, nil
}

func builtinSorted(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkPositional("sorted", len(args), 1, 1); err != nil {
		return Value{}, err
	}
	key, reverse, err := sortOptions(th, "sort", kw)
	if err != nil {
		return Value{}, err
	}
	items, err := ToSlice(th, args[0])
	if err != nil {
		return Value{}, err
	}
	l := &List{Items: append([]Value(nil), items...)}
	return Ref(l), SortList(th, l, key, reverse)
}

func builtinAll(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("all", args, kw)
	if err != nil {
		return Value{}, err
	}
	someFalse, err := anyItem(th, x, func(v Value) (bool, error) {
		t, err := Truth(th, v)
		return !t, err
	})
	return Bool(!someFalse), err
}

func builtinAny(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("any", args, kw)
	if err != nil {
		return Value{}, err
	}
	someTrue, err := anyItem(th, x, func(v Value) (bool, error) { return Truth(th, v) })
	return Bool(someTrue), err
}
