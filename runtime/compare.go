package runtime

import (
	"math"
	"math/big"
	"strings"
)

// CompareOp is a rich comparison operator.
type CompareOp uint8

// The comparison operators, in an order where op^1 is never meaningful; see swapped.
const (
	CmpEq CompareOp = iota
	CmpNe
	CmpLt
	CmpLe
	CmpGt
	CmpGe
)

var cmpInfo = [...]struct{ symbol, dunder string }{
	CmpEq: {"==", "__eq__"}, CmpNe: {"!=", "__ne__"}, CmpLt: {"<", "__lt__"},
	CmpLe: {"<=", "__le__"}, CmpGt: {">", "__gt__"}, CmpGe: {">=", "__ge__"},
}

// swapped is the reflection of op: a < b is b > a.
func (op CompareOp) swapped() CompareOp {
	return [...]CompareOp{CmpEq, CmpNe, CmpGt, CmpGe, CmpLt, CmpLe}[op]
}

func cmpResult(op CompareOp, c int) bool {
	switch op {
	case CmpEq:
		return c == 0
	case CmpNe:
		return c != 0
	case CmpLt:
		return c < 0
	case CmpLe:
		return c <= 0
	case CmpGt:
		return c > 0
	}
	return c >= 0
}

// Compare evaluates x op y, which may return any value when user dunders are involved.
func Compare(th *Thread, op CompareOp, x, y Value) (Value, error) {
	if _, ok := x.o.(intTag); ok {
		if _, ok := y.o.(intTag); ok {
			a, b := int64(x.n), int64(y.n)
			c := 0
			if a < b {
				c = -1
			} else if a > b {
				c = 1
			}
			return Bool(cmpResult(op, c)), nil
		}
	}
	if !x.Type().user && !y.Type().user {
		r, ok, err := builtinCompare(th, op, x, y)
		if ok || err != nil {
			return Bool(r), err
		}
	}
	return richCompare(th, op, x, y)
}

// Equal reports x == y.
func Equal(th *Thread, x, y Value) (bool, error) {
	if !x.Type().user && !y.Type().user {
		r, ok, err := builtinCompare(th, CmpEq, x, y)
		if ok || err != nil {
			return r, err
		}
		return x.Is(y), nil
	}
	v, err := richCompare(th, CmpEq, x, y)
	if err != nil {
		return false, err
	}
	return Truth(th, v)
}

// Less reports x < y, the comparison sorting uses.
func Less(th *Thread, x, y Value) (bool, error) {
	v, err := Compare(th, CmpLt, x, y)
	if err != nil {
		return false, err
	}
	if b, ok := v.BoolVal(); ok {
		return b, nil
	}
	return Truth(th, v)
}

// richCompare follows CPython's do_richcompare: the reflected method of a proper subclass
// first, then x's, then y's reflected one, then identity for == and !=.
func richCompare(th *Thread, op CompareOp, x, y Value) (Value, error) {
	xt, yt := x.Type(), y.Type()
	rop := op.swapped()
	tried := false
	if yt != xt && yt.IsSubclass(xt) && yt.user {
		if m := yt.Lookup(cmpInfo[rop].dunder); m.IsValid() {
			tried = true
			r, err := CallMethodValue(th, m, y, []Value{x})
			if err != nil || !r.Is(NotImplemented) {
				return r, err
			}
		}
	}
	if xt.user {
		if r, ok, err := userCompare(th, op, x, y); ok || err != nil {
			return r, err
		}
	} else if r, ok, err := builtinCompare(th, op, x, y); ok || err != nil {
		return Bool(r), err
	}
	if !tried && yt.user {
		if r, ok, err := userCompare(th, rop, y, x); ok || err != nil {
			return r, err
		}
	}
	switch op {
	case CmpEq:
		return Bool(x.Is(y)), nil
	case CmpNe:
		return Bool(!x.Is(y)), nil
	}
	return Value{}, TypeErrorf("'%s' not supported between instances of '%s' and '%s'",
		cmpInfo[op].symbol, xt.Name, yt.Name)
}

// userCompare calls x's dunder for op; ok is false if it is absent or NotImplemented. A
// missing __ne__ is derived from __eq__, as object.__ne__ does.
func userCompare(th *Thread, op CompareOp, x, y Value) (Value, bool, error) {
	m := x.Type().Lookup(cmpInfo[op].dunder)
	if m.IsValid() {
		r, err := CallMethodValue(th, m, x, []Value{y})
		if err != nil {
			return Value{}, false, err
		}
		if !r.Is(NotImplemented) {
			return r, true, nil
		}
		return Value{}, false, nil
	}
	if op == CmpNe {
		if eq := x.Type().Lookup("__eq__"); eq.IsValid() {
			r, err := CallMethodValue(th, eq, x, []Value{y})
			if err != nil || r.Is(NotImplemented) {
				return Value{}, false, err
			}
			t, err := Truth(th, r)
			return Bool(!t), err == nil, err
		}
	}
	return Value{}, false, nil
}

// builtinCompare compares built-in values; ok is false for combinations it does not know.
func builtinCompare(th *Thread, op CompareOp, x, y Value) (bool, bool, error) {
	if kx, ky := numKind(x), numKind(y); kx != 0 && ky != 0 {
		return cmpResult(op, numCompare(x, y, kx, ky)), true, nil
	}
	_, vx := setView(x)
	if _, vy := setView(y); vx || vy {
		return viewCompare(th, op, x, y)
	}
	switch a := x.o.(type) {
	case *Str:
		if b, ok := y.o.(*Str); ok {
			return cmpResult(op, strings.Compare(a.s, b.s)), true, nil
		}
	case *Bytes, *ByteArray:
		if c, ok := compareBytes(x, y); ok {
			return cmpResult(op, c), true, nil
		}
	case *List:
		if b, ok := y.o.(*List); ok {
			return seqCompare(th, op, a.Items, b.Items)
		}
	case *Tuple:
		if b, ok := y.o.(*Tuple); ok {
			return seqCompare(th, op, a.Items, b.Items)
		}
	case *Dict:
		if b, ok := y.o.(*Dict); ok && (op == CmpEq || op == CmpNe) {
			eq, err := dictEqual(th, a, b)
			return eq == (op == CmpEq), true, err
		}
	case *Set:
		if b, ok := y.o.(*Set); ok {
			return setCompare(th, op, a, b)
		}
	case *Range:
		if b, ok := y.o.(*Range); ok && (op == CmpEq || op == CmpNe) {
			eq := rangeEqual(a, b)
			return eq == (op == CmpEq), true, nil
		}
	case noneTag:
		if op == CmpEq || op == CmpNe {
			return y.IsNone() == (op == CmpEq), true, nil
		}
	}
	if op == CmpEq || op == CmpNe {
		if x.Type().user || y.Type().user {
			return false, false, nil
		}
		return x.Is(y) == (op == CmpEq), true, nil
	}
	return false, false, nil
}

// numCompare orders two numbers exactly, even a big int against a float.
func numCompare(x, y Value, kx, ky int) int {
	if kx == 1 && ky == 1 {
		a, b := int64(x.n), int64(y.n)
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	if kx == 3 && ky == 3 {
		a, _ := x.FloatVal()
		b, _ := y.FloatVal()
		return floatCmp(a, b)
	}
	if kx != 3 && ky != 3 {
		a, _ := AsBig(x)
		b, _ := AsBig(y)
		return a.Cmp(b)
	}
	if kx == 3 {
		a, _ := x.FloatVal()
		return floatIntCmp(a, y)
	}
	b, _ := y.FloatVal()
	return -floatIntCmp(b, x)
}

// floatCmp compares floats; NaN compares unequal to everything, reported as 2 so that no
// cmpResult except != is true.
func floatCmp(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	case a == b:
		return 0
	}
	return 2
}

func floatIntCmp(f float64, i Value) int {
	if math.IsNaN(f) {
		return 2
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return 1
		}
		return -1
	}
	bi, _ := AsBig(i)
	bf := new(big.Float).SetFloat64(f)
	return bf.Cmp(new(big.Float).SetInt(bi))
}

// seqCompare compares sequences lexicographically, with identity standing for equality as in
// CPython (so a list holding nan equals itself).
func seqCompare(th *Thread, op CompareOp, a, b []Value) (bool, bool, error) {
	if (op == CmpEq || op == CmpNe) && len(a) != len(b) {
		return op == CmpNe, true, nil
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].Is(b[i]) {
			continue
		}
		eq, err := Equal(th, a[i], b[i])
		if err != nil {
			return false, true, err
		}
		if eq {
			continue
		}
		switch op {
		case CmpEq:
			return false, true, nil
		case CmpNe:
			return true, true, nil
		}
		r, err := Compare(th, op, a[i], b[i])
		if err != nil {
			return false, true, err
		}
		t, err := Truth(th, r)
		return t, true, err
	}
	c := 0
	if len(a) < len(b) {
		c = -1
	} else if len(a) > len(b) {
		c = 1
	}
	return cmpResult(op, c), true, nil
}

func dictEqual(th *Thread, a, b *Dict) (bool, error) {
	if a.Len() != b.Len() {
		return false, nil
	}
	for _, e := range a.entries {
		if !e.key.IsValid() {
			continue
		}
		v, ok, err := b.Get(th, e.key)
		if err != nil || !ok {
			return false, err
		}
		if v.Is(e.value) {
			continue
		}
		eq, err := Equal(th, e.value, v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func rangeEqual(a, b *Range) bool {
	la, lb := a.Len(), b.Len()
	if la != lb {
		return false
	}
	if la == 0 {
		return true
	}
	if a.Start != b.Start {
		return false
	}
	return la == 1 || a.Step == b.Step
}
