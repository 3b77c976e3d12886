package runtime

import (
	"math"
	"math/big"
	"math/bits"
)

// BigInt is an int outside the 64-bit range. Results that fit in 64 bits are always turned
// back into inline ints (see MakeBig), so a *BigInt value never holds a small number.
type BigInt struct {
	n big.Int
}

// Type returns `int`.
func (b *BigInt) Type() *Class { return IntType }

// Big returns a copy of the number.
func (b *BigInt) Big() *big.Int { return new(big.Int).Set(&b.n) }

// MakeBig returns n as an int value, inline when it fits. n is not retained.
func MakeBig(n *big.Int) Value {
	if n.IsInt64() {
		return Int(n.Int64())
	}
	b := &BigInt{}
	b.n.Set(n)
	return Ref(b)
}

// AsBig returns v as a *big.Int if v is an int or bool (a fresh value for inline ints).
func AsBig(v Value) (*big.Int, bool) {
	switch o := v.o.(type) {
	case intTag, boolTag:
		return big.NewInt(int64(v.n)), true
	case *BigInt:
		return &o.n, true
	}
	return nil, false
}

// IsInt reports whether v is an int (including bool).
func IsInt(v Value) bool {
	switch v.o.(type) {
	case intTag, boolTag, *BigInt:
		return true
	}
	return false
}

// AsInt64 returns v as an int64 if it is an int or bool that fits.
func AsInt64(v Value) (int64, bool) {
	switch v.o.(type) {
	case intTag, boolTag:
		return int64(v.n), true
	}
	return 0, false
}

func intAdd(a, b int64) Value {
	s := a + b
	if (s > a) == (b > 0) {
		return Int(s)
	}
	return MakeBig(new(big.Int).Add(big.NewInt(a), big.NewInt(b)))
}

func intSub(a, b int64) Value {
	d := a - b
	if (d < a) == (b > 0) {
		return Int(d)
	}
	return MakeBig(new(big.Int).Sub(big.NewInt(a), big.NewInt(b)))
}

func intMul(a, b int64) Value {
	hi, lo := bits.Mul64(uint64(absI(a)), uint64(absI(b)))
	if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
		r := int64(lo)
		if (a < 0) != (b < 0) {
			r = -r
		}
		return Int(r)
	}
	return MakeBig(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)))
}

func absI(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// floorDivMod returns Python's a // b and a % b (b != 0).
func floorDivMod(a, b int64) (Value, Value) {
	if a == math.MinInt64 && b == -1 {
		return MakeBig(new(big.Int).Neg(big.NewInt(a))), Int(0)
	}
	q, r := a/b, a%b
	if r != 0 && (r < 0) != (b < 0) {
		q--
		r += b
	}
	return Int(q), Int(r)
}

// bigFloorDivMod is floorDivMod on big ints.
func bigFloorDivMod(a, b *big.Int) (Value, Value) {
	q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean: m >= 0
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return MakeBig(q), MakeBig(m)
}

// bigToFloat converts with Python's OverflowError for huge values.
func bigToFloat(n *big.Int) (float64, error) {
	f, _ := new(big.Float).SetInt(n).Float64()
	if math.IsInf(f, 0) {
		return 0, Errorf(OverflowErrorType, "int too large to convert to float")
	}
	return f, nil
}

// intPow computes a ** b for b >= 0 with ints.
func intPow(a, b *big.Int) Value {
	return MakeBig(new(big.Int).Exp(a, b, nil))
}

// intTrueDiv is a / b for ints, correctly rounded as CPython does.
func intTrueDiv(a, b *big.Int) (Value, error) {
	if b.Sign() == 0 {
		return Value{}, Errorf(ZeroDivisionErrorType, "division by zero")
	}
	if a.IsInt64() && b.IsInt64() {
		x, y := a.Int64(), b.Int64()
		if absI(x) < 1<<53 && absI(y) < 1<<53 {
			return Float(float64(x) / float64(y)), nil
		}
	}
	r := new(big.Rat).SetFrac(a, b)
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return Value{}, Errorf(OverflowErrorType, "integer division result too large for a float")
	}
	return Float(f), nil
}

// smallDecimal parses the commonest text int() sees, an optional minus and at most 18 ASCII
// digits with nothing around them, which cannot overflow; anything else is left to the
// general parser (spaces, underscores, signs, other digits, big values).
func smallDecimal(s string) (int64, bool) {
	neg := len(s) > 1 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int64(c)
	}
	if neg {
		n = -n
	}
	return n, true
}
