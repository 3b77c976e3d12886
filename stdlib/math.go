package stdlib

import (
	"math"
	"math/big"

	"github.com/aio-lang/aio/runtime"
	"github.com/aio-lang/aio/stdlib/libm"
)

// newMath builds the math module. Float functions call the C library where CPython does (see
// package libm), and reproduce CPython's own algorithms where it has them (fsum, hypot,
// gamma), so that results agree to the last bit; errors follow CPython's rules: a NaN from
// a non-NaN argument is "math domain error", an infinity from finite arguments is "math
// range error" (OverflowError) for functions that can overflow and a domain error otherwise.
func newMath(*Options) *runtime.Module {
	funcs := map[string]fn{
		"ceil":      mathRound("ceil", "__ceil__", math.Ceil),
		"floor":     mathRound("floor", "__floor__", math.Floor),
		"trunc":     mathTrunc,
		"log":       mathLog,
		"log2":      mathLogFunc("log2"),
		"log10":     mathLogFunc("log10"),
		"pow":       mathPow,
		"atan2":     math2("atan2", mathAtan2),
		"copysign":  math2("copysign", math.Copysign),
		"remainder": math2("remainder", math.Remainder),
		"fmod":      math2("fmod", mathFmod),
		"nextafter": math2("nextafter", math.Nextafter),
		"hypot":     mathHypot,
		"dist":      mathDist,
		"fsum":      mathFsum,
		"prod":      mathProd,
		"isclose":   mathIsclose,
		"ldexp":     mathLdexp,
		"frexp":     mathFrexp,
		"modf":      mathModf,
		"factorial": mathFactorial,
		"gcd":       mathGcdLcm("gcd"),
		"lcm":       mathGcdLcm("lcm"),
		"isqrt":     mathIsqrt,
		"comb":      mathComb,
		"perm":      mathPerm,
		"gamma":     mathGammaFunc("gamma", tgamma),
		"lgamma":    mathGammaFunc("lgamma", lgamma),
		"isfinite":  mathPredicate("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }),
		"isinf":     mathPredicate("isinf", func(x float64) bool { return math.IsInf(x, 0) }),
		"isnan":     mathPredicate("isnan", math.IsNaN),
		"fabs":      math1("fabs", math.Abs, false),
		"degrees":   math1("degrees", func(x float64) float64 { return x * radToDeg }, false),
		"radians":   math1("radians", func(x float64) float64 { return x * degToRad }, false),
		"ulp":       math1("ulp", mathUlp, false),
	}
	// The C library functions; those whose infinite results mean overflow rather than a
	// singularity say so.
	overflows := map[string]bool{"cosh": true, "exp": true, "exp2": true, "expm1": true, "sinh": true}
	for name, f := range libm.Funcs {
		if _, ok := funcs[name]; !ok {
			funcs[name] = math1(name, f, overflows[name])
		}
	}
	m := newModule("math", funcs)
	for name, v := range map[string]float64{
		"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "inf": math.Inf(1), "nan": math.NaN(),
	} {
		m.Dict.SetStr(name, runtime.Float(v))
	}
	return m
}

// CPython computes these in double arithmetic at run time, so must we: the constant
// expression 180/math.Pi would be rounded once, from the exact quotient, and differ.
var (
	cPi      = math.Pi
	radToDeg = 180.0 / cPi
	degToRad = cPi / 180.0
)

func domainError() error { return runtime.ValueErrorf("math domain error") }
func rangeError() error  { return runtime.Errorf(runtime.OverflowErrorType, "math range error") }

// toFloat converts an argument as PyFloat_AsDouble does: floats, ints, and objects with
// __float__ or __index__.
func toFloat(th *runtime.Thread, v runtime.Value) (float64, error) {
	if f, ok := v.FloatVal(); ok {
		return f, nil
	}
	if runtime.IsInt(v) {
		if f, ok := runtime.AsFloat(v); ok {
			return f, nil
		}
		return 0, runtime.Errorf(runtime.OverflowErrorType, "int too large to convert to float")
	}
	if v.Type().IsUser() {
		if r, found, err := runtime.CallMethod(th, v, "__float__"); found || err != nil {
			if err != nil {
				return 0, err
			}
			f, ok := r.FloatVal()
			if !ok {
				return 0, runtime.TypeErrorf("%s.__float__ returned non-float (type %s)", typeName(v), typeName(r))
			}
			return f, nil
		}
		if i, ok, err := runtime.Index(th, v); ok || err != nil {
			return float64(i), err
		}
	}
	return 0, runtime.TypeErrorf("must be real number, not %s", typeName(v))
}

// floatArgs checks the argument count of a float function and converts the arguments.
// CPython words the count error differently for one-argument functions.
func floatArgs(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg, n int) ([]float64, error) {
	if len(kw) > 0 {
		return nil, runtime.TypeErrorf("math.%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		if n == 1 {
			return nil, runtime.TypeErrorf("math.%s() takes exactly one argument (%d given)", name, len(args))
		}
		return nil, runtime.TypeErrorf("%s expected %d arguments, got %d", name, n, len(args))
	}
	out := make([]float64, n)
	for i, a := range args {
		f, err := toFloat(th, a)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// checkResult applies CPython's math_1/math_2 rules to r computed from finite-or-not
// arguments xs.
func checkResult(r float64, canOverflow bool, xs ...float64) (runtime.Value, error) {
	anyNaN, allFinite := false, true
	for _, x := range xs {
		anyNaN = anyNaN || math.IsNaN(x)
		allFinite = allFinite && !math.IsNaN(x) && !math.IsInf(x, 0)
	}
	if math.IsNaN(r) && !anyNaN {
		return runtime.Value{}, domainError()
	}
	if math.IsInf(r, 0) && allFinite {
		if canOverflow {
			return runtime.Value{}, rangeError()
		}
		return runtime.Value{}, domainError()
	}
	return runtime.Float(r), nil
}

// math1 wraps a one-argument float function.
func math1(name string, f func(float64) float64, canOverflow bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		xs, err := floatArgs(th, name, args, kw, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		return checkResult(f(xs[0]), canOverflow, xs[0])
	}
}

// math2 wraps a two-argument float function; an infinity from finite arguments is overflow.
func math2(name string, f func(x, y float64) float64) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		xs, err := floatArgs(th, name, args, kw, 2)
		if err != nil {
			return runtime.Value{}, err
		}
		return checkResult(f(xs[0], xs[1]), true, xs[0], xs[1])
	}
}

func mathPredicate(name string, f func(float64) bool) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		xs, err := floatArgs(th, name, args, kw, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Bool(f(xs[0])), nil
	}
}

// mathAtan2 settles the special values itself, as CPython's m_atan2 does, before the C
// library sees the rest.
func mathAtan2(y, x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case math.IsInf(y, 0):
		switch {
		case math.IsInf(x, 1):
			return math.Copysign(0.25*math.Pi, y)
		case math.IsInf(x, -1):
			return math.Copysign(0.75*math.Pi, y)
		}
		return math.Copysign(0.5*math.Pi, y)
	case math.IsInf(x, 0) || y == 0:
		if math.Signbit(x) {
			return math.Copysign(math.Pi, y)
		}
		return math.Copysign(0, y)
	}
	return libm.Atan2(y, x)
}

// mathFmod is C's fmod, except that a finite x modulo an infinity is x.
func mathFmod(x, y float64) float64 {
	if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		return x
	}
	return math.Mod(x, y)
}

func mathUlp(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Abs(x)
	}
	x = math.Abs(x)
	if x == math.MaxFloat64 {
		return x - math.Nextafter(x, 0)
	}
	return math.Nextafter(x, math.Inf(1)) - x
}

// floatToInt converts an integral float to an int value, with CPython's errors for
// infinities and NaNs.
func floatToInt(f float64) (runtime.Value, error) {
	switch {
	case math.IsInf(f, 0):
		return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "cannot convert float infinity to integer")
	case math.IsNaN(f):
		return runtime.Value{}, runtime.ValueErrorf("cannot convert float NaN to integer")
	case f >= -(1<<63) && f < 1<<63:
		return runtime.Int(int64(f)), nil
	}
	n, _ := big.NewFloat(f).Int(nil)
	return runtime.MakeBig(n), nil
}

// mathRound is floor or ceil: ints are returned unchanged (bools as ints), objects may
// define __floor__/__ceil__, and everything else goes through float.
func mathRound(name, dunder string, f func(float64) float64) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := oneArg(name, args, kw); err != nil {
			return runtime.Value{}, err
		}
		x := args[0]
		if _, isFloat := x.FloatVal(); !isFloat {
			if runtime.IsInt(x) {
				return asPlainInt(x), nil
			}
			if x.Type().IsUser() {
				if r, found, err := runtime.CallMethod(th, x, dunder); found || err != nil {
					return r, err
				}
			}
		}
		v, err := toFloat(th, x)
		if err != nil {
			return runtime.Value{}, err
		}
		return floatToInt(f(v))
	}
}

// asPlainInt turns a bool into the int it equals; other ints are returned as they are.
func asPlainInt(v runtime.Value) runtime.Value {
	if b, ok := v.BoolVal(); ok {
		if b {
			return runtime.Int(1)
		}
		return runtime.Int(0)
	}
	return v
}

func oneArg(name string, args []runtime.Value, kw []runtime.Kwarg) error {
	if len(kw) > 0 {
		return runtime.TypeErrorf("math.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return runtime.TypeErrorf("math.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

func mathTrunc(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := oneArg("trunc", args, kw); err != nil {
		return runtime.Value{}, err
	}
	x := args[0]
	if f, ok := x.FloatVal(); ok {
		return floatToInt(math.Trunc(f))
	}
	if runtime.IsInt(x) {
		return asPlainInt(x), nil
	}
	if x.Type().IsUser() {
		if r, found, err := runtime.CallMethod(th, x, "__trunc__"); found || err != nil {
			return r, err
		}
	}
	return runtime.Value{}, runtime.TypeErrorf("type %s doesn't define __trunc__ method", typeName(x))
}

// logOf is CPython's loghelper: the logarithm f of an argument that may be an int too large
// for a float, computed then from its mantissa and binary exponent.
func logOf(th *runtime.Thread, name string, v runtime.Value) (float64, error) {
	f := libm.Funcs[name]
	if n, ok := runtime.AsBig(v); ok {
		if n.Sign() <= 0 {
			return 0, domainError()
		}
		if x, ok := runtime.AsFloat(v); ok {
			return f(x), nil
		}
		mant := new(big.Float).SetInt(n) // rounded to 53 bits, as _PyLong_Frexp does
		e := mant.MantExp(mant)
		x, _ := mant.Float64()
		return f(x) + f(2.0)*float64(e), nil
	}
	x, err := toFloat(th, v)
	if err != nil {
		return 0, err
	}
	r, err := checkResult(f(x), false, x)
	if err != nil {
		return 0, err
	}
	rf, _ := r.FloatVal()
	return rf, nil
}

func mathLog(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.TypeErrorf("math.log() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return runtime.Value{}, runtime.TypeErrorf("log expected 1 or 2 arguments, got %d", len(args))
	}
	num, err := logOf(th, "log", args[0])
	if err != nil || len(args) == 1 {
		return runtime.Float(num), err
	}
	den, err := logOf(th, "log", args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	if den == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionErrorType, "float division by zero")
	}
	return runtime.Float(num / den), nil
}

func mathLogFunc(name string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := oneArg(name, args, kw); err != nil {
			return runtime.Value{}, err
		}
		r, err := logOf(th, name, args[0])
		return runtime.Float(r), err
	}
}

// mathPow settles the IEEE special values itself, as CPython does, and tells a pole
// (0.0 ** -1, a domain error) from an overflow.
func mathPow(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	xs, err := floatArgs(th, "pow", args, kw, 2)
	if err != nil {
		return runtime.Value{}, err
	}
	x, y := xs[0], xs[1]
	finite := func(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }
	if finite(x) && finite(y) {
		r := libm.Pow(x, y)
		switch {
		case math.IsNaN(r):
			return runtime.Value{}, domainError()
		case math.IsInf(r, 0) && x == 0:
			return runtime.Value{}, domainError()
		case math.IsInf(r, 0):
			return runtime.Value{}, rangeError()
		}
		return runtime.Float(r), nil
	}
	var r float64
	switch {
	case math.IsNaN(x):
		r = x
		if y == 0 {
			r = 1
		}
	case math.IsNaN(y):
		r = y
		if x == 1 {
			r = 1
		}
	case math.IsInf(x, 0):
		oddY := finite(y) && math.Mod(math.Abs(y), 2) == 1
		switch {
		case y > 0 && oddY:
			r = x
		case y > 0:
			r = math.Abs(x)
		case y == 0:
			r = 1
		case oddY:
			r = math.Copysign(0, x)
		default:
			r = 0
		}
	default: // y is infinite
		ax := math.Abs(x)
		switch {
		case ax == 1:
			r = 1
		case y > 0 && ax > 1:
			r = y
		case y < 0 && ax < 1:
			r = -y
		default:
			r = 0
		}
	}
	return runtime.Float(r), nil
}

// vectorNorm is CPython's vector_norm: sqrt(sum(x*x)) for non-negative finite xs whose
// maximum is max, with lossless scaling, exact squares (Veltkamp-Dekker splitting),
// compensated summation and a final correction of the square root, so that the result is
// almost always correctly rounded, and identical to CPython's.
func vectorNorm(xs []float64, max float64, foundNaN bool) float64 {
	const t27 = 134217729.0 // 2**27 + 1
	switch {
	case math.IsInf(max, 0):
		return max
	case foundNaN:
		return math.NaN()
	case max == 0 || len(xs) <= 1:
		return max
	}
	_, maxE := math.Frexp(max)
	csum, frac1, frac2, frac3 := 1.0, 0.0, 0.0, 0.0
	// add accumulates x into csum, keeping the lost low-order bits in *frac.
	add := func(x float64, frac *float64) {
		old := csum
		csum += x
		*frac += (old - csum) + x
	}
	split := func(x float64) (hi, lo float64) {
		t := x * t27
		hi = t - (t - x)
		return hi, x - hi
	}
	if maxE < -1023 {
		// 2**-maxE would overflow: divide by max instead of scaling.
		for _, x := range xs {
			x /= max
			add(x*x, &frac1)
		}
		return max * math.Sqrt(csum-1.0+frac1)
	}
	scale := math.Ldexp(1.0, -maxE)
	for _, x := range xs {
		hi, lo := split(x * scale)
		add(hi*hi, &frac1)
		add(2.0*hi*lo, &frac2)
		frac3 += lo * lo
	}
	h := math.Sqrt(csum - 1.0 + (frac1 + frac2 + frac3))
	hi, lo := split(h)
	add(-hi*hi, &frac1)
	add(-2.0*hi*lo, &frac2)
	add(-lo*lo, &frac3)
	x := csum - 1.0 + (frac1 + frac2 + frac3)
	return (h + x/(2.0*h)) / scale
}

// normOf computes vectorNorm of the absolute values of xs.
func normOf(xs []float64) float64 {
	max, nan := 0.0, false
	for i, x := range xs {
		x = math.Abs(x)
		xs[i] = x
		nan = nan || math.IsNaN(x)
		if x > max {
			max = x
		}
	}
	return vectorNorm(xs, max, nan)
}

func mathHypot(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 {
		return runtime.Value{}, runtime.TypeErrorf("hypot() takes no keyword arguments")
	}
	xs := make([]float64, len(args))
	for i, a := range args {
		f, err := toFloat(th, a)
		if err != nil {
			return runtime.Value{}, err
		}
		xs[i] = f
	}
	return runtime.Float(normOf(xs)), nil
}

func mathDist(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var p, q runtime.Value
	if err := runtime.UnpackArgs("dist", args, kw, "p", &p, "q", &q); err != nil {
		return runtime.Value{}, err
	}
	ps, err := runtime.ToSlice(th, p)
	if err != nil {
		return runtime.Value{}, err
	}
	qs, err := runtime.ToSlice(th, q)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(ps) != len(qs) {
		return runtime.Value{}, runtime.ValueErrorf("both points must have the same number of dimensions")
	}
	diffs := make([]float64, len(ps))
	for i := range ps {
		a, err := toFloat(th, ps[i])
		if err != nil {
			return runtime.Value{}, err
		}
		b, err := toFloat(th, qs[i])
		if err != nil {
			return runtime.Value{}, err
		}
		diffs[i] = a - b
	}
	return runtime.Float(normOf(diffs)), nil
}

// mathFsum is Shewchuk's exact summation with CPython's final half-even correction, and its
// handling of infinities, NaNs and intermediate overflow.
func mathFsum(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var seq runtime.Value
	if err := runtime.UnpackArgs("fsum", args, kw, "seq", &seq); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, seq)
	if err != nil {
		return runtime.Value{}, err
	}
	var partials []float64
	special, infSum := 0.0, 0.0
	for {
		item, ok, err := it.Next(th)
		if err != nil {
			return runtime.Value{}, err
		}
		if !ok {
			break
		}
		if err := th.Tick(); err != nil {
			return runtime.Value{}, err
		}
		x, err := toFloat(th, item)
		if err != nil {
			return runtime.Value{}, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x == 0 {
			continue
		}
		if math.IsInf(x, 0) || math.IsNaN(x) {
			// From an infinity or NaN among the items, or an intermediate overflow.
			if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
				return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "intermediate overflow in fsum")
			}
			if math.IsInf(xsave, 0) {
				infSum += xsave
			}
			special += xsave
			partials = partials[:0]
			continue
		}
		partials = append(partials, x)
	}
	if special != 0 {
		if math.IsNaN(infSum) {
			return runtime.Value{}, runtime.ValueErrorf("-inf + inf in fsum")
		}
		return runtime.Float(special), nil
	}
	return runtime.Float(sumPartials(partials)), nil
}

// sumPartials adds fsum's non-overlapping partials from the top, correctly rounded.
func sumPartials(p []float64) float64 {
	n := len(p)
	if n == 0 {
		return 0
	}
	n--
	hi, lo := p[n], 0.0
	for n > 0 {
		x := hi
		n--
		y := p[n]
		hi = x + y
		lo = y - (hi - x)
		if lo != 0 {
			break
		}
	}
	// Round half-even across partials: the rest may push a tie one way.
	if n > 0 && ((lo < 0 && p[n-1] < 0) || (lo > 0 && p[n-1] > 0)) {
		y := lo * 2
		x := hi + y
		if y == x-hi {
			hi = x
		}
	}
	return hi
}

func mathProd(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable runtime.Value
	start := runtime.Int(1)
	if len(args) != 1 {
		return runtime.Value{}, runtime.TypeErrorf("prod() takes exactly 1 positional argument (%d given)", len(args))
	}
	iterable = args[0]
	for _, k := range kw {
		if k.Name != "start" {
			return runtime.Value{}, runtime.TypeErrorf("prod() got an unexpected keyword argument '%s'", k.Name)
		}
		start = k.Value
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	acc := start
	for {
		item, ok, err := it.Next(th)
		if err != nil || !ok {
			return acc, err
		}
		if acc, err = runtime.Binary(th, runtime.OpMul, acc, item); err != nil {
			return runtime.Value{}, err
		}
		if err := th.Tick(); err != nil {
			return runtime.Value{}, err
		}
	}
}

func mathIsclose(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var a, b float64
	relTol, absTol := 1e-09, 0.0
	if len(args) > 2 {
		return runtime.Value{}, runtime.TypeErrorf("isclose() takes exactly 2 positional arguments (%d given)", len(args))
	}
	if err := runtime.UnpackArgs("isclose", args, kw, "a", &a, "b", &b, "rel_tol?", &relTol, "abs_tol?", &absTol); err != nil {
		return runtime.Value{}, err
	}
	if relTol < 0 || absTol < 0 {
		return runtime.Value{}, runtime.ValueErrorf("tolerances must be non-negative")
	}
	if a == b {
		return runtime.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return runtime.False, nil
	}
	diff := math.Abs(b - a)
	return runtime.Bool(diff <= math.Abs(relTol*b) || diff <= math.Abs(relTol*a) || diff <= absTol), nil
}

func mathLdexp(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(kw) > 0 || len(args) != 2 {
		return runtime.Value{}, runtime.TypeErrorf("ldexp expected 2 arguments, got %d", len(args))
	}
	x, err := toFloat(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	n, ok := runtime.AsBig(args[1])
	if !ok {
		return runtime.Value{}, runtime.TypeErrorf("Expected an int as second argument to ldexp.")
	}
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return runtime.Float(x), nil
	}
	var r float64
	switch {
	case n.Cmp(big.NewInt(math.MaxInt32)) > 0:
		r = math.Inf(1)
	case n.Cmp(big.NewInt(math.MinInt32)) < 0:
		return runtime.Float(math.Copysign(0, x)), nil
	default:
		r = math.Ldexp(x, int(n.Int64()))
	}
	if math.IsInf(r, 0) {
		return runtime.Value{}, rangeError()
	}
	return runtime.Float(r), nil
}

func mathFrexp(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	xs, err := floatArgs(th, "frexp", args, kw, 1)
	if err != nil {
		return runtime.Value{}, err
	}
	m, e := xs[0], 0
	if m != 0 && !math.IsInf(m, 0) && !math.IsNaN(m) {
		m, e = math.Frexp(m)
	}
	return runtime.NewTuple([]runtime.Value{runtime.Float(m), runtime.Int(int64(e))}), nil
}

func mathModf(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	xs, err := floatArgs(th, "modf", args, kw, 1)
	if err != nil {
		return runtime.Value{}, err
	}
	x := xs[0]
	var ip, fp float64
	switch {
	case math.IsInf(x, 0):
		ip, fp = x, math.Copysign(0, x)
	case math.IsNaN(x):
		ip, fp = x, x
	default:
		ip, fp = math.Modf(x)
	}
	return runtime.NewTuple([]runtime.Value{runtime.Float(fp), runtime.Float(ip)}), nil
}

// bigIndex converts an integer argument (or __index__ object) to a big.Int the caller may
// modify.
func bigIndex(th *runtime.Thread, v runtime.Value) (*big.Int, error) {
	if n, ok := runtime.AsBig(v); ok {
		return new(big.Int).Set(n), nil
	}
	i, err := toIndex(th, v)
	return big.NewInt(i), err
}

func mathFactorial(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := oneArg("factorial", args, kw); err != nil {
		return runtime.Value{}, err
	}
	n, err := bigIndex(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	switch {
	case n.Sign() < 0:
		return runtime.Value{}, runtime.ValueErrorf("factorial() not defined for negative values")
	case !n.IsInt64():
		return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "factorial() argument should not exceed %d", int64(math.MaxInt64))
	}
	return runtime.MakeBig(new(big.Int).MulRange(1, n.Int64())), nil
}

// mathGcdLcm is gcd or lcm of any number of integers.
func mathGcdLcm(name string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(kw) > 0 {
			return runtime.Value{}, runtime.TypeErrorf("math.%s() takes no keyword arguments", name)
		}
		acc := big.NewInt(0)
		if name == "lcm" {
			acc.SetInt64(1)
		}
		for _, a := range args {
			n, err := bigIndex(th, a)
			if err != nil {
				return runtime.Value{}, err
			}
			n.Abs(n)
			if name == "gcd" {
				acc.GCD(nil, nil, acc, n)
				continue
			}
			if acc.Sign() == 0 || n.Sign() == 0 {
				acc.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, acc, n)
			acc.Mul(acc.Quo(acc, g), n)
		}
		return runtime.MakeBig(acc), nil
	}
}

func mathIsqrt(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := oneArg("isqrt", args, kw); err != nil {
		return runtime.Value{}, err
	}
	n, err := bigIndex(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if n.Sign() < 0 {
		return runtime.Value{}, runtime.ValueErrorf("isqrt() argument must be nonnegative")
	}
	return runtime.MakeBig(n.Sqrt(n)), nil
}

// combArgs converts the n and k of comb and perm, which must be non-negative.
func combArgs(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg, kOptional bool) (n, k *big.Int, err error) {
	var nv, kv runtime.Value
	spec := "k"
	if kOptional {
		spec = "k?"
	}
	if err := runtime.UnpackArgs(name, args, kw, "n", &nv, spec, &kv); err != nil {
		return nil, nil, err
	}
	if n, err = bigIndex(th, nv); err != nil {
		return nil, nil, err
	}
	if !kv.IsValid() || kv.IsNone() {
		k = new(big.Int).Set(n)
	} else if k, err = bigIndex(th, kv); err != nil {
		return nil, nil, err
	}
	if n.Sign() < 0 {
		return nil, nil, runtime.ValueErrorf("n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return nil, nil, runtime.ValueErrorf("k must be a non-negative integer")
	}
	return n, k, nil
}

// fallingFactorial returns n * (n-1) * ... * (n-k+1) for 0 <= k <= n.
func fallingFactorial(n, k *big.Int) *big.Int {
	if n.IsInt64() {
		return new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())
	}
	r := big.NewInt(1)
	f := new(big.Int).Set(n)
	one := big.NewInt(1)
	for i := int64(0); i < k.Int64(); i++ {
		r.Mul(r, f)
		f.Sub(f, one)
	}
	return r
}

func mathComb(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, k, err := combArgs(th, "comb", args, kw, false)
	if err != nil {
		return runtime.Value{}, err
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	if nk := new(big.Int).Sub(n, k); nk.Cmp(k) < 0 {
		k = nk
	}
	if !k.IsInt64() {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "min(n - k, k) must not exceed %d", int64(math.MaxInt64))
	}
	r := fallingFactorial(n, k)
	return runtime.MakeBig(r.Quo(r, new(big.Int).MulRange(1, k.Int64()))), nil
}

func mathPerm(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	n, k, err := combArgs(th, "perm", args, kw, true)
	if err != nil {
		return runtime.Value{}, err
	}
	if k.Cmp(n) > 0 {
		return runtime.Int(0), nil
	}
	if !k.IsInt64() {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "k must not exceed %d", int64(math.MaxInt64))
	}
	return runtime.MakeBig(fallingFactorial(n, k)), nil
}

// mathGammaFunc wraps gamma or lgamma, which report their own errors as CPython's do.
func mathGammaFunc(name string, f func(float64) (float64, error)) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		xs, err := floatArgs(th, name, args, kw, 1)
		if err != nil {
			return runtime.Value{}, err
		}
		r, err := f(xs[0])
		return runtime.Float(r), err
	}
}

// The Lanczos approximation CPython uses for gamma and lgamma (N=13, g=6.0246800407767296,
// as in Boost), expressed as a rational function.
const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

var lanczosNum = [...]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// lanczosDen is x*(x+1)*...*(x+11) expanded.
var lanczosDen = [...]float64{0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0,
	45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0}

// lanczosSum evaluates the rational function for x > 0, in 1/x for large x to avoid
// overflow.
func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5.0 {
		for i := len(lanczosNum) - 1; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := range lanczosNum {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinPi is sin(pi*x), exact for integers and accurate near them, for the reflection formula.
func sinPi(x float64) float64 {
	sin, cos := libm.Funcs["sin"], libm.Funcs["cos"]
	y := math.Mod(math.Abs(x), 2.0)
	var r float64
	switch int(math.Round(2.0 * y)) { // C's round: halves away from zero

	case 0:
		r = sin(math.Pi * y)
	case 1:
		r = cos(math.Pi * (y - 0.5))
	case 2:
		r = sin(math.Pi * (1.0 - y)) // not -sin(pi*(y-1)), which gives -0.0 at y == 1
	case 3:
		r = -cos(math.Pi * (y - 1.5))
	default:
		r = sin(math.Pi * (y - 2.0))
	}
	return math.Copysign(1.0, x) * r
}

// tgamma is CPython's m_tgamma.
func tgamma(x float64) (float64, error) {
	exp, pow := libm.Funcs["exp"], libm.Pow
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x, nil
	case math.IsInf(x, -1):
		return 0, domainError()
	case x == 0:
		return 0, domainError()
	case x == math.Floor(x):
		if x < 0 {
			return 0, domainError()
		}
		if x <= 23 {
			f, _ := new(big.Float).SetInt(new(big.Int).MulRange(1, int64(x)-1)).Float64()
			return f, nil
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		r := 1.0 / x
		if math.IsInf(r, 0) {
			return 0, rangeError()
		}
		return r, nil
	}
	if absx > 200.0 {
		if x < 0.0 {
			return 0.0 / sinPi(x), nil
		}
		return 0, rangeError()
	}
	y := absx + lanczosGMinusHalf
	var z float64
	if absx > lanczosGMinusHalf {
		z = (y - absx) - lanczosGMinusHalf
	} else {
		z = (y - lanczosGMinusHalf) - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0.0 {
		r = -math.Pi / sinPi(absx) / absx * exp(y) / lanczosSum(absx)
		r -= z * r
		if absx < 140.0 {
			r /= pow(y, absx-0.5)
		} else {
			sqrtpow := pow(y, absx/2.0-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = lanczosSum(absx) / exp(y)
		r += z * r
		if absx < 140.0 {
			r *= pow(y, absx-0.5)
		} else {
			sqrtpow := pow(y, absx/2.0-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	if math.IsInf(r, 0) {
		return 0, rangeError()
	}
	return r, nil
}

// lgamma is CPython's m_lgamma.
func lgamma(x float64) (float64, error) {
	log := libm.Funcs["log"]
	switch {
	case math.IsNaN(x):
		return x, nil
	case math.IsInf(x, 0):
		return math.Inf(1), nil
	case x == math.Floor(x) && x <= 2.0:
		if x <= 0.0 {
			return 0, domainError()
		}
		return 0.0, nil
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -log(absx), nil
	}
	r := log(lanczosSum(absx)) - lanczosG
	r += (absx - 0.5) * (log(absx+lanczosG-0.5) - 1)
	if x < 0.0 {
		r = logPi - log(math.Abs(sinPi(absx))) - log(absx) - r
	}
	if math.IsInf(r, 0) {
		return 0, rangeError()
	}
	return r, nil
}
