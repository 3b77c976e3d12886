package stdlib

import (
	"strings"

	"github.com/aio-lang/aio/runtime"
)

// collections.namedtuple, whose classes derive from tuple: instances are tuples that also
// name their items, so a Python class can derive from a named tuple class and add methods.

// pyKeywords are Python's reserved words, which cannot name fields.
var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true, "lambda": true,
	"nonlocal": true, "not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// namedtuple is collections.namedtuple(typename, field_names, *, rename=False,
// defaults=None, module=None).
func namedtuple(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var typename string
	var fieldsV, defaults, module runtime.Value
	rename := false
	if err := runtime.UnpackArgs("namedtuple", args, kw, "typename", &typename, "field_names", &fieldsV, "rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return runtime.Value{}, err
	}
	fields, err := fieldNames(th, fieldsV, rename)
	if err == nil {
		err = checkNames(typename, fields, rename)
	}
	if err != nil {
		return runtime.Value{}, err
	}
	var defs []runtime.Value
	if defaults.IsValid() && !defaults.IsNone() {
		items, err := runtime.ToSlice(th, defaults)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(items) > len(fields) {
			return runtime.Value{}, runtime.TypeErrorf("Got more default values than field names")
		}
		defs = append([]runtime.Value(nil), items...)
	}
	mod := "__main__"
	if s, ok := runtime.AsStr(module); ok {
		mod = s
	}
	return runtime.Ref(namedTupleClass(mod, typename, fields, defs)), nil
}

// fieldNames reads field_names, a string of names separated by commas or spaces or a
// sequence of names, renaming bad ones to _0, _1, … when rename is set.
func fieldNames(th *runtime.Thread, v runtime.Value, rename bool) ([]string, error) {
	var fields []string
	if s, ok := runtime.AsStr(v); ok {
		fields = strings.Fields(strings.ReplaceAll(s, ",", " "))
	} else {
		items, err := runtime.ToSlice(th, v)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			s, err := runtime.ToStr(th, it)
			if err != nil {
				return nil, err
			}
			fields = append(fields, s)
		}
	}
	seen := map[string]bool{}
	for i, f := range fields {
		if rename && (!isIdentifier(f) || pyKeywords[f] || strings.HasPrefix(f, "_") || seen[f]) {
			fields[i] = "_" + itoa(i)
		}
		seen[fields[i]] = true
	}
	return fields, nil
}

// checkNames makes CPython's checks of the type and field names.
func checkNames(typename string, fields []string, rename bool) error {
	for _, name := range append([]string{typename}, fields...) {
		if !isIdentifier(name) {
			return runtime.ValueErrorf("Type names and field names must be valid identifiers: %s", runtime.QuoteStr(name))
		}
		if pyKeywords[name] {
			return runtime.ValueErrorf("Type names and field names cannot be a keyword: %s", runtime.QuoteStr(name))
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return runtime.ValueErrorf("Field names cannot start with an underscore: %s", runtime.QuoteStr(f))
		}
		if seen[f] {
			return runtime.ValueErrorf("Encountered duplicate field name: %s", runtime.QuoteStr(f))
		}
		seen[f] = true
	}
	return nil
}

func itoa(i int) string { return runtime.ReprOrPlaceholder(nil, runtime.Int(int64(i))) }

// namedTuple describes one named tuple class.
type namedTuple struct {
	cls      *runtime.Class
	name     string
	fields   []string
	defaults []runtime.Value // for the last fields
}

// namedTupleClass makes the class: its New binds the fields from positional and keyword
// arguments, each field is a read-only property, and _make, _asdict, _replace, _fields and
// _field_defaults are there.
func namedTupleClass(module, name string, fields []string, defaults []runtime.Value) *runtime.Class {
	nt := &namedTuple{name: name, fields: fields, defaults: defaults}
	nt.cls = newPyClass(module, name, runtime.TupleType, map[string]method{
		"__repr__":    nt.repr,
		"__setattr__": nt.setAttr,
		"_asdict":     nt.asDict,
		"_replace":    nt.replace,
	})
	c := nt.cls
	c.Doc = str(name + "(" + strings.Join(fields, ", ") + ")")
	// The class builds its instances with New, not a __new__ in its namespace, which
	// Class.Call would reach by a slower path; being its own Base, it passes New on to
	// Python subclasses, and object.__new__ (super().__new__ in a subclass) calls it too.
	// (So tuple.__repr__(p), object's, does not find tuple's repr: a rare call.)
	c.Base, c.New = c, nt.new
	c.Dict.SetStr("_make", runtime.Ref(&runtime.ClassMethod{Fn: runtime.Ref(&runtime.Method{Name: "_make", Class: runtime.TypeType, Fn: nt.make})}))
	names := make([]runtime.Value, len(fields))
	for i, f := range fields {
		names[i] = str(f)
		c.Dict.SetStr(f, nt.field(i))
	}
	c.Dict.SetStr("_fields", runtime.NewTuple(names))
	c.Dict.SetStr("__match_args__", runtime.NewTuple(names))
	c.Dict.SetStr("__slots__", runtime.EmptyTuple)
	fd := runtime.NewDict()
	for i, v := range defaults {
		fd.SetStr(fields[len(fields)-len(defaults)+i], v)
	}
	c.Dict.SetStr("_field_defaults", runtime.Ref(fd))
	return c
}

// field is the property that reads field i; it cannot be set or deleted.
func (nt *namedTuple) field(i int) runtime.Value {
	get := func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if t, ok := args[0].Object().(*runtime.Tuple); ok && i < len(t.Items) {
			return t.Items[i], nil
		}
		return runtime.Value{}, runtime.TypeErrorf("descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", i, typeName(args[0]))
	}
	readOnly := func(verb string) runtime.Value {
		return builtin("collections", "_tuplegetter", func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Value{}, runtime.AttributeErrorf("can't %s attribute", verb)
		})
	}
	return runtime.Ref(&runtime.Property{
		Get: builtin("collections", "_tuplegetter", get),
		Set: readOnly("set"),
		Del: readOnly("delete"),
		Doc: str("Alias for field number " + itoa(i)),
	})
}

// new makes an instance of cls, the class or a subclass, binding the fields.
func (nt *namedTuple) new(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	items, err := bindFields(nt.name, nt.fields, nt.defaults, args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewTupleOf(cls, items), nil
}

// make is the classmethod _make(iterable).
func (nt *namedTuple) make(th *runtime.Thread, clsV runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable runtime.Value
	if err := runtime.UnpackArgs("_make", args, kw, "iterable", &iterable); err != nil {
		return runtime.Value{}, err
	}
	items, err := runtime.ToSlice(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(items) != len(nt.fields) {
		return runtime.Value{}, runtime.TypeErrorf("Expected %d arguments, got %d", len(nt.fields), len(items))
	}
	return runtime.NewTupleOf(clsV.Object().(*runtime.Class), append([]runtime.Value(nil), items...)), nil
}

// items returns the items of self, an instance of the class.
func (nt *namedTuple) items(self runtime.Value) []runtime.Value {
	return self.Object().(*runtime.Tuple).Items
}

// repr is "Name(x=1, y=2)", named after the instance's class, which may be a subclass.
func (nt *namedTuple) repr(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var b strings.Builder
	b.WriteString(self.Type().Name + "(")
	for i, v := range nt.items(self) {
		s, err := runtime.Repr(th, v)
		if err != nil {
			return runtime.Value{}, err
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(nt.fields[i] + "=" + s)
	}
	b.WriteString(")")
	return str(b.String()), nil
}

func (nt *namedTuple) asDict(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("_asdict", args, kw); err != nil {
		return runtime.Value{}, err
	}
	d := runtime.NewDict()
	for i, v := range nt.items(self) {
		d.SetStr(nt.fields[i], v)
	}
	return runtime.Ref(d), nil
}

// replace is _replace(**kwds): a new instance of self's class with the named fields changed.
func (nt *namedTuple) replace(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) > 0 {
		return runtime.Value{}, runtime.TypeErrorf("%s._replace() takes 1 positional argument but %d were given", nt.name, len(args)+1)
	}
	items := append([]runtime.Value(nil), nt.items(self)...)
	var bad []runtime.Value
next:
	for _, k := range kw {
		for i, f := range nt.fields {
			if f == k.Name {
				items[i] = k.Value
				continue next
			}
		}
		bad = append(bad, str(k.Name))
	}
	if bad != nil {
		return runtime.Value{}, runtime.ValueErrorf("Got unexpected field names: %s", runtime.ReprOrPlaceholder(th, runtime.NewList(bad)))
	}
	return runtime.NewTupleOf(self.Type(), items), nil
}

// setAttr refuses new attributes, as the class's empty __slots__ does, unless a subclass
// without __slots__ gave its instances a __dict__.
func (nt *namedTuple) setAttr(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var name string
	var v runtime.Value
	if err := runtime.UnpackArgs("__setattr__", args, kw, "name", &name, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	for _, c := range self.Type().MRO {
		if c == nt.cls {
			break
		}
		if _, slots := c.Dict.GetStr("__slots__"); !slots {
			return runtime.None, runtime.SubclassDict(self).Set(th, str(name), v)
		}
	}
	return runtime.Value{}, runtime.AttributeErrorf("'%s' object has no attribute '%s'", typeName(self), name)
}

// bindFields matches constructor arguments to fields, with CPython's messages.
func bindFields(name string, fields []string, defaults []runtime.Value, args []runtime.Value, kw []runtime.Kwarg) ([]runtime.Value, error) {
	if len(args) > len(fields) {
		return nil, runtime.TypeErrorf("%s.__new__() takes %d positional arguments but %d were given", name, len(fields)+1, len(args)+1)
	}
	items := make([]runtime.Value, len(fields))
	copy(items, args)
next:
	for _, k := range kw {
		for i, f := range fields {
			if f == k.Name {
				if items[i].IsValid() {
					return nil, runtime.TypeErrorf("%s.__new__() got multiple values for argument '%s'", name, f)
				}
				items[i] = k.Value
				continue next
			}
		}
		return nil, runtime.TypeErrorf("%s.__new__() got an unexpected keyword argument '%s'", name, k.Name)
	}
	var missing []string
	for i := range items {
		if !items[i].IsValid() {
			if j := i - (len(fields) - len(defaults)); j >= 0 {
				items[i] = defaults[j]
				continue
			}
			missing = append(missing, "'"+fields[i]+"'")
		}
	}
	switch len(missing) {
	case 0:
		return items, nil
	case 1:
		return nil, runtime.TypeErrorf("%s.__new__() missing 1 required positional argument: %s", name, missing[0])
	}
	list := strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	if len(missing) > 2 {
		list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
	}
	return nil, runtime.TypeErrorf("%s.__new__() missing %d required positional arguments: %s", name, len(missing), list)
}
