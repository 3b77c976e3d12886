package stdlib

import (
	"strings"

	"github.com/aio-lang/aio/runtime"
)

func newFunctools(*Options) *runtime.Module {
	m := newModule("functools", map[string]fn{
		"reduce":         functoolsReduce,
		"cmp_to_key":     functoolsCmpToKey,
		"lru_cache":      functoolsLRUCache,
		"cache":          functoolsCache,
		"wraps":          functoolsWraps,
		"update_wrapper": functoolsUpdateWrapper,
		"total_ordering": functoolsTotalOrdering,
	})
	m.Dict.SetStr("partial", runtime.Ref(partialType))
	return m
}

func functoolsReduce(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var f, iterable, acc runtime.Value
	if err := runtime.UnpackArgs("reduce", args, kw, "function", &f, "iterable", &iterable, "initial?", &acc); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			break
		}
		if err := th.Tick(); err != nil {
			return runtime.Value{}, err
		}
		if !acc.IsValid() {
			acc = v
			continue
		}
		if acc, err = runtime.Call(th, f, []runtime.Value{acc, v}, nil); err != nil {
			return runtime.Value{}, err
		}
	}
	if !acc.IsValid() {
		return runtime.Value{}, runtime.TypeErrorf("reduce() of empty iterable with no initial value")
	}
	return acc, nil
}

// partial is functools.partial: a function with some arguments supplied.
type partial struct {
	cls  *runtime.Class
	fn   runtime.Value
	args []runtime.Value
	kw   []runtime.Kwarg
}

var partialType = newType("functools", "partial", newPartial, map[string]method{
	"__repr__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		p := self.Object().(*partial)
		parts := []string{}
		for _, v := range append([]runtime.Value{p.fn}, p.args...) {
			r, err := runtime.Repr(th, v)
			if err != nil {
				return runtime.Value{}, err
			}
			parts = append(parts, r)
		}
		for _, k := range p.kw {
			r, err := runtime.Repr(th, k.Value)
			if err != nil {
				return runtime.Value{}, err
			}
			parts = append(parts, k.Name+"="+r)
		}
		return str("functools.partial(" + strings.Join(parts, ", ") + ")"), nil
	},
})

func newPartial(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) == 0 {
		return runtime.Value{}, runtime.TypeErrorf("type 'partial' takes at least one argument")
	}
	p := &partial{cls: cls, fn: args[0], args: append([]runtime.Value(nil), args[1:]...)}
	if inner, ok := args[0].Object().(*partial); ok {
		// partial(partial(f, a), b) is partial(f, a, b).
		p.fn = inner.fn
		p.args = append(append([]runtime.Value(nil), inner.args...), p.args...)
		p.kw = append(p.kw, inner.kw...)
	}
	if _, ok := p.fn.Object().(runtime.Callable); !ok && !p.fn.Type().Lookup("__call__").IsValid() {
		return runtime.Value{}, runtime.TypeErrorf("the first argument must be callable")
	}
	p.kw = mergeKwargs(p.kw, kw)
	return runtime.Ref(p), nil
}

// mergeKwargs returns base updated by over, a later keyword replacing an earlier one.
func mergeKwargs(base, over []runtime.Kwarg) []runtime.Kwarg {
	out := append([]runtime.Kwarg(nil), base...)
next:
	for _, k := range over {
		for i := range out {
			if out[i].Name == k.Name {
				out[i].Value = k.Value
				continue next
			}
		}
		out = append(out, k)
	}
	return out
}

func (p *partial) Type() *runtime.Class { return p.cls }

// Call calls the function with the stored arguments first.
func (p *partial) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	all := append(append([]runtime.Value(nil), p.args...), args...)
	return runtime.Call(th, p.fn, all, mergeKwargs(p.kw, kw))
}

// Attr returns func, args and keywords.
func (p *partial) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "func":
		return p.fn, true
	case "args":
		return runtime.NewTuple(append([]runtime.Value(nil), p.args...)), true
	case "keywords":
		d := runtime.NewDict()
		for _, k := range p.kw {
			d.SetStr(k.Name, k.Value)
		}
		return runtime.Ref(d), true
	}
	return runtime.Value{}, false
}

// keyWrapper is what cmp_to_key's function returns: an object ordered by the comparison
// function.
type keyWrapper struct {
	cmp, obj runtime.Value
}

func (k *keyWrapper) Type() *runtime.Class { return keyWrapperType }

// compareBy makes a comparison dunder that asks cmp and tests its result against 0.
func compareBy(op runtime.CompareOp) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		other, ok := args[0].Object().(*keyWrapper)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("other argument must be K instance")
		}
		k := self.Object().(*keyWrapper)
		r, err := runtime.Call(th, k.cmp, []runtime.Value{k.obj, other.obj}, nil)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Compare(th, op, r, runtime.Int(0))
	}
}

var keyWrapperType = newType("functools", "KeyWrapper", nil, map[string]method{
	"__lt__": compareBy(runtime.CmpLt), "__le__": compareBy(runtime.CmpLe),
	"__gt__": compareBy(runtime.CmpGt), "__ge__": compareBy(runtime.CmpGe),
	"__eq__": compareBy(runtime.CmpEq), "__ne__": compareBy(runtime.CmpNe),
})

func functoolsCmpToKey(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var cmp runtime.Value
	if err := runtime.UnpackArgs("cmp_to_key", args, kw, "mycmp", &cmp); err != nil {
		return runtime.Value{}, err
	}
	return builtin("functools", "K", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var obj runtime.Value
		if err := runtime.UnpackArgs("K", args, kw, "obj", &obj); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Ref(&keyWrapper{cmp: cmp, obj: obj}), nil
	}), nil
}

var cacheInfoType = func() *structSeqType {
	t := newStructSeqType("functools", "CacheInfo", []string{"hits", "misses", "maxsize", "currsize"}, 4)
	t.reprName = "CacheInfo"
	return t
}()

// lruCache is the function lru_cache and cache return. It binds to instances like a
// function, so that it can decorate methods.
type lruCache struct {
	fn           runtime.Value
	maxsize      int // -1: unbounded
	typed        bool
	d            *runtime.Dict // in order of use, least recent first
	hits, misses int64
	attrs        *runtime.Dict // attributes set on the wrapper (update_wrapper's)
}

var lruCacheType = newType("functools", "_lru_cache_wrapper", nil, map[string]method{
	"cache_info": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		c := self.Object().(*lruCache)
		maxsize := runtime.None
		if c.maxsize >= 0 {
			maxsize = runtime.Int(int64(c.maxsize))
		}
		return cacheInfoType.make(runtime.Int(c.hits), runtime.Int(c.misses), maxsize, runtime.Int(int64(c.d.Len()))), nil
	},
	"cache_clear": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		c := self.Object().(*lruCache)
		c.d.Clear()
		c.hits, c.misses = 0, 0
		return runtime.None, nil
	},
	"__repr__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return str("<functools._lru_cache_wrapper object at " + runtime.HexID(self) + ">"), nil
	},
})

func (c *lruCache) Type() *runtime.Class { return lruCacheType }

// Attr returns attributes set on the wrapper, then the wrapped function's.
func (c *lruCache) Attr(name string) (runtime.Value, bool) {
	if v, ok := c.attrs.GetStr(name); ok {
		return v, true
	}
	if name == "__wrapped__" {
		return c.fn, true
	}
	if strings.HasPrefix(name, "__") {
		if v, err := runtime.GetAttr(nil, c.fn, name); err == nil {
			return v, true
		}
	}
	return runtime.Value{}, false
}

// SetAttr stores an attribute on the wrapper.
func (c *lruCache) SetAttr(name string, v runtime.Value) bool {
	c.attrs.SetStr(name, v)
	return true
}

// Call looks the arguments up in the cache, calling the function on a miss.
func (c *lruCache) Call(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if c.maxsize == 0 {
		c.misses++
		return runtime.Call(th, c.fn, args, kw)
	}
	key := c.key(args, kw)
	if v, ok, err := c.d.Get(th, key); err != nil || ok {
		if ok {
			c.hits++
			if c.maxsize > 0 { // move to the most recent end
				_, _, _ = c.d.Delete(th, key)
				_ = c.d.Set(th, key, v)
			}
		}
		return v, err
	}
	c.misses++
	v, err := runtime.Call(th, c.fn, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	if c.maxsize > 0 && c.d.Len() >= c.maxsize {
		_, _, _ = c.d.Delete(th, c.d.Keys()[0])
	}
	return v, c.d.Set(th, key, v)
}

// CallSelf calls the cached function as a method of self.
func (c *lruCache) CallSelf(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return c.Call(th, append([]runtime.Value{self}, args...), kw)
}

// kwdMark separates positional from keyword arguments in cache keys.
var kwdMark = runtime.Ref(&runtime.Tuple{})

// key is the cache key: the arguments, then the keyword names and values, then (typed)
// the argument types.
func (c *lruCache) key(args []runtime.Value, kw []runtime.Kwarg) runtime.Value {
	items := append([]runtime.Value(nil), args...)
	if len(kw) > 0 {
		items = append(items, kwdMark)
		for _, k := range kw {
			items = append(items, str(k.Name), k.Value)
		}
	}
	if c.typed {
		for _, a := range args {
			items = append(items, runtime.Ref(a.Type()))
		}
		for _, k := range kw {
			items = append(items, runtime.Ref(k.Value.Type()))
		}
	}
	return runtime.NewTuple(items)
}

func newLRUCache(th *runtime.Thread, fn runtime.Value, maxsize int, typed bool) (runtime.Value, error) {
	c := &lruCache{fn: fn, maxsize: maxsize, typed: typed, d: runtime.NewDict(), attrs: runtime.NewDict()}
	v := runtime.Ref(c)
	return v, updateWrapper(th, v, fn)
}

// functoolsLRUCache is lru_cache(maxsize=128, typed=False), or lru_cache(user_function).
func functoolsLRUCache(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	maxsizeV, typed := runtime.Int(128), false
	if err := runtime.UnpackArgs("lru_cache", args, kw, "maxsize?", &maxsizeV, "typed?", &typed); err != nil {
		return runtime.Value{}, err
	}
	maxsize := -1
	switch {
	case maxsizeV.IsNone():
	case runtime.IsInt(maxsizeV):
		n, _ := runtime.AsInt64(maxsizeV)
		maxsize = int(max(n, 0))
	default:
		if _, ok := maxsizeV.Object().(runtime.Callable); ok {
			return newLRUCache(th, maxsizeV, 128, typed)
		}
		return runtime.Value{}, runtime.TypeErrorf("Expected first argument to be an integer, a callable, or None")
	}
	return builtin("functools", "decorating_function", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var f runtime.Value
		if err := runtime.UnpackArgs("decorating_function", args, kw, "user_function", &f); err != nil {
			return runtime.Value{}, err
		}
		return newLRUCache(th, f, maxsize, typed)
	}), nil
}

func functoolsCache(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var f runtime.Value
	if err := runtime.UnpackArgs("cache", args, kw, "user_function", &f); err != nil {
		return runtime.Value{}, err
	}
	return newLRUCache(th, f, -1, false)
}

// updateWrapper copies the wrapped function's name, documentation and module to the
// wrapper and points __wrapped__ at it, as update_wrapper does; attributes the wrapped
// object lacks are skipped.
func updateWrapper(th *runtime.Thread, wrapper, wrapped runtime.Value) error {
	for _, name := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
		v, err := runtime.GetAttr(th, wrapped, name)
		if err != nil {
			if runtime.AsException(err).Matches(runtime.AttributeErrorType) {
				continue
			}
			return err
		}
		if err := runtime.SetAttr(th, wrapper, name, v); err != nil {
			return err
		}
	}
	return runtime.SetAttr(th, wrapper, "__wrapped__", wrapped)
}

func functoolsUpdateWrapper(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var wrapper, wrapped, assigned, updated runtime.Value
	if err := runtime.UnpackArgs("update_wrapper", args, kw, "wrapper", &wrapper, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return runtime.Value{}, err
	}
	return wrapper, updateWrapper(th, wrapper, wrapped)
}

func functoolsWraps(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var wrapped, assigned, updated runtime.Value
	if err := runtime.UnpackArgs("wraps", args, kw, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return runtime.Value{}, err
	}
	return builtin("functools", "decorator", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var wrapper runtime.Value
		if err := runtime.UnpackArgs("decorator", args, kw, "wrapper", &wrapper); err != nil {
			return runtime.Value{}, err
		}
		return wrapper, updateWrapper(th, wrapper, wrapped)
	}), nil
}

// orderingRule derives one comparison from another: the result of the root comparison,
// negated or not, and then combined with == or != (or not at all).
type orderingRule struct {
	op      string
	negate  bool
	combine string // "", "and !=" or "or =="
}

// orderingRules follows CPython's functools._convert.
var orderingRules = map[string][]orderingRule{
	"__lt__": {{"__gt__", true, "and !="}, {"__le__", false, "or =="}, {"__ge__", true, ""}},
	"__le__": {{"__ge__", true, "or =="}, {"__lt__", false, "and !="}, {"__gt__", true, ""}},
	"__gt__": {{"__lt__", true, "and !="}, {"__ge__", false, "or =="}, {"__le__", true, ""}},
	"__ge__": {{"__le__", true, "or =="}, {"__gt__", false, "and !="}, {"__lt__", true, ""}},
}

// functoolsTotalOrdering fills in the comparisons a class lacks from the one it defines.
func functoolsTotalOrdering(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var clsV runtime.Value
	if err := runtime.UnpackArgs("total_ordering", args, kw, "cls", &clsV); err != nil {
		return runtime.Value{}, err
	}
	cls, ok := clsV.Object().(*runtime.Class)
	if !ok {
		return runtime.Value{}, runtime.TypeErrorf("total_ordering() argument must be a class")
	}
	defined := map[string]bool{}
	root := ""
	for op := range orderingRules {
		if m := cls.Lookup(op); m.IsValid() && !m.Is(runtime.ObjectType.Lookup(op)) {
			defined[op] = true
			if op > root { // CPython picks max(roots)
				root = op
			}
		}
	}
	if root == "" {
		return runtime.Value{}, runtime.ValueErrorf("must define at least one ordering operation: < > <= >=")
	}
	for _, rule := range orderingRules[root] {
		if defined[rule.op] {
			continue
		}
		cls.Dict.SetStr(rule.op, runtime.Ref(&runtime.Method{Name: rule.op, Class: cls, Fn: derivedComparison(root, rule)}))
	}
	return clsV, nil
}

func derivedComparison(root string, rule orderingRule) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		other := args[0]
		r, _, err := runtime.CallMethod(th, self, root, other)
		if err != nil || r.Is(runtime.NotImplemented) {
			return r, err
		}
		// x is the root's result, or its negation; "and" and "or" return an operand as
		// Python's do.
		t, err := runtime.Truth(th, r)
		if err != nil {
			return runtime.Value{}, err
		}
		x := r
		if rule.negate {
			t, x = !t, runtime.Bool(!t)
		}
		switch {
		case rule.combine == "and !=" && t:
			return runtime.Compare(th, runtime.CmpNe, self, other)
		case rule.combine == "or ==" && !t:
			return runtime.Compare(th, runtime.CmpEq, self, other)
		}
		return x, nil
	}
}
