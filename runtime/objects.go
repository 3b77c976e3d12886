package runtime

// List is a Python list.
type List struct {
	Items []Value
	sub   *subclass // set for instances of user subclasses of list
}

// Type returns `list`, or the user subclass the list is an instance of.
func (l *List) Type() *Class { return l.sub.classOr(ListType) }

// NewList returns a list value holding items (not copied).
func NewList(items []Value) Value { return Ref(&List{Items: items}) }

// Tuple is a Python tuple.
type Tuple struct {
	Items []Value
	sub   *subclass
}

// Type returns `tuple`, or the user subclass the tuple is an instance of.
func (t *Tuple) Type() *Class { return t.sub.classOr(TupleType) }

// subclass is what an instance of a user subclass of a built-in container carries besides
// the container: its class, its attribute dict and the state a subclass written in Go keeps
// (defaultdict's default_factory). Plain containers have none, so this costs them one nil
// pointer.
type subclass struct {
	cls   *Class
	attrs *Dict
	state Value
}

func (s *subclass) classOr(builtin *Class) *Class {
	if s == nil {
		return builtin
	}
	return s.cls
}

// newSubclass returns the subclass state for an instance of cls, nil when cls is the
// built-in class itself.
func newSubclass(cls, builtin *Class) *subclass {
	if cls == nil || cls == builtin {
		return nil
	}
	return &subclass{cls: cls}
}

// EmptyTuple is the shared ().
var EmptyTuple = Ref(&Tuple{})

// ExactList returns v's list when v is a list and not an instance of a subclass of list,
// whose overrides (__getitem__, __setitem__, __iter__) a caller's fast path would bypass.
func ExactList(v Value) (*List, bool) {
	l, ok := v.o.(*List)
	return l, ok && l.sub == nil
}

// NewTuple returns a tuple value holding items (not copied).
func NewTuple(items []Value) Value {
	if len(items) == 0 {
		return EmptyTuple
	}
	return Ref(&Tuple{Items: items})
}

// Tuples of up to four items keep them in the same allocation as the tuple: pairs from
// dict.items() and enumerate(), and the small records programs build, are most tuples.
type (
	tuple2 struct {
		Tuple
		items [2]Value
	}
	tuple3 struct {
		Tuple
		items [3]Value
	}
	tuple4 struct {
		Tuple
		items [4]Value
	}
)

// NewTupleSized returns a tuple of n items and those items, for the caller to fill before
// the tuple is shared.
func NewTupleSized(n int) (Value, []Value) {
	var t *Tuple
	switch n {
	case 0:
		return EmptyTuple, nil
	case 2:
		p := new(tuple2)
		p.Items = p.items[:]
		t = &p.Tuple
	case 3:
		p := new(tuple3)
		p.Items = p.items[:]
		t = &p.Tuple
	case 4:
		p := new(tuple4)
		p.Items = p.items[:]
		t = &p.Tuple
	default:
		t = &Tuple{Items: make([]Value, n)}
	}
	return Ref(t), t.Items
}

// Pair returns the tuple (a, b).
func Pair(a, b Value) Value {
	t, items := NewTupleSized(2)
	items[0], items[1] = a, b
	return t
}

// Bytes is a Python bytes object; s holds the raw bytes.
type Bytes struct {
	s string
}

// Type returns `bytes`.
func (b *Bytes) Type() *Class { return BytesType }

// NewBytes returns a bytes value.
func NewBytes(s string) Value { return Ref(&Bytes{s: s}) }

// String returns the raw bytes.
func (b *Bytes) String() string { return b.s }

// Range is a range object.
type Range struct {
	Start, Stop, Step int64
}

// Type returns `range`.
func (r *Range) Type() *Class { return RangeType }

// Len returns the number of elements.
func (r *Range) Len() int64 {
	if r.Step > 0 && r.Start < r.Stop {
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Step < 0 && r.Start > r.Stop {
		return (r.Start - r.Stop - r.Step - 1) / -r.Step
	}
	return 0
}

// Slice is a slice object: start:stop:step, each possibly None.
type Slice struct {
	Start, Stop, Step Value
}

// Type returns `slice`.
func (s *Slice) Type() *Class { return SliceType }

// Module is a module object: a name and a namespace.
type Module struct {
	Name string
	Dict *Dict
}

// Type returns `module`.
func (m *Module) Type() *Class { return ModuleType }

// NewModule returns an empty module.
func NewModule(name string) *Module {
	m := &Module{Name: name, Dict: NewDict()}
	m.Dict.SetStr("__name__", NewStr(name))
	return m
}

// Cell holds a variable captured by a closure.
type Cell struct {
	V Value // invalid when the variable is unbound
}

// Type returns `cell`.
func (c *Cell) Type() *Class { return CellType }

// Instance is an instance of a user class whose built-in base is object.
type Instance struct {
	class *Class
	Dict  *Dict
}

// Type returns the instance's class.
func (i *Instance) Type() *Class { return i.class }

// NewInstance returns a fresh instance of cls.
func NewInstance(cls *Class) *Instance {
	b := new(instanceBlock)
	b.inst = Instance{class: cls, Dict: &b.dict}
	b.dict.useTable(&b.table)
	return &b.inst
}

// instanceBlock is an instance, its attribute dict and the dict's first table, made in one
// allocation: programs create objects in loops, and __init__ gives most of them a few
// attributes at once.
type instanceBlock struct {
	inst  Instance
	dict  Dict
	table smallTable
}

// Property is the property descriptor.
type Property struct {
	Get, Set, Del Value // invalid when absent
	Doc           Value
}

// Type returns `property`.
func (p *Property) Type() *Class { return PropertyType }

// StaticMethod wraps a function so that it is not bound on lookup.
type StaticMethod struct{ Fn Value }

// Type returns `staticmethod`.
func (s *StaticMethod) Type() *Class { return StaticMethodType }

// ClassMethod wraps a function so that it binds to the class.
type ClassMethod struct{ Fn Value }

// Type returns `classmethod`.
func (c *ClassMethod) Type() *Class { return ClassMethodType }

// Super is the object returned by super(): attribute lookup starts after Class in Self's MRO.
type Super struct {
	Class *Class
	Self  Value
}

// Type returns `super`.
func (s *Super) Type() *Class { return SuperType }
