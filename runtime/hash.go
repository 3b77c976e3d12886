package runtime

import (
	"hash/maphash"
	"math"
	"math/big"
)

// Numeric hashing follows CPython exactly (reduction modulo the Mersenne prime 2**61-1), so
// that 1, 1.0 and True are one dict key and sets of numbers iterate in CPython's order.
const (
	hashBits    = 61
	hashModulus = (1 << hashBits) - 1
	hashInf     = 314159
)

var strSeed = maphash.MakeSeed()

// strHash hashes a string; the result is never -1 (reserved, as in CPython).
func strHash(s string) int64 {
	h := int64(maphash.String(strSeed, s))
	if h == -1 {
		h = -2
	}
	return h
}

// intHash is hash(i) for a small int.
func intHash(i int64) int64 {
	if i == math.MinInt64 {
		return -4 // hash(-2**63) in CPython
	}
	neg := i < 0
	if neg {
		i = -i
	}
	h := i % hashModulus
	if neg {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// bigHash is hash(n) for a big int.
func bigHash(n *big.Int) int64 {
	var m big.Int
	m.Mod(new(big.Int).Abs(n), big.NewInt(hashModulus))
	h := m.Int64()
	if n.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// floatHash is hash(f), CPython's _Py_HashDouble.
func floatHash(f float64) int64 {
	if math.IsInf(f, 0) {
		if f > 0 {
			return hashInf
		}
		return -hashInf
	}
	if math.IsNaN(f) {
		return 0 // CPython hashes NaN by identity; 0 keeps this deterministic
	}
	m, e := math.Frexp(f)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0 // 2**28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// tupleHash is CPython's xxHash-based tuple hash over the element hashes.
func tupleHash(th *Thread, items []Value) (int64, error) {
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, it := range items {
		h, err := Hash(th, it)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(items)) ^ (p5 ^ 3527539)
	if acc == math.MaxUint64 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// Hash returns hash(v), calling __hash__ on instances of user classes. A str whose hash is
// cached and a small non-negative int answer before the type switch: they are most keys.
func Hash(th *Thread, v Value) (int64, error) {
	if s, ok := v.o.(*Str); ok && s.h != 0 {
		return s.h, nil
	}
	if _, ok := v.o.(intTag); ok && v.n < hashModulus {
		return int64(v.n), nil // a non-negative int below the modulus is its own hash
	}
	return hashOf(th, v)
}

func hashOf(th *Thread, v Value) (int64, error) {
	switch o := v.o.(type) {
	case *Str:
		if o.h == 0 {
			o.h = strHash(o.s)
		}
		return o.h, nil
	case intTag:
		return intHash(int64(v.n)), nil
	case boolTag:
		return int64(v.n), nil
	case floatTag:
		return floatHash(math.Float64frombits(v.n)), nil
	case noneTag:
		return 0x5f3759df, nil
	case *BigInt:
		return bigHash(&o.n), nil
	case *Tuple:
		return tupleHash(th, o.Items)
	case *Bytes:
		return strHash(o.s), nil
	case *Set:
		if o.frozen {
			return o.frozenHash(th)
		}
	case *List, *Dict, *ByteArray:
	case *Instance:
		return instanceHash(th, v, o.class)
	case *Exception:
		return instanceHash(th, v, o.class)
	case *Class:
		return ptrHash(o), nil
	default:
		if v.Type().user {
			return instanceHash(th, v, v.Type())
		}
		return ptrHash(o), nil
	}
	return 0, TypeErrorf("unhashable type: '%s'", v.Type().Name)
}

// instanceHash uses __hash__ when the class defines one; a class that defines __eq__ but not
// __hash__ is unhashable, as in CPython.
func instanceHash(th *Thread, v Value, cls *Class) (int64, error) {
	hf := cls.Lookup("__hash__")
	if hf.IsValid() && !hf.Is(objectHash) {
		if hf.IsNone() {
			return 0, TypeErrorf("unhashable type: '%s'", cls.Name)
		}
		r, err := CallMethodValue(th, hf, v, nil)
		if err != nil {
			return 0, err
		}
		switch o := r.o.(type) {
		case intTag:
			return intHash(int64(r.n)), nil
		case boolTag:
			return int64(r.n), nil
		case *BigInt:
			return bigHash(&o.n), nil
		}
		return 0, TypeErrorf("__hash__ method should return an integer")
	}
	return ptrHash(v.o), nil
}

// ptrHash hashes by identity; each object gets a stable number on first use.
func ptrHash(o Object) int64 {
	return int64(identity(o) >> 4)
}
