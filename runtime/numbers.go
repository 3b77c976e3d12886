package runtime

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
)

// The constructors int(), float() and bool(), and the methods and attributes of int and
// float.

func init() {
	IntType.New = intNew
	FloatType.New = floatNew
	BoolType.New = boolNew
	// Repr renders these types inline; registering it makes object.__repr__, which
	// x.__repr__() reaches, do the same.
	for _, c := range []*Class{IntType, BoolType, FloatType, StrType} {
		RegisterRepr(c, func(th *Thread, v Value) (string, error) { return Repr(th, v) })
	}
	initIntMethods()
	initFloatMethods()
}

// decimalValue returns the value of a decimal digit (category Nd, any script), or -1.
// Unicode lays decimal digits out in runs of ten starting at zero, and Go's table merges
// adjacent runs, so the value is the offset into the range modulo 10.
func decimalValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 {
		return -1
	}
	for _, g := range unicode.Nd.R16 {
		if rune(g.Lo) <= r && r <= rune(g.Hi) {
			return int(r-rune(g.Lo)) % 10
		}
	}
	for _, g := range unicode.Nd.R32 {
		if rune(g.Lo) <= r && r <= rune(g.Hi) {
			return int(r-rune(g.Lo)) % 10
		}
	}
	return -1
}

// numericText prepares the text of a number for parsing as CPython does: surrounding
// whitespace removed and decimal digits of any script turned into ASCII ones. Other
// non-ASCII characters become '?', which no parser accepts.
func numericText(s string) string {
	s = strings.TrimFunc(s, isSpace)
	if isASCIIString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch d := decimalValue(r); {
		case d >= 0:
			b.WriteByte(byte('0' + d))
		case r < 0x80:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// parseIntText parses s as int(s, base) does (base 0: from the prefix, as literals).
func parseIntText(s string, base int) (Value, bool) {
	s = numericText(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	prefix := func(c byte) bool { return len(s) >= 2 && s[0] == '0' && (s[1]|0x20) == c }
	oldOctal := false
	if base == 0 {
		switch {
		case prefix('x'):
			base = 16
		case prefix('o'):
			base = 8
		case prefix('b'):
			base = 2
		default:
			base, oldOctal = 10, s != "" && s[0] == '0'
		}
	}
	if base == 16 && prefix('x') || base == 8 && prefix('o') || base == 2 && prefix('b') {
		s = strings.TrimPrefix(s[2:], "_")
	}
	digits, ok := stripUnderscores(s, func(c byte) bool { return digitValue(c) < base })
	if !ok {
		return Value{}, false
	}
	if oldOctal && strings.Trim(digits, "0") != "" {
		return Value{}, false
	}
	if n, err := strconv.ParseInt(digits, base, 64); err == nil {
		if neg {
			n = -n
		}
		return Int(n), true
	}
	n, _ := new(big.Int).SetString(digits, base)
	if neg {
		n.Neg(n)
	}
	return MakeBig(n), true
}

// decimalDigits counts the digits of int(s, base) that CPython's conversion limit applies to:
// none for bases that are powers of two (whose conversion is linear), the letters and digits
// otherwise.
func decimalDigits(s string, base int) int {
	t := strings.TrimLeft(strings.TrimSpace(s), "+-")
	if base&(base-1) == 0 && base != 0 || base == 0 && len(t) > 1 && t[0] == '0' && strings.ContainsRune("xXoObB", rune(t[1])) {
		return 0
	}
	n := 0
	for i := 0; i < len(t); i++ {
		if c := t[i] | 0x20; c >= '0' && c <= '9' || c >= 'a' && c <= 'z' {
			n++
		}
	}
	return n
}

// digitValue is the value of an ASCII digit or letter in bases up to 36, else 99.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// stripUnderscores checks that s is one or more digits with single underscores between
// them and returns the digits alone.
func stripUnderscores(s string, isDigit func(byte) bool) (string, bool) {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '_' && !isDigit(s[i]) {
			return "", false
		}
	}
	return strings.ReplaceAll(s, "_", ""), true
}

// parseFloatText parses s as float(s) does: decimal notation with optional exponent and
// underscores between digits, or inf, infinity, nan, all with an optional sign.
func parseFloatText(s string) (float64, bool) {
	s = numericText(s)
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 {
		return 0, false
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(body), "e")
	intPart, frac, hasDot := strings.Cut(mant, ".")
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	clean := func(part string, optional bool) (string, bool) {
		if part == "" {
			return "", optional
		}
		return stripUnderscores(part, isDigit)
	}
	i, ok1 := clean(intPart, hasDot)
	f, ok2 := clean(frac, true)
	if !ok1 || !ok2 || i == "" && f == "" {
		return 0, false
	}
	text := "0" + i + "." + f + "0"
	if hasExp {
		sign := ""
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			sign, exp = exp[:1], exp[1:]
		}
		e, ok := stripUnderscores(exp, isDigit)
		if !ok {
			return 0, false
		}
		text += "e" + sign + e
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && !isRangeError(err) {
		return 0, false
	}
	if s[0] == '-' {
		v = -v
	}
	return v, true
}

func isRangeError(err error) bool {
	e, ok := err.(*strconv.NumError)
	return ok && e.Err == strconv.ErrRange
}

// floatToInt is int(f): truncation, with CPython's errors for infinities and NaN.
func floatToInt(f float64) (Value, error) {
	switch {
	case math.IsNaN(f):
		return Value{}, ValueErrorf("cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return Value{}, Errorf(OverflowErrorType, "cannot convert float infinity to integer")
	case math.Abs(f) < 1<<63:
		return Int(int64(f)), nil
	}
	n, _ := big.NewFloat(f).Int(nil)
	return MakeBig(n), nil
}

// intValue converts a number to an int as int(x) does for non-strings: ints as they are,
// floats truncated, other objects through __int__ or __index__. ok is false if v is not a
// number.
func intValue(th *Thread, v Value) (Value, bool, error) {
	switch v.o.(type) {
	case intTag, *BigInt:
		return v, true, nil
	case boolTag:
		return Int(int64(v.n)), true, nil
	case floatTag:
		f, _ := v.FloatVal()
		r, err := floatToInt(f)
		return r, true, err
	}
	if r, found, err := CallMethod(th, v, "__int__"); found || err != nil {
		if err == nil && !IsInt(r) {
			err = TypeErrorf("__int__ returned non-int (type %s)", r.Type().Name)
		}
		return r, true, err
	}
	return indexValue(th, v)
}

// indexValue is operator.index(v) for any int: ints and bools as ints, objects through
// __index__. ok is false if v has no integer value.
func indexValue(th *Thread, v Value) (Value, bool, error) {
	switch v.o.(type) {
	case intTag, *BigInt:
		return v, true, nil
	case boolTag:
		return Int(int64(v.n)), true, nil
	}
	if !v.Type().IsUser() {
		return Value{}, false, nil
	}
	r, found, err := CallMethod(th, v, "__index__")
	if err == nil && found && !IsInt(r) {
		err = TypeErrorf("__index__ returned non-int (type %s)", r.Type().Name)
	}
	return r, found, err
}

// floatArg converts a real number to a float as PyFloat_AsDouble does: floats and ints,
// objects through __float__ or __index__. ok is false if v is not a number.
func floatArg(th *Thread, v Value) (float64, bool, error) {
	switch o := v.o.(type) {
	case floatTag:
		f, _ := v.FloatVal()
		return f, true, nil
	case intTag, boolTag:
		return float64(int64(v.n)), true, nil
	case *BigInt:
		f, err := bigToFloat(&o.n)
		return f, true, err
	}
	if r, found, err := CallMethod(th, v, "__float__"); found || err != nil {
		if err != nil {
			return 0, true, err
		}
		f, ok := r.FloatVal()
		if !ok {
			return 0, true, TypeErrorf("%s.__float__ returned non-float (type %s)", v.Type().Name, r.Type().Name)
		}
		return f, true, nil
	}
	r, ok, err := indexValue(th, v)
	if !ok || err != nil {
		return 0, ok, err
	}
	return floatArg(th, r)
}

// intNew is int(x=0, /, base=10).
func intNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 1 && len(kw) == 0 {
		if s, ok := args[0].o.(*Str); ok {
			if n, ok := smallDecimal(s.s); ok {
				return Int(n), nil
			}
		}
	}
	if err := rejectKwargs("int", kw, "base"); err != nil {
		return Value{}, err
	}
	if len(args)+len(kw) > 2 {
		return Value{}, TypeErrorf("int() takes at most 2 arguments (%d given)", len(args)+len(kw))
	}
	base := kwarg(kw, "base")
	if len(args) == 2 {
		base = args[1]
	}
	if len(args) == 0 {
		if base.IsValid() {
			return Value{}, TypeErrorf("int() missing string argument")
		}
		return Int(0), nil
	}
	x := args[0]
	if !base.IsValid() {
		switch x.o.(type) {
		case *Str, *Bytes, *ByteArray:
			return intFromText(th, x, 10)
		}
		r, ok, err := intValue(th, x)
		if !ok && err == nil {
			err = TypeErrorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
		}
		return r, err
	}
	b, err := toIndex(th, base)
	if err != nil {
		return Value{}, err
	}
	if b != 0 && b < 2 || b > 36 {
		return Value{}, ValueErrorf("int() base must be >= 2 and <= 36, or 0")
	}
	switch x.o.(type) {
	case *Str, *Bytes, *ByteArray:
		return intFromText(th, x, int(b))
	}
	return Value{}, TypeErrorf("int() can't convert non-string with explicit base")
}

// intFromText is int(s, base) for a str or bytes s.
func intFromText(th *Thread, x Value, base int) (Value, error) {
	text, ok := AsStr(x)
	if !ok {
		text, _ = BytesLike(x)
	}
	if n := decimalDigits(text, base); n > maxStrDigits {
		return Value{}, ValueErrorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, n)
	}
	if r, ok := parseIntText(text, base); ok {
		return r, nil
	}
	r, err := Repr(th, x)
	if err != nil {
		return Value{}, err
	}
	return Value{}, ValueErrorf("invalid literal for int() with base %d: %s", base, truncateRunes(r, 200))
}

// floatNew is float(x=0.0, /).
func floatNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	x, err := optionalArg("float", args, kw)
	if err != nil || !x.IsValid() {
		return Float(0), err
	}
	var text string
	switch o := x.o.(type) {
	case *Str:
		text = o.s
	case *Bytes, *ByteArray:
		text, _ = BytesLike(x)
	default:
		f, ok, err := floatArg(th, x)
		if !ok && err == nil {
			err = TypeErrorf("float() argument must be a string or a real number, not '%s'", x.Type().Name)
		}
		return Float(f), err
	}
	if f, ok := parseFloatText(text); ok {
		return Float(f), nil
	}
	r, err := Repr(th, x)
	if err != nil {
		return Value{}, err
	}
	return Value{}, ValueErrorf("could not convert string to float: %s", r)
}

// boolNew is bool(x=False, /).
func boolNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	x, err := optionalArg("bool", args, kw)
	if err != nil || !x.IsValid() {
		return False, err
	}
	t, err := Truth(th, x)
	return Bool(t), err
}

// optionalArg checks the call of a constructor taking one optional positional argument.
func optionalArg(name string, args []Value, kw []Kwarg) (Value, error) {
	if len(kw) > 0 {
		return Value{}, TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return Value{}, TypeErrorf("%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 0 {
		return Value{}, nil
	}
	return args[0], nil
}

// addProperty adds a read-only attribute computed from the instance.
func addProperty(c *Class, name string, get func(self Value) Value) {
	fn := NewBuiltin(name, func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		return get(args[0]), nil
	})
	c.Dict.SetStr(name, Ref(&Property{Get: fn, Doc: None}))
}

// addClassMethod adds a method that receives the class it is called on.
func addClassMethod(c *Class, name string, fn func(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error)) {
	c.Dict.SetStr(name, Ref(&ClassMethod{Fn: Ref(&Method{Name: name, Class: c, Fn: fn})}))
}

// asInt returns an int or bool as an int (True → 1).
func asInt(v Value) Value {
	if b, ok := v.BoolVal(); ok {
		if b {
			return Int(1)
		}
		return Int(0)
	}
	return v
}

// noArgMethods registers methods of c that take no arguments.
func noArgMethods(c *Class, methods map[string]func(th *Thread, self Value) (Value, error)) {
	for name, fn := range methods {
		c.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if err := noArgs(c.Name+"."+name, args, kw); err != nil {
				return Value{}, err
			}
			return fn(th, self)
		})
	}
}

// hashMethod is __hash__ of the built-in types that hash by value.
func hashMethod(th *Thread, v Value) (Value, error) {
	h, err := Hash(th, v)
	return Int(h), err
}

func initIntMethods() {
	c := IntType
	self := func(_ *Thread, v Value) (Value, error) { return asInt(v), nil }
	noArgMethods(c, map[string]func(*Thread, Value) (Value, error){
		"bit_length": func(_ *Thread, v Value) (Value, error) {
			if i, ok := AsInt64(v); ok {
				return Int(int64(bits.Len64(absU(i)))), nil
			}
			n, _ := AsBig(v)
			return Int(int64(n.BitLen())), nil
		},
		"bit_count": func(_ *Thread, v Value) (Value, error) {
			if i, ok := AsInt64(v); ok {
				return Int(int64(bits.OnesCount64(absU(i)))), nil
			}
			n, _ := AsBig(v)
			count := 0
			for _, w := range new(big.Int).Abs(n).Bits() {
				count += bits.OnesCount(uint(w))
			}
			return Int(int64(count)), nil
		},
		"as_integer_ratio": func(_ *Thread, v Value) (Value, error) {
			return NewTuple([]Value{asInt(v), Int(1)}), nil
		},
		"conjugate": self, "__int__": self, "__index__": self, "__trunc__": self,
		"__floor__": self, "__ceil__": self,
		"__float__": func(_ *Thread, v Value) (Value, error) {
			f, ok := AsFloat(v)
			if !ok {
				return Value{}, Errorf(OverflowErrorType, "int too large to convert to float")
			}
			return Float(f), nil
		},
	})
	c.AddMethod("__round__", func(th *Thread, v Value, args []Value, kw []Kwarg) (Value, error) {
		nd, err := ndigitsArg(th, "int.__round__", args, kw, false)
		if err != nil || nd == nil || nd.Sign() >= 0 {
			return asInt(v), err
		}
		n, _ := AsBig(v)
		return MakeBig(roundBigInt(n, new(big.Int).Neg(nd))), nil
	})
	c.AddMethod("to_bytes", intToBytes)
	addClassMethod(c, "from_bytes", intFromBytes)
	addProperty(c, "real", asInt)
	addProperty(c, "numerator", asInt)
	addProperty(c, "imag", func(Value) Value { return Int(0) })
	addProperty(c, "denominator", func(Value) Value { return Int(1) })
	addNumberDunders(c, 2)
}

// ndigitsArg reads the optional ndigits of __round__; nil when absent (or None, which
// float.__round__ accepts and int.__round__ does not).
func ndigitsArg(th *Thread, fname string, args []Value, kw []Kwarg, noneOK bool) (*big.Int, error) {
	if err := checkArity(fname, args, kw, 0, 1); err != nil || len(args) == 0 || noneOK && args[0].IsNone() {
		return nil, err
	}
	r, ok, err := indexValue(th, args[0])
	if err == nil && !ok {
		err = TypeErrorf("'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	if err != nil {
		return nil, err
	}
	n, _ := AsBig(r)
	return n, nil
}

// roundBigInt rounds n to a multiple of 10**exp, halves to even (CPython's long_round).
func roundBigInt(n, exp *big.Int) *big.Int {
	pow := new(big.Int).Exp(big.NewInt(10), exp, nil)
	q := roundDiv(n, pow)
	return q.Mul(q, pow)
}

// roundDiv is num/den (den > 0) rounded to the nearest integer, halves to even.
func roundDiv(num, den *big.Int) *big.Int {
	q, r := new(big.Int).DivMod(num, den, new(big.Int)) // r >= 0: q is the floor
	if c := new(big.Int).Lsh(r, 1).Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	length, order, signed := 1, "big", false
	if err := maxPositional("to_bytes", args, 2); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("to_bytes", args, kw, "length?", &length, "byteorder?", &order, "signed?", &signed); err != nil {
		return Value{}, err
	}
	if order != "big" && order != "little" {
		return Value{}, ValueErrorf("byteorder must be either 'little' or 'big'")
	}
	if length < 0 {
		return Value{}, ValueErrorf("length argument must be non-negative")
	}
	n, _ := AsBig(self)
	if n.Sign() < 0 && !signed {
		return Value{}, Errorf(OverflowErrorType, "can't convert negative int to unsigned")
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(8*length))
	if signed {
		limit.Rsh(limit, 1)
	}
	if n.CmpAbs(limit) > 0 || n.Sign() >= 0 && n.Cmp(limit) == 0 {
		return Value{}, Errorf(OverflowErrorType, "int too big to convert")
	}
	u := new(big.Int).Set(n)
	if n.Sign() < 0 {
		u.Add(u, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	buf := u.FillBytes(make([]byte, length))
	if order == "little" {
		reverseBytes(buf)
	}
	return NewBytes(string(buf)), nil
}

// maxPositional refuses more than n positional arguments, the rest being keyword-only.
func maxPositional(fname string, args []Value, n int) error {
	if len(args) > n {
		return TypeErrorf("%s() takes at most %d positional arguments (%d given)", fname, n, len(args))
	}
	return nil
}

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// intFromBytes is int.from_bytes(bytes, byteorder='big', *, signed=False).
func intFromBytes(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error) {
	var src Value
	order, signed := "big", false
	if err := maxPositional("from_bytes", args, 2); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("from_bytes", args, kw, "bytes", &src, "byteorder?", &order, "signed?", &signed); err != nil {
		return Value{}, err
	}
	if order != "big" && order != "little" {
		return Value{}, ValueErrorf("byteorder must be either 'little' or 'big'")
	}
	data, err := bytesOf(th, src, BytesType)
	if err != nil {
		return Value{}, err
	}
	buf := []byte(data)
	if order == "little" {
		reverseBytes(buf)
	}
	n := new(big.Int).SetBytes(buf)
	if signed && len(buf) > 0 && buf[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(buf))))
	}
	return MakeBig(n), nil
}

func initFloatMethods() {
	c := FloatType
	fv := func(v Value) float64 { f, _ := v.FloatVal(); return f }
	toInt := func(round func(float64) float64) func(*Thread, Value) (Value, error) {
		return func(_ *Thread, v Value) (Value, error) { return floatToInt(round(fv(v))) }
	}
	noArgMethods(c, map[string]func(*Thread, Value) (Value, error){
		"is_integer": func(_ *Thread, v Value) (Value, error) {
			f := fv(v)
			return Bool(f == math.Trunc(f) && !math.IsInf(f, 0)), nil
		},
		"as_integer_ratio": func(_ *Thread, v Value) (Value, error) {
			f := fv(v)
			switch {
			case math.IsInf(f, 0):
				return Value{}, Errorf(OverflowErrorType, "cannot convert Infinity to integer ratio")
			case math.IsNaN(f):
				return Value{}, ValueErrorf("cannot convert NaN to integer ratio")
			}
			r := new(big.Rat).SetFloat64(f)
			return NewTuple([]Value{MakeBig(r.Num()), MakeBig(r.Denom())}), nil
		},
		"hex":       func(_ *Thread, v Value) (Value, error) { return NewStr(floatHex(fv(v))), nil },
		"conjugate": func(_ *Thread, v Value) (Value, error) { return v, nil },
		"__float__": func(_ *Thread, v Value) (Value, error) { return v, nil },
		"__int__":   toInt(math.Trunc),
		"__trunc__": toInt(math.Trunc),
		"__floor__": toInt(math.Floor),
		"__ceil__":  toInt(math.Ceil),
	})
	c.AddMethod("__round__", func(th *Thread, v Value, args []Value, kw []Kwarg) (Value, error) {
		nd, err := ndigitsArg(th, "float.__round__", args, kw, true)
		if err != nil {
			return Value{}, err
		}
		if nd == nil {
			return floatToInt(math.RoundToEven(fv(v)))
		}
		r, err := roundFloat(fv(v), nd)
		return Float(r), err
	})
	addClassMethod(c, "fromhex", func(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error) {
		v, err := oneArg("float.fromhex", args, kw)
		if err != nil {
			return Value{}, err
		}
		s, ok := AsStr(v)
		if !ok {
			return Value{}, TypeErrorf("bad argument type for built-in operation")
		}
		f, err := floatFromHex(s)
		return Float(f), err
	})
	addProperty(c, "real", func(v Value) Value { return v })
	addProperty(c, "imag", func(Value) Value { return Float(0) })
	addNumberDunders(c, 3)
}

// roundFloat is round(x, ndigits) for a float: the decimal value of x rounded to ndigits
// places, halves to even, then converted back correctly rounded, as CPython's double_round.
func roundFloat(x float64, ndigits *big.Int) (float64, error) {
	const maxDigits, minDigits = 323, -308 // beyond these, rounding keeps x or gives ±0
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x) || x == 0 || ndigits.Cmp(big.NewInt(maxDigits)) > 0:
		return x, nil
	case ndigits.Cmp(big.NewInt(minDigits)) < 0:
		return math.Copysign(0, x), nil
	}
	nd := ndigits.Int64()
	var r float64
	if nd >= 0 {
		r, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'f', int(nd), 64), 64)
	} else {
		exact := new(big.Rat).SetFloat64(x)
		pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(-nd), nil)
		q := roundDiv(exact.Num(), new(big.Int).Mul(exact.Denom(), pow))
		r, _ = new(big.Rat).SetInt(q.Mul(q, pow)).Float64()
	}
	if math.IsInf(r, 0) {
		return 0, Errorf(OverflowErrorType, "rounded value too large to represent")
	}
	if r == 0 {
		r = math.Copysign(0, x)
	}
	return r, nil
}

// floatHex is float.hex: 0x1.<13 hex digits>p<exp>, subnormals as 0x0.<digits>p-1022.
func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0x0.0p+0"
	}
	b := math.Float64bits(f)
	exp := int(b>>52) & 0x7ff
	mant := b & (1<<52 - 1)
	lead := "1"
	if exp == 0 {
		lead, exp = "0", 1
	}
	e := exp - 1023
	es := "+"
	if e < 0 {
		es, e = "-", -e
	}
	return fmt.Sprintf("%s0x%s.%013xp%s%d", sign, lead, mant, es, e)
}

// floatFromHex is float.fromhex: [sign] ['0x'] hexdigits ['.' hexdigits] ['p' exponent], or
// inf/nan, surrounded by optional whitespace.
func floatFromHex(s string) (float64, error) {
	t := strings.ToLower(strings.TrimFunc(s, isSpace))
	body := strings.TrimLeft(t, "+-")
	sign := t[:len(t)-len(body)]
	invalid := ValueErrorf("invalid hexadecimal floating-point string")
	if len(sign) > 1 {
		return 0, invalid
	}
	switch body {
	case "inf", "infinity", "nan":
		f, _ := strconv.ParseFloat(sign+body, 64)
		return f, nil
	}
	body = strings.TrimPrefix(body, "0x")
	mant, exp, hasExp := strings.Cut(body, "p")
	ip, fp, _ := strings.Cut(mant, ".")
	isHex := func(c byte) bool { return digitValue(c) < 16 }
	allHex := func(p string) bool {
		return strings.IndexFunc(p, func(r rune) bool { return r > 0x7f || !isHex(byte(r)) }) < 0
	}
	if ip+fp == "" || !allHex(ip) || !allHex(fp) || hasExp && (exp == "" || strings.ContainsAny(exp[1:], "+-")) {
		return 0, invalid
	}
	if !hasExp {
		exp = "0"
	}
	f, err := strconv.ParseFloat(sign+"0x"+ip+"."+fp+"p"+exp, 64)
	if err != nil {
		if isRangeError(err) && math.IsInf(f, 0) {
			return 0, Errorf(OverflowErrorType, "hexadecimal value too large to represent as a float")
		}
		if !isRangeError(err) {
			return 0, invalid
		}
	}
	return f, nil
}

// addNumberDunders registers the arithmetic and comparison special methods of int (kind 2)
// or float (kind 3), so that user code may call them by name: they return NotImplemented
// for operands of other types, as CPython's do (int.__add__ does not take floats).
func addNumberDunders(c *Class, kind int) {
	accepts := func(v Value) bool { k := numKind(v); return k != 0 && k <= kind }
	last := OpXor
	if kind == 3 {
		last = OpPow
	}
	binary := map[string]func(th *Thread, x, y Value) (Value, error){}
	for op := OpAdd; op <= last; op++ {
		info := binOpInfo[op]
		binary[info.dunder] = func(th *Thread, x, y Value) (Value, error) { return Binary(th, op, x, y) }
		binary[info.rdunder] = func(th *Thread, x, y Value) (Value, error) { return Binary(th, op, y, x) }
	}
	divmod := func(x, y Value) (Value, error) { return numDivmod(x, y, numKind(x) == 3 || numKind(y) == 3) }
	binary["__divmod__"] = func(_ *Thread, x, y Value) (Value, error) { return divmod(x, y) }
	binary["__rdivmod__"] = func(_ *Thread, x, y Value) (Value, error) { return divmod(y, x) }
	for name, op := range compareDunders {
		binary[name] = func(th *Thread, x, y Value) (Value, error) { return Compare(th, op, x, y) }
	}
	for name, fn := range binary {
		c.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			other, err := oneArg(c.Name+"."+name, args, kw)
			if err != nil || !accepts(other) {
				return NotImplemented, err
			}
			return fn(th, self, other)
		})
	}
	unary := map[string]func(th *Thread, self Value) (Value, error){
		"__neg__": func(th *Thread, v Value) (Value, error) { return Unary(th, OpNeg, v) },
		"__pos__": func(th *Thread, v Value) (Value, error) { return Unary(th, OpPos, v) },
		"__abs__": func(th *Thread, v Value) (Value, error) {
			if f, ok := v.FloatVal(); ok {
				return Float(math.Abs(f)), nil
			}
			if n, _ := AsBig(v); n.Sign() < 0 {
				return Unary(th, OpNeg, v)
			}
			return asInt(v), nil
		},
		"__bool__": func(th *Thread, v Value) (Value, error) { t, err := Truth(th, v); return Bool(t), err },
		"__hash__": hashMethod,
	}
	if kind == 2 {
		unary["__invert__"] = func(th *Thread, v Value) (Value, error) { return Unary(th, OpInvert, v) }
	}
	noArgMethods(c, unary)
}
