package stdlib

import (
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// A structSeq is CPython's "struct sequence": a tuple whose items also have names
// (sys.version_info, time.struct_time, os.stat_result). It indexes, iterates and compares as
// a tuple of its visible items; further fields are reachable by name only (tm_zone).
type structSeq struct {
	cls   *runtime.Class
	typ   *structSeqType
	items []runtime.Value // visible fields, then the named-only ones
}

// structSeqType describes one struct sequence class.
type structSeqType struct {
	cls      *runtime.Class
	fields   []string // all field names, visible first
	visible  int      // how many fields index and iterate
	reprName string   // the name the repr starts with: "time.struct_time"
}

func (s *structSeq) Type() *runtime.Class { return s.cls }

// Attr returns a field by name. The search runs backwards so that a named-only field can
// refine a visible one of the same name, as os.stat_result's float st_mtime does.
func (s *structSeq) Attr(name string) (runtime.Value, bool) {
	for i := len(s.typ.fields) - 1; i >= 0; i-- {
		if s.typ.fields[i] == name {
			return s.items[i], true
		}
	}
	return runtime.Value{}, false
}

func (s *structSeq) tuple() runtime.Value {
	return runtime.NewTuple(s.items[:s.typ.visible])
}

// newStructSeqType makes a struct sequence class module.name whose first visible fields are
// indexable. Calling the class with a sequence builds an instance, as time.struct_time(t) does.
func newStructSeqType(module, name string, fields []string, visible int) *structSeqType {
	t := &structSeqType{fields: fields, visible: visible, reprName: module + "." + name}
	t.cls = newType(module, name, t.construct, t.methods())
	t.cls.Final = true
	return t
}

// methods are the tuple behaviour of a struct sequence class.
func (t *structSeqType) methods() map[string]method {
	self := func(v runtime.Value) *structSeq { return v.Object().(*structSeq) }
	unary := func(f func(th *runtime.Thread, tup runtime.Value) (runtime.Value, error)) method {
		return func(th *runtime.Thread, v runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return f(th, self(v).tuple())
		}
	}
	compare := func(op runtime.CompareOp) method {
		return func(th *runtime.Thread, v runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			if len(args) != 1 {
				return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
			}
			other := args[0]
			switch o := other.Object().(type) {
			case *structSeq:
				other = o.tuple()
			case *runtime.Tuple:
			default:
				return runtime.NotImplemented, nil
			}
			return runtime.Compare(th, op, self(v).tuple(), other)
		}
	}
	methods := map[string]method{
		"__getitem__": func(th *runtime.Thread, v runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var k runtime.Value
			if err := runtime.UnpackArgs("__getitem__", args, kw, "key", &k); err != nil {
				return runtime.Value{}, err
			}
			return runtime.GetItem(th, self(v).tuple(), k)
		},
		"__len__": unary(func(_ *runtime.Thread, tup runtime.Value) (runtime.Value, error) {
			return runtime.Int(int64(len(tup.Object().(*runtime.Tuple).Items))), nil
		}),
		"__iter__": unary(func(th *runtime.Thread, tup runtime.Value) (runtime.Value, error) {
			it, err := runtime.Iter(th, tup)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Ref(it), nil
		}),
		"__hash__": unary(func(th *runtime.Thread, tup runtime.Value) (runtime.Value, error) {
			h, err := runtime.Hash(th, tup)
			return runtime.Int(h), err
		}),
		"__repr__": func(th *runtime.Thread, v runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			s := self(v)
			var b strings.Builder
			if t.reprName != "" {
				b.WriteString(t.reprName + "(")
			} else {
				b.WriteString(s.cls.Name + "(") // a named tuple, maybe a subclass's
			}
			for i := 0; i < t.visible; i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				r, err := runtime.Repr(th, s.items[i])
				if err != nil {
					return runtime.Value{}, err
				}
				b.WriteString(t.fields[i] + "=" + r)
			}
			b.WriteString(")")
			return str(b.String()), nil
		},
		"__eq__": compare(runtime.CmpEq),
		"__ne__": compare(runtime.CmpNe),
		"__lt__": compare(runtime.CmpLt),
		"__le__": compare(runtime.CmpLe),
		"__gt__": compare(runtime.CmpGt),
		"__ge__": compare(runtime.CmpGe),
	}
	return methods
}

// make returns an instance holding items (one per field; not copied).
func (t *structSeqType) make(items ...runtime.Value) runtime.Value {
	return runtime.Ref(&structSeq{cls: t.cls, typ: t, items: items})
}

// construct is the class's New: struct_time(sequence), with the named-only fields None when
// the sequence leaves them out.
func (t *structSeqType) construct(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var seq runtime.Value
	if err := runtime.UnpackArgs(t.cls.Name, args, kw, "sequence", &seq); err != nil {
		return runtime.Value{}, err
	}
	items, err := runtime.ToSlice(th, seq)
	if err != nil {
		return runtime.Value{}, err
	}
	full := t.cls.Module + "." + t.cls.Name
	n := len(t.fields)
	switch {
	case len(items) < t.visible:
		return runtime.Value{}, runtime.TypeErrorf("%s() takes an at least %d-sequence (%d-sequence given)", full, t.visible, len(items))
	case len(items) > n:
		return runtime.Value{}, runtime.TypeErrorf("%s() takes an at most %d-sequence (%d-sequence given)", full, n, len(items))
	}
	all := make([]runtime.Value, n)
	copy(all, items)
	for i := len(items); i < n; i++ {
		all[i] = runtime.None
	}
	return runtime.Ref(&structSeq{cls: cls, typ: t, items: all}), nil
}
