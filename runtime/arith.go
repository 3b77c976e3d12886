package runtime

import (
	"math"
	"math/big"
)

// BinaryOp is an arithmetic or bitwise binary operator.
type BinaryOp uint8

// The binary operators.
const (
	OpAdd BinaryOp = iota
	OpSub
	OpMul
	OpTrueDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpAnd
	OpOr
	OpXor
	OpMatMul
	numBinaryOps
)

var binOpInfo = [numBinaryOps]struct{ symbol, dunder, rdunder, idunder string }{
	OpAdd:      {"+", "__add__", "__radd__", "__iadd__"},
	OpSub:      {"-", "__sub__", "__rsub__", "__isub__"},
	OpMul:      {"*", "__mul__", "__rmul__", "__imul__"},
	OpTrueDiv:  {"/", "__truediv__", "__rtruediv__", "__itruediv__"},
	OpFloorDiv: {"//", "__floordiv__", "__rfloordiv__", "__ifloordiv__"},
	OpMod:      {"%", "__mod__", "__rmod__", "__imod__"},
	OpPow:      {"**", "__pow__", "__rpow__", "__ipow__"},
	OpLShift:   {"<<", "__lshift__", "__rlshift__", "__ilshift__"},
	OpRShift:   {">>", "__rshift__", "__rrshift__", "__irshift__"},
	OpAnd:      {"&", "__and__", "__rand__", "__iand__"},
	OpOr:       {"|", "__or__", "__ror__", "__ior__"},
	OpXor:      {"^", "__xor__", "__rxor__", "__ixor__"},
	OpMatMul:   {"@", "__matmul__", "__rmatmul__", "__imatmul__"},
}

// Symbol returns the operator as written.
func (op BinaryOp) Symbol() string { return binOpInfo[op].symbol }

// Binary evaluates x op y.
func Binary(th *Thread, op BinaryOp, x, y Value) (Value, error) {
	if a, ok := x.o.(intTag); ok {
		if _, ok := y.o.(intTag); ok {
			_ = a
			return smallIntBinary(th, op, int64(x.n), int64(y.n))
		}
	}
	// A Python override in a subclass of a built-in container comes before the built-in
	// behaviour.
	_, xo := override(th, x, binOpInfo[op].dunder)
	_, yo := override(th, y, binOpInfo[op].rdunder)
	if !xo && !yo {
		if r, ok, err := builtinBinary(th, op, x, y); ok || err != nil {
			return r, err
		}
	}
	return userBinary(th, op, x, y, false)
}

// InplaceBinary evaluates x op= y: __iop__ first, in-place list and set updates, then Binary.
func InplaceBinary(th *Thread, op BinaryOp, x, y Value) (Value, error) {
	// A subclass of a container that defines the in-place method (Counter's __ior__, a
	// list subclass's __iadd__) takes precedence over the container's own fast paths.
	if m, ok := override(th, x, binOpInfo[op].idunder); ok {
		r, err := CallMethodValue(th, m, x, []Value{y})
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		return Binary(th, op, x, y)
	}
	switch o := x.o.(type) {
	case intTag, floatTag, *Str:
		return Binary(th, op, x, y)
	case *List:
		switch op {
		case OpAdd:
			items, err := ToSlice(th, y)
			if err != nil {
				return Value{}, err
			}
			o.Items = append(o.Items, items...)
			return x, nil
		case OpMul:
			r, err := Binary(th, op, x, y)
			if err != nil {
				return Value{}, err
			}
			o.Items = r.o.(*List).Items
			return x, nil
		}
	case *Set:
		if !o.frozen {
			if _, ok := y.o.(*Set); ok {
				if r, ok, err := setInplace(th, op, o, y.o.(*Set)); ok || err != nil {
					return r, err
				}
			}
		}
	case *Dict:
		if op == OpOr {
			if d, ok := y.o.(*Dict); ok {
				return x, dictUpdateFrom(th, o, d)
			}
		}
	case *ByteArray:
		if r, ok, err := byteArrayInplace(th, op, o, y); ok {
			return r, err
		}
	}
	if x.Type().user {
		if m := x.Type().Lookup(binOpInfo[op].idunder); m.IsValid() {
			r, err := CallMethodValue(th, m, x, []Value{y})
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	}
	return Binary(th, op, x, y)
}

func smallIntBinary(th *Thread, op BinaryOp, a, b int64) (Value, error) {
	switch op {
	case OpAdd:
		return intAdd(a, b), nil
	case OpSub:
		return intSub(a, b), nil
	case OpMul:
		return intMul(a, b), nil
	case OpFloorDiv:
		if b == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, _ := floorDivMod(a, b)
		return q, nil
	case OpMod:
		if b == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
		}
		_, m := floorDivMod(a, b)
		return m, nil
	case OpAnd:
		return Int(a & b), nil
	case OpOr:
		return Int(a | b), nil
	case OpXor:
		return Int(a ^ b), nil
	}
	return bigIntBinary(th, op, big.NewInt(a), big.NewInt(b))
}

// bigIntBinary handles every int operator on arbitrary-precision operands.
func bigIntBinary(th *Thread, op BinaryOp, a, b *big.Int) (Value, error) {
	if err := chargeBig(th, op, a, b); err != nil {
		return Value{}, err
	}
	z := new(big.Int)
	switch op {
	case OpAdd:
		return MakeBig(z.Add(a, b)), nil
	case OpSub:
		return MakeBig(z.Sub(a, b)), nil
	case OpMul:
		return MakeBig(z.Mul(a, b)), nil
	case OpTrueDiv:
		return intTrueDiv(a, b)
	case OpFloorDiv, OpMod:
		if b.Sign() == 0 {
			if op == OpMod {
				return Value{}, Errorf(ZeroDivisionErrorType, "integer modulo by zero")
			}
			return Value{}, Errorf(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, m := bigFloorDivMod(a, b)
		if op == OpMod {
			return m, nil
		}
		return q, nil
	case OpPow:
		if b.Sign() < 0 {
			fa, err := bigToFloat(a)
			if err != nil {
				return Value{}, err
			}
			fb, _ := bigToFloat(b)
			return floatBinary(OpPow, fa, fb)
		}
		if !b.IsInt64() || (b.Int64() > 1<<24 && a.BitLen() > 1) || powBits(a, b) > maxIntBits {
			return Value{}, Errorf(MemoryErrorType, "")
		}
		return intPow(a, b), nil
	case OpLShift, OpRShift:
		if b.Sign() < 0 {
			return Value{}, ValueErrorf("negative shift count")
		}
		if op == OpRShift {
			if !b.IsInt64() {
				if a.Sign() < 0 {
					return Int(-1), nil
				}
				return Int(0), nil
			}
			return MakeBig(z.Rsh(a, uint(b.Int64()))), nil
		}
		if a.Sign() == 0 {
			return Int(0), nil
		}
		if !b.IsInt64() || b.Int64() > maxIntBits {
			return Value{}, Errorf(OverflowErrorType, "too many digits in integer")
		}
		return MakeBig(z.Lsh(a, uint(b.Int64()))), nil
	case OpAnd:
		return MakeBig(z.And(a, b)), nil
	case OpOr:
		return MakeBig(z.Or(a, b)), nil
	case OpXor:
		return MakeBig(z.Xor(a, b)), nil
	}
	return Value{}, nil
}

// floatBinary handles float operators with CPython's errors.
func floatBinary(op BinaryOp, a, b float64) (Value, error) {
	switch op {
	case OpAdd:
		return Float(a + b), nil
	case OpSub:
		return Float(a - b), nil
	case OpMul:
		return Float(a * b), nil
	case OpTrueDiv:
		if b == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "float division by zero")
		}
		return Float(a / b), nil
	case OpFloorDiv:
		if b == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "float floor division by zero")
		}
		q, _ := floatDivMod(a, b)
		return Float(q), nil
	case OpMod:
		if b == 0 {
			return Value{}, Errorf(ZeroDivisionErrorType, "float modulo")
		}
		_, m := floatDivMod(a, b)
		return Float(m), nil
	case OpPow:
		return floatPow(a, b)
	}
	return Value{}, TypeErrorf("unsupported operand type(s) for %s: 'float' and 'float'", op.Symbol())
}

// floatDivMod is CPython's float_divmod.
func floatDivMod(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1
		}
	} else {
		mod = math.Copysign(0, b)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1
		}
	} else {
		floordiv = math.Copysign(0, a/b)
	}
	return floordiv, mod
}

func floatPow(a, b float64) (Value, error) {
	if a == 0 && b < 0 {
		return Value{}, Errorf(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Trunc(b) && !math.IsInf(b, 0) {
		return Value{}, ValueErrorf("math domain error")
	}
	r := math.Pow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return Value{}, NewException(OverflowErrorType, Int(34), NewStr("Numerical result out of range"))
	}
	return Float(r), nil
}

// numKind classifies a numeric operand: 0 not a number, 1 small int/bool, 2 big int, 3 float.
func numKind(v Value) int {
	switch v.o.(type) {
	case intTag, boolTag:
		return 1
	case *BigInt:
		return 2
	case floatTag:
		return 3
	}
	return 0
}

// numericBinary handles ints, bools, big ints and floats in any mix.
func numericBinary(th *Thread, op BinaryOp, x, y Value) (Value, bool, error) {
	kx, ky := numKind(x), numKind(y)
	if kx == 0 || ky == 0 {
		return Value{}, false, nil
	}
	if op == OpMatMul {
		return Value{}, false, nil
	}
	if kx == 3 || ky == 3 {
		if op >= OpLShift {
			return Value{}, false, nil
		}
		a, ok1 := AsFloat(x)
		b, ok2 := AsFloat(y)
		if !ok1 || !ok2 {
			return Value{}, true, Errorf(OverflowErrorType, "int too large to convert to float")
		}
		r, err := floatBinary(op, a, b)
		return r, true, err
	}
	if kx == 1 && ky == 1 {
		a, b := int64(x.n), int64(y.n)
		if _, ok := x.o.(boolTag); ok && op >= OpAnd && op <= OpXor {
			if _, ok := y.o.(boolTag); ok {
				r, err := smallIntBinary(th, op, a, b)
				return Bool(r.n != 0), true, err
			}
		}
		switch op {
		case OpTrueDiv:
			r, err := intTrueDiv(big.NewInt(a), big.NewInt(b))
			return r, true, err
		case OpPow:
			if b >= 0 && b < 64 {
				if r, ok := smallPow(a, b); ok {
					return Int(r), true, nil
				}
			}
		}
		r, err := smallIntBinary(th, op, a, b)
		return r, true, err
	}
	a, _ := AsBig(x)
	b, _ := AsBig(y)
	r, err := bigIntBinary(th, op, a, b)
	return r, true, err
}

// smallPow computes a**b when the result fits in int64.
func smallPow(a, b int64) (int64, bool) {
	r := int64(1)
	for ; b > 0; b-- {
		v := intMul(r, a)
		n, ok := v.SmallInt()
		if !ok {
			return 0, false
		}
		r = n
	}
	return r, true
}

// UnaryOp is a unary operator.
type UnaryOp uint8

// The unary operators.
const (
	OpNeg UnaryOp = iota
	OpPos
	OpInvert
)

// Unary evaluates -x, +x or ~x.
func Unary(th *Thread, op UnaryOp, x Value) (Value, error) {
	switch o := x.o.(type) {
	case intTag, boolTag:
		i := int64(x.n)
		switch op {
		case OpNeg:
			return intSub(0, i), nil
		case OpPos:
			return Int(i), nil
		default:
			return Int(^i), nil
		}
	case *BigInt:
		switch op {
		case OpNeg:
			return MakeBig(new(big.Int).Neg(&o.n)), nil
		case OpPos:
			return x, nil
		default:
			return MakeBig(new(big.Int).Not(&o.n)), nil
		}
	case floatTag:
		f, _ := x.FloatVal()
		switch op {
		case OpNeg:
			return Float(-f), nil
		case OpPos:
			return x, nil
		}
	}
	names := [...]string{"__neg__", "__pos__", "__invert__"}
	if r, found, err := CallMethod(th, x, names[op]); found || err != nil {
		return r, err
	}
	syms := [...]string{"unary -", "unary +", "unary ~"}
	return Value{}, TypeErrorf("bad operand type for %s: '%s'", syms[op], x.Type().Name)
}
