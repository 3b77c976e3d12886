package runtime

import (
	"math"
	"reflect"
)

// This file holds what the methods of the built-in containers share: registration of methods
// whose receiver has a known Go type, CPython's argument-count errors, and the special methods
// (__len__, __getitem__, __eq__, …) that user code reaches by name, as in list.__getitem__(x, 0)
// or super().__setitem__(k, v) in a dict subclass.

// addMethod registers a method of c whose receiver must be a T, the Go type of c's instances.
// Method.Call has already checked the receiver's class, but a class deriving from two built-in
// bases can have instances of another Go type, which must be a TypeError and not a panic.
func addMethod[T Object](c *Class, name string, fn func(th *Thread, self T, args []Value, kw []Kwarg) (Value, error)) {
	c.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		x, ok := self.o.(T)
		if !ok {
			return Value{}, TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
				name, c.Name, self.Type().Name)
		}
		return fn(th, x, args, kw)
	})
}

// noKwargs is CPython's error for a function that takes only positional arguments.
func noKwargs(fname string, kw []Kwarg) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", fname)
	}
	return nil
}

// checkArity checks a function that takes no keywords and min to max positional arguments.
func checkArity(fname string, args []Value, kw []Kwarg, min, max int) error {
	if err := noKwargs(fname, kw); err != nil {
		return err
	}
	return checkPositional(fname, len(args), min, max)
}

// checkPositional is CPython's _PyArg_CheckPositional: "get expected at least 1 argument, got 0".
func checkPositional(fname string, n, min, max int) error {
	if n >= min && n <= max {
		return nil
	}
	bound, limit := "at least ", min
	if n > max {
		bound, limit = "at most ", max
	}
	if min == max {
		bound = ""
	}
	return TypeErrorf("%s expected %s%d argument%s, got %d", fname, bound, limit, plural(limit), n)
}

// oneArg returns the argument of a function taking exactly one (CPython's METH_O).
func oneArg(fname string, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs(fname, kw); err != nil {
		return Value{}, err
	}
	if len(args) != 1 {
		return Value{}, TypeErrorf("%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return args[0], nil
}

// noArgs checks a method that takes no arguments (CPython's METH_NOARGS).
func noArgs(fname string, args []Value, kw []Kwarg) error {
	if err := noKwargs(fname, kw); err != nil {
		return err
	}
	if len(args) > 0 {
		return TypeErrorf("%s() takes no arguments (%d given)", fname, len(args))
	}
	return nil
}

// rejectKwargs reports the first keyword that a function taking only named options does not
// know, in CPython's words: "'foo' is an invalid keyword argument for print()".
func rejectKwargs(fname string, kw []Kwarg, known ...string) error {
	for _, k := range kw {
		ok := false
		for _, name := range known {
			ok = ok || k.Name == name
		}
		if !ok {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", k.Name, fname)
		}
	}
	return nil
}

// kwarg returns the value of the keyword argument name, or the zero Value.
func kwarg(kw []Kwarg, name string) Value {
	for _, k := range kw {
		if k.Name == name {
			return k.Value
		}
	}
	return Value{}
}

// toIndex converts an integer-like argument, with CPython's error for anything else.
func toIndex(th *Thread, v Value) (int64, error) {
	i, ok, err := Index(th, v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	return i, nil
}

// clampedIndex reads a start or stop argument of index(): big ints clamp, as CPython's
// _PyEval_SliceIndexNotNone does.
func clampedIndex(th *Thread, v Value) (int64, error) {
	if b, ok := v.o.(*BigInt); ok {
		if b.n.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	i, ok, err := Index(th, v)
	if err == nil && !ok {
		err = TypeErrorf("slice indices must be integers or have an __index__ method")
	}
	return i, err
}

// searchBounds resolves the optional start and stop arguments of list.index and tuple.index
// against length n.
func searchBounds(th *Thread, args []Value, n int) (start, stop int, err error) {
	lo, hi := int64(0), int64(n)
	if len(args) > 0 {
		if lo, err = clampedIndex(th, args[0]); err != nil {
			return
		}
	}
	if len(args) > 1 {
		if hi, err = clampedIndex(th, args[1]); err != nil {
			return
		}
	}
	clamp := func(i int64) int {
		if i < 0 {
			i += int64(n)
			if i < 0 {
				i = 0
			}
		}
		if i > int64(n) {
			i = int64(n)
		}
		return int(i)
	}
	return clamp(lo), clamp(hi), nil
}

// itemEqual is the equality containers use to find an element: identity, then ==, with the
// element stored in the container on the left as in CPython.
func itemEqual(th *Thread, item, x Value) (bool, error) {
	if item.Is(x) {
		return true, nil
	}
	return Equal(th, item, x)
}

// countIn counts the items equal to x; the slice is re-read each step because __eq__ may
// shrink the container.
func countIn(th *Thread, items func() []Value, x Value) (Value, error) {
	n := int64(0)
	for i := 0; i < len(items()); i++ {
		eq, err := itemEqual(th, items()[i], x)
		if err != nil {
			return Value{}, err
		}
		if eq {
			n++
		}
	}
	return Int(n), nil
}

// indexIn finds the first item equal to x in [start, stop), or returns -1.
func indexIn(th *Thread, items func() []Value, x Value, start, stop int) (int, error) {
	for i := start; i < stop && i < len(items()); i++ {
		eq, err := itemEqual(th, items()[i], x)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// The special methods are thin wrappers over the generic operations, which already know the
// built-in types; they exist so that user code can name them. arity counts the arguments
// after self.
var dunderFuncs = map[string]struct {
	arity int
	fn    func(th *Thread, self Value, args []Value) (Value, error)
}{
	"__len__": {0, func(th *Thread, self Value, args []Value) (Value, error) {
		n, err := Len(th, self)
		return Int(int64(n)), err
	}},
	"__iter__": {0, func(th *Thread, self Value, args []Value) (Value, error) {
		it, err := Iter(th, self)
		if err != nil {
			return Value{}, err
		}
		return iterValue(it), nil
	}},
	"__getitem__": {1, func(th *Thread, self Value, args []Value) (Value, error) {
		return GetItem(th, self, args[0])
	}},
	"__setitem__": {2, func(th *Thread, self Value, args []Value) (Value, error) {
		return None, SetItem(th, self, args[0], args[1])
	}},
	"__delitem__": {1, func(th *Thread, self Value, args []Value) (Value, error) {
		return None, DelItem(th, self, args[0])
	}},
	// Contains would consult a subclass's __contains__, which may be this very method.
	"__contains__": {1, func(th *Thread, self Value, args []Value) (Value, error) {
		var items func() []Value
		switch o := self.o.(type) {
		case *List:
			items = o.items
		case *Tuple:
			items = o.items
		default:
			ok, err := Contains(th, self, args[0])
			return Bool(ok), err
		}
		i, err := indexIn(th, items, args[0], 0, math.MaxInt)
		return Bool(i >= 0), err
	}},
}

var compareDunders = map[string]CompareOp{
	"__eq__": CmpEq, "__ne__": CmpNe, "__lt__": CmpLt, "__le__": CmpLe, "__gt__": CmpGt, "__ge__": CmpGe,
}

// binaryDunders maps __op__ and __rop__ to their operator. The in-place forms are written
// per type: going through InplaceBinary would look the dunder up again on a subclass.
var binaryDunders = func() map[string]BinaryOp {
	m := map[string]BinaryOp{}
	for op, info := range binOpInfo {
		m[info.dunder] = BinaryOp(op)
		m[info.rdunder] = BinaryOp(op)
	}
	return m
}()

// addDunders registers the named special methods on c.
func addDunders(c *Class, names ...string) {
	for _, name := range names {
		c.AddMethod(name, dunderMethod(c, name))
	}
}

func dunderMethod(c *Class, name string) func(*Thread, Value, []Value, []Kwarg) (Value, error) {
	if op, ok := compareDunders[name]; ok {
		return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			other, err := oneArg(c.Name+"."+name, args, kw)
			if err != nil {
				return Value{}, err
			}
			// bytearray compares with any bytes-like object; the others only with their own type.
			_, isByteArray := self.o.(*ByteArray)
			if reflect.TypeOf(self.o) != reflect.TypeOf(other.o) && !(isByteArray && isBytesLike(other)) {
				return NotImplemented, nil
			}
			r, ok, err := builtinCompare(th, op, self, other)
			if !ok && err == nil {
				return NotImplemented, nil
			}
			return Bool(r), err
		}
	}
	if op, ok := binaryDunders[name]; ok {
		info := binOpInfo[op]
		return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			other, err := oneArg(c.Name+"."+name, args, kw)
			if err != nil {
				return Value{}, err
			}
			if name == info.rdunder {
				self, other = other, self
			}
			r, ok, err := builtinBinary(th, op, self, other)
			switch {
			case !ok && err == nil && name == "__add__":
				return Value{}, binaryTypeError(op, self, other) // list and tuple refuse, not defer
			case !ok && err == nil:
				return NotImplemented, nil
			}
			return r, err
		}
	}
	d, ok := dunderFuncs[name]
	if !ok {
		panic("addDunders: no special method " + name)
	}
	return func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs(c.Name+"."+name, kw); err != nil {
			return Value{}, err
		}
		if len(args) != d.arity {
			return Value{}, TypeErrorf("expected %d argument%s, got %d", d.arity, plural(d.arity), len(args))
		}
		// The generic operation must not come back to the subclass's override of this
		// very method (super().__setitem__ from a __setitem__).
		th.bypass = self.o
		r, err := d.fn(th, self, args)
		th.bypass = nil
		return r, err
	}
}
