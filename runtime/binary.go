package runtime

import (
	"bytes"
	"strings"
)

// builtinBinary implements the operators of the built-in types. handled is false when the
// operand types are not a built-in combination, so user dunders get their turn.
func builtinBinary(th *Thread, op BinaryOp, x, y Value) (Value, bool, error) {
	if r, ok, err := numericBinary(th, op, x, y); ok {
		return r, true, err
	}
	if _, ok := setView(x); ok || !x.Type().user {
		if _, ok := setView(y); ok {
			return viewBinary(th, op, x, y)
		}
		if _, ok := setView(x); ok {
			return viewBinary(th, op, x, y)
		}
	}
	switch a := x.o.(type) {
	case *Str:
		switch op {
		case OpAdd:
			if b, ok := y.o.(*Str); ok {
				return Concat(a, b), true, nil
			}
		case OpMul:
			return repeatSeq(th, x, y)
		case OpMod:
			r, err := PercentFormat(th, a.s, y)
			return r, true, err
		}
	case *List:
		switch op {
		case OpAdd:
			if b, ok := y.o.(*List); ok {
				items := make([]Value, 0, len(a.Items)+len(b.Items))
				return NewList(append(append(items, a.Items...), b.Items...)), true, nil
			}
		case OpMul:
			return repeatSeq(th, x, y)
		}
	case *Tuple:
		switch op {
		case OpAdd:
			if b, ok := y.o.(*Tuple); ok {
				items := make([]Value, 0, len(a.Items)+len(b.Items))
				return NewTuple(append(append(items, a.Items...), b.Items...)), true, nil
			}
		case OpMul:
			return repeatSeq(th, x, y)
		}
	case *Bytes, *ByteArray:
		return bytesBinary(th, op, x, y)
	case *Set:
		if b, ok := y.o.(*Set); ok {
			return setBinary(th, op, a, b)
		}
	case *Dict:
		if b, ok := y.o.(*Dict); ok && op == OpOr {
			c := a.Copy()
			return Ref(c), true, dictUpdateFrom(th, c, b)
		}
	case intTag, boolTag, *BigInt:
		if op == OpMul {
			switch y.o.(type) {
			case *Str, *List, *Tuple, *Bytes, *ByteArray:
				return repeatSeq(th, y, x)
			}
		}
	}
	return Value{}, false, nil
}

// repeatSeq is seq * n for str, bytes, list and tuple.
func repeatSeq(th *Thread, seq, n Value) (Value, bool, error) {
	count, ok := AsInt64(n)
	if !ok {
		if IsInt(n) {
			return Value{}, true, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
		if n.Type().user {
			return Value{}, false, nil
		}
		return Value{}, true, TypeErrorf("can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	if count < 0 {
		count = 0
	}
	const limit = 1 << 28 // bytes: a larger repetition raises MemoryError rather than exhausting the host
	if err := chargeRepeat(th, seq, count); err != nil {
		return Value{}, true, err
	}
	switch s := seq.o.(type) {
	case *Str:
		if int64(len(s.s))*count > limit {
			return Value{}, true, Errorf(MemoryErrorType, "")
		}
		return NewStr(strings.Repeat(s.s, int(count))), true, nil
	case *Bytes:
		if int64(len(s.s))*count > limit {
			return Value{}, true, Errorf(MemoryErrorType, "")
		}
		return NewBytes(strings.Repeat(s.s, int(count))), true, nil
	case *ByteArray:
		if int64(len(s.b))*count > limit {
			return Value{}, true, Errorf(MemoryErrorType, "")
		}
		return Ref(&ByteArray{b: bytes.Repeat(s.b, int(count))}), true, nil
	case *List:
		items, err := repeatItems(s.Items, count)
		return NewList(items), true, err
	case *Tuple:
		items, err := repeatItems(s.Items, count)
		return NewTuple(items), true, err
	}
	return Value{}, false, nil
}

func repeatItems(items []Value, n int64) ([]Value, error) {
	if int64(len(items))*n > 1<<25 {
		return nil, Errorf(MemoryErrorType, "")
	}
	out := make([]Value, 0, int64(len(items))*n)
	for i := int64(0); i < n; i++ {
		out = append(out, items...)
	}
	return out, nil
}

// userBinary dispatches to __op__ / __rop__, trying the right operand first when its class
// is a proper subclass of the left's, as CPython does.
func userBinary(th *Thread, op BinaryOp, x, y Value, _ bool) (Value, error) {
	info := binOpInfo[op]
	xt, yt := x.Type(), y.Type()
	var xm, ym Value
	if xt.user {
		xm = xt.Lookup(info.dunder)
	}
	if yt != xt && yt.user {
		ym = yt.Lookup(info.rdunder)
	}
	if ym.IsValid() && yt.IsSubclass(xt) {
		r, err := CallMethodValue(th, ym, y, []Value{x})
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		ym = Value{}
	}
	if xm.IsValid() {
		r, err := CallMethodValue(th, xm, x, []Value{y})
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if ym.IsValid() {
		r, err := CallMethodValue(th, ym, y, []Value{x})
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	return Value{}, binaryTypeError(op, x, y)
}

func binaryTypeError(op BinaryOp, x, y Value) error {
	if op == OpAdd {
		switch x.o.(type) {
		case *Str:
			return TypeErrorf("can only concatenate str (not \"%s\") to str", y.Type().Name)
		case *List:
			return TypeErrorf("can only concatenate list (not \"%s\") to list", y.Type().Name)
		case *Tuple:
			return TypeErrorf("can only concatenate tuple (not \"%s\") to tuple", y.Type().Name)
		case *Bytes, *ByteArray:
			return concatError(x, y)
		}
	}
	sym := op.Symbol()
	if op == OpPow {
		sym = "** or pow()"
	}
	return TypeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", sym, x.Type().Name, y.Type().Name)
}
