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
// defines the method in Python. A built-in special method called on v (through super(),
// say) sets th.bypass so that the generic operation it runs skips the override once.
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
	if _, builtin := m.o.(*Method); builtin || !m.IsValid() {
		return Value{}, false
	}
	return m, true
}

// subStateOf returns the subclass record of a container subclass instance, or nil. It
// switches on the concrete types, which costs a few compares, where asserting the
// subclassed interface would search the itab cache on every container operation.
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
	s, ok := v.o.(subclassed)
	if !ok || s.subState() == nil {
		return nil, nil, false
	}
	st := s.subState()
	if st.attrs == nil && create {
		st.attrs = NewDict()
	}
	return st.cls, st.attrs, true
}
