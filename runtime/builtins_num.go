package runtime

import (
	"math"
	"math/big"
	"unicode"
	"unicode/utf8"
)

// The numeric builtins: abs, round, divmod, pow, sum, min, max, chr, ord, hex, oct, bin.

func builtinAbs(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("abs", args, kw)
	if err != nil {
		return Value{}, err
	}
	switch o := x.o.(type) {
	case intTag, boolTag:
		if int64(x.n) < 0 {
			return Unary(th, OpNeg, x)
		}
		return Int(int64(x.n)), nil
	case *BigInt:
		if o.n.Sign() < 0 {
			return Unary(th, OpNeg, x)
		}
		return x, nil
	case floatTag:
		f, _ := x.FloatVal()
		return Float(math.Abs(f)), nil
	}
	if r, found, err := userMethod(th, x, "__abs__"); found || err != nil {
		return r, err
	}
	return Value{}, TypeErrorf("bad operand type for abs(): '%s'", x.Type().Name)
}

// userMethod calls a special method that only user classes can define.
func userMethod(th *Thread, x Value, name string, args ...Value) (Value, bool, error) {
	if !x.Type().user {
		return Value{}, false, nil
	}
	return CallMethod(th, x, name, args...)
}

// builtinRound calls the number's __round__, which int and float define too.
func builtinRound(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	var x, nd Value
	if err := UnpackArgs("round", args, kw, "number", &x, "ndigits?", &nd); err != nil {
		return Value{}, err
	}
	m := x.Type().Lookup("__round__")
	if !m.IsValid() {
		return Value{}, TypeErrorf("type %s doesn't define __round__ method", x.Type().Name)
	}
	var margs []Value
	if nd.IsValid() && !nd.IsNone() {
		margs = []Value{nd}
	}
	return CallMethodValue(th, m, x, margs)
}

func builtinDivmod(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("divmod", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	a, b := args[0], args[1]
	if ka, kb := numKind(a), numKind(b); ka != 0 && kb != 0 {
		return numDivmod(a, b, ka == 3 || kb == 3)
	}
	if r, found, err := userMethod(th, a, "__divmod__", b); err != nil || found && !r.Is(NotImplemented) {
		return r, err
	}
	if r, found, err := userMethod(th, b, "__rdivmod__", a); err != nil || found && !r.Is(NotImplemented) {
		return r, err
	}
	return Value{}, TypeErrorf("unsupported operand type(s) for divmod(): '%s' and '%s'", a.Type().Name, b.Type().Name)
}

func numDivmod(a, b Value, float bool) (Value, error) {
	if float {
		x, ok1 := AsFloat(a)
		y, ok2 := AsFloat(b)
		if !ok1 || !ok2 {
			return Value{}, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		if y == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "float divmod()")
		}
		q, r := floatDivMod(x, y)
		return NewTuple([]Value{Float(q), Float(r)}), nil
	}
	x, ok1 := AsInt64(a)
	y, ok2 := AsInt64(b)
	if ok1 && ok2 && y != 0 {
		q, r := floorDivMod(x, y)
		return NewTuple([]Value{q, r}), nil
	}
	bx, _ := AsBig(a)
	by, _ := AsBig(b)
	if by.Sign() == 0 {
		return Value{}, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
	}
	q, r := bigFloorDivMod(bx, by)
	return NewTuple([]Value{q, r}), nil
}

func builtinPow(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	var base, exp Value
	mod := None
	if err := UnpackArgs("pow", args, kw, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return Value{}, err
	}
	if mod.IsNone() {
		return Binary(th, OpPow, base, exp)
	}
	if r, found, err := userMethod(th, base, "__pow__", exp, mod); err != nil || found && !r.Is(NotImplemented) {
		return r, err
	}
	if !IsInt(base) || !IsInt(exp) || !IsInt(mod) {
		return Value{}, TypeErrorf("pow() 3rd argument not allowed unless all arguments are integers")
	}
	return modPow(base, exp, mod)
}

// modPow is three-argument pow on ints; a negative exponent uses the modular inverse, and
// the result takes the sign of the modulus.
func modPow(base, exp, mod Value) (Value, error) {
	// AsBig may return an int's own storage: work on copies.
	b, _ := AsBig(base)
	e, _ := AsBig(exp)
	m, _ := AsBig(mod)
	b, e = new(big.Int).Set(b), new(big.Int).Set(e)
	if m.Sign() == 0 {
		return Value{}, ValueErrorf("pow() 3rd argument cannot be 0")
	}
	mabs := new(big.Int).Abs(m)
	b.Mod(b, mabs)
	if e.Sign() < 0 {
		if b.ModInverse(b, mabs) == nil {
			return Value{}, ValueErrorf("base is not invertible for the given modulus")
		}
		e.Neg(e)
	}
	r := new(big.Int).Exp(b, e, mabs)
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return MakeBig(r), nil
}

// builtinSum follows CPython 3.11's sum: an int64 fast path, then a float path (plain
// left-to-right addition), then generic +.
func builtinSum(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return Value{}, TypeErrorf("sum() takes at least 1 positional argument (0 given)")
	}
	if err := rejectKwargs("sum", kw, "start"); err != nil {
		return Value{}, err
	}
	if len(args)+len(kw) > 2 {
		return Value{}, TypeErrorf("sum() takes at most 2 arguments (%d given)", len(args)+len(kw))
	}
	result := Int(0)
	if len(args) == 2 {
		result = args[1]
	} else if len(kw) == 1 {
		result = kw[0].Value
	}
	switch result.o.(type) {
	case *Str:
		return Value{}, TypeErrorf("sum() can't sum strings [use ''.join(seq) instead]")
	case *Bytes, *ByteArray:
		return Value{}, TypeErrorf("sum() can't sum %s [use b''.join(seq) instead]", result.Type().Name)
	}
	it, err := Iter(th, args[0])
	if err != nil {
		return Value{}, err
	}
	var done bool
	for _, fast := range []func(*Thread, Iterator, Value) (Value, bool, error){sumInts, sumFloats} {
		if result, done, err = fast(th, it, result); err != nil || done {
			return result, err
		}
	}
	for {
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return result, err
		}
		if result, err = Binary(th, OpAdd, result, x); err != nil {
			return Value{}, err
		}
		if err := th.Tick(); err != nil {
			return Value{}, err
		}
	}
}

// sumInts adds items while the total and the items are small ints. done reports that the
// iterator is exhausted; otherwise result is the total so far, to be continued.
func sumInts(th *Thread, it Iterator, result Value) (Value, bool, error) {
	total, ok := result.SmallInt()
	if !ok {
		return result, false, nil
	}
	for {
		x, more, err := it.Next(th)
		if err != nil || !more {
			return Int(total), true, err
		}
		if err := th.Tick(); err != nil {
			return Value{}, true, err
		}
		if b, ok := AsInt64(x); ok {
			if s := total + b; (s > total) == (b > 0) {
				total = s
				continue
			}
		}
		result, err = Binary(th, OpAdd, Int(total), x)
		return result, err != nil, err
	}
}

// sumFloats continues a float total, adding floats and ints that fit in int64.
func sumFloats(th *Thread, it Iterator, result Value) (Value, bool, error) {
	total, ok := result.FloatVal()
	if !ok {
		return result, false, nil
	}
	for {
		x, more, err := it.Next(th)
		if err != nil || !more {
			return Float(total), true, err
		}
		if err := th.Tick(); err != nil {
			return Value{}, true, err
		}
		if f, ok := x.FloatVal(); ok {
			total += f
			continue
		}
		if i, ok := AsInt64(x); ok {
			total += float64(i)
			continue
		}
		result, err = Binary(th, OpAdd, Float(total), x)
		return result, err != nil, err
	}
}

func builtinMin(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return minMax(th, "min", CmpLt, args, kw)
}

func builtinMax(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return minMax(th, "max", CmpGt, args, kw)
}

// minMax keeps the first item that no later item beats under op (< for min, > for max),
// comparing keys when key= is given.
func minMax(th *Thread, fname string, op CompareOp, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs(fname, kw, "key", "default"); err != nil {
		return Value{}, err
	}
	if err := checkPositional(fname, len(args), 1, math.MaxInt); err != nil {
		return Value{}, err
	}
	key, dflt := kwarg(kw, "key"), kwarg(kw, "default")
	if len(args) > 1 && dflt.IsValid() {
		return Value{}, TypeErrorf("Cannot specify a default for %s() with multiple positional arguments", fname)
	}
	var best, bestKey Value
	visit := func(x Value) error {
		k := x
		if key.IsValid() && !key.IsNone() {
			var err error
			if k, err = Call(th, key, []Value{x}, nil); err != nil {
				return err
			}
		}
		if best.IsValid() {
			r, err := Compare(th, op, k, bestKey)
			if err != nil {
				return err
			}
			if better, err := Truth(th, r); err != nil || !better {
				return err
			}
		}
		best, bestKey = x, k
		return nil
	}
	var err error
	if len(args) == 1 {
		err = forEach(th, args[0], visit)
	} else {
		for _, x := range args {
			if err = visit(x); err != nil {
				break
			}
		}
	}
	switch {
	case err != nil:
		return Value{}, err
	case best.IsValid():
		return best, nil
	case dflt.IsValid():
		return dflt, nil
	}
	return Value{}, ValueErrorf("%s() arg is an empty sequence", fname)
}

func builtinChr(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("chr", args, kw)
	if err != nil {
		return Value{}, err
	}
	if _, ok := x.o.(*BigInt); ok {
		return Value{}, Errorf(OverflowErrorType, "Python int too large to convert to C int")
	}
	i, err := toIndex(th, x)
	if err != nil {
		return Value{}, err
	}
	if i < 0 || i > unicode.MaxRune {
		return Value{}, ValueErrorf("chr() arg not in range(0x110000)")
	}
	return NewStr(string(rune(i))), nil
}

func builtinOrd(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg("ord", args, kw)
	if err != nil {
		return Value{}, err
	}
	var n int
	switch o := x.o.(type) {
	case *Str:
		if n = o.Len(); n == 1 {
			r, _ := utf8.DecodeRuneInString(o.s)
			return Int(int64(r)), nil
		}
	case *Bytes, *ByteArray:
		s, _ := BytesLike(x)
		if n = len(s); n == 1 {
			return Int(int64(s[0])), nil
		}
	default:
		return Value{}, TypeErrorf("ord() expected string of length 1, but %s found", x.Type().Name)
	}
	return Value{}, TypeErrorf("ord() expected a character, but string of length %d found", n)
}

func builtinHex(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return intToBase(th, "hex", "0x", 16, args, kw)
}

func builtinOct(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return intToBase(th, "oct", "0o", 8, args, kw)
}

func builtinBin(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	return intToBase(th, "bin", "0b", 2, args, kw)
}

// intToBase formats an integer (or an object with __index__) with a base prefix after the
// sign: hex(-255) is '-0xff'.
func intToBase(th *Thread, fname, prefix string, base int, args []Value, kw []Kwarg) (Value, error) {
	x, err := oneArg(fname, args, kw)
	if err != nil {
		return Value{}, err
	}
	b, ok := AsBig(x)
	if !ok {
		i, err := toIndex(th, x)
		if err != nil {
			return Value{}, err
		}
		b = big.NewInt(i)
	}
	sign := ""
	if b.Sign() < 0 {
		sign = "-"
	}
	return NewStr(sign + prefix + new(big.Int).Abs(b).Text(base)), nil
}
