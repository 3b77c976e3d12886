package runtime

import (
	"bytes"
	"slices"
	"strings"
)

// The bytearray type: a mutable bytes. Its text methods are bytes's (bytes_methods.go,
// through byteArrayKind); this file holds what mutability adds — item and slice
// assignment, deletion, the list-like methods and the in-place operators.

// ByteArray is a Python bytearray.
type ByteArray struct {
	b []byte
}

// Type returns `bytearray`.
func (a *ByteArray) Type() *Class { return ByteArrayType }

// NewByteArray returns a bytearray holding a copy of s.
func NewByteArray(s string) Value { return Ref(&ByteArray{b: []byte(s)}) }

// Bytes returns the bytearray's contents; changing them changes the bytearray.
func (a *ByteArray) Bytes() []byte { return a.b }

// BytesLike returns the contents of a bytes or bytearray value: the objects CPython's
// buffer protocol accepts wherever it wants bytes.
func BytesLike(v Value) (string, bool) {
	switch o := v.o.(type) {
	case *Bytes:
		return o.s, true
	case *ByteArray:
		return string(o.b), true
	}
	return "", false
}

func isBytesLike(v Value) bool {
	switch v.o.(type) {
	case *Bytes, *ByteArray:
		return true
	}
	return false
}

// byteValue converts an item stored into a bytearray: an index in range(256).
func byteValue(th *Thread, v Value) (byte, error) {
	n, err := toIndex(th, v)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 255 {
		return 0, ValueErrorf("byte must be in range(0, 256)")
	}
	return byte(n), nil
}

// byteArrayIndex resolves a (possibly negative) index into a; check, when given, runs
// between reading the index and checking its range, as CPython converts an assigned value.
func byteArrayIndex(th *Thread, a *ByteArray, k Value, check func() error) (int, error) {
	i, ok, err := Index(th, k)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, TypeErrorf("bytearray indices must be integers or slices, not %s", k.Type().Name)
	}
	if check != nil {
		if err := check(); err != nil {
			return 0, err
		}
	}
	j, ok := normIndex(i, len(a.b))
	if !ok {
		return 0, IndexErrorf("bytearray index out of range")
	}
	return j, nil
}

// byteArrayGetItem is a[k]: an int, or a new bytearray for a slice.
func byteArrayGetItem(th *Thread, a *ByteArray, k Value) (Value, error) {
	if sl, ok := k.o.(*Slice); ok {
		start, _, step, n, err := SliceIndices(th, sl, len(a.b))
		if err != nil {
			return Value{}, err
		}
		out := make([]byte, n)
		for i := range out {
			out[i] = a.b[start+i*step]
		}
		return Ref(&ByteArray{b: out}), nil
	}
	j, err := byteArrayIndex(th, a, k, nil)
	if err != nil {
		return Value{}, err
	}
	return Int(int64(a.b[j])), nil
}

// byteArraySetItem is a[k] = x.
func byteArraySetItem(th *Thread, a *ByteArray, k, x Value) error {
	if sl, ok := k.o.(*Slice); ok {
		return byteArraySetSlice(th, a, sl, x)
	}
	var c byte
	j, err := byteArrayIndex(th, a, k, func() (err error) {
		c, err = byteValue(th, x)
		return err
	})
	if err == nil {
		a.b[j] = c
	}
	return err
}

// byteArraySetSlice is a[sl] = x, x being bytes-like or an iterable of byte values.
func byteArraySetSlice(th *Thread, a *ByteArray, sl *Slice, x Value) error {
	if _, isStr := x.o.(*Str); isStr || isNumber(x) {
		return TypeErrorf("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	src, err := bytesOf(th, x, ByteArrayType)
	if err != nil {
		return err
	}
	start, stop, step, n, err := SliceIndices(th, sl, len(a.b))
	if err != nil {
		return err
	}
	switch {
	case step == 1:
		// a[5:2] = … inserts at 5.
		a.b = slices.Replace(a.b, start, max(start, stop), []byte(src)...)
	case src == "":
		// Unlike a list, a bytearray lets an empty value delete an extended slice.
		a.b = deleteStep(a.b, start, step, n)
	case len(src) != n:
		return ValueErrorf("attempt to assign bytes of size %d to extended slice of size %d", len(src), n)
	default:
		for i := 0; i < n; i++ {
			a.b[start+i*step] = src[i]
		}
	}
	return nil
}

// isNumber is CPython's PyNumber_Check, by which bytearray slice assignment refuses what
// would otherwise be read as a count of zero bytes.
func isNumber(v Value) bool {
	switch v.o.(type) {
	case intTag, boolTag, floatTag, *BigInt:
		return true
	}
	t := v.Type()
	return t.user && (t.Lookup("__index__").IsValid() || t.Lookup("__int__").IsValid() || t.Lookup("__float__").IsValid())
}

// byteArrayDelItem is del a[k].
func byteArrayDelItem(th *Thread, a *ByteArray, k Value) error {
	if sl, ok := k.o.(*Slice); ok {
		start, _, step, n, err := SliceIndices(th, sl, len(a.b))
		if err == nil {
			a.b = deleteStep(a.b, start, step, n)
		}
		return err
	}
	j, err := byteArrayIndex(th, a, k, nil)
	if err == nil {
		a.b = slices.Delete(a.b, j, j+1)
	}
	return err
}

// deleteStep removes the n elements start, start+step, … of s in place; step may be
// negative.
func deleteStep[T any](s []T, start, step, n int) []T {
	if n == 0 {
		return s
	}
	if step < 0 { // the same elements, walked forwards
		start, step = start+(n-1)*step, -step
	}
	out := s[:start]
	for i := start; i < len(s); i++ {
		if d := i - start; d%step != 0 || d/step >= n {
			out = append(out, s[i])
		}
	}
	clear(s[len(out):]) // let go of what the tail held
	return out
}

// byteArrayIter walks a bytearray by index, so that it sees changes made while iterating;
// once exhausted it stays so, as CPython's does.
type byteArrayIter struct {
	a *ByteArray
	i int
}

var byteArrayIterType = iterClass("bytearray_iterator")

func (it *byteArrayIter) Type() *Class { return byteArrayIterType }

func (it *byteArrayIter) Next(*Thread) (Value, bool, error) {
	if it.a == nil || it.i >= len(it.a.b) {
		it.a = nil
		return Value{}, false, nil
	}
	it.i++
	return Int(int64(it.a.b[it.i-1])), true, nil
}

// byteArrayInplace is a += x and a *= n, which change a itself.
func byteArrayInplace(th *Thread, op BinaryOp, a *ByteArray, y Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		s, ok := BytesLike(y)
		if !ok {
			return Value{}, true, concatError(Ref(a), y)
		}
		a.b = append(a.b, s...)
	case OpMul:
		r, ok, err := repeatSeq(th, Ref(a), y)
		if !ok || err != nil {
			return r, ok, err
		}
		a.b = r.o.(*ByteArray).b
	default:
		return Value{}, false, nil
	}
	return Ref(a), true, nil
}

// concatError is bytes' and bytearray's refusal of a non-bytes right operand of +.
func concatError(x, y Value) error {
	return TypeErrorf("can't concat %s to %s", y.Type().Name, x.Type().Name)
}

// compareBytes compares the contents of two bytes-like values; ok is false unless both are.
func compareBytes(x, y Value) (int, bool) {
	a, ok := BytesLike(x)
	if !ok {
		return 0, false
	}
	b, ok := BytesLike(y)
	if !ok {
		return 0, false
	}
	return strings.Compare(a, b), true
}

func init() {
	addIterMethods(byteArrayIterType)
	c := ByteArrayType
	addMethod(c, "append", func(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("bytearray.append", args, kw)
		if err != nil {
			return Value{}, err
		}
		b, err := byteValue(th, x)
		if err == nil {
			a.b = append(a.b, b)
		}
		return None, err
	})
	addMethod(c, "extend", byteArrayExtend)
	addMethod(c, "insert", byteArrayInsert)
	addMethod(c, "pop", byteArrayPop)
	addMethod(c, "remove", func(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("bytearray.remove", args, kw)
		if err != nil {
			return Value{}, err
		}
		b, err := byteValue(th, x)
		if err != nil {
			return Value{}, err
		}
		i := bytes.IndexByte(a.b, b)
		if i < 0 {
			return Value{}, ValueErrorf("value not found in bytearray")
		}
		a.b = slices.Delete(a.b, i, i+1)
		return None, nil
	})
	noArgMethods(c, map[string]func(*Thread, Value) (Value, error){
		"clear": func(_ *Thread, self Value) (Value, error) {
			self.o.(*ByteArray).b = nil
			return None, nil
		},
		"copy": func(_ *Thread, self Value) (Value, error) {
			return Ref(&ByteArray{b: slices.Clone(self.o.(*ByteArray).b)}), nil
		},
		"reverse": func(_ *Thread, self Value) (Value, error) {
			slices.Reverse(self.o.(*ByteArray).b)
			return None, nil
		},
	})
	for _, op := range []BinaryOp{OpAdd, OpMul} {
		name := binOpInfo[op].idunder
		addMethod(c, name, func(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
			y, err := oneArg("bytearray."+name, args, kw)
			if err != nil {
				return Value{}, err
			}
			r, ok, err := byteArrayInplace(th, op, a, y)
			if !ok && err == nil {
				return NotImplemented, nil
			}
			return r, err
		})
	}
}

// byteArrayExtend is bytearray.extend(iterable_of_ints).
func byteArrayExtend(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("bytearray.extend", args, kw)
	if err != nil {
		return Value{}, err
	}
	if s, ok := BytesLike(x); ok {
		a.b = append(a.b, s...)
		return None, nil
	}
	it, err := Iter(th, x)
	if err != nil {
		if AsException(err).Matches(TypeErrorType) {
			err = TypeErrorf("can't extend bytearray with %s", x.Type().Name)
		}
		return Value{}, err
	}
	// The new bytes are collected first, so that extending a bytearray by an iterator over
	// itself ends.
	var add []byte
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			a.b = append(a.b, add...)
			return None, nil
		}
		b, err := byteValue(th, v)
		if err == nil {
			err = th.Tick()
		}
		if err != nil {
			return Value{}, err
		}
		add = append(add, b)
	}
}

// byteArrayInsert is bytearray.insert(index, item), the index clamped as list.insert's.
func byteArrayInsert(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(ByteArrayType, "insert", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	i, err := toIndex(th, args[0])
	if err != nil {
		return Value{}, err
	}
	b, err := byteValue(th, args[1])
	if err != nil {
		return Value{}, err
	}
	a.b = slices.Insert(a.b, insertIndex(i, len(a.b)), b)
	return None, nil
}

// byteArrayPop is bytearray.pop(index=-1).
func byteArrayPop(th *Thread, a *ByteArray, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(ByteArrayType, "pop", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	j, err := popIndex(th, args, len(a.b), "bytearray")
	if err != nil {
		return Value{}, err
	}
	c := a.b[j]
	a.b = slices.Delete(a.b, j, j+1)
	return Int(int64(c)), nil
}

// bytesBinary is x op y for a bytes or bytearray x; the result has x's type.
func bytesBinary(th *Thread, op BinaryOp, x, y Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		if b, ok := BytesLike(y); ok {
			a, _ := BytesLike(x)
			return kindOf(x.Type()).wrap(a + b), true, nil
		}
	case OpMul:
		return repeatSeq(th, x, y)
	case OpMod:
		f, _ := BytesLike(x)
		s, err := percentFormat(th, f, y, true)
		if err != nil {
			return Value{}, true, err
		}
		return kindOf(x.Type()).wrap(s), true, nil
	}
	return Value{}, false, nil
}
