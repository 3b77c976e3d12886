package runtime

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// Truth returns the truth value of v (bool(v)).
func Truth(th *Thread, v Value) (bool, error) {
	switch o := v.o.(type) {
	case boolTag, intTag:
		return v.n != 0, nil
	case noneTag:
		return false, nil
	case floatTag:
		f, _ := v.FloatVal()
		return f != 0, nil
	case *Str:
		return o.s != "", nil
	// Instances of container subclasses go on to the class's __bool__ or __len__.
	case *List:
		if o.sub == nil {
			return len(o.Items) > 0, nil
		}
	case *Tuple:
		if o.sub == nil {
			return len(o.Items) > 0, nil
		}
	case *Dict:
		if o.sub == nil {
			return o.Len() > 0, nil
		}
	case *Set:
		if o.sub == nil {
			return o.Len() > 0, nil
		}
	case *BigInt:
		return true, nil
	case *Bytes:
		return o.s != "", nil
	case *ByteArray:
		return len(o.b) > 0, nil
	case *Range:
		return o.Len() > 0, nil
	}
	cls := v.Type()
	if !cls.user {
		return true, nil
	}
	if r, found, err := CallMethod(th, v, "__bool__"); found || err != nil {
		if err != nil {
			return false, err
		}
		b, ok := r.BoolVal()
		if !ok {
			return false, TypeErrorf("__bool__ should return bool, returned %s", r.Type().Name)
		}
		return b, nil
	}
	if r, found, err := CallMethod(th, v, "__len__"); found || err != nil {
		if err != nil {
			return false, err
		}
		n, err := lenResult(r)
		return n > 0, err
	}
	return true, nil
}

func lenResult(r Value) (int, error) {
	n, ok := AsInt64(r)
	if !ok {
		if IsInt(r) {
			return 0, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if n < 0 {
		return 0, ValueErrorf("__len__() should return >= 0")
	}
	return int(n), nil
}

// Len returns len(v).
func Len(th *Thread, v Value) (int, error) {
	if r, ok, err := callOverride(th, v, "__len__"); ok {
		if err != nil {
			return 0, err
		}
		return lenResult(r)
	}
	switch o := v.o.(type) {
	case *Str:
		return o.Len(), nil
	case *List:
		return len(o.Items), nil
	case *Tuple:
		return len(o.Items), nil
	case *Dict:
		return o.Len(), nil
	case *Set:
		return o.Len(), nil
	case *Bytes:
		return len(o.s), nil
	case *ByteArray:
		return len(o.b), nil
	case *Range:
		return int(o.Len()), nil
	case *dictView:
		return o.d.Len(), nil
	}
	if v.Type().user {
		if r, found, err := CallMethod(th, v, "__len__"); found || err != nil {
			if err != nil {
				return 0, err
			}
			return lenResult(r)
		}
	}
	return 0, TypeErrorf("object of type '%s' has no len()", v.Type().Name)
}

// FloatRepr formats a float as Python's repr does: the shortest string that round-trips,
// in positional notation for exponents in [-4, 16) and scientific notation otherwise.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if exp < -4 || exp >= 16 {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		e := strconv.Itoa(exp)
		if len(e) < 2 {
			e = "0" + e
		}
		out += "e" + sign + e
	} else if exp < 0 {
		out = "0." + strings.Repeat("0", -exp-1) + digits
	} else if len(digits) <= exp+1 {
		out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	} else {
		out = digits[:exp+1] + "." + digits[exp+1:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Repr returns repr(v).
func Repr(th *Thread, v Value) (string, error) {
	switch o := v.o.(type) {
	case noneTag:
		return "None", nil
	case boolTag:
		if v.n != 0 {
			return "True", nil
		}
		return "False", nil
	case intTag:
		return strconv.FormatInt(int64(v.n), 10), nil
	case floatTag:
		f, _ := v.FloatVal()
		return FloatRepr(f), nil
	case *Str:
		return QuoteStr(o.s), nil
	case *BigInt:
		return bigDecimal(&o.n)
	}
	cls := v.Type()
	if cls.user {
		if m := cls.Lookup("__repr__"); m.IsValid() && !m.Is(objectRepr) {
			return callStrMethod(th, m, v, "__repr__")
		}
	}
	return BaseRepr(th, v)
}

// BaseRepr is the repr of v's nearest built-in class (dict's for a Counter), which a Go
// subclass's __repr__ builds on. A class defined in Go may stand in for its own base
// (namedtuple classes do), so the MRO is searched past it.
func BaseRepr(th *Thread, v Value) (string, error) {
	cls := v.Type()
	if f, ok := reprFuncs[cls.Base]; ok {
		return f(th, v)
	}
	for _, c := range cls.MRO {
		if f, ok := reprFuncs[c]; ok {
			return f(th, v)
		}
	}
	return defaultRepr(v), nil
}

// maxStrDigits is CPython 3.11's default limit on int-to-decimal conversion, which guards
// against the quadratic cost of converting huge numbers.
const maxStrDigits = 4300

// bigDecimal formats a big int in decimal, refusing more than maxStrDigits digits as CPython
// does.
func bigDecimal(n *big.Int) (string, error) {
	// A digit is 3.32 bits: far past the limit no conversion is needed to refuse, and only
	// numbers near it need the exact count.
	tooMany := ValueErrorf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
	if n.BitLen() > maxStrDigits*10/3+20 {
		return "", tooMany
	}
	if n.BitLen() > maxStrDigits*3 {
		s := n.String()
		digits := len(s)
		if n.Sign() < 0 {
			digits--
		}
		if digits > maxStrDigits {
			return "", tooMany
		}
		return s, nil
	}
	return n.String(), nil
}

// reprFuncs holds the repr of each built-in class that has a non-default one; types register
// themselves in init functions.
var reprFuncs = map[*Class]func(*Thread, Value) (string, error){}

// RegisterRepr sets the repr function of a built-in class.
func RegisterRepr(c *Class, f func(*Thread, Value) (string, error)) { reprFuncs[c] = f }

var objectRepr Value // object.__repr__, set in init

func callStrMethod(th *Thread, m, v Value, name string) (string, error) {
	r, err := CallMethodValue(th, m, v, nil)
	if err != nil {
		return "", err
	}
	s, ok := AsStr(r)
	if !ok {
		return "", TypeErrorf("%s returned non-string (type %s)", name, r.Type().Name)
	}
	return s, nil
}

func defaultRepr(v Value) string {
	cls := v.Type()
	name := cls.Qualname
	if cls.Module != "builtins" && cls.Module != "" {
		name = cls.Module + "." + name
	}
	return "<" + name + " object at " + HexID(v) + ">"
}

// HexID formats id(v) as CPython prints addresses.
func HexID(v Value) string { return "0x" + strconv.FormatInt(ID(v), 16) }

// ToStr returns str(v).
func ToStr(th *Thread, v Value) (string, error) {
	if s, ok := v.o.(*Str); ok {
		return s.s, nil
	}
	cls := v.Type()
	if cls.user {
		if m := cls.Lookup("__str__"); m.IsValid() && !m.Is(objectStr) {
			return callStrMethod(th, m, v, "__str__")
		}
	}
	if e, ok := v.o.(*Exception); ok {
		return e.message(th), nil
	}
	return Repr(th, v)
}

var objectStr Value // object.__str__, set in init

// ReprOrPlaceholder is Repr for contexts that cannot report an error.
func ReprOrPlaceholder(th *Thread, v Value) string {
	if th == nil {
		if v.Type().user {
			return defaultRepr(v)
		}
		th = NewThread(nil, nil, nil)
	}
	s, err := Repr(th, v)
	if err != nil {
		return defaultRepr(v)
	}
	return s
}

// StrOrPlaceholder is ToStr for contexts that cannot report an error.
func StrOrPlaceholder(th *Thread, v Value) string {
	if th == nil {
		if v.Type().user {
			return defaultRepr(v)
		}
		th = NewThread(nil, nil, nil)
	}
	s, err := ToStr(th, v)
	if err != nil {
		return defaultRepr(v)
	}
	return s
}

// isPrintable matches Python's str.isprintable for one character.
func isPrintable(r rune) bool { return unicode.IsPrint(r) }

// reprItems writes the reprs of items separated by ", ", guarding against cycles.
func reprItems(th *Thread, b *strings.Builder, items []Value) error {
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, it)
		if err != nil {
			return err
		}
		b.WriteString(s)
	}
	return nil
}

func init() {
	RegisterRepr(ListType, func(th *Thread, v Value) (string, error) {
		return containerRepr(th, v, "[", "]", v.o.(*List).Items)
	})
	RegisterRepr(TupleType, func(th *Thread, v Value) (string, error) {
		items := v.o.(*Tuple).Items
		if len(items) == 1 {
			s, err := Repr(th, items[0])
			return "(" + s + ",)", err
		}
		return containerRepr(th, v, "(", ")", items)
	})
	RegisterRepr(DictType, dictRepr)
	RegisterRepr(SetType, setRepr)
	RegisterRepr(FrozenSetType, setRepr)
	RegisterRepr(BytesType, func(_ *Thread, v Value) (string, error) { return BytesRepr(v.o.(*Bytes).s), nil })
	RegisterRepr(ByteArrayType, func(_ *Thread, v Value) (string, error) {
		return "bytearray(" + bytesRepr(string(v.o.(*ByteArray).b), true) + ")", nil
	})
	RegisterRepr(TypeType, func(_ *Thread, v Value) (string, error) {
		c := v.o.(*Class)
		if c.Module == "builtins" {
			return "<class '" + c.Qualname + "'>", nil
		}
		return "<class '" + c.Module + "." + c.Qualname + "'>", nil
	})
	RegisterRepr(RangeType, func(_ *Thread, v Value) (string, error) {
		r := v.o.(*Range)
		s := "range(" + strconv.FormatInt(r.Start, 10) + ", " + strconv.FormatInt(r.Stop, 10)
		if r.Step != 1 {
			s += ", " + strconv.FormatInt(r.Step, 10)
		}
		return s + ")", nil
	})
	RegisterRepr(SliceType, func(th *Thread, v Value) (string, error) {
		s := v.o.(*Slice)
		var b strings.Builder
		b.WriteString("slice(")
		err := reprItems(th, &b, []Value{s.Start, s.Stop, s.Step})
		b.WriteString(")")
		return b.String(), err
	})
	RegisterRepr(BaseExceptionType, func(th *Thread, v Value) (string, error) {
		e := v.o.(*Exception)
		var b strings.Builder
		b.WriteString(e.class.Qualname + "(")
		if e.class.IsSubclass(BaseExceptionGroupType) && len(e.Args) > 0 {
			err := reprItems(th, &b, e.Args)
			b.WriteString(")")
			return b.String(), err
		}
		err := reprItems(th, &b, e.Args)
		b.WriteString(")")
		return b.String(), err
	})
	RegisterRepr(ModuleType, func(_ *Thread, v Value) (string, error) {
		return "<module '" + v.o.(*Module).Name + "'>", nil
	})
	RegisterRepr(BuiltinFunctionType, func(_ *Thread, v Value) (string, error) {
		return "<built-in function " + v.o.(*Builtin).Name + ">", nil
	})
	RegisterRepr(MethodDescriptorType, func(_ *Thread, v Value) (string, error) {
		m := v.o.(*Method)
		return "<method '" + m.Name + "' of '" + m.Class.Name + "' objects>", nil
	})
	RegisterRepr(MethodType, func(th *Thread, v Value) (string, error) {
		b := v.o.(*BoundMethod)
		self, err := Repr(th, b.Self)
		if m, ok := b.Fn.(*Method); ok {
			return "<built-in method " + m.Name + " of " + b.Self.Type().Name + " object at " + HexID(b.Self) + ">", err
		}
		name := "?"
		if n, ok := b.Fn.(interface{ QualName() string }); ok {
			name = n.QualName()
		}
		return "<bound method " + name + " of " + self + ">", err
	})
	RegisterRepr(EllipsisType, func(*Thread, Value) (string, error) { return "Ellipsis", nil })
	RegisterRepr(NotImplementedType, func(*Thread, Value) (string, error) { return "NotImplemented", nil })
	RegisterRepr(CellType, func(_ *Thread, v Value) (string, error) { return "<cell at " + HexID(v) + ">", nil })
}

func containerRepr(th *Thread, v Value, open, close string, items []Value) (string, error) {
	if !th.enterRepr(v.o) {
		return open + "..." + close, nil
	}
	defer th.leaveRepr()
	var b strings.Builder
	b.WriteString(open)
	err := reprItems(th, &b, items)
	b.WriteString(close)
	return b.String(), err
}

func dictRepr(th *Thread, v Value) (string, error) {
	d := v.o.(*Dict)
	if !th.enterRepr(d) {
		return "{...}", nil
	}
	defer th.leaveRepr()
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for _, e := range d.entries {
		if !e.key.IsValid() {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(th, e.key)
		if err != nil {
			return "", err
		}
		val, err := Repr(th, e.value)
		if err != nil {
			return "", err
		}
		b.WriteString(k + ": " + val)
	}
	b.WriteByte('}')
	return b.String(), nil
}

func setRepr(th *Thread, v Value) (string, error) {
	s := v.o.(*Set)
	name := s.Type().Name
	if s.Len() == 0 {
		return name + "()", nil
	}
	if !th.enterRepr(s) {
		return name + "(...)", nil
	}
	defer th.leaveRepr()
	var b strings.Builder
	if s.frozen {
		b.WriteString("frozenset(")
	}
	b.WriteByte('{')
	err := reprItems(th, &b, s.Elems())
	b.WriteByte('}')
	if s.frozen {
		b.WriteByte(')')
	}
	return b.String(), err
}

// BytesRepr formats bytes as Python's repr: b'...' with escapes.
func BytesRepr(s string) string { return bytesRepr(s, false) }

// bytesRepr is BytesRepr, with single quotes escaped even inside double ones if
// escapeSingle is set, as bytearray's repr has them.
func bytesRepr(s string, escapeSingle bool) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\' || escapeSingle && c == '\'':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x` + hex2(c))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
