package stdlib

import "github.com/aio-lang/aio/runtime"

// collections.defaultdict and collections.OrderedDict, after CPython 3.11's
// Modules/_collectionsmodule.c and Objects/odictobject.c.

// defaultdictType keeps each instance's default_factory as the Go state of its subclass
// record, which the default_factory property reads and writes.
var defaultdictType = func() *runtime.Class {
	c := newPyClass("collections", "defaultdict", runtime.DictType, dictMethods(map[string]dictFn{
		"__init__":    defaultdictInit,
		"__missing__": oneArgFn("__missing__", defaultdictMissing),
		"__repr__":    defaultdictRepr,
		"copy":        defaultdictCopy,
		"__copy__":    defaultdictCopy,
		"__or__":      mappingOr(false, defaultdictFrom, dictUpdate),
		"__ror__":     mappingOr(true, defaultdictFrom, dictUpdate),
	}))
	get := func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return factoryOf(args[0]), nil
	}
	set := func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		runtime.SetSubclassState(args[0], args[1])
		return runtime.None, nil
	}
	c.Dict.SetStr("default_factory", runtime.Ref(&runtime.Property{
		Get: builtin("collections", "default_factory", get),
		Set: builtin("collections", "default_factory", set),
		Doc: str("Factory for default value called by __missing__()."),
	}))
	return c
}()

// factoryOf returns a defaultdict's default_factory (None until __init__ sets it).
func factoryOf(v runtime.Value) runtime.Value {
	f, _ := runtime.SubclassState(v)
	return f
}

// defaultdictInit takes the factory, then what dict() takes.
func defaultdictInit(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	f := runtime.None
	if len(args) > 0 {
		f, args = args[0], args[1:]
		if _, ok := f.Object().(runtime.Callable); !ok && !f.IsNone() && !f.Type().Lookup("__call__").IsValid() {
			return runtime.Value{}, runtime.TypeErrorf("first argument must be callable or None")
		}
	}
	runtime.SetSubclassState(self, f)
	return callDictMethod(th, "__init__", self, args, kw...)
}

// defaultdictMissing stores and returns default_factory() for an absent key.
func defaultdictMissing(th *runtime.Thread, self runtime.Value, d *runtime.Dict, k runtime.Value) (runtime.Value, error) {
	f := factoryOf(self)
	if f.IsNone() {
		return runtime.Value{}, runtime.KeyError(k)
	}
	v, err := runtime.Call(th, f, nil, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	return v, runtime.SetItem(th, self, k, v)
}

// defaultdictRepr is "name(factory, {...})"; a factory already being repr'd (the
// defaultdict itself, say) shows as "...".
func defaultdictRepr(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	factory := factoryOf(self)
	f, err := reprGuarded(th, factory, func() (string, error) { return runtime.Repr(th, factory) })
	if err != nil {
		return runtime.Value{}, err
	}
	items, err := runtime.BaseRepr(th, self)
	return str(self.Type().Name + "(" + f + ", " + items + ")"), err
}

// defaultdictFrom is type(self)(self.default_factory, src): copy() and |.
func defaultdictFrom(th *runtime.Thread, self, src runtime.Value) (runtime.Value, error) {
	return runtime.Call(th, runtime.Ref(self.Type()), []runtime.Value{factoryOf(self), src}, nil)
}

func defaultdictCopy(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("copy", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return defaultdictFrom(th, self, self)
}

// OrderedDict's order is the dict's insertion order, which the runtime can change in place
// for move_to_end and popitem(last=False). Its updates store each item with self[k] = v, so
// that a subclass's __setitem__ sees them.
//
// orderedDictType is made by init: its methods refer to it.
var orderedDictType *runtime.Class

func init() { orderedDictType = newOrderedDictType() }

func newOrderedDictType() *runtime.Class {
	return newPyClass("collections", "OrderedDict", runtime.DictType, dictMethods(map[string]dictFn{
		"keys":     odictView(0, "odict_keys", runtime.DictKeysType),
		"values":   odictView(1, "odict_values", runtime.DictValuesType),
		"items":    odictView(2, "odict_items", runtime.DictItemsType),
		"__init__": odictUpdater("expected at most 1 arguments, got %d"),
		"update":   odictUpdater("update() takes at most 1 positional argument (%d given)"),
		"__ior__": oneArgFn("__ior__", func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, x runtime.Value) (runtime.Value, error) {
			return self, odictUpdate(th, self, x)
		}),
		"move_to_end": odictMoveToEnd,
		"popitem":     odictPopItem,
		"copy":        odictCopy,
		"__repr__":    odictRepr,
		"__eq__":      oneArgFn("__eq__", odictEqual(true)),
		"__ne__":      oneArgFn("__ne__", odictEqual(false)),
		"__or__":      mappingOr(false, odictFrom, odictUpdate),
		"__ror__":     mappingOr(true, odictFrom, odictUpdate),
	}))
}

// odictView is keys(), values() or items(): a dict view of the class odict_keys (or the
// like), which derives from dict's view class, as in CPython.
func odictView(kind int, name string, base *runtime.Class) dictFn {
	cls := runtime.NewBuiltinClass(name, base, nil)
	cls.Base, cls.Final = base, true // the view's repr and methods are base's
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.NewDictViewOf(cls, d, kind), runtime.UnpackArgs(name, args, kw)
	}
}

// odictUpdater is __init__ and update: at most one mapping or iterable of pairs, then the
// keywords.
func odictUpdater(tooMany string) dictFn {
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) > 1 {
			return runtime.Value{}, runtime.TypeErrorf(tooMany, len(args))
		}
		if len(args) == 1 {
			if err := odictUpdate(th, self, args[0]); err != nil {
				return runtime.Value{}, err
			}
		}
		for _, k := range kw {
			if err := runtime.SetItem(th, self, str(k.Name), k.Value); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	}
}

// odictUpdate stores src's items in m, as MutableMapping.update does.
func odictUpdate(th *runtime.Thread, m, src runtime.Value) error {
	pairs, err := mappingPairs(th, src)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if err := runtime.SetItem(th, m, p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

func odictMoveToEnd(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var k runtime.Value
	last := true
	if err := runtime.UnpackArgs("move_to_end", args, kw, "key", &k, "last?", &last); err != nil {
		return runtime.Value{}, err
	}
	found, err := d.MoveToEnd(th, k, !last)
	if err == nil && !found {
		err = runtime.KeyError(k)
	}
	return runtime.None, err
}

func odictPopItem(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	last := true
	if err := runtime.UnpackArgs("popitem", args, kw, "last?", &last); err != nil {
		return runtime.Value{}, err
	}
	if d.Len() == 0 {
		return runtime.Value{}, runtime.KeyError(str("dictionary is empty"))
	}
	k, v := d.PopItem(!last)
	return runtime.NewTuple([]runtime.Value{k, v}), nil
}

// odictCopy makes type(self)() and fills it item by item, as CPython does for subclasses.
func odictCopy(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("copy", args, kw); err != nil {
		return runtime.Value{}, err
	}
	c, err := runtime.Call(th, runtime.Ref(self.Type()), nil, nil)
	if err == nil {
		err = odictUpdate(th, c, self)
	}
	return c, err
}

// odictFrom is type(self)(src), the start of |.
func odictFrom(th *runtime.Thread, self, src runtime.Value) (runtime.Value, error) {
	return runtime.Call(th, runtime.Ref(self.Type()), []runtime.Value{src}, nil)
}

// odictRepr is "OrderedDict([(k, v), ...])".
func odictRepr(th *runtime.Thread, self runtime.Value, d *runtime.Dict, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	name := self.Type().Name
	if d.Len() == 0 {
		return str(name + "()"), nil
	}
	s, err := reprGuarded(th, self, func() (string, error) {
		items, err := runtime.Repr(th, runtime.NewList(pairTuples(dictPairs(d))))
		return name + "(" + items + ")", err
	})
	return str(s), err
}

// odictEqual is == (or != when eq is false): dict's, and between two OrderedDicts also
// order-sensitive.
func odictEqual(eq bool) func(*runtime.Thread, runtime.Value, *runtime.Dict, runtime.Value) (runtime.Value, error) {
	return func(th *runtime.Thread, self runtime.Value, d *runtime.Dict, other runtime.Value) (runtime.Value, error) {
		r, err := callDictMethod(th, "__eq__", self, []runtime.Value{other})
		if err != nil || r.Is(runtime.NotImplemented) {
			return r, err
		}
		same, _ := r.BoolVal()
		if same && isInstance(other, orderedDictType) {
			same, err = sameOrder(th, d, other.Object().(*runtime.Dict))
		}
		return runtime.Bool(same == eq), err
	}
}

// sameOrder compares the keys of two dicts of equal length, position by position.
func sameOrder(th *runtime.Thread, a, b *runtime.Dict) (bool, error) {
	ka, kb := a.Keys(), b.Keys()
	for i := range ka {
		if eq, err := runtime.Equal(th, ka[i], kb[i]); !eq || err != nil {
			return false, err
		}
	}
	return true, nil
}
