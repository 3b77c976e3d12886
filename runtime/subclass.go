package runtime

// User subclasses of the built-in containers (class Stack(list), class Config(dict), …).
//
// An instance of such a class is the container itself (*List, *Dict, *Set, *Tuple) carrying
// a subclass record with its class and attribute dict, so every built-in operation keeps
// working on it unchanged. Methods the subclass defines in Python are found through the
// class as for any instance; the operations that would otherwise go straight to the
// container (indexing, len, iteration, membership, operators) first look for such an
// override.

// wrapNew makes a built-in container's constructor serve its subclasses: mutable containers
// start empty, as CPython's list.__new__ and dict.__new__ leave them, and __init__ (the
// subclass's or the built-in one) fills them; immutable ones are built from the arguments.
func wrapNew(builtin *Class, mutable bool) {
	newFn := builtin.New
	builtin.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if cls == builtin {
			return newFn(th, cls, args, kw)
		}
		var v Value
		var err error
		if mutable {
			v, err = newFn(th, builtin, nil, nil)
		} else {
			v, err = newFn(th, builtin, args, kw)
		}
		if err != nil {
			return v, err
		}
		sub := &subclass{cls: cls}
		switch o := v.o.(type) {
		case *List:
			v = Ref(&List{Items: o.Items, sub: sub})
		case *Dict:
			o.sub = sub
		case *Set:
			c := o.Copy(o.frozen)
			c.sub = sub
			v = Ref(c)
		case *Tuple:
			v = Ref(&Tuple{Items: o.Items, sub: sub})
		}
		return v, nil
	}
}

// override returns the method name of v's class when v is an instance of a user subclass
// of a built-in container and the subclass (or a user class between it and the built-in)
// defines the method, in Python or in Go (collections.Counter's __missing__). A built-in
// special method called on v (through super(), say) sets th.bypass so that the generic
// operation it runs skips the override once.
func override(th *Thread, v Value, name string) (Value, bool) {
	st := subStateOf(v)
	if st == nil {
		return Value{}, false
	}
	if th != nil && th.bypass != nil && th.bypass == v.o {
		th.bypass = nil
		return Value{}, false
	}
	m := st.cls.Lookup(name)
	if meth, isGo := m.o.(*Method); (isGo && !meth.Class.user) || !m.IsValid() {
		return Value{}, false
	}
	return m, true
}

// subStateOf returns the subclass record of a container subclass instance, or nil. It
// switches on the concrete types, which costs a few compares, where asserting an interface
// would search the itab cache on every container operation.
func subStateOf(v Value) *subclass {
	switch o := v.o.(type) {
	case *List:
		return o.sub
	case *Dict:
		return o.sub
	case *Set:
		return o.sub
	case *Tuple:
		return o.sub
	}
	return nil
}

// callOverride calls v's Python override of name, if there is one. The arguments are copied
// on that rare path so that args never escapes: callers on hot paths (every list or dict
// store goes through here) keep their argument slice on the stack.
func callOverride(th *Thread, v Value, name string, args ...Value) (Value, bool, error) {
	m, ok := override(th, v, name)
	if !ok {
		return Value{}, false, nil
	}
	r, err := CallMethodValue(th, m, v, append([]Value(nil), args...))
	return r, true, err
}

// subclassAttrs returns the attribute dict of a container subclass instance (created when
// create is set), or ok false for plain containers.
func subclassAttrs(v Value, create bool) (*Class, *Dict, bool) {
	st := subStateOf(v)
	if st == nil {
		return nil, nil, false
	}
	if st.attrs == nil && create {
		st.attrs = NewDict()
	}
	return st.cls, st.attrs, true
}

// The classes of the collections module that derive from dict and tuple are written in Go:
// their instances are built-in containers carrying a subclass record, as those of Python
// subclasses do, and their Go methods override the built-in ones as Python methods would.

// NewDictOf returns an empty dict that is an instance of cls, a subclass of dict, without
// running cls's __init__.
func NewDictOf(cls *Class) *Dict { return &Dict{sub: newSubclass(cls, DictType)} }

// NewTupleOf returns a tuple of items (not copied) that is an instance of cls, a subclass of
// tuple, as tuple.__new__(cls, items) makes it.
func NewTupleOf(cls *Class, items []Value) Value {
	return Ref(&Tuple{Items: items, sub: newSubclass(cls, TupleType)})
}

// SubclassState returns the state a Go subclass keeps in an instance of a built-in
// container's subclass (None until set), and ok false for plain containers.
func SubclassState(v Value) (state Value, ok bool) {
	sub := subStateOf(v)
	if sub == nil {
		return Value{}, false
	}
	if sub.state.IsValid() {
		return sub.state, true
	}
	return None, true
}

// SetSubclassState sets that state; it reports false for plain containers.
func SetSubclassState(v, state Value) bool {
	sub := subStateOf(v)
	if sub == nil {
		return false
	}
	sub.state = state
	return true
}

// SubclassDict returns the attribute dict of an instance of a subclass of a built-in
// container, created on first use, or nil for plain containers. A Go __setattr__ stores
// attributes here.
func SubclassDict(v Value) *Dict {
	_, attrs, _ := subclassAttrs(v, true)
	return attrs
}

// EnterRepr marks v as being repr'd, reporting false if it already is: a container that
// holds itself prints "..." there. Each successful EnterRepr needs a LeaveRepr.
func (th *Thread) EnterRepr(v Value) bool { return th.enterRepr(v.o) }

// LeaveRepr ends the innermost EnterRepr.
func (th *Thread) LeaveRepr() { th.leaveRepr() }

// NewDictViewOf returns a keys (0), values (1) or items (2) view of d that is an instance of
// cls, a class deriving from the view's class with it as Base (OrderedDict's odict_keys).
func NewDictViewOf(cls *Class, d *Dict, kind int) Value {
	return Ref(&dictView{d: d, kind: kind, cls: cls})
}
