package runtime

// Call instantiates the class: __new__ (or the built-in base's New), then __init__.
func (c *Class) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if c == TypeType {
		return typeCall(th, args, kw)
	}
	var inst Value
	var err error
	if nw := c.userNew(); nw.IsValid() {
		fn := nw
		if sm, ok := nw.o.(*StaticMethod); ok {
			fn = sm.Fn
		}
		inst, err = Call(th, fn, append([]Value{Ref(c)}, args...), kw)
	} else if nf := c.newFunc(); nf == nil {
		return Value{}, TypeErrorf("cannot create '%s' instances", c.Name)
	} else {
		inst, err = nf(th, c, args, kw)
	}
	if err != nil {
		return Value{}, err
	}
	if !inst.Type().IsSubclass(c) || !c.user {
		return inst, nil
	}
	if init := c.LookupKey(initKey); init.IsValid() && !init.Is(objectInit) {
		r, err := CallMethodValue(th, init, inst, args, kw...)
		if err != nil {
			return Value{}, err
		}
		if !r.IsNone() {
			return Value{}, TypeErrorf("__init__() should return None, not '%s'", r.Type().Name)
		}
	}
	return inst, nil
}

// userNew returns the __new__ a user class defines or inherits from another user class, if
// any: built-in classes construct through their Go New.
func (c *Class) userNew() Value {
	if !c.user {
		return Value{}
	}
	if nw := c.LookupKey(newKey); !nw.Is(objectNew) {
		return nw
	}
	return Value{}
}

// The names a constructor call looks up, as strs with their hashes cached.
var newKey, initKey = MakeStr("__new__"), MakeStr("__init__")

// newFunc is the New of the nearest class in the MRO that has one: built-in classes made
// before their base's New was installed find it here.
func (c *Class) newFunc() func(*Thread, *Class, []Value, []Kwarg) (Value, error) {
	for _, m := range c.MRO {
		if m.New != nil {
			return m.New
		}
	}
	return nil
}

// typeCall is type(x) or type(name, bases, dict).
func typeCall(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 1 && len(kw) == 0 {
		return Ref(args[0].Type()), nil
	}
	if len(args) != 3 {
		return Value{}, TypeErrorf("type() takes 1 or 3 arguments")
	}
	name, ok := AsStr(args[0])
	bt, ok2 := args[1].o.(*Tuple)
	d, ok3 := args[2].o.(*Dict)
	if !ok || !ok2 || !ok3 {
		return Value{}, TypeErrorf("type.__new__() argument types must be str, tuple, dict")
	}
	bases := make([]*Class, len(bt.Items))
	for i, b := range bt.Items {
		bc, ok := b.o.(*Class)
		if !ok {
			return Value{}, TypeErrorf("bases must be types")
		}
		bases[i] = bc
	}
	c, err := NewClass(name, name, "__main__", bases, d.Copy())
	if err != nil {
		return Value{}, err
	}
	return Ref(c), nil
}

// The methods of object that user classes inherit and super() reaches.
var objectNew, objectInit, objectHash Value

func objectNewFn(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 0 || len(kw) > 0 {
		if init := cls.Lookup("__init__"); !init.IsValid() || init.Is(objectInit) {
			return Value{}, TypeErrorf("%s() takes no arguments", cls.Name)
		}
	}
	return Ref(NewInstance(cls)), nil
}

func init() {
	ObjectType.New = objectNewFn
	for _, c := range []*Class{TypeType} {
		c.New = nil
	}
	o := ObjectType
	o.AddMethod("__init__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return None, nil
	})
	objectInit, _ = o.Dict.GetStr("__init__")
	o.Dict.SetStr("__new__", Ref(&StaticMethod{Fn: NewBuiltin("__new__", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return Value{}, TypeErrorf("object.__new__(): not enough arguments")
		}
		cls, ok := args[0].o.(*Class)
		if !ok {
			return Value{}, TypeErrorf("object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		if nf := cls.Base.newFunc(); cls.Base != ObjectType && nf != nil {
			return nf(th, cls, args[1:], kw)
		}
		return Ref(NewInstance(cls)), nil
	})}))
	objectNew, _ = o.Dict.GetStr("__new__")
	o.AddMethod("__repr__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		s, err := BaseRepr(th, self)
		return NewStr(s), err
	})
	objectRepr, _ = o.Dict.GetStr("__repr__")
	o.AddMethod("__str__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if e, ok := self.o.(*Exception); ok {
			return NewStr(e.message(th)), nil
		}
		s, err := Repr(th, self)
		return NewStr(s), err
	})
	objectStr, _ = o.Dict.GetStr("__str__")
	o.AddMethod("__hash__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return Int(ptrHash(self.o)), nil
	})
	objectHash, _ = o.Dict.GetStr("__hash__")
	o.AddMethod("__eq__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 1 && self.Is(args[0]) {
			return True, nil
		}
		return NotImplemented, nil
	})
	o.AddMethod("__ne__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) != 1 {
			return Value{}, TypeErrorf("expected 1 argument")
		}
		r, ok, err := userCompare(th, CmpEq, self, args[0])
		if err != nil || !ok {
			return NotImplemented, err
		}
		t, err := Truth(th, r)
		return Bool(!t), err
	})
	o.AddMethod("__setattr__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var name string
		var v Value
		if err := UnpackArgs("__setattr__", args, kw, "name", &name, "value", &v); err != nil {
			return Value{}, err
		}
		var d *Dict
		switch o := self.o.(type) {
		case *Instance:
			d = o.Dict
		case *Exception:
			if setExceptionAttr(o, name, v) {
				return None, nil
			}
			if o.Dict == nil {
				o.Dict = NewDict()
			}
			d = o.Dict
		default:
			return None, SetAttr(th, self, name, v)
		}
		return None, d.Set(th, NewStr(name), v)
	})
	objectSetattr, _ = o.Dict.GetStr("__setattr__")
	o.AddMethod("__delattr__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var name string
		if err := UnpackArgs("__delattr__", args, kw, "name", &name); err != nil {
			return Value{}, err
		}
		if in, ok := self.o.(*Instance); ok {
			if _, ok, _ := in.Dict.Delete(th, NewStr(name)); ok {
				return None, nil
			}
		}
		return Value{}, attrError(self, name, "'"+self.Type().Name+"' object has no attribute '"+name+"'")
	})
	objectDelattr, _ = o.Dict.GetStr("__delattr__")
	o.AddMethod("__getattribute__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var name string
		if err := UnpackArgs("__getattribute__", args, kw, "name", &name); err != nil {
			return Value{}, err
		}
		return GetAttr(th, self, name)
	})
	o.AddMethod("__init_subclass__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return None, nil
	})
	o.AddMethod("__format__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var spec string
		if err := UnpackArgs("__format__", args, kw, "format_spec", &spec); err != nil {
			return Value{}, err
		}
		if spec != "" {
			return Value{}, TypeErrorf("unsupported format string passed to %s.__format__", self.Type().Name)
		}
		s, err := ToStr(th, self)
		return NewStr(s), err
	})
	o.AddMethod("__dir__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return NewList(Dir(th, self)), nil
	})
	initExceptionClass()
}

func initExceptionClass() {
	b := BaseExceptionType
	b.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if len(kw) > 0 && !cls.user {
			return Value{}, TypeErrorf("%s() takes no keyword arguments", cls.Name)
		}
		e := &Exception{class: cls}
		e.SetArgs(args)
		if cls.IsSubclass(BaseExceptionGroupType) {
			return newExceptionGroup(e)
		}
		return Ref(e), nil
	}
	b.AddMethod("__init__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if e, ok := self.o.(*Exception); ok && !e.class.IsSubclass(BaseExceptionGroupType) {
			e.SetArgs(args)
		}
		return None, nil
	})
	b.AddMethod("with_traceback", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return self, nil
	})
	b.AddMethod("add_note", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var note string
		if err := UnpackArgs("add_note", args, kw, "note", &note); err != nil {
			return Value{}, err
		}
		e := self.o.(*Exception)
		e.Notes = append(e.Notes, note)
		return None, nil
	})
}

// newExceptionGroup validates ExceptionGroup(message, exceptions), returning an
// ExceptionGroup when BaseExceptionGroup is called with only Exceptions.
func newExceptionGroup(e *Exception) (Value, error) {
	name := e.class.Name
	if len(e.Args) != 2 {
		return Value{}, TypeErrorf("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(e.Args))
	}
	if _, ok := AsStr(e.Args[0]); !ok {
		return Value{}, TypeErrorf("argument 1 must be str, not %s", e.Args[0].Type().Name)
	}
	var items []Value
	switch s := e.Args[1].o.(type) {
	case *List:
		items = s.Items
	case *Tuple:
		items = s.Items
	default:
		return Value{}, TypeErrorf("second argument (exceptions) must be a sequence")
	}
	if len(items) == 0 {
		return Value{}, ValueErrorf("second argument (exceptions) must be a non-empty sequence")
	}
	allExc := true
	for i, it := range items {
		x, ok := it.o.(*Exception)
		if !ok {
			return Value{}, ValueErrorf("Item %d of second argument (exceptions) is not an exception", i)
		}
		if !x.Matches(ExceptionType) {
			allExc = false
		}
		e.Group = append(e.Group, x)
	}
	if e.class == BaseExceptionGroupType && allExc {
		e.class = ExceptionGroupType
	} else if e.class.IsSubclass(ExceptionType) && !allExc {
		return Value{}, TypeErrorf("Cannot nest BaseExceptions in an %s", name)
	}
	return Ref(e), nil
}

// NewExceptionGroup builds an ExceptionGroup (or BaseExceptionGroup) from Go.
func NewExceptionGroup(msg string, excs []*Exception) *Exception {
	items := make([]Value, len(excs))
	for i, x := range excs {
		items[i] = Ref(x)
	}
	v, err := newExceptionGroup(&Exception{class: BaseExceptionGroupType, Args: []Value{NewStr(msg), NewList(items)}})
	if err != nil {
		return AsException(err)
	}
	return v.o.(*Exception)
}

// Dir lists the attribute names of v, sorted, as dir() does.
func Dir(th *Thread, v Value) []Value {
	names := map[string]bool{}
	add := func(d *Dict) {
		if d == nil {
			return
		}
		d.Items(func(k, _ Value) bool {
			if s, ok := AsStr(k); ok {
				names[s] = true
			}
			return true
		})
	}
	switch o := v.o.(type) {
	case *Module:
		add(o.Dict)
	case *Class:
		for _, c := range o.MRO {
			add(c.Dict)
		}
	default:
		if in, ok := v.o.(*Instance); ok {
			add(in.Dict)
		}
		for _, c := range v.Type().MRO {
			add(c.Dict)
		}
	}
	return sortedNames(names)
}
