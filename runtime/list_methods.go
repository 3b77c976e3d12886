package runtime

// The list constructor and list's methods.

func init() {
	ListType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		items, err := seqArg(th, "list", args, kw)
		if err != nil {
			return Value{}, err
		}
		return NewList(append([]Value(nil), items...)), nil
	}
	wrapNew(ListType, true)
	c := ListType
	addMethod(c, "__init__", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		items, err := seqArg(th, "list", args, kw)
		if err != nil {
			return Value{}, err
		}
		l.Items = append([]Value(nil), items...)
		return None, nil
	})
	addMethod(c, "append", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.append", args, kw)
		if err != nil {
			return Value{}, err
		}
		l.Append(x)
		return None, nil
	})
	addMethod(c, "extend", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.extend", args, kw)
		if err != nil {
			return Value{}, err
		}
		return None, listExtend(th, l, x)
	})
	addMethod(c, "insert", listInsert)
	addMethod(c, "pop", listPop)
	addMethod(c, "remove", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.remove", args, kw)
		if err != nil {
			return Value{}, err
		}
		i, err := indexIn(th, l.items, x, 0, len(l.Items))
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, ValueErrorf("list.remove(x): x not in list")
		}
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return None, nil
	})
	addMethod(c, "index", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		return seqIndex(th, "index", l.items, args, kw, func(x Value) error {
			r, err := Repr(th, x)
			if err != nil {
				return err
			}
			return ValueErrorf("%s is not in list", r)
		})
	})
	addMethod(c, "count", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.count", args, kw)
		if err != nil {
			return Value{}, err
		}
		return countIn(th, l.items, x)
	})
	addMethod(c, "sort", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 0 {
			return Value{}, TypeErrorf("sort() takes no positional arguments")
		}
		key, reverse, err := sortOptions(th, "sort", kw)
		if err != nil {
			return Value{}, err
		}
		return None, SortList(th, l, key, reverse)
	})
	addMethod(c, "reverse", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("list.reverse", args, kw); err != nil {
			return Value{}, err
		}
		reverseValues(l.Items)
		return None, nil
	})
	addMethod(c, "copy", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("list.copy", args, kw); err != nil {
			return Value{}, err
		}
		return NewList(append([]Value(nil), l.Items...)), nil
	})
	addMethod(c, "clear", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("list.clear", args, kw); err != nil {
			return Value{}, err
		}
		l.Items = nil
		return None, nil
	})
	addMethod(c, "__iadd__", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.__iadd__", args, kw)
		if err != nil {
			return Value{}, err
		}
		return Ref(l), listExtend(th, l, x)
	})
	addMethod(c, "__imul__", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("list.__imul__", args, kw)
		if err != nil {
			return Value{}, err
		}
		r, ok, err := repeatSeq(th, Ref(l), x)
		if !ok && err == nil {
			return NotImplemented, nil
		}
		if err != nil {
			return Value{}, err
		}
		l.Items = r.o.(*List).Items
		return Ref(l), nil
	})
	addMethod(c, "__reversed__", func(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("list.__reversed__", args, kw); err != nil {
			return Value{}, err
		}
		return Ref(&listReverseIter{l: l, i: len(l.Items) - 1}), nil
	})
	addDunders(c, "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__",
		"__add__", "__mul__", "__rmul__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")
}

// items returns the current items; methods that call back into Python code re-read them
// through it, since the callee may change the list.
func (l *List) items() []Value { return l.Items }

// seqArg reads the optional iterable argument of list() and tuple(). The result may share
// memory with the argument.
func seqArg(th *Thread, fname string, args []Value, kw []Kwarg) ([]Value, error) {
	if err := checkArity(fname, args, kw, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return nil, nil
	}
	return ToSlice(th, args[0])
}

func listExtend(th *Thread, l *List, x Value) error {
	items, err := ToSlice(th, x)
	if err != nil {
		return err
	}
	l.Items = append(l.Items, items...)
	return nil
}

func listInsert(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("insert", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	n, err := toIndex(th, args[0])
	if err != nil {
		return Value{}, err
	}
	i := insertIndex(n, len(l.Items))
	l.Items = append(l.Items, Value{})
	copy(l.Items[i+1:], l.Items[i:])
	l.Items[i] = args[1]
	return None, nil
}

// insertIndex is where insert(i, x) puts x in a sequence of length n: a negative i counts
// from the end, and out of range values clamp to the ends.
func insertIndex(i int64, n int) int {
	if i < 0 {
		i = max(i+int64(n), 0)
	}
	return int(min(i, int64(n)))
}

func listPop(th *Thread, l *List, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("pop", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	j, err := popIndex(th, args, len(l.Items), "list")
	if err != nil {
		return Value{}, err
	}
	v := l.Items[j]
	l.Items = append(l.Items[:j], l.Items[j+1:]...)
	return v, nil
}

// popIndex resolves the optional index argument of a sequence's pop() for a sequence of n
// items: -1 by default, negative counting from the end, with CPython's errors.
func popIndex(th *Thread, args []Value, n int, kind string) (int, error) {
	i := int64(-1)
	if len(args) == 1 {
		var err error
		if i, err = toIndex(th, args[0]); err != nil {
			return 0, err
		}
	}
	if n == 0 {
		return 0, IndexErrorf("pop from empty %s", kind)
	}
	j, ok := normIndex(i, n)
	if !ok {
		return 0, IndexErrorf("pop index out of range")
	}
	return j, nil
}

// seqIndex implements index(x[, start[, stop]]) of list and tuple.
func seqIndex(th *Thread, fname string, items func() []Value, args []Value, kw []Kwarg, notFound func(Value) error) (Value, error) {
	if err := checkArity(fname, args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	start, stop, err := searchBounds(th, args[1:], len(items()))
	if err != nil {
		return Value{}, err
	}
	i, err := indexIn(th, items, args[0], start, stop)
	if err != nil {
		return Value{}, err
	}
	if i < 0 {
		return Value{}, notFound(args[0])
	}
	return Int(int64(i)), nil
}

// sortOptions reads the keyword-only key= and reverse= of list.sort and sorted.
func sortOptions(th *Thread, fname string, kw []Kwarg) (key Value, reverse bool, err error) {
	if err := rejectKwargs(fname, kw, "key", "reverse"); err != nil {
		return Value{}, false, err
	}
	key = kwarg(kw, "key")
	if r := kwarg(kw, "reverse"); r.IsValid() {
		n, err := toIndex(th, r)
		if err != nil {
			return Value{}, false, err
		}
		reverse = n != 0
	}
	return key, reverse, nil
}

func reverseValues(a []Value) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}
