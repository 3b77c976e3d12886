package runtime

// The tuple constructor and tuple's methods.

func init() {
	TupleType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 1 && len(kw) == 0 && args[0].Type() == TupleType {
			return args[0], nil // tuples are immutable: tuple(t) is t
		}
		items, err := seqArg(th, "tuple", args, kw)
		if err != nil {
			return Value{}, err
		}
		return NewTuple(append([]Value(nil), items...)), nil
	}
	wrapNew(TupleType, false)
	c := TupleType
	addMethod(c, "index", func(th *Thread, t *Tuple, args []Value, kw []Kwarg) (Value, error) {
		return seqIndex(th, "index", t.items, args, kw, func(Value) error {
			return ValueErrorf("tuple.index(x): x not in tuple")
		})
	})
	addMethod(c, "count", func(th *Thread, t *Tuple, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("tuple.count", args, kw)
		if err != nil {
			return Value{}, err
		}
		return countIn(th, t.items, x)
	})
	addDunders(c, "__len__", "__getitem__", "__contains__", "__iter__",
		"__add__", "__mul__", "__rmul__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")
}

func (t *Tuple) items() []Value { return t.Items }
