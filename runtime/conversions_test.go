package runtime

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// Conversions through the special methods of user classes: format() and __format__,
// % and int() through __index__ and __float__, bytes() through __bytes__. The classes are
// built as a class statement would build them, with methods written in Go; the expected
// results are CPython 3.11's for the equivalent Python classes.

// userClass defines a class whose methods take self and return a value.
func userClass(t *testing.T, name string, methods map[string]func(self Value, args []Value) Value) *Class {
	t.Helper()
	d := NewDict()
	for m, fn := range methods {
		d.SetStr(m, Ref(&Method{Name: m, Class: ObjectType, Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return fn(self, args), nil
		}}))
	}
	c, err := NewClass(name, name, "__main__", nil, d)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConversionsThroughUserMethods(t *testing.T) {
	var out bytes.Buffer
	th := NewThread(&out, &out, nil)
	classes := map[string]*Class{
		"F": userClass(t, "F", map[string]func(Value, []Value) Value{
			"__format__": func(_ Value, args []Value) Value { s, _ := AsStr(args[0]); return NewStr("F(" + s + ")") },
		}),
		"Bad": userClass(t, "Bad", map[string]func(Value, []Value) Value{
			"__format__": func(Value, []Value) Value { return Int(5) },
		}),
		"P": userClass(t, "P", map[string]func(Value, []Value) Value{
			"__str__": func(Value, []Value) Value { return NewStr("P!") },
		}),
		"I": userClass(t, "I", map[string]func(Value, []Value) Value{
			"__index__": func(Value, []Value) Value { return Int(7) },
		}),
		"Fl": userClass(t, "Fl", map[string]func(Value, []Value) Value{
			"__float__": func(Value, []Value) Value { return Float(2.5) },
		}),
		"B": userClass(t, "B", map[string]func(Value, []Value) Value{
			"__bytes__": func(Value, []Value) Value { return NewBytes("xy") },
		}),
		"N": userClass(t, "N", map[string]func(Value, []Value) Value{
			"__int__": func(Value, []Value) Value { return NewStr("x") },
		}),
		"M": userClass(t, "M", map[string]func(Value, []Value) Value{
			"__getitem__": func(_ Value, args []Value) Value { s, _ := AsStr(args[0]); return NewStr(s + s) },
		}),
	}
	obj := func(name string) Value {
		v, err := Call(th, Ref(classes[name]), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	attr := obj("P")
	if err := SetAttr(th, attr, "x", Int(3)); err != nil {
		t.Fatal(err)
	}
	tuple := func(vs ...Value) Value { return NewTuple(vs) }
	str := func(v Value, err error) (string, error) {
		if err != nil {
			return "", err
		}
		return Repr(th, v)
	}
	quote := func(s string, err error) (string, error) { return QuoteStr(s), err }
	call := func(c *Class, args ...Value) (string, error) { return str(Call(th, Ref(c), args, nil)) }
	cases := []struct {
		python string
		run    func() (string, error)
		want   string
	}{
		{`format(F(), "x>5")`, func() (string, error) { return quote(Format(th, obj("F"), "x>5")) }, `'F(x>5)'`},
		{`"{:abc}|{!s:>4}".format(F(), P())`, func() (string, error) {
			return quote(FormatStr(th, "{:abc}|{!s:>4}", []Value{obj("F"), obj("P")}, nil))
		}, `'F(abc)|  P!'`},
		{`format(Bad(), "")`, func() (string, error) { return quote(Format(th, obj("Bad"), "")) },
			`TypeError: __format__ must return a str, not int`},
		{`format(P(), "")`, func() (string, error) { return quote(Format(th, obj("P"), "")) }, `'P!'`},
		{`format(P(), "5")`, func() (string, error) { return quote(Format(th, obj("P"), "5")) },
			`TypeError: unsupported format string passed to P.__format__`},
		{`"{0.x}".format(p)`, func() (string, error) { return quote(FormatStr(th, "{0.x}", []Value{attr}, nil)) }, `'3'`},
		{`"%x %d %o %c" % (I(), I(), I(), I())`, func() (string, error) {
			return str(PercentFormat(th, "%x %d %o %c", tuple(obj("I"), obj("I"), obj("I"), obj("I"))))
		}, `'7 7 7 \x07'`},
		{`int(I())`, func() (string, error) { return call(IntType, obj("I")) }, `7`},
		{`float(I())`, func() (string, error) { return call(FloatType, obj("I")) }, `7.0`},
		{`bytes(I())`, func() (string, error) { return call(BytesType, obj("I")) }, `b'\x00\x00\x00\x00\x00\x00\x00'`},
		{`"%f|%e" % (Fl(), Fl())`, func() (string, error) {
			return str(PercentFormat(th, "%f|%e", tuple(obj("Fl"), obj("Fl"))))
		}, `'2.500000|2.500000e+00'`},
		{`float(Fl())`, func() (string, error) { return call(FloatType, obj("Fl")) }, `2.5`},
		{`"%d" % Fl()`, func() (string, error) { return str(PercentFormat(th, "%d", obj("Fl"))) },
			`TypeError: %d format: a real number is required, not Fl`},
		{`bytes(B())`, func() (string, error) { return call(BytesType, obj("B")) }, `b'xy'`},
		{`int(N())`, func() (string, error) { return call(IntType, obj("N")) },
			`TypeError: __int__ returned non-int (type str)`},
		{`"%(ab)s" % M()`, func() (string, error) { return str(PercentFormat(th, "%(ab)s", obj("M"))) }, `'abab'`},
		{`"abc" % M()`, func() (string, error) { return str(PercentFormat(th, "abc", obj("M"))) }, `'abc'`},
		{`"{x}".format_map(M())`, func() (string, error) { return quote(formatMap(th, "{x}", obj("M"))) }, `'xx'`},
	}
	for _, c := range cases {
		got, err := c.run()
		if err != nil {
			e := AsException(err)
			got = e.Type().Name + ": " + e.Message()
		}
		if got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.python, got, c.want)
		}
	}
}

// TestFormatFastPaths checks that the forms f-strings use most allocate little more than
// their result.
func TestFormatFastPaths(t *testing.T) {
	th := NewThread(&bytes.Buffer{}, &bytes.Buffer{}, nil)
	for _, c := range []struct {
		v    Value
		spec string
		want string
	}{
		{Int(42), "", "42"},
		{NewStr("ab"), "", "ab"},
		{Float(3.14159), ".2f", "3.14"},
		{Int(123456), ">10", "    123456"},
	} {
		got, _ := Format(th, c.v, c.spec)
		if got != c.want {
			t.Errorf("format(%v, %q) = %q, want %q", c.v, c.spec, got, c.want)
		}
		if n := testing.AllocsPerRun(100, func() { _, _ = Format(th, c.v, c.spec) }); n > 2 {
			t.Errorf("format(%s, %q) allocates %v times", c.want, c.spec, n)
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	th := NewThread(&strings.Builder{}, &strings.Builder{}, nil)
	for _, c := range []struct {
		name string
		v    Value
		spec string
	}{
		{"int", Int(123456), ""},
		{"int-width", Int(123456), ">10"},
		{"float-2f", Float(3.14159), ".2f"},
		{"float-grouped", Float(1234567.891), ",.2f"},
		{"str-align", NewStr("name"), "<12"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_, _ = Format(th, c.v, c.spec)
			}
		})
	}
}

// TestFloatFastLayout checks the shortcut floatToString takes for 'e' and 'f' through Go's
// strconv against its port of CPython's digit layout, which the 'z' flag forces (and which
// changes nothing for positive numbers).
func TestFloatFastLayout(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		x := math.Float64frombits(r.Uint64() &^ (1 << 63))
		if math.IsInf(x, 0) || math.IsNaN(x) || i%3 == 0 {
			x = r.Float64() * math.Pow(10, float64(r.IntN(40)-20))
		}
		prec := r.IntN(20)
		for _, code := range []byte("efEF") {
			fast := floatToString(x, code, prec, 0)
			slow := floatToString(x, code, prec, dtoaNoNegZero)
			if fast != slow {
				t.Fatalf("%%.%d%c of %v: strconv gives %s, the CPython layout %s", prec, code, x, fast, slow)
			}
		}
	}
}
