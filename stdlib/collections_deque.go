package stdlib

import "github.com/aio-lang/aio/runtime"

// deque is a double-ended queue, a ring buffer of items.
type deque struct {
	cls     *runtime.Class
	buf     []runtime.Value
	head, n int
	maxlen  int // -1: unbounded
	version int // bumped by every change, so iterators notice mutation
}

func (d *deque) Type() *runtime.Class { return d.cls }

func asDeque(v runtime.Value) *deque { return v.Object().(*deque) }

// Attr returns maxlen.
func (d *deque) Attr(name string) (runtime.Value, bool) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return runtime.None, true
		}
		return runtime.Int(int64(d.maxlen)), true
	}
	return runtime.Value{}, false
}

func (d *deque) at(i int) *runtime.Value { return &d.buf[(d.head+i)%len(d.buf)] }

func (d *deque) grow() {
	if d.n < len(d.buf) {
		return
	}
	nb := make([]runtime.Value, max(8, 2*len(d.buf)))
	for i := 0; i < d.n; i++ {
		nb[i] = *d.at(i)
	}
	d.buf, d.head = nb, 0
}

// push adds v at the right (or left) end, dropping from the other end when full.
func (d *deque) push(v runtime.Value, left bool) {
	d.version++
	if d.maxlen == 0 {
		return
	}
	if d.n == d.maxlen {
		d.pop(!left)
	}
	d.grow()
	if left {
		d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
		d.buf[d.head] = v
	} else {
		*d.at(d.n) = v
	}
	d.n++
}

// pop removes from the right (or left) end; the deque must not be empty.
func (d *deque) pop(left bool) runtime.Value {
	d.version++
	var v runtime.Value
	if left {
		v = d.buf[d.head]
		d.buf[d.head] = runtime.Value{}
		d.head = (d.head + 1) % len(d.buf)
	} else {
		p := d.at(d.n - 1)
		v, *p = *p, runtime.Value{}
	}
	d.n--
	return v
}

func (d *deque) items() []runtime.Value {
	out := make([]runtime.Value, d.n)
	for i := range out {
		out[i] = *d.at(i)
	}
	return out
}

// setItems replaces the contents (keeping maxlen's last items).
func (d *deque) setItems(items []runtime.Value) {
	d.buf, d.head, d.n = nil, 0, 0
	for _, v := range items {
		d.push(v, false)
	}
}

func newDeque(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable, maxlen runtime.Value
	if err := runtime.UnpackArgs("deque", args, kw, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return runtime.Value{}, err
	}
	d := &deque{cls: cls, maxlen: -1}
	if maxlen.IsValid() && !maxlen.IsNone() {
		n, err := toIndex(th, maxlen)
		if err != nil {
			return runtime.Value{}, err
		}
		if n < 0 {
			return runtime.Value{}, runtime.ValueErrorf("maxlen must be non-negative")
		}
		d.maxlen = int(n)
	}
	if iterable.IsValid() {
		items, err := runtime.ToSlice(th, iterable)
		if err != nil {
			return runtime.Value{}, err
		}
		d.setItems(items)
	}
	return runtime.Ref(d), nil
}

func dequeMethod(f func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error)) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := noKwargs("deque method", kw); err != nil {
			return runtime.Value{}, err
		}
		return f(th, asDeque(self), args)
	}
}

// dequeIndex resolves an index for d[i].
func (d *deque) index(th *runtime.Thread, k runtime.Value) (int, error) {
	i, err := toIndex(th, k)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += int64(d.n)
	}
	if i < 0 || i >= int64(d.n) {
		return 0, runtime.IndexErrorf("deque index out of range")
	}
	return int(i), nil
}

// find returns the position of the first item equal to x in [start, stop), or -1.
func (d *deque) find(th *runtime.Thread, x runtime.Value, start, stop int) (int, error) {
	version := d.version
	for i := start; i < stop && i < d.n; i++ {
		eq, err := runtime.Equal(th, *d.at(i), x)
		if err != nil {
			return 0, err
		}
		if d.version != version {
			return 0, runtime.Errorf(runtime.RuntimeErrorType, "deque mutated during iteration")
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func argCount(name string, args []runtime.Value, n int) error {
	if len(args) != n {
		return runtime.TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

var dequeIterType = newIterType("collections", "_deque_iterator")

var dequeType = newType("collections", "deque", newDeque, map[string]method{
	"append": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("append", args, 1); err != nil {
			return runtime.Value{}, err
		}
		d.push(args[0], false)
		return runtime.None, nil
	}),
	"appendleft": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("appendleft", args, 1); err != nil {
			return runtime.Value{}, err
		}
		d.push(args[0], true)
		return runtime.None, nil
	}),
	"pop":        dequePop(false),
	"popleft":    dequePop(true),
	"extend":     dequeExtend(false),
	"extendleft": dequeExtend(true),
	"clear": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		d.setItems(nil)
		d.version++
		return runtime.None, nil
	}),
	"copy": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		c := &deque{cls: d.cls, maxlen: d.maxlen}
		c.setItems(d.items())
		return runtime.Ref(c), nil
	}),
	"count": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("count", args, 1); err != nil {
			return runtime.Value{}, err
		}
		n := 0
		for i := 0; i < d.n; {
			j, err := d.find(th, args[0], i, d.n)
			if err != nil {
				return runtime.Value{}, err
			}
			if j < 0 {
				break
			}
			n, i = n+1, j+1
		}
		return runtime.Int(int64(n)), nil
	}),
	"index": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if len(args) < 1 || len(args) > 3 {
			return runtime.Value{}, runtime.TypeErrorf("index expected at least 1 argument, got %d", len(args))
		}
		bounds := []int{0, d.n}
		for i, a := range args[1:] {
			n, err := toIndex(th, a)
			if err != nil {
				return runtime.Value{}, err
			}
			if n < 0 {
				n = max(n+int64(d.n), 0)
			}
			bounds[i] = int(min(n, int64(d.n)))
		}
		j, err := d.find(th, args[0], bounds[0], bounds[1])
		if err == nil && j < 0 {
			err = runtime.ValueErrorf("%s is not in deque", runtime.ReprOrPlaceholder(th, args[0]))
		}
		return runtime.Int(int64(j)), err
	}),
	"insert": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if len(args) != 2 {
			return runtime.Value{}, runtime.TypeErrorf("insert expected 2 arguments, got %d", len(args))
		}
		if d.n == d.maxlen {
			return runtime.Value{}, runtime.IndexErrorf("deque already at its maximum size")
		}
		i, err := toIndex(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		if i < 0 {
			i = max(i+int64(d.n), 0)
		}
		i = min(i, int64(d.n))
		items := d.items()
		items = append(items[:i], append([]runtime.Value{args[1]}, items[i:]...)...)
		d.setItems(items)
		return runtime.None, nil
	}),
	"remove": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("remove", args, 1); err != nil {
			return runtime.Value{}, err
		}
		j, err := d.find(th, args[0], 0, d.n)
		if err != nil {
			return runtime.Value{}, err
		}
		if j < 0 {
			return runtime.Value{}, runtime.ValueErrorf("%s is not in deque", runtime.ReprOrPlaceholder(th, args[0]))
		}
		items := d.items()
		d.setItems(append(items[:j], items[j+1:]...))
		return runtime.None, nil
	}),
	"reverse": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		items := d.items()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		d.setItems(items)
		return runtime.None, nil
	}),
	"rotate": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		k := int64(1)
		if len(args) > 1 {
			return runtime.Value{}, runtime.TypeErrorf("rotate expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			var err error
			if k, err = toIndex(th, args[0]); err != nil {
				return runtime.Value{}, err
			}
		}
		if d.n > 1 {
			k = ((k % int64(d.n)) + int64(d.n)) % int64(d.n)
			for ; k > 0; k-- {
				d.push(d.pop(false), true)
			}
		}
		return runtime.None, nil
	}),
	"__len__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		return runtime.Int(int64(d.n)), nil
	}),
	"__getitem__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("__getitem__", args, 1); err != nil {
			return runtime.Value{}, err
		}
		if _, ok := args[0].Object().(*runtime.Slice); ok {
			return runtime.Value{}, runtime.TypeErrorf("sequence index must be integer, not 'slice'")
		}
		i, err := d.index(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		return *d.at(i), nil
	}),
	"__setitem__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if len(args) != 2 {
			return runtime.Value{}, runtime.TypeErrorf("expected 2 arguments, got %d", len(args))
		}
		i, err := d.index(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		*d.at(i) = args[1]
		return runtime.None, nil
	}),
	"__delitem__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("__delitem__", args, 1); err != nil {
			return runtime.Value{}, err
		}
		i, err := d.index(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		items := d.items()
		d.setItems(append(items[:i], items[i+1:]...))
		return runtime.None, nil
	}),
	"__contains__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("__contains__", args, 1); err != nil {
			return runtime.Value{}, err
		}
		j, err := d.find(th, args[0], 0, d.n)
		return runtime.Bool(j >= 0), err
	}),
	"__iter__":     dequeIter(false),
	"__reversed__": dequeIter(true),
	"__eq__":       dequeCompare(runtime.CmpEq),
	"__ne__":       dequeCompare(runtime.CmpNe),
	"__lt__":       dequeCompare(runtime.CmpLt),
	"__le__":       dequeCompare(runtime.CmpLe),
	"__gt__":       dequeCompare(runtime.CmpGt),
	"__ge__":       dequeCompare(runtime.CmpGe),
	"__repr__": dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		s, err := runtime.Repr(th, runtime.NewList(d.items()))
		if err != nil {
			return runtime.Value{}, err
		}
		if d.maxlen >= 0 {
			return str(d.cls.Name + "(" + s + ", maxlen=" + runtime.ReprOrPlaceholder(th, runtime.Int(int64(d.maxlen))) + ")"), nil
		}
		return str(d.cls.Name + "(" + s + ")"), nil
	}),
})

func dequePop(left bool) method {
	return dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if d.n == 0 {
			return runtime.Value{}, runtime.IndexErrorf("pop from an empty deque")
		}
		return d.pop(left), nil
	})
}

func dequeExtend(left bool) method {
	return dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("extend", args, 1); err != nil {
			return runtime.Value{}, err
		}
		items, err := runtime.ToSlice(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		for _, v := range append([]runtime.Value(nil), items...) {
			d.push(v, left)
		}
		return runtime.None, nil
	})
}

// dequeIter iterates forwards or backwards, failing if the deque changes meanwhile.
func dequeIter(reverse bool) method {
	return dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		i, version := 0, d.version
		return runtime.Ref(&itIter{cls: dequeIterType, next: func(*runtime.Thread) (runtime.Value, bool, error) {
			if d.version != version {
				return runtime.Value{}, false, runtime.Errorf(runtime.RuntimeErrorType, "deque mutated during iteration")
			}
			if i >= d.n {
				return runtime.Value{}, false, nil
			}
			j := i
			if reverse {
				j = d.n - 1 - i
			}
			i++
			return *d.at(j), true, nil
		}}), nil
	})
}

// dequeCompare compares deques as lists.
func dequeCompare(op runtime.CompareOp) method {
	return dequeMethod(func(th *runtime.Thread, d *deque, args []runtime.Value) (runtime.Value, error) {
		if err := argCount("compare", args, 1); err != nil {
			return runtime.Value{}, err
		}
		o, ok := args[0].Object().(*deque)
		if !ok {
			return runtime.NotImplemented, nil
		}
		return runtime.Compare(th, op, runtime.NewList(d.items()), runtime.NewList(o.items()))
	})
}
