package runtime

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

// Expectations in this file were printed by CPython 3.11.

var tenth = 0.1 // a variable, so that 0.1 + 0.2 is computed in float64, not folded exactly

func TestFloatRepr(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{tenth + 2*tenth, "0.30000000000000004"}, {1e16, "1e+16"}, {1e15, "1000000000000000.0"},
		{1e-5, "1e-05"}, {1e-4, "0.0001"}, {123456789012345678.0, "1.2345678901234568e+17"},
		{5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"}, {math.Copysign(0, -1), "-0.0"},
		{2.5, "2.5"}, {100.0, "100.0"}, {1.0 / 3, "0.3333333333333333"},
		{math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {math.NaN(), "nan"},
	} {
		if got := FloatRepr(c.f); got != c.want {
			t.Errorf("FloatRepr(%v) = %s, want %s", c.f, got, c.want)
		}
	}
}

// TestIntOverflow checks that small-int arithmetic never wraps: results past int64 become
// big ints, and big results that fit come back as small ints.
func TestIntOverflow(t *testing.T) {
	th := NewThread(nil, nil, nil)
	max, min := Int(math.MaxInt64), Int(math.MinInt64)
	big2 := func(s string) Value { n, _ := new(big.Int).SetString(s, 10); return MakeBig(n) }
	for _, c := range []struct {
		op   BinaryOp
		x, y Value
		want string
	}{
		{OpAdd, max, Int(1), "9223372036854775808"},
		{OpSub, min, Int(1), "-9223372036854775809"},
		{OpMul, max, Int(2), "18446744073709551614"},
		{OpMul, min, Int(-1), "9223372036854775808"},
		{OpFloorDiv, min, Int(-1), "9223372036854775808"},
		{OpMod, min, Int(-1), "0"},
		{OpPow, Int(2), Int(64), "18446744073709551616"},
		{OpLShift, Int(1), Int(63), "9223372036854775808"},
		{OpSub, big2("9223372036854775808"), Int(1), "9223372036854775807"},
		{OpFloorDiv, big2("-100000000000000000000"), Int(3), "-33333333333333333334"},
		{OpFloorDiv, big2("100000000000000000000"), Int(-3), "-33333333333333333334"},
		{OpMod, big2("100000000000000000000"), Int(-3), "-2"},
		{OpFloorDiv, Int(-7), Int(2), "-4"},
		{OpMod, Int(-7), Int(3), "2"},
		{OpTrueDiv, Int(7), Int(2), "3.5"},
		{OpPow, Int(2), Int(-1), "0.5"},
	} {
		r, err := Binary(th, c.op, c.x, c.y)
		if err != nil {
			t.Errorf("%v %s %v: %v", c.x, c.op.Symbol(), c.y, err)
			continue
		}
		got, _ := Repr(th, r)
		if got != c.want {
			t.Errorf("%s %s %s = %s, want %s", ReprOrPlaceholder(th, c.x), c.op.Symbol(), ReprOrPlaceholder(th, c.y), got, c.want)
		}
		if _, isBig := r.Object().(*BigInt); isBig {
			if n, _ := AsBig(r); n.IsInt64() {
				t.Errorf("%s: a big int holding a small value", got)
			}
		}
	}
}

func TestNumericHash(t *testing.T) {
	th := NewThread(nil, nil, nil)
	n61, _ := new(big.Int).SetString("2305843009213693952", 10) // 2**61
	for _, c := range []struct {
		v    Value
		want int64
	}{
		{Float(1.5), 1152921504606846977}, {Int(-1), -2}, {Int(1<<61 - 1), 0}, {MakeBig(n61), 1},
		{Int(math.MinInt64), -4}, {Float(1e300), 1224995262755759164}, {Float(math.Inf(1)), 314159},
		{True, 1}, {Float(3.0), 3},
		{NewTuple([]Value{Int(1), Int(2)}), -3550055125485641917}, {EmptyTuple, 5740354900026072187},
		{NewTuple([]Value{Int(1), NewTuple([]Value{Int(2), Int(3)})}), 7267574591690527098},
	} {
		if got, err := Hash(th, c.v); err != nil || got != c.want {
			t.Errorf("hash(%s) = %d, %v; want %d", ReprOrPlaceholder(th, c.v), got, err, c.want)
		}
	}
}

// TestDictMixedKeys: 1, 1.0 and True are one key; insertion order survives deletion and
// re-insertion; unhashable keys are refused.
func TestDictMixedKeys(t *testing.T) {
	th := NewThread(nil, nil, nil)
	d := NewDict()
	set := func(k, v Value) {
		if err := d.Set(th, k, v); err != nil {
			t.Fatal(err)
		}
	}
	set(Int(1), NewStr("int"))
	set(Float(1.0), NewStr("float"))
	set(True, NewStr("bool"))
	set(NewStr("a"), Int(1))
	set(NewTuple([]Value{Int(1), NewStr("x")}), Int(2))
	for i := 0; i < 100; i++ {
		set(Int(int64(i+10)), Int(int64(i)))
	}
	for i := 0; i < 100; i += 2 {
		if _, ok, _ := d.Delete(th, Int(int64(i+10))); !ok {
			t.Fatalf("delete %d", i+10)
		}
	}
	set(NewStr("b"), Int(3))
	got, _ := Repr(th, Ref(d))
	want := "{1: 'bool', 'a': 1, (1, 'x'): 2, 11: 1, 13: 3"
	if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "109: 99, 'b': 3}") {
		t.Errorf("repr = %s", got)
	}
	if d.Len() != 54 {
		t.Errorf("len = %d, want 54", d.Len())
	}
	if err := d.Set(th, NewList(nil), None); err == nil {
		t.Error("a list key was accepted")
	}
}

// TestSetOrder: a set iterates in CPython's table order.
func TestSetOrder(t *testing.T) {
	th := NewThread(nil, nil, nil)
	for _, c := range []struct {
		items []int64
		want  string
	}{
		{[]int64{3, 1, 2}, "{1, 2, 3}"},
		{[]int64{10, 1, 100}, "{1, 10, 100}"},
		{[]int64{-1, -2, 5}, "{5, -1, -2}"},
		{[]int64{0, 8, 16, 24, 32}, "{0, 32, 8, 16, 24}"}, // added one by one; a display differs
	} {
		s := NewSet()
		for _, i := range c.items {
			if err := s.Add(th, Int(i)); err != nil {
				t.Fatal(err)
			}
		}
		if got, _ := Repr(th, Ref(s)); got != c.want {
			t.Errorf("set %v = %s, want %s", c.items, got, c.want)
		}
	}
}
