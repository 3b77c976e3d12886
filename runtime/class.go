package runtime

import "strings"

// Class is a Python class: a built-in type such as int or list, or a user-defined class.
// Classes are themselves values of type `type`.
//
// Attribute lookup walks MRO and reads each class's Dict. Built-in classes keep their methods
// in Dict like any other class, as *Method values, so user code sees the same MRO machinery
// whether a method is written in Go or in Aio.
type Class struct {
	Name     string
	Qualname string
	Module   string
	Bases    []*Class
	MRO      []*Class // this class first, object last
	Dict     *Dict    // class namespace: methods and class attributes
	Doc      Value

	// New creates an instance when the class is called, before __init__ runs. Built-in
	// classes set it; user classes inherit the nearest base's. args excludes the class.
	New func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error)

	// Base is the nearest built-in class in the MRO: it decides the Go type of instances
	// (object → *Instance, BaseException → *Exception).
	Base *Class

	// Final classes (bool, NoneType, …) cannot be subclassed.
	Final bool

	// user reports whether the class was defined by a class statement; only such classes
	// can have dunder methods that built-in operations must consult.
	user bool
}

// Type returns `type`.
func (c *Class) Type() *Class { return TypeType }

// IsUser reports whether c was created by a class statement.
func (c *Class) IsUser() bool { return c.user }

// IsSubclass reports whether c is base or derives from it.
func (c *Class) IsSubclass(base *Class) bool {
	if c == base {
		return true
	}
	for _, m := range c.MRO {
		if m == base {
			return true
		}
	}
	return false
}

// Lookup finds name along the MRO, returning the zero Value if absent.
func (c *Class) Lookup(name string) Value {
	for _, m := range c.MRO {
		if v, ok := m.Dict.GetStr(name); ok {
			return v
		}
	}
	return Value{}
}

// NewBuiltinClass creates a built-in class with the given base (nil for object itself).
func NewBuiltinClass(name string, base *Class, newFn func(*Thread, *Class, []Value, []Kwarg) (Value, error)) *Class {
	c := &Class{Name: name, Qualname: name, Module: "builtins", Dict: NewDict(), New: newFn}
	c.Doc = None
	if base != nil {
		c.Bases = []*Class{base}
		c.MRO = append([]*Class{c}, base.MRO...)
		if newFn == nil {
			c.New = base.New
		}
	} else {
		c.MRO = []*Class{c}
	}
	c.Base = c
	return c
}

// NewClass creates a user class, computing its C3 linearisation. dict becomes the class
// namespace.
func NewClass(name, qualname, module string, bases []*Class, dict *Dict) (*Class, error) {
	if len(bases) == 0 {
		bases = []*Class{ObjectType}
	}
	for _, b := range bases {
		if b.Final {
			return nil, TypeErrorf("type '%s' is not an acceptable base type", b.Name)
		}
	}
	if _, hasEq := dict.GetStr("__eq__"); hasEq {
		if _, hasHash := dict.GetStr("__hash__"); !hasHash {
			dict.SetStr("__hash__", None) // defining __eq__ alone makes instances unhashable
		}
	}
	c := &Class{Name: name, Qualname: qualname, Module: module, Bases: bases, Dict: dict, user: true}
	mro, err := c3(c, bases)
	if err != nil {
		return nil, err
	}
	c.MRO = mro
	c.Base = solidBase(bases)
	c.New = c.Base.New
	if d, ok := dict.GetStr("__doc__"); ok {
		c.Doc = d
	} else {
		c.Doc = None
	}
	return c, nil
}

// solidBase picks the built-in base that decides the instance layout; when several bases
// disagree the most derived one wins (CPython instead refuses incompatible layouts).
func solidBase(bases []*Class) *Class {
	best := ObjectType
	for _, b := range bases {
		if b.Base.IsSubclass(best) {
			best = b.Base
		}
	}
	return best
}

// c3 computes the C3 method resolution order.
func c3(c *Class, bases []*Class) ([]*Class, error) {
	seqs := make([][]*Class, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Class(nil), bases...))
	out := []*Class{c}
	for {
		var nonEmpty [][]*Class
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = append(nonEmpty, s)
			}
		}
		if len(nonEmpty) == 0 {
			return out, nil
		}
		var cand *Class
		for _, s := range nonEmpty {
			cand = s[0]
			if !inTail(cand, nonEmpty) {
				break
			}
			cand = nil
		}
		if cand == nil {
			names := make([]string, len(bases))
			for i, b := range bases {
				names[i] = b.Name
			}
			return nil, TypeErrorf("Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, cand)
		for i, s := range nonEmpty {
			if s[0] == cand {
				nonEmpty[i] = s[1:]
			}
		}
		seqs = nonEmpty
	}
}

func inTail(c *Class, seqs [][]*Class) bool {
	for _, s := range seqs {
		for _, x := range s[1:] {
			if x == c {
				return true
			}
		}
	}
	return false
}
