package stdlib

import (
	"crypto/rand"
	"crypto/sha512"
	"encoding/binary"
	"math"
	"math/big"

	"github.com/aio-lang/aio/runtime"
	"github.com/aio-lang/aio/stdlib/libm"
)

// newRandom builds random. Its generator is CPython's: the Mersenne Twister MT19937 seeded
// the same way (init_by_array over the seed's 32-bit words), with random() and getrandbits()
// drawing words as CPython does and every other function written on those two as in
// CPython's random.py, so that random.seed(n) reproduces CPython's streams. The module
// functions are the bound methods of a hidden Random instance, as in CPython.
func newRandom(*Options) *runtime.Module {
	m := runtime.NewModule("random")
	inst := newRNG(randomType)
	inst.seedRandom()
	for _, name := range []string{
		"seed", "random", "uniform", "triangular", "randint", "randrange", "choice", "choices",
		"shuffle", "sample", "gauss", "normalvariate", "lognormvariate", "expovariate",
		"paretovariate", "weibullvariate", "gammavariate", "betavariate", "vonmisesvariate",
		"getrandbits", "randbytes", "getstate", "setstate",
	} {
		meth, _ := randomType.Dict.GetStr(name)
		m.Dict.SetStr(name, runtime.Ref(&runtime.BoundMethod{Self: runtime.Ref(inst), Fn: meth.Object().(runtime.SelfCaller)}))
	}
	m.Dict.SetStr("Random", runtime.Ref(randomType))
	return m
}

const (
	mtN       = 624
	mtM       = 397
	mtMatrixA = 0x9908b0df
	mtUpper   = 0x80000000
	mtLower   = 0x7fffffff
)

// rng is a Random instance: the generator's state and gauss's spare value.
type rng struct {
	cls       *runtime.Class
	mt        [mtN]uint32
	index     int
	gaussNext runtime.Value // None when there is none
}

func newRNG(cls *runtime.Class) *rng { return &rng{cls: cls, gaussNext: runtime.None} }

func (r *rng) Type() *runtime.Class { return r.cls }

func asRNG(v runtime.Value) *rng { return v.Object().(*rng) }

func (r *rng) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < mtN; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.index = mtN
}

func (r *rng) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	for k := max(mtN, len(key)); k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := mtN - 1; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
}

func (r *rng) uint32() uint32 {
	mag := func(y uint32) uint32 { return (y & 1) * mtMatrixA }
	if r.index >= mtN {
		kk := 0
		for ; kk < mtN-mtM; kk++ {
			y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
			r.mt[kk] = r.mt[kk+mtM] ^ (y >> 1) ^ mag(y)
		}
		for ; kk < mtN-1; kk++ {
			y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
			r.mt[kk] = r.mt[kk+mtM-mtN] ^ (y >> 1) ^ mag(y)
		}
		y := (r.mt[mtN-1] & mtUpper) | (r.mt[0] & mtLower)
		r.mt[mtN-1] = r.mt[mtM-1] ^ (y >> 1) ^ mag(y)
		r.index = 0
	}
	y := r.mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// float is random(): 53 random bits from two words.
func (r *rng) float() float64 {
	a, b := r.uint32()>>5, r.uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// bits is getrandbits(k), words filled from the least significant end.
func (r *rng) bits(k int) *big.Int {
	if k <= 32 {
		return new(big.Int).SetUint64(uint64(r.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	buf := make([]byte, 4*words)
	for i := 0; i < words; i, k = i+1, k-32 {
		w := r.uint32()
		if k < 32 {
			w >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[4*(words-1-i):], w)
	}
	return new(big.Int).SetBytes(buf)
}

// below is _randbelow(n) for n > 0: getrandbits(n.bit_length()) until it is below n.
func (r *rng) below(n *big.Int) *big.Int {
	k := n.BitLen()
	for {
		if v := r.bits(k); v.Cmp(n) < 0 {
			return v
		}
	}
}

// belowInt is below for a small n.
func (r *rng) belowInt(n int) int { return int(r.below(big.NewInt(int64(n))).Int64()) }

// seedRandom seeds from the system's randomness, as seed(None) does.
func (r *rng) seedRandom() {
	key := make([]uint32, mtN)
	buf := make([]byte, 4*mtN)
	if _, err := rand.Read(buf); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.initByArray(key)
}

// seedInt seeds from the absolute value of n, split into 32-bit words.
func (r *rng) seedInt(n *big.Int) {
	n = new(big.Int).Abs(n)
	b := n.Bytes() // big-endian
	key := make([]uint32, max(1, (len(b)+3)/4))
	for i := range b {
		pos := len(b) - 1 - i // byte significance
		key[pos/4] |= uint32(b[i]) << (8 * (pos % 4))
	}
	r.initByArray(key)
}

// seed is Random.seed(a=None, version=2).
func (r *rng) seed(th *runtime.Thread, a runtime.Value, version int64) error {
	r.gaussNext = runtime.None
	var data []byte
	switch o := a.Object().(type) {
	case *runtime.Str:
		data = []byte(o.String())
	case *runtime.Bytes, *runtime.ByteArray:
		b, _ := runtime.BytesLike(a)
		data = []byte(b)
	}
	switch {
	case !a.IsValid() || a.IsNone():
		r.seedRandom()
	case data != nil && version == 1:
		x := uint64(0)
		if len(data) > 0 {
			x = uint64(data[0]) << 7
		}
		s, _ := runtime.AsStr(a)
		for _, c := range s {
			x = (1000003 * x) ^ uint64(c)
		}
		x ^= uint64(len([]rune(s)))
		r.seedInt(new(big.Int).SetUint64(x))
	case data != nil:
		sum := sha512.Sum512(data)
		r.seedInt(new(big.Int).SetBytes(append(data, sum[:]...)))
	case runtime.IsInt(a):
		n, _ := runtime.AsBig(a)
		r.seedInt(n)
	default:
		if _, ok := a.FloatVal(); !ok {
			return runtime.TypeErrorf("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
		}
		h, err := runtime.Hash(th, a)
		if err != nil {
			return err
		}
		r.seedInt(new(big.Int).SetUint64(uint64(h)))
	}
	return nil
}

func newRandomInstance(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var x runtime.Value
	if err := runtime.UnpackArgs("Random", args, kw, "x?", &x); err != nil {
		return runtime.Value{}, err
	}
	r := newRNG(cls)
	return runtime.Ref(r), r.seed(th, x, 2)
}

// randomMethod is a method of Random whose arguments UnpackArgs binds.
func randomMethod(f func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return f(th, asRNG(self), args, kw)
	}
}

var randomType = newType("random", "Random", newRandomInstance, map[string]method{
	"__init__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.None, nil // the instance was seeded when it was made
	},
	"seed": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a runtime.Value
		version := int64(2)
		if err := runtime.UnpackArgs("seed", args, kw, "a?", &a, "version?", &version); err != nil {
			return runtime.Value{}, err
		}
		return runtime.None, r.seed(th, a, version)
	}),
	"random": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := runtime.UnpackArgs("random", args, kw); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Float(r.float()), nil
	}),
	"getrandbits": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k int
		if err := runtime.UnpackArgs("getrandbits", args, kw, "k", &k); err != nil {
			return runtime.Value{}, err
		}
		if k < 0 {
			return runtime.Value{}, runtime.ValueErrorf("number of bits must be non-negative")
		}
		if k == 0 {
			return runtime.Int(0), nil
		}
		return runtime.MakeBig(r.bits(k)), nil
	}),
	"randbytes": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var n int
		if err := runtime.UnpackArgs("randbytes", args, kw, "n", &n); err != nil {
			return runtime.Value{}, err
		}
		if n < 0 {
			return runtime.Value{}, runtime.ValueErrorf("negative argument not allowed")
		}
		if n == 0 {
			return runtime.NewBytes(""), nil
		}
		be := r.bits(n * 8).FillBytes(make([]byte, n))
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 { // to little-endian, as to_bytes(n, 'little')
			be[i], be[j] = be[j], be[i]
		}
		return runtime.NewBytes(string(be)), nil
	}),
	"randrange": randomMethod(randrange),
	"randint": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a, b runtime.Value
		if err := runtime.UnpackArgs("randint", args, kw, "a", &a, "b", &b); err != nil {
			return runtime.Value{}, err
		}
		b1, err := runtime.Binary(th, runtime.OpAdd, b, runtime.Int(1))
		if err != nil {
			return runtime.Value{}, err
		}
		return randrange(th, r, []runtime.Value{a, b1}, nil)
	}),
	"choice": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var seq runtime.Value
		if err := runtime.UnpackArgs("choice", args, kw, "seq", &seq); err != nil {
			return runtime.Value{}, err
		}
		n, err := runtime.Len(th, seq)
		if err != nil {
			return runtime.Value{}, err
		}
		if n == 0 {
			return runtime.Value{}, runtime.IndexErrorf("Cannot choose from an empty sequence")
		}
		return runtime.GetItem(th, seq, runtime.Int(int64(r.belowInt(n))))
	}),
	"shuffle": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var x runtime.Value
		if err := runtime.UnpackArgs("shuffle", args, kw, "x", &x); err != nil {
			return runtime.Value{}, err
		}
		n, err := runtime.Len(th, x)
		if err != nil {
			return runtime.Value{}, err
		}
		for i := n - 1; i > 0; i-- {
			j := r.belowInt(i + 1)
			if err := swapItems(th, x, i, j); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	}),
	"sample":  randomMethod(sample),
	"choices": randomMethod(choices),
	"uniform": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var a, b runtime.Value
		if err := runtime.UnpackArgs("uniform", args, kw, "a", &a, "b", &b); err != nil {
			return runtime.Value{}, err
		}
		return uniform(th, a, b, runtime.Float(r.float()))
	}),
	"triangular":     randomMethod(triangular),
	"gauss":          randomMethod(gauss),
	"normalvariate":  randomMethod(distribution("normalvariate", []string{"mu?", "sigma?"}, []float64{0, 1}, (*rng).normal)),
	"lognormvariate": randomMethod(distribution("lognormvariate", []string{"mu", "sigma"}, nil, func(r *rng, p []float64) (float64, error) { v, _ := r.normal(p); return libm.Funcs["exp"](v), nil })),
	"expovariate": randomMethod(distribution("expovariate", []string{"lambd"}, nil, func(r *rng, p []float64) (float64, error) {
		if p[0] == 0 {
			return 0, runtime.Errorf(runtime.ZeroDivisionErrorType, "float division by zero")
		}
		return -libm.Funcs["log"](1.0-r.float()) / p[0], nil
	})),
	"paretovariate": randomMethod(distribution("paretovariate", []string{"alpha"}, nil, func(r *rng, p []float64) (float64, error) {
		u := 1.0 - r.float()
		return libm.Pow(u, -1.0/p[0]), nil
	})),
	"weibullvariate": randomMethod(distribution("weibullvariate", []string{"alpha", "beta"}, nil, func(r *rng, p []float64) (float64, error) {
		u := 1.0 - r.float()
		return p[0] * libm.Pow(-libm.Funcs["log"](u), 1.0/p[1]), nil
	})),
	"gammavariate": randomMethod(distribution("gammavariate", []string{"alpha", "beta"}, nil, (*rng).gamma)),
	"betavariate": randomMethod(distribution("betavariate", []string{"alpha", "beta"}, nil, func(r *rng, p []float64) (float64, error) {
		y, err := r.gamma([]float64{p[0], 1.0})
		if err != nil || y == 0 {
			return 0, err
		}
		z, err := r.gamma([]float64{p[1], 1.0})
		return y / (y + z), err
	})),
	"vonmisesvariate": randomMethod(distribution("vonmisesvariate", []string{"mu", "kappa"}, nil, (*rng).vonmises)),
	"getstate": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		words := make([]runtime.Value, mtN+1)
		for i, w := range r.mt {
			words[i] = runtime.Int(int64(w))
		}
		words[mtN] = runtime.Int(int64(r.index))
		return runtime.NewTuple([]runtime.Value{runtime.Int(3), runtime.NewTuple(words), r.gaussNext}), nil
	}),
	"setstate": randomMethod(func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var state runtime.Value
		if err := runtime.UnpackArgs("setstate", args, kw, "state", &state); err != nil {
			return runtime.Value{}, err
		}
		parts, err := runtime.ToSlice(th, state)
		if err != nil || len(parts) != 3 {
			return runtime.Value{}, runtime.TypeErrorf("state vector must be a tuple")
		}
		if v, _ := runtime.AsInt64(parts[0]); v != 3 {
			return runtime.Value{}, runtime.ValueErrorf("state with version %s passed to Random.setstate() of version 3", runtime.ReprOrPlaceholder(th, parts[0]))
		}
		words, err := runtime.ToSlice(th, parts[1])
		if err != nil || len(words) != mtN+1 {
			return runtime.Value{}, runtime.ValueErrorf("state vector is the wrong size")
		}
		for i := 0; i < mtN; i++ {
			w, ok := runtime.AsInt64(words[i])
			if !ok || w < 0 || w > math.MaxUint32 {
				return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "Python int too large to convert to C unsigned long")
			}
			r.mt[i] = uint32(w)
		}
		idx, _ := runtime.AsInt64(words[mtN])
		if idx < 0 || idx > mtN {
			return runtime.Value{}, runtime.ValueErrorf("invalid state")
		}
		r.index = int(idx)
		r.gaussNext = parts[2]
		return runtime.None, nil
	}),
})

// swapItems exchanges x[i] and x[j].
func swapItems(th *runtime.Thread, x runtime.Value, i, j int) error {
	if l, ok := x.Object().(*runtime.List); ok {
		l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		return nil
	}
	a, err := runtime.GetItem(th, x, runtime.Int(int64(i)))
	if err != nil {
		return err
	}
	b, err := runtime.GetItem(th, x, runtime.Int(int64(j)))
	if err != nil {
		return err
	}
	if err := runtime.SetItem(th, x, runtime.Int(int64(i)), b); err != nil {
		return err
	}
	return runtime.SetItem(th, x, runtime.Int(int64(j)), a)
}

// randIndex converts a randrange argument, which must be an integer.
func randIndex(th *runtime.Thread, v runtime.Value, which string) (*big.Int, error) {
	if n, ok := runtime.AsBig(v); ok {
		return n, nil
	}
	if f, ok := v.FloatVal(); ok {
		if f != math.Trunc(f) {
			return nil, runtime.ValueErrorf("non-integer %s for randrange()", which)
		}
		n, _ := big.NewFloat(f).Int(nil)
		return n, nil
	}
	i, err := toIndex(th, v)
	return big.NewInt(i), err
}

// randrange is Random.randrange(start, stop=None, step=1).
func randrange(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var startV, stopV, stepV runtime.Value
	if err := runtime.UnpackArgs("randrange", args, kw, "start", &startV, "stop?", &stopV, "step?", &stepV); err != nil {
		return runtime.Value{}, err
	}
	start, err := randIndex(th, startV, "arg 1")
	if err != nil {
		return runtime.Value{}, err
	}
	if !stopV.IsValid() || stopV.IsNone() {
		if stepV.IsValid() {
			return runtime.Value{}, runtime.TypeErrorf("Missing a non-None stop argument")
		}
		if start.Sign() > 0 {
			return runtime.MakeBig(r.below(start)), nil
		}
		return runtime.Value{}, runtime.ValueErrorf("empty range for randrange()")
	}
	stop, err := randIndex(th, stopV, "stop")
	if err != nil {
		return runtime.Value{}, err
	}
	width := new(big.Int).Sub(stop, start)
	step := big.NewInt(1)
	if stepV.IsValid() {
		if step, err = randIndex(th, stepV, "step"); err != nil {
			return runtime.Value{}, err
		}
	}
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return runtime.MakeBig(new(big.Int).Add(start, r.below(width))), nil
		}
		return runtime.Value{}, runtime.ValueErrorf("empty range for randrange() (%s, %s, %s)", start, stop, width)
	}
	var n *big.Int
	switch step.Sign() {
	case 1:
		n = floorDiv(new(big.Int).Sub(new(big.Int).Add(width, step), big.NewInt(1)), step)
	case -1:
		n = floorDiv(new(big.Int).Add(new(big.Int).Add(width, step), big.NewInt(1)), step)
	default:
		return runtime.Value{}, runtime.ValueErrorf("zero step for randrange()")
	}
	if n.Sign() <= 0 {
		return runtime.Value{}, runtime.ValueErrorf("empty range for randrange()")
	}
	off := new(big.Int).Mul(step, r.below(n))
	return runtime.MakeBig(off.Add(off, start)), nil
}

// floorDiv is Python's a // b.
func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	if m.Sign() != 0 && b.Sign() < 0 {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// sample is Random.sample(population, k, *, counts=None), choosing as CPython does between
// a pool of the population and a set of the indices already picked.
func sample(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pop, kv, counts runtime.Value
	if err := runtime.UnpackArgs("sample", args, kw, "population", &pop, "k", &kv, "counts?", &counts); err != nil {
		return runtime.Value{}, err
	}
	switch pop.Object().(type) {
	case *runtime.Set, *runtime.Dict:
		return runtime.Value{}, runtime.TypeErrorf("Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := runtime.Len(th, pop)
	if err != nil {
		return runtime.Value{}, err
	}
	k64, err := toIndex(th, kv)
	if err != nil {
		return runtime.Value{}, err
	}
	k := int(k64)
	if counts.IsValid() && !counts.IsNone() {
		return sampleCounts(th, r, pop, n, k, counts)
	}
	if k < 0 || k > n {
		return runtime.Value{}, runtime.ValueErrorf("Sample larger than population or is negative")
	}
	result := make([]runtime.Value, k)
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(libm.Funcs["log"](float64(k*3))/libm.Funcs["log"](4))))
	}
	if n <= setsize {
		items, err := runtime.ToSlice(th, pop)
		if err != nil {
			return runtime.Value{}, err
		}
		pool := append([]runtime.Value(nil), items...)
		for i := 0; i < k; i++ {
			j := r.belowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return runtime.NewList(result), nil
	}
	selected := map[int]bool{}
	for i := 0; i < k; i++ {
		j := r.belowInt(n)
		for selected[j] {
			j = r.belowInt(n)
		}
		selected[j] = true
		if result[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.NewList(result), nil
}

// sampleCounts is sample with counts: a sample of range(total) mapped back by bisection.
func sampleCounts(th *runtime.Thread, r *rng, pop runtime.Value, n, k int, counts runtime.Value) (runtime.Value, error) {
	cum, err := accumulate(th, counts)
	if err != nil {
		return runtime.Value{}, err
	}
	if len(cum) != n {
		return runtime.Value{}, runtime.ValueErrorf("The number of counts does not match the population")
	}
	total := cum[len(cum)-1]
	cum = cum[:len(cum)-1]
	if !runtime.IsInt(total) {
		return runtime.Value{}, runtime.TypeErrorf("Counts must be integers")
	}
	if t, _ := runtime.AsBig(total); t.Sign() <= 0 {
		return runtime.Value{}, runtime.ValueErrorf("Total of counts must be greater than zero")
	}
	sel, err := sample(th, r, []runtime.Value{runtime.Ref(rangeOf(total)), runtime.Int(int64(k))}, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	picks := sel.Object().(*runtime.List).Items
	out := make([]runtime.Value, len(picks))
	for i, s := range picks {
		j, err := bisectRight(th, cum, s, len(cum))
		if err != nil {
			return runtime.Value{}, err
		}
		if out[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.NewList(out), nil
}

func rangeOf(n runtime.Value) *runtime.Range {
	stop, _ := runtime.AsInt64(n)
	return &runtime.Range{Stop: stop, Step: 1}
}

// accumulate returns the running sums of an iterable, with Python's +.
func accumulate(th *runtime.Thread, v runtime.Value) ([]runtime.Value, error) {
	items, err := runtime.ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	out := make([]runtime.Value, len(items))
	for i, it := range items {
		if i == 0 {
			out[i] = it
			continue
		}
		if out[i], err = runtime.Binary(th, runtime.OpAdd, out[i-1], it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// bisectRight is bisect.bisect_right(a, x, 0, hi).
func bisectRight(th *runtime.Thread, a []runtime.Value, x runtime.Value, hi int) (int, error) {
	lo := 0
	for lo < hi {
		mid := (lo + hi) / 2
		less, err := runtime.Less(th, x, a[mid])
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

// choices is Random.choices(population, weights=None, *, cum_weights=None, k=1).
func choices(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pop, weights, cumWeights runtime.Value
	k := 1
	if err := runtime.UnpackArgs("choices", args, kw, "population", &pop, "weights?", &weights, "cum_weights?", &cumWeights, "k?", &k); err != nil {
		return runtime.Value{}, err
	}
	n, err := runtime.Len(th, pop)
	if err != nil {
		return runtime.Value{}, err
	}
	out := make([]runtime.Value, max(k, 0))
	var cum []runtime.Value
	switch {
	case (!cumWeights.IsValid() || cumWeights.IsNone()) && (!weights.IsValid() || weights.IsNone()):
		for i := range out {
			j := int(math.Floor(r.float() * float64(n)))
			if out[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.NewList(out), nil
	case !cumWeights.IsValid() || cumWeights.IsNone():
		if cum, err = accumulate(th, weights); err != nil {
			if w, ok := runtime.AsInt64(weights); ok {
				return runtime.Value{}, runtime.TypeErrorf("The number of choices must be a keyword argument: k=%d", w)
			}
			return runtime.Value{}, err
		}
	case weights.IsValid() && !weights.IsNone():
		return runtime.Value{}, runtime.TypeErrorf("Cannot specify both weights and cumulative weights")
	default:
		if cum, err = runtime.ToSlice(th, cumWeights); err != nil {
			return runtime.Value{}, err
		}
	}
	if len(cum) != n {
		return runtime.Value{}, runtime.ValueErrorf("The number of weights does not match the population")
	}
	totalV, err := runtime.Binary(th, runtime.OpAdd, cum[len(cum)-1], runtime.Float(0))
	if err != nil {
		return runtime.Value{}, err
	}
	total, _ := totalV.FloatVal()
	if total <= 0 {
		return runtime.Value{}, runtime.ValueErrorf("Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return runtime.Value{}, runtime.ValueErrorf("Total of weights must be finite")
	}
	for i := range out {
		j, err := bisectRight(th, cum, runtime.Float(r.float()*total), n-1)
		if err != nil {
			return runtime.Value{}, err
		}
		if out[i], err = runtime.GetItem(th, pop, runtime.Int(int64(j))); err != nil {
			return runtime.Value{}, err
		}
	}
	return runtime.NewList(out), nil
}

// uniform is a + (b - a) * r with Python's arithmetic, since a and b may be ints or floats.
func uniform(th *runtime.Thread, a, b, r runtime.Value) (runtime.Value, error) {
	d, err := runtime.Binary(th, runtime.OpSub, b, a)
	if err != nil {
		return runtime.Value{}, err
	}
	if d, err = runtime.Binary(th, runtime.OpMul, d, r); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Binary(th, runtime.OpAdd, a, d)
}

// distribution wraps a real-valued distribution whose parameters are floats.
func distribution(name string, params []string, defaults []float64, f func(r *rng, p []float64) (float64, error)) func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return func(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		p := make([]float64, len(params))
		copy(p, defaults)
		spec := make([]any, 0, 2*len(params))
		for i, name := range params {
			spec = append(spec, name, &p[i])
		}
		if err := runtime.UnpackArgs(name, args, kw, spec...); err != nil {
			return runtime.Value{}, err
		}
		x, err := f(r, p)
		return runtime.Float(x), err
	}
}

// nvMagic is NV_MAGICCONST, 4 * exp(-0.5) / sqrt(2.0).
var nvMagic = 4 * libm.Funcs["exp"](-0.5) / math.Sqrt(2.0)

// normal is normalvariate: Kinderman and Monahan's ratio-of-uniforms method.
func (r *rng) normal(p []float64) (float64, error) {
	for {
		u1 := r.float()
		u2 := 1.0 - r.float()
		z := nvMagic * (u1 - 0.5) / u2
		if z*z/4.0 <= -libm.Funcs["log"](u2) {
			return p[0] + z*p[1], nil
		}
	}
}

// gauss is Random.gauss(mu=0.0, sigma=1.0), which makes two values at a time and keeps
// the second for the next call.
func gauss(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	mu, sigma := 0.0, 1.0
	if err := runtime.UnpackArgs("gauss", args, kw, "mu?", &mu, "sigma?", &sigma); err != nil {
		return runtime.Value{}, err
	}
	z, ok := r.gaussNext.FloatVal()
	r.gaussNext = runtime.None
	if !ok {
		x2pi := r.float() * (2 * math.Pi)
		g2rad := math.Sqrt(-2.0 * libm.Funcs["log"](1.0-r.float()))
		z = libm.Funcs["cos"](x2pi) * g2rad
		r.gaussNext = runtime.Float(libm.Funcs["sin"](x2pi) * g2rad)
	}
	return runtime.Float(mu + z*sigma), nil
}

func triangular(th *runtime.Thread, r *rng, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	low, high := 0.0, 1.0
	var mode runtime.Value
	if err := runtime.UnpackArgs("triangular", args, kw, "low?", &low, "high?", &high, "mode?", &mode); err != nil {
		return runtime.Value{}, err
	}
	u := r.float()
	c := 0.5
	if mode.IsValid() && !mode.IsNone() {
		m, err := toFloat(th, mode)
		if err != nil {
			return runtime.Value{}, err
		}
		if high == low {
			return runtime.Float(low), nil
		}
		c = (m - low) / (high - low)
	}
	if u > c {
		u, c = 1.0-u, 1.0-c
		low, high = high, low
	}
	return runtime.Float(low + (high-low)*math.Sqrt(u*c)), nil
}

// gamma is gammavariate(alpha, beta), by CPython's three methods for alpha above, at and
// below 1.
func (r *rng) gamma(p []float64) (float64, error) {
	alpha, beta := p[0], p[1]
	if alpha <= 0.0 || beta <= 0.0 {
		return 0, runtime.ValueErrorf("gammavariate: alpha and beta must be > 0.0")
	}
	log, exp := libm.Funcs["log"], libm.Funcs["exp"]
	sgMagic := 1.0 + log(4.5)
	switch {
	case alpha > 1.0:
		ainv := math.Sqrt(2.0*alpha - 1.0)
		bbb := alpha - log(4.0)
		ccc := alpha + ainv
		for {
			u1 := r.float()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - r.float()
			v := log(u1/(1.0-u1)) / ainv
			x := alpha * exp(v)
			z := u1 * u1 * u2
			rr := bbb + ccc*v - x
			if rr+sgMagic-4.5*z >= 0.0 || rr >= log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -log(1.0-r.float()) * beta, nil
	}
	for {
		u := r.float()
		b := (math.E + alpha) / math.E
		pp := b * u
		var x float64
		if pp <= 1.0 {
			x = libm.Pow(pp, 1.0/alpha)
		} else {
			x = -log((b - pp) / alpha)
		}
		u1 := r.float()
		if pp > 1.0 {
			if u1 <= libm.Pow(x, alpha-1.0) {
				return x * beta, nil
			}
		} else if u1 <= exp(-x) {
			return x * beta, nil
		}
	}
}

// vonmises is vonmisesvariate(mu, kappa).
func (r *rng) vonmises(p []float64) (float64, error) {
	mu, kappa := p[0], p[1]
	if kappa <= 1e-6 {
		return 2 * math.Pi * r.float(), nil
	}
	cos := libm.Funcs["cos"]
	s := 0.5 / kappa
	rr := s + math.Sqrt(1.0+s*s)
	var z float64
	for {
		u1 := r.float()
		z = cos(math.Pi * u1)
		d := z / (rr + z)
		u2 := r.float()
		if u2 < 1.0-d*d || u2 <= (1.0-d)*libm.Funcs["exp"](d) {
			break
		}
	}
	q := 1.0 / rr
	f := (q + z) / (1.0 + q*z)
	u3 := r.float()
	var theta float64
	if u3 > 0.5 {
		theta = math.Mod(mu+libm.Funcs["acos"](f), 2*math.Pi)
	} else {
		theta = math.Mod(mu-libm.Funcs["acos"](f), 2*math.Pi)
	}
	if theta < 0 {
		theta += 2 * math.Pi // Python's % is never negative for a positive modulus
	}
	return theta, nil
}
