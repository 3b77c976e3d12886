package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// Specialised nodes for the shapes that dominate loops and recursive calls: tests that
// yield a Go bool without boxing it, and arithmetic and comparisons with a small int
// constant. The compiler picks them (see fast()); each falls back to the general runtime
// operation when its operands are not small ints.

// condExpr is an expression that can produce its truth value directly.
type condExpr interface {
	expr
	cond(fr *frame) (bool, error)
}

// test returns the fastest way to evaluate e for its truth.
func test(e expr) condExpr {
	if c, ok := e.(condExpr); ok {
		return c
	}
	return truthOf{e}
}

// truthOf adapts any expression: evaluate, then bool().
type truthOf struct{ expr }

func (t truthOf) cond(fr *frame) (bool, error) { return truth(fr, t.expr) }

func (e *compareExpr) cond(fr *frame) (bool, error) {
	v, err := e.eval(fr)
	if err != nil {
		return false, err
	}
	if b, ok := v.BoolVal(); ok {
		return b, nil
	}
	return rt.Truth(fr.th, v)
}

func (e *notExpr) cond(fr *frame) (bool, error) {
	t, err := test(e.x).cond(fr)
	return !t, err
}

// cmpIntExpr is x OP k for a small int constant k.
type cmpIntExpr struct {
	x    expr
	k    int64
	rich rt.CompareOp
	kv   rt.Value
}

func (e *cmpIntExpr) cond(fr *frame) (bool, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return false, err
	}
	if a, ok := x.SmallInt(); ok {
		return cmpInts(e.rich, a, e.k), nil
	}
	v, err := rt.Compare(fr.th, e.rich, x, e.kv)
	if err != nil {
		return false, err
	}
	return rt.Truth(fr.th, v)
}

func (e *cmpIntExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	if a, ok := x.SmallInt(); ok {
		return rt.Bool(cmpInts(e.rich, a, e.k)), nil
	}
	return rt.Compare(fr.th, e.rich, x, e.kv)
}

// cmpInts compares two small ints.
func cmpInts(op rt.CompareOp, a, b int64) bool {
	switch op {
	case rt.CmpLt:
		return a < b
	case rt.CmpLe:
		return a <= b
	case rt.CmpGt:
		return a > b
	case rt.CmpGe:
		return a >= b
	case rt.CmpEq:
		return a == b
	}
	return a != b
}

// addIntExpr is x + k or x - k (k negated) for a small int constant.
type addIntExpr struct {
	x    expr
	k    int64
	op   rt.BinaryOp
	kv   rt.Value
	span *rt.TraceSpan
}

func (e *addIntExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	if a, ok := x.SmallInt(); ok {
		if e.op == rt.OpAdd {
			if s := a + e.k; (s > a) == (e.k > 0) {
				return rt.Int(s), nil
			}
		} else if d := a - e.k; (d < a) == (e.k > 0) {
			return rt.Int(d), nil
		}
	}
	v, err := rt.Binary(fr.th, e.op, x, e.kv)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

// modIntExpr is x % k for a positive small int constant k (x % 3 == 0, i % 17, a hash
// modulo a prime): floor division's remainder of a small int needs no other case.
type modIntExpr struct {
	x    expr
	k    int64
	kv   rt.Value
	span *rt.TraceSpan
}

func (e *modIntExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	if a, ok := x.SmallInt(); ok {
		m := a % e.k
		if m < 0 {
			m += e.k
		}
		return rt.Int(m), nil
	}
	v, err := arith(fr.th, rt.OpMod, x, e.kv) // floats, big ints, str % formatting
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

// smallIntConst reports the value of a compiled int constant.
func smallIntConst(e expr) (int64, bool) {
	if k, ok := e.(*constExpr); ok {
		return k.v.SmallInt()
	}
	return 0, false
}
