package stdlib

import (
	"math"

	"github.com/aio-lang/aio/runtime"
)

// itIter is an itertools iterator: its class and a function producing the next item. The
// iterators are lazy, pulling from their sources only as items are asked for.
type itIter struct {
	cls  *runtime.Class
	next func(th *runtime.Thread) (runtime.Value, bool, error)
	repr func(th *runtime.Thread) (string, error) // nil for the default repr
}

func (it *itIter) Type() *runtime.Class { return it.cls }

// Next returns the next item.
func (it *itIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if it.next == nil {
		return runtime.Value{}, false, nil
	}
	v, ok, err := it.next(th)
	if !ok || err != nil {
		it.next = nil // exhausted iterators stay exhausted
	}
	return v, ok, err
}

// itMaker builds an iterator from the constructor's arguments.
type itMaker func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error)

// itClass makes the class itertools.name, whose call runs make.
func itClass(name string, make itMaker) *runtime.Class {
	c := runtime.NewBuiltinClass(name, runtime.ObjectType, nil)
	c.Module = "itertools"
	c.New = func(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		it, err := make(th, args, kw)
		if err != nil {
			return runtime.Value{}, err
		}
		it.cls = cls
		return runtime.Ref(it), nil
	}
	runtime.RegisterRepr(c, func(th *runtime.Thread, v runtime.Value) (string, error) {
		if it := v.Object().(*itIter); it.repr != nil {
			return it.repr(th)
		}
		return "<itertools." + name + " object at " + runtime.HexID(v) + ">", nil
	})
	return c
}

var itertoolsClasses = map[string]*runtime.Class{
	"count":                         itClass("count", itCount),
	"cycle":                         itClass("cycle", itCycle),
	"repeat":                        itClass("repeat", itRepeat),
	"chain":                         itClass("chain", itChain),
	"islice":                        itClass("islice", itIslice),
	"product":                       itClass("product", itProduct),
	"permutations":                  itClass("permutations", itPermutations),
	"combinations":                  itClass("combinations", itCombinations(false)),
	"combinations_with_replacement": itClass("combinations_with_replacement", itCombinations(true)),
	"accumulate":                    itClass("accumulate", itAccumulate),
	"groupby":                       itClass("groupby", itGroupby),
	"zip_longest":                   itClass("zip_longest", itZipLongest),
	"starmap":                       itClass("starmap", itStarmap),
	"takewhile":                     itClass("takewhile", itWhile(true)),
	"dropwhile":                     itClass("dropwhile", itWhile(false)),
	"filterfalse":                   itClass("filterfalse", itFilterfalse),
	"compress":                      itClass("compress", itCompress),
	"pairwise":                      itClass("pairwise", itPairwise),
}

func init() {
	itertoolsClasses["chain"].Dict.SetStr("from_iterable", runtime.Ref(&runtime.StaticMethod{Fn: builtin("itertools", "from_iterable",
		func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var iterables runtime.Value
			if err := runtime.UnpackArgs("from_iterable", args, kw, "iterable", &iterables); err != nil {
				return runtime.Value{}, err
			}
			outer, err := runtime.Iter(th, iterables)
			if err != nil {
				return runtime.Value{}, err
			}
			it := chainOf(outer)
			it.cls = itertoolsClasses["chain"]
			return runtime.Ref(it), nil
		})}))
}

func newItertools(*Options) *runtime.Module {
	m := newModule("itertools", map[string]fn{"tee": itTee})
	for name, c := range itertoolsClasses {
		m.Dict.SetStr(name, runtime.Ref(c))
	}
	return m
}

// iterArgs turns each argument into an iterator.
func iterArgs(th *runtime.Thread, args []runtime.Value) ([]runtime.Iterator, error) {
	its := make([]runtime.Iterator, len(args))
	for i, a := range args {
		it, err := runtime.Iter(th, a)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

func itCount(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	start, step := runtime.Int(0), runtime.Int(1)
	if err := runtime.UnpackArgs("count", args, kw, "start?", &start, "step?", &step); err != nil {
		return nil, err
	}
	n := start
	return &itIter{
		next: func(th *runtime.Thread) (runtime.Value, bool, error) {
			v := n
			var err error
			n, err = runtime.Binary(th, runtime.OpAdd, n, step)
			return v, err == nil, err
		},
		repr: func(th *runtime.Thread) (string, error) {
			s, err := runtime.Repr(th, n)
			if i, ok := runtime.AsInt64(step); !ok || i != 1 {
				st, _ := runtime.Repr(th, step)
				s += ", " + st
			}
			return "count(" + s + ")", err
		},
	}, nil
}

func itCycle(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var iterable runtime.Value
	if err := runtime.UnpackArgs("cycle", args, kw, "iterable", &iterable); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	var saved []runtime.Value
	i := -1 // -1 while the source is still being read
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		if i < 0 {
			v, ok, err := src.Next(th)
			if err != nil || ok {
				saved = append(saved, v)
				return v, ok, err
			}
			i = 0
		}
		if len(saved) == 0 {
			return runtime.Value{}, false, nil
		}
		v := saved[i%len(saved)]
		i++
		return v, true, nil
	}}, nil
}

func itRepeat(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var obj, timesV runtime.Value
	if err := runtime.UnpackArgs("repeat", args, kw, "object", &obj, "times?", &timesV); err != nil {
		return nil, err
	}
	times := int64(-1) // forever
	if timesV.IsValid() {
		var err error
		if times, err = toIndex(th, timesV); err != nil {
			return nil, err
		}
		times = max(times, 0)
	}
	return &itIter{
		next: func(*runtime.Thread) (runtime.Value, bool, error) {
			if times == 0 {
				return runtime.Value{}, false, nil
			}
			if times > 0 {
				times--
			}
			return obj, true, nil
		},
		repr: func(th *runtime.Thread) (string, error) {
			s, err := runtime.Repr(th, obj)
			if times >= 0 {
				s += ", " + runtime.ReprOrPlaceholder(th, runtime.Int(times))
			}
			return "repeat(" + s + ")", err
		},
	}, nil
}

// chainOf chains the iterables an iterator yields.
func chainOf(outer runtime.Iterator) *itIter {
	var cur runtime.Iterator
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		for {
			if cur != nil {
				v, ok, err := cur.Next(th)
				if ok || err != nil {
					return v, ok, err
				}
			}
			src, ok, err := outer.Next(th)
			if !ok || err != nil {
				return runtime.Value{}, false, err
			}
			if err := th.Tick(); err != nil { // a long run of empty iterables
				return runtime.Value{}, false, err
			}
			if cur, err = runtime.Iter(th, src); err != nil {
				return runtime.Value{}, false, err
			}
		}
	}}
}

func itChain(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	if err := noKwargs("chain", kw); err != nil {
		return nil, err
	}
	outer, err := runtime.Iter(th, runtime.NewTuple(append([]runtime.Value(nil), args...)))
	if err != nil {
		return nil, err
	}
	return chainOf(outer), nil
}

// isliceIndex reads an islice bound: None or a non-negative int.
func isliceIndex(th *runtime.Thread, v runtime.Value, def int64, what string) (int64, error) {
	if v.IsNone() {
		return def, nil
	}
	i, ok := runtime.AsInt64(v)
	if !ok || i < 0 {
		return 0, runtime.ValueErrorf("%s for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what)
	}
	return i, nil
}

func itIslice(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	if err := noKwargs("islice", kw); err != nil {
		return nil, err
	}
	if len(args) < 2 || len(args) > 4 {
		return nil, runtime.TypeErrorf("islice expected at most 4 arguments, got %d", len(args))
	}
	src, err := runtime.Iter(th, args[0])
	if err != nil {
		return nil, err
	}
	start, stop, step := int64(0), int64(math.MaxInt64), int64(1)
	if len(args) == 2 {
		if stop, err = isliceIndex(th, args[1], math.MaxInt64, "Stop argument"); err != nil {
			return nil, err
		}
	} else {
		if start, err = isliceIndex(th, args[1], 0, "Indices"); err != nil {
			return nil, err
		}
		if stop, err = isliceIndex(th, args[2], math.MaxInt64, "Indices"); err != nil {
			return nil, err
		}
		if len(args) == 4 && !args[3].IsNone() {
			s, ok := runtime.AsInt64(args[3])
			if !ok || s <= 0 {
				return nil, runtime.ValueErrorf("Step for islice() must be a positive integer or None.")
			}
			step = s
		}
	}
	pos, want := int64(0), start
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		if want >= stop {
			return runtime.Value{}, false, nil
		}
		for ; pos < want; pos++ { // skip to the next index wanted
			if _, ok, err := src.Next(th); !ok || err != nil {
				return runtime.Value{}, false, err
			}
			if err := th.Tick(); err != nil {
				return runtime.Value{}, false, err
			}
		}
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		pos++
		want += step
		return v, true, nil
	}}, nil
}

// tuplesOf builds the tuple of pool items at indices.
func tupleAt(pool []runtime.Value, indices []int) runtime.Value {
	items := make([]runtime.Value, len(indices))
	for i, j := range indices {
		items[i] = pool[j]
	}
	return runtime.NewTuple(items)
}

// stepper makes an iterator from a first result and a step that advances the state,
// reporting false when there is no further result.
func stepper(first bool, emit func() runtime.Value, step func() bool) *itIter {
	started := false
	return &itIter{next: func(*runtime.Thread) (runtime.Value, bool, error) {
		if !started {
			started = true
			if !first {
				return runtime.Value{}, false, nil
			}
			return emit(), true, nil
		}
		if !step() {
			return runtime.Value{}, false, nil
		}
		return emit(), true, nil
	}}
}

func itProduct(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	repeat := int64(1)
	for _, k := range kw {
		if k.Name != "repeat" {
			return nil, runtime.TypeErrorf("product() got an unexpected keyword argument '%s'", k.Name)
		}
		var err error
		if repeat, err = toIndex(th, k.Value); err != nil {
			return nil, err
		}
		if repeat < 0 {
			return nil, runtime.ValueErrorf("repeat argument cannot be negative")
		}
	}
	var pools [][]runtime.Value
	for _, a := range args {
		items, err := runtime.ToSlice(th, a)
		if err != nil {
			return nil, err
		}
		pools = append(pools, append([]runtime.Value(nil), items...))
	}
	var all [][]runtime.Value
	for r := int64(0); r < repeat; r++ {
		all = append(all, pools...)
	}
	indices := make([]int, len(all))
	nonEmpty := true
	for _, p := range all {
		nonEmpty = nonEmpty && len(p) > 0
	}
	emit := func() runtime.Value {
		items := make([]runtime.Value, len(all))
		for i, p := range all {
			items[i] = p[indices[i]]
		}
		return runtime.NewTuple(items)
	}
	return stepper(nonEmpty, emit, func() bool {
		for i := len(all) - 1; i >= 0; i-- { // an odometer, rightmost fastest
			if indices[i]++; indices[i] < len(all[i]) {
				return true
			}
			indices[i] = 0
		}
		return false
	}), nil
}

// poolAndR reads the iterable and r of permutations and the combinations.
func poolAndR(th *runtime.Thread, name string, args []runtime.Value, kw []runtime.Kwarg, rOptional bool) ([]runtime.Value, int, error) {
	var iterable, rv runtime.Value
	spec := "r"
	if rOptional {
		spec = "r?"
	}
	if err := runtime.UnpackArgs(name, args, kw, "iterable", &iterable, spec, &rv); err != nil {
		return nil, 0, err
	}
	items, err := runtime.ToSlice(th, iterable)
	if err != nil {
		return nil, 0, err
	}
	pool := append([]runtime.Value(nil), items...)
	r := len(pool)
	if rv.IsValid() && !rv.IsNone() {
		n, err := toIndex(th, rv)
		if err != nil {
			return nil, 0, err
		}
		if n < 0 {
			return nil, 0, runtime.ValueErrorf("r must be non-negative")
		}
		r = int(n)
	}
	return pool, r, nil
}

func itPermutations(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	pool, r, err := poolAndR(th, "permutations", args, kw, true)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, max(r, 0))
	for i := range cycles {
		cycles[i] = n - i
	}
	return stepper(r <= n, func() runtime.Value { return tupleAt(pool, indices[:r]) }, func() bool {
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				moved := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = moved
				cycles[i] = n - i
				continue
			}
			j := cycles[i]
			indices[i], indices[n-j] = indices[n-j], indices[i]
			return true
		}
		return false
	}), nil
}

// itCombinations is combinations or, with replacement, combinations_with_replacement.
func itCombinations(replace bool) itMaker {
	name := "combinations"
	if replace {
		name = "combinations_with_replacement"
	}
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
		pool, r, err := poolAndR(th, name, args, kw, false)
		if err != nil {
			return nil, err
		}
		n := len(pool)
		indices := make([]int, r)
		first := r <= n
		if replace {
			first = n > 0 || r == 0
		} else {
			for i := range indices {
				indices[i] = i
			}
		}
		return stepper(first, func() runtime.Value { return tupleAt(pool, indices) }, func() bool {
			i := r - 1
			for ; i >= 0; i-- {
				if (replace && indices[i] != n-1) || (!replace && indices[i] != i+n-r) {
					break
				}
			}
			if i < 0 {
				return false
			}
			indices[i]++
			for j := i + 1; j < r; j++ {
				if replace {
					indices[j] = indices[i]
				} else {
					indices[j] = indices[j-1] + 1
				}
			}
			return true
		}), nil
	}
}

func itAccumulate(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var iterable, fn, initial runtime.Value
	if err := runtime.UnpackArgs("accumulate", args, kw, "iterable", &iterable, "func?", &fn, "initial?", &initial); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	var total runtime.Value
	if initial.IsValid() && !initial.IsNone() {
		total = initial
	}
	pendingInitial := total.IsValid()
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		if pendingInitial {
			pendingInitial = false
			return total, true, nil
		}
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		switch {
		case !total.IsValid():
			total = v
		case fn.IsValid() && !fn.IsNone():
			total, err = runtime.Call(th, fn, []runtime.Value{total, v}, nil)
		default:
			total, err = runtime.Binary(th, runtime.OpAdd, total, v)
		}
		return total, err == nil, err
	}}, nil
}

// groupby state, shared between the groupby iterator and its groups as in CPython: a group
// is valid until the groupby moves on.
type groupState struct {
	src                  runtime.Iterator
	keyFn                runtime.Value
	tgtKey, curKey, curV runtime.Value // invalid when unset
	done                 bool
}

// advance reads the next item and its key.
func (g *groupState) advance(th *runtime.Thread) (bool, error) {
	v, ok, err := g.src.Next(th)
	if !ok || err != nil {
		g.done = true
		return false, err
	}
	if err := th.Tick(); err != nil { // skipping the rest of a long group
		return false, err
	}
	k := v
	if g.keyFn.IsValid() && !g.keyFn.IsNone() {
		if k, err = runtime.Call(th, g.keyFn, []runtime.Value{v}, nil); err != nil {
			return false, err
		}
	}
	g.curKey, g.curV = k, v
	return true, nil
}

var grouperType = newIterType("itertools", "_grouper")

func itGroupby(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var iterable, keyFn runtime.Value
	if err := runtime.UnpackArgs("groupby", args, kw, "iterable", &iterable, "key?", &keyFn); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	g := &groupState{src: src, keyFn: keyFn}
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		// Skip what remains of the current group.
		for {
			if !g.curKey.IsValid() {
				if ok, err := g.advance(th); !ok || err != nil {
					return runtime.Value{}, false, err
				}
			}
			if !g.tgtKey.IsValid() {
				break
			}
			eq, err := runtime.Equal(th, g.tgtKey, g.curKey)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if !eq {
				break
			}
			if ok, err := g.advance(th); !ok || err != nil {
				return runtime.Value{}, false, err
			}
		}
		g.tgtKey = g.curKey
		key := g.tgtKey
		grouper := &itIter{cls: grouperType, next: func(th *runtime.Thread) (runtime.Value, bool, error) {
			if g.done || !g.tgtKey.Is(key) {
				return runtime.Value{}, false, nil
			}
			if !g.curKey.IsValid() {
				if ok, err := g.advance(th); !ok || err != nil {
					return runtime.Value{}, false, err
				}
			}
			eq, err := runtime.Equal(th, key, g.curKey)
			if err != nil || !eq {
				return runtime.Value{}, false, err
			}
			v := g.curV
			g.curKey = runtime.Value{}
			return v, true, nil
		}}
		return runtime.NewTuple([]runtime.Value{key, runtime.Ref(grouper)}), true, nil
	}}, nil
}

func itZipLongest(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	fill := runtime.None
	for _, k := range kw {
		if k.Name != "fillvalue" {
			return nil, runtime.TypeErrorf("zip_longest() got an unexpected keyword argument '%s'", k.Name)
		}
		fill = k.Value
	}
	its, err := iterArgs(th, args)
	if err != nil {
		return nil, err
	}
	active := len(its)
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		if len(its) == 0 || active == 0 {
			return runtime.Value{}, false, nil
		}
		items := make([]runtime.Value, len(its))
		for i, it := range its {
			items[i] = fill
			if it == nil {
				continue
			}
			v, ok, err := it.Next(th)
			if err != nil {
				return runtime.Value{}, false, err
			}
			if ok {
				items[i] = v
				continue
			}
			its[i] = nil
			if active--; active == 0 {
				return runtime.Value{}, false, nil
			}
		}
		return runtime.NewTuple(items), true, nil
	}}, nil
}

func itStarmap(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var fn, iterable runtime.Value
	if err := runtime.UnpackArgs("starmap", args, kw, "function", &fn, "iterable", &iterable); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		fargs, err := runtime.ToSlice(th, v)
		if err != nil {
			return runtime.Value{}, false, err
		}
		r, err := runtime.Call(th, fn, append([]runtime.Value(nil), fargs...), nil)
		return r, err == nil, err
	}}, nil
}

// predicate calls pred on v (None meaning bool) and returns the truth of the result.
func predicate(th *runtime.Thread, pred, v runtime.Value) (bool, error) {
	if !pred.IsNone() {
		var err error
		if v, err = runtime.Call(th, pred, []runtime.Value{v}, nil); err != nil {
			return false, err
		}
	}
	return runtime.Truth(th, v)
}

// itWhile is takewhile (take) or dropwhile.
func itWhile(take bool) itMaker {
	name := map[bool]string{true: "takewhile", false: "dropwhile"}[take]
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
		var pred, iterable runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "predicate", &pred, "iterable", &iterable); err != nil {
			return nil, err
		}
		src, err := runtime.Iter(th, iterable)
		if err != nil {
			return nil, err
		}
		switched := false
		return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
			for {
				v, ok, err := src.Next(th)
				if !ok || err != nil || switched {
					return v, ok && !take, err
				}
				if err := th.Tick(); err != nil {
					return runtime.Value{}, false, err
				}
				t, err := predicate(th, pred, v)
				if err != nil {
					return runtime.Value{}, false, err
				}
				if take {
					return v, t, nil
				}
				if !t {
					switched = true
					return v, true, nil
				}
			}
		}}, nil
	}
}

func itFilterfalse(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var pred, iterable runtime.Value
	if err := runtime.UnpackArgs("filterfalse", args, kw, "function", &pred, "iterable", &iterable); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		for {
			v, ok, err := src.Next(th)
			if !ok || err != nil {
				return v, ok, err
			}
			if err := th.Tick(); err != nil {
				return runtime.Value{}, false, err
			}
			t, err := predicate(th, pred, v)
			if err != nil || !t {
				return v, err == nil, err
			}
		}
	}}, nil
}

func itCompress(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var data, selectors runtime.Value
	if err := runtime.UnpackArgs("compress", args, kw, "data", &data, "selectors", &selectors); err != nil {
		return nil, err
	}
	its, err := iterArgs(th, []runtime.Value{data, selectors})
	if err != nil {
		return nil, err
	}
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		for {
			v, ok, err := its[0].Next(th)
			if !ok || err != nil {
				return v, false, err
			}
			s, ok, err := its[1].Next(th)
			if !ok || err != nil {
				return v, false, err
			}
			if err := th.Tick(); err != nil {
				return runtime.Value{}, false, err
			}
			if t, err := runtime.Truth(th, s); t || err != nil {
				return v, err == nil, err
			}
		}
	}}, nil
}

func itPairwise(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (*itIter, error) {
	var iterable runtime.Value
	if err := runtime.UnpackArgs("pairwise", args, kw, "iterable", &iterable); err != nil {
		return nil, err
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return nil, err
	}
	var prev runtime.Value
	return &itIter{next: func(th *runtime.Thread) (runtime.Value, bool, error) {
		if !prev.IsValid() {
			v, ok, err := src.Next(th)
			if !ok || err != nil {
				return v, false, err
			}
			prev = v
		}
		v, ok, err := src.Next(th)
		if !ok || err != nil {
			return v, false, err
		}
		pair := runtime.NewTuple([]runtime.Value{prev, v})
		prev = v
		return pair, true, nil
	}}, nil
}

var teeType = newIterType("itertools", "_tee")

// itTee is tee(iterable, n=2): n iterators sharing a buffer of the items some have seen
// and others not yet.
func itTee(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var iterable runtime.Value
	n := 2
	if err := runtime.UnpackArgs("tee", args, kw, "iterable", &iterable, "n?", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.ValueErrorf("n must be >= 0")
	}
	src, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	var buf []runtime.Value
	base := 0 // index in the stream of buf[0]
	pos := make([]int, n)
	out := make([]runtime.Value, n)
	for i := range out {
		i := i
		out[i] = runtime.Ref(&itIter{cls: teeType, next: func(th *runtime.Thread) (runtime.Value, bool, error) {
			if pos[i]-base == len(buf) {
				v, ok, err := src.Next(th)
				if !ok || err != nil {
					return v, false, err
				}
				buf = append(buf, v)
			}
			v := buf[pos[i]-base]
			pos[i]++
			// Drop what every iterator has passed.
			low := pos[0]
			for _, p := range pos {
				low = min(low, p)
			}
			buf, base = buf[low-base:], low
			return v, true, nil
		}})
	}
	return runtime.NewTuple(out), nil
}
