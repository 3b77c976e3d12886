package runtime

// The built-in classes. Their methods are registered by init functions in the files that
// implement each type; instance creation (New) likewise.
var (
	ObjectType           = NewBuiltinClass("object", nil, nil)
	TypeType             = NewBuiltinClass("type", ObjectType, nil)
	NoneType             = finalClass("NoneType", ObjectType)
	IntType              = NewBuiltinClass("int", ObjectType, nil)
	BoolType             = finalClass("bool", IntType)
	FloatType            = NewBuiltinClass("float", ObjectType, nil)
	ComplexType          = NewBuiltinClass("complex", ObjectType, nil)
	StrType              = NewBuiltinClass("str", ObjectType, nil)
	BytesType            = NewBuiltinClass("bytes", ObjectType, nil)
	ByteArrayType        = NewBuiltinClass("bytearray", ObjectType, nil)
	ListType             = NewBuiltinClass("list", ObjectType, nil)
	TupleType            = NewBuiltinClass("tuple", ObjectType, nil)
	DictType             = NewBuiltinClass("dict", ObjectType, nil)
	SetType              = NewBuiltinClass("set", ObjectType, nil)
	FrozenSetType        = NewBuiltinClass("frozenset", ObjectType, nil)
	RangeType            = finalClass("range", ObjectType)
	SliceType            = finalClass("slice", ObjectType)
	FunctionType         = finalClass("function", ObjectType)
	BuiltinFunctionType  = finalClass("builtin_function_or_method", ObjectType)
	MethodDescriptorType = finalClass("method_descriptor", ObjectType)
	MethodType           = finalClass("method", ObjectType)
	ModuleType           = NewBuiltinClass("module", ObjectType, nil)
	CellType             = finalClass("cell", ObjectType)
	PropertyType         = NewBuiltinClass("property", ObjectType, nil)
	StaticMethodType     = NewBuiltinClass("staticmethod", ObjectType, nil)
	ClassMethodType      = NewBuiltinClass("classmethod", ObjectType, nil)
	SuperType            = NewBuiltinClass("super", ObjectType, nil)
	EllipsisType         = finalClass("ellipsis", ObjectType)
	NotImplementedType   = finalClass("NotImplementedType", ObjectType)
	GeneratorType        = finalClass("generator", ObjectType)
	CoroutineType        = finalClass("coroutine", ObjectType)
	AsyncGeneratorType   = finalClass("async_generator", ObjectType)
	IteratorType         = finalClass("iterator", ObjectType)
	DictKeysType         = finalClass("dict_keys", ObjectType)
	DictValuesType       = finalClass("dict_values", ObjectType)
	DictItemsType        = finalClass("dict_items", ObjectType)
)

// Ellipsis and NotImplemented are singletons.
var (
	Ellipsis       = Ref(&singleton{cls: EllipsisType, name: "Ellipsis"})
	NotImplemented = Ref(&singleton{cls: NotImplementedType, name: "NotImplemented"})
)

type singleton struct {
	cls  *Class
	name string
}

func (s *singleton) Type() *Class { return s.cls }

func finalClass(name string, base *Class) *Class {
	c := NewBuiltinClass(name, base, nil)
	c.Final = true
	return c
}

// Iterator type names, as CPython reports them in reprs and errors.
func iterClass(name string) *Class { return finalClass(name, ObjectType) }
