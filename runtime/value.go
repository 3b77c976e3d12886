// Package runtime holds Aio's values and the operations on them: the object model that the
// interpreter (package interp) walks over and that the standard library (package stdlib) is
// written against.
//
// # Values
//
// A Value is a small struct passed by value: an Object interface and a 64-bit payload. None,
// bools, ints that fit in 64 bits and floats live entirely in the struct (the Object is a
// zero-size tag type, which Go stores without allocating), so arithmetic on them never touches
// the heap. Every other value is a pointer to a heap object (*Str, *List, *Dict, *Instance, …)
// held in the Object field. The zero Value is not a Python value: it marks an unbound variable
// or "no result" and must never escape to Python code.
//
// # Errors
//
// A Python exception travels as a Go error whose dynamic type is *Exception; operations return
// (Value, error) and never panic on bad Python input. Raising is on the hot path of real
// programs, so nothing here uses panic/recover for Python control flow.
//
// # Threads
//
// A Thread is the per-interpreter execution state (output streams, call depth, the value stack
// that synchronous frames are carved from, the exception being handled). One Thread is used by
// one goroutine at a time.
package runtime

import (
	"math"
	"unsafe"
)

// Object is any Python object. Type returns its class.
type Object interface {
	Type() *Class
}

// Value is an Aio value. See the package comment for its representation.
type Value struct {
	o Object
	n uint64
}

// The tag types mark values stored inline in a Value.
type (
	noneTag  struct{}
	boolTag  struct{}
	intTag   struct{}
	floatTag struct{}
)

func (noneTag) Type() *Class  { return NoneType }
func (boolTag) Type() *Class  { return BoolType }
func (intTag) Type() *Class   { return IntType }
func (floatTag) Type() *Class { return FloatType }

// The singleton values.
var (
	None  = Value{o: noneTag{}}
	True  = Value{o: boolTag{}, n: 1}
	False = Value{o: boolTag{}}
)

// Int returns the int value i.
func Int(i int64) Value { return Value{o: intTag{}, n: uint64(i)} }

// Float returns the float value f.
func Float(f float64) Value { return Value{o: floatTag{}, n: math.Float64bits(f)} }

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Ref wraps a heap object as a Value. o must not be nil.
func Ref(o Object) Value { return Value{o: o} }

// IsValid reports whether v holds a value (the zero Value does not).
func (v Value) IsValid() bool { return v.o != nil }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { _, ok := v.o.(noneTag); return ok }

// Type returns the class of v.
func (v Value) Type() *Class { return v.o.Type() }

// Object returns the heap object of v, or a tag object for inline values.
func (v Value) Object() Object { return v.o }

// SmallInt returns v's integer and true if v is an int that fits in 64 bits (not a bool).
func (v Value) SmallInt() (int64, bool) {
	_, ok := v.o.(intTag)
	return int64(v.n), ok
}

// FloatVal returns v's float and true if v is a float.
func (v Value) FloatVal() (float64, bool) {
	_, ok := v.o.(floatTag)
	return math.Float64frombits(v.n), ok
}

// BoolVal returns v's truth and true if v is exactly a bool.
func (v Value) BoolVal() (bool, bool) {
	_, ok := v.o.(boolTag)
	return v.n != 0, ok
}

// Is reports Python identity: `v is w`. Heap values are the same object when their interface
// words are equal (their n is always 0), and inline values when their tag and bits are: so
// identity is three word compares, with none of the calls of an interface ==.
func (v Value) Is(w Value) bool {
	a := (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))
	b := (*[2]unsafe.Pointer)(unsafe.Pointer(&w.o))
	return a[0] == b[0] && a[1] == b[1] && v.n == w.n
}
