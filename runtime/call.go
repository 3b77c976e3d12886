package runtime

import (
	"strings"
)

// Kwarg is one keyword argument of a call.
type Kwarg struct {
	Name  string
	Value Value
}

// Callable is an object that can be called: functions, builtins, bound methods, classes.
// args may be a window of the thread's value stack: a callee must copy it to keep it.
type Callable interface {
	Object
	Call(th *Thread, args []Value, kw []Kwarg) (Value, error)
}

// SelfCaller is a callable that binds to instances when found on a class (a function or a
// built-in method): obj.f(args) calls CallSelf(obj, args) with no bound-method allocation.
type SelfCaller interface {
	Callable
	CallSelf(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error)
}

// Builtin is a function written in Go: print, len, math.sqrt, …
type Builtin struct {
	Name   string
	Module string // "" for builtins
	Fn     func(th *Thread, args []Value, kw []Kwarg) (Value, error)
}

// NewBuiltin returns a builtin function value.
func NewBuiltin(name string, fn func(th *Thread, args []Value, kw []Kwarg) (Value, error)) Value {
	return Ref(&Builtin{Name: name, Fn: fn})
}

// Type returns `builtin_function_or_method`.
func (b *Builtin) Type() *Class { return BuiltinFunctionType }

// Call calls the Go function.
func (b *Builtin) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return b.Fn(th, args, kw)
}

// Method is a method of a built-in class written in Go (str.upper, list.append, …).
type Method struct {
	Name  string
	Class *Class
	Fn    func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error)
}

// Type returns `method_descriptor`.
func (m *Method) Type() *Class { return MethodDescriptorType }

// Call calls the unbound method: the first argument is self.
func (m *Method) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return Value{}, TypeErrorf("unbound method %s.%s() needs an argument", m.Class.Name, m.Name)
	}
	if !args[0].Type().IsSubclass(m.Class) {
		return Value{}, TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
			m.Name, m.Class.Name, args[0].Type().Name)
	}
	return m.Fn(th, args[0], args[1:], kw)
}

// CallSelf calls the method on self.
func (m *Method) CallSelf(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	return m.Fn(th, self, args, kw)
}

// AddMethod registers a Go method on a built-in class.
func (c *Class) AddMethod(name string, fn func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error)) {
	c.Dict.SetStr(name, Ref(&Method{Name: name, Class: c, Fn: fn}))
}

// BoundMethod is a function bound to the instance it was looked up on.
type BoundMethod struct {
	Self Value
	Fn   SelfCaller
}

// Type returns `method`.
func (b *BoundMethod) Type() *Class { return MethodType }

// Call calls the function with Self first.
func (b *BoundMethod) Call(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return b.Fn.CallSelf(th, b.Self, args, kw)
}

// Call calls any callable value.
func Call(th *Thread, fn Value, args []Value, kw []Kwarg) (Value, error) {
	// The commonest callables by concrete type first: asserting the Callable interface
	// searches the itab cache.
	switch f := fn.o.(type) {
	case *Builtin:
		return f.Fn(th, args, kw)
	case *Class:
		return f.Call(th, args, kw)
	}
	if c, ok := fn.o.(Callable); ok {
		return c.Call(th, args, kw)
	}
	if cls := fn.Type(); cls.user {
		if m := cls.Lookup("__call__"); m.IsValid() {
			return CallMethodValue(th, m, fn, args, kw...)
		}
	}
	return Value{}, TypeErrorf("'%s' object is not callable", fn.Type().Name)
}

// CallMethodValue calls m, an attribute found on self's class, as a method of self.
func CallMethodValue(th *Thread, m Value, self Value, args []Value, kw ...Kwarg) (Value, error) {
	if f, ok := m.o.(*Method); ok { // before the interface assertion, which costs more
		return f.Fn(th, self, args, kw)
	}
	if f, ok := m.o.(SelfCaller); ok {
		return f.CallSelf(th, self, args, kw)
	}
	bound, err := bindAttr(th, m, self, self.Type())
	if err != nil {
		return Value{}, err
	}
	return Call(th, bound, args, kw)
}

// CallMethod calls self.name(*args), looking name up on self's class (not the instance
// dict), as CPython does for special methods. found is false if the class lacks it.
func CallMethod(th *Thread, self Value, name string, args ...Value) (v Value, found bool, err error) {
	m := self.Type().Lookup(name)
	if !m.IsValid() {
		return Value{}, false, nil
	}
	v, err = CallMethodValue(th, m, self, args)
	return v, true, err
}

// UnpackArgs binds positional and keyword arguments of a builtin to Go variables, in the
// manner of Starlark's UnpackArgs. pairs alternate a parameter name and a pointer; a name
// ending in "?" is optional, and every parameter after it is optional too. Supported
// pointers: *Value, *int, *int64, *float64, *string, *bool (strict bool or int).
func UnpackArgs(fname string, args []Value, kw []Kwarg, pairs ...any) error {
	n := len(pairs) / 2
	if len(args) > n {
		return TypeErrorf("%s() takes at most %d argument%s (%d given)", fname, n, plural(n), len(args))
	}
	set := make([]bool, n)
	for i, a := range args {
		if err := unpackOne(fname, paramName(pairs[2*i]), a, pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for _, k := range kw {
		i := paramIndex(pairs, k.Name)
		if i < 0 {
			return TypeErrorf("%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
		if set[i] {
			return TypeErrorf("argument for %s() given by name ('%s') and position (%d)", fname, k.Name, i+1)
		}
		if err := unpackOne(fname, k.Name, k.Value, pairs[2*i+1]); err != nil {
			return err
		}
		set[i] = true
	}
	for i := 0; i < n; i++ {
		name := pairs[2*i].(string)
		if strings.HasSuffix(name, "?") {
			break
		}
		if !set[i] {
			return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, name, i+1)
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func paramName(p any) string { return strings.TrimSuffix(p.(string), "?") }

func paramIndex(pairs []any, name string) int {
	for i := 0; i < len(pairs); i += 2 {
		if paramName(pairs[i]) == name {
			return i / 2
		}
	}
	return -1
}

func unpackOne(fname, pname string, v Value, ptr any) error {
	switch p := ptr.(type) {
	case *Value:
		*p = v
	case *int64:
		i, ok := AsInt64(v)
		if !ok {
			return argTypeError(fname, pname, "int", v)
		}
		*p = i
	case *int:
		i, ok := AsInt64(v)
		if !ok {
			return argTypeError(fname, pname, "int", v)
		}
		*p = int(i)
	case *float64:
		f, ok := AsFloat(v)
		if !ok {
			return argTypeError(fname, pname, "float", v)
		}
		*p = f
	case *string:
		s, ok := AsStr(v)
		if !ok {
			return argTypeError(fname, pname, "str", v)
		}
		*p = s
	case *bool:
		switch v.o.(type) {
		case boolTag, intTag:
			*p = v.n != 0
		default:
			return argTypeError(fname, pname, "bool", v)
		}
	default:
		// Naming ptr's type here would make every pointer passed to UnpackArgs escape.
		panic("UnpackArgs: unsupported pointer type")
	}
	return nil
}

func argTypeError(fname, pname, want string, got Value) error {
	return TypeErrorf("%s() argument '%s' must be %s, not %s", fname, pname, want, got.Type().Name)
}

// AsFloat returns v as a float64 if it is a float or an int that converts.
func AsFloat(v Value) (float64, bool) {
	switch o := v.o.(type) {
	case floatTag:
		f, _ := v.FloatVal()
		return f, true
	case intTag, boolTag:
		return float64(int64(v.n)), true
	case *BigInt:
		f, err := bigToFloat(&o.n)
		return f, err == nil
	}
	return 0, false
}
