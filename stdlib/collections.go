package stdlib

import "github.com/aio-lang/aio/runtime"

// newCollections builds collections: deque, defaultdict, Counter, OrderedDict and
// namedtuple.
//
// Counter, defaultdict and OrderedDict derive from dict, and named tuple classes from tuple,
// as in CPython: their instances are the runtime's own dicts and tuples carrying a subclass
// record (see runtime/subclass.go), so every dict or tuple operation works on them, and the
// Go methods of these classes override the built-in ones as Python methods would.
func newCollections(*Options) *runtime.Module {
	m := newModule("collections", map[string]fn{"namedtuple": namedtuple})
	for _, c := range []*runtime.Class{dequeType, defaultdictType, counterType, orderedDictType} {
		m.Dict.SetStr(c.Name, runtime.Ref(c))
	}
	return m
}

// dictFn is a method of a dict subclass, given its receiver both as a value and as a dict.
type dictFn func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// dictMethod adapts a dictFn. Method calls have checked that self is an instance of the
// class, but a class deriving from it and from another built-in may make instances that are
// not dicts, which must be a TypeError and not a panic.
func dictMethod(name string, f dictFn) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		d, ok := self.Object().(*runtime.Dict)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("descriptor '%s' requires a 'dict' object but received a '%s'", name, typeName(self))
		}
		return f(th, self, d, args, kw)
	}
}

// dictMethods adapts a table of dictFns.
func dictMethods(fns map[string]dictFn) map[string]method {
	ms := make(map[string]method, len(fns))
	for name, f := range fns {
		ms[name] = dictMethod(name, f)
	}
	return ms
}

// oneArgFn is a dictFn of exactly one argument (CPython's METH_O).
func oneArgFn(name string, f func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, x runtime.Value) (runtime.Value, error)) dictFn {
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := noKwargs(name, kw); err != nil {
			return runtime.Value{}, err
		}
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
		}
		return f(th, self, d, args[0])
	}
}

// callDictMethod calls dict's own method name on self, which the subclass overrides: what
// super().name(...) does in CPython's Python-written subclasses. It gives NotImplemented
// when dict has no such method (dict has no __add__).
func callDictMethod(th *runtime.Thread, name string, self runtime.Value, args []runtime.Value, kw ...runtime.Kwarg) (runtime.Value, error) {
	m := runtime.DictType.Lookup(name)
	if !m.IsValid() {
		return runtime.NotImplemented, nil
	}
	return runtime.CallMethodValue(th, m, self, args, kw...)
}

// isDictMethod reports whether m, found on a class, is dict's own method and no override.
func isDictMethod(m runtime.Value) bool {
	meth, ok := m.Object().(*runtime.Method)
	return ok && meth.Class == runtime.DictType
}

// isInstance reports whether v is an instance of cls or of a class derived from it.
func isInstance(v runtime.Value, cls *runtime.Class) bool { return v.Type().IsSubclass(cls) }

// pair is a key and its value.
type pair = [2]runtime.Value

// dictPairs returns a snapshot of d's items, which the caller may change d while walking.
func dictPairs(d *runtime.Dict) []pair {
	out := make([]pair, 0, d.Len())
	d.Items(func(k, v runtime.Value) bool { out = append(out, pair{k, v}); return true })
	return out
}

// itemPairs returns the pairs of v.items(): a dict's directly, anything else's through its
// items method.
func itemPairs(th *runtime.Thread, v runtime.Value) ([]pair, error) {
	if d, ok := v.Object().(*runtime.Dict); ok {
		return dictPairs(d), nil
	}
	items, err := runtime.GetAttr(th, v, "items")
	if err != nil {
		return nil, err
	}
	return calledPairs(th, items)
}

// mappingPairs returns what MutableMapping.update reads from its argument: a dict's items,
// else keys() with subscription, else items(), else the pairs of an iterable.
func mappingPairs(th *runtime.Thread, v runtime.Value) ([]pair, error) {
	if d, ok := v.Object().(*runtime.Dict); ok {
		return dictPairs(d), nil
	}
	if keys, ok, err := optAttr(th, v, "keys"); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return keyedPairs(th, v, keys)
	}
	if items, ok, err := optAttr(th, v, "items"); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return calledPairs(th, items)
	}
	return unpackPairs(th, v)
}

// optAttr returns v.name, or ok false if v has no such attribute.
func optAttr(th *runtime.Thread, v runtime.Value, name string) (runtime.Value, bool, error) {
	a, err := runtime.GetAttr(th, v, name)
	if err != nil && runtime.AsException(err).Matches(runtime.AttributeErrorType) {
		return runtime.Value{}, false, nil
	}
	return a, err == nil, err
}

// calledPairs reads the pairs that calling items gives.
func calledPairs(th *runtime.Thread, items runtime.Value) ([]pair, error) {
	it, err := runtime.Call(th, items, nil, nil)
	if err != nil {
		return nil, err
	}
	return unpackPairs(th, it)
}

// keyedPairs reads mapping v through its keys method and subscription.
func keyedPairs(th *runtime.Thread, v, keys runtime.Value) ([]pair, error) {
	ks, err := runtime.Call(th, keys, nil, nil)
	if err != nil {
		return nil, err
	}
	list, err := runtime.ToSlice(th, ks)
	if err != nil {
		return nil, err
	}
	out := make([]pair, len(list))
	for i, k := range list {
		x, err := runtime.GetItem(th, v, k)
		if err != nil {
			return nil, err
		}
		out[i] = pair{k, x}
	}
	return out, nil
}

// unpackPairs reads an iterable of key-value pairs.
func unpackPairs(th *runtime.Thread, v runtime.Value) ([]pair, error) {
	items, err := runtime.ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	out := make([]pair, len(items))
	for i, it := range items {
		kv, err := runtime.ToSlice(th, it)
		if err != nil {
			return nil, err
		}
		if len(kv) != 2 {
			return nil, runtime.ValueErrorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
		}
		out[i] = pair{kv[0], kv[1]}
	}
	return out, nil
}

// reprGuarded is repr for a container that may hold itself: "..." where it recurs.
func reprGuarded(th *runtime.Thread, self runtime.Value, f func() (string, error)) (string, error) {
	if !th.EnterRepr(self) {
		return "...", nil
	}
	defer th.LeaveRepr()
	return f()
}

// mappingOr is the | and reflected | of defaultdict and OrderedDict: a new mapping of self's
// class made from the left operand by fresh, then updated with the right one by update.
func mappingOr(reflected bool, fresh func(th *runtime.Thread, self, left runtime.Value) (runtime.Value, error),
	update func(th *runtime.Thread, m, src runtime.Value) error) dictFn {
	return oneArgFn("__or__", func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value) (runtime.Value, error) {
		if _, ok := other.Object().(*runtime.Dict); !ok {
			return runtime.NotImplemented, nil
		}
		left, right := self, other
		if reflected {
			left, right = other, self
		}
		m, err := fresh(th, self, left)
		if err != nil {
			return runtime.Value{}, err
		}
		return m, update(th, m, right)
	})
}

// dictUpdate is dict.update(m, src), which writes without calling m's __setitem__.
func dictUpdate(th *runtime.Thread, m, src runtime.Value) error {
	_, err := callDictMethod(th, "update", m, []runtime.Value{src})
	return err
}
