package runtime

import (
	"strings"
	"unicode/utf8"
)

// Iterator is a Python iterator. Next returns the next item and true, or false when the
// iterator is exhausted (StopIteration is not materialised for built-in iterators).
type Iterator interface {
	Object
	Next(th *Thread) (Value, bool, error)
}

// seqIter iterates over a list or tuple by index, so that appending to a list while
// iterating it behaves as in CPython.
type seqIter struct {
	list  *List
	tuple []Value
	i     int
	cls   *Class
}

func (it *seqIter) Type() *Class { return it.cls }

func (it *seqIter) Next(*Thread) (Value, bool, error) {
	var items []Value
	if it.list != nil {
		items = it.list.Items
	} else {
		items = it.tuple
	}
	if it.i >= len(items) {
		it.list, it.tuple = nil, nil
		return Value{}, false, nil
	}
	it.i++
	return items[it.i-1], true, nil
}

type rangeIter struct {
	next, step int64
	left       int64
}

func (it *rangeIter) Type() *Class { return rangeIterType }

func (it *rangeIter) Next(*Thread) (Value, bool, error) {
	if it.left <= 0 {
		return Value{}, false, nil
	}
	v := it.next
	it.next += it.step
	it.left--
	return Int(v), true, nil
}

type strIter struct {
	s string
	i int
}

func (it *strIter) Type() *Class { return strIterType }

func (it *strIter) Next(*Thread) (Value, bool, error) {
	if it.i >= len(it.s) {
		return Value{}, false, nil
	}
	_, n := utf8.DecodeRuneInString(it.s[it.i:])
	v := NewStr(it.s[it.i : it.i+n])
	it.i += n
	return v, true, nil
}

type bytesIter struct {
	s string
	i int
}

func (it *bytesIter) Type() *Class { return bytesIterType }

func (it *bytesIter) Next(*Thread) (Value, bool, error) {
	if it.i >= len(it.s) {
		return Value{}, false, nil
	}
	it.i++
	return Int(int64(it.s[it.i-1])), true, nil
}

// dictIter walks a dict's entries forwards (step 1) or backwards (step -1, for reversed()),
// failing if the dict changes size meanwhile.
type dictIter struct {
	d    *Dict
	i    int
	step int
	kind int // 0 keys, 1 values, 2 items
	size int
}

func newDictIter(d *Dict, kind int) *dictIter {
	return &dictIter{d: d, kind: kind, step: 1, size: d.Len()}
}

func (it *dictIter) Type() *Class {
	if it.step < 0 {
		return dictReverseIterType[it.kind]
	}
	return dictIterTypes[it.kind]
}

func (it *dictIter) Next(*Thread) (Value, bool, error) {
	if it.d == nil {
		return Value{}, false, nil
	}
	if it.d.Len() != it.size {
		it.d = nil
		return Value{}, false, Errorf(RuntimeErrorType, "dictionary changed size during iteration")
	}
	for ; it.i >= 0 && it.i < len(it.d.entries); it.i += it.step {
		e := it.d.entries[it.i]
		if !e.key.IsValid() {
			continue
		}
		it.i += it.step
		switch it.kind {
		case 0:
			return e.key, true, nil
		case 1:
			return e.value, true, nil
		}
		return Pair(e.key, e.value), true, nil
	}
	it.d = nil
	return Value{}, false, nil
}

type setIter struct {
	s    *Set
	i    int
	size int
}

func (it *setIter) Type() *Class { return setIterType }

func (it *setIter) Next(*Thread) (Value, bool, error) {
	if it.s == nil {
		return Value{}, false, nil
	}
	if it.s.used != it.size {
		it.s = nil
		return Value{}, false, Errorf(RuntimeErrorType, "Set changed size during iteration")
	}
	for it.i < len(it.s.table) {
		e := it.s.table[it.i]
		it.i++
		if e.key.IsValid() {
			return e.key, true, nil
		}
	}
	it.s = nil
	return Value{}, false, nil
}

// userIter adapts an object with __next__ to Iterator.
type userIter struct {
	obj  Value
	next Value
}

func (it *userIter) Type() *Class { return it.obj.Type() }

func (it *userIter) Next(th *Thread) (Value, bool, error) {
	v, err := CallMethodValue(th, it.next, it.obj, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Matches(StopIterationType) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return v, true, nil
}

// seqProtoIter iterates an object that has __getitem__ but no __iter__.
type seqProtoIter struct {
	obj Value
	i   int64
}

func (it *seqProtoIter) Type() *Class { return IteratorType }

func (it *seqProtoIter) Next(th *Thread) (Value, bool, error) {
	v, _, err := CallMethod(th, it.obj, "__getitem__", Int(it.i))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.Matches(IndexErrorType) || e.Matches(StopIterationType)) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	it.i++
	return v, true, nil
}

var (
	listIterType  = iterClass("list_iterator")
	tupleIterType = iterClass("tuple_iterator")
	rangeIterType = iterClass("range_iterator")
	strIterType   = iterClass("str_ascii_iterator")
	bytesIterType = iterClass("bytes_iterator")
	setIterType   = iterClass("set_iterator")
	dictIterTypes = [3]*Class{iterClass("dict_keyiterator"), iterClass("dict_valueiterator"), iterClass("dict_itemiterator")}
)

// Iter returns iter(v).
func Iter(th *Thread, v Value) (Iterator, error) {
	if _, ok := override(th, v, "__iter__"); ok {
		return userIterOf(th, v)
	}
	switch o := v.o.(type) {
	case *List:
		return &seqIter{list: o, cls: listIterType}, nil
	case *Tuple:
		return &seqIter{tuple: o.Items, cls: tupleIterType}, nil
	case *Range:
		return &rangeIter{next: o.Start, step: o.Step, left: o.Len()}, nil
	case *Str:
		return &strIter{s: o.s}, nil
	case *Bytes:
		return &bytesIter{s: o.s}, nil
	case *ByteArray:
		return &byteArrayIter{a: o}, nil
	case *Dict:
		return newDictIter(o, 0), nil
	case *dictView:
		return newDictIter(o.d, o.kind), nil
	case *Set:
		return &setIter{s: o, size: o.used}, nil
	case Iterator:
		if !v.Type().user {
			return o, nil
		}
	}
	return userIterOf(th, v)
}

// userIterOf is iter(v) for an instance of a user class: __iter__, or the sequence protocol
// of __getitem__.
func userIterOf(th *Thread, v Value) (Iterator, error) {
	cls := v.Type()
	if cls.user {
		if m := cls.Lookup("__iter__"); m.IsValid() {
			if m.IsNone() {
				return nil, TypeErrorf("'%s' object is not iterable", cls.Name)
			}
			r, err := CallMethodValue(th, m, v, nil)
			if err != nil {
				return nil, err
			}
			if it, ok := r.o.(Iterator); ok && !r.Type().user {
				return it, nil
			}
			next := r.Type().Lookup("__next__")
			if !next.IsValid() {
				return nil, TypeErrorf("iter() returned non-iterator of type '%s'", r.Type().Name)
			}
			return &userIter{obj: r, next: next}, nil
		}
		if cls.Lookup("__getitem__").IsValid() {
			return &seqProtoIter{obj: v}, nil
		}
	}
	return nil, TypeErrorf("'%s' object is not iterable", cls.Name)
}

// Next calls next() on an iterator value: built-in iterators and objects with __next__.
func Next(th *Thread, v Value) (Value, bool, error) {
	if it, ok := v.o.(Iterator); ok && !v.Type().user {
		return it.Next(th)
	}
	if m := v.Type().Lookup("__next__"); m.IsValid() {
		return (&userIter{obj: v, next: m}).Next(th)
	}
	return Value{}, false, TypeErrorf("'%s' object is not an iterator", v.Type().Name)
}

// IterNext advances an iterator made by Iter. The runtime's commonest iterators are told
// apart by concrete type first, which is a compare each, where asserting the Iterator
// interface searches the itab cache on every step of a loop.
func IterNext(th *Thread, v Value) (Value, bool, error) {
	switch it := v.o.(type) {
	case *seqIter:
		return it.Next(th)
	case *rangeIter:
		return it.Next(th)
	case *dictIter:
		return it.Next(th)
	}
	return v.o.(Iterator).Next(th)
}

// ToSlice returns the items of an iterable; lists and tuples are returned without copying,
// so the caller must not modify the result.
func ToSlice(th *Thread, v Value) ([]Value, error) {
	switch o := v.o.(type) {
	case *List:
		if o.sub == nil {
			return o.Items, nil
		}
	case *Tuple:
		if o.sub == nil {
			return o.Items, nil
		}
	}
	it, err := Iter(th, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		x, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, x)
		if err := th.Tick(); err != nil {
			return nil, err
		}
	}
}

// Contains evaluates x in v.
func Contains(th *Thread, v, x Value) (bool, error) {
	if r, ok, err := callOverride(th, v, "__contains__", x); ok {
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	switch o := v.o.(type) {
	case *Dict:
		_, ok, err := o.Get(th, x)
		return ok, err
	case *Set:
		return o.Contains(th, x)
	case *Str:
		s, ok := x.o.(*Str)
		if !ok {
			return false, TypeErrorf("'in <string>' requires string as left operand, not %s", x.Type().Name)
		}
		return strings.Contains(o.s, s.s), nil
	case *Bytes:
		return bytesContains(o.s, x)
	case *ByteArray:
		return bytesContains(string(o.b), x)
	case *Range:
		i, ok := AsInt64(x)
		if !ok {
			break
		}
		if o.Step > 0 {
			return i >= o.Start && i < o.Stop && (i-o.Start)%o.Step == 0, nil
		}
		return i <= o.Start && i > o.Stop && (o.Start-i)%(-o.Step) == 0, nil
	case *dictView:
		if o.kind == 0 {
			_, ok, err := o.d.Get(th, x)
			return ok, err
		}
	}
	if v.Type().user {
		if r, found, err := CallMethod(th, v, "__contains__", x); found || err != nil {
			if err != nil {
				return false, err
			}
			return Truth(th, r)
		}
	}
	it, err := Iter(th, v)
	if err != nil {
		return false, TypeErrorf("argument of type '%s' is not iterable", v.Type().Name)
	}
	for {
		y, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		if y.Is(x) {
			return true, nil
		}
		eq, err := Equal(th, y, x)
		if err != nil || eq {
			return eq, err
		}
		if err := th.Tick(); err != nil {
			return false, err
		}
	}
}

// Resumable is what `yield from` and `await` delegate to: generators, coroutines and the
// native awaitables of asyncio. Resume sends a value in (or throws an exception in, when
// throw is non-nil) and runs until the next yield, returning the yielded value; when the
// body finishes, done is true and v is its return value.
type Resumable interface {
	Object
	Resume(th *Thread, send Value, throw *Exception) (v Value, done bool, err error)
}
