package runtime

import (
	"errors"
	"io"
	"strings"
)

// Builtins returns a new map of the names the builtins module provides: functions, the
// built-in classes, every exception class and the constants NotImplemented and Ellipsis.
// The values are shared (`len is len` holds across interpreters); the map is the caller's.
// Names that need the interpreter (open, globals, vars() and dir() without arguments, the
// zero-argument super(), __import__) and asyncio's builtins are added by their owners.
func Builtins() map[string]Value {
	m := make(map[string]Value, len(builtinFuncs)+len(builtinClasses)+64)
	for _, b := range builtinFuncs {
		m[b.Name] = Ref(b)
	}
	for _, c := range builtinClasses {
		m[c.Name] = Ref(c)
	}
	for _, c := range ExceptionClasses() {
		m[c.Name] = Ref(c)
	}
	m["EnvironmentError"] = Ref(OSErrorType)
	m["IOError"] = Ref(OSErrorType)
	m["NotImplemented"] = NotImplemented
	m["Ellipsis"] = Ellipsis
	return m
}

var builtinFuncs = []*Builtin{
	{Name: "print", Fn: builtinPrint},
	{Name: "input", Fn: builtinInput},
	{Name: "len", Fn: builtinLen},
	{Name: "repr", Fn: builtinRepr},
	{Name: "ascii", Fn: builtinASCII},
	{Name: "format", Fn: builtinFormat},
	{Name: "hash", Fn: builtinHash},
	{Name: "id", Fn: builtinID},
	{Name: "callable", Fn: builtinCallable},
	{Name: "getattr", Fn: builtinGetattr},
	{Name: "setattr", Fn: builtinSetattr},
	{Name: "hasattr", Fn: builtinHasattr},
	{Name: "delattr", Fn: builtinDelattr},
	{Name: "vars", Fn: builtinVars},
	{Name: "dir", Fn: builtinDir},
	{Name: "isinstance", Fn: builtinIsinstance},
	{Name: "issubclass", Fn: builtinIssubclass},
	{Name: "iter", Fn: builtinIter},
	{Name: "next", Fn: builtinNext},
	{Name: "sorted", Fn: builtinSorted},
	{Name: "all", Fn: builtinAll},
	{Name: "any", Fn: builtinAny},
	{Name: "abs", Fn: builtinAbs},
	{Name: "round", Fn: builtinRound},
	{Name: "divmod", Fn: builtinDivmod},
	{Name: "pow", Fn: builtinPow},
	{Name: "sum", Fn: builtinSum},
	{Name: "min", Fn: builtinMin},
	{Name: "max", Fn: builtinMax},
	{Name: "chr", Fn: builtinChr},
	{Name: "ord", Fn: builtinOrd},
	{Name: "hex", Fn: builtinHex},
	{Name: "oct", Fn: builtinOct},
	{Name: "bin", Fn: builtinBin},
}

var builtinClasses = []*Class{
	ObjectType, TypeType, IntType, BoolType, FloatType, StrType, BytesType, ByteArrayType, ListType, TupleType,
	DictType, SetType, FrozenSetType, RangeType, SliceType, PropertyType, StaticMethodType,
	ClassMethodType, SuperType, enumerateType, zipType, mapType, filterType, reversedType,
}

// builtinPrint is print(*objects, sep=' ', end='\n', file=None, flush=False). Without a
// file it writes to th.Stdout in one piece; with one it calls file.write per piece, as
// CPython does.
func builtinPrint(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs("print", kw, "sep", "end", "file", "flush"); err != nil {
		return Value{}, err
	}
	file := kwarg(kw, "file")
	if (!file.IsValid() || file.IsNone()) && th.Stdout == nil {
		return None, nil
	}
	sep, err := printSeparator("sep", kwarg(kw, "sep"), " ")
	if err != nil {
		return Value{}, err
	}
	end, err := printSeparator("end", kwarg(kw, "end"), "\n")
	if err != nil {
		return Value{}, err
	}
	if file.IsValid() && !file.IsNone() {
		err = printToFile(th, file, args, sep, end)
	} else {
		err = printToStdout(th, args, sep, end)
	}
	if err != nil {
		return Value{}, err
	}
	if flush := kwarg(kw, "flush"); flush.IsValid() {
		if f, err := Truth(th, flush); err != nil || !f {
			return None, err
		}
		return None, flushFile(th, file)
	}
	return None, nil
}

func printSeparator(name string, v Value, def string) (string, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	s, ok := AsStr(v)
	if !ok {
		return "", TypeErrorf("%s must be None or a string, not %s", name, v.Type().Name)
	}
	return s, nil
}

// printToStdout writes what it formatted before failing, as CPython's piecewise writes do.
func printToStdout(th *Thread, args []Value, sep, end string) error {
	var b strings.Builder
	var err error
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		var s string
		if s, err = ToStr(th, a); err != nil {
			break
		}
		b.WriteString(s)
	}
	if err == nil {
		b.WriteString(end)
	}
	if _, werr := io.WriteString(th.Stdout, b.String()); werr != nil && err == nil {
		err = Errorf(OSErrorType, "%v", werr)
	}
	return err
}

func printToFile(th *Thread, file Value, args []Value, sep, end string) error {
	write := func(s string) error {
		w, err := GetAttr(th, file, "write")
		if err == nil {
			_, err = Call(th, w, []Value{NewStr(s)}, nil)
		}
		return err
	}
	for i, a := range args {
		if i > 0 {
			if err := write(sep); err != nil {
				return err
			}
		}
		s, err := ToStr(th, a)
		if err == nil {
			err = write(s)
		}
		if err != nil {
			return err
		}
	}
	return write(end)
}

// flushFile calls file.flush(), or flushes th.Stdout if it can be and file is None.
func flushFile(th *Thread, file Value) error {
	if file.IsValid() && !file.IsNone() {
		f, err := GetAttr(th, file, "flush")
		if err == nil {
			_, err = Call(th, f, nil, nil)
		}
		return err
	}
	if f, ok := th.Stdout.(interface{ Flush() error }); ok {
		if err := f.Flush(); err != nil {
			return Errorf(OSErrorType, "%v", err)
		}
	}
	return nil
}

// builtinInput is input(prompt): it reads a line from th.Stdin without the newline.
func builtinInput(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("input", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 1 && th.Stdout != nil {
		if err := printToStdout(th, args, "", ""); err != nil {
			return Value{}, err
		}
		if err := flushFile(th, None); err != nil {
			return Value{}, err
		}
	}
	line, err := readLine(th.Stdin)
	if err != nil {
		return Value{}, err
	}
	return NewStr(line), nil
}

// readLine reads up to a newline one byte at a time, so that no input beyond the line is
// consumed from a reader that others read too.
func readLine(r io.Reader) (string, error) {
	if r == nil {
		return "", Errorf(EOFErrorType, "EOF when reading a line")
	}
	br, ok := r.(io.ByteReader)
	if !ok {
		br = oneByteReader{r}
	}
	var line []byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(line) == 0 {
					return "", Errorf(EOFErrorType, "EOF when reading a line")
				}
				return string(line), nil
			}
			return "", Errorf(OSErrorType, "%v", err)
		}
		if c == '\n' {
			return strings.TrimSuffix(string(line), "\r"), nil
		}
		line = append(line, c)
	}
}

type oneByteReader struct{ r io.Reader }

func (o oneByteReader) ReadByte() (byte, error) {
	var b [1]byte
	for {
		n, err := o.r.Read(b[:])
		if n == 1 {
			return b[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}

func builtinLen(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("len", args, kw)
	if err != nil {
		return Value{}, err
	}
	n, err := Len(th, x)
	return Int(int64(n)), err
}

func builtinRepr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("repr", args, kw)
	if err != nil {
		return Value{}, err
	}
	s, err := Repr(th, x)
	return NewStr(s), err
}

func builtinASCII(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("ascii", args, kw)
	if err != nil {
		return Value{}, err
	}
	s, err := ASCII(th, x)
	return NewStr(s), err
}

func builtinFormat(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("format", args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	spec := ""
	if len(args) == 2 {
		s, ok := AsStr(args[1])
		if !ok {
			return Value{}, TypeErrorf("format() argument 2 must be str, not %s", args[1].Type().Name)
		}
		spec = s
	}
	s, err := Format(th, args[0], spec)
	return NewStr(s), err
}

func builtinHash(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("hash", args, kw)
	if err != nil {
		return Value{}, err
	}
	h, err := Hash(th, x)
	return Int(h), err
}

func builtinID(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("id", args, kw)
	if err != nil {
		return Value{}, err
	}
	return Int(ID(x)), nil
}

func builtinCallable(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("callable", args, kw)
	if err != nil {
		return Value{}, err
	}
	return Bool(isCallable(x)), nil
}

// isCallable reports whether v can be called: a Go callable, or an instance whose class
// defines __call__.
func isCallable(v Value) bool {
	if _, ok := v.o.(Callable); ok {
		return true
	}
	cls := v.Type()
	return cls.user && cls.Lookup("__call__").IsValid()
}

// attrName checks the name argument of getattr and friends.
func attrName(v Value) (string, error) {
	s, ok := AsStr(v)
	if !ok {
		return "", TypeErrorf("attribute name must be string, not '%s'", v.Type().Name)
	}
	return s, nil
}

func builtinGetattr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("getattr", args, kw, 2, 3); err != nil {
		return Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return Value{}, err
	}
	v, err := GetAttr(th, args[0], name)
	if err != nil && len(args) == 3 && AsException(err).Matches(AttributeErrorType) {
		return args[2], nil
	}
	return v, err
}

func builtinSetattr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("setattr", args, kw, 3, 3); err != nil {
		return Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return Value{}, err
	}
	return None, SetAttr(th, args[0], name, args[2])
}

func builtinHasattr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("hasattr", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return Value{}, err
	}
	if _, err := GetAttr(th, args[0], name); err != nil {
		if AsException(err).Matches(AttributeErrorType) {
			return False, nil
		}
		return Value{}, err
	}
	return True, nil
}

func builtinDelattr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("delattr", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return Value{}, err
	}
	return None, DelAttr(th, args[0], name)
}

// errNeedsFrame is returned by the builtins whose argument-less form reads the caller's
// namespace, which only the interpreter can see.
func errNeedsFrame(fname string) error {
	return Errorf(SystemErrorType, "%s() without arguments must be provided by the interpreter", fname)
}

func builtinVars(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("vars", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		return Value{}, errNeedsFrame("vars")
	}
	d, err := GetAttr(th, args[0], "__dict__")
	if err != nil && AsException(err).Matches(AttributeErrorType) {
		return Value{}, TypeErrorf("vars() argument must have __dict__ attribute")
	}
	return d, err
}

func builtinDir(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("dir", args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		return Value{}, errNeedsFrame("dir")
	}
	x := args[0]
	if _, isClass := x.o.(*Class); !isClass {
		if r, found, err := userMethod(th, x, "__dir__"); found || err != nil {
			if err != nil {
				return Value{}, err
			}
			items, err := ToSlice(th, r)
			if err != nil {
				return Value{}, err
			}
			l := &List{Items: append([]Value(nil), items...)}
			return Ref(l), SortList(th, l, Value{}, false)
		}
	}
	return NewList(Dir(th, x)), nil
}

func builtinIsinstance(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("isinstance", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	cls := args[0].Type()
	r, err := matchClassInfo(args[1], func(c *Class) bool { return cls.IsSubclass(c) },
		"isinstance() arg 2 must be a type, a tuple of types, or a union")
	return Bool(r), err
}

func builtinIssubclass(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("issubclass", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	cls, ok := args[0].o.(*Class)
	if !ok {
		return Value{}, TypeErrorf("issubclass() arg 1 must be a class")
	}
	r, err := matchClassInfo(args[1], func(c *Class) bool { return cls.IsSubclass(c) },
		"issubclass() arg 2 must be a class, a tuple of classes, or a union")
	return Bool(r), err
}

// matchClassInfo applies match to a class or to the classes of a (nested) tuple, stopping
// at the first match; anything else is a TypeError with message msg.
func matchClassInfo(info Value, match func(*Class) bool, msg string) (bool, error) {
	switch o := info.o.(type) {
	case *Class:
		return match(o), nil
	case *Tuple:
		for _, item := range o.Items {
			if r, err := matchClassInfo(item, match, msg); r || err != nil {
				return r, err
			}
		}
		return false, nil
	}
	return false, TypeErrorf("%s", msg)
}
