package runtime

// The constructors and attributes of property, staticmethod, classmethod and super. Their
// behaviour on attribute lookup (binding, calling the getter) lives in attr.go.

func init() {
	PropertyType.New = newProperty
	for _, accessor := range []string{"getter", "setter", "deleter"} {
		accessor := accessor
		addMethod(PropertyType, accessor, func(th *Thread, p *Property, args []Value, kw []Kwarg) (Value, error) {
			fn, err := oneArg("property."+accessor, args, kw)
			if err != nil {
				return Value{}, err
			}
			q := *p
			switch accessor {
			case "getter":
				q.Get = fn
			case "setter":
				q.Set = fn
			default:
				q.Del = fn
			}
			return Ref(&q), nil
		})
	}
	StaticMethodType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("staticmethod", args, kw, 1, 1); err != nil {
			return Value{}, err
		}
		return Ref(&StaticMethod{Fn: args[0]}), nil
	}
	ClassMethodType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("classmethod", args, kw, 1, 1); err != nil {
			return Value{}, err
		}
		return Ref(&ClassMethod{Fn: args[0]}), nil
	}
	RegisterRepr(StaticMethodType, func(th *Thread, v Value) (string, error) {
		return wrapperRepr(th, "staticmethod", v.o.(*StaticMethod).Fn)
	})
	RegisterRepr(ClassMethodType, func(th *Thread, v Value) (string, error) {
		return wrapperRepr(th, "classmethod", v.o.(*ClassMethod).Fn)
	})
	SuperType.New = newSuper
	RegisterRepr(SuperType, func(_ *Thread, v Value) (string, error) {
		s := v.o.(*Super)
		objType := s.Self.Type()
		if c, ok := s.Self.o.(*Class); ok {
			objType = c
		}
		return "<super: <class '" + s.Class.Name + "'>, <" + objType.Name + " object>>", nil
	})
}

func newProperty(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	fget, fset, fdel, doc := None, None, None, None
	if err := UnpackArgs("property", args, kw, "fget?", &fget, "fset?", &fset, "fdel?", &fdel, "doc?", &doc); err != nil {
		return Value{}, err
	}
	if doc.IsNone() && !fget.IsNone() {
		// The getter's docstring stands in for a missing doc.
		if d, err := GetAttr(th, fget, "__doc__"); err == nil {
			doc = d
		}
	}
	p := &Property{Doc: doc}
	p.Get, p.Set, p.Del = unlessNone(fget), unlessNone(fset), unlessNone(fdel)
	return Ref(p), nil
}

// unlessNone maps None to the zero Value, which marks an absent accessor.
func unlessNone(v Value) Value {
	if v.IsNone() {
		return Value{}
	}
	return v
}

// orNone maps the zero Value back to None.
func orNone(v Value) Value {
	if !v.IsValid() {
		return None
	}
	return v
}

// Attr exposes fget, fset, fdel and __doc__.
func (p *Property) Attr(name string) (Value, bool) {
	switch name {
	case "fget":
		return orNone(p.Get), true
	case "fset":
		return orNone(p.Set), true
	case "fdel":
		return orNone(p.Del), true
	case "__doc__":
		return orNone(p.Doc), true
	}
	return Value{}, false
}

// Attr exposes the wrapped function as __func__ and __wrapped__, and its name and doc.
func (s *StaticMethod) Attr(name string) (Value, bool) { return wrapperAttr(s.Fn, name) }

// Attr exposes the wrapped function as __func__ and __wrapped__, and its name and doc.
func (c *ClassMethod) Attr(name string) (Value, bool) { return wrapperAttr(c.Fn, name) }

func wrapperAttr(fn Value, name string) (Value, bool) {
	switch name {
	case "__func__", "__wrapped__":
		return fn, true
	case "__name__", "__qualname__", "__doc__", "__module__":
		if a, ok := fn.o.(Attributer); ok {
			return a.Attr(name)
		}
	}
	return Value{}, false
}

// wrapperRepr is the repr of a staticmethod or classmethod: <staticmethod(<function f …>)>.
func wrapperRepr(th *Thread, kind string, fn Value) (string, error) {
	r, err := Repr(th, fn)
	return "<" + kind + "(" + r + ")>", err
}

// Call calls the wrapped function: static methods are callable since Python 3.10.
func (s *StaticMethod) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return Call(th, s.Fn, args, kw)
}

// newSuper is the explicit super(type, obj); the interpreter supplies both arguments for the
// zero-argument form.
func newSuper(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("super", args, kw, 0, 2); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		return Value{}, Errorf(RuntimeErrorType, "super(): no arguments")
	}
	c, ok := args[0].o.(*Class)
	if !ok {
		return Value{}, TypeErrorf("super() argument 1 must be a type, not %s", args[0].Type().Name)
	}
	if len(args) == 1 {
		return Value{}, TypeErrorf("super(type) without an object is not supported")
	}
	obj := args[1]
	if oc, ok := obj.o.(*Class); !(ok && oc.IsSubclass(c)) && !obj.Type().IsSubclass(c) {
		return Value{}, TypeErrorf("super(type, obj): obj must be an instance or subtype of type")
	}
	return Ref(&Super{Class: c, Self: obj}), nil
}
