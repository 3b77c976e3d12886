package stdlib

import (
	"sort"
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// newCollections builds collections: deque, defaultdict, Counter, OrderedDict and
// namedtuple. The mappings keep their items in a dict of their own; the runtime has no dict
// subclasses, so they are not instances of dict.
func newCollections(*Options) *runtime.Module {
	m := newModule("collections", map[string]fn{"namedtuple": namedtuple})
	for _, c := range []*runtime.Class{dequeType, defaultdictType, counterType, orderedDictType} {
		m.Dict.SetStr(c.Name, runtime.Ref(c))
	}
	return m
}

// ---- mappings ----

// The kinds of mapping, which differ in how they treat a missing key and in their repr.
const (
	kindDefault = iota
	kindCounter
	kindOrdered
)

// mapping is a defaultdict, Counter or OrderedDict.
type mapping struct {
	cls     *runtime.Class
	kind    int
	d       *runtime.Dict
	factory runtime.Value // defaultdict's default_factory
}

func (m *mapping) Type() *runtime.Class { return m.cls }

func asMapping(v runtime.Value) *mapping { return v.Object().(*mapping) }

// Attr returns default_factory.
func (m *mapping) Attr(name string) (runtime.Value, bool) {
	if name == "default_factory" && m.kind == kindDefault {
		return m.factory, true
	}
	return runtime.Value{}, false
}

// SetAttr sets default_factory.
func (m *mapping) SetAttr(name string, v runtime.Value) bool {
	if name == "default_factory" && m.kind == kindDefault {
		m.factory = v
		return true
	}
	return false
}

// mappingMethod adapts a function of the mapping.
func mappingMethod(f func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return f(th, asMapping(self), args, kw)
	}
}

// oneArgMethod is a mapping method of exactly one argument.
func oneArgMethod(f func(th *runtime.Thread, m *mapping, x runtime.Value) (runtime.Value, error)) method {
	return mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 || len(kw) > 0 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		return f(th, m, args[0])
	})
}

// missing is what m[key] gives for an absent key.
func (m *mapping) missing(th *runtime.Thread, key runtime.Value) (runtime.Value, error) {
	switch {
	case m.kind == kindCounter:
		return runtime.Int(0), nil
	case m.kind == kindDefault && !m.factory.IsNone():
		v, err := runtime.Call(th, m.factory, nil, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		return v, m.d.Set(th, key, v)
	}
	return runtime.Value{}, runtime.KeyError(key)
}

// update adds items from a mapping or an iterable of pairs (for a Counter: counts of the
// iterable's elements, added to the counts there are), then from keyword arguments.
func (m *mapping) update(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg, sign int64) error {
	if len(args) > 1 {
		return runtime.TypeErrorf("update expected at most 1 argument, got %d", len(args))
	}
	add := func(k, v runtime.Value) error {
		if m.kind != kindCounter {
			return m.d.Set(th, k, v)
		}
		old, ok, err := m.d.Get(th, k)
		if err != nil {
			return err
		}
		if !ok {
			old = runtime.Int(0)
		}
		if sign < 0 {
			v, err = runtime.Binary(th, runtime.OpSub, old, v)
		} else {
			v, err = runtime.Binary(th, runtime.OpAdd, old, v)
		}
		if err != nil {
			return err
		}
		return m.d.Set(th, k, v)
	}
	if len(args) == 1 {
		if err := eachPair(th, args[0], m.kind == kindCounter, add); err != nil {
			return err
		}
	}
	for _, k := range kw {
		if err := add(str(k.Name), k.Value); err != nil {
			return err
		}
	}
	return nil
}

// eachPair calls f for the items of a mapping, or for the pairs of an iterable (or, when
// counting, for each element with a count of one).
func eachPair(th *runtime.Thread, src runtime.Value, counting bool, f func(k, v runtime.Value) error) error {
	var d *runtime.Dict
	switch o := src.Object().(type) {
	case *runtime.Dict:
		d = o
	case *mapping:
		d = o.d
	}
	if d != nil {
		var err error
		d.Items(func(k, v runtime.Value) bool { err = f(k, v); return err == nil })
		return err
	}
	items, err := runtime.ToSlice(th, src)
	if err != nil {
		return err
	}
	for _, it := range items {
		if counting {
			err = f(it, runtime.Int(1))
		} else {
			kv, kerr := runtime.ToSlice(th, it)
			if kerr != nil || len(kv) != 2 {
				return runtime.TypeErrorf("cannot convert dictionary update sequence element to a sequence of length 2")
			}
			err = f(kv[0], kv[1])
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// newMapping is the constructor of the three mapping classes.
func newMapping(kind int) func(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return func(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		m := &mapping{cls: cls, kind: kind, d: runtime.NewDict(), factory: runtime.None}
		if kind == kindDefault && len(args) > 0 {
			f := args[0]
			if _, ok := f.Object().(runtime.Callable); !ok && !f.IsNone() && !f.Type().Lookup("__call__").IsValid() {
				return runtime.Value{}, runtime.TypeErrorf("first argument must be callable or None")
			}
			m.factory, args = f, args[1:]
		}
		return runtime.Ref(m), m.update(th, args, kw, 1)
	}
}

// counts returns a Counter's items sorted by count, largest first, ties in insertion
// order, as most_common does.
func (m *mapping) mostCommon(th *runtime.Thread) ([][2]runtime.Value, error) {
	var items [][2]runtime.Value
	m.d.Items(func(k, v runtime.Value) bool { items = append(items, [2]runtime.Value{k, v}); return true })
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

func pairTuples(items [][2]runtime.Value) []runtime.Value {
	out := make([]runtime.Value, len(items))
	for i, p := range items {
		out[i] = runtime.NewTuple([]runtime.Value{p[0], p[1]})
	}
	return out
}

func (m *mapping) repr(th *runtime.Thread) (string, error) {
	name := m.cls.Name
	switch m.kind {
	case kindDefault:
		f, err := runtime.Repr(th, m.factory)
		if err != nil {
			return "", err
		}
		d, err := runtime.Repr(th, runtime.Ref(m.d))
		return name + "(" + f + ", " + d + ")", err
	case kindCounter:
		if m.d.Len() == 0 {
			return name + "()", nil
		}
		items, err := m.mostCommon(th)
		if err != nil {
			return "", err
		}
		d := runtime.NewDict()
		for _, p := range items {
			if err := d.Set(th, p[0], p[1]); err != nil {
				return "", err
			}
		}
		s, err := runtime.Repr(th, runtime.Ref(d))
		return name + "(" + s + ")", err
	}
	if m.d.Len() == 0 {
		return name + "()", nil
	}
	var items [][2]runtime.Value
	m.d.Items(func(k, v runtime.Value) bool { items = append(items, [2]runtime.Value{k, v}); return true })
	s, err := runtime.Repr(th, runtime.NewList(pairTuples(items)))
	return name + "(" + s + ")", err
}

// equal compares with another mapping or dict: Counters treat a missing key as zero, and two
// OrderedDicts must also agree on order.
func (m *mapping) equal(th *runtime.Thread, other runtime.Value) (runtime.Value, error) {
	var od *runtime.Dict
	ordered := false
	switch o := other.Object().(type) {
	case *runtime.Dict:
		od = o
	case *mapping:
		od, ordered = o.d, m.kind == kindOrdered && o.kind == kindOrdered
	default:
		return runtime.NotImplemented, nil
	}
	zeroMissing := m.kind == kindCounter
	if o, ok := other.Object().(*mapping); ok && o.kind != kindCounter {
		zeroMissing = false
	}
	contains := func(a, b *runtime.Dict) (bool, error) {
		eq := true
		var err error
		a.Items(func(k, v runtime.Value) bool {
			w, ok, gerr := b.Get(th, k)
			if err = gerr; err != nil {
				return false
			}
			if !ok {
				if !zeroMissing {
					eq = false
					return false
				}
				w = runtime.Int(0)
			}
			eq, err = runtime.Equal(th, v, w)
			return eq && err == nil
		})
		return eq, err
	}
	if !zeroMissing && m.d.Len() != od.Len() {
		return runtime.False, nil
	}
	eq, err := contains(m.d, od)
	if err == nil && eq && zeroMissing {
		eq, err = contains(od, m.d)
	}
	if err == nil && eq && ordered {
		ka, kb := m.d.Keys(), od.Keys()
		for i := range ka {
			if eq, err = runtime.Equal(th, ka[i], kb[i]); !eq || err != nil {
				break
			}
		}
	}
	return runtime.Bool(eq), err
}

// mappingMethods are the methods every mapping kind has.
func mappingMethods(extra map[string]method) map[string]method {
	ms := map[string]method{
		"__getitem__": oneArgMethod(func(th *runtime.Thread, m *mapping, k runtime.Value) (runtime.Value, error) {
			if v, ok, err := m.d.Get(th, k); ok || err != nil {
				return v, err
			}
			return m.missing(th, k)
		}),
		"__setitem__": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if len(args) != 2 {
				return runtime.Value{}, runtime.TypeErrorf("expected 2 arguments, got %d", len(args))
			}
			return runtime.None, m.d.Set(th, args[0], args[1])
		}),
		"__delitem__": oneArgMethod(func(th *runtime.Thread, m *mapping, k runtime.Value) (runtime.Value, error) {
			_, ok, err := m.d.Delete(th, k)
			if err == nil && !ok && m.kind != kindCounter {
				err = runtime.KeyError(k)
			}
			return runtime.None, err
		}),
		"__contains__": oneArgMethod(func(th *runtime.Thread, m *mapping, k runtime.Value) (runtime.Value, error) {
			_, ok, err := m.d.Get(th, k)
			return runtime.Bool(ok), err
		}),
		"__iter__": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			it, err := runtime.Iter(th, runtime.Ref(m.d))
			return runtime.Ref(it), err
		}),
		"__len__": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Int(int64(m.d.Len())), nil
		}),
		"__repr__": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			s, err := m.repr(th)
			return str(s), err
		}),
		"__eq__": oneArgMethod(func(th *runtime.Thread, m *mapping, o runtime.Value) (runtime.Value, error) { return m.equal(th, o) }),
		"__ne__": oneArgMethod(func(th *runtime.Thread, m *mapping, o runtime.Value) (runtime.Value, error) {
			r, err := m.equal(th, o)
			if b, ok := r.BoolVal(); ok {
				return runtime.Bool(!b), err
			}
			return r, err
		}),
		"get": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var k runtime.Value
			def := runtime.None
			if err := runtime.UnpackArgs("get", args, kw, "key", &k, "default?", &def); err != nil {
				return runtime.Value{}, err
			}
			if v, ok, err := m.d.Get(th, k); ok || err != nil {
				return v, err
			}
			return def, nil
		}),
		"keys":   mappingView(0),
		"values": mappingView(1),
		"items":  mappingView(2),
		"pop": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var k, def runtime.Value
			if err := runtime.UnpackArgs("pop", args, kw, "key", &k, "default?", &def); err != nil {
				return runtime.Value{}, err
			}
			if v, ok, err := m.d.Delete(th, k); ok || err != nil {
				return v, err
			}
			if def.IsValid() {
				return def, nil
			}
			return runtime.Value{}, runtime.KeyError(k)
		}),
		"popitem": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			last := true
			if err := runtime.UnpackArgs("popitem", args, kw, "last?", &last); err != nil {
				return runtime.Value{}, err
			}
			keys := m.d.Keys()
			if len(keys) == 0 {
				msg := "popitem(): dictionary is empty"
				if m.kind == kindOrdered {
					msg = "dictionary is empty"
				}
				return runtime.Value{}, runtime.KeyError(str(msg))
			}
			k := keys[len(keys)-1]
			if !last {
				k = keys[0]
			}
			v, _, err := m.d.Delete(th, k)
			return runtime.NewTuple([]runtime.Value{k, v}), err
		}),
		"setdefault": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var k runtime.Value
			def := runtime.None
			if err := runtime.UnpackArgs("setdefault", args, kw, "key", &k, "default?", &def); err != nil {
				return runtime.Value{}, err
			}
			if v, ok, err := m.d.Get(th, k); ok || err != nil {
				return v, err
			}
			return def, m.d.Set(th, k, def)
		}),
		"update": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.None, m.update(th, args, kw, 1)
		}),
		"clear": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			m.d.Clear()
			return runtime.None, nil
		}),
		"copy": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Ref(&mapping{cls: m.cls, kind: m.kind, d: m.d.Copy(), factory: m.factory}), nil
		}),
	}
	for name, f := range extra {
		ms[name] = f
	}
	return ms
}

func mappingView(kind int) method {
	return mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.NewDictView(m.d, kind), runtime.UnpackArgs("view", args, kw)
	})
}

var defaultdictType = newType("collections", "defaultdict", newMapping(kindDefault), mappingMethods(map[string]method{
	"__missing__": oneArgMethod(func(th *runtime.Thread, m *mapping, k runtime.Value) (runtime.Value, error) { return m.missing(th, k) }),
}))

var orderedDictType = newType("collections", "OrderedDict", newMapping(kindOrdered), mappingMethods(map[string]method{
	"move_to_end": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k runtime.Value
		last := true
		if err := runtime.UnpackArgs("move_to_end", args, kw, "key", &k, "last?", &last); err != nil {
			return runtime.Value{}, err
		}
		v, ok, err := m.d.Delete(th, k)
		if err != nil || !ok {
			if err == nil {
				err = runtime.KeyError(k)
			}
			return runtime.Value{}, err
		}
		if last {
			return runtime.None, m.d.Set(th, k, v)
		}
		// Rebuild with the key first: the dict keeps insertion order only.
		rest := m.d.Copy()
		m.d.Clear()
		if err := m.d.Set(th, k, v); err != nil {
			return runtime.Value{}, err
		}
		rest.Items(func(k2, v2 runtime.Value) bool { err = m.d.Set(th, k2, v2); return err == nil })
		return runtime.None, err
	}),
}))

var counterType = newType("collections", "Counter", newMapping(kindCounter), mappingMethods(map[string]method{
	"most_common": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var n runtime.Value
		if err := runtime.UnpackArgs("most_common", args, kw, "n?", &n); err != nil {
			return runtime.Value{}, err
		}
		items, err := m.mostCommon(th)
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
	}),
	"elements": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var out []runtime.Value
		var err error
		m.d.Items(func(k, v runtime.Value) bool {
			var n int64
			if n, err = toIndex(th, v); err != nil {
				return false
			}
			for ; n > 0; n-- {
				out = append(out, k)
			}
			return true
		})
		if err != nil {
			return runtime.Value{}, err
		}
		it, err := runtime.Iter(th, runtime.NewList(out))
		return runtime.Ref(it), err
	}),
	"total": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		total := runtime.Int(0)
		var err error
		m.d.Items(func(_, v runtime.Value) bool {
			total, err = runtime.Binary(th, runtime.OpAdd, total, v)
			return err == nil
		})
		return total, err
	}),
	"subtract": mappingMethod(func(th *runtime.Thread, m *mapping, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, m.update(th, args, kw, -1)
	}),
	"__add__": counterOp(func(a, b int64, inA, inB bool) int64 { return a + b }),
	"__sub__": counterOp(func(a, b int64, inA, inB bool) int64 { return a - b }),
	"__or__":  counterOp(func(a, b int64, inA, inB bool) int64 { return max(a, b) }),
	"__and__": counterOp(func(a, b int64, inA, inB bool) int64 {
		if !inA || !inB {
			return 0
		}
		return min(a, b)
	}),
}))

// counterOp is a Counter operator on integer counts, keeping only positive results, in the
// order CPython builds them: the left operand's keys, then the right's new ones.
func counterOp(f func(a, b int64, inA, inB bool) int64) method {
	return oneArgMethod(func(th *runtime.Thread, m *mapping, other runtime.Value) (runtime.Value, error) {
		o, ok := other.Object().(*mapping)
		if !ok || o.kind != kindCounter {
			return runtime.NotImplemented, nil
		}
		count := func(d *runtime.Dict, k runtime.Value) (int64, bool) {
			v, ok, _ := d.Get(th, k)
			n, _ := runtime.AsInt64(v)
			return n, ok
		}
		r := &mapping{cls: m.cls, kind: kindCounter, d: runtime.NewDict(), factory: runtime.None}
		keys := m.d.Keys()
		for _, k := range o.d.Keys() {
			if _, in := count(m.d, k); !in {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			a, inA := count(m.d, k)
			b, inB := count(o.d, k)
			if n := f(a, b, inA, inB); n > 0 {
				if err := r.d.Set(th, k, runtime.Int(n)); err != nil {
					return runtime.Value{}, err
				}
			}
		}
		return runtime.Ref(r), nil
	})
}

// ---- deque ----

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

// ---- namedtuple ----

// pyKeywords are Python's reserved words, which cannot name fields.
var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true, "lambda": true,
	"nonlocal": true, "not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// namedtuple is collections.namedtuple(typename, field_names, *, rename=False,
// defaults=None, module=None).
func namedtuple(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var typename string
	var fieldsV, defaults, module runtime.Value
	rename := false
	if err := runtime.UnpackArgs("namedtuple", args, kw, "typename", &typename, "field_names", &fieldsV, "rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return runtime.Value{}, err
	}
	var fields []string
	if s, ok := runtime.AsStr(fieldsV); ok {
		fields = strings.Fields(strings.ReplaceAll(s, ",", " "))
	} else {
		items, err := runtime.ToSlice(th, fieldsV)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, it := range items {
			s, err := runtime.ToStr(th, it)
			if err != nil {
				return runtime.Value{}, err
			}
			fields = append(fields, s)
		}
	}
	seen := map[string]bool{}
	for i, f := range fields {
		if rename && (!isIdentifier(f) || pyKeywords[f] || strings.HasPrefix(f, "_") || seen[f]) {
			fields[i] = "_" + itoa(i)
		}
		seen[fields[i]] = true
	}
	for _, name := range append([]string{typename}, fields...) {
		if !isIdentifier(name) {
			return runtime.Value{}, runtime.ValueErrorf("Type names and field names must be valid identifiers: %s", runtime.QuoteStr(name))
		}
		if pyKeywords[name] {
			return runtime.Value{}, runtime.ValueErrorf("Type names and field names cannot be a keyword: %s", runtime.QuoteStr(name))
		}
	}
	seen = map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return runtime.Value{}, runtime.ValueErrorf("Field names cannot start with an underscore: %s", runtime.QuoteStr(f))
		}
		if seen[f] {
			return runtime.Value{}, runtime.ValueErrorf("Encountered duplicate field name: %s", runtime.QuoteStr(f))
		}
		seen[f] = true
	}
	var defs []runtime.Value
	if defaults.IsValid() && !defaults.IsNone() {
		items, err := runtime.ToSlice(th, defaults)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(items) > len(fields) {
			return runtime.Value{}, runtime.TypeErrorf("Got more default values than field names")
		}
		defs = append([]runtime.Value(nil), items...)
	}
	mod := "__main__"
	if s, ok := runtime.AsStr(module); ok {
		mod = s
	}
	return runtime.Ref(namedTupleClass(mod, typename, fields, defs)), nil
}

func itoa(i int) string { return runtime.ReprOrPlaceholder(nil, runtime.Int(int64(i))) }

// namedTupleClass makes the class: a struct sequence of the fields, built from positional
// and keyword arguments, with _make, _asdict, _replace and _fields.
func namedTupleClass(module, name string, fields []string, defaults []runtime.Value) *runtime.Class {
	t := &structSeqType{fields: fields, visible: len(fields)}
	methods := t.methods()
	methods["_asdict"] = func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		d := runtime.NewDict()
		for i, f := range fields {
			d.SetStr(f, self.Object().(*structSeq).items[i])
		}
		return runtime.Ref(d), nil
	}
	methods["_replace"] = func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		s := self.Object().(*structSeq)
		items := append([]runtime.Value(nil), s.items...)
		var bad []runtime.Value
	next:
		for _, k := range kw {
			for i, f := range fields {
				if f == k.Name {
					items[i] = k.Value
					continue next
				}
			}
			bad = append(bad, str(k.Name))
		}
		if bad != nil {
			return runtime.Value{}, runtime.ValueErrorf("Got unexpected field names: %s", runtime.ReprOrPlaceholder(th, runtime.NewList(bad)))
		}
		return runtime.Ref(&structSeq{cls: s.cls, typ: t, items: items}), nil
	}
	newFn := func(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		items, err := bindFields(name, fields, defaults, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Ref(&structSeq{cls: cls, typ: t, items: items}), nil
	}
	t.cls = newType(module, name, newFn, methods)
	fieldVals := make([]runtime.Value, len(fields))
	for i, f := range fields {
		fieldVals[i] = str(f)
	}
	t.cls.Dict.SetStr("_fields", runtime.NewTuple(fieldVals))
	fd := runtime.NewDict()
	for i, v := range defaults {
		fd.SetStr(fields[len(fields)-len(defaults)+i], v)
	}
	t.cls.Dict.SetStr("_field_defaults", runtime.Ref(fd))
	// _make is a classmethod: a Go method bound to the class it is looked up on.
	t.cls.Dict.SetStr("_make", runtime.Ref(&runtime.ClassMethod{Fn: runtime.Ref(&runtime.Method{Name: "_make", Class: runtime.TypeType,
		Fn: func(th *runtime.Thread, clsV runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var iterable runtime.Value
			if err := runtime.UnpackArgs("_make", args, kw, "iterable", &iterable); err != nil {
				return runtime.Value{}, err
			}
			items, err := runtime.ToSlice(th, iterable)
			if err != nil {
				return runtime.Value{}, err
			}
			if len(items) != len(fields) {
				return runtime.Value{}, runtime.TypeErrorf("Expected %d arguments, got %d", len(fields), len(items))
			}
			return runtime.Ref(&structSeq{cls: clsV.Object().(*runtime.Class), typ: t, items: append([]runtime.Value(nil), items...)}), nil
		}})}))
	return t.cls
}

// bindFields matches constructor arguments to fields, with CPython's messages.
func bindFields(name string, fields []string, defaults []runtime.Value, args []runtime.Value, kw []runtime.Kwarg) ([]runtime.Value, error) {
	if len(args) > len(fields) {
		return nil, runtime.TypeErrorf("%s.__new__() takes %d positional arguments but %d were given", name, len(fields)+1, len(args)+1)
	}
	items := make([]runtime.Value, len(fields))
	copy(items, args)
next:
	for _, k := range kw {
		for i, f := range fields {
			if f == k.Name {
				if items[i].IsValid() {
					return nil, runtime.TypeErrorf("%s.__new__() got multiple values for argument '%s'", name, f)
				}
				items[i] = k.Value
				continue next
			}
		}
		return nil, runtime.TypeErrorf("%s.__new__() got an unexpected keyword argument '%s'", name, k.Name)
	}
	var missing []string
	for i := range items {
		if !items[i].IsValid() {
			if j := i - (len(fields) - len(defaults)); j >= 0 {
				items[i] = defaults[j]
				continue
			}
			missing = append(missing, "'"+fields[i]+"'")
		}
	}
	switch len(missing) {
	case 0:
		return items, nil
	case 1:
		return nil, runtime.TypeErrorf("%s.__new__() missing 1 required positional argument: %s", name, missing[0])
	}
	list := strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	if len(missing) > 2 {
		list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
	}
	return nil, runtime.TypeErrorf("%s.__new__() missing %d required positional arguments: %s", name, len(missing), list)
}
