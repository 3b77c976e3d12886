package runtime

// The dict constructor, dict's methods and those of its views.

func init() {
	DictType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		d := NewDict()
		return Ref(d), dictUpdate(th, "dict", d, args, kw)
	}
	wrapNew(DictType, true)
	c := DictType
	addMethod(c, "__init__", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		return None, dictUpdate(th, "dict", d, args, kw)
	})
	addMethod(c, "update", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		return None, dictUpdate(th, "update", d, args, kw)
	})
	addMethod(c, "get", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("get", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		v, ok, err := d.Get(th, args[0])
		if err != nil || ok {
			return v, err
		}
		return optArg(args, 1, None), nil
	})
	addMethod(c, "setdefault", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("setdefault", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		v, ok, err := d.Get(th, args[0])
		if err != nil || ok {
			return v, err
		}
		v = optArg(args, 1, None)
		return v, d.Set(th, args[0], v)
	})
	addMethod(c, "pop", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("pop", args, kw, 1, 2); err != nil {
			return Value{}, err
		}
		var v Value
		var ok bool
		var err error
		if d.Len() > 0 { // CPython does not hash the key of an empty dict's pop
			v, ok, err = d.Delete(th, args[0])
		}
		switch {
		case err != nil || ok:
			return v, err
		case len(args) == 2:
			return args[1], nil
		}
		return Value{}, KeyError(args[0])
	})
	addMethod(c, "popitem", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("dict.popitem", args, kw); err != nil {
			return Value{}, err
		}
		if d.Len() == 0 {
			return Value{}, NewException(KeyErrorType, NewStr("popitem(): dictionary is empty"))
		}
		k, v := d.popLast()
		return Pair(k, v), nil
	})
	for kind, name := range []string{"keys", "values", "items"} {
		kind, name := kind, name
		addMethod(c, name, func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
			if err := noArgs("dict."+name, args, kw); err != nil {
				return Value{}, err
			}
			return NewDictView(d, kind), nil
		})
	}
	addMethod(c, "copy", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("dict.copy", args, kw); err != nil {
			return Value{}, err
		}
		return Ref(d.Copy()), nil
	})
	addMethod(c, "clear", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("dict.clear", args, kw); err != nil {
			return Value{}, err
		}
		d.Clear()
		return None, nil
	})
	c.Dict.SetStr("fromkeys", Ref(&ClassMethod{Fn: Ref(&Method{Name: "fromkeys", Class: c, Fn: dictFromKeys})}))
	addMethod(c, "__getitem__", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		k, err := oneArg("dict.__getitem__", args, kw)
		if err != nil {
			return Value{}, err
		}
		v, ok, err := d.Get(th, k)
		if err != nil || ok {
			return v, err
		}
		if r, found, err := CallMethod(th, Ref(d), "__missing__", k); found || err != nil {
			return r, err
		}
		return Value{}, KeyError(k)
	})
	addMethod(c, "__ior__", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("dict.__ior__", args, kw)
		if err != nil {
			return Value{}, err
		}
		return Ref(d), dictMerge(th, d, x)
	})
	addMethod(c, "__reversed__", func(th *Thread, d *Dict, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("dict.__reversed__", args, kw); err != nil {
			return Value{}, err
		}
		return Ref(newDictReverseIter(d, 0)), nil
	})
	addDunders(c, "__len__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__or__",
		"__eq__", "__ne__")

	for _, vc := range []*Class{DictKeysType, DictValuesType, DictItemsType} {
		addDunders(vc, "__len__", "__iter__", "__contains__")
	}
	for _, vc := range []*Class{DictKeysType, DictItemsType} {
		vc.AddMethod("isdisjoint", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			x, err := oneArg("isdisjoint", args, kw)
			if err != nil {
				return Value{}, err
			}
			return viewIsDisjoint(th, self, x)
		})
	}
}

// optArg returns args[i], or def when there are not that many arguments.
func optArg(args []Value, i int, def Value) Value {
	if i < len(args) {
		return args[i]
	}
	return def
}

// dictUpdate is dict(...), d.__init__(...) and d.update(...): one mapping or iterable of
// pairs, then the keyword arguments.
func dictUpdate(th *Thread, fname string, d *Dict, args []Value, kw []Kwarg) error {
	if err := checkPositional(fname, len(args), 0, 1); err != nil {
		return err
	}
	if len(args) == 1 {
		if err := dictMerge(th, d, args[0]); err != nil {
			return err
		}
	}
	for _, k := range kw {
		if err := d.Set(th, NewStr(k.Name), k.Value); err != nil {
			return err
		}
	}
	return nil
}

// dictMerge adds the items of src: a dict, an object with keys() (read with src[key]), or an
// iterable of key-value pairs.
func dictMerge(th *Thread, d *Dict, src Value) error {
	if s, ok := src.o.(*Dict); ok {
		return dictUpdateFrom(th, d, s)
	}
	if keys, err := GetAttr(th, src, "keys"); err == nil {
		ks, err := Call(th, keys, nil, nil)
		if err != nil {
			return err
		}
		return forEach(th, ks, func(k Value) error {
			v, err := GetItem(th, src, k)
			if err != nil {
				return err
			}
			return d.Set(th, k, v)
		})
	} else if !AsException(err).Matches(AttributeErrorType) {
		return err
	}
	i := 0
	return forEach(th, src, func(item Value) error {
		it, err := Iter(th, item)
		if err != nil {
			if AsException(err).Matches(TypeErrorType) {
				return TypeErrorf("cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			return err
		}
		kv, err := drain(th, it)
		if err != nil {
			return err
		}
		if len(kv) != 2 {
			return ValueErrorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
		}
		i++
		return d.Set(th, kv[0], kv[1])
	})
}

// dictFromKeys is the classmethod dict.fromkeys(iterable, value=None); cls is dict or a
// subclass, whose instance is filled through item assignment.
func dictFromKeys(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("fromkeys", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	v := optArg(args, 1, None)
	d, err := Call(th, cls, nil, nil)
	if err != nil {
		return Value{}, err
	}
	return d, forEach(th, args[0], func(k Value) error { return SetItem(th, d, k, v) })
}

// popLast removes and returns the most recently inserted item of a non-empty dict. It finds
// the item's index slot by its stored hash, so no user __hash__ or __eq__ runs, as in CPython.
func (d *Dict) popLast() (Value, Value) {
	n := len(d.entries) - 1
	for !d.entries[n].key.IsValid() {
		n--
	}
	e := d.dropEntry(n)
	// Entries are never trimmed (the index's fill depends on their count), so squeeze out
	// the holes once they outnumber the live entries, keeping repeated popitem linear.
	if holes := len(d.entries) - n; holes > 8 && holes > d.used {
		d.grow()
	}
	return e.key, e.value
}

// viewIsDisjoint is keys().isdisjoint(other) and items().isdisjoint(other).
func viewIsDisjoint(th *Thread, view, other Value) (Value, error) {
	common, err := anyItem(th, other, func(x Value) (bool, error) { return Contains(th, view, x) })
	return Bool(!common), err
}
