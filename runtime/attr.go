package runtime

import "sync/atomic"

// Attributer is implemented by objects with attributes of their own beyond their class's
// (functions' __name__, generators' gi_frame, tasks' internals, …).
type Attributer interface {
	Attr(name string) (Value, bool)
}

// AttrSetter is implemented by objects whose attributes may be assigned.
type AttrSetter interface {
	SetAttr(name string, v Value) bool
}

// GetAttr returns v.name.
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	switch o := v.o.(type) {
	case *Instance:
		return instanceGetAttr(th, v, o.class, o.Dict, name)
	case *Exception:
		if r, ok := exceptionAttr(o, name); ok {
			return r, nil
		}
		return instanceGetAttr(th, v, o.class, o.Dict, name)
	case *Class:
		return classGetAttr(th, o, name)
	case *Module:
		if r, ok := o.Dict.GetStr(name); ok {
			return r, nil
		}
		if name == "__dict__" {
			return Ref(o.Dict), nil
		}
		return Value{}, attrError(v, name, "module '"+o.Name+"' has no attribute '"+name+"'")
	case *Super:
		return superGetAttr(th, o, name)
	}
	if cls, attrs, ok := subclassAttrs(v, false); ok {
		return instanceGetAttr(th, v, cls, attrs, name)
	}
	if a, ok := v.o.(Attributer); ok {
		if r, ok := a.Attr(name); ok {
			return r, nil
		}
	}
	cls := v.Type()
	if r := cls.Lookup(name); r.IsValid() {
		return bindAttr(th, r, v, cls)
	}
	if name == "__class__" {
		return Ref(cls), nil
	}
	return Value{}, attrError(v, name, "'"+cls.Name+"' object has no attribute '"+name+"'")
}

// attrError makes an AttributeError that remembers the object and name, for the
// "Did you mean" hint of tracebacks.
func attrError(obj Value, name, msg string) *Exception {
	e := Errorf(AttributeErrorType, "%s", msg)
	e.Dict = NewDict()
	e.Dict.SetStr("name", NewStr(name))
	e.Dict.SetStr("obj", obj)
	return e
}

func instanceGetAttr(th *Thread, v Value, cls *Class, dict *Dict, name string) (Value, error) {
	cv := cls.Lookup(name)
	if p, ok := cv.o.(*Property); ok {
		return propertyGet(th, p, v, name)
	}
	if dict != nil {
		if r, ok := dict.GetStr(name); ok {
			return r, nil
		}
	}
	if cv.IsValid() {
		return bindAttr(th, cv, v, cls)
	}
	switch name {
	case "__class__":
		return Ref(cls), nil
	case "__dict__":
		if dict != nil {
			return Ref(dict), nil
		}
	}
	if ga := cls.Lookup("__getattr__"); ga.IsValid() {
		return CallMethodValue(th, ga, v, []Value{NewStr(name)})
	}
	return Value{}, attrError(v, name, "'"+cls.Name+"' object has no attribute '"+name+"'")
}

func propertyGet(th *Thread, p *Property, self Value, name string) (Value, error) {
	if !p.Get.IsValid() || p.Get.IsNone() {
		return Value{}, AttributeErrorf("property '%s' of '%s' object has no getter", name, self.Type().Name)
	}
	if f, ok := p.Get.o.(SelfCaller); ok { // a Python getter: no argument slice to allocate
		return f.CallSelf(th, self, nil, nil)
	}
	return Call(th, p.Get, []Value{self}, nil)
}

// bindAttr turns a class attribute into what an instance lookup returns: functions become
// bound methods, classmethods bind to the class, staticmethods unwrap.
func bindAttr(th *Thread, attr, self Value, cls *Class) (Value, error) {
	switch a := attr.o.(type) {
	case SelfCaller:
		return Ref(&BoundMethod{Self: self, Fn: a}), nil
	case *StaticMethod:
		return a.Fn, nil
	case *ClassMethod:
		return bindTo(a.Fn, Ref(cls)), nil
	case *Property:
		return propertyGet(th, a, self, "?")
	}
	return attr, nil
}

// bindTo binds fn to self if it is a function-like callable, else returns it as is.
func bindTo(fn, self Value) Value {
	if f, ok := fn.o.(SelfCaller); ok {
		return Ref(&BoundMethod{Self: self, Fn: f})
	}
	return fn
}

func classGetAttr(th *Thread, c *Class, name string) (Value, error) {
	for _, m := range c.MRO {
		if r, ok := m.Dict.GetStr(name); ok {
			switch a := r.o.(type) {
			case *StaticMethod:
				return a.Fn, nil
			case *ClassMethod:
				return bindTo(a.Fn, Ref(c)), nil
			}
			return r, nil
		}
	}
	switch name {
	case "__name__":
		return NewStr(c.Name), nil
	case "__qualname__":
		return NewStr(c.Qualname), nil
	case "__module__":
		return NewStr(c.Module), nil
	case "__doc__":
		return c.Doc, nil
	case "__dict__":
		return Ref(c.Dict), nil
	case "__class__":
		return Ref(TypeType), nil
	case "__bases__":
		items := make([]Value, len(c.Bases))
		for i, b := range c.Bases {
			items[i] = Ref(b)
		}
		return NewTuple(items), nil
	case "__base__":
		if len(c.Bases) == 0 {
			return None, nil
		}
		return Ref(c.Bases[0]), nil
	case "__mro__":
		items := make([]Value, len(c.MRO))
		for i, b := range c.MRO {
			items[i] = Ref(b)
		}
		return NewTuple(items), nil
	}
	if r := TypeType.Lookup(name); r.IsValid() {
		return bindAttr(th, r, Ref(c), TypeType)
	}
	return Value{}, attrError(Ref(c), name, "type object '"+c.Name+"' has no attribute '"+name+"'")
}

// SuperLookup finds what super(class, self).name names before binding: the attribute of the
// first class after class in the MRO of self's type (or of self, when self is a subclass of
// class), and that type.
func SuperLookup(class *Class, self Value, name string) (r Value, cls *Class, ok bool) {
	if c, isClass := self.o.(*Class); isClass && c.IsSubclass(class) {
		cls = c
	} else {
		cls = self.Type()
	}
	mro := cls.MRO
	i := 0
	for i < len(mro) && mro[i] != class {
		i++
	}
	for _, m := range mro[min(i+1, len(mro)):] {
		if r, ok := m.Dict.GetStr(name); ok {
			return r, cls, true
		}
	}
	return Value{}, cls, false
}

func superGetAttr(th *Thread, s *Super, name string) (Value, error) {
	if r, cls, ok := SuperLookup(s.Class, s.Self, name); ok {
		if _, isClass := s.Self.o.(*Class); isClass {
			if sm, ok := r.o.(*ClassMethod); ok {
				return bindTo(sm.Fn, s.Self), nil
			}
			if sm, ok := r.o.(*StaticMethod); ok {
				return sm.Fn, nil
			}
			return r, nil
		}
		return bindAttr(th, r, s.Self, cls)
	}
	if name == "__class__" {
		return Ref(SuperType), nil
	}
	return Value{}, AttributeErrorf("'super' object has no attribute '%s'", name)
}

func exceptionAttr(e *Exception, name string) (Value, bool) {
	switch name {
	case "args":
		return NewTuple(append([]Value(nil), e.Args...)), true
	case "__cause__":
		return excOrNone(e.Cause), true
	case "__context__":
		return excOrNone(e.Context), true
	case "__suppress_context__":
		return Bool(e.SuppressContext), true
	case "__traceback__":
		if e.Traceback == nil {
			return None, true
		}
		return Ref(&TracebackObject{tb: e.Traceback}), true
	case "__notes__":
		if e.Notes == nil {
			return Value{}, false
		}
		items := make([]Value, len(e.Notes))
		for i, n := range e.Notes {
			items[i] = NewStr(n)
		}
		return NewList(items), true
	}
	if e.Dict != nil {
		if v, ok := e.Dict.GetStr(name); ok {
			return v, true
		}
	}
	switch {
	case name == "value" && (e.Matches(StopIterationType) || e.Matches(StopAsyncIterationType)):
		return e.Value(), true
	case name == "code" && e.Matches(SystemExitType):
		return e.Value(), true
	case name == "exceptions" && e.Matches(BaseExceptionGroupType):
		items := make([]Value, len(e.Group))
		for i, x := range e.Group {
			items[i] = Ref(x)
		}
		return NewTuple(items), true
	case name == "message" && e.Matches(BaseExceptionGroupType):
		return e.Value(), true
	case e.Matches(UnicodeErrorType):
		return unicodeErrorAttr(e, name)
	case (name == "errno" || name == "strerror" || name == "filename" || name == "filename2") && e.Matches(OSErrorType):
		v, _ := osErrorAttr(e, name)
		return v, true
	case (name == "name" || name == "obj") && (e.Matches(AttributeErrorType) || e.Matches(NameErrorType)):
		return None, true
	}
	return Value{}, false
}

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return Ref(e)
}

// TracebackObject exposes a traceback entry to Python code.
type TracebackObject struct{ tb *Traceback }

// Type returns `traceback`.
func (t *TracebackObject) Type() *Class { return TracebackType }

// Attr returns tb_lineno and tb_next.
func (t *TracebackObject) Attr(name string) (Value, bool) {
	switch name {
	case "tb_lineno":
		return Int(int64(t.tb.Line)), true
	case "tb_next":
		if t.tb.Next == nil {
			return None, true
		}
		return Ref(&TracebackObject{tb: t.tb.Next}), true
	}
	return Value{}, false
}

// TracebackType is the class of traceback objects.
var TracebackType = finalClass("traceback", ObjectType)

// SetAttr performs v.name = x.
func SetAttr(th *Thread, v Value, name string, x Value) error {
	return setAttr(th, v, name, nil, x)
}

// SetAttrKey is SetAttr for a name the caller already holds as a str (the interpreter
// interns attribute names), which an attribute dict then takes as its key without a copy.
func SetAttrKey(th *Thread, v Value, key *Str, x Value) error {
	return setAttr(th, v, key.s, key, x)
}

// setAttr sets v.name; key is name as a str, or nil to make one if needed.
func setAttr(th *Thread, v Value, name string, key *Str, x Value) error {
	switch o := v.o.(type) {
	case *Instance:
		return instanceSetAttr(th, v, o.class, o.Dict, name, key, x)
	case *Exception:
		if setExceptionAttr(o, name, x) {
			return nil
		}
		if o.Dict == nil {
			o.Dict = NewDict()
		}
		return instanceSetAttr(th, v, o.class, o.Dict, name, key, x)
	case *Class:
		if !o.user {
			return TypeErrorf("cannot set '%s' attribute of immutable type '%s'", name, o.Name)
		}
		switch name {
		case "__name__":
			if s, ok := AsStr(x); ok {
				o.Name = s
			}
		case "__doc__":
			o.Doc = x
		}
		o.Dict.SetStr(name, x)
		ClassEpoch.Add(1)
		return nil
	case *Module:
		o.Dict.SetStr(name, x)
		return nil
	}
	if cls, attrs, ok := subclassAttrs(v, true); ok {
		return instanceSetAttr(th, v, cls, attrs, name, key, x)
	}
	if s, ok := v.o.(AttrSetter); ok && s.SetAttr(name, x) {
		return nil
	}
	return attrError(v, name, "'"+v.Type().Name+"' object has no attribute '"+name+"'")
}

func instanceSetAttr(th *Thread, v Value, cls *Class, dict *Dict, name string, key *Str, x Value) error {
	if cls.user {
		cv := cls.Lookup(name)
		if p, ok := cv.o.(*Property); ok {
			if !p.Set.IsValid() || p.Set.IsNone() {
				return AttributeErrorf("property '%s' of '%s' object has no setter", name, cls.Name)
			}
			_, err := Call(th, p.Set, []Value{v, x}, nil)
			return err
		}
		if sa := cls.Lookup("__setattr__"); sa.IsValid() && !sa.Is(objectSetattr) {
			_, err := CallMethodValue(th, sa, v, []Value{NewStr(name), x})
			return err
		}
	}
	if name == "__class__" {
		if c, ok := x.o.(*Class); ok {
			if in, ok := v.o.(*Instance); ok {
				in.class = c
				return nil
			}
		}
	}
	if key == nil {
		key = MakeStr(name)
	}
	dict.SetKey(key, x)
	return nil
}

var objectSetattr Value // object.__setattr__, set in init

func setExceptionAttr(e *Exception, name string, x Value) bool {
	switch name {
	case "args":
		if t, ok := x.o.(*Tuple); ok {
			e.Args = append([]Value(nil), t.Items...)
			return true
		}
	case "__cause__":
		e.Cause, _ = x.o.(*Exception)
		e.SuppressContext = true
		return true
	case "__context__":
		e.Context, _ = x.o.(*Exception)
		return true
	case "__suppress_context__":
		b, _ := x.BoolVal()
		e.SuppressContext = b
		return true
	case "__traceback__":
		if x.IsNone() {
			e.Traceback = nil
		}
		return true
	}
	return false
}

// DelAttr performs del v.name.
func DelAttr(th *Thread, v Value, name string) error {
	var dict *Dict
	switch o := v.o.(type) {
	case *Instance:
		if p, ok := o.class.Lookup(name).o.(*Property); ok {
			return delProperty(th, p, v, name)
		}
		if da := o.class.Lookup("__delattr__"); da.IsValid() && o.class.user && !da.Is(objectDelattr) {
			_, err := CallMethodValue(th, da, v, []Value{NewStr(name)})
			return err
		}
		dict = o.Dict
	case *Exception:
		dict = o.Dict
	case *Class:
		dict = o.Dict
	case *Module:
		dict = o.Dict
	default:
		if cls, attrs, ok := subclassAttrs(v, false); ok {
			if p, ok := cls.Lookup(name).o.(*Property); ok {
				return delProperty(th, p, v, name)
			}
			dict = attrs
		}
	}
	if dict != nil {
		if _, ok, _ := dict.Delete(th, NewStr(name)); ok {
			if _, isClass := v.o.(*Class); isClass {
				ClassEpoch.Add(1)
			}
			return nil
		}
	}
	return attrError(v, name, "'"+v.Type().Name+"' object has no attribute '"+name+"'")
}

func delProperty(th *Thread, p *Property, v Value, name string) error {
	if !p.Del.IsValid() || p.Del.IsNone() {
		return AttributeErrorf("property '%s' of '%s' object has no deleter", name, v.Type().Name)
	}
	_, err := Call(th, p.Del, []Value{v}, nil)
	return err
}

// ClassEpoch changes whenever an attribute of an existing class is set or deleted, so that
// lookups cached by (class, epoch) stay valid exactly as long as the classes are unchanged.
var ClassEpoch atomic.Uint64

// LookupKey is Lookup for a *Str name, using its cached hash.
func (c *Class) LookupKey(name *Str) Value {
	for _, m := range c.MRO {
		if v, ok := m.Dict.GetKey(name); ok {
			return v
		}
	}
	return Value{}
}

// InstanceDict returns the attribute dict of an instance of a user class, or nil.
func InstanceDict(v Value) *Dict {
	switch o := v.o.(type) {
	case *Instance:
		return o.Dict
	case *Exception:
		return o.Dict
	}
	return nil
}

var objectDelattr Value // object.__delattr__, set in init
